"""Shared fixtures and helpers. A test that breaks data works on a copy, never on the repository's files."""
from collections.abc import Callable
from pathlib import Path

import pytest

from scripts import chromium as chromium_settings
from scripts import paths
from scripts.package import copy_package, read_table, write_table

__all__ = ["copy_package", "edit_rows", "read_rows", "stage"]


def read_rows(root: Path, resource: str) -> list[dict]:
    return read_table(root / "data" / f"{resource}.csv")[1]


def edit_rows(root: Path, resource: str, edit: Callable[[list[dict]], None]) -> None:
    """Rewrite data/<resource>.csv under root after edit(rows) has changed its rows in place."""
    path = root / "data" / f"{resource}.csv"
    header, rows = read_table(path)
    edit(rows)
    write_table(path, header, rows)


def stage(root: Path, docs: Path) -> Path:
    """The docs folder `make build` stages, for the package under root: hand-written and generated pages,
    downloads, placeholders filled."""
    from scripts.build import stage_docs
    from scripts.package import load_package

    stage_docs(load_package(root), docs)
    return docs


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


@pytest.fixture(scope="session")
def chromium():
    """A headless Chromium for the session (tests open their own pages)."""
    from playwright.sync_api import sync_playwright

    if not Path(chromium_settings.EXECUTABLE).exists():
        pytest.fail(f"{chromium_settings.EXECUTABLE} is missing: run `make system-deps` "
                    "(apt-get install chromium fonts-wqy-microhei)")
    with sync_playwright() as playwright:
        browser = chromium_settings.launch(playwright)
        yield browser
        browser.close()
