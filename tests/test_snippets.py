"""Every Python snippet on the "use the data" pages runs against the files the build makes.

The pages are filled as the build fills them, the downloads are served over HTTP on 127.0.0.1, and
each snippet's address of downloads/latest/ on the public site is pointed at that server. Each
snippet runs on its own, as a reader would paste it, in an empty working folder.
The R snippet is checked to be there but not run: R cannot be installed in this environment.
"""
import contextlib
import functools
import http.server
import io
import re
import threading
from pathlib import Path

import pytest
import yaml

from conftest import stage
from scripts import paths
from scripts.package import load_package

DESCRIPTOR = yaml.safe_load(paths.DESCRIPTOR.read_text(encoding="utf-8"))
PUBLIC_LATEST = DESCRIPTOR["homepage"].rstrip("/") + "/downloads/latest/"
PAGES = ["use.md", "use.en.md"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    """(filled docs folder, address of its downloads/latest/ on a local server)."""
    docs = stage(paths.ROOT, tmp_path_factory.mktemp("staging") / "docs")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(docs)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield docs, f"http://127.0.0.1:{server.server_port}/downloads/latest/"
    server.shutdown()
    server.server_close()


def snippets(page_text: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", page_text, flags=re.MULTILINE | re.DOTALL)


def page_snippets() -> list[tuple[str, int]]:
    """(page, index of its Python snippet), read from the page sources so every snippet gets a test."""
    return [(page, index) for page in PAGES
            for index in range(len(snippets((paths.DOCS_DIR / "data" / page).read_text(encoding="utf-8"), "python")))]


@pytest.mark.parametrize(("page", "index"), page_snippets())
def test_python_snippet_runs_against_the_built_files(served_site, page, index, tmp_path, monkeypatch):
    docs, local_latest = served_site
    code = snippets((docs / "data" / page).read_text(encoding="utf-8"), "python")[index]
    assert PUBLIC_LATEST in code, "the snippet should read the published latest/ files"
    monkeypatch.chdir(tmp_path)
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(code.replace(PUBLIC_LATEST, local_latest), f"{page}[{index}]", "exec"), {"__name__": "__snippet__"})
    assert output.getvalue().strip(), "the snippet should show the reader something"
    assert "valid: False" not in output.getvalue()


@pytest.mark.parametrize("page", PAGES)
def test_use_page_covers_pandas_json_frictionless_sqlite_and_r(served_site, page):
    text = (served_site[0] / "data" / page).read_text(encoding="utf-8")
    python = "\n".join(snippets(text, "python"))
    for needle in ["import pandas", "import json", "from frictionless import", "import sqlite3"]:
        assert needle in python
    assert any(PUBLIC_LATEST in code for code in snippets(text, "r"))


def test_snippets_show_chinese_text_from_the_data(served_site, tmp_path, monkeypatch):
    """The pandas snippet prints the first target's Chinese indicator exactly as it is in the CSV."""
    docs, local_latest = served_site
    code = snippets((docs / "data" / "use.md").read_text(encoding="utf-8"), "python")[0]
    output = io.StringIO()
    monkeypatch.chdir(tmp_path)
    with contextlib.redirect_stdout(output):
        exec(code.replace(PUBLIC_LATEST, local_latest), {"__name__": "__snippet__"})
    assert load_package().tables["targets"]["indicator_zh"][0] in output.getvalue()
