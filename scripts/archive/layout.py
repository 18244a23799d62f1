"""Where every file of a release goes: the one statement of the release's layout.

    downloads/v<version>/   one release, kept at this address for good (every release in releases.yaml)
    downloads/latest/       the same files as the newest release
    downloads/unreleased/   the working tree's files when they differ from its recorded release (a preview)
        datapackage.json        descriptor: schemas inline, version, release date, bytes + sha256 per CSV
        data/<resource>.csv     the validated CSVs, byte for byte
        data/source/*.txt       the stored source texts the Chinese quotes are checked against
        data/derived/<name>.csv the derived tables: what the site computes (scripts/standing/derived.py), labelled derived
        json/<resource>.json    each resource as JSON (typed; missing = null); json/derived/<name>.json likewise
        targets/<target_id>.csv one target's published figures (its rows of progress), and .json, for its page's download
        <name>.zip              datapackage.json + data/ + LICENSE.md + CITATION.cff
        <name>.xlsx             field dictionary sheet, then a sheet per resource
        <name>.sqlite           typed tables with primary and foreign keys
        termbase.csv            every term and unit: Chinese, its one English form, the variants (for translators' tools)
        SHA256SUMS              sha256sum -c compatible manifest of all the above
"""
DOWNLOADS = "downloads"  # under the site's root
LATEST = "latest"
UNRELEASED = "unreleased"  # files of data changed since the last release: a preview, never to be cited
DESCRIPTOR = "datapackage.json"
DATA = "data"
JSON = "json"
DERIVED = "derived"  # the derived tables' folder, under data/ and json/
TARGETS = "targets"  # each target's figures
MANIFEST = "SHA256SUMS"
TERMBASE = "termbase.csv"
# Repository files that travel in the zip with the data (CITATION.cff given the release's version and address).
LICENCE = "LICENSE.md"
CITATION = "CITATION.cff"


# The whole-package files, by format: named after the package (cq-sme-tiered-cultivation-2024.zip).
PACKAGE_FORMATS = {"zip": "zip", "workbook": "xlsx", "database": "sqlite"}
# Each resource's own files, by format: (folder, file extension), relative to the descriptor, as in the zip.
RESOURCE_FORMATS = {"csv": (DATA, "csv"), "json": (JSON, "json")}


def version_dir(version: str) -> str:
    return f"v{version}"


def unreleased_version(version: str) -> str:
    """What the preview's files call themselves: the last release's version marked as not it (1.0.0+unreleased)."""
    return f"{version}+{UNRELEASED}"


def folder_of(version: str) -> str:
    """The folder whose files call themselves `version`."""
    return UNRELEASED if version.endswith(f"+{UNRELEASED}") else version_dir(version)


def package_file(package_name: str, kind: str) -> str:
    return f"{package_name}.{PACKAGE_FORMATS[kind]}"


def resource_file(resource: str, kind: str, derived: bool = False) -> str:
    folder, extension = RESOURCE_FORMATS[kind]
    return f"{folder}/{DERIVED}/{resource}.{extension}" if derived else f"{folder}/{resource}.{extension}"


def file_of(resource: dict, kind: str) -> str:
    """A resource's file of one format, given its descriptor (a derived table's goes under derived/)."""
    return resource_file(resource["name"], kind, bool(resource.get("derived")))


def target_file(target_id: str, kind: str) -> str:
    """One target's figures as CSV or JSON."""
    return f"{TARGETS}/{target_id}.{RESOURCE_FORMATS[kind][1]}"


def source_path(source_file: str) -> str:
    """A stored source text, given as documents.source_file gives it (relative to data/)."""
    return f"{DATA}/{source_file}"


def folder_url(site_url: str | None, folder: str) -> str | None:
    """The address of downloads/<folder>/ on the published site, or None when the site has no address."""
    return f"{site_url}{DOWNLOADS}/{folder}/" if site_url else None


def release_url(site_url: str | None, version: str) -> str | None:
    """The address of the files that call themselves `version`: a release's own folder, or the preview's."""
    return folder_url(site_url, folder_of(version))
