"""Small builders for generated Markdown: tables, links between pages, numbers, writing the files.

Cells are escaped here, once, by `cell()`; callers pass raw CSV values, or already-built
Markdown wrapped in `Safe` (a link or an inline HTML element built from escaped parts).
"""
import posixpath
from pathlib import Path

from scripts.package import VARIANT_SEPARATOR
from scripts.site import parts
from scripts.site.phrases import suffix, t


class Safe(str):
    """Markdown or HTML that is already escaped and must be inserted as it is."""


def cell(value, lang: str) -> str:
    """A value for a page in `lang`: escaped, any run of the other language in it marked with its lang
    (scripts/site/parts.py), or "not stated" where the CSV cell is empty."""
    if isinstance(value, Safe):
        return value
    if value is None or str(value).strip() == "":
        return f"<em>{t('not_stated', lang)}</em>"
    return parts.marked(value, lang)


def written_in(text_lang: str, value, lang: str) -> Safe:
    """A text written in text_lang, on a page in lang: marked as text_lang where the two differ, so screen
    readers pronounce it right and the browser picks the right glyphs (runs of lang inside marked in turn)."""
    if isinstance(value, Safe) or value is None or str(value).strip() == "":
        shown = cell(value, lang)
    else:
        shown = parts.marked(value, text_lang)
    return Safe(f'<span lang="{text_lang}">{shown}</span>' if lang != text_lang and str(value).strip() else shown)


def zh(value, lang: str) -> Safe:
    """Chinese text (a quote, a name), marked as Chinese on English pages."""
    return written_in("zh", value, lang)


def written(value, lang: str) -> Safe:
    """A name as its source writes it (a publisher, an outlet): marked Chinese on English pages where it is Chinese."""
    return zh(value, lang) if parts.HAN.search(str(value)) else Safe(cell(value, lang))


def en(value, lang: str) -> Safe:
    """English text (our translation, an English name), marked as English on Chinese pages."""
    return written_in("en", value, lang)


def variants(row: dict, lang: str) -> Safe:
    """A termbase entry's other English forms (variants_en, separated by |), or none."""
    forms = [form for form in row["variants_en"].split(VARIANT_SEPARATOR) if form]
    return en("; ".join(forms), lang) if forms else Safe(t("none", lang))


def path(from_page: str, to_page: str, anchor: str = "") -> str:
    """Relative path between two pages named without suffix ("measures/index" → "../text/index.md#p1").

    Links name the Chinese file; mkdocs-static-i18n points them at the page's own language.
    """
    relative = posixpath.relpath(f"{to_page}.md", posixpath.dirname(from_page) or ".")
    return relative + (f"#{anchor}" if anchor else "")


def paragraph(value, lang: str) -> str:
    """A cell as a paragraph of its own: in HTML, so no Markdown block syntax (1. or -) can apply."""
    return f"<p>{cell(value, lang)}</p>"


def link(label, from_page: str, to_page: str, lang: str, anchor: str = "") -> Safe:
    """A Markdown link to another page of the docs (MkDocs checks its path and anchor)."""
    return Safe(f"[{cell(label, lang)}]({path(from_page, to_page, anchor)})")


def table(headers: list[str], rows: list[list], lang: str) -> str:
    """A Markdown table; every cell escaped (a | in a cell cannot split it)."""
    lines = ["| " + " | ".join(cell(h, lang) for h in headers) + " |",
             "| " + " | ".join("---" for _ in headers) + " |"]
    lines += ["| " + " | ".join(cell(value, lang) for value in row) + " |" for row in rows]
    return "\n".join(lines)


def facts(rows: list[list], lang: str) -> str:
    """What a page says about its row, as a definition list (def_list): each name, then its value. Not a
    table, which would need a header row with nothing to say."""
    return "\n\n".join(f"{cell(name, lang)}\n:   {cell(value, lang)}" for name, value in rows)


def cell_list(items: list) -> Safe:
    """Several links (or values) in one table cell, as a list: each a tap target of its own, spaced apart
    (docs/stylesheets/site.css, .in-cell), rather than lines joined by <br> too close to tap."""
    return Safe('<ul class="in-cell">' + "".join(f"<li>{item}</li>" for item in items) + "</ul>")


def bullets(items: list, lang: str) -> str:
    return "\n".join(f"- {cell(item, lang)}" for item in items)


def write(docs_dir: Path, page: str, lang: str, markdown: str) -> None:
    """Write docs_dir/page.md (Chinese) or page.en.md (English)."""
    path = docs_dir / f"{page}{suffix(lang)}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(markdown.rstrip() + "\n", encoding="utf-8")
