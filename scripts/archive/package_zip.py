"""The whole Data Package as one zip: datapackage.json, data/ (CSVs and source text), the licence, how to cite,
and a README saying what the zip holds."""
from datetime import datetime
from pathlib import Path

from scripts.archive import layout
from scripts.archive.citation_file import released_cff
from scripts.archive.files import write_zip
from scripts.archive.readme import readme_entry
from scripts.package import DataPackage


def write_package_zip(package: DataPackage, release_dir: Path, zip_path: Path, when: datetime, site_url: str | None) -> None:
    """The descriptor and data/; the licence and citation travel with them, so a copy found on a hard
    disk years later still says whose it is, on what terms, and which version at which address."""
    data = (path for path in (release_dir / layout.DATA).rglob("*") if path.is_file())
    members = [release_dir / layout.DESCRIPTOR, *data]
    entries = [(member.relative_to(release_dir).as_posix(), member.read_bytes()) for member in members]
    cff = released_cff((package.root / layout.CITATION).read_text(encoding="utf-8"), package.descriptor["version"], site_url)
    entries += [(layout.LICENCE, (package.root / layout.LICENCE).read_bytes()), (layout.CITATION, cff.encode("utf-8")),
                readme_entry(package, cff, site_url)]
    write_zip(zip_path, sorted(entries), when)
