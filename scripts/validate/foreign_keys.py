"""Foreign keys: every ID a row refers to is a row of the file it names, checked here, not by Frictionless.

Frictionless checked them at about four fifths of the whole validation's cost (for every key it copies
the referenced resource and reads it again). Ours are all one field, IDs compared as the text they are
(every ID field is a string), and an empty cell refers to nothing, as in Frictionless; what is reported
is what Frictionless reported: the same code, file, row, field, message and fix
(tests/test_validate.py holds the two checks against each other). Like Frictionless, a row's cells are
its schema's fields in order, whatever its header says, and rows with too few or too many cells are
checked too; a table that cannot be opened at all is left to the problems that say why.
"""
import csv
from pathlib import Path

from scripts.validate.problems import Problem

FIX = "use an ID that exists in the referenced file, or add that row there first."
UNKNOWN_FIX = "correct the file, or remove from datapackage.yaml what it declares and no longer holds."


def unknown_references(descriptor: dict) -> dict[str, Problem]:
    """By resource, a foreign key naming a resource the package does not have: that resource's rows cannot
    be checked (Frictionless said so in these words, and checked nothing more in it)."""
    names = {resource["name"] for resource in descriptor["resources"]}
    return {resource["name"]: Problem("table.other-error", Path(resource["path"]).as_posix(), None, None,
                                      f'Resource Error: failed to handle a foreign key for resource "{resource["name"]}" '
                                      f'as resource "{key["reference"]["resource"]}" does not exist.', UNKNOWN_FIX)
            for resource in descriptor["resources"] for key in resource["schema"].get("foreignKeys", [])
            if key["reference"]["resource"] and key["reference"]["resource"] not in names}


def check_foreign_keys(root: Path, descriptor: dict, unopened: set[str]) -> list[Problem]:
    """Every reference in the package's tables (but those named in unopened) to a row that is not there."""
    resources = {resource["name"]: resource for resource in descriptor["resources"]}
    tables = {name: read_rows(root / resource["path"], [field["name"] for field in resource["schema"]["fields"]])
              for name, resource in resources.items() if name not in unopened}
    problems = []
    for name, rows in tables.items():
        keys = [key for key in resources[name]["schema"].get("foreignKeys", []) if key["reference"]["resource"] in tables
                or not key["reference"]["resource"]]  # an empty name is the resource itself
        lookups = [(key["fields"][0], reference_name(key, name), key["reference"]["fields"][0]) for key in keys]
        known = {(ref, field): {row.get(field) for row in tables[ref]} - {None, ""} for _, ref, field in lookups}
        problems += [dangling(resources[name]["path"], line, field, ref, ref_field, row[field])
                     for line, row in enumerate(rows, 2) for field, ref, ref_field in lookups
                     if row.get(field) and row[field] not in known[ref, ref_field]]
    return problems


def reference_name(key: dict, resource: str) -> str:
    return key["reference"]["resource"] or resource


def read_rows(path: Path, fields: list[str]) -> list[dict]:
    """The file's rows after its header, as {field: cell}, the cells taken in the schema's order."""
    with path.open(encoding="utf-8", newline="") as opened:
        return [dict(zip(fields, cells)) for cells in list(csv.reader(opened))[1:]]


def dangling(file: str, line: int, field: str, reference: str, reference_field: str, value: str) -> Problem:
    return Problem("key.dangling-reference", Path(file).as_posix(), line, field,
                   f"{reference} has no row with {reference_field} \u201c{value}\u201d (foreign key).", FIX)
