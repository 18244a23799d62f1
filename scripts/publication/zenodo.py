"""Archive a release's built files on Zenodo: `python -m scripts.publication.zenodo VERSION FOLDER`.

Zenodo's GitHub integration archives the repository at each release's tag (the source). This archives the
files the site serves for the release (FOLDER: site/downloads/v<version>/ as the build wrote it) as a version
of a Zenodo record of their own, through Zenodo's deposit API (developers.zenodo.org):

    ZENODO_CONCEPT_ID set  the newest version of that record (its concept id, or any version's id): if it is
                           VERSION with these files there is nothing to do (with other files it is the GitHub
                           integration's record, given by mistake: stop); else a new version of it, from which
                           the files Zenodo copies over from the version before are deleted
    not set                a new record; the message names the id to set for the next release
    then                   the metadata (.zenodo.json, with VERSION, its date in releases.yaml, and links to the
                           version's page on the site), each file PUT into the draft's bucket with Zenodo's MD5
                           compared with ours, the draft's file list compared with ours, and only then publish.

The files are the top of FOLDER, each checked against its SHA256SUMS (Zenodo keeps no folders: data/ is in
the zip, json/ stays on the site), and SHA256SUMS. Everything local is checked before the first request. A
failed request stops the upload in one line (the step, Zenodo's status and message, the fix; exit 1) and the
unpublished draft is deleted: nothing is published half, and the next run starts clean.

The environment is read here only: ZENODO_TOKEN (without it the upload is skipped, exit 0), ZENODO_URL
(https://zenodo.org unless set; https://sandbox.zenodo.org to try), ZENODO_CONCEPT_ID, SITE_URL.
"""
import hashlib
import json
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from scripts.archive import layout
from scripts.archive.files import sha256
from scripts.context import CODE, SITE_URL_VARIABLE, parse_site_url
from scripts.errors import BuildError
from scripts.publication.registry import read_releases
from scripts.publication.zenodo_api import Zenodo, ZenodoError

DESCRIPTION = ".zenodo.json"  # under the root: what Zenodo says about the package (the GitHub integration reads it too)
DEFAULT_URL = "https://zenodo.org"
SERIES_VARIABLE = "ZENODO_CONCEPT_ID"
MANIFEST_LINE = re.compile(r"([0-9a-f]{64}) [ *](.+)")  # sha256sum's "<hash>  <name>" (* before a name read as binary)


@dataclass(frozen=True)
class Upload:
    """One release's files and what Zenodo is told about them."""
    version: str
    files: list[Path]  # in upload order, SHA256SUMS last
    metadata: dict  # the deposit's metadata, as Zenodo's deposit API takes it


# --- what is uploaded: checked before Zenodo is asked anything ------------------------------------------

def local_error(what: str, fix: str) -> ZenodoError:
    return ZenodoError("checking the release and the settings", what, f"{fix}; nothing was sent to Zenodo")


def release_files(folder: Path) -> list[Path]:
    """The files at the top of the folder that its SHA256SUMS lists, each with the bytes it lists, then SHA256SUMS."""
    manifest = folder / layout.MANIFEST
    if not manifest.is_file():
        raise local_error(f"{manifest} does not exist", "give the release folder the build wrote (site/downloads/v<version>/)")
    files = []
    for line in filter(str.strip, manifest.read_text(encoding="utf-8").splitlines()):
        listed = MANIFEST_LINE.fullmatch(line)
        if not listed:
            raise local_error(f"{manifest}: {line!r} is not a line of sha256sum", "build again (make build)")
        digest, name = listed.groups()
        if "/" in name:
            continue  # Zenodo keeps no folders: data/ travels in the zip, json/ stays on the site
        path = folder / name
        if not path.is_file() or sha256(path) != digest:
            raise local_error(f"{path} is missing or not the file {layout.MANIFEST} lists",
                              "build again (make build) and upload the folder it writes")
        files.append(path)
    return [*files, manifest]


