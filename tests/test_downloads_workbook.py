"""The XLSX workbook: nothing in it can run as a formula, numbers stay numbers, and the first sheet
describes every field of every schema in both languages."""
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import REPO, edit_rows
from scripts.archive.workbook import write_workbook
from scripts.archive.files import release_time
from scripts.package import load_package

FORMULA_LIKE_NOTES = ['=HYPERLINK("http://example.invalid","x")', "+1+1", "-1+1", "@SUM(A1:A2)", "=", "#N/A"]


@pytest.fixture
def formula_like_cells_workbook(package_copy: Path, tmp_path: Path) -> Path:
    """The workbook of a copy whose targets notes look like formulas, and whose first value is negative."""
    def make_formula_like(rows):
        for row, note in zip(rows, FORMULA_LIKE_NOTES):
            row["note_en"] = note
        rows[0]["value"] = "-86000"
    edit_rows(package_copy, "targets", make_formula_like)
    package = load_package(package_copy)
    workbook = tmp_path / "plan.xlsx"
    write_workbook(package, workbook, release_time(package.descriptor))
    return workbook


def column(sheet, name: str) -> list:
    header = [cell.value for cell in sheet[1]]
    return [row[header.index(name)] for row in sheet.iter_rows(min_row=2)]


def test_formula_like_text_is_a_string_cell_with_a_quote_prefix(formula_like_cells_workbook):
    notes = column(openpyxl.load_workbook(formula_like_cells_workbook)["targets"], "note_en")
    for cell, text in zip(notes, FORMULA_LIKE_NOTES):
        assert (cell.value, cell.data_type) == (text, "s")
        assert cell.quotePrefix == text.startswith(("=", "+", "-", "@"))


def test_workbook_xml_holds_no_formula_at_all(formula_like_cells_workbook):
    with zipfile.ZipFile(formula_like_cells_workbook) as archive:
        sheets = [archive.read(name).decode() for name in archive.namelist() if name.startswith("xl/worksheets/")]
    assert sheets and not any("<f>" in sheet or "<f " in sheet for sheet in sheets)


def test_negative_numbers_are_numbers(formula_like_cells_workbook):
    value = column(openpyxl.load_workbook(formula_like_cells_workbook)["targets"], "value")[0]
    assert (value.value, value.data_type) == (-86000, "n")


def test_comparator_equals_sign_in_the_real_data_is_text(tmp_path: Path):
    package = load_package(REPO)
    write_workbook(package, tmp_path / "plan.xlsx", release_time(package.descriptor))
    comparators = column(openpyxl.load_workbook(tmp_path / "plan.xlsx")["targets"], "comparator")
    assert {(cell.value, cell.data_type) for cell in comparators} == {("=", "s"), (">=", "s")}


def test_first_sheet_describes_every_field_in_both_languages(tmp_path: Path):
    package = load_package(REPO)
    write_workbook(package, tmp_path / "plan.xlsx", release_time(package.descriptor))
    workbook = openpyxl.load_workbook(tmp_path / "plan.xlsx")
    assert workbook.sheetnames == ["fields", *package.tables]
    rows = list(workbook["fields"].iter_rows(values_only=True))
    described = {(row[0], row[1]): row for row in rows[1:]}
    for resource in package.descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            row = described.pop((resource["name"], field["name"]))
            assert row[5:] == (field["description"], field["description_zh"])
    assert described == {}
