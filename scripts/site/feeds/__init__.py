"""The site's Atom feeds, one per language at its root (feed.xml, en/feed.xml), written into the built
site after MkDocs (scripts/build.py): every data release and every progress figure, newest first.

Every page's head names its language's feed (scripts/theme/hooks/page_head.py) and the Data page links to
both. Links in a feed are absolute when the site has an address (SITE_URL) and otherwise relative to
the feed's own address, as Atom allows.
"""
from functools import partial
from pathlib import Path

from scripts.archive.citation_file import author_names
from scripts.context import BuildContext
from scripts.package import LANGUAGES, DataPackage
from scripts.site.data_pages.citation import read_citation
from scripts.site.data_pages.versions import recorded_changes
from scripts.site.feeds.atom import Feed, atom_feed
from scripts.site.feeds.entries import entries
from scripts.site.phrases import t
from scripts.site.site_map import address, feed_path, language_root


def language_feed(context: BuildContext, package: DataPackage, lang: str) -> bytes:
    base, folder = context.site_url, language_root(lang)
    feed = Feed(lang=lang, title=t("feed_title", lang), subtitle=t("feed_subtitle", lang),
                author=", ".join(author_names(read_citation(context.root))),
                self_link=address(feed_path(lang), folder, base), home=address(folder, folder, base),
                fallback_date=package.descriptor["created"][:10])
    return atom_feed(feed, entries(package, recorded_changes(context.root, lang), lang),
                     partial(address, from_url=folder, site_url=base))


def write_feeds(context: BuildContext, package: DataPackage, site: Path) -> list[Path]:
    written = []
    for lang in LANGUAGES:
        path = site / feed_path(lang)
        path.write_bytes(language_feed(context, package, lang))
        written.append(path)
    return written
