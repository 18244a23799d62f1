"""The validator: the real data passes; every rule has a code (scripts/problems/codes.yaml), and a named
broken copy of the real package that breaks it is reported with that code where it is (file, row, field)
and with a fix. Codes and copies are held against each other both ways, each example in the catalogue is
what its copy prints, and each domain check is the only one to catch a copy of its own."""
import ast
import contextlib
import copy
import io
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import REPO, copy_package, edit_rows, fingerprint, read_rows
from scripts.scratch import scratch
from scripts.validate import checks, main, report, validate
from scripts.problems.catalogue import catalogue
from scripts.problems.codes import CODE_FORM, CODES, LABELS, THEMES, UnknownCode, well_formed
from scripts.validate.problems import Problem

# Each broken copy is validated once and its outcome kept for every test that asks (OUTCOMES): with
# pytest-xdist, the module's tests run on one worker (tests/conftest.py, pytest_xdist_make_scheduler).
pytestmark = pytest.mark.xdist_group("test_validate")
DOC = "cq-2024-14"
BUILD_THEMES = {"build", "release"}  # codes of the build and make release: tests/test_build_problems.py
Where = tuple[str, int | None, str | None]  # file, row (its line; the header is 1), field
CASES: list[Callable[[Path], Where]] = []  # every named broken copy; each carries the code it must produce


def case(code: str):
    """Register a copy-breaker: it breaks a copy of the package and says where `code` must be reported."""
    def register(breaks):
        breaks.code = code
        CASES.append(breaks)
        return breaks
    return register


def set_cell(root: Path, resource: str, key: tuple[str, str], field: str, value: str) -> int:
    """Change one cell of the row whose key column has the key value; return that row's line."""
    index = next(i for i, row in enumerate(read_rows(root, resource)) if row[key[0]] == key[1])
    edit_rows(root, resource, lambda rows: rows[index].update({field: value}))
    return index + 2


def cell_case(name: str, code: str, resource: str, key: tuple[str, str], field: str, value: str):
    """A named copy-breaker that sets one cell, reported at that cell."""
    def breaks(root):
        return f"data/{resource}.csv", set_cell(root, resource, key, field, value), field
    breaks.__name__ = name
    return case(code)(breaks)


def line_of(root: Path, resource: str, **match: str) -> int:
    rows = read_rows(root, resource)
    return next(i for i, row in enumerate(rows) if all(row[k] == v for k, v in match.items())) + 2


def edit_yaml(path: Path, edit) -> None:
    written = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(written)
    path.write_text(yaml.safe_dump(written, allow_unicode=True), encoding="utf-8")


def edit_schema(root: Path, resource: str, edit) -> None:
    edit_yaml(root / "schemas" / f"{resource}.schema.yaml", lambda schema: edit({f["name"]: f for f in schema["fields"]}))


