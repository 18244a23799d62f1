"""The built site in a real browser (Debian's Chromium): rendering, language switch, search, requests, a11y."""
from urllib.parse import urlsplit

import pytest

from tests.helpers.chromium import SEARCH_BOX, type_query
from conftest import REPO

pytestmark = pytest.mark.browser

MEASURE = "measures/cq-2024-14-m3.1.2/"
AGENCY = "agencies/cq-economy-information-commission/"
PAGES = ["", "targets/", MEASURE, AGENCY, "text/", "glossary/yuqima/", "agencies/matrix/", "data/"]
SEARCHES = [  # (language root, query, the page that must come first)
    ("", "专精特新", "glossary/srdi/"),
    ("", "小巨人", "glossary/little-giant/"),
    ("", "渝企码", "glossary/yuqima/"),
    ("", "市经济信息委", AGENCY),
    ("", "数字化车间", "glossary/digital-workshop/"),
    ("en/", "Little Giant", "en/glossary/little-giant/"),
    ("en/", "Yuqima", "en/glossary/yuqima/"),
    ("en/", "digital workshop", "en/glossary/digital-workshop/"),
]
NO_MATCH = {"": "没有找到符合条件的结果", "en/": "No matching documents"}  # Material's words, the page's language


@pytest.fixture
def page(chromium):
    """A fresh page that records every request, console error and uncaught exception."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.requests, opened.problems = [], []
    opened.on("request", lambda request: opened.requests.append(request.url))
    opened.on("console", lambda message: message.type == "error" and opened.problems.append(message.text))
    opened.on("pageerror", lambda error: opened.problems.append(str(error)))
    yield opened
    context.close()


# Every wait_for_function below is given a function ("() => …"): Playwright runs a bare expression through
# eval, which the pages' Content-Security-Policy forbids (scripts/theme/hooks/csp.py).
def visit(page, site_url: str, path: str):
    page.goto(f"{site_url}/{path}", wait_until="networkidle")


FIRST_CHINESE_CHARACTER = """() => {
    const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode, at = node.data.search(/[\\u4e00-\\u9fff]/);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const box = range.getBoundingClientRect(), font = getComputedStyle(node.parentElement).font;
        const context = document.createElement('canvas').getContext('2d');
        context.font = font;
        // A font without Chinese draws it as the same blank box as an unassigned code point.
        return {character: node.data[at], width: box.width, height: box.height,
                glyph: context.measureText(node.data[at]).width, tofu: context.measureText('\\u0378').width};
    }
    return null;
}"""


@pytest.mark.parametrize("language", ["", "en/"])
def test_home_renders_chinese_glyphs(page, site_url, language, artifacts):
    visit(page, site_url, language)
    found = page.evaluate(FIRST_CHINESE_CHARACTER)
    assert found, "no Chinese on the home page"
    assert found["width"] > 0 and found["height"] > 0
    assert found["glyph"] != found["tofu"], f"{found['character']} has no glyph in the page's font"
    name = "home-en.png" if language else "home-zh.png"
    page.screenshot(path=str(artifacts / name), full_page=True)


def switch_language(page, hreflang: str):
    page.hover(".md-header__option .md-select")  # the selector opens on hover
    page.click(f".md-select__link[hreflang={hreflang}]")
    page.wait_for_load_state("networkidle")


def test_language_switch_keeps_the_page(page, site_url):
    visit(page, site_url, MEASURE)
    assert page.inner_text("h1").startswith("三(一)2")
    switch_language(page, "en")
    assert urlsplit(page.url).path == f"/en/{MEASURE}"
    assert page.inner_text("h1").startswith("3.1.2 ")
    switch_language(page, "zh")
    assert urlsplit(page.url).path == f"/{MEASURE}"


def search(page, query: str) -> list[str]:
    """Type query into the header's search box; the paths of the results, once they are shown."""
    type_query(page, query)
    links = page.locator("#__search-results a").evaluate_all("links => links.map(a => a.href)")
    return [urlsplit(url).path for url in links]


@pytest.mark.parametrize("language, query, expected", SEARCHES)
def test_search_finds_the_named_page_first(page, site_url, language, query, expected):
    visit(page, site_url, language)
    found = search(page, query)
    assert found and found[0] == f"/{expected}", f"{query}: {found}"
    assert page.locator("#__search-results mark").count() > 0  # the match is marked in the passage
    assert page.problems == []


