"""One release's files, written into one folder: write_release(package, folder).

Past releases are rebuilt by calling this, as `from scripts.downloads import write_release;
write_release(load_package(), Path(out))`, with their own commit's code (past_releases.py): keep that
call working in every version.
"""
from pathlib import Path

from scripts.downloads import layout
from scripts.downloads.database import write_database
from scripts.downloads.descriptor import copy_data, write_descriptor
from scripts.downloads.files import release_time
from scripts.downloads.json_files import write_json_files
from scripts.downloads.manifest import write_manifest
from scripts.downloads.package_zip import write_package_zip
from scripts.downloads.termbase import write_termbase
from scripts.downloads.workbook import write_workbook
from scripts.errors import BuildError
from scripts.package import VERSION, DataPackage


def release_dir_name(descriptor: dict) -> str:
    version = str(descriptor.get("version", ""))
    if not VERSION.fullmatch(version):
        raise BuildError(f"datapackage.yaml: version {version!r} is not MAJOR.MINOR.PATCH; it names the download folder.")
    return layout.version_dir(version)


def write_release(package: DataPackage, release_dir: Path) -> None:
    """All files of one release into a new folder (it must not exist: nothing stale can survive)."""
    descriptor = package.descriptor
    when, name, version = release_time(descriptor), descriptor["name"], descriptor["version"]
    release_dir.mkdir(parents=True)
    copy_data(package, release_dir)
    write_descriptor(package, release_dir)
    write_json_files(package, release_dir)
    write_package_zip(release_dir, release_dir / layout.package_file(name, "zip"), version, when)
    write_workbook(package, release_dir / layout.package_file(name, "workbook"), when)
    write_database(package, release_dir / layout.package_file(name, "database"))
    write_termbase(package, release_dir / layout.TERMBASE)
    write_manifest(release_dir)
