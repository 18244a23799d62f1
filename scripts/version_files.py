"""Every place the package's version and release date are written, and setting them there.

The files are edited as text, one line each, so their comments and layout stay as people wrote them.
"""
import re
from pathlib import Path

from scripts import paths
from scripts.errors import BuildError


def set_line(text: str, start: str, line: str, file: str) -> str:
    """Replace the one top-level line beginning with `start` by `line`."""
    pattern = re.compile(rf"^{re.escape(start)}.*$", re.MULTILINE)
    found = len(pattern.findall(text))
    if found != 1:
        raise BuildError(f"{file}: expected one line starting {start.strip()!r}, found {found}. "
                         f"Fix: keep a single top-level {start.strip()!r} line.")
    return pattern.sub(lambda _: line, text)


def version_lines(version: str, day: str) -> dict[Path, list[tuple[str, str]]]:
    """File → (start of the line, the line to write there)."""
    return {
        paths.DESCRIPTOR: [("version: ", f"version: {version}"), ("created: ", f'created: "{day}T00:00:00Z"')],
        paths.PYPROJECT: [("version = ", f'version = "{version}"')],
        paths.CITATION: [("version: ", f"version: {version}"), ("date-released: ", f'date-released: "{day}"')],
    }


def with_version(version: str, day: str) -> dict[Path, str]:
    """The new text of every file that states the version, computed before anything is written."""
    texts = {}
    for path, lines in version_lines(version, day).items():
        text = path.read_text(encoding="utf-8")
        for start, line in lines:
            text = set_line(text, start, line, path.name)
        texts[path] = text
    return texts
