"""One XLSX workbook: a first sheet describing every field in both languages, then a sheet per resource.

Cells are typed from the schema (numbers as numbers, dates as dates). Text is always a string cell,
and text starting with =, +, - or @ also carries Excel's quote prefix, so it can never run as a
formula, not even after someone edits the cell.
"""
import io
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.writer.excel import ExcelWriter

from scripts.archive.files import read_zip, write_zip
from scripts.archive.typed import typed_rows
from scripts.package import DataPackage

FORMULA_STARTS = ("=", "+", "-", "@")
FIELD_COLUMNS = ["resource", "field", "title", "type", "required", "description", "description_zh"]


def put(sheet, row: int, column: int, value) -> None:
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would make "=…" a formula and "#N/A" an error
        cell.quotePrefix = value.startswith(FORMULA_STARTS)


def put_table(sheet, header: list[str], rows: list[list]) -> None:
    for column, name in enumerate(header, start=1):
        put(sheet, 1, column, name)
        sheet.cell(row=1, column=column).font = Font(bold=True)
    for row_number, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            put(sheet, row_number, column, value)
    sheet.freeze_panes = "A2"


def field_rows(package: DataPackage) -> list[list]:
    return [[resource["name"], field["name"], field.get("title"), field.get("type", "string"),
             "yes" if field.get("constraints", {}).get("required") else "no",
             field.get("description"), field.get("description_zh")]
            for resource in package.descriptor["resources"] for field in resource["schema"]["fields"]]


def build_workbook(package: DataPackage, when: datetime) -> Workbook:
    workbook = Workbook()
    put_table(workbook.active, FIELD_COLUMNS, field_rows(package))
    workbook.active.title = "fields"
    for resource in package.descriptor["resources"]:
        names = [field["name"] for field in resource["schema"]["fields"]]
        rows = [[record[name] for name in names] for record in typed_rows(package, resource["name"])]
        put_table(workbook.create_sheet(resource["name"]), names, rows)
    descriptor = package.descriptor
    workbook.properties.title = f"{descriptor['title']} {descriptor['version']}"
    workbook.properties.creator = descriptor["name"]
    workbook.properties.created = workbook.properties.modified = when
    return workbook


def write_workbook(package: DataPackage, path: Path, when: datetime) -> None:
    # openpyxl's save() stamps "modified" with the clock and its zip entries with the current time;
    # its ExcelWriter keeps our release date, and write_zip rewrites the entries with fixed times.
    buffer = io.BytesIO()
    ExcelWriter(build_workbook(package, when), zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    write_zip(path, read_zip(buffer.getvalue()), when)
