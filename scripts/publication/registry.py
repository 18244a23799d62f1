"""The recorded releases: releases.yaml, a list of {version, date, commit}, oldest first.

Git tags may not travel with a copy of the repository, so this file records which commit is each
release; `make release` appends to it and every build republishes each one from its commit. A package
without the file (the tests' copies of data/ and schemas/) has no recorded release.

`python -m scripts.publication.registry newest` prints the newest as "VERSION COMMIT" (for the release workflow).
"""
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts.context import CODE
from scripts.errors import BuildError
from scripts.package import VERSION, read_yaml

FILE = "releases.yaml"  # under the inputs' root
COMMIT = re.compile(r"[0-9a-f]{40}")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class Release:
    version: str
    date: str  # YYYY-MM-DD
    commit: str  # the full hash of the commit whose tree is this release


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def releases_file(root: Path) -> Path:
    return root / FILE


def parse_entry(entry, number: int) -> Release:
    where = f"{FILE}, entry {number}"
    if not isinstance(entry, dict) or set(entry) != {"version", "date", "commit"}:
        raise BuildError("build.releases-entry-malformed", f"{where}: expected exactly version, date and commit. Fix: restore the entry `make release` wrote.")
    release = Release(str(entry["version"]), str(entry["date"]), str(entry["commit"]))
    for field, pattern, form in [("version", VERSION, "MAJOR.MINOR.PATCH"), ("date", DATE, "YYYY-MM-DD"),
                                 ("commit", COMMIT, "a full 40-character commit hash")]:
        if not pattern.fullmatch(getattr(release, field)):
            raise BuildError("build.releases-entry-malformed", f"{where}: {field} {getattr(release, field)!r} is not {form}. Fix: restore what `make release` wrote.")
    return release


def read_releases(root: Path) -> list[Release]:
    """The releases recorded under root, oldest first; the build stops if the file is malformed."""
    path = releases_file(root)
    if not path.exists():
        return []
    releases = [parse_entry(entry, number) for number, entry in enumerate(read_yaml(path) or [], start=1)]
    versions = [version_key(release.version) for release in releases]
    if versions != sorted(set(versions)):
        raise BuildError("build.releases-out-of-order", f"{FILE}: versions are not each higher than the one before. "
                         "Fix: restore the order `make release` wrote (oldest first).")
    return releases


def append_release(root: Path, release: Release) -> Path:
    """Add a release at the end, as text, so the file's comments stay."""
    path = releases_file(root)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    entry = f'- version: {release.version}\n  date: "{release.date}"\n  commit: {release.commit}\n'
    path.write_text(text + ("" if text.endswith("\n") or not text else "\n") + entry, encoding="utf-8")
    return path


def main(argv: list[str]) -> int:
    try:
        releases = read_releases(CODE)
    except BuildError as error:
        print(error, file=sys.stderr)
        return 1
    if argv != ["newest"] or not releases:
        print("usage: python -m scripts.publication.registry newest (with at least one release in releases.yaml)", file=sys.stderr)
        return 1
    print(releases[-1].version, releases[-1].commit)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
