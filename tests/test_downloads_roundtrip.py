"""Nothing lost: every format loaded back gives every value of the source CSVs.

Compared cell by cell, for every resource, row and field: numbers (as exact decimals), integers,
ISO dates, Chinese text and missing values. The rule checked is the one the use page documents:
an empty CSV cell is the Table Schema missing value, so it must come back as null (JSON), NULL
(SQLite), a blank cell (XLSX) and None (Frictionless); any other text, even "NA", "null" or "007",
comes back as that exact text. Runs on the real package and on a copy with such tricky cells.
"""
import json
import sqlite3
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import yaml

from conftest import edit_rows
from scripts.archive import write_release
from scripts.archive.database import COLUMN_TYPES
from scripts.package import load_package, read_table

NAME = "cq-sme-tiered-cultivation-2024"
# Cells that look like something else: formulas, spreadsheet errors, missing-value words, numbers.
TRICKY_TARGETS = [
    {"note_en": "=1+1"}, {"note_en": "+86 23 6389 0000"}, {"note_en": "-not stated-"}, {"note_en": "@SUM(A1)"},
    {"note_en": "NA", "unit_en": "007"}, {"note_en": "null", "value": "0.1"}, {"indicator_en": "#N/A", "value": "-5"},
    {"value": "1234567.125", "quote_zh": "科技型企业达到8.6万家"},
]


def source_rows(root: Path, resource: dict) -> list[dict]:
    """The reference: the CSV read with the csv module, every cell as its text."""
    return read_table(root / resource["path"])[1]


def expected(text: str, kind: str):
    """What a typed format must hold for this CSV text."""
    if text == "":
        return None
    return {"integer": int, "number": Decimal}.get(kind, str)(text)


def loaded(value, kind: str):
    """A value read back from a format, in the form `expected` gives; fails on a value of the wrong type."""
    if value is None:
        return None
    if kind == "integer":
        assert type(value) is int, f"{value!r} is not an integer"
        return value
    if kind == "number":
        assert type(value) in (int, float, Decimal), f"{value!r} is not a number"
        return Decimal(str(value))
    if kind == "date" and isinstance(value, (date, datetime)):
        return value.date().isoformat() if isinstance(value, datetime) else value.isoformat()
    assert type(value) is str, f"{value!r} is not text"
    return value


def assert_same_table(root: Path, resource: dict, rows: list[dict], where: str) -> None:
    fields = resource["schema"]["fields"]
    source = source_rows(root, resource)
    assert len(rows) == len(source), f"{where}: {len(rows)} rows, the CSV has {len(source)}"
    for line, (row, original) in enumerate(zip(rows, source), start=2):
        assert list(row) == [field["name"] for field in fields], f"{where} row {line}: fields missing or out of order"
        for field in fields:
            kind, name = field.get("type", "string"), field["name"]
            assert loaded(row[name], kind) == expected(original[name], kind), f"{where} row {line}, field {name}"


def write_tricky_copy(root: Path) -> Path:
    def make_tricky(rows):
        for row, changes in zip(rows, TRICKY_TARGETS):
            row.update(changes)
    edit_rows(root, "targets", make_tricky)
    return root


@pytest.fixture(params=["real package", "tricky cells"])
def release(request, package_copy: Path, tmp_path: Path):
    """(package root, built release folder) for the real data and for a copy with tricky targets cells."""
    root = package_copy if request.param == "real package" else write_tricky_copy(package_copy)
    release_dir = tmp_path / "release"
    write_release(load_package(root), release_dir, None)
    return root, release_dir


def resources(root: Path) -> list[dict]:
    return load_package(root).descriptor["resources"]


def test_csv_files_are_the_source_files_byte_for_byte(release):
    root, release_dir = release
    for resource in resources(root):
        assert (release_dir / "data" / f"{resource['name']}.csv").read_bytes() == (root / resource["path"]).read_bytes()


def test_json_gives_back_every_value_and_every_field(release):
    root, release_dir = release
    for resource in resources(root):
        rows = json.loads((release_dir / "json" / f"{resource['name']}.json").read_text(encoding="utf-8"))
        assert_same_table(root, resource, rows, f"json/{resource['name']}.json")


def test_workbook_gives_back_every_value(release):
    root, release_dir = release
    workbook = openpyxl.load_workbook(release_dir / f"{NAME}.xlsx")
    for resource in resources(root):
        sheet_rows = list(workbook[resource["name"]].iter_rows(values_only=True))
        header, body = sheet_rows[0], sheet_rows[1:]
        assert_same_table(root, resource, [dict(zip(header, values)) for values in body], f"xlsx sheet {resource['name']}")


def test_sqlite_gives_back_every_value_with_schema_types(release):
    root, release_dir = release
    connection = sqlite3.connect(release_dir / f"{NAME}.sqlite")
    for resource in resources(root):
        name = resource["name"]
        cursor = connection.execute(f'SELECT * FROM "{name}" ORDER BY rowid')
        columns = [column[0] for column in cursor.description]
        assert_same_table(root, resource, [dict(zip(columns, values)) for values in cursor], f"sqlite table {name}")
        declared = {row[1]: row[2] for row in connection.execute(f'PRAGMA table_info("{name}")')}
        assert declared == {f["name"]: COLUMN_TYPES[f.get("type", "string")] for f in resource["schema"]["fields"]}


def test_zip_read_by_frictionless_gives_back_every_value(release, tmp_path: Path):
    from frictionless import Package

    root, release_dir = release
    with zipfile.ZipFile(release_dir / f"{NAME}.zip") as archive:
        archive.extractall(tmp_path / "unzipped")
    package = Package(str(tmp_path / "unzipped" / "datapackage.json"))
    for resource in resources(root):
        rows = [row.to_dict() for row in package.get_resource(resource["name"]).read_rows()]
        assert_same_table(root, resource, rows, f"zip {resource['name']}")


def test_zip_descriptor_keeps_the_written_descriptor(release, tmp_path: Path):
    root, release_dir = release
    written = yaml.safe_load((root / "datapackage.yaml").read_text(encoding="utf-8"))
    with zipfile.ZipFile(release_dir / f"{NAME}.zip") as archive:
        released = json.loads(archive.read("datapackage.json"))
    for key in ["name", "title", "version", "created", "licenses", "sources"]:
        assert released[key] == written[key]
    for resource in released["resources"]:
        if resource.get("derived"):  # computed by the build, from its schema under schemas/derived/
            schema_file = f"schemas/derived/{resource['name']}.schema.yaml"
        else:
            schema_file = next(r["schema"] for r in written["resources"] if r["name"] == resource["name"])
        assert resource["schema"] == yaml.safe_load((root / schema_file).read_text(encoding="utf-8"))
    assert [r["name"] for r in released["resources"] if not r.get("derived")] == [r["name"] for r in written["resources"]]
