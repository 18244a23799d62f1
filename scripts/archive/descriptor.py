"""The released descriptor (datapackage.json): schemas inline, and each CSV's size and SHA-256."""
from pathlib import Path

from scripts.archive import layout
from scripts.archive.files import sha256
from scripts.archive.json_files import dumps
from scripts.package import DataPackage, write_table


def source_texts(package: DataPackage) -> list[str]:
    """The stored texts every Chinese quote is checked against, relative to data/: each document's source
    text (documents.source_file), then each progress source's excerpt (sources.excerpt_file)."""
    documents = sorted({document["source_file"] for document in package.records["documents"]})
    return documents + sorted({source["excerpt_file"] for source in package.records.get("sources", [])})


def copy_data(package: DataPackage, release_dir: Path) -> None:
    """The CSVs byte for byte as validated (nothing re-serialised, so nothing can change), the derived
    tables written from their rows, and the source texts they point to, so a reader can check every quote."""
    (release_dir / layout.DATA).mkdir(parents=True)
    for resource in package.descriptor["resources"]:
        path = release_dir / layout.file_of(resource, "csv")
        if resource.get("derived"):
            path.parent.mkdir(parents=True, exist_ok=True)
            write_table(path, package.columns[resource["name"]], package.records[resource["name"]])
        else:
            path.write_bytes((package.root / resource["path"]).read_bytes())
    for text in source_texts(package):
        (release_dir / layout.source_path(text)).parent.mkdir(parents=True, exist_ok=True)
        (release_dir / layout.source_path(text)).write_bytes((package.root / "data" / text).read_bytes())


def with_homepage(descriptor: dict, site_url: str | None) -> dict:
    """The site's address as the package's homepage, after `created` (where 1.0.0 had it); with no
    SITE_URL, no homepage: an invented one would send readers nowhere."""
    if site_url is None:
        return descriptor
    items = list(descriptor.items())
    after = [key for key, _ in items].index("created") + 1
    return dict(items[:after] + [("homepage", site_url)] + items[after:])


def released_descriptor(package: DataPackage, release_dir: Path, site_url: str | None) -> dict:
    # Resource paths stay relative even when the site has an address: this same file is inside the zip,
    # where an absolute path would send a reader working offline to the web instead of the CSV beside it.
    resources = []
    for resource in package.descriptor["resources"]:
        path = layout.file_of(resource, "csv")
        file = release_dir / path
        resources.append(dict(resource, path=path, bytes=file.stat().st_size, hash=f"sha256:{sha256(file)}"))
    return with_homepage(dict(package.descriptor, resources=resources), site_url)


def write_descriptor(package: DataPackage, release_dir: Path, site_url: str | None) -> Path:
    path = release_dir / layout.DESCRIPTOR
    path.write_text(dumps(released_descriptor(package, release_dir, site_url)), encoding="utf-8")
    return path
