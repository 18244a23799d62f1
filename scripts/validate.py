"""Validate the Data Package: encoding, Frictionless (types, constraints, keys), then the domain checks.

Usage: python -m scripts.validate [--root DIR]
Prints one problem per line (file, row, field, what is wrong, how to fix it) and exits 1,
or prints a summary of what was checked and exits 0. Writes nothing.
"""
import argparse
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import yaml

from scripts import checks, paths
from scripts.package import DataPackage, load_package, read_descriptor
from scripts.problems import Problem

# Frictionless error types after which the tables cannot be read row by row, so domain checks wait.
STRUCTURAL = {"extra-cell", "missing-cell", "blank-row", "incorrect-label", "missing-label", "extra-label",
              "duplicate-label", "blank-label", "source-error", "scheme-error", "format-error",
              "encoding-error", "schema-error", "resource-error", "package-error", "general-error"}
# Unicode categories a cell must not contain: control characters (C0 and C1), invisible formatting
# characters (zero-width spaces, bidi overrides, a stray BOM) and line or paragraph separators.
INVISIBLE = {"Cc", "Cf", "Zl", "Zp"}
# How typed cells are written: plain ASCII, nothing more of what Python's parsers tolerate
# (full-width digits, "1_000", "1e3", "inf", a leading "+" or space, "2024-2-9").
PLAIN = {
    "integer": re.compile(r"-?[0-9]+", re.ASCII),
    "number": re.compile(r"-?[0-9]+(\.[0-9]+)?", re.ASCII),
    "date": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII),
}
MAX_CELL = 4000
TYPE_FIXES = {
    "integer": "write a whole number, such as 12.",
    "number": "write a plain number such as 86000: digits and at most one decimal point, no 万, commas or units.",
    "date": "write the date as YYYY-MM-DD, such as 2024-02-19.",
}


def check_encoding(root: Path, descriptor: dict) -> Iterator[Problem]:
    """Each CSV is UTF-8 without a byte-order mark; GBK (what Excel often saves) gets its own advice."""
    for resource in descriptor["resources"]:
        path = root / resource["path"]
        if not path.is_file():
            yield Problem(resource["path"], None, None, "the file is missing.",
                          "restore it, or remove the resource from datapackage.yaml.")
            continue
        yield from _encoding_of(resource["path"], path.read_bytes())


def _encoding_of(file: str, raw: bytes) -> Iterator[Problem]:
    if raw.startswith(b"\xef\xbb\xbf"):
        yield Problem(file, 1, None, "the file starts with a byte-order mark (BOM).",
                      'save it as UTF-8 without BOM (in Excel: "CSV UTF-8" is with BOM; use a text editor or LibreOffice).')
        return
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw.split(b"\n", 1)[0]:
        yield Problem(file, 1, None, "the file is not UTF-8; it looks like UTF-16 (Excel's \u201cUnicode Text\u201d).",
                      'save it as UTF-8 (LibreOffice: Character set "Unicode (UTF-8)"; '
                      "or run: iconv -f UTF-16 -t UTF-8 in.csv > out.csv).")
        return
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        yield Problem(file, line, None, _not_utf8(raw), 'save it as UTF-8 (LibreOffice: Character set "Unicode (UTF-8)"; '
                      "or run: iconv -f GB18030 -t UTF-8 in.csv > out.csv).")


def _not_utf8(raw: bytes) -> str:
    try:
        raw.decode("gb18030")
        return "the file is not UTF-8; it looks like GBK/GB18030, which Excel often saves for Chinese text."
    except UnicodeDecodeError:
        return "the file is not UTF-8."


def check_frictionless(root: Path) -> tuple[list[Problem], bool]:
    """Problems Frictionless finds, and whether any of them keeps the tables from being read row by row."""
    from frictionless import FrictionlessException, Package  # slow import, only when needed

    try:
        report = Package(str(root / "datapackage.yaml"), basepath=str(root)).validate()
    except FrictionlessException as error:
        return [Problem("datapackage.yaml", None, None, f"{error.error.message}.", "correct the descriptor.")], True
    problems = [Problem("datapackage.yaml", None, None, f"{e.message}", "correct the descriptor.") for e in report.errors]
    errors = [(task, error) for task in report.tasks for error in task.errors]
    problems += [_from_frictionless(task.name, task.place, error) for task, error in errors]
    structural = bool(report.errors) or any(error.type in STRUCTURAL for _, error in errors)
    return problems, structural


def _from_frictionless(resource: str, place: str, error) -> Problem:
    row = getattr(error, "row_number", None) or next(iter(getattr(error, "row_numbers", None) or []), None)
    field = getattr(error, "field_name", None) or ",".join(getattr(error, "field_names", [])) or None
    file = Path(place).relative_to(Path(place).parents[1]).as_posix() if place else resource
    return Problem(file, row, field, _describe(error), _fix(error))


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
    if error.type == "missing-cell":
        return "the row has fewer cells than the header."
    if error.type == "extra-cell":
        return "the row has more cells than the header."
    if error.type == "foreign-key":
        values = ", ".join(error.field_cells)
        target = f"{error.reference_name} has no row with {', '.join(error.reference_field_names)}"
        return f"{target} \u201c{values}\u201d (foreign key)."
    if error.type == "constraint-error" and "required" in error.note:
        return "the cell is empty but required."
    if error.type == "constraint-error":
        return f"\u201c{cell}\u201d breaks the rule {error.note}."
    return f"{error.title}: {error.note}."


