"""The smaller defects of issue 19, held: no table header that says nothing, measure pages that link their
targets and fit a phone, and a 404 page in both languages that finds its way home (tap targets of 24 × 24 px are
checked in axe's run, tests/test_accessibility.py)."""
import functools
import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ADDRESS, REPO
from scripts.package import LANGUAGES, load_package
from scripts.site import site_map
from scripts.site.phrases import t
from test_search import fragments
from tests.helpers.local_server import PagesHandler, served

NOTHING_SAID = {"", t("not_stated", "zh"), t("not_stated", "en")}


class TableHeads(HTMLParser):
    """The text of each header cell, row by row, of every table head of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.in_head = self.in_cell = False

    def handle_starttag(self, tag, attrs):
        if tag == "thead":
            self.in_head = True
        elif tag == "tr" and self.in_head:
            self.rows.append([])
        elif tag == "th" and self.in_head:
            self.in_cell = True
            self.rows[-1].append("")

    def handle_endtag(self, tag):
        if tag == "thead":
            self.in_head = False
        elif tag == "th":
            self.in_cell = False

    def handle_data(self, data):
        if self.in_cell:
            self.rows[-1][-1] += data.strip()


def page_html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def language_pages(page: str) -> list[str]:
    return [site_map.page_in(lang, page) for lang in LANGUAGES]


def test_no_table_has_a_header_row_that_says_nothing(built_site):
    """A unit's or a term's page began with a header row "not stated | not stated", read out by screen
    readers and shown in search results; every header row now names its columns."""
    empty = []
    for page in sorted(built_site.rglob("*.html")):
        heads = TableHeads()
        heads.feed(page.read_text(encoding="utf-8"))
        empty += [f"{page.relative_to(built_site)}: {row}" for row in heads.rows if set(row) <= NOTHING_SAID]
    assert empty == []


@pytest.mark.parametrize("resource", ["agencies", "terms"])
def test_unit_and_term_pages_list_their_facts_by_name(built_site, resource):
    row = load_package(REPO).records[resource][0]
    first = {"agencies": "chinese_name", "terms": "chinese"}[resource]
    for lang, page in zip(LANGUAGES, language_pages(site_map.row_page(resource, row))):
        text = html.unescape(page_html(built_site, page))
        assert re.search(rf"<h1[^>]*>.*?</h1>\s*<dl>\s*<dt>{re.escape(t(first, lang))}</dt>\s*<dd>", text, re.S), page


def test_measure_pages_link_each_target_to_its_page(built_site):
    for target in load_package(REPO).records["targets"]:
        for page in language_pages(site_map.measure_page({"measure_id": target["measure_id"]})):
            assert f'href="../../targets/{target["target_id"]}/"' in page_html(built_site, page), (page, target["target_id"])


def not_found_links(site: Path) -> dict[str, str]:
    """hreflang → href of the 404 page's links home."""
    article = re.search(r"<article.*?</article>", (site / "404.html").read_text(encoding="utf-8"), re.S)[0]
    return {lang: href for href, lang in re.findall(r'<a href="([^"]*)" hreflang="(zh|en)">', article)}


def test_the_404_page_says_it_in_both_languages_each_marked(built_site):
    page = (built_site / "404.html").read_text(encoding="utf-8")
    article = re.search(r"<article.*?</article>", page, re.S)[0]
    assert '<html lang="zh"' in page  # the root's language, its frame Chinese
    assert re.search(r'<div lang="zh">\s*<h1>[^<]*404', article) and re.search(r'<div lang="en">\s*<h2>[^<]*404', article)
    assert "data-pagefind-body" not in article  # a wrong address is not a search result


@pytest.mark.parametrize(("site_fixture", "root"), [("built_site", "/"), ("addressed_site", "/cq-sme-plan/")])
def test_the_404_page_links_both_home_pages_from_the_site_s_root(request, site_fixture, root):
    """Whatever the depth of the wrong address, the links start at the site's root: / without an address,
    the address's path with one (GitHub Pages serves the site under /<repository>/)."""
    assert ADDRESS.endswith(root)
    links = not_found_links(request.getfixturevalue(site_fixture))
    assert links == {"zh": f"{root}.", "en": f"{root}en/"}


