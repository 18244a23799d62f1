"""Make CSV text safe to put in a generated page: it must render as the plain text it is.

Every cell passes through `text()` before it reaches a page. The result is valid inside Markdown
(inline text, table cells, headings) and inside raw HTML blocks, because it holds no character
that either language would act on: HTML's specials and Markdown's inline markers are written as
numeric character references, which both leave alone and browsers show as the character.
"""
from urllib.parse import urlsplit

# HTML's special characters, and those that start Markdown inline syntax (emphasis, code, links,
# images, tables, attribute lists, pymdownx's ~~ ^^ ==, heading closers) or escapes. One table, applied
# in one pass, so the references it writes are never escaped again.
ACTIVE = "&<>\"'" + "\\`*_[](){}#+!|~^=:$"
ENTITIES = {ord(char): f"&#{ord(char)};" for char in ACTIVE}


def text(value) -> str:
    """A cell as inert text for Markdown and HTML (line breaks folded into spaces)."""
    return characters(" ".join(str(value).split()))


def characters(text: str) -> str:
    """A piece of a text as inert text, its spaces kept as they are (a run cut out of a longer text)."""
    return text.translate(ENTITIES)


def attribute(value) -> str:
    """A value for an HTML attribute (an ID, a URL) in a raw HTML block."""
    return text(value)


def is_web_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def external_link(url: str, label: str | None = None) -> str:
    """A link to another site, or the URL as plain text when it is not an http(s) address."""
    shown = text(label if label is not None else url)
    if not is_web_url(url):
        return shown
    return f'<a href="{attribute(url)}" rel="noopener">{shown}</a>'
