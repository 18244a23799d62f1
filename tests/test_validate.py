"""The validator: the real data passes; each broken rule is reported with file, row, field and a fix."""
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import edit_rows, fingerprint, read_rows
from scripts import paths
from scripts.validate import main, validate

DOC = "cq-2024-14"


def set_cell(root: Path, resource: str, key: tuple[str, str], field: str, value: str) -> int:
    """Change one cell of the row whose key column has the key value; return that row's line."""
    index = next(i for i, row in enumerate(read_rows(root, resource)) if row[key[0]] == key[1])
    edit_rows(root, resource, lambda rows: rows[index].update({field: value}))
    return index + 2


def cell_mutation(name: str, resource: str, key: tuple[str, str], field: str, value: str, words: str):
    """A named copy-breaker that sets one cell, and says where the validator must report it and with what words."""
    def mutate(root):
        return f"data/{resource}.csv", set_cell(root, resource, key, field, value), field, words
    mutate.__name__ = name
    return mutate


def line_of(root: Path, resource: str, **match: str) -> int:
    rows = read_rows(root, resource)
    return next(i for i, row in enumerate(rows) if all(row[k] == v for k, v in match.items())) + 2


def problems_at(root: Path, file: str, row: int | None, field: str | None) -> list:
    problems, _ = validate(root)
    assert problems, "the broken package passed validation"
    return [p for p in problems if p.file == file and p.row == row and p.field == field]


