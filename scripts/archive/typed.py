"""CSV text typed by its Table Schema field: the one place where cells become numbers and dates.

An empty cell is the Table Schema's missing value (missingValues defaults to [""]), so it becomes
None in every typed format: null in JSON, NULL in SQLite, a blank cell in the workbook.
"""
import re
from datetime import date

from scripts.package import DataPackage

WHOLE_NUMBER = re.compile(r"-?\d+")


def typed_value(text: str, field: dict):
    if text == "":
        return None
    kind = field.get("type", "string")
    if kind == "string":
        return text
    if kind == "integer":
        return int(text)
    if kind == "number":  # 86000 stays a whole number; 1.5 a float (shortest repr, so no digits change)
        return int(text) if WHOLE_NUMBER.fullmatch(text) else float(text)
    if kind == "date":
        return date.fromisoformat(text)
    raise ValueError(f"field {field['name']}: type {kind} has no typed form yet; add it to scripts/archive/typed.py.")


def typed_rows(package: DataPackage, name: str) -> list[dict]:
    """The resource's records, every value typed, in file order, with every field present."""
    fields = package.fields(name)
    return [{field["name"]: typed_value(record[field["name"]], field) for field in fields}
            for record in package.records[name]]
