"""The built site, read as files (no browser): every link resolves, nothing loads from elsewhere, both languages."""
import posixpath
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from scripts.package import load_package
from conftest import REPO

HAN = re.compile(r"[\u3400-\u9fff]")


class PageParser(HTMLParser):
    """Collects a page's ids, the URLs it links to or loads, its lang and its article's text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links, self.loads = set(), [], []
        self.lang, self.article, self.in_article = "", [], 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "html":
            self.lang = attributes.get("lang", "")
        if tag == "article":
            self.in_article += 1
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag in ("script", "img", "iframe", "source", "audio", "video") and attributes.get("src"):
            self.loads.append(attributes["src"])
        if tag == "link" and attributes.get("href") and attributes.get("rel") in ("stylesheet", "icon", "preload", "modulepreload"):
            self.loads.append(attributes["href"])

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article -= 1

    def handle_data(self, data):
        if self.in_article:
            self.article.append(data)


@cache
def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def target_of(site: Path, page: Path, url: str) -> tuple[Path, str] | None:
    """The file and anchor an internal URL points at; None for links to other sites."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    if parts.path.startswith("/"):
        path = site / unquote(parts.path).lstrip("/")
    else:
        here = page.parent.relative_to(site).as_posix()
        path = site / posixpath.normpath(posixpath.join(here, unquote(parts.path))) if parts.path else page
    if path.is_dir():
        path = path / "index.html"
    return path, unquote(parts.fragment)


def test_every_internal_link_and_anchor_resolves(built_site):
    broken = []
    for page in pages(built_site):
        for url in parse(page).links + parse(page).loads:
            target = target_of(built_site, page, url)
            if target is None:
                continue
            path, anchor = target
            if not path.is_file():
                broken.append(f"{page.relative_to(built_site)}: {url} (no such file)")
            elif anchor and path.suffix == ".html" and anchor not in parse(path).ids:
                broken.append(f"{page.relative_to(built_site)}: {url} (no such anchor)")
    assert broken == []


def test_nothing_is_loaded_from_another_host(built_site):
    """Scripts, styles, images and fonts all come from the site itself; links to other sites stay links."""
    foreign = [f"{page.relative_to(built_site)}: {url}" for page in pages(built_site)
               for url in parse(page).loads if target_of(built_site, page, url) is None]
    assert foreign == []
    for stylesheet in built_site.rglob("*.css"):
        assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", stylesheet.read_text(encoding="utf-8")), stylesheet


def test_every_page_exists_in_both_languages(built_site):
    """Every page but the two that are bilingual on one page: the 404 page and each download folder's landing page."""
    english = {p.relative_to(built_site / "en") for p in pages(built_site / "en")}
    chinese = {p.relative_to(built_site) for p in pages(built_site) if not p.is_relative_to(built_site / "en")
               and not p.is_relative_to(built_site / "downloads")}
    assert english == chinese - {Path("404.html")}
    assert len(english) > 150  # 44 measures, 20 units, 90 terms and the rest


def test_english_pages_are_not_chinese_copies(built_site):
    """Each /en/ page says lang="en" and is not the Chinese page shown again (a missing translation)."""
    for page in pages(built_site / "en"):
        twin = built_site / page.relative_to(built_site / "en")
        assert parse(page).lang == "en" and parse(twin).lang == "zh", page
        assert parse(page).article != parse(twin).article, f"{page} repeats the Chinese page"


@pytest.mark.parametrize("folder, resource, key", [
    ("measures", "measures", "measure_id"), ("agencies", "agencies", "agency_id"), ("glossary", "terms", "term_id")])
def test_every_row_has_a_page_in_both_languages(built_site, folder, resource, key):
    for row_id in load_package(REPO).tables[resource][key]:
        for language_root in (built_site, built_site / "en"):
            assert (language_root / folder / row_id / "index.html").is_file(), f"{language_root}/{folder}/{row_id}"


def test_chinese_glyphs_have_a_font_in_the_stylesheet(built_site):
    """No web font is loaded, so the stylesheet must name system fonts that cover Chinese."""
    css = (built_site / "stylesheets" / "site.css").read_text(encoding="utf-8")
    assert "Noto Sans CJK SC" in css and "Microsoft YaHei" in css and "PingFang SC" in css
