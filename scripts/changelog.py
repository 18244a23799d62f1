"""CHANGELOG.md, the one record of what changed: its sections by version.

A version's section starts with `## X.Y.Z` or `## X.Y.Z (YYYY-MM-DD)` and runs to the next `## `.
`python -m scripts.changelog X.Y.Z` prints that section's body (the release workflow's notes).
"""
import re
import sys

from scripts import paths


def read_changelog() -> str:
    return paths.CHANGELOG.read_text(encoding="utf-8")


def heading(version: str) -> re.Pattern:
    return re.compile(rf"^## {re.escape(version)}(?: \([0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}\))?[ \t]*$", re.MULTILINE)


def section(version: str, text: str | None = None) -> str | None:
    """What the changelog says under `## version`, without that heading; None when it has no such section."""
    text = read_changelog() if text is None else text
    found = heading(version).search(text)
    if not found:
        return None
    following = re.search(r"^## ", text[found.end():], flags=re.MULTILINE)
    return text[found.end():found.end() + following.start() if following else len(text)].strip()


def main(argv: list[str]) -> int:
    body = section(argv[0]) if len(argv) == 1 else None
    if body is None:
        print(f"usage: python -m scripts.changelog X.Y.Z, a version with a section in {paths.CHANGELOG.name}", file=sys.stderr)
        return 1
    print(body)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
