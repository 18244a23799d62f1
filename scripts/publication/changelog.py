"""The changelog, one file per language: CHANGELOG.md in English, CHANGELOG.zh.md in Chinese, section for
section the same (tests/test_changelog.py holds them to each other). A page shows its own language's file;
the download folders' pages, in both languages at once, show both; the GitHub release notes are English.

A version's section starts with `## X.Y.Z` or `## X.Y.Z (YYYY-MM-DD)` and runs to the next `## `; what is not
released yet is under `## Unreleased` in both files, and releasing renames it in both.
`python -m scripts.publication.changelog X.Y.Z` prints that section's English body (the release workflow's notes).
"""
import re
import sys
from pathlib import Path

from scripts.context import CODE

FILES = {"en": "CHANGELOG.md", "zh": "CHANGELOG.zh.md"}  # under the inputs' root, by language
NOTES_LANGUAGE = "en"  # the GitHub release notes: English, like the rest of the release page around them
UNRELEASED = "Unreleased"  # both files' heading for what is not released yet
# The sub-headings of a version's section, the same in every file, each in its language.
SUBHEADINGS = [{"en": "Data", "zh": "数据"}, {"en": "Site", "zh": "网站"}, {"en": "Downloads", "zh": "下载"},
               {"en": "Maintainers", "zh": "维护者"}]


def read_changelog(root: Path, lang: str) -> str:
    return (root / FILES[lang]).read_text(encoding="utf-8")


def read_changelogs(root: Path) -> dict[str, str]:
    """Every language's changelog, by language."""
    return {lang: read_changelog(root, lang) for lang in FILES}


def heading(version: str) -> re.Pattern:
    return re.compile(rf"^## {re.escape(version)}(?: \([0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}\))?[ \t]*$", re.MULTILINE)


def section(version: str, text: str) -> str | None:
    """What the changelog text says under `## version`, without that heading; None when it has no such section."""
    found = heading(version).search(text)
    if not found:
        return None
    following = re.search(r"^## ", text[found.end():], flags=re.MULTILINE)
    return text[found.end():found.end() + following.start() if following else len(text)].strip()


def lacking(changelogs: dict[str, str], version: str) -> list[str]:
    """The files (CHANGELOG.md, CHANGELOG.zh.md) that have no section for version."""
    return [FILES[lang] for lang in FILES if section(version, changelogs[lang]) is None]


def no_section(files: list[str], version: str) -> str:
    """'CHANGELOG.md has no section …' or 'CHANGELOG.md and CHANGELOG.zh.md have no section …'."""
    verb = "has" if len(files) == 1 else "have"
    return f"{' and '.join(files)} {verb} no section '## {version}'"


def main(argv: list[str]) -> int:
    body = section(argv[0], read_changelog(CODE, NOTES_LANGUAGE)) if len(argv) == 1 else None
    if body is None:
        print(f"usage: python -m scripts.publication.changelog X.Y.Z, a version with a section in {FILES[NOTES_LANGUAGE]}",
              file=sys.stderr)
        return 1
    print(body)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
