"""Shared fixtures. A test that breaks data works on a copy, never on the repository's files."""
import shutil
from pathlib import Path

import pytest

from scripts import paths

PACKAGE_PARTS = ["datapackage.yaml", "data", "schemas"]


def copy_package(target: Path) -> Path:
    """The descriptor, CSVs, source text and schemas, copied into target."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PACKAGE_PARTS:
        source = paths.ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """Root of a throw-away copy of the real package, for tests that break it."""
    return copy_package(tmp_path / "package")


@pytest.fixture(scope="session")
def built_site() -> Path:
    """site/, built once per test session from the current data (what `make build` does)."""
    from scripts.build import main as build

    assert build() == 0, "the build failed; run `make build` to see why"
    return paths.SITE_DIR


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """Base URL of the built site, served on 127.0.0.1 (a free port) from a thread for the session."""
    import functools
    import http.server
    import threading

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # keep test output readable
            pass

    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


# Debian's Chromium (installed by `make system-deps`); Playwright never downloads a browser here.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def chromium():
    """A headless Chromium for the session (tests open their own pages)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make system-deps` (apt-get install chromium fonts-wqy-microhei)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
