"""Where a page or file of the site is, as a page (or a feed) in either language links to it.

Every page has a twin in the other language at the same path, the English under en/. With the site's
address (SITE_URL, MkDocs' site_url) an address is absolute; without it, relative to the linking page.
"""
from mkdocs.utils import get_relative_url

from scripts.package import LANGUAGES
from scripts.pages.phrases import DEFAULT_LANGUAGE

FEED = "feed.xml"  # each language's Atom feed, at its root (scripts/feeds/)


def page_language(url: str) -> str:
    """mkdocs-static-i18n serves each language but the default under its own folder (en/…)."""
    first = url.split("/", 1)[0]
    return first if first in LANGUAGES else DEFAULT_LANGUAGE


def language_root(lang: str) -> str:
    """Where a language's pages start, relative to the site's root: "" (Chinese), "en/" (English)."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def feed_path(lang: str) -> str:
    """A language's feed, from the site's root."""
    return language_root(lang) + FEED


def path_in(lang: str, url: str) -> str:
    """The page at `url` (a MkDocs page URL, in any language) as `lang`'s page."""
    return language_root(lang) + url.removeprefix(language_root(page_language(url)))


def address(path: str, from_url: str, site_url: str | None) -> str:
    """`path` (from the site's root) as linked from the page or folder `from_url`: absolute with an address."""
    if site_url:
        return site_url + path
    relative = get_relative_url(path or ".", from_url or ".")
    return relative + "/" if (path == "" or path.endswith("/")) and not relative.endswith("/") else relative