def edit_text(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer has {old!r}: choose another edit"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_lines(root: Path, resource: str, edit) -> None:
    """Rewrite data/<resource>.csv line by line (header included), as a text editor would."""
    path = root / "data" / f"{resource}.csv"
    path.write_text("\n".join(edit(path.read_text(encoding="utf-8").split("\n"))), encoding="utf-8")


# --- package: the descriptor ---------------------------------------------------------------------------

@case("package.descriptor-unreadable")
def descriptor_not_yaml(root):
    (root / "datapackage.yaml").write_text("resources: [\n", encoding="utf-8")
    return "datapackage.yaml", None, None


@case("package.descriptor-invalid")
def resource_name_with_a_space(root):
    edit_yaml(root / "datapackage.yaml", lambda d: d["resources"][-1].update(name="progress figures"))
    return "datapackage.yaml", None, None


@case("package.file-missing")
def resource_file_missing(root):
    (root / "data" / "target_links.csv").unlink()
    return "data/target_links.csv", None, None


@case("package.version-malformed")
def version_of_two_numbers(root):
    edit_yaml(root / "datapackage.yaml", lambda d: d.update(version="2.0"))
    return "datapackage.yaml", None, "version"


@case("package.homepage-stated")
def homepage_stated(root):
    """The address comes from SITE_URL at build time; one written in the descriptor would be a second truth."""
    edit_yaml(root / "datapackage.yaml", lambda d: d.update(homepage="http://127.0.0.1:8000/"))
    return "datapackage.yaml", None, "homepage"


@case("package.encoding-not-declared")
def encoding_not_declared(root):
    edit_yaml(root / "datapackage.yaml", lambda d: d["resources"][0].pop("encoding"))
    return "datapackage.yaml", None, None


# --- schema: what each field declares ------------------------------------------------------------------

@case("schema.id-without-safe-pattern")
def id_field_without_safe_pattern(root):
    edit_schema(root, "terms", lambda fields: fields["term_id"]["constraints"].pop("pattern"))
    return "schemas/terms.schema.yaml", None, "term_id"


@case("schema.language-not-declared")
def chinese_field_without_language(root):
    edit_schema(root, "measures", lambda fields: fields["title_zh"].pop("lang"))
    return "schemas/measures.schema.yaml", None, "title_zh"


@case("schema.translates-unknown-field")
def translation_of_a_field_that_does_not_exist(root):
    edit_schema(root, "documents", lambda fields: fields["topic_en"].update(translates="topic_cn"))
    return "schemas/documents.schema.yaml", None, "topic_en"


@case("schema.enum-value-without-labels")
def enum_value_without_label(root):
    edit_schema(root, "terms", lambda fields: fields["kind"]["enumLabels"].pop("place"))
    return "schemas/terms.schema.yaml", None, "kind"


# --- encoding: bytes and line endings ------------------------------------------------------------------

@case("encoding.byte-order-mark")
def byte_order_mark(root):
    path = root / "data" / "terms.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    return "data/terms.csv", 1, None


@case("encoding.not-utf8")
def saved_as_gbk(root):
    path = root / "data" / "agencies.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    return "data/agencies.csv", 2, None  # the first line with Chinese


@case("encoding.crlf-line-endings")
def crlf_line_endings(root):
    path = root / "data" / "progress.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    return "data/progress.csv", 1, None


# --- table: header and rows ----------------------------------------------------------------------------

@case("table.wrong-column-name")
def header_columns_swapped(root):
    edit_lines(root, "target_links", lambda lines: [lines[0].replace("reason_en,reason_zh", "reason_zh,reason_en")] + lines[1:])
    return "data/target_links.csv", 1, "reason_en"


@case("table.missing-column")
def last_column_deleted(root):
    edit_lines(root, "terms", lambda lines: [line.rsplit(",", 1)[0] if line else line for line in lines])
    return "data/terms.csv", 1, "first_measure_id"


@case("table.extra-column")
def column_added(root):
    edit_lines(root, "target_links", lambda lines: [line + ",x" if line else line for line in lines])
    return "data/target_links.csv", 1, None


@case("table.duplicate-column-name")
def column_named_twice(root):
    edit_lines(root, "terms", lambda lines: [lines[0].replace("term_en", "term_zh")] + lines[1:])
    return "data/terms.csv", 1, "term_en"


@case("table.blank-column-name")
def column_without_a_name(root):
    edit_lines(root, "terms", lambda lines: [lines[0].replace("term_id,", ",", 1)] + lines[1:])
    return "data/terms.csv", 1, "term_id"


@case("table.missing-cell")
def row_cut_short(root):
    edit_lines(root, "target_links", lambda lines: lines[:2] + [lines[2].rsplit(",", 1)[0]] + lines[3:])
    return "data/target_links.csv", 3, "reason_zh"


@case("table.extra-cell")
def comma_left_unquoted(root):
    edit_lines(root, "responsibilities", lambda lines: lines[:2] + [lines[2] + ",1"] + lines[3:])
    return "data/responsibilities.csv", 3, None


@case("table.blank-row")
def row_left_empty(root):
    edit_lines(root, "terms", lambda lines: lines[:3] + [",,,,,,,"] + lines[3:])
    return "data/terms.csv", 4, None


@case("table.unreadable")
def declared_as_a_spreadsheet(root):
    edit_yaml(root / "datapackage.yaml", lambda d: d["resources"][-1].update(format="xlsx"))
    return "data/progress.csv", None, None


@case("table.other-error")
def declared_size_wrong(root):
    """A size copied from a released datapackage.json, no longer true once the data change."""
    edit_yaml(root / "datapackage.yaml", lambda d: d["resources"][0].update(bytes=1))
    return "data/documents.csv", None, None


# --- cell: each cell on its own ------------------------------------------------------------------------

number_written_with_wan = cell_case("number_written_with_wan", "cell.wrong-type",
                                    "targets", ("target_id", f"{DOC}-t01"), "value", "8.6万")
number_in_full_width_digits = cell_case("number_in_full_width_digits", "cell.not-plain",
                                        "targets", ("target_id", f"{DOC}-t01"), "value", "８６０００")
required_cell_empty = cell_case("required_cell_empty", "cell.required-empty",
                                "sources", ("source_id", "niita-2024-06-19-zjtx-5035"), "publisher", "")
value_not_allowed = cell_case("value_not_allowed", "cell.not-allowed-value",
                              "sources", ("source_id", "niita-2024-06-19-zjtx-5035"), "kind", "blog")
id_with_a_slash = cell_case("id_with_a_slash", "cell.unsafe-id", "terms", ("term_id", "yuqima"), "term_id", "yu/qima")
source_url_not_web = cell_case("source_url_not_web", "cell.pattern-mismatch",
                               "sources", ("source_id", "niita-2024-06-19-zjtx-5035"), "url", "javascript:alert(1)")
source_file_outside_its_folder = cell_case("source_file_outside_its_folder", "cell.pattern-mismatch",
                                           "documents", ("document_id", DOC), "source_file", "cq-2024-14.txt")
published_before_2015 = cell_case("published_before_2015", "cell.constraint-broken",
                                  "sources", ("source_id", "niita-2024-06-19-zjtx-5035"), "published_date", "2014-06-19")
control_character_in_cell = cell_case("control_character_in_cell", "cell.invisible-character",
                                      "terms", ("term_id", "yuqima"), "explanation_en", "Line one\x07")
cell_too_long = cell_case("cell_too_long", "cell.too-long", "terms", ("term_id", "yuqima"), "explanation_en", "x" * 4001)


@case("cell.date-in-the-future")
def observation_in_the_future(root):
    line = set_cell(root, "progress", ("observation_id", f"{DOC}-o001"), "as_of_date", "2999-12-31")
    return "data/progress.csv", line, "as_of_date"


# --- key: IDs and references ---------------------------------------------------------------------------

@case("key.duplicate-id")
def id_used_twice(root):
    edit_rows(root, "target_links", lambda rows: rows.append(dict(rows[0])))
    return "data/target_links.csv", len(read_rows(root, "target_links")) + 1, None


@case("key.duplicate-value")
def excerpt_shared_by_two_sources(root):
    first = read_rows(root, "sources")[0]["excerpt_file"]
    line = set_cell(root, "sources", ("source_id", "bzlm-2025-10-kjqy-9123"), "excerpt_file", first)
    return "data/sources.csv", line, "excerpt_file"


dangling_agency = cell_case("dangling_agency", "key.dangling-reference",
                            "responsibilities", ("agency_id", "cq-finance-bureau"), "agency_id", "cq-no-such-bureau")
parent_not_a_measure = cell_case("parent_not_a_measure", "key.dangling-reference",  # a key into its own table
                                 "measures", ("measure_id", f"{DOC}-m3.1.1"), "parent_id", f"{DOC}-m9")


def agency_row_deleted(root):
    edit_rows(root, "agencies", lambda rows: rows.pop(0))


def dangling_agency_beside_an_extra_cell(root):
    """A table with a row Frictionless cannot read as its schema says still has its other rows' keys checked."""
    dangling_agency(root)
    comma_left_unquoted(root)


@pytest.mark.parametrize("breaks", [lambda root: None, dangling_agency, parent_not_a_measure, agency_row_deleted,
                                    dangling_agency_beside_an_extra_cell],
                         ids=["real data", "dangling agency", "parent not a measure", "agency row deleted", "beside an extra cell"])
def test_foreign_keys_are_those_frictionless_finds(breaks, package_copy):
    """Our check of the foreign keys (validate/foreign_keys.py) reports what Frictionless's own does, there."""
    from frictionless import Package

    from scripts.package import read_descriptor
    from scripts.validate.foreign_keys import check_foreign_keys

    breaks(package_copy)
    descriptor = read_descriptor(package_copy)[0]
    report = Package(copy.deepcopy(descriptor), basepath=str(package_copy)).validate()
    theirs = {(task.place, error.row_number, ",".join(error.field_names),
               f"{error.reference_name} has no row with {', '.join(error.reference_field_names)} "
               f"\u201c{', '.join(error.field_cells)}\u201d (foreign key).")
              for task in report.tasks for error in task.errors if error.type == "foreign-key"}
    ours = {(p.file, p.row, p.field, p.message) for p in check_foreign_keys(package_copy, descriptor, set())}
    assert ours == theirs
    assert bool(theirs) == (breaks.__name__ != "<lambda>")


# --- quote: the plan's Chinese is the source's ---------------------------------------------------------

source_text_missing = cell_case("source_text_missing", "quote.source-text-missing",
                                "documents", ("document_id", DOC), "source_file", "source/no-such-text.txt")
quote_altered_by_one_character = cell_case("quote_altered_by_one_character", "quote.not-in-source",
                                           "measures", ("measure_id", f"{DOC}-m3.1"), "title_zh", "实施科技赋能行动")

# --- target: each target agrees with its quote ---------------------------------------------------------

value_disagrees_with_quote = cell_case("value_disagrees_with_quote", "target.value-disagrees-with-quote",
                                       "targets", ("target_id", f"{DOC}-t01"), "value", "8600")
indicator_not_in_quote = cell_case("indicator_not_in_quote", "target.indicator-not-in-quote",
                                   "targets", ("target_id", f"{DOC}-t02"), "indicator_zh", "科技型企业")


@case("target.quote-without-figure")
def target_quote_without_figure(root):
    """A verbatim phrase of the plan, but not the one with the number."""
    line = set_cell(root, "targets", ("target_id", f"{DOC}-t01"), "quote_zh", "科技型企业")
    return "data/targets.csv", line, "quote_zh"


# --- english -------------------------------------------------------------------------------------------

english_missing = cell_case("english_missing", "english.missing",
                            "documents", ("document_id", DOC), "attachment_title_en", "")
english_left_in_chinese = cell_case("english_left_in_chinese", "english.contains-chinese",
                                    "agencies", ("agency_id", "cq-finance-bureau"), "name_en", "市财政局")
note_written_in_chinese = cell_case("note_written_in_chinese", "english.mostly-chinese",
                                    "targets", ("target_id", f"{DOC}-t05"), "note_en", "新培育同时修饰制造业单项冠军企业。")


# --- language: our own notes, in both languages --------------------------------------------------------

chinese_note_missing = cell_case("chinese_note_missing", "language.chinese-twin-missing",
                                 "targets", ("target_id", f"{DOC}-t05"), "note_zh", "")
english_note_missing = cell_case("english_note_missing", "language.english-twin-missing",
                                 "targets", ("target_id", f"{DOC}-t05"), "note_en", "")
chinese_scope_note_in_english = cell_case("chinese_scope_note_in_english", "language.chinese-prose-in-english",
                                          "progress", ("observation_id", f"{DOC}-o008"), "scope_note_zh",
                                          "Liangjiang New Area only, not the whole city.")


@case("english.without-chinese")
def english_without_chinese(root):
    line = set_cell(root, "documents", ("document_id", DOC), "topic_zh", "")
    return "data/documents.csv", line, "topic_en"


# --- termbase: the English follows terms.csv and agencies.csv ------------------------------------------

@case("termbase.english-form-missing")
def term_rendered_another_way(root):
    """制造业单项冠军 called a "single champion" in one heading's English."""
    title = "Vigorously cultivate manufacturing single champions, oriented towards building internationally first-class enterprises"
    line = set_cell(root, "measures", ("measure_id", f"{DOC}-m2.6"), "title_en", title)
    return "data/measures.csv", line, "title_en"


@case("termbase.english-form-missing")
def unit_renamed_in_one_text(root):
    """市财政局 named differently in the English of one measure whose Chinese names it."""
    text = next(m["text_en"] for m in read_rows(root, "measures") if m["measure_id"] == f"{DOC}-m4.2")
    assert "Municipal Finance Bureau" in text
    line = set_cell(root, "measures", ("measure_id", f"{DOC}-m4.2"), "text_en",
                    text.replace("Municipal Finance Bureau", "Municipal Bureau of Finance"))
    return "data/measures.csv", line, "text_en"


# --- responsibility: the 责任单位 lines ------------------------------------------------------------------

responsible_line_dropped = cell_case("responsible_line_dropped", "responsibility.line-differs-from-text",
                                     "measures", ("measure_id", f"{DOC}-m2.3"), "responsible_line_zh", "")


@case("responsibility.rows-without-line")
def rows_left_without_their_line(root):
    set_cell(root, "measures", ("measure_id", f"{DOC}-m2.3"), "responsible_line_zh", "")
    return "data/responsibilities.csv", line_of(root, "responsibilities", measure_id=f"{DOC}-m2.3", position="1"), "measure_id"


@case("responsibility.unit-out-of-order")
def responsible_units_out_of_order(root):
    def swap(rows):
        first, second = [r for r in rows if r["measure_id"] == f"{DOC}-m2.1"][:2]
        first["agency_id"], second["agency_id"] = second["agency_id"], first["agency_id"]
    edit_rows(root, "responsibilities", swap)
    return "data/responsibilities.csv", line_of(root, "responsibilities", measure_id=f"{DOC}-m2.1", position="1"), "agency_id"


@case("responsibility.unit-without-row")
def responsible_unit_missing(root):
    last = [r for r in read_rows(root, "responsibilities") if r["measure_id"] == f"{DOC}-m2.3"][-1]
    edit_rows(root, "responsibilities", lambda rows: rows.remove(last))
    line = line_of(root, "responsibilities", measure_id=f"{DOC}-m2.3", position=str(int(last["position"]) - 1))
    return "data/responsibilities.csv", line, "agency_id"


@case("responsibility.position-gap")
def position_skipped(root):
    line = line_of(root, "responsibilities", measure_id=f"{DOC}-m2.1", position="2")
    edit_rows(root, "responsibilities", lambda rows: rows[line - 2].update(position="3"))
    return "data/responsibilities.csv", line, "position"


# --- structure: the document's shape -------------------------------------------------------------------

@case("structure.measure-text-differs")
def measure_text_differs_from_paragraphs(root):
    text = next(m["text_zh"] for m in read_rows(root, "measures") if m["measure_id"] == f"{DOC}-m4.2")
    line = set_cell(root, "measures", ("measure_id", f"{DOC}-m4.1"), "text_zh", text)
    return "data/measures.csv", line, "text_zh"


paragraphs_out_of_order = cell_case("paragraphs_out_of_order", "structure.seq-out-of-order",
                                    "paragraphs", ("paragraph_id", f"{DOC}-p005"), "seq", "6")
subitem_under_a_part = cell_case("subitem_under_a_part", "structure.wrong-parent-level",
                                 "measures", ("measure_id", f"{DOC}-m3.1.1"), "parent_id", f"{DOC}-m3")
term_first_use_wrong = cell_case("term_first_use_wrong", "structure.term-first-use-wrong",
                                 "terms", ("term_id", "yuqima"), "first_measure_id", f"{DOC}-m3.5.2")

# --- source: each progress source and its stored excerpt ----------------------------------------------

NIITA = "niita-2024-06-19-zjtx-5035"  # a source with a published date, read from its page


def excerpt_of(root: Path, source_id: str = NIITA) -> Path:
    return root / "data" / "source" / "progress" / f"{source_id}.txt"


@case("source.excerpt-missing")
def excerpt_deleted(root):
    excerpt_of(root).unlink()
    return "data/sources.csv", line_of(root, "sources", source_id=NIITA), "excerpt_file"


date_origin_without_date = cell_case("date_origin_without_date", "source.date-origin-without-date",
                                     "sources", ("source_id", NIITA), "published_date_from", "")
source_url_differs_from_excerpt = cell_case("source_url_differs_from_excerpt", "source.url-differs-from-excerpt",
                                            "sources", ("source_id", NIITA), "url", "http://about.niita.cn/shownews.aspx?id=24658")
retrieved_date_differs_from_excerpt = cell_case("retrieved_date_differs_from_excerpt", "source.retrieved-differs-from-excerpt",
                                                "sources", ("source_id", NIITA), "retrieved_date", "2026-11-27")

# --- excerpt: the head of each stored excerpt, where it is written -------------------------------------


@case("excerpt.separator-missing")
def excerpt_without_separator(root):
    edit_text(excerpt_of(root), "\n---\n", "\n\n")
    return f"data/source/progress/{NIITA}.txt", None, None


@case("excerpt.head-line-missing")
def excerpt_head_without_url(root):
    edit_text(excerpt_of(root), "URL: http://about.niita.cn/shownews.aspx?id=24657\n", "")
    return f"data/source/progress/{NIITA}.txt", None, "URL"


@case("excerpt.url-malformed")
def excerpt_url_without_scheme(root):
    edit_text(excerpt_of(root), "URL: http://about.niita.cn/", "URL: about.niita.cn/")
    return f"data/source/progress/{NIITA}.txt", 1, "URL"


@case("excerpt.date-malformed")
def excerpt_retrieved_on_a_day_that_does_not_exist(root):
    edit_text(excerpt_of(root), "Retrieved: 2026-11-28", "Retrieved: 2026-11-31")
    return f"data/source/progress/{NIITA}.txt", 5, "Retrieved"


@case("excerpt.date-malformed")
def excerpt_published_in_words(root):
    edit_text(excerpt_of(root), "Published: 2024-06-19", "Published: 19 June 2024")
    return f"data/source/progress/{NIITA}.txt", 4, "Published"


# --- the termbase's gapped forms, heading references and calques ----------------------------------------

def replaced_in(root, resource: str, key: tuple[str, str], field: str, old: str, new: str) -> int:
    """Replace words in one cell, which must hold them; return the row's line."""
    text = next(r[field] for r in read_rows(root, resource) if r[key[0]] == key[1])
    assert old in text, f"{key[1]}'s {field} no longer has {old!r}: choose another edit"
    return set_cell(root, resource, key, field, text.replace(old, new))


@case("termbase.english-form-missing")
def municipality_called_a_city(root):
    """全市 is "across the municipality" (a vocabulary entry of the termbase), not "city-wide"."""
    line = replaced_in(root, "paragraphs", ("paragraph_id", f"{DOC}-p093"), "text_en",
                       '"one network" for SME services across the municipality', 'city-wide "one network" for SME services')
    return "data/paragraphs.csv", line, "text_en"


@case("termbase.english-form-missing")
def gapped_term_rendered_another_way(root):
    """充分发挥重庆股份转让中心功能 is found by the form 充分发挥…功能, and its English must say "make full use of"."""
    line = replaced_in(root, "measures", ("measure_id", f"{DOC}-m3.3.5"), "text_en", "Make full use of the functions",
                       "Give full play to the functions")
    return "data/measures.csv", line, "text_en"


@case("termbase.english-form-missing")
def name_in_a_gap_renamed(root):
    """The name in the gap of 充分发挥…功能 is still a term of its own, checked there."""
    line = replaced_in(root, "measures", ("measure_id", f"{DOC}-m3.3.5"), "text_en", "Chongqing Equity Transfer Centre",
                       "Chongqing Share Transfer Centre")
    return "data/measures.csv", line, "text_en"


gapped_term_not_in_the_source = cell_case("gapped_term_not_in_the_source", "quote.not-in-source",
                                          "terms", ("term_id", "make-full-use-of"), "term_zh", "充分发挥…作用")


@case("english.heading-reference-mismatch")
def subitem_called_an_item(root):
    """第三部分（五）1 is sub-item 3.5.1: "Item 3.5.1" is refused and the reference is missing."""
    line = replaced_in(root, "terms", ("term_id", "yuqima"), "explanation_en", "Sub-item 3.5.1", "Item 3.5.1")
    return "data/terms.csv", line, "explanation_en"


@case("english.heading-reference-mismatch")
def heading_number_changed(root):
    line = replaced_in(root, "target_links", ("reason_zh", "第二部分（七）提出创新区域性股权市场孵化机制。"), "reason_en", "Item 2.7", "Item 2.6")
    return "data/target_links.csv", line, "reason_en"


@case("english.calque")
def calque_back_in_a_note(root):
    line = replaced_in(root, "targets", ("target_id", f"{DOC}-t05"), "note_en", "item 2.6 also counts", "item 2.6 also counts a batch of")
    return "data/targets.csv", line, "note_en"


# --- progress: each figure agrees with its quote and is compared only with what it can be --------------

def observation(root: Path, number: int) -> tuple[int, dict]:
    """(line, row) of observation cq-2024-14-o<number>."""
    rows = read_rows(root, "progress")
    index = next(i for i, row in enumerate(rows) if row["observation_id"] == f"{DOC}-o{number:03d}")
    return index + 2, rows[index]


def figure_case(name: str, code: str, number: int, field: str, value: str, reported: str | None = None):
    """A named copy-breaker that sets one cell of observation o<number>; reported at `reported` (default: that cell)."""
    def breaks(root):
        line, _ = observation(root, number)
        set_cell(root, "progress", ("observation_id", f"{DOC}-o{number:03d}"), field, value)
        return "data/progress.csv", line, reported or field
    breaks.__name__ = name
    return case(code)(breaks)


@case("progress.quote-not-in-excerpt")
def quote_not_in_excerpt(root):
    line, row = observation(root, 2)
    set_cell(root, "progress", ("observation_id", row["observation_id"]), "quote_zh", row["quote_zh"].replace("7.56", "7.65"))
    return "data/progress.csv", line, "quote_zh"


@case("progress.quote-not-in-excerpt")
def excerpt_digit_changed(root):
    """A changed digit in the stored excerpt: the quote no longer matches it."""
    line, row = observation(root, 2)
    edit_text(excerpt_of(root, row["source_id"]), "7.56万家", "7.57万家")
    return "data/progress.csv", line, "quote_zh"


# o001: a level of technology-based enterprises (t01, a level target), same scope; o008: another scope;
# o009: a level on the day its source was published; o011: a number added in 2022 (t04, an increment target).
progress_value_disagrees_with_quote = figure_case("progress_value_disagrees_with_quote", "progress.value-not-in-quote",
                                                  2, "value", "75000")
comparator_contradicts_quote = figure_case("comparator_contradicts_quote", "progress.comparator-differs-from-quote",
                                           1, "comparator", ">")
progress_indicator_not_in_quote = figure_case("progress_indicator_not_in_quote", "progress.indicator-not-in-quote",
                                              1, "indicator_zh", "高新技术企业")
level_with_a_period = figure_case("level_with_a_period", "progress.level-with-period", 1, "period_start_date", "2022-01-01")
addition_without_period_start = figure_case("addition_without_period_start", "progress.addition-without-period-start",
                                            11, "period_start_date", "")
period_ends_before_it_starts = figure_case("period_ends_before_it_starts", "progress.period-ends-before-start",
                                           11, "period_start_date", "2023-06-30")
figure_after_publication = figure_case("figure_after_publication", "progress.after-publication", 9, "as_of_date", "2024-06-20")
scope_differs_without_note = figure_case("scope_differs_without_note", "progress.scope-note-missing", 8, "scope_note_en", "")
scope_note_on_same_scope = figure_case("scope_note_on_same_scope", "progress.scope-note-on-same-scope",
                                       1, "scope_note_en", "Across the municipality.")
progress_quote_untranslated = figure_case("progress_quote_untranslated", "english.missing", 2, "quote_en", "")


@case("termbase.english-form-missing")
def progress_quote_translated_off_the_termbase(root):
    """专精特新 rendered otherwise than the termbase's SRDI in the English of a quote."""
    line, row = observation(root, 7)
    set_cell(root, "progress", ("observation_id", row["observation_id"]), "quote_en",
             row["quote_en"].replace("SRDI", "specialised and sophisticated"))
    return "data/progress.csv", line, "quote_en"


@case("target.searched-before-source-read")
def searched_before_a_figure_was_read(root):
    """t01 said searched to 2026-11-27, the day before any of its sources was read."""
    return "data/targets.csv", set_cell(root, "targets", ("target_id", f"{DOC}-t01"), "searched_date", "2026-11-27"), "searched_date"


def recorded_as(root: Path, number: int, figure_type: str, period_start: str) -> tuple[str, int, str]:
    """Observation o<number> given another figure type (and the period start that type needs); reported at
    its figure_type."""
    line, row = observation(root, number)
    key = ("observation_id", row["observation_id"])
    set_cell(root, "progress", key, "figure_type", figure_type)
    set_cell(root, "progress", key, "period_start_date", period_start)
    return "data/progress.csv", line, "figure_type"


@case("progress.level-quote-says-added")
def addition_recorded_as_level(root):
    """The 科技日报 figure 新入库科技型企业超1.1万家 (2024's additions) recorded as a level of t01."""
    return recorded_as(root, 24, "level", "")


@case("progress.addition-quote-says-total")
def total_recorded_as_addition(root):
    """全年新增…1579家、累计2484家: the cumulative 2,484 recorded as a number added in 2022."""
    return recorded_as(root, 7, "new_in_period", "2022-01-01")


def test_a_figure_of_another_kind_than_its_target_is_context_not_a_problem(package_copy):
    """1,579 SRDI SMEs added in 2022, set beside the level target of SRDI SMEs: recorded, never compared."""
    line, row = observation(package_copy, 17)
    set_cell(package_copy, "progress", ("observation_id", row["observation_id"]), "target_id", f"{DOC}-t03")
    problems, _ = validate(package_copy)
    assert [p for p in problems if p.file == "data/progress.csv" and p.row == line] == []


@pytest.mark.parametrize("quote, value, said", [
    ("新认定市级智能工厂17个、数字化车间224个", 224, ("added", "新认定")),  # an enumeration shares its verb
    ("全年新增市级专精特新中小企业1579家、累计2484家", 2484, ("total", "累计")),  # the nearer word governs
    ("全年有效注册商标总量80.66万件,较2021年增长8.67万件", 86700, None),  # a clause of its own
    ("《关于…名单的公示》,共有25家企业上榜", 25, None),  # a list's count is what it added
    ("累计新增科技型企业1.2万家", 12000, None),  # both: an addition over a period
])
def test_the_words_before_a_figure_say_what_it_is(quote, value, said):
    from scripts.validate.checks.progress import _said
    assert _said(quote, value) == said
indicator_not_the_targets = figure_case("indicator_not_the_targets", "progress.indicator-not-targets", 1, "indicator_zh", "企业")
unit_not_the_targets = figure_case("unit_not_the_targets", "progress.unit-not-targets", 1, "unit_zh", "户")


# --- running the cases, once each per session ----------------------------------------------------------

OUTCOMES: dict[str, tuple[Where, list[Problem], list[str]]] = {}


def outcome(breaks) -> tuple[Where, list[Problem], list[str]]:
    """(where the case says its code must be, every problem found, the domain checks that find that problem
    when run alone): validated once, in a throw-away copy, however many tests ask."""
    if breaks.__name__ not in OUTCOMES:
        with scratch("case-") as folder:  # in memory: a copy is made for every case
            root = copy_package(Path(folder) / "package")
            where = breaks(root)
            problems, package = validate(root)
            owners = [check.__name__ for check in checks.ALL_CHECKS
                      if package and any(at(p, where, breaks.code) for p in check(package))]
        OUTCOMES[breaks.__name__] = where, problems, owners
    return OUTCOMES[breaks.__name__]


def at(problem: Problem, where: Where, code: str) -> bool:
    return (problem.file, problem.row, problem.field, problem.code) == (*where, code)


def test_real_data_passes(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "OK: 10 resources valid" in out
    assert "verbatim" in out and "responsibilities" in out and "excerpt heads" in out


@pytest.mark.parametrize("breaks", CASES, ids=lambda breaks: breaks.__name__)
def test_broken_rule_is_reported_where_it_is_with_its_code(breaks):
    where, problems, owners = outcome(breaks)
    found = [p for p in problems if at(p, where, breaks.code)]
    assert found, f"no [{breaks.code}] at {where}; found: {[str(p) for p in problems]}"
    assert all(p.fix for p in found)
    assert len(owners) <= 1, f"[{breaks.code}] found by {owners}: disabling one of them would go unnoticed"


def test_every_code_has_a_case_and_every_case_a_code():
    """Held both ways: a rule nobody breaks in a test is untested; a case naming no listed code is a typo.
    (The codes of the build and of make release are held by tests/test_build_problems.py.)"""
    validator_codes = {name for name, code in CODES.items() if code.theme not in BUILD_THEMES}
    produced = {breaks.code for breaks in CASES}
    assert sorted(validator_codes - produced) == [], "codes without a case"
    assert sorted(produced - set(CODES)) == [], "cases naming an unknown code"


def test_case_names_are_unique():
    names = [breaks.__name__ for breaks in CASES]
    assert len(names) == len(set(names))


def test_every_domain_check_is_the_only_one_to_catch_some_case():
    """So that disabling any one check (making it yield nothing) fails that case's test above."""
    owners = {owner for breaks in CASES for owner in outcome(breaks)[2]}
    assert [check.__name__ for check in checks.ALL_CHECKS if check.__name__ not in owners] == []


def without_rows(line: str) -> str:
    return re.sub(r", row \d+", ", row N", line)


@pytest.mark.parametrize("code", sorted(name for name, code in CODES.items() if code.theme not in BUILD_THEMES), ids=str)
def test_each_example_is_what_a_case_prints(code):
    """The catalogue cannot lie: its example line is what a named broken copy makes the validator print,
    row numbers aside (they move as rows are added)."""
    printed = [str(p) for breaks in CASES if breaks.code == code for p in outcome(breaks)[1] if p.code == code]
    assert without_rows(CODES[code].example) in map(without_rows, printed), \
        f"set the example of {code} in scripts/problems/codes.yaml to one of: {printed}"


def test_the_registry_is_well_formed():
    assert well_formed(CODES, THEMES) == []


def test_a_problem_with_an_unknown_code_fails_loudly():
    with pytest.raises(UnknownCode):
        Problem("progress.no-such-rule", "data/progress.csv", 2, "value", "odd.", "change it.")


FILE_NAME = re.compile(r".*\.(csv|json|md|txt|yaml|yml|xml|html|zip|xlsx|sqlite|py)")  # termbase.csv is no code


def code_literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string literal shaped like a code of a listed theme."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(node.lineno, node.value) for node in ast.walk(tree) if isinstance(node, ast.Constant)
            and isinstance(node.value, str) and (found := CODE_FORM.fullmatch(node.value)) and found[1] in THEMES
            and not FILE_NAME.fullmatch(node.value)]


def test_every_code_the_code_names_is_listed():
    """Caught here, before any copy reaches the line: a typo in a code at a problem no test has produced yet."""
    named = [(path.name, line, text) for path in sorted((REPO / "scripts").rglob("*.py"))
             for line, text in code_literals(path)]
    assert named, "no code found: is the search still right?"
    assert [entry for entry in named if entry[2] not in CODES] == []


# --- the new rules, beyond their cases -----------------------------------------------------------------

def test_windows_line_endings_from_one_line_on_are_reported_there(package_copy):
    path = package_copy / "data" / "terms.csv"
    lines = path.read_bytes().split(b"\n")
    path.write_bytes(b"\n".join(lines[:4]) + b"\n" + b"\r\n".join(lines[4:]))
    problems, _ = validate(package_copy)
    assert [(p.code, p.file, p.row) for p in problems] == [("encoding.crlf-line-endings", "data/terms.csv", 5)]
    assert "data/terms.csv" in problems[0].fix


def test_a_bad_date_in_an_excerpt_is_reported_against_the_excerpt_not_the_csv(package_copy):
    """Its fix goes into the excerpt; a fix on the sources row would copy the bad date into the CSV."""
    where = excerpt_retrieved_on_a_day_that_does_not_exist(package_copy)
    problems, _ = validate(package_copy)
    assert [(p.code, p.file, p.row, p.field) for p in problems] == [("excerpt.date-malformed", *where)]


def test_an_unreadable_file_stops_the_rest(package_copy):
    """Rows cannot be checked in a file that cannot be read: only the encoding problem is reported."""
    saved_as_gbk(package_copy)
    value_disagrees_with_quote(package_copy)
    problems, _ = validate(package_copy)
    assert [p.code for p in problems] == ["encoding.not-utf8"]


def test_all_problems_are_reported_at_once(package_copy):
    for breaks in (value_disagrees_with_quote, english_left_in_chinese, term_first_use_wrong):
        breaks(package_copy)
    problems, _ = validate(package_copy)
    assert {p.code for p in problems} >= {"target.value-disagrees-with-quote", "english.contains-chinese",
                                          "structure.term-first-use-wrong"}


# --- what a maintainer sees ----------------------------------------------------------------------------

def test_command_line_prints_file_row_field_code_message_and_fix_without_traceback(package_copy):
    """The one test of the whole line's shape; every other test asserts codes."""
    value_disagrees_with_quote(package_copy)
    before = fingerprint(package_copy)
    result = subprocess.run([sys.executable, "-m", "scripts.validate", "--root", str(package_copy)],
                            cwd=REPO.parent, env={"PYTHONPATH": str(REPO)},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(r"^data/targets\.csv, row 2, field value: \[target\.value-disagrees-with-quote\] \S.* Fix: \S.*$",
                     result.stderr, re.MULTILINE), result.stderr
    assert result.stderr.splitlines()[-1] == "1 problem(s) found; nothing was built."
    assert before == fingerprint(package_copy), "validation wrote files"


def test_report_orders_whole_file_and_row_problems_of_one_file(capsys):
    report([Problem("package.version-malformed", "datapackage.yaml", None, "version", "bad version.", "fix it."),
            Problem("package.encoding-not-declared", "datapackage.yaml", None, None, "no encoding.", "add it."),
            Problem("cell.wrong-type", "datapackage.yaml", 3, "name", "odd.", "change it.")], "site/ was left as it was")
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("datapackage.yaml: [package.encoding-not-declared]")
    assert lines[-1] == "3 problem(s) found; site/ was left as it was."


# --- the catalogue -------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_catalogue_lists_every_code_with_what_it_checks_its_fix_and_example(lang):
    text = catalogue(lang)
    for code in CODES.values():
        entry = text[text.index(f"**`{code.code}`**"):]
        assert entry.index(code.checks[lang]) < entry.index(code.fix[lang]) < entry.index(code.example), code.code
    assert all(f"### {title[lang]}" in text for theme, title in THEMES.items()
               if any(code.theme == theme for code in CODES.values()))
    assert LABELS["intro"][lang] in text


def test_codes_are_listed_on_the_command_line():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--codes", "zh"]) == 0
    lines = out.getvalue().splitlines()
    assert [line.split()[0] for line in lines] == list(CODES)
    assert all(CODES[line.split()[0]].checks["zh"] in line for line in lines)


def test_every_code_the_guides_show_is_listed():
    """The README and both guides quote validator lines; the codes in them must be real."""
    shown = {(guide, code) for guide in ("README.md", "CONTRIBUTING.md", "CONTRIBUTING.en.md")
             for code in re.findall(r": \[([a-z]+\.[a-z0-9-]+)\] ", (REPO / guide).read_text(encoding="utf-8"))}
    assert len({guide for guide, _ in shown}) == 3, "a guide no longer shows a validator line"
    assert sorted((guide, code) for guide, code in shown if code not in CODES) == []
