"""Downloads: a versioned release of the Data Package in every common format, plus `latest`.

write_downloads(package, docs_dir) writes docs_dir/downloads/v<version>/ and an identical
docs_dir/downloads/latest/ (the layout is in layout.py); blocks(package, release_dir) gives what the
Data pages' placeholders become. Every byte depends only on the data and the descriptor's `created`
date: same inputs, same files.
"""
import shutil
from pathlib import Path

from scripts.downloads import layout
from scripts.downloads.database import write_database
from scripts.downloads.descriptor import copy_data, write_descriptor
from scripts.downloads.files import release_time
from scripts.downloads.json_files import write_json_files
from scripts.downloads.manifest import write_manifest
from scripts.downloads.package_zip import write_package_zip
from scripts.downloads.site_pages import blocks
from scripts.downloads.termbase import write_termbase
from scripts.downloads.workbook import write_workbook
from scripts.errors import BuildError
from scripts.package import VERSION, DataPackage

__all__ = ["blocks", "release_dir_name", "write_downloads", "write_release"]


def release_dir_name(descriptor: dict) -> str:
    version = str(descriptor.get("version", ""))
    if not VERSION.fullmatch(version):
        raise BuildError(f"datapackage.yaml: version {version!r} is not MAJOR.MINOR.PATCH; it names the download folder.")
    return layout.version_dir(version)


def write_release(package: DataPackage, release_dir: Path) -> None:
    """All files of one release into a new folder (it must not exist: nothing stale can survive)."""
    when, name = release_time(package.descriptor), package.descriptor["name"]
    release_dir.mkdir(parents=True)
    copy_data(package, release_dir)
    write_descriptor(package, release_dir)
    write_json_files(package, release_dir)
    write_package_zip(release_dir, release_dir / layout.package_file(name, "zip"), when)
    write_workbook(package, release_dir / layout.package_file(name, "workbook"), when)
    write_database(package, release_dir / layout.package_file(name, "database"))
    write_termbase(package, release_dir / layout.TERMBASE)
    write_manifest(release_dir)


def write_downloads(package: DataPackage, docs_dir: Path) -> Path:
    """The release under its version's folder and as latest/; returns the version's folder."""
    downloads = docs_dir / layout.DOWNLOADS
    release_dir = downloads / release_dir_name(package.descriptor)
    write_release(package, release_dir)
    shutil.copytree(release_dir, downloads / layout.LATEST)
    return release_dir