NAMES = """async ([queries, wanted]) => {
    const input = document.querySelector('.md-search__input'), list = document.getElementById('__search-results');
    const missed = [];
    for (const [i, query] of queries.entries()) {
        input.focus();
        input.value = query;
        input.dispatchEvent(new Event('input'));
        while (list.dataset.query !== query.trim()) await new Promise(resolve => setTimeout(resolve, 20));
        const first = list.querySelector('a');
        if (!first || new URL(first.href).pathname !== wanted[i]) missed.push([query, first && first.href]);
    }
    return missed;
}"""


@pytest.mark.parametrize("language", ["", "en/"])
def test_every_term_and_unit_is_found_first_by_its_name(page, site_url, language):
    """Whole Chinese names without a dictionary: Pagefind indexes Chinese by character (scripts/search.py)."""
    from scripts.package import load_package

    records = load_package(REPO).records
    lang = "en" if language else "zh"
    cases = [(row[f"term_{lang}"], f"/{language}glossary/{row['term_id']}/") for row in records["terms"]]
    cases += [(row[f"name_{lang}"], f"/{language}agencies/{row['agency_id']}/") for row in records["agencies"]]
    visit(page, site_url, language)
    missed = page.evaluate(NAMES, [[query for query, _ in cases], [path for _, path in cases]])
    assert missed == []


@pytest.mark.parametrize("language", ["", "en/"])
def test_search_says_when_nothing_matches(page, site_url, language):
    visit(page, site_url, language)
    assert search(page, "qqxxzzyy") == []
    assert page.inner_text("#__search-status") == NO_MATCH[language]


@pytest.mark.parametrize("language, query, expected", [SEARCHES[2], SEARCHES[6]])
def test_a_result_is_a_link_that_lands_on_the_page(page, site_url, language, query, expected):
    visit(page, site_url, language)
    search(page, query)
    title = page.inner_text("#__search-results a .md-search-result__title")
    with page.expect_navigation():
        page.click("#__search-results a")
    assert urlsplit(page.url).path == f"/{expected}"
    assert page.inner_text("h1").startswith(title)


def test_search_works_from_the_keyboard(page, site_url):
    """Tab reaches the box; arrows walk the results; Enter follows one; Escape closes the box."""
    visit(page, site_url, AGENCY)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.md-search__input')"):
            break
    else:
        pytest.fail("Tab never reached the search box")
    page.keyboard.type("渝企码")
    page.wait_for_function("() => document.getElementById('__search-results').dataset.query === '渝企码'")
    assert page.evaluate("document.getElementById('__search').checked")  # the box is open
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('#__search-results') !== null")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    assert not page.evaluate("document.activeElement.matches('.md-search__input')")
    page.focus(SEARCH_BOX)
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == "/glossary/yuqima/"


def test_search_on_a_phone(chromium, site_url, artifacts):
    """At 390 px the box sits behind the header's magnifier, opens full screen and shows its results."""
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    phone.goto(f"{site_url}/", wait_until="networkidle")
    assert phone.locator(".md-search__inner").bounding_box()["width"] == 0  # closed
    phone.click("label.md-header__button[for=__search]")
    phone.wait_for_function("() => document.activeElement.matches('.md-search__input')")
    phone.wait_for_function("() => document.querySelector('.md-search__inner').getBoundingClientRect().width >= 390")
    phone.keyboard.type("小巨人")
    phone.wait_for_function("() => document.getElementById('__search-results').dataset.query === '小巨人'")
    assert phone.is_visible("#__search-results a")
    phone.wait_for_timeout(500)  # Material's opening transition, for the screenshot
    phone.screenshot(path=str(artifacts / "search-phone.png"))
    context.close()


def test_no_request_leaves_the_site_and_no_console_error(page, site_url):
    for language in ("", "en/"):
        for path in PAGES:
            visit(page, site_url, language + path)
    host = urlsplit(site_url).netloc
    assert [url for url in page.requests if urlsplit(url).netloc != host] == []
    assert [url for url in page.requests if "/pagefind/" in url] == []  # no search data until the box is used
    assert page.problems == []
    search(page, "Yuqima")
    assert [url for url in page.requests if urlsplit(url).netloc != host] == []
    assert page.problems == []


@pytest.mark.parametrize("language", ["", "en/"])
def test_no_serious_accessibility_violation_with_search_results_open(page, site_url, language):
    """Every page type as loaded is checked at two widths in test_accessibility.py; this is the home page
    with the search box open on its results."""
    from axe_playwright_python.sync_playwright import Axe  # ships axe.min.js: runs offline

    visit(page, site_url, language)
    search(page, "小巨人" if not language else "Little Giant")
    results = Axe().run(page)
    serious = [(v["id"], v["help"], len(v["nodes"])) for v in results.response["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []
