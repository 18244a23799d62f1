"""Frictionless's report (types, constraints, primary keys), turned into Problems a maintainer can act on."""
import copy
import hashlib
import json
import re
from pathlib import Path

from scripts.package import SAFE_ID_PATTERN
from scripts.validate.foreign_keys import check_foreign_keys, unknown_references
from scripts.validate.problems import Problem

# Frictionless error types after which the tables cannot be read row by row, so domain checks wait.
STRUCTURAL = {"extra-cell", "missing-cell", "blank-row", "incorrect-label", "missing-label", "extra-label",
              "duplicate-label", "blank-label", "source-error", "scheme-error", "format-error",
              "encoding-error", "schema-error", "resource-error", "package-error", "general-error"}
# Those after which a table's rows cannot be read at all (its foreign keys are not checked either).
UNOPENED = {"source-error", "scheme-error", "format-error", "encoding-error", "resource-error", "general-error"}
TYPE_FIXES = {
    "integer": "write a whole number, such as 12.",
    "number": "write a plain number such as 86000: digits and at most one decimal point, no 万, commas or units.",
    "date": "write the date as YYYY-MM-DD, such as 2024-02-19.",
}


# Our code for each Frictionless error type (constraint errors are told apart by their note, in _constraint).
CODES = {
    "type-error": "cell.wrong-type", "primary-key": "key.duplicate-id", "unique-error": "key.duplicate-value",
    "missing-cell": "table.missing-cell", "extra-cell": "table.extra-cell",
    "blank-row": "table.blank-row", "incorrect-label": "table.wrong-column-name", "missing-label": "table.missing-column",
    "extra-label": "table.extra-column", "duplicate-label": "table.duplicate-column-name",
    "blank-label": "table.blank-column-name", "source-error": "table.unreadable", "scheme-error": "table.unreadable",
    "format-error": "table.unreadable", "encoding-error": "table.unreadable",
}
OTHER = "table.other-error"  # whatever Frictionless may add: said in its own words


def check_frictionless(root: Path, descriptor: dict) -> tuple[list[Problem], bool]:
    """Problems Frictionless finds in the package whose descriptor (schemas inline) is given, with the
    foreign keys' (checked by foreign_keys.py), and whether any of them keeps the tables from being read
    row by row."""
    from frictionless import FrictionlessException, Package, Report  # slow import, only when needed

    try:
        # Schemas given inline: given as paths, Frictionless re-reads each YAML file many times.
        package = Package(copy.deepcopy(descriptor), basepath=str(root))  # the whole descriptor, keys included, is checked here
        for resource in package.resources:
            resource.schema.foreign_keys = []  # the rows' references are checked by check_foreign_keys, below
    except FrictionlessException as error:
        reasons = "".join(f" ({reason.message})" for reason in error.reasons)
        return [_descriptor_problem(f"{error.error.message}{reasons}.")], True
    unknown = unknown_references(descriptor)  # such a resource's rows are not read at all
    try:
        package.to_descriptor(validate=True)  # what Package.validate checks first, and then each resource:
        report = Report.from_validation_reports(time=0, reports=[
            resource_report(root, resource, spec) for resource, spec in zip(package.resources, descriptor["resources"])
            if resource.name not in unknown])
    except FrictionlessException as error:
        report = Report.from_validation(time=0, errors=error.to_errors())
    problems = [_descriptor_problem(e.message) for e in report.errors]
    errors = [(task, error) for task in report.tasks for error in task.errors]
    fields = {(r["name"], f["name"]): f for r in descriptor["resources"] for f in r["schema"]["fields"]}
    problems += [_from_frictionless(task.name, task.place, error, fields.get((task.name, getattr(error, "field_name", None))))
                 for task, error in _without_echoes(errors)] + list(unknown.values())
    if report.errors:
        return problems, True
    unopened = {task.name for task, error in errors if error.type in UNOPENED} | set(unknown)
    structural = bool(unknown) or any(error.type in STRUCTURAL for _, error in errors)
    return problems + check_foreign_keys(root, descriptor, unopened), structural


# Frictionless's report on one resource, by its descriptor and its file's bytes: without the foreign keys,
# which join resources and are ours, nothing else goes into it. A build validates once; the tests validate
# hundreds of copies of the package that differ in one file, and Frictionless checks only that one again.
REPORTS: dict[tuple[str, str], object] = {}


def resource_report(root: Path, resource, spec: dict):
    """Frictionless's report on one resource of the package (spec: its descriptor, schema inline)."""
    path = root / spec["path"] if isinstance(spec.get("path"), str) else None
    if path is None or not path.is_file():
        return resource.validate()  # Frictionless says what is missing
    without_keys = dict(spec, schema={k: v for k, v in spec["schema"].items() if k != "foreignKeys"})
    key = (json.dumps(without_keys, sort_keys=True, default=str), hashlib.sha256(path.read_bytes()).hexdigest())
    if key not in REPORTS:
        if len(REPORTS) > 1000:  # the tests' copies: a bound, not a policy
            REPORTS.clear()
        REPORTS[key] = resource.validate()
    return REPORTS[key]


def _descriptor_problem(message: str) -> Problem:
    return Problem("package.descriptor-invalid", "datapackage.yaml", None, None, message, "correct the descriptor.")


