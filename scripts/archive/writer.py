"""One release's files, written into one folder: write_release(package, folder, site_url).

Every recorded release is rebuilt, forever, through this room's door `python -m scripts.archive`
(scripts/archive/__main__.py) run in that release's own tree: keep the door working in every version.
"""
from pathlib import Path

from scripts.archive import layout
from scripts.archive.database import write_database
from scripts.archive.derived import with_derived, write_target_files
from scripts.archive.descriptor import copy_data, write_descriptor
from scripts.archive.files import release_time
from scripts.archive.json_files import write_json_files
from scripts.archive.manifest import write_manifest
from scripts.archive.package_zip import write_package_zip
from scripts.archive.termbase import write_termbase
from scripts.archive.workbook import write_workbook
from scripts.errors import BuildError
from scripts.package import VERSION, DataPackage


def release_dir_name(descriptor: dict) -> str:
    version = str(descriptor.get("version", ""))
    if not VERSION.fullmatch(version):
        raise BuildError("package.version-malformed", f"datapackage.yaml: version {version!r} is not MAJOR.MINOR.PATCH; "
                         "it names the download folder. Fix: let make release set it.")
    return layout.version_dir(version)


def write_release(package: DataPackage, release_dir: Path, site_url: str | None) -> None:
    """All files of one release into a new folder (it must not exist: nothing stale can survive).
    site_url, the site's address or None, is written into the descriptor and the citation. The derived
    tables (what the site computes) go with the package's own, marked derived, in every format."""
    when, name = release_time(package.descriptor), package.descriptor["name"]
    package = with_derived(package)
    release_dir.mkdir(parents=True)
    copy_data(package, release_dir)
    write_descriptor(package, release_dir, site_url)
    write_json_files(package, release_dir)
    write_target_files(package, release_dir)
    write_package_zip(package, release_dir, release_dir / layout.package_file(name, "zip"), when, site_url)
    write_workbook(package, release_dir / layout.package_file(name, "workbook"), when)
    write_database(package, release_dir / layout.package_file(name, "database"))
    write_termbase(package, release_dir / layout.TERMBASE)
    write_manifest(release_dir)
