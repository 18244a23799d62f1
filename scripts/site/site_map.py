"""The site map: where every page and file of the site lives, and how one page links to another.

Pages are named by their source path without suffix ("targets/index", "data/versions"); MkDocs serves
each at its folder ("targets/", "data/versions/"). Every page has a twin in the other language at the
same path, the English under en/. With the site's address (SITE_URL, MkDocs' site_url) an address is
absolute; without it, relative to the linking page. Everything that links to a page takes its name from
here; tests/test_site_map.py holds these names and mkdocs.yml's nav against each other.
"""
import posixpath
from functools import partial

from mkdocs.utils import get_relative_url

from scripts.archive import layout
from scripts.package import LANGUAGES
from scripts.site.phrases import DEFAULT_LANGUAGE

# Generated pages.
HOME = "index"
TARGETS = "targets/index"
MEASURES = "measures/index"
AGENCIES = "agencies/index"
MATRIX = "agencies/matrix"
FULL_TEXT = "text/index"
GLOSSARY = "glossary/index"
DICTIONARY = "data/dictionary"
DERIVED = "data/derived"  # the derived tables' dictionary: what the site computes, with each rule
# Hand-written pages (docs/), which the code links to or fills.
DATA = "data/index"
USE = "data/use"
CHANGELOG = "data/changelog"
VERSIONS = "data/versions"
ABOUT = "about/index"
LICENCE = "about/licence"
CONTRIBUTING = "about/contributing"
PROBLEM_CODES = "about/problem-codes"
NAMED = [HOME, TARGETS, MEASURES, AGENCIES, MATRIX, FULL_TEXT, GLOSSARY, DICTIONARY, DERIVED, DATA, USE, CHANGELOG,
         VERSIONS, ABOUT, LICENCE, CONTRIBUTING, PROBLEM_CODES]

# Pages left out of the search index: each holds a whole that grows (every paragraph of every document,
# every release's changes, every problem code), so a result showing it would fetch all of it
# (scripts/theme/overrides/main.html).
UNSEARCHED = [FULL_TEXT, CHANGELOG, VERSIONS, PROBLEM_CODES]

# The rows that have a page of their own: resource → (folder of the pages, key field naming each page).
ROW_PAGES = {"measures": ("measures", "measure_id"), "agencies": ("agencies", "agency_id"),
             "terms": ("glossary", "term_id"), "targets": ("targets", "target_id")}

# The kind of page a search result is, shown beside it, as the phrase naming it: a row's page by its resource,
# any other page by its section (its first folder; the home page has none).
ROW_KINDS = {"measures": "kind_measure", "agencies": "kind_agency", "terms": "kind_term", "targets": "kind_target"}
SECTION_KINDS = {"": "kind_home", "targets": "kind_targets", "measures": "kind_measures", "agencies": "kind_agencies",
                 "text": "kind_text", "glossary": "kind_glossary", "data": "kind_data", "about": "kind_about"}

FEED = "feed.xml"  # each language's Atom feed, at its root (scripts/site/feeds/)
DOWNLOADS = layout.DOWNLOADS  # every release's files, under the site's root
LANDING = "index.html"  # the site's page in each folder under downloads/ (scripts/site/landing.py), no release file


def row_page(resource: str, row: dict) -> str:
    folder, key = ROW_PAGES[resource]
    return f"{folder}/{row[key]}"


measure_page, agency_page, term_page, target_page = (partial(row_page, resource)
                                                     for resource in ("measures", "agencies", "terms", "targets"))


def page_kind(url: str) -> str:
    """The phrase saying what the page MkDocs serves at url is, in any language: "en/glossary/yuqima/" →
    "kind_term", "glossary/" → "kind_glossary", "agencies/matrix/" → "kind_agencies"."""
    path = url.removeprefix(language_root(page_language(url))).strip("/")
    folder, _, name = path.partition("/")
    rows = {row_folder: resource for resource, (row_folder, _) in ROW_PAGES.items()}
    if folder in rows and name and "/" not in name and path not in NAMED:
        return ROW_KINDS[rows[folder]]
    return SECTION_KINDS[folder]


def url(page: str) -> str:
    """Where MkDocs serves a page, from its language's root: "targets/index" → "targets/", "index" → ""."""
    return page.removesuffix("index") if page == "index" or page.endswith("/index") else page + "/"


def page_language(url: str) -> str:
    """mkdocs-static-i18n serves each language but the default under its own folder (en/…)."""
    first = url.split("/", 1)[0]
    return first if first in LANGUAGES else DEFAULT_LANGUAGE


def language_root(lang: str) -> str:
    """Where a language's pages start, relative to the site's root: "" (Chinese), "en/" (English)."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def page_in(lang: str, page: str) -> str:
    """A page's address in a language, from the site's root: page_in("en", VERSIONS) → "en/data/versions/"."""
    return language_root(lang) + url(page)


def feed_path(lang: str) -> str:
    """A language's feed, from the site's root."""
    return language_root(lang) + FEED


def download_path(folder: str, path: str = "") -> str:
    """A file (or, with no path, the folder) of downloads/<folder>/, from the site's root."""
    return f"{DOWNLOADS}/{folder}/{path}"


def path_in(lang: str, url: str) -> str:
    """The page at `url` (a MkDocs page URL, in any language) as `lang`'s page."""
    return language_root(lang) + url.removeprefix(language_root(page_language(url)))


def address(path: str, from_url: str, site_url: str | None) -> str:
    """`path` (from the site's root) as linked from the page or folder `from_url`: absolute with an address."""
    if site_url:
        return site_url + path
    relative = get_relative_url(path or ".", from_url or ".")
    return relative + "/" if (path == "" or path.endswith("/")) and not relative.endswith("/") else relative


def link_from_page(page: str, path: str) -> str:
    """A Markdown link from a page to a file under the site's root, such as a download: relative to the
    page's source folder, as MkDocs reads Markdown links (the same from its English twin)."""
    folder = posixpath.dirname(page)
    return address(path, folder + "/" if folder else "", None)