def _without_echoes(errors: list) -> list:
    """Drop "required" errors on cells a missing-cell error already reports."""
    missing = {(task.name, e.row_number, e.field_name) for task, e in errors if e.type == "missing-cell"}
    return [(task, e) for task, e in errors
            if not (e.type == "constraint-error" and (task.name, e.row_number, e.field_name) in missing)]


def _from_frictionless(resource: str, place: str, error, field: dict | None) -> Problem:
    """One Frictionless error as a Problem; `field` is the schema's field it concerns, if any."""
    row = getattr(error, "row_number", None) or next(iter(getattr(error, "row_numbers", None) or []), None)
    name = getattr(error, "field_name", None) or ",".join(getattr(error, "field_names", [])) or None
    if error.type == "constraint-error":
        code, message, fix = _constraint(error, field)
    else:
        code, message, fix = CODES.get(error.type, OTHER), _describe(error), _fix(error)
    return Problem(code, Path(place).as_posix() if place else resource, row, name, message, fix)


def _constraint(error, field: dict | None) -> tuple[str, str, str]:
    """Code, what is wrong and how to fix it, for a cell that breaks one of its field's constraints."""
    cell, note = error.cell, error.note
    if "required" in note:
        return "cell.required-empty", "the cell is empty but required.", "fill the cell."
    if "enum" in note:
        allowed = ", ".join(re.findall(r"'([^']*)'", note))
        return "cell.not-allowed-value", f"\u201c{cell}\u201d is not one of the allowed values.", f"use one of the allowed values: {allowed}."
    if "pattern" in note and field:
        return _pattern_advice(cell, field)
    return "cell.constraint-broken", f"\u201c{cell}\u201d breaks the rule {note}.", "change the value so it meets the rule."


def _pattern_advice(cell: str, field: dict) -> tuple[str, str, str]:
    """Code, what is wrong and how to fix it, from the field's own pattern: the safe-ID advice only for IDs."""
    pattern = field["constraints"]["pattern"]
    if pattern == SAFE_ID_PATTERN:
        return ("cell.unsafe-id", f"\u201c{cell}\u201d is not a safe ID (it must work in a file name and a URL).",
                "use only lowercase ASCII letters and digits, joined by single - or . (no spaces, slashes or ..).")
    return ("cell.pattern-mismatch", f"\u201c{cell}\u201d does not have the form this field requires (the pattern {pattern}).",
            f"write it in that form; the field holds: {field.get('description', field['name'])}")


def _field_type(error) -> str:
    """Frictionless names the type only in its note: 'type is "number/default"'."""
    found = re.search(r'type is "(\w+)', error.note)
    return found[1] if found else "value"


def _describe(error) -> str:
    cell = getattr(error, "cell", None)
    if error.type == "type-error":
        return f"\u201c{cell}\u201d is not a valid {_field_type(error)}."
    if error.type == "incorrect-label":
        return f"the header has \u201c{error.label}\u201d where the schema expects \u201c{error.field_name}\u201d."
    if error.type == "missing-label":
        return f"the header has no column \u201c{error.field_name}\u201d, which the schema declares."
    if error.type == "extra-label":
        return f"the header has a column \u201c{error.label}\u201d the schema does not declare."
    if error.type == "duplicate-label":
        return f"the header names \u201c{error.label}\u201d more than once."
    if error.type == "blank-label":
        return f"column {error.field_number} of the header has no name."
    if error.type == "blank-row":
        return "the row is empty."
    if error.type == "missing-cell":
        return "the row has fewer cells than the header."
    if error.type == "extra-cell":
        return "the row has more cells than the header."
    if error.type == "primary-key":
        return f"the row repeats the ID (primary key) of row {_first_row(error)}."
    if error.type == "unique-error":
        return f"\u201c{cell}\u201d is also in row {_first_row(error)}; this field holds each value once."
    return f"{error.title}: {error.note}."


def _first_row(error) -> str:
    """The row a duplicate repeats: Frictionless names it only in its note, "the same as in the row at position 2"."""
    found = re.search(r"position (\d+)", error.note)
    return found[1] if found else "above"


def _fix(error) -> str:
    fixes = {
        "type-error": TYPE_FIXES.get(_field_type(error) if error.type == "type-error" else "", "write a value of the field's type."),
        "primary-key": "give this row an ID of its own, or delete the duplicate row.",
        "unique-error": "make the value unique, or delete the duplicate row.",
        "extra-cell": "put cells that contain commas in double quotes, or remove the extra cells.",
        "missing-cell": "restore the missing cells (empty cells still need their commas).",
        "blank-row": "delete the empty row.",
        "incorrect-label": "restore the header row exactly as the schema names the columns, in order.",
        "missing-label": "restore the missing column.",
        "extra-label": "remove the extra column, or declare it in the schema first.",
        "duplicate-label": "give each column its own name.",
        "blank-label": "restore the header row exactly as the schema names the columns, in order.",
    }
    if CODES.get(error.type) == "table.unreadable":
        return "keep the file a plain CSV, declared in datapackage.yaml as format: csv."
    return fixes.get(error.type, "correct the file, or remove from datapackage.yaml what it declares and no longer holds.")
