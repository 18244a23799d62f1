"""CSV text is escaped everywhere it is rendered: hostile cells come out of a real MkDocs build as plain text."""
import re
from html.parser import HTMLParser

import pytest

from conftest import context_in, copy_unreleased, edit_rows, stage
from scripts.build import run_mkdocs
from scripts.site.escape import text

SCRIPT = "</title><script>alert(1)</script>"
LINK = "[x](http://evil.example)"
BOLD = "**x**"
HOSTILE = f"{SCRIPT} {LINK} {BOLD} a | b `c` _d_ {{#id}} &amp; ~~e~~"
# English fields are not checked against the source, so a contributor could put anything in them.
PLANTED = {"measures": ("cq-2024-14-m3.1.2", "title_en"), "agencies": ("cq-finance-bureau", "name_en"),
           "terms": ("yuqima", "explanation_en"), "targets": ("cq-2024-14-t05", "note_en"),
           "progress": ("cq-2024-14-o009", "note_en"), "sources": ("niita-2024-06-19-zjtx-5035", "publisher")}


def test_text_escapes_html_and_markdown():
    escaped = text(HOSTILE)
    assert not re.search(r"[<>\[\]*`_|{}]", escaped)
    assert "&#60;script&#62;" in escaped and "&#38;amp;" in escaped


def plant(root, resource: str, row_id: str, field: str) -> None:
    def make_hostile(rows):
        for row in rows:
            if row[next(iter(row))] == row_id:
                row[field] = HOSTILE
    edit_rows(root, resource, make_hostile)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, release_cache):
    """The site built by MkDocs from a package with hostile text in four English fields."""
    work = tmp_path_factory.mktemp("hostile")
    root = copy_unreleased(work / "package")
    for resource, (row_id, field) in PLANTED.items():
        plant(root, resource, row_id, field)
    docs = stage(root, work / "docs", release_cache=release_cache)
    run_mkdocs(context_in(root, work), docs, work / "site")
    return work / "site"


PAGES = ["en/measures/cq-2024-14-m3.1.2/index.html", "en/measures/cq-2024-14-m3.1/index.html",
         "en/agencies/cq-finance-bureau/index.html", "en/agencies/matrix/index.html",
         "en/glossary/yuqima/index.html", "en/targets/cq-2024-14-t05/index.html", "en/targets/cq-2024-14-t03/index.html",
         "en/measures/index.html"]


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
