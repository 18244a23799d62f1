"""Fill the data placeholders of hand-written pages: a line `<!-- data:NAME -->` becomes generated Markdown.

Hand-written pages hold prose only; wherever they need a table or figure from the data they say so
with a placeholder. An unknown name stops the build, so a typo cannot silently drop a table.
"""
import re
from collections.abc import Callable
from pathlib import Path

from scripts.pages.labels import DEFAULT_LANGUAGE, LANGUAGES

PLACEHOLDER = re.compile(r"^<!-- data:([a-z-]+) -->$", re.MULTILINE)


def language_of(path: Path) -> str:
    """x.en.md is English; x.md is the default language."""
    parts = path.name.split(".")
    return parts[-2] if len(parts) > 2 and parts[-2] in LANGUAGES else DEFAULT_LANGUAGE


def fill(docs_dir: Path, blocks: dict[str, Callable[[str], str]]) -> None:
    """Replace every placeholder in every page under docs_dir with blocks[name](language)."""
    for path in sorted(docs_dir.rglob("*.md")):
        source = path.read_text(encoding="utf-8")
        if "<!-- data:" not in source:
            continue
        lang = language_of(path)

        def block(match: re.Match) -> str:
            name = match[1]
            if name not in blocks:
                raise ValueError(f"{path.name}: unknown placeholder <!-- data:{name} -->; known: {', '.join(sorted(blocks))}")
            return blocks[name](lang)

        path.write_text(PLACEHOLDER.sub(block, source), encoding="utf-8")
