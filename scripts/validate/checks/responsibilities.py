"""Responsible units: every 责任单位 line of the text is on its measure, and its rows spell it exactly."""
import re
from collections.abc import Iterator

from scripts.package import DataPackage
from scripts.validate.problems import Problem

# "(责任单位:…)" or "〔责任单位:…〕" at the end of a paragraph.
RESPONSIBLE_LINE = re.compile(r"[(〔](责任单位:[^()〔〕]*(?:\([^()]*\)[^()〔〕]*)*)[)〕]$")
RESPONSIBLE_PREFIX = "责任单位:"
SEPARATORS = "、,"


def _responsible_lines_in_text(package: DataPackage) -> Iterator[tuple[dict, str]]:
    """(paragraph row, line) for every 责任单位 line the text itself contains."""
    for row in package.rows("paragraphs"):
        found = RESPONSIBLE_LINE.search(row["text_zh"])
        if found:
            yield row, found[1]


def responsible_lines(package: DataPackage) -> Iterator[Problem]:
    """Every 责任单位 line in the text is recorded, verbatim, on the measure it belongs to."""
    measures = {m["measure_id"]: m for m in package.rows("measures")}
    file = package.resource("measures")["path"]
    for paragraph, line in _responsible_lines_in_text(package):
        measure = measures.get(paragraph["measure_id"])
        if measure is None:
            continue  # Frictionless reports the dangling key
        if measure["responsible_line_zh"] != line:
            yield Problem("responsibility.line-differs-from-text", file, measure["_line"], "responsible_line_zh",
                          f"the text gives this measure the line \u201c{line}\u201d.",
                          "copy that line exactly, without its brackets.")


def _agency_at(rest: str, agency: dict) -> str | None:
    """The written form of the agency if the remaining line starts with it."""
    for written in (agency["definition_quote_zh"], agency["name_zh"]):
        if written and rest.startswith(written):
            return written
    return None


def responsibilities(package: DataPackage) -> Iterator[Problem]:
    """Each measure's responsibilities rows, in position order, spell out its 责任单位 line exactly."""
    agencies = {a["agency_id"]: a for a in package.rows("agencies")}
    rows_by_measure: dict[str, list[dict]] = {}
    for row in package.rows("responsibilities"):
        rows_by_measure.setdefault(row["measure_id"], []).append(row)
    file = package.resource("responsibilities")["path"]
    for measure in package.rows("measures"):
        rows = sorted(rows_by_measure.pop(measure["measure_id"], []), key=lambda r: as_int(r["position"]))
        yield from _spell_line(file, measure, rows, agencies)
    for measure_id, rows in rows_by_measure.items():  # a measure that does not exist (Frictionless says so too)
        yield _rows_without_line(file, measure_id, rows)


def _rows_without_line(file: str, measure_id: str, rows: list[dict]) -> Problem:
    return Problem("responsibility.rows-without-line", file, rows[0]["_line"], "measure_id",
                   f"{measure_id} has no responsible_line_zh.",
                   "remove these rows or give the measure its line.")


def as_int(text: str) -> int:
    """A position or sequence number; 0 where it is malformed or absurdly long (Frictionless and the cell
    check report those; Python refuses to read integers of over 4300 digits)."""
    return int(text) if text.isdigit() and len(text) <= 18 else 0


def _spell_line(file: str, measure: dict, rows: list[dict], agencies: dict) -> Iterator[Problem]:
    line = measure["responsible_line_zh"]
    if not line:
        if rows:
            yield _rows_without_line(file, measure["measure_id"], rows)
        return
    rest = line.removeprefix(RESPONSIBLE_PREFIX)
    for expected_position, row in enumerate(rows, 1):
        if as_int(row["position"]) != expected_position:
            yield Problem("responsibility.position-gap", file, row["_line"], "position",
                          f"expected position {expected_position} here.",
                          "number the units of one line 1, 2, 3… without gaps.")
            return
        agency = agencies.get(row["agency_id"])
        if agency is None:  # a dangling key, reported by Frictionless: skip its unit on the line
            rest = re.sub(f"^[^{SEPARATORS}]*[{SEPARATORS}]?", "", rest)
            continue
        written = _agency_at(rest, agency)
        if written is None:
            yield Problem("responsibility.unit-out-of-order", file, row["_line"], "agency_id",
                          f"the line of {measure['measure_id']} continues \u201c{rest[:20]}\u201d, not {agency['name_zh']}.",
                          "list the units in the order the line names them.")
            return
        rest = rest[len(written):].lstrip(SEPARATORS)
    if rest:
        yield Problem("responsibility.unit-without-row", file, rows[-1]["_line"] if rows else None, "agency_id",
                      f"the line of {measure['measure_id']} also names \u201c{rest}\u201d, which has no row.",
                      f"add a row for it at position {len(rows) + 1}.")