def deposit_metadata(root: Path, version: str, site_url: str) -> dict:
    """.zenodo.json with the release's version and date, open access, and links to the version's page on the site."""
    try:
        described = json.loads((root / DESCRIPTION).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise local_error(f"{DESCRIPTION} cannot be read ({error})", f"restore {DESCRIPTION} from the repository") from None
    dates = {release.version: release.date for release in read_releases(root)}
    if version not in dates:
        raise local_error(f"{version} is not a release recorded in releases.yaml", "upload a version make release recorded")
    page = layout.release_url(site_url, version)
    return {**described, "version": version, "publication_date": dates[version], "access_right": "open",
            "related_identifiers": [*described.get("related_identifiers", []),
                                    {"identifier": page, "relation": "isIdenticalTo", "resource_type": "dataset"}],
            "notes": (f"The files of release {version} as the site publishes them at {page}, where each is described. "
                      f"Check them with: sha256sum -c --ignore-missing {layout.MANIFEST} (it also lists the files under "
                      "data/, which are in the zip, and json/, which stay at that address).")}


# --- the upload ----------------------------------------------------------------------------------------

AGAIN = "run the workflow again"  # a request, or its bytes, went astray


def archive(zenodo: Zenodo, release: Upload, series: str | None) -> str:
    """Publish the release on Zenodo, as a new version of the series or a new record; what happened, in a sentence."""
    if series:
        newest = newest_version(zenodo, series)
        if str(newest.get("metadata", {}).get("version", "")).removeprefix("v") == release.version:
            return held_already(zenodo, newest, release)
        draft_url = new_version(zenodo, newest, release.version)
    else:
        created = zenodo.call("creating a record", "POST", f"{zenodo.api}/deposit/depositions", AGAIN, body={})
        draft_url = link(created, "self", "creating a record")
    try:
        record = fill_and_publish(zenodo, draft_url, release)
    except ZenodoError as error:
        raise error.but(deleted(zenodo, draft_url)) from None
    done = f"Archived release {release.version} on Zenodo: {len(release.files)} files, {address(zenodo, record)}."
    if series:
        return done
    return (f"{done} This is a new record: set the repository variable {SERIES_VARIABLE} to "
            f"{record.get('conceptrecid') or record.get('id')} so that the next release becomes a new version of it.")


def newest_version(zenodo: Zenodo, series: str) -> dict:
    return zenodo.call(f"finding the newest version of record {series}", "GET", f"{zenodo.api}/records/{series}/versions/latest",
                       f"{SERIES_VARIABLE}={series} is no record on {zenodo.base}: set it to the concept id on the record's "
                       "page, or the id of any of its versions (the sandbox and zenodo.org number theirs apart)")


def held_already(zenodo: Zenodo, newest: dict, release: Upload) -> str:
    """Nothing to do when the newest version is this release with these files; an error when it has other files
    (the GitHub integration's record of the repository, whose version .zenodo.json gives too)."""
    files = newest.get("files") or []
    if isinstance(files, dict):  # InvenioRDM's own form: {"entries": {name: {...}}}
        files = list((files.get("entries") or {}).values())
    held = {file.get("key") or file.get("filename"): str(file.get("checksum")).removeprefix("md5:") for file in files}
    if held != {path.name: md5(path) for path in release.files}:
        raise ZenodoError(f"finding the newest version of record {newest.get('id')}",
                          f"it is version {release.version} but holds other files ({', '.join(sorted(map(str, held))) or 'none'})",
                          f"set {SERIES_VARIABLE} to the record of the built files, not the one the GitHub integration makes "
                          "of the repository; nothing was uploaded")
    return f"Zenodo holds release {release.version} already ({address(zenodo, newest)}): nothing to upload."


def new_version(zenodo: Zenodo, newest: dict, version: str) -> str:
    """The address of a draft for the next version, which starts with the files of the version before."""
    step = f"starting version {version} after record {newest.get('id')}"
    if not newest.get("id"):
        raise ZenodoError(step, "Zenodo's answer names no record", f"check that ZENODO_URL is Zenodo's address ({DEFAULT_URL})")
    answer = zenodo.call(step, "POST", f"{zenodo.api}/deposit/depositions/{newest['id']}/actions/newversion",
                         f"if Zenodo says to remove all files first, a draft of a new version is left from an earlier run: "
                         f"delete it on Zenodo ({zenodo.base}/me/uploads) and run the workflow again")
    return link(answer, "latest_draft", "starting a new version")


def fill_and_publish(zenodo: Zenodo, draft_url: str, release: Upload) -> dict:
    """Metadata, then the files (each confirmed by its MD5), then the draft's file list checked, then publish."""
    draft = zenodo.call("reading the draft", "GET", draft_url, AGAIN)
    for copied in draft.get("files") or []:  # a new version starts with the files of the version before
        step = f"deleting {copied.get('filename')} (copied from the version before)"
        zenodo.call(step, "DELETE", link(copied, "self", step), AGAIN)
    zenodo.call("writing the metadata", "PUT", draft_url, f"correct {DESCRIPTION} as Zenodo's message says",
                body={"metadata": release.metadata})
    bucket, publish = link(draft, "bucket", "reading the draft"), link(draft, "publish", "reading the draft")
    for path in release.files:
        stored = zenodo.call(f"uploading {path.name}", "PUT", f"{bucket}/{quote(path.name)}", AGAIN, data=path.read_bytes())
        confirm(f"uploading {path.name}", {path.name: stored.get("checksum", "")}, {path.name: md5(path)})
    listed = zenodo.call("reading the draft's files", "GET", draft_url, AGAIN).get("files") or []
    confirm("comparing the draft's files with the release's", {file.get("filename"): file.get("checksum") for file in listed},
            {path.name: md5(path) for path in release.files})
    return zenodo.call("publishing", "POST", publish, f"correct {DESCRIPTION} as Zenodo's message says")


def link(answer: dict, name: str, step: str) -> str:
    """A link Zenodo's answer gives (the draft's address, its bucket, …), which the next request follows."""
    found = (answer.get("links") or {}).get(name)
    if not isinstance(found, str):
        raise ZenodoError(step, f"Zenodo's answer has no {name} link", f"check that ZENODO_URL is Zenodo's address ({DEFAULT_URL})")
    return found


def md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()  # Zenodo's checksum, not a safeguard


def confirm(step: str, held: dict[str, str], ours: dict[str, str]) -> None:
    """Zenodo holds exactly our files, by name and MD5 (which it gives as md5:<hex> or <hex>)."""
    held = {name: str(checksum).removeprefix("md5:") for name, checksum in held.items()}
    if held != ours:
        wrong = sorted(str(name) for name in held.keys() | ours.keys() if held.get(name) != ours.get(name))
        raise ZenodoError(step, f"Zenodo holds other bytes, or other files, than the release for {', '.join(wrong)}", AGAIN)


def deleted(zenodo: Zenodo, draft_url: str) -> str:
    """Delete the unpublished draft; what became of it, for the error's fix."""
    try:
        zenodo.call("deleting the draft", "DELETE", draft_url, "")
    except ZenodoError as error:
        return (f"its unpublished draft could not be deleted ({error.answer}): delete it on Zenodo "
                f"({zenodo.base}/me/uploads) before running again")
    return "its unpublished draft was deleted, so the next run starts clean"


def address(zenodo: Zenodo, record: dict) -> str:
    links = record.get("links", {})
    page = links.get("html") or links.get("record_html") or f"{zenodo.base}/records/{record.get('id')}"
    return f"{page} (DOI {record['doi']})" if record.get("doi") else page


# --- the command line: the environment is read here only -------------------------------------------

def zenodo_url(value: str) -> str:
    value = value.strip() or DEFAULT_URL
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise local_error(f"ZENODO_URL={value!r} is not an address", f"set it to {DEFAULT_URL}, or https://sandbox.zenodo.org to try")
    return value.rstrip("/")


def series_id(value: str) -> str | None:
    """The record id in ZENODO_CONCEPT_ID: a number, or the end of a record's address or DOI; None when unset."""
    if not value.strip():
        return None
    found = re.search(r"(\d+)/?$", value.strip())
    if not found:
        raise local_error(f"{SERIES_VARIABLE}={value!r} names no record",
                          "set it to the number in the record's address (zenodo.org/records/NUMBER)")
    return found[1]


def site_url(environ: Mapping[str, str]) -> str:
    try:
        parsed = parse_site_url(environ.get(SITE_URL_VARIABLE, ""))
    except BuildError as error:
        raise local_error(error.message.split(" Fix: ")[0], "give the site's address, as the release workflow does") from None
    if not parsed:
        raise local_error(f"{SITE_URL_VARIABLE} is not set", "give the site's address, as the release workflow does, "
                          "so that the record links to the version's page")
    return parsed


def main(argv: list[str], environ: Mapping[str, str] = os.environ, root: Path = CODE) -> int:
    if len(argv) != 2:
        print("usage: python -m scripts.publication.zenodo VERSION FOLDER (the release's folder under site/downloads/)",
              file=sys.stderr)
        return 1
    version, folder = argv[0], Path(argv[1])
    token = environ.get("ZENODO_TOKEN", "").strip()
    if not token:
        print("Zenodo upload skipped: no ZENODO_TOKEN. To archive each release's files on Zenodo, add it as a "
              "repository secret (README, Releases).")
        return 0
    try:
        zenodo = Zenodo(zenodo_url(environ.get("ZENODO_URL", "")), token)
        series = series_id(environ.get(SERIES_VARIABLE, ""))
        release = Upload(version, release_files(folder), deposit_metadata(root, version, site_url(environ)))
        print(archive(zenodo, release, series))
    except ZenodoError as error:
        print(f"Zenodo upload of {version} stopped while {error}", file=sys.stderr)
        return 1
    except BuildError as error:  # releases.yaml unreadable
        print(f"Zenodo upload of {version} stopped: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