@pytest.mark.browser
@pytest.mark.parametrize("wrong", ["no-such-page", "en/measures/no/such/deep/page/", "targets/cq-2024-14-t99/"])
def test_a_wrong_address_at_any_depth_shows_the_404_page_and_both_ways_home_work(chromium, built_site, wrong):
    with served(built_site, PagesHandler) as base:
        context = chromium.new_context(viewport={"width": 390, "height": 800})
        page = context.new_page()
        problems = []
        page.on("console", lambda message: message.type == "error" and "404" not in message.text
                and problems.append(message.text))
        response = page.goto(base + wrong, wait_until="networkidle")
        assert response.status == 404
        assert page.locator('div[lang="zh"] h1').inner_text().startswith("找不到页面")
        assert page.locator('div[lang="en"] h2').inner_text().startswith("Page not found")
        assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        for lang, home in [("en", base + "en/"), ("zh", base)]:
            page.goto(base + wrong, wait_until="networkidle")
            with page.expect_navigation():
                page.click(f'article a[hreflang="{lang}"]')
            assert page.url == home and page.evaluate("() => document.documentElement.lang") == lang
        assert problems == []
        context.close()


TABLE_FITS = """() => [...document.querySelectorAll('article .table-region')].map(region =>
    ({label: region.getAttribute('aria-label'), overflow: region.scrollWidth - region.clientWidth}))"""


@pytest.mark.browser
@pytest.mark.parametrize("path", ["measures/cq-2024-14-m1/", "measures/cq-2024-14-m2.5/",
                                  "en/measures/cq-2024-14-m1/", "en/measures/cq-2024-14-m2.5/"])
def test_a_measure_page_s_targets_fit_a_phone(chromium, site_url, path, artifacts):
    """At 390 px the targets table reads whole: no column cut off, nothing to scroll sideways."""
    context = chromium.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(f"{site_url}/{path}", wait_until="networkidle")
    page.screenshot(path=str(artifacts / f"measure-targets-390-{path.replace('/', '_')}.png"), full_page=True)
    regions = page.evaluate(TABLE_FITS)
    context.close()
    assert regions and all(region["overflow"] <= 1 for region in regions), regions


# --- search: more than five results, body text, the kind of page ----------------------------------

def test_the_templates_ask_only_for_phrases_the_phrasebook_has():
    from scripts.site.phrases import PHRASES
    from scripts.theme.hooks.phrases import TEMPLATE_PHRASES

    templates = (REPO / "scripts" / "theme" / "overrides").rglob("*.html")
    asked = {key for path in templates for key in re.findall(r"phrase\(\s*[\"'](\w+)[\"']", path.read_text(encoding="utf-8"))}
    assert asked == set(TEMPLATE_PHRASES) and asked <= set(PHRASES)


@functools.cache
def indexed(site: Path) -> dict[str, dict]:
    """Every indexed page's fragment by URL, read once per run (ten tests ask)."""
    return fragments(site)


@pytest.mark.parametrize(("url", "kind"), [
    ("/glossary/yuqima/", "kind_term"), ("/en/glossary/yuqima/", "kind_term"), ("/en/targets/cq-2024-14-t01/", "kind_target"),
    ("/measures/cq-2024-14-m3.1.2/", "kind_measure"), ("/en/agencies/cq-economy-information-commission/", "kind_agency"),
    ("/agencies/matrix/", "kind_agencies"), ("/en/glossary/", "kind_glossary"), ("/en/data/use/", "kind_data"),
    ("/about/licence/", "kind_about"), ("/en/", "kind_home")])
def test_every_indexed_page_says_what_kind_of_page_it_is(built_site, url, kind):
    """As a Pagefind filter, which a result's data carries, not as a meta, whose words Pagefind would search."""
    fragments = indexed(built_site)
    assert all(data["filters"].get("kind") for data in fragments.values())
    assert fragments[url]["filters"]["kind"] == [t(kind, "en" if url.startswith("/en/") else "zh")]
    assert "kind" not in fragments[url]["meta"]

