"""The site's Atom feeds, one per language at its root (feed.xml, en/feed.xml), written into the built
site after MkDocs (scripts/build.py): every data release and every progress figure, newest first.

Every page's head names its language's feed (scripts/pages/page_head.py) and the Data page links to
both. Links in a feed are absolute when the site has an address (SITE_URL) and otherwise relative to
the feed's own address, as Atom allows.
"""
from functools import partial
from pathlib import Path

from scripts.downloads.citation import author_names, read_citation
from scripts.feeds.atom import Feed, atom_feed
from scripts.feeds.entries import entries
from scripts.package import LANGUAGES, DataPackage
from scripts.pages.addresses import address, feed_path, language_root
from scripts.pages.phrases import t
from scripts.site_url import site_url


def authors() -> str:
    return ", ".join(author_names(read_citation()))


def language_feed(package: DataPackage, lang: str) -> bytes:
    base, folder = site_url(), language_root(lang)
    feed = Feed(lang=lang, title=t("feed_title", lang), subtitle=t("feed_subtitle", lang), author=authors(),
                self_link=address(feed_path(lang), folder, base), home=address(folder, folder, base),
                fallback_date=package.descriptor["created"][:10])
    return atom_feed(feed, entries(package, lang), partial(address, from_url=folder, site_url=base))


def write_feeds(package: DataPackage, site: Path) -> list[Path]:
    written = []
    for lang in LANGUAGES:
        path = site / feed_path(lang)
        path.write_bytes(language_feed(package, lang))
        written.append(path)
    return written
