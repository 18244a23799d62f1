"""What every page's head says about it: hreflang twins, its language's feed, canonical, OpenGraph, robots."""
import functools
import gzip
import posixpath
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

import pytest

from conftest import ADDRESS, REPO
from scripts.theme.hooks.page_head import page_head

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class HeadParser(HTMLParser):
    """The <link> and <meta> elements of a page, each as its attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.metas, self.lang = [], [], ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes["lang"]
        if tag == "link":
            self.links.append(attributes)
        if tag == "meta":
            self.metas.append(attributes)

    def alternates(self) -> list[dict]:
        """The links whose rel holds the token alternate (rel is a set of space-separated tokens)."""
        return [link for link in self.links if "alternate" in link.get("rel", "").split()]

    def hreflangs(self) -> dict[str, str]:
        return {link["hreflang"]: link["href"] for link in self.alternates() if "hreflang" in link}

    def og(self, name: str) -> list[str]:
        return [meta["content"] for meta in self.metas if meta.get("property") == f"og:{name}"]

    def canonical(self) -> list[str]:
        return [link["href"] for link in self.links if link.get("rel") == "canonical"]


@functools.cache  # the session's sites do not change: each page is read once, whichever tests ask
def head(page: Path) -> HeadParser:
    """The page's <html> tag and head, parsed (the body, most of the page, is not read)."""
    parser = HeadParser()
    text = page.read_text(encoding="utf-8")
    parser.feed(text[:text.find("</head>")] if "</head>" in text else text)
    return parser


def pages(site: Path) -> list[Path]:
    """Every page with a twin: all but the 404 page."""
    return sorted(page for page in site.rglob("*.html") if page.name != "404.html" and "downloads" not in page.parts)


def resolve(site: Path, page: Path, href: str) -> Path:
    """The file a relative href of `page` points at (a folder: its index.html)."""
    here = page.parent.relative_to(site).as_posix()
    target = site / posixpath.normpath(posixpath.join(here, urlsplit(href).path))
    return target / "index.html" if target.is_dir() else target


def twin(site: Path, page: Path) -> Path:
    path = page.relative_to(site)
    return site / (path.relative_to("en") if path.parts[0] == "en" else Path("en") / path)


def test_every_page_names_itself_and_its_twin_by_language(built_site):
    for page in pages(built_site):
        found = {lang: resolve(built_site, page, href) for lang, href in head(page).hreflangs().items()}
        chinese, english = (page, twin(built_site, page)) if head(page).lang == "zh" else (twin(built_site, page), page)
        assert found == {"zh": chinese, "en": english, "x-default": chinese}, page
        assert head(english).lang == "en" and head(chinese).lang == "zh"


def test_alternate_links_are_not_the_exact_value_materials_script_fetches_a_sitemap_for(built_site):
    """Material fetches sitemap.xml next to every link[rel=alternate] (an exact match): none may match it."""
    for page in pages(built_site):
        rels = [link["rel"] for link in head(page).alternates()]
        assert len(rels) == 4 and all(rel.lower() != "alternate" for rel in rels), page


def test_every_page_names_its_languages_feed(built_site):
    for page in pages(built_site):
        (feed,) = [link for link in head(page).alternates() if link.get("type") == "application/atom+xml"]
        expected = built_site / ("feed.xml" if head(page).lang == "zh" else "en/feed.xml")
        assert resolve(built_site, page, feed["href"]) == expected and expected.is_file(), page
        assert feed["title"]


def test_without_an_address_no_canonical_and_no_og_url(built_site):
    """A relative canonical would tell a crawler the page lives wherever it was found."""
    for page in pages(built_site):
        assert head(page).canonical() == [] and head(page).og("url") == [], page


def test_opengraph_in_the_pages_language(built_site):
    for page in pages(built_site):
        parsed = head(page)
        assert parsed.og("locale") == [{"zh": "zh_CN", "en": "en_GB"}[parsed.lang]], page
        assert parsed.og("type") == ["website"] and len(parsed.og("title")) == 1 and parsed.og("site_name"), page
        description = [meta["content"] for meta in parsed.metas if meta.get("name") == "description"]
        assert parsed.og("description") == description and description != [""], page
    home, english_home = head(built_site / "index.html"), head(built_site / "en" / "index.html")
    assert home.og("title") != english_home.og("title") and home.og("description") != english_home.og("description")


