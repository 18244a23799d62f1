"""The Content-Security-Policy in Chromium: every kind of page, in both languages, loads and runs with no
violation and no console error, asks for no sitemap, and the search box still works under it."""
from urllib.parse import urlsplit

import pytest

from tests.helpers.chromium import type_query

pytestmark = pytest.mark.browser

# One page of every kind (the 404 page exists in Chinese only, at the root).
KINDS = ["", "targets/", "targets/cq-2024-14-t01/", "measures/", "measures/cq-2024-14-m3.1.2/", "agencies/",
         "agencies/cq-economy-information-commission/", "agencies/matrix/", "text/", "glossary/", "glossary/yuqima/",
         "data/", "data/use/", "data/dictionary/", "data/changelog/", "data/versions/", "about/", "about/licence/",
         "about/contributing/"]
PAGES = [*KINDS, *(f"en/{kind}" for kind in KINDS), "404.html"]
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`));
"""


@pytest.fixture(scope="module")
def watched(chromium):
    """One page for the module, recording violations (from before any script of the page runs), console
    errors, uncaught exceptions and every response."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.problems, page.responses = [], []
    page.on("console", lambda message: message.type == "error" and page.problems.append(message.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("response", lambda response: page.responses.append((response.status, response.url)))
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_the_page_runs_under_its_policy_with_no_violation(watched, site_url, path):
    watched.problems.clear()
    watched.responses.clear()
    watched.goto(f"{site_url}/{path}", wait_until="networkidle")
    assert watched.evaluate("document.querySelector('meta[http-equiv=Content-Security-Policy]') !== null")
    assert watched.evaluate("window.__violations") == []
    assert watched.problems == []
    assert [url for status, url in watched.responses if status >= 400 or urlsplit(url).path.endswith("sitemap.xml")] == []


@pytest.mark.parametrize("language, query", [("", "小巨人"), ("en/", "Little Giant")])
def test_search_works_under_the_policy(watched, site_url, language, query):
    """Pagefind's code, its WebAssembly ('wasm-unsafe-eval') and its index (connect-src) all load."""
    watched.problems.clear()
    watched.goto(f"{site_url}/{language}", wait_until="networkidle")
    type_query(watched, query)
    assert watched.locator("#__search-results a").count() > 0
    assert watched.evaluate("window.__violations") == [] and watched.problems == []
