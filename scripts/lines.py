"""One line of a file people wrote, replaced as text, so its comments and layout stay as they are."""
import re

from scripts.errors import BuildError


def set_line(text: str, start: str, line: str, file: str) -> str:
    """Replace the one top-level line beginning with `start` by `line`."""
    pattern = re.compile(rf"^{re.escape(start)}.*$", re.MULTILINE)
    found = len(pattern.findall(text))
    if found != 1:
        raise BuildError("build.version-line-not-unique", f"{file}: expected one line starting {start.strip()!r}, found {found}. "
                         f"Fix: keep a single top-level {start.strip()!r} line.")
    return pattern.sub(lambda _: line, text)

