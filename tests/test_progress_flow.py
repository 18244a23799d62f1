"""Adding one row to data/progress.csv is all a maintainer does: the targets pages, chart and downloads follow."""
import html
import json
import re
import sqlite3

import pytest
from openpyxl import load_workbook

from conftest import copy_package, edit_rows, stage
from scripts import paths
from scripts.package import read_table
from scripts.validate import main

NEW_OBSERVATION = {
    "observation_id": "cq-2024-14-o902", "target_id": "cq-2024-14-t03", "as_of_date": "2025-06-30",
    "value": "5600", "source_url": "https://example.org/srdi-2025", "source_title": "A press report of the 2025 SRDI list",
    "source_date": "2025-07-01", "source_kind": "press", "quote_zh": "", "note": "Figure added by the progress-flow test.",
}
FIGURE = "5,600"  # how both languages print 5600 (below 1万, so no 万 in Chinese)


@pytest.fixture(scope="module")
def package_with_new_observation(tmp_path_factory):
    root = copy_package(tmp_path_factory.mktemp("progress") / "package")
    edit_rows(root, "progress", lambda rows: rows.append(NEW_OBSERVATION))
    return root


@pytest.fixture(scope="module")
def built_docs(package_with_new_observation):
    """What the build stages: the hand-written docs, plus the generated pages and downloads."""
    return stage(package_with_new_observation, package_with_new_observation.parent / "docs")


def test_the_new_row_validates(package_with_new_observation, capsys):
    assert main(["--root", str(package_with_new_observation)]) == 0
    assert "progress 2" in capsys.readouterr().out


@pytest.mark.parametrize("page", ["targets/index.md", "targets/index.en.md"])
def test_targets_page_lists_the_new_figure_with_its_source(built_docs, page):
    text = html.unescape((built_docs / page).read_text(encoding="utf-8"))  # cells are entity-escaped
    row = next(line for line in text.splitlines() if NEW_OBSERVATION["observation_id"] in line)
    assert FIGURE in row and "2025-06-30" in row and NEW_OBSERVATION["source_url"] in row


@pytest.mark.parametrize("page", ["targets/index.md", "targets/index.en.md"])
def test_chart_shows_the_new_figure_as_the_latest(built_docs, page):
    text = html.unescape((built_docs / page).read_text(encoding="utf-8"))
    chart = re.search(r'<figure class="target-chart">.*?</figure>', text, re.S)
    bar = next(item for item in chart[0].split("<li>") if "5,000" in item or "5000" in item)
    assert f"{FIGURE} (112%)" in bar and "2025-06-30" in bar and 'style="width: 100%"' in bar


def test_downloads_carry_the_new_row_in_every_format(built_docs):
    for folder in (built_docs / "downloads").iterdir():
        assert NEW_OBSERVATION in read_table(folder / "data" / "progress.csv")[1]
        records = json.loads((folder / "json" / "progress.json").read_text(encoding="utf-8"))
        assert NEW_OBSERVATION["observation_id"] in json.dumps(records)
        database = next(folder.glob("*.sqlite"))
        with sqlite3.connect(database) as connection:
            value = connection.execute("SELECT value FROM progress WHERE observation_id = ?",
                                       (NEW_OBSERVATION["observation_id"],)).fetchone()
        assert value == (5600,)
        sheet = load_workbook(next(folder.glob("*.xlsx")), read_only=True)["progress"]
        assert any(NEW_OBSERVATION["observation_id"] in row for row in sheet.iter_rows(values_only=True))


@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "CONTRIBUTING.en.md"])
def test_the_contributing_guides_example_row_validates(guide, tmp_path, capsys):
    example = re.search(r"```csv\n(.+?)\n```", (paths.ROOT / guide).read_text(encoding="utf-8"), re.S)[1]
    root = copy_package(tmp_path / "package")
    with open(root / "data" / "progress.csv", "a", encoding="utf-8") as file:
        file.write(example + "\n")
    assert main(["--root", str(root)]) == 0, capsys.readouterr().err
