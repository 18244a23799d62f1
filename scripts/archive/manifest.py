"""SHA256SUMS: one line per file of the release, in the format `sha256sum -c SHA256SUMS` checks."""
from pathlib import Path

from scripts.archive.files import sha256
from scripts.archive.layout import MANIFEST


def release_files(release_dir: Path) -> list[Path]:
    """Every file of the release but the manifest, sorted by path so the manifest is stable."""
    files = [path for path in release_dir.rglob("*") if path.is_file() and path.name != MANIFEST]
    return sorted(files, key=lambda path: path.relative_to(release_dir).as_posix())


def write_manifest(release_dir: Path) -> None:
    lines = [f"{sha256(path)}  {path.relative_to(release_dir).as_posix()}\n" for path in release_files(release_dir)]
    (release_dir / MANIFEST).write_text("".join(lines), encoding="utf-8")
