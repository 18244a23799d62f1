"""The whole Data Package as one zip: datapackage.json, data/ (CSVs and source text), the licence and how to cite."""
from datetime import datetime
from pathlib import Path

from scripts import paths
from scripts.downloads import layout
from scripts.downloads.citation import released_cff
from scripts.downloads.files import write_zip


def write_package_zip(release_dir: Path, zip_path: Path, version: str, when: datetime) -> None:
    """The descriptor and data/; the licence and citation travel with them, so a copy found on a hard
    disk years later still says whose it is, on what terms, and which version at which address."""
    data = (path for path in (release_dir / layout.DATA).rglob("*") if path.is_file())
    members = [release_dir / layout.DESCRIPTOR, *data]
    entries = [(member.relative_to(release_dir).as_posix(), member.read_bytes()) for member in members]
    entries += [(layout.LICENCE, (paths.ROOT / layout.LICENCE).read_bytes()),
                (layout.CITATION, released_cff(version).encode("utf-8"))]
    write_zip(zip_path, sorted(entries), when)
