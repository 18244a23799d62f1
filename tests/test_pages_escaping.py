"""CSV text is escaped everywhere it is rendered: hostile cells come out of a real MkDocs build as plain text."""
import csv
import re
import shutil
from html.parser import HTMLParser

import pytest

from conftest import copy_package
from scripts import paths
from scripts.build import run_mkdocs
from scripts.package import load_package
from scripts.pages import write_pages
from scripts.pages.escape import text

SCRIPT = "</title><script>alert(1)</script>"
LINK = "[x](http://evil.example)"
BOLD = "**x**"
HOSTILE = f"{SCRIPT} {LINK} {BOLD} a | b `c` _d_ {{#id}} &amp; ~~e~~"
# English fields are not checked against the source, so a contributor could put anything in them.
PLANTED = {"measures": ("cq-2024-14-m3.1.2", "title_en"), "agencies": ("cq-finance-bureau", "name_en"),
           "terms": ("yuqima", "explanation_en"), "targets": ("cq-2024-14-t05", "note")}


def test_text_escapes_html_and_markdown():
    escaped = text(HOSTILE)
    assert not re.search(r"[<>\[\]*`_|{}]", escaped)
    assert "&#60;script&#62;" in escaped and "&#38;amp;" in escaped


def plant(root, resource: str, row_id: str, field: str) -> None:
    path = root / "data" / f"{resource}.csv"
    with open(path, encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    for row in rows:
        if row[next(iter(row))] == row_id:
            row[field] = HOSTILE
    with open(path, "w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The site built by MkDocs from a package with hostile text in four English fields."""
    work = tmp_path_factory.mktemp("hostile")
    root = copy_package(work / "package")
    for resource, (row_id, field) in PLANTED.items():
        plant(root, resource, row_id, field)
    docs = work / "docs"
    shutil.copytree(paths.DOCS_DIR, docs)
    for page in docs.glob("data/*.md"):  # another module's pages: irrelevant here, and they need downloads
        page.write_text("# Data\n", encoding="utf-8")
    write_pages(load_package(root), docs)
    run_mkdocs(docs, work / "site")
    return work / "site"


PAGES = ["en/measures/cq-2024-14-m3.1.2/index.html", "en/measures/cq-2024-14-m3.1/index.html",
         "en/agencies/cq-finance-bureau/index.html", "en/agencies/matrix/index.html",
         "en/glossary/yuqima/index.html", "en/targets/index.html", "en/measures/index.html"]


class TextOf(HTMLParser):
    """The text a reader sees: character references decoded, tags gone."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def visible_text(page: str) -> str:
    parser = TextOf()
    parser.feed(page)
    return " ".join(" ".join(parser.parts).split())


@pytest.mark.parametrize("page", PAGES)
def test_hostile_cells_render_as_plain_text(hostile_site, page):
    rendered = (hostile_site / page).read_text(encoding="utf-8")
    assert "<script>alert" not in rendered and "</title><script>" not in rendered
    assert 'href="http://evil.example"' not in rendered
    assert "<strong>x</strong>" not in rendered and "<del>" not in rendered
    assert f"{SCRIPT} {LINK} {BOLD} a | b `c` _d_" in visible_text(rendered)  # shown, as typed