def test_with_an_address_canonical_hreflang_and_og_url_are_absolute(addressed_site):
    for page in pages(addressed_site):
        parsed = head(page)
        own = ADDRESS + page.parent.relative_to(addressed_site).as_posix().removeprefix(".") + "/"
        own = own.replace(ADDRESS + "/", ADDRESS)
        assert parsed.canonical() == [own] and parsed.og("url") == [own], page
        assert own in parsed.hreflangs().values() and all(href.startswith(ADDRESS) for href in parsed.hreflangs().values())


@pytest.mark.parametrize("url, twin_path", [("", "en/"), ("en/", ""), ("targets/t1/", "en/targets/t1/"),
                                            ("en/glossary/x/", "glossary/x/")])
def test_page_head_pairs_each_page_with_its_twin(url, twin_path):
    relative = page_head(url, None)
    absolute = page_head(url, ADDRESS)
    chinese = url if not url.startswith("en/") else twin_path
    english = twin_path if not url.startswith("en/") else url
    assert dict(absolute.alternates) == {"zh": ADDRESS + chinese, "en": ADDRESS + english, "x-default": ADDRESS + chinese}
    assert posixpath.normpath(posixpath.join(url, dict(relative.alternates)["en"])) == posixpath.normpath(english or ".")
    assert absolute.feed == ADDRESS + ("en/feed.xml" if url.startswith("en/") else "feed.xml")


def test_robots_allow_everything_and_name_no_sitemap_without_an_address(built_site):
    assert (built_site / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nAllow: /\n"
    assert not (built_site / "sitemap.xml").exists(), "MkDocs' sitemap without an address says None for every address"


def test_with_an_address_robots_names_the_sitemap_of_every_page_in_both_languages(addressed_site):
    assert f"Sitemap: {ADDRESS}sitemap.xml" in (addressed_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    listed = {loc.text for loc in ET.parse(addressed_site / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")}
    expected = {ADDRESS + page.parent.relative_to(addressed_site).as_posix() + "/" for page in pages(addressed_site)}
    assert listed == {address.replace(f"{ADDRESS}./", ADDRESS) for address in expected}
    assert any("/en/" in address for address in listed)


XHTML = "{http://www.w3.org/1999/xhtml}"


def test_with_an_address_every_sitemap_entry_names_its_twins_and_x_default(addressed_site):
    for entry in ET.parse(addressed_site / "sitemap.xml").getroot().iter(f"{SITEMAP}url"):
        alternates = {link.get("hreflang"): link.get("href") for link in entry.iter(f"{XHTML}link")}
        assert set(alternates) == {"zh", "en", "x-default"} and alternates["x-default"] == alternates["zh"], entry.findtext(f"{SITEMAP}loc")
    with gzip.open(addressed_site / "sitemap.xml.gz") as packed:
        assert packed.read() == (addressed_site / "sitemap.xml").read_bytes()


def test_a_page_s_lastmod_is_its_inputs_last_commit_not_the_build_day(addressed_site):
    """A hand-written page without data: its own file's last commit; a generated page: the data's."""
    dates = {entry.findtext(f"{SITEMAP}loc"): entry.findtext(f"{SITEMAP}lastmod")
             for entry in ET.parse(addressed_site / "sitemap.xml").getroot().iter(f"{SITEMAP}url")}

    def committed(*paths: str) -> str:
        return subprocess.run(["git", "log", "-1", "--format=%cs", "--", *paths], cwd=REPO, capture_output=True,
                              text=True, check=True).stdout.strip()
    assert dates[ADDRESS + "about/licence/"] == committed("docs/about/licence.md")
    assert dates[ADDRESS + "en/about/licence/"] == committed("docs/about/licence.en.md")
    assert dates[ADDRESS + "targets/cq-2024-14-t01/"] == committed("data", "schemas", "datapackage.yaml")
    assert dates[ADDRESS + "en/data/"] == committed("docs/data/index.en.md", "data", "schemas", "datapackage.yaml",
                                                    "CHANGELOG.md", "CHANGELOG.zh.md", "releases.yaml",
                                                    "CITATION.cff")
    assert all(dates.values()) and "changefreq" not in (addressed_site / "sitemap.xml").read_text(encoding="utf-8")