@pytest.fixture
def searching(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("console", lambda message: message.type == "error" and page.problems.append(message.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    yield page
    context.close()


RESULTS = "#__search-results li"
MORE = ".md-search-result__more"


@pytest.mark.browser
@pytest.mark.parametrize(("language", "query"), [("", "市经济信息委"), ("en/", "Little Giant")])
def test_results_beyond_the_first_five_come_by_keyboard_and_are_announced(searching, site_url, language, query):
    """Five results, then a button for the next five, reached by the arrow keys and pressed with Enter; the
    keyboard goes on from the first new result; the status line (a live region) says how many are shown
    until all are."""
    from tests.helpers.chromium import type_query

    searching.goto(f"{site_url}/{language}", wait_until="networkidle")
    box = searching.locator("[data-site-search]")
    found, shown = box.get_attribute("data-other"), box.get_attribute("data-shown")
    status = searching.locator("#__search-status")
    type_query(searching, query)
    total = searching.evaluate("() => Number(document.getElementById('__search-status').textContent.match(/\\d+/)[0])")
    assert total > 10 and status.get_attribute("role") == "status"
    assert searching.locator(RESULTS).count() == 5
    assert status.inner_text() == found.replace("#", str(total)) + shown.replace("#", "5")
    for _ in range(6):  # five results, then the button
        searching.keyboard.press("ArrowDown")
    assert searching.evaluate("() => document.activeElement.matches('.md-search-result__more')")
    searching.keyboard.press("Enter")
    searching.wait_for_function("() => document.querySelectorAll('#__search-results li').length > 5")
    assert searching.locator(RESULTS).count() == 10
    assert status.inner_text() == found.replace("#", str(total)) + shown.replace("#", "10")
    assert searching.evaluate("() => document.activeElement === document.querySelectorAll('#__search-results a')[5]")
    while searching.locator(MORE).is_visible():
        searching.click(MORE)
        searching.wait_for_timeout(200)
    links = searching.locator("#__search-results a").evaluate_all("links => links.map(a => a.href)")
    assert len(links) == len(set(links)) == total  # every page found, each once
    assert status.inner_text() == found.replace("#", str(total))
    assert searching.problems == []


@pytest.mark.browser
@pytest.mark.parametrize(("language", "query", "kind", "title"), [
    ("en/", "Yuqima", "Term", "Yuqima (Chongqing Enterprise Code)"), ("", "渝企码", "术语", "渝企码")])
def test_a_result_says_what_kind_of_page_it_is_and_shows_body_text(searching, site_url, language, query, kind, title):
    """The term's own page: its kind above its title, and under it a passage of its explanation, not its
    title again (Pagefind's excerpt began with the title, then the labels after it)."""
    from tests.helpers.chromium import type_query

    searching.goto(f"{site_url}/{language}", wait_until="networkidle")
    type_query(searching, query)
    result = searching.locator('#__search-results a[href$="/glossary/yuqima/"]')
    assert result.locator(".md-search-result__kind").inner_text() == kind
    assert result.locator(".md-search-result__title").inner_text() == title
    passage = result.locator("p").inner_text()
    assert not passage.startswith(title) and query in passage
    kinds = searching.locator(".md-search-result__kind").all_inner_texts()
    assert all(kinds) and len(set(kinds)) > 1


@pytest.mark.browser
@pytest.mark.parametrize(("language", "query", "other"), [("en/", "responsible units line", "zh"),
                                                          ("", "市经济信息委", "en")])
def test_results_mark_the_other_language(searching, site_url, language, query, other):
    """A result quotes its page, whose other-language runs are marked there; the result marks them too."""
    from tests.helpers.chromium import type_query

    searching.goto(f"{site_url}/{language}", wait_until="networkidle")
    type_query(searching, query)
    marked = searching.locator(f'#__search-results span[lang="{other}"]').all_inner_texts()
    assert marked
    script = r"\p{Script=Han}" if other == "zh" else "[A-Za-z]"
    texts = searching.evaluate(f"""() => {{
        const found = [];
        const walker = document.createTreeWalker(document.getElementById('__search-results'), NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {{
            const node = walker.currentNode;
            if (node.parentElement.closest('[lang="{other}"]')) continue;
            if (/{script}/u.test(node.data) && {"true" if other == "zh" else "/[A-Za-z]{2,} [A-Za-z]{2,}/.test(node.data)"}) found.push(node.data);
        }}
        return found;
    }}""")
    assert texts == []