def test_real_data_passes(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "OK: 10 resources valid" in out
    assert "verbatim" in out and "responsibilities" in out


# --- one fixture per domain rule: a copy of the real package with exactly that rule broken ---

quote_altered_by_one_character = cell_mutation("quote_altered_by_one_character", "measures", ("measure_id", f"{DOC}-m3.1"), "title_zh", "实施科技赋能行动",
                                               "not found verbatim")


def responsible_units_out_of_order(root):
    def swap(rows):
        first, second = [r for r in rows if r["measure_id"] == f"{DOC}-m2.1"][:2]
        first["agency_id"], second["agency_id"] = second["agency_id"], first["agency_id"]
    edit_rows(root, "responsibilities", swap)
    return "data/responsibilities.csv", line_of(root, "responsibilities", measure_id=f"{DOC}-m2.1", position="1"), "agency_id", "continues"


def responsible_unit_missing(root):
    last = [r for r in read_rows(root, "responsibilities") if r["measure_id"] == f"{DOC}-m2.3"][-1]
    edit_rows(root, "responsibilities", lambda rows: rows.remove(last))
    line = line_of(root, "responsibilities", measure_id=f"{DOC}-m2.3", position=str(int(last["position"]) - 1))
    return "data/responsibilities.csv", line, "agency_id", "also names"


responsible_line_dropped = cell_mutation("responsible_line_dropped", "measures", ("measure_id", f"{DOC}-m2.3"), "responsible_line_zh", "",
                                         "the text gives this measure the line")
value_disagrees_with_quote = cell_mutation("value_disagrees_with_quote", "targets", ("target_id", f"{DOC}-t01"), "value", "8600",
                                           "disagrees with the quote, which says 86000")
indicator_not_in_quote = cell_mutation("indicator_not_in_quote", "targets", ("target_id", f"{DOC}-t02"), "indicator_zh", "科技型企业",
                                       "not part of quote_zh")
english_missing = cell_mutation("english_missing", "documents", ("document_id", DOC), "attachment_title_en", "",
                                "English is missing")
english_left_in_chinese = cell_mutation("english_left_in_chinese", "agencies", ("agency_id", "cq-finance-bureau"), "name_en", "市财政局",
                                        "contains Chinese characters")


def id_field_without_safe_pattern(root):
    schema_file = root / "schemas" / "terms.schema.yaml"
    schema = yaml.safe_load(schema_file.read_text(encoding="utf-8"))
    del schema["fields"][0]["constraints"]["pattern"]
    schema_file.write_text(yaml.safe_dump(schema, allow_unicode=True), encoding="utf-8")
    return "schemas/terms.schema.yaml", None, "term_id", "safe ID pattern"


note_written_in_chinese = cell_mutation("note_written_in_chinese", "targets", ("target_id", f"{DOC}-t05"), "note", "新培育同时修饰制造业单项冠军企业。",
                                        "mostly Chinese")


def source_file_outside_its_folder(root):
    """A pattern that is not the safe-ID one gets advice from its own pattern, not "no slashes"."""
    line = set_cell(root, "documents", ("document_id", DOC), "source_file", "cq-2024-14.txt")
    return "data/documents.csv", line, "source_file", r"pattern source/[A-Za-z0-9._-]+\.txt"


def edit_schema(root, resource: str, edit) -> None:
    schema_file = root / "schemas" / f"{resource}.schema.yaml"
    schema = yaml.safe_load(schema_file.read_text(encoding="utf-8"))
    edit({field["name"]: field for field in schema["fields"]})
    schema_file.write_text(yaml.safe_dump(schema, allow_unicode=True), encoding="utf-8")


def enum_value_without_label(root):
    edit_schema(root, "terms", lambda fields: fields["kind"]["enumLabels"].pop("place"))
    return "schemas/terms.schema.yaml", None, "kind", "\u201cplace\u201d has no label in both languages"


def chinese_field_without_language(root):
    edit_schema(root, "measures", lambda fields: fields["title_zh"].pop("lang"))
    return "schemas/measures.schema.yaml", None, "title_zh", "does not declare its language"


def term_rendered_another_way(root):
    """制造业单项冠军 called a "single champion" in one heading's English."""
    title = "Vigorously cultivate manufacturing single champions, oriented towards building internationally first-class enterprises"
    line = set_cell(root, "measures", ("measure_id", f"{DOC}-m2.6"), "title_en", title)
    return "data/measures.csv", line, "title_en", "neither \u201cmanufacturing single-product champion\u201d nor a listed variant"


def unit_renamed_in_one_text(root):
    """市财政局 named differently in the English of one measure whose Chinese names it."""
    text = next(m["text_en"] for m in read_rows(root, "measures") if m["measure_id"] == f"{DOC}-m4.2")
    assert "Municipal Finance Bureau" in text
    line = set_cell(root, "measures", ("measure_id", f"{DOC}-m4.2"), "text_en",
                    text.replace("Municipal Finance Bureau", "Municipal Bureau of Finance"))
    return "data/measures.csv", line, "text_en", "\u201cChongqing Municipal Finance Bureau\u201d nor a listed variant"


def replaced_in(root, resource: str, key: tuple[str, str], field: str, old: str, new: str) -> int:
    """Replace words in one cell, which must hold them; return the row's line."""
    text = next(r[field] for r in read_rows(root, resource) if r[key[0]] == key[1])
    assert old in text
    return set_cell(root, resource, key, field, text.replace(old, new))


def municipality_called_a_city(root):
    """全市 is "across the municipality" (a vocabulary entry of the termbase), not "city-wide"."""
    line = replaced_in(root, "paragraphs", ("paragraph_id", f"{DOC}-p093"), "text_en",
                       '"one network" for SME services across the municipality', 'city-wide "one network" for SME services')
    return "data/paragraphs.csv", line, "text_en", "neither \u201cacross the municipality\u201d nor a listed variant"


def gapped_term_rendered_another_way(root):
    """充分发挥重庆股份转让中心功能 is found by the form 充分发挥…功能, and its English must say "make full use of"."""
    line = replaced_in(root, "measures", ("measure_id", f"{DOC}-m3.3.5"), "text_en", "Make full use of the functions", "Give full play to the functions")
    return "data/measures.csv", line, "text_en", "says \u201c充分发挥重庆股份转让中心功能\u201d, but the English has neither \u201cmake full use of\u201d"


def name_in_a_gap_renamed(root):
    """The name in the gap of 充分发挥…功能 is still a term of its own, checked there."""
    line = replaced_in(root, "measures", ("measure_id", f"{DOC}-m3.3.5"), "text_en", "Chongqing Equity Transfer Centre", "Chongqing Share Transfer Centre")
    return "data/measures.csv", line, "text_en", "neither \u201cChongqing Equity Transfer Centre\u201d"


gapped_term_not_in_the_source = cell_mutation("gapped_term_not_in_the_source", "terms", ("term_id", "make-full-use-of"), "term_zh", "充分发挥…作用",
                                              "not found, in order and within one clause")


def subitem_called_an_item(root):
    """第三部分（五）1 is sub-item 3.5.1: "Item 3.5.1" is refused and the reference is missing."""
    line = replaced_in(root, "terms", ("term_id", "yuqima"), "explanation_en", "Sub-item 3.5.1", "Item 3.5.1")
    return "data/terms.csv", line, "explanation_en", "does not say \u201csub-item 3.5.1\u201d"


def heading_number_changed(root):
    line = replaced_in(root, "target_links", ("reason_zh", "第二部分（七）提出创新区域性股权市场孵化机制。"), "reason_en", "Item 2.7", "Item 2.6")
    return "data/target_links.csv", line, "reason_en", "does not say \u201citem 2.7\u201d"


def calque_back_in_a_note(root):
    line = replaced_in(root, "targets", ("target_id", f"{DOC}-t05"), "note", "item 2.6 also counts", "item 2.6 also counts a batch of")
    return "data/targets.csv", line, "note", "\u201ca batch of\u201d is a form we do not write"


# --- progress: sources, excerpts and figures ---

def observation(root, number: int) -> tuple[int, dict]:
    """(line, row) of observation cq-2024-14-o<number>."""
    rows = read_rows(root, "progress")
    index = next(i for i, row in enumerate(rows) if row["observation_id"] == f"{DOC}-o{number:03d}")
    return index + 2, rows[index]


def progress_quote_altered(root):
    line, row = observation(root, 2)
    set_cell(root, "progress", ("observation_id", row["observation_id"]), "quote_zh", row["quote_zh"].replace("7.56", "7.65"))
    return "data/progress.csv", line, "quote_zh", f"not found verbatim in the excerpt of {row['source_id']}"


def excerpt_digit_changed(root):
    """A changed digit in the stored excerpt: the quote no longer matches it."""
    line, row = observation(root, 2)
    excerpt = root / "data" / "source" / "progress" / f"{row['source_id']}.txt"
    excerpt.write_text(excerpt.read_text(encoding="utf-8").replace("7.56万家", "7.57万家"), encoding="utf-8")
    return "data/progress.csv", line, "quote_zh", "not found verbatim in the excerpt"


def progress_value_disagrees_with_quote(root):
    line, row = observation(root, 2)
    set_cell(root, "progress", ("observation_id", row["observation_id"]), "value", "75000")
    return "data/progress.csv", line, "value", "75000 is not a figure of the quote (its figures: 75600)"


source_url_not_web = cell_mutation("source_url_not_web", "sources", ("source_id", "niita-2024-06-19-zjtx-5035"), "url", "javascript:alert(1)",
                                   r"pattern https?://\S+")


def observation_in_the_future(root):
    line, row = observation(root, 1)
    set_cell(root, "progress", ("observation_id", row["observation_id"]), "as_of_date", "2999-12-31")
    return "data/progress.csv", line, "as_of_date", "is in the future"


def period_ends_before_it_starts(root):
    line, row = next((observation(root, n) for n in range(1, 40)
                      if observation(root, n)[1]["figure_type"] == "new_in_period"))
    set_cell(root, "progress", ("observation_id", row["observation_id"]), "period_start_date", "2025-06-30")
    return "data/progress.csv", line, "period_start_date", "not before it ends"


def level_figure_for_an_increment_target(root):
    line, row = observation(root, 1)  # a level of technology-based enterprises
    set_cell(root, "progress", ("observation_id", row["observation_id"]), "target_id", f"{DOC}-t04")
    return "data/progress.csv", line, "figure_type", "cannot be compared with cq-2024-14-t04, whose type is increment"


def encoding_not_declared(root):
    descriptor_file = root / "datapackage.yaml"
    descriptor = yaml.safe_load(descriptor_file.read_text(encoding="utf-8"))
    del descriptor["resources"][0]["encoding"]
    descriptor_file.write_text(yaml.safe_dump(descriptor, allow_unicode=True), encoding="utf-8")
    return "datapackage.yaml", None, None, "does not declare its encoding as UTF-8"


def homepage_stated(root):
    """The address comes from SITE_URL at build time; one written in the descriptor would be a second truth."""
    descriptor_file = root / "datapackage.yaml"
    descriptor = yaml.safe_load(descriptor_file.read_text(encoding="utf-8"))
    descriptor["homepage"] = "http://127.0.0.1:8000/"
    descriptor_file.write_text(yaml.safe_dump(descriptor, allow_unicode=True), encoding="utf-8")
    return "datapackage.yaml", None, "homepage", "remove homepage"


def measure_text_differs_from_paragraphs(root):
    other = read_rows(root, "measures")
    text = next(m["text_zh"] for m in other if m["measure_id"] == f"{DOC}-m4.2")
    line = set_cell(root, "measures", ("measure_id", f"{DOC}-m4.1"), "text_zh", text)
    return "data/measures.csv", line, "text_zh", "differs from its body paragraphs"


paragraphs_out_of_order = cell_mutation("paragraphs_out_of_order", "paragraphs", ("paragraph_id", f"{DOC}-p005"), "seq", "6",
                                        "expected 5")
subitem_under_a_part = cell_mutation("subitem_under_a_part", "measures", ("measure_id", f"{DOC}-m3.1.1"), "parent_id", f"{DOC}-m3",
                                     "needs a parent of level")
term_first_use_wrong = cell_mutation("term_first_use_wrong", "terms", ("term_id", "yuqima"), "first_measure_id", f"{DOC}-m3.5.2",
                                     f"set it to \u201c{DOC}-m3.5.1\u201d")
control_character_in_cell = cell_mutation("control_character_in_cell", "terms", ("term_id", "yuqima"), "explanation_en", "Line one\x07",
                                          "control character")
number_written_with_wan = cell_mutation("number_written_with_wan", "targets", ("target_id", f"{DOC}-t01"), "value", "8.6万",
                                        "is not a valid number")
dangling_agency = cell_mutation("dangling_agency", "responsibilities", ("agency_id", "cq-finance-bureau"), "agency_id", "cq-no-such-bureau",
                                "agencies has no row with agency_id \u201ccq-no-such-bureau\u201d")


BROKEN = [quote_altered_by_one_character, responsible_units_out_of_order, responsible_unit_missing,
          responsible_line_dropped, value_disagrees_with_quote, indicator_not_in_quote, english_missing,
          english_left_in_chinese, id_field_without_safe_pattern, encoding_not_declared, homepage_stated,
          measure_text_differs_from_paragraphs, paragraphs_out_of_order, subitem_under_a_part,
          term_first_use_wrong, control_character_in_cell, number_written_with_wan, dangling_agency,
          note_written_in_chinese, source_file_outside_its_folder, enum_value_without_label,
          chinese_field_without_language, term_rendered_another_way, unit_renamed_in_one_text,
          progress_quote_altered, excerpt_digit_changed, progress_value_disagrees_with_quote, source_url_not_web,
          observation_in_the_future, period_ends_before_it_starts, level_figure_for_an_increment_target,
          municipality_called_a_city, gapped_term_rendered_another_way, name_in_a_gap_renamed,
          gapped_term_not_in_the_source, subitem_called_an_item, heading_number_changed, calque_back_in_a_note]


@pytest.mark.parametrize("break_rule", BROKEN, ids=lambda f: f.__name__)
def test_broken_rule_is_reported_where_it_is(package_copy, break_rule):
    file, row, field, words = break_rule(package_copy)
    found = problems_at(package_copy, file, row, field)
    assert any(words in p.message or words in p.fix for p in found), found or validate(package_copy)[0]
    assert all(p.fix for p in found)


def test_gbk_file_is_rejected_with_advice(package_copy):
    path = package_copy / "data" / "agencies.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    problems, _ = validate(package_copy)
    assert len(problems) == 1
    assert problems[0].file == "data/agencies.csv" and problems[0].row == 2  # first Chinese cell
    assert "GBK" in problems[0].message and "UTF-8" in problems[0].fix


def test_byte_order_mark_is_rejected(package_copy):
    path = package_copy / "data" / "terms.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    problems, _ = validate(package_copy)
    assert [(p.file, p.row) for p in problems] == [("data/terms.csv", 1)]
    assert "byte-order mark" in problems[0].message


def test_all_problems_are_reported_at_once(package_copy):
    for break_rule in (value_disagrees_with_quote, english_left_in_chinese, term_first_use_wrong):
        break_rule(package_copy)
    problems, _ = validate(package_copy)
    assert {p.file for p in problems} >= {"data/targets.csv", "data/agencies.csv", "data/terms.csv"}


def test_command_line_exit_code_and_message_without_traceback(package_copy):
    value_disagrees_with_quote(package_copy)
    before = fingerprint(package_copy)
    result = subprocess.run([sys.executable, "-m", "scripts.validate", "--root", str(package_copy)],
                            cwd=paths.ROOT.parent, env={"PYTHONPATH": str(paths.ROOT)},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "data/targets.csv, row 2, field value: 8600 disagrees with the quote" in result.stderr
    assert "Fix: set value to 86000" in result.stderr
    assert before == fingerprint(package_copy), "validation wrote files"


def test_report_orders_whole_file_and_row_problems_of_one_file(capsys):
    from scripts.validate.problems import Problem
    from scripts.validate import report

    report([Problem("datapackage.yaml", None, "version", "bad version.", "fix it."),
            Problem("datapackage.yaml", None, None, "no encoding.", "add it."),
            Problem("datapackage.yaml", 3, "name", "odd.", "change it.")], "site/ was left as it was")
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("datapackage.yaml: no encoding.")
    assert lines[-1] == "3 problem(s) found; site/ was left as it was."
