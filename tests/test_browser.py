"""The built site in a real browser (Debian's Chromium): rendering, language switch, search, requests, a11y."""
from urllib.parse import urlsplit

import pytest

from scripts import paths

pytestmark = pytest.mark.browser

MEASURE = "measures/cq-2024-14-m3.1.2/"
AGENCY = "agencies/cq-economy-information-commission/"
PAGES = ["", "targets/", MEASURE, AGENCY, "text/", "glossary/yuqima/", "agencies/matrix/", "data/"]
SEARCHES = [  # (language root, query, a page that must be among the first results)
    ("", "专精特新", "glossary/srdi/"),
    ("", "小巨人", "glossary/little-giant/"),
    ("", "渝企码", "glossary/yuqima/"),
    ("", "市经济信息委", AGENCY),
    ("en/", "Little Giant", "en/glossary/little-giant/"),
    ("en/", "Yuqima", "en/glossary/yuqima/"),
]
TOP = 5


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
def test_home_renders_chinese_glyphs(page, site_url, language):
    visit(page, site_url, language)
    found = page.evaluate(FIRST_CHINESE_CHARACTER)
    assert found, "no Chinese on the home page"
    assert found["width"] > 0 and found["height"] > 0
    assert found["glyph"] != found["tofu"], f"{found['character']} has no glyph in the page's font"
    paths.TEST_ARTIFACTS.mkdir(exist_ok=True)
    name = "home-en.png" if language else "home-zh.png"
    page.screenshot(path=str(paths.TEST_ARTIFACTS / name), full_page=True)


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


@pytest.mark.parametrize("language, query, expected", SEARCHES)
def test_search_finds_the_page(page, site_url, language, query, expected):
    visit(page, site_url, language)
    page.click(".md-search__input")
    page.fill(".md-search__input", query)
    page.press(".md-search__input", "End")  # a key press makes Material run the query
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_timeout(500)  # let the final query's results replace those of a partial one
    found = page.locator(".md-search-result__item > a").evaluate_all("links => links.map(a => a.href)")
    paths_found = [urlsplit(url).path for url in found[:TOP]]
    assert f"/{expected}" in paths_found, f"{query}: {paths_found}"


def test_no_request_leaves_the_site_and_no_console_error(page, site_url):
    for language in ("", "en/"):
        for path in PAGES:
            visit(page, site_url, language + path)
    host = urlsplit(site_url).netloc
    assert [url for url in page.requests if urlsplit(url).netloc != host] == []
    assert page.problems == []


@pytest.mark.parametrize("path", ["", MEASURE, AGENCY, "targets/"])
@pytest.mark.parametrize("language", ["", "en/"])
def test_no_serious_accessibility_violation(page, site_url, language, path):
    from axe_playwright_python.sync_playwright import Axe  # ships axe.min.js: runs offline

    visit(page, site_url, language + path)
    results = Axe().run(page)
    serious = [(v["id"], v["help"], len(v["nodes"])) for v in results.response["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []
