"""MkDocs hook (see `hooks:` in mkdocs.yml): every table sits in a region a keyboard can reach.

A table wider than a phone's screen scrolls sideways; a keyboard or switch user can only scroll what
they can focus (axe-core: scrollable-region-focusable). So each table of a page's content is wrapped,
at build time and with no script, in a focusable region named after the heading it sits under:
Tab reaches it, the arrow keys scroll it, and a screen reader says what it holds.
"""
import html
import re

from scripts.site.site_map import page_language
from scripts.site.phrases import t

HEADING = re.compile(r"<h([1-4])[^>]*>(.*?)</h\1>", re.S)
TABLE = re.compile(r"<table[\s>].*?</table>", re.S)
TAGS = re.compile(r"<[^>]+>")


def heading_text(fragment: str) -> str:
    """A heading as a reader hears it: tags and the permalink sign gone, references decoded."""
    return " ".join(html.unescape(TAGS.sub("", fragment)).replace("¶", "").split())


def wrap_tables(content: str, title: str, lang: str) -> str:
    """Each table inside <div class="table-region" role="region" tabindex="0" aria-label="…">."""
    headings = [(match.start(), heading_text(match[2])) for match in HEADING.finditer(content)]

    def wrapped(table: re.Match) -> str:
        under = [text for start, text in headings if start < table.start()]
        label = t("table_region", lang, name=under[-1] if under else title)
        return (f'<div class="table-region" role="region" tabindex="0" aria-label="{html.escape(label)}">'
                f"{table[0]}</div>")
    return TABLE.sub(wrapped, content)


def on_page_content(content, page, config, files):
    return wrap_tables(content, page.title or config.site_name, page_language(page.url))
