"""CHANGELOG.md, the one record of what changed: its sections by version.

A version's section starts with `## X.Y.Z` or `## X.Y.Z (YYYY-MM-DD)` and runs to the next `## `.
`python -m scripts.publication.changelog X.Y.Z` prints that section's body (the release workflow's notes).
"""
import re
import sys
from pathlib import Path

from scripts.context import CODE

FILE = "CHANGELOG.md"  # under the inputs' root


def read_changelog(root: Path) -> str:
    return (root / FILE).read_text(encoding="utf-8")


def heading(version: str) -> re.Pattern:
    return re.compile(rf"^## {re.escape(version)}(?: \([0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}\))?[ \t]*$", re.MULTILINE)


def section(version: str, text: str) -> str | None:
    """What the changelog text says under `## version`, without that heading; None when it has no such section."""
    found = heading(version).search(text)
    if not found:
        return None
    following = re.search(r"^## ", text[found.end():], flags=re.MULTILINE)
    return text[found.end():found.end() + following.start() if following else len(text)].strip()


def main(argv: list[str]) -> int:
    body = section(argv[0], read_changelog(CODE)) if len(argv) == 1 else None
    if body is None:
        print(f"usage: python -m scripts.publication.changelog X.Y.Z, a version with a section in {FILE}", file=sys.stderr)
        return 1
    print(body)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
