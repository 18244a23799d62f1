"""An Atom feed (RFC 4287) as bytes, from entries (feeds.entries) already in the feed's language.

Ids are urn:uuid (RFC 4122, version 5) names under FEED_NAMESPACE, made from the language and what an
entry announces. A tag: URI would need a domain or e-mail address the project holds for good; the site's
host is only where it is served today (SITE_URL), and an id made from it would change with a move, so
every reader would see every entry again. Dates are written as RFC 3339 instants at midnight UTC.
"""
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from scripts.site.feeds.entries import Entry

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# A constant of this project, drawn once at random: never change it, or every id changes with it.
FEED_NAMESPACE = uuid.UUID("da09a55a-cbe2-4578-a39b-5efe29148497")
ET.register_namespace("", ATOM)


@dataclass(frozen=True)
class Feed:
    lang: str
    title: str
    subtitle: str
    author: str
    self_link: str  # the feed's own address
    home: str  # the address of the language's home page
    fallback_date: str  # YYYY-MM-DD, the feed's date when it has no entry (the package's release date)


def feed_id(lang: str, key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(FEED_NAMESPACE, f'{lang}/{key}')}"


def instant(day: str) -> str:
    """YYYY-MM-DD as an RFC 3339 date-time."""
    return f"{day}T00:00:00Z"


def add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = text
    return element


def add_entry(feed: ET.Element, entry: Entry, lang: str, addresses) -> None:
    element = add(feed, "entry")
    add(element, "id", feed_id(lang, entry.key))
    add(element, "title", entry.title)
    add(element, "updated", instant(entry.updated))
    add(element, "link", rel="alternate", href=addresses(entry.link))
    add(element, "link", rel="related", href=addresses(entry.related))
    add(element, "summary", entry.summary)
    if entry.content:
        add(element, "content", entry.content, type="html")


def atom_feed(feed: Feed, entries: list[Entry], addresses) -> bytes:
    """The feed document; `addresses(path from the site's root)` gives each link's href."""
    root = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: feed.lang})
    add(root, "id", feed_id(feed.lang, "feed"))
    add(root, "title", feed.title)
    add(root, "subtitle", feed.subtitle)
    add(root, "updated", instant(max((entry.updated for entry in entries), default=feed.fallback_date)))
    add(add(root, "author"), "name", feed.author)
    add(root, "link", rel="self", type="application/atom+xml", href=feed.self_link)
    add(root, "link", rel="alternate", type="text/html", href=feed.home)
    for entry in entries:
        add_entry(root, entry, feed.lang, addresses)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
