"""How the browser tests and the benchmark start Chromium: Debian's (installed by `make system-deps`),
never one that Playwright or Lighthouse would download, with the flags this offline machine needs; and how
they type into the search box."""
import json

EXECUTABLE = "/usr/bin/chromium"
# Headless as root; no background requests (the network is closed and they would fail by the dozen).
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def launch(playwright):
    """A headless Chromium browser through Playwright."""
    return playwright.chromium.launch(executable_path=EXECUTABLE, args=ARGS)


SEARCH_BOX = ".md-search__input"  # the header's search box (scripts/theme/overrides/partials/search.html)


def type_query(page, query: str) -> None:
    """Type a query into the search box; return once search.js has shown its results (or said none).
    A selector, not wait_for_function: Playwright evaluates a predicate with eval, which the pages'
    Content-Security-Policy forbids."""
    page.click(SEARCH_BOX)
    page.fill(SEARCH_BOX, query)
    page.locator(f"#__search-results[data-query={json.dumps(query, ensure_ascii=False)}]").wait_for(state="attached")
