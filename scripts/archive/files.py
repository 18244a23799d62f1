"""Byte-level helpers every format shares: hashes, sizes and zips that come out the same on every build."""
import hashlib
import io
import zipfile
from datetime import datetime
from pathlib import Path

ZIP_EPOCH = datetime(1980, 1, 1)  # the earliest time a zip entry can hold


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def release_time(descriptor: dict) -> datetime:
    """The descriptor's `created` (the release date), as a naive UTC datetime: every timestamp we write."""
    created = datetime.fromisoformat(descriptor["created"].replace("Z", "+00:00"))
    return created.replace(tzinfo=None)


def write_zip(path: Path, entries: list[tuple[str, bytes]], when: datetime) -> None:
    """A zip whose bytes depend only on the entries: fixed date, permissions and creator system.

    Entries are written in the order given, so callers choose it (sorted, or the order a format needs).
    """
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=max(when, ZIP_EPOCH).timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever machine builds it
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)


def read_zip(data: bytes | Path) -> list[tuple[str, bytes]]:
    """The entries of a zip, in their stored order."""
    source = data if isinstance(data, Path) else io.BytesIO(data)
    with zipfile.ZipFile(source) as archive:
        return [(name, archive.read(name)) for name in archive.namelist()]


def human_size(size: int) -> str:
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1_000_000:.1f} MB"
