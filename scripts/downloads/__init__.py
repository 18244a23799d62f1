"""Downloads: a versioned release of the Data Package in every common format, plus `latest`.

write_downloads(package, docs_dir) writes docs_dir/downloads/v<version>/ and an identical
docs_dir/downloads/latest/, then fills the Data pages' placeholders. Layout of each folder:

    datapackage.json        descriptor: schemas inline, version, release date, bytes + sha256 per CSV
    data/<resource>.csv     the validated CSVs, byte for byte
    data/source/*.txt       the stored source text the Chinese quotes are checked against
    json/<resource>.json    each resource as JSON (typed; missing = null)
    <name>.zip              datapackage.json + data/ (CSVs, source text) + LICENSE.md + CITATION.cff
    <name>.xlsx             field dictionary sheet, then a sheet per resource
    <name>.sqlite           typed tables with primary and foreign keys
    SHA256SUMS              sha256sum -c compatible manifest of all the above

Every byte depends only on the data and the descriptor's `created` date: same inputs, same files.
"""
import shutil
from pathlib import Path

from scripts.checks import VERSION
from scripts.downloads.database import write_database
from scripts.downloads.descriptor import copy_data, write_descriptor
from scripts.downloads.files import release_time
from scripts.downloads.json_files import write_json_files
from scripts.downloads.manifest import write_manifest
from scripts.downloads.package_zip import write_package_zip
from scripts.downloads.site_pages import fill_pages
from scripts.downloads.workbook import write_workbook
from scripts.package import DataPackage

def release_dir_name(descriptor: dict) -> str:
    version = str(descriptor.get("version", ""))
    if not VERSION.fullmatch(version):
        raise ValueError(f"datapackage.yaml: version {version!r} is not MAJOR.MINOR.PATCH; it names the download folder.")
    return f"v{version}"


def write_release(package: DataPackage, release_dir: Path) -> None:
    """All files of one release into a new folder (it must not exist: nothing stale can survive)."""
    when, name = release_time(package.descriptor), package.descriptor["name"]
    release_dir.mkdir(parents=True)
    copy_data(package, release_dir)
    write_descriptor(package, release_dir)
    write_json_files(package, release_dir / "json")
    write_package_zip(release_dir, release_dir / f"{name}.zip", when)
    write_workbook(package, release_dir / f"{name}.xlsx", when)
    write_database(package, release_dir / f"{name}.sqlite")
    write_manifest(release_dir)


def write_downloads(package: DataPackage, docs_dir: Path) -> Path:
    downloads = docs_dir / "downloads"
    release_dir = downloads / release_dir_name(package.descriptor)
    write_release(package, release_dir)
    shutil.copytree(release_dir, downloads / "latest")
    fill_pages(package, docs_dir, release_dir)
    return release_dir
