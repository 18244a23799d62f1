"""Fill the placeholders of hand-written pages: `<!-- data:NAME -->` becomes generated Markdown.

Hand-written pages hold prose only; wherever they need a table, a figure or a fact from the data or the
downloads they say so with a placeholder, on a line of its own or inside a sentence. Every page under
docs/ may use every name; an unknown name stops the build, naming the page and the placeholder. A
generated page may name a row too, `<!-- data:NAME ROW_ID -->`, for what only the built downloads can
say about that row (a target page's files and checksums): blocks[NAME](language, row_id).
"""
import re
from collections.abc import Callable
from pathlib import Path

from scripts.errors import BuildError
from scripts.site.phrases import DEFAULT_LANGUAGE, LANGUAGES

MARKER = "<!-- data:"  # how every placeholder begins
PLACEHOLDER = re.compile(r"<!-- data:([a-z0-9-]+)(?: ([a-z0-9.-]+))? -->")


def language_of(path: Path) -> str:
    """x.en.md is English; x.md is the default language."""
    parts = path.name.split(".")
    return parts[-2] if len(parts) > 2 and parts[-2] in LANGUAGES else DEFAULT_LANGUAGE


def fill(docs_dir: Path, blocks: dict[str, Callable[[str], str]]) -> None:
    """Replace every placeholder in every page under docs_dir with blocks[name](the page's language)."""
    for path in sorted(docs_dir.rglob("*.md")):
        source = path.read_text(encoding="utf-8")
        if MARKER not in source:
            continue
        lang = language_of(path)
        unknown = sorted({name for name, _ in PLACEHOLDER.findall(source) if name not in blocks})
        if unknown:
            raise BuildError("build.unknown-placeholder", f"{path.relative_to(docs_dir).as_posix()}: unknown placeholder <!-- data:{unknown[0]} -->; "
                             f"known: {', '.join(sorted(blocks))}. Fix: use a known name, or remove the placeholder.")
        path.write_text(PLACEHOLDER.sub(lambda match: filled(blocks[match[1]], lang, match[2]), source), encoding="utf-8")


def filled(block: Callable[..., str], lang: str, row_id: str | None) -> str:
    return block(lang, row_id) if row_id else block(lang)
