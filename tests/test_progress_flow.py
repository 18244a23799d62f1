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
import yaml
from openpyxl import load_workbook

from conftest import REPO, copy_package, copy_unreleased, edit_rows, read_rows, stage
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


# --- the guide walked for a real source: 科技日报's report of the 2024 additions (o024, o025) -----------------

KJRB = "kjrb-2025-02-14-xianxingqu-2024"
KJRB_FIGURES = ["cq-2024-14-o024", "cq-2024-14-o025"]
# What the guide says to write, in its own words (each guide must still say it): the quote's words decide
# figure_type, 超 is ">", a year alone is date_basis "year", a figure of another kind than its target's is context.
RULES = {"CONTRIBUTING.en.md": ["`new_in_period` (a number added: 新增, 新入库", "`>` for 超", "`year` (the year only: 1 January to 31 December)",
                                "A figure of another kind than the target counts is context"],
         "CONTRIBUTING.md": ["`new_in_period`（某一期间的新增量：新增、新入库", "“超”“突破”“逾”写 `>`", "`year` 只写年份（取1月1日至12月31日）",
                             "类型与目标不同的数字是背景数字"]}


@pytest.fixture
def before_kjrb(tmp_path):
    """A copy of the package as it was before the 科技日报 figures: no excerpt, source or figure of it."""
    root = copy_package(tmp_path / "package")
    assert {row["observation_id"] for row in read_rows(root, "progress") if row["source_id"] == KJRB} == set(KJRB_FIGURES)
    excerpt = root / "data" / "source" / "progress" / f"{KJRB}.txt"
    stored = excerpt.read_text(encoding="utf-8")
    excerpt.unlink()
    edit_rows(root, "sources", lambda rows: rows.remove(next(row for row in rows if row["source_id"] == KJRB)))
    edit_rows(root, "progress", lambda rows: [rows.remove(row) for row in list(rows) if row["source_id"] == KJRB])
    return root, stored


def head_line(excerpt: str, name: str) -> str:
    return re.search(rf"^{name}: (.*)$", excerpt, re.M)[1]


def kjrb_rows(excerpt: str) -> tuple[dict, list[dict]]:
    """The source row and the two figures, each column filled as the guide's tables say, from the excerpt."""
    source = {"source_id": KJRB, "url": head_line(excerpt, "URL"), "title": head_line(excerpt, "Title"),
              "description_en": "Science and Technology Daily report of the Chongqing press conference of 6 February 2025, with the 2024 results",
              "description_zh": "科技日报关于2025年2月6日重庆市政府新闻发布会的报道，含2024年成绩",
              "publisher": "科技日报", "published_date": head_line(excerpt, "Published"), "published_date_from": "page",
              "kind": "press", "original_outlet": "", "retrieved_date": head_line(excerpt, "Retrieved")[:10],
              "excerpt_file": f"source/progress/{KJRB}.txt", "note": ""}
    # The passage stating the figures, copied from the excerpt as it stands (the sentence, up to its 。).
    quote = next(sentence.strip() for sentence in excerpt.split("。") if "新入库科技型企业超1.1万家" in sentence)
    quote_en = ("In 2024, the integration of scientific and technological innovation with industrial innovation in Chongqing "
                "rose markedly: the \"double doubling\" action brought more than 11,000 technology-based enterprises newly into "
                "the register and 3,295 high-tech enterprises newly through review")
    common = {"source_id": KJRB, "figure_type": "new_in_period", "as_of_date": "2024-12-31", "period_start_date": "2024-01-01",
              "date_basis": "year", "unit_zh": "家", "unit_en": "enterprises", "scope": "same", "scope_note_en": "",
              "scope_note_zh": "", "quote_zh": quote, "quote_en": quote_en}
    figures = [dict(common, observation_id="cq-2024-14-o024", target_id="cq-2024-14-t01", comparator=">", value="11000",
                    indicator_zh="科技型企业", note_en="Added in 2024 (新入库), beside a target that counts the level in 2027: context.",
                    note_zh="2024年新入库的数量，列在2027年总量目标旁，作为背景数字。"),
               dict(common, observation_id="cq-2024-14-o025", target_id="cq-2024-14-t02", comparator="=", value="3295",
                    indicator_zh="高新技术企业", note_en="Newly through review in 2024 (新评审通过), beside a target that counts the level in 2027: context.",
                    note_zh="2024年新评审通过的数量，列在2027年总量目标旁，作为背景数字。")]
    return source, figures


def add_kjrb(root, excerpt: str, figures: list[dict] | None = None) -> None:
    """The guide's three steps: store the excerpt, add the source, add the figures."""
    source, made = kjrb_rows(excerpt)
    (root / "data" / source["excerpt_file"]).write_text(excerpt, encoding="utf-8")
    edit_rows(root, "sources", lambda rows: rows.append(source))
    edit_rows(root, "progress", lambda rows: rows.extend(figures or made))


@pytest.mark.parametrize("guide", GUIDES)
def test_the_guide_documents_every_column_and_rule_the_walk_uses(guide):
    text = (REPO / guide).read_text(encoding="utf-8")
    source, figures = kjrb_rows((REPO / "data" / "source" / "progress" / f"{KJRB}.txt").read_text(encoding="utf-8"))
    assert [column for column in [*source, *figures[0]] if f"`{column}`" not in text] == []
    assert [rule for rule in RULES[guide] if rule not in text] == []


def test_the_kjrb_figures_added_as_the_guide_says_validate(before_kjrb, capsys):
    root, excerpt = before_kjrb
    assert main(["--root", str(root)]) == 0, capsys.readouterr().err  # the package without them is valid
    add_kjrb(root, excerpt)
    assert main(["--root", str(root)]) == 0, capsys.readouterr().err
    assert "OK" in capsys.readouterr().out


def test_the_2024_additions_recorded_as_a_level_fail_with_file_row_field_and_fix(before_kjrb, capsys):
    root, excerpt = before_kjrb
    _, figures = kjrb_rows(excerpt)
    mislabelled = dict(figures[0], figure_type="level", period_start_date="")
    add_kjrb(root, excerpt, [mislabelled, figures[1]])
    row = 1 + [r["observation_id"] for r in read_rows(root, "progress")].index(mislabelled["observation_id"]) + 1
    assert main(["--root", str(root)]) == 1
    said = capsys.readouterr().err
    line = next(line for line in said.splitlines() if "[progress.level-quote-says-added]" in line)
    assert line.startswith(f"data/progress.csv, row {row}, field figure_type: [progress.level-quote-says-added]")
    assert "新入库" in line and "Fix: record it as new_in_period" in line


def test_the_guides_and_the_template_name_only_fields_and_values_the_data_have():
    """No 1.x column (source_url, source_kind) survives in what a contributor reads."""
    known = set()
    for schema in (REPO / "schemas").glob("*.yaml"):
        for field in yaml.safe_load(schema.read_text(encoding="utf-8"))["fields"]:
            known |= {field["name"], *map(str, field.get("constraints", {}).get("enum", []))}
    for page in [*GUIDES, ".github/pull_request_template.md"]:
        named = set(re.findall(r"`([a-z]+(?:_[a-z]+)+)`", (REPO / page).read_text(encoding="utf-8")))
        assert named and named - known == set(), page
    template = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "`quote_zh`" in template and "`quote_en`" in template and "optional" not in template