def _fix(error) -> str:
    note = getattr(error, "note", "")
    fixes = {
        "type-error": TYPE_FIXES.get(_field_type(error) if error.type == "type-error" else "", "write a value of the field's type."),
        "primary-key": "give this row an ID of its own, or delete the duplicate row.",
        "unique-error": "make the value unique, or delete the duplicate row.",
        "foreign-key": "use an ID that exists in the referenced file, or add that row there first.",
        "extra-cell": "put cells that contain commas in double quotes, or remove the extra cells.",
        "missing-cell": "restore the missing cells (empty cells still need their commas).",
        "blank-row": "delete the empty row.",
        "incorrect-label": "restore the header row exactly as the schema names the columns, in order.",
        "missing-label": "restore the missing column.",
        "extra-label": "remove the extra column, or declare it in the schema first.",
        "duplicate-label": "give each column its own name.",
    }
    if error.type == "constraint-error":
        if "enum" in note:
            return f"use one of the allowed values ({note.split('is', 1)[-1].strip(' ')})."
        if "pattern" in note:
            return "use only lowercase ASCII letters and digits, joined by single - or . (no spaces, slashes or ..)."
        if "required" in note:
            return "fill the cell."
        return "change the value so it meets the rule."
    return fixes.get(error.type, "correct the file.")


def check_cells(package: DataPackage) -> Iterator[Problem]:
    """No control, invisible or line-breaking characters in a cell (one record per line), and no giant cells."""
    for name, table in package.tables.items():
        file = package.resource(name)["path"]
        for row in package.rows(name):
            for field in table.columns:
                value = row[field]
                bad = _invisible(value)
                if bad:
                    yield Problem(file, row["_line"], field,
                                  f"the cell contains the control or invisible character U+{ord(bad):04X} "
                                  f"({unicodedata.name(bad, 'a control character or line break')}).",
                                  "remove it; keep each record on one line, with no hidden characters.")
                elif len(value) > MAX_CELL:
                    yield Problem(file, row["_line"], field, f"the cell is {len(value)} characters long (limit {MAX_CELL}).",
                                  "shorten it; a paragraph of the plan is far shorter.")


def _invisible(value: str) -> str | None:
    """The first control, invisible or line-breaking character in value, if any."""
    if value.isprintable():  # fast path: False for every such character (and for some spaces)
        return None
    return next((c for c in value if unicodedata.category(c) in INVISIBLE), None)


def check_written_forms(package: DataPackage) -> Iterator[Problem]:
    """Numbers, integers and dates written plainly in ASCII, as TYPE_FIXES asks, not just parseable."""
    for name in package.tables:
        file = package.resource(name)["path"]
        typed = [(f["name"], f["type"]) for f in package.fields(name) if f.get("type") in PLAIN]
        for row in package.rows(name):
            for field, kind in typed:
                value = row[field]
                if value and not PLAIN[kind].fullmatch(value):
                    yield Problem(file, row["_line"], field, f"\u201c{value}\u201d is not written as a plain {kind}.",
                                  TYPE_FIXES[kind])


def validate(root: Path = paths.ROOT) -> tuple[list[Problem], DataPackage | None]:
    """All problems found, and the package when it could be loaded (for the summary)."""
    try:
        descriptor = read_descriptor(root)
    except (OSError, yaml.YAMLError) as error:
        return [Problem("datapackage.yaml", None, None, f"cannot be read: {error}.", "restore a valid descriptor.")], None
    problems = list(check_encoding(root, descriptor))
    if problems:
        return problems, None
    problems, structural = check_frictionless(root)
    if structural:
        return problems, None
    package = load_package(root)
    problems += list(check_cells(package))
    flagged = {(p.file, p.row, p.field) for p in problems}  # Frictionless may already have said it
    problems += [p for p in check_written_forms(package) if (p.file, p.row, p.field) not in flagged]
    for check in checks.ALL_CHECKS:
        problems += list(check(package))
    return problems, package


def summary(package: DataPackage) -> str:
    rows = ", ".join(f"{name} {len(table)}" for name, table in package.tables.items())
    names = ", ".join(check.__name__.replace("_", " ") for check in checks.ALL_CHECKS)
    return (f"OK: {len(package.tables)} resources valid (rows: {rows}).\n"
            f"Checked: UTF-8 encoding, Frictionless types, constraints, primary and foreign keys, cell contents, "
            f"and the domain checks: {names}.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=paths.ROOT, help="folder holding datapackage.yaml")
    args = parser.parse_args(argv)
    problems, package = validate(args.root.resolve())
    if problems:
        for problem in sorted(set(problems), key=lambda p: (p.file, p.row or 0, p.field or "", p.message)):
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s) found; nothing was built.", file=sys.stderr)
        return 1
    print(summary(package))
    return 0


if __name__ == "__main__":
    sys.exit(main())
