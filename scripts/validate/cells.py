"""Cell contents Frictionless does not check: hidden characters, giant cells, numbers and dates not written plainly."""
import re
import unicodedata
from collections.abc import Iterator

from scripts.validate.frictionless_report import TYPE_FIXES
from scripts.package import DataPackage
from scripts.validate.problems import Problem

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


def check_cells(package: DataPackage) -> Iterator[Problem]:
    """No control, invisible or line-breaking characters in a cell (one record per line), and no giant cells."""
    for name, columns in package.columns.items():
        file = package.resource(name)["path"]
        for row in package.rows(name):
            for field in columns:
                value = row[field]
                bad = _invisible(value)
                if bad:
                    yield Problem("cell.invisible-character", file, row["_line"], field,
                                  f"the cell contains the control or invisible character U+{ord(bad):04X} "
                                  f"({unicodedata.name(bad, 'a control character or line break')}).",
                                  "remove it; keep each record on one line, with no hidden characters.")
                elif len(value) > MAX_CELL:
                    yield Problem("cell.too-long", file, row["_line"], field,
                                  f"the cell is {len(value)} characters long (limit {MAX_CELL}).",
                                  "shorten it; a paragraph of the plan is far shorter.")


def _invisible(value: str) -> str | None:
    """The first control, invisible or line-breaking character in value, if any."""
    if value.isprintable():  # fast path: False for every such character (and for some spaces)
        return None
    return next((c for c in value if unicodedata.category(c) in INVISIBLE), None)


def check_written_forms(package: DataPackage) -> Iterator[Problem]:
    """Numbers, integers and dates written plainly in ASCII, as TYPE_FIXES asks, not just parseable."""
    for name in package.records:
        file = package.resource(name)["path"]
        typed = [(f["name"], f["type"]) for f in package.fields(name) if f.get("type") in PLAIN]
        for row in package.rows(name):
            for field, kind in typed:
                value = row[field]
                if value and not PLAIN[kind].fullmatch(value):
                    yield Problem("cell.not-plain", file, row["_line"], field,
                                  f"\u201c{value}\u201d is not written as a plain {kind}.",
                                  TYPE_FIXES[kind])
