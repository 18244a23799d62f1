"""Publishing a figure is what CONTRIBUTING says: an excerpt, a source row and a figure row. The guide's
own example (in both languages) validates, and the scoreboard, the target's page and chart, and every
download format pick it up."""
import csv
import html
import io
import json
import re
import sqlite3

import pytest
from openpyxl import load_workbook

from conftest import REPO, copy_package, copy_unreleased, edit_rows, stage
from scripts.package import read_table
from scripts.validate import main

GUIDES = ["CONTRIBUTING.md", "CONTRIBUTING.en.md"]


def example(guide: str) -> tuple[str, str, dict, dict]:
    """(excerpt file name, excerpt text, source row, figure row) as the guide writes them."""
    text = (REPO / guide).read_text(encoding="utf-8")
    excerpt = re.search(r"```text\n(URL: .+?)\n```", text, re.S)[1] + "\n"
    source_line, figure_line = re.findall(r"```csv\n(.+?)\n```", text, re.S)
    source_header = read_table((REPO / "data") / "sources.csv")[0]
    figure_header = read_table((REPO / "data") / "progress.csv")[0]
    source = dict(zip(source_header, next(csv.reader(io.StringIO(source_line)))))
    figure = dict(zip(figure_header, next(csv.reader(io.StringIO(figure_line)))))
    return source["excerpt_file"], excerpt, source, figure


def add_example(root, guide: str) -> tuple[dict, dict]:
    name, excerpt, source, figure = example(guide)
    (root / "data" / name).write_text(excerpt, encoding="utf-8")
    edit_rows(root, "sources", lambda rows: rows.append(source))
    edit_rows(root, "progress", lambda rows: rows.append(figure))
    return source, figure


@pytest.mark.parametrize("guide", GUIDES)
def test_the_guides_example_validates(guide, tmp_path, capsys):
    root = copy_package(tmp_path / "package")
    add_example(root, guide)
    assert main(["--root", str(root)]) == 0, capsys.readouterr().err


def test_both_guides_give_the_same_example():
    assert example(GUIDES[0]) == example(GUIDES[1])


@pytest.fixture(scope="module")
def published(tmp_path_factory, release_cache):
    """(staged docs, source, figure): the example added to a copy of the package, and the build's pages."""
    root = copy_unreleased(tmp_path_factory.mktemp("progress") / "package")
    source, figure = add_example(root, GUIDES[1])
    return stage(root, root.parent / "docs", release_cache=release_cache), source, figure


def read(docs, page: str) -> str:
    return html.unescape((docs / page).read_text(encoding="utf-8"))


@pytest.mark.parametrize("suffix", [".md", ".en.md"])
def test_target_page_shows_the_figure_with_its_source_and_quote(published, suffix):
    docs, source, figure = published
    text = read(docs, f"targets/{figure['target_id']}{suffix}")
    block = re.search(rf'<div class="observation" id="{figure["observation_id"]}">.*?</div>', text, re.S)[0]
    assert "5,600" in block and "2025-06-30" in block and source["url"] in block and figure["quote_zh"] in block
    assert ">5,600</text>" in text  # the chart marks it


@pytest.mark.parametrize("suffix, words", [(".md", "已达到"), (".en.md", "Met")])
def test_scoreboard_reports_the_new_latest_figure(published, suffix, words):
    docs, _, figure = published
    board = read(docs, f"targets/index{suffix}")
    line = next(line for line in board.splitlines() if f"{figure['target_id']}.md" in line)
    assert words in line and "5,600" in line and "2025-06-30" in line


def test_downloads_carry_the_new_rows_in_every_format(published):
    docs, source, figure = published
    for folder in (docs / "downloads").iterdir():
        assert figure in read_table(folder / "data" / "progress.csv")[1]
        assert source in read_table(folder / "data" / "sources.csv")[1]
        assert (folder / "data" / source["excerpt_file"]).is_file()
        records = json.loads((folder / "json" / "progress.json").read_text(encoding="utf-8"))
        assert figure["observation_id"] in json.dumps(records)
        with sqlite3.connect(next(folder.glob("*.sqlite"))) as connection:
            value = connection.execute("SELECT value FROM progress WHERE observation_id = ?",
                                       (figure["observation_id"],)).fetchone()
        assert value == (5600,)
        sheet = load_workbook(next(folder.glob("*.xlsx")), read_only=True)["progress"]
        assert any(figure["observation_id"] in row for row in sheet.iter_rows(values_only=True))
