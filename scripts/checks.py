"""Domain checks: what only this project knows, beyond what Frictionless checks.

Each check takes the loaded package and yields Problems; it never raises for a data mistake.
"""
import re
from collections.abc import Iterator
from pathlib import Path

from scripts.package import DataPackage
from scripts.problems import Problem

SAFE_ID_PATTERN = "[a-z0-9]+([-.][a-z0-9]+)*"
VERSION = re.compile(r"[0-9]+\.[0-9]+\.[0-9]+")  # MAJOR.MINOR.PATCH: it names the downloads' folder
HAN = re.compile(r"[\u3400-\u9fff]")
# A figure as the plan writes it: digits, an optional decimal part and an optional 万 or 亿.
FIGURE = re.compile(r"(\d+(?:\.\d+)?)(万|亿)?")
MULTIPLIERS = {None: 1, "万": 10_000, "亿": 100_000_000}
FULL_COVERAGE = "全覆盖"
# "(责任单位:…)" or "〔责任单位:…〕" at the end of a paragraph.
RESPONSIBLE_LINE = re.compile(r"[(〔](责任单位:[^()〔〕]*(?:\([^()]*\)[^()〔〕]*)*)[)〕]$")
RESPONSIBLE_PREFIX = "责任单位:"
SEPARATORS = "、,"


def declarations(package: DataPackage) -> Iterator[Problem]:
    """The version is MAJOR.MINOR.PATCH; every resource declares UTF-8; every *_id field the safe ID pattern."""
    version = str(package.descriptor.get("version", ""))
    if not VERSION.fullmatch(version):
        yield Problem("datapackage.yaml", None, "version", f"\u201c{version}\u201d is not a version MAJOR.MINOR.PATCH.",
                      "write three numbers, such as 1.0.1, and say what changed in CHANGELOG.md.")
    for resource in package.descriptor["resources"]:
        if str(resource.get("encoding", "")).lower() != "utf-8":
            yield Problem("datapackage.yaml", None, None,
                          f'resource "{resource["name"]}" does not declare its encoding as UTF-8.',
                          "add encoding: utf-8 to the resource.")
        for field in resource["schema"]["fields"]:
            pattern = field.get("constraints", {}).get("pattern")
            if field["name"].endswith("_id") and pattern != SAFE_ID_PATTERN:
                yield Problem(package.schema_files[resource["name"]], None, field["name"],
                              "an ID field without the safe ID pattern.",
                              f"add constraints: {{pattern: '{SAFE_ID_PATTERN}'}}.")


def _verbatim_fields(package: DataPackage) -> Iterator[tuple[str, str, str]]:
    for resource in package.descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            if field.get("verbatim"):
                yield resource["name"], field["name"], str(field["verbatim"])


def _source_file(package: DataPackage, document: dict) -> Path | None:
    """The document's stored source text, if source_file has the schema's safe form and names a file."""
    name = document["source_file"]
    field = next(f for f in package.fields("documents") if f["name"] == "source_file")
    path = package.root / "data" / name
    try:
        return path if re.fullmatch(field["constraints"]["pattern"], name) and path.is_file() else None
    except OSError:  # e.g. a name too long for the file system
        return None


def _sources(package: DataPackage) -> dict[str, str]:
    """Each document's stored source text, where it can be read (source_files reports the others)."""
    files = {d["document_id"]: _source_file(package, d) for d in package.rows("documents")}
    return {document_id: path.read_text(encoding="utf-8") for document_id, path in files.items() if path}


def source_files(package: DataPackage) -> Iterator[Problem]:
    """Every document's stored source text exists, so its quotes can be checked (Frictionless checks the form)."""
    for document in package.rows("documents"):
        if _source_file(package, document) is None:
            yield Problem(package.resource("documents")["path"], document["_line"], "source_file",
                          f"there is no stored source text data/{document['source_file'][:80]}.",
                          "store the source text in data/source/, or correct the path.")


def _first_difference(text: str, source: str) -> str:
    """How much of text the source has, so a maintainer sees where a quote went wrong."""
    matched = 0
    while matched < len(text) and text[: matched + 1] in source:
        matched += 1
    if matched == 0:
        return "its first character is not in the source"
    return f"the source has \u201c{text[:matched]}\u201d but not what follows (\u201c{text[matched:matched + 10]}\u201d)"


def verbatim(package: DataPackage) -> Iterator[Problem]:
    """Every field marked verbatim in its schema is found, character for character, in the source."""
    sources = _sources(package)
    if not sources:
        return  # nothing to check against: source_files reports why
    for resource, field, mode in _verbatim_fields(package):
        file = package.resource(resource)["path"]
        for row in package.rows(resource):
            value = row[field]
            if not value:
                continue
            own = sources.get(row.get("document_id"))
            candidates = [own] if own else list(sources.values())
            pieces = value.split(" ") if mode == "paragraphs" else [value]
            for piece in pieces:
                if not any(piece in source for source in candidates):
                    yield Problem(file, row["_line"], field,
                                  f"not found verbatim in the stored source text: {_first_difference(piece, candidates[0])}.",
                                  "copy the text exactly from data/source/ (it uses ASCII ( ) and curly quotes \u201c \u201d).")
                    break


def english(package: DataPackage) -> Iterator[Problem]:
    """Every _en field is filled where its _zh twin is (or always, if it has none), in English."""
    for resource in package.descriptor["resources"]:
        names = {f["name"] for f in resource["schema"]["fields"]}
        for field in (n for n in names if n.endswith("_en")):
            twin = field[:-3] + "_zh"
            for row in package.rows(resource["name"]):
                needed = bool(row[twin]) if twin in names else True
                yield from _english_cell(resource["path"], row, field, twin, needed)


def _english_cell(file: str, row: dict, field: str, twin: str, needed: bool) -> Iterator[Problem]:
    value = row[field]
    if needed and not value.strip():
        yield Problem(file, row["_line"], field, "the English is missing.", "write the English translation.")
    elif not needed and value:
        yield Problem(file, row["_line"], field, f"English given but {twin} is empty.",
                      f"fill {twin} or empty {field}.")
    elif HAN.search(value):
        yield Problem(file, row["_line"], field, "the English contains Chinese characters.",
                      "translate or romanise them.")


def _figure_in(quote: str) -> float | None:
    found = FIGURE.search(quote)
    if found:
        return float(found[1]) * MULTIPLIERS[found[2]]
    return 100.0 if FULL_COVERAGE in quote else None


def target_values(package: DataPackage) -> Iterator[Problem]:
    """Each target's value and indicator agree with its verbatim phrase (8.6万 → 86000)."""
    file = package.resource("targets")["path"]
    for row in package.rows("targets"):
        if row["indicator_zh"] and row["indicator_zh"] not in row["quote_zh"]:
            yield Problem(file, row["_line"], "indicator_zh", "the indicator is not part of quote_zh.",
                          "use the words of the quote for the indicator.")
        figure = _figure_in(row["quote_zh"])
        try:
            value = float(row["value"])
        except ValueError:
            continue  # Frictionless reports the malformed number
        if figure is None:
            yield Problem(file, row["_line"], "quote_zh", "the quote states no figure.",
                          "quote the phrase that gives the number.")
        elif abs(value - figure) > 1e-9 * max(1.0, figure):
            yield Problem(file, row["_line"], "value", f"{row['value']} disagrees with the quote, which says {figure:g}.",
                          f"set value to {figure:g} (万 = 10000, 亿 = 100000000).")


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
            yield Problem(file, measure["_line"], "responsible_line_zh",
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
        rows = sorted(rows_by_measure.pop(measure["measure_id"], []), key=lambda r: _int(r["position"]))
        yield from _spell_line(file, measure, rows, agencies)
    for measure_id, rows in rows_by_measure.items():
        yield Problem(file, rows[0]["_line"], "measure_id", f"{measure_id} has no responsible_line_zh.",
                      "remove these rows or give the measure its line.")


def _int(text: str) -> int:
    return int(text) if text.isdigit() else 0


def _spell_line(file: str, measure: dict, rows: list[dict], agencies: dict) -> Iterator[Problem]:
    line = measure["responsible_line_zh"]
    if not line:
        return
    rest = line.removeprefix(RESPONSIBLE_PREFIX)
    for expected_position, row in enumerate(rows, 1):
        if _int(row["position"]) != expected_position:
            yield Problem(file, row["_line"], "position", f"expected position {expected_position} here.",
                          "number the units of one line 1, 2, 3… without gaps.")
            return
        agency = agencies.get(row["agency_id"])
        if agency is None:  # a dangling key, reported by Frictionless: skip its unit on the line
            rest = re.sub(f"^[^{SEPARATORS}]*[{SEPARATORS}]?", "", rest)
            continue
        written = _agency_at(rest, agency)
        if written is None:
            yield Problem(file, row["_line"], "agency_id",
                          f"the line of {measure['measure_id']} continues \u201c{rest[:20]}\u201d, not {agency['name_zh']}.",
                          "list the units in the order the line names them.")
            return
        rest = rest[len(written):].lstrip(SEPARATORS)
    if rest:
        yield Problem(file, rows[-1]["_line"] if rows else None, "agency_id",
                      f"the line of {measure['measure_id']} also names \u201c{rest}\u201d, which has no row.",
                      f"add a row for it at position {len(rows) + 1}.")


def measure_texts(package: DataPackage) -> Iterator[Problem]:
    """A measure's text is exactly its body paragraphs, joined by one space, in both languages."""
    bodies: dict[str, list[dict]] = {}
    for row in package.rows("paragraphs"):
        if row["kind"] == "body" and row["measure_id"]:
            bodies.setdefault(row["measure_id"], []).append(row)
    file = package.resource("measures")["path"]
    for measure in package.rows("measures"):
        paragraphs = sorted(bodies.get(measure["measure_id"], []), key=lambda r: _int(r["seq"]))
        for language in ("zh", "en"):
            expected = " ".join(p[f"text_{language}"] for p in paragraphs)
            if measure[f"text_{language}"] != expected:
                yield Problem(file, measure["_line"], f"text_{language}",
                              "differs from its body paragraphs in data/paragraphs.csv.",
                              f"make it the text_{language} of those paragraphs joined by one space, or correct both.")


def paragraph_order(package: DataPackage) -> Iterator[Problem]:
    """Paragraphs and measures are numbered 1, 2, 3… in each document, in file order."""
    for resource in ("paragraphs", "measures"):
        counters: dict[str, int] = {}
        for row in package.rows(resource):
            expected = counters.get(row["document_id"], 0) + 1
            counters[row["document_id"]] = expected
            if row["seq"] != str(expected):
                yield Problem(package.resource(resource)["path"], row["_line"], "seq",
                              f"is {row['seq'] or 'empty'}, expected {expected}.",
                              "keep the rows in reading order and number them without gaps.")
                break


def measure_tree(package: DataPackage) -> Iterator[Problem]:
    """Parts have no parent; an item's parent is a part; a sub-item's parent is an item."""
    levels = {m["measure_id"]: m["level"] for m in package.rows("measures")}
    parent_level = {"part": "", "item": "part", "subitem": "item"}
    file = package.resource("measures")["path"]
    for measure in package.rows("measures"):
        expected = parent_level.get(measure["level"])
        actual = levels.get(measure["parent_id"], "") if measure["parent_id"] else ""
        if expected is not None and actual != expected:
            yield Problem(file, measure["_line"], "parent_id",
                          f"a {measure['level']} needs a parent of level \u201c{expected or 'none'}\u201d, not \u201c{actual or 'none'}\u201d.",
                          "point parent_id at the heading one level up (empty for a part).")


def term_first_use(package: DataPackage) -> Iterator[Problem]:
    """A term's first_measure_id is the measure of the first paragraph that uses it."""
    paragraphs = package.rows("paragraphs")
    file = package.resource("terms")["path"]
    for term in package.rows("terms"):
        first = next((p for p in paragraphs if term["term_zh"] and term["term_zh"] in p["text_zh"]), None)
        expected = first["measure_id"] if first else ""
        if first and term["first_measure_id"] != expected:
            yield Problem(file, term["_line"], "first_measure_id",
                          f"the term first appears in {first['paragraph_id']}, which belongs to \u201c{expected or 'no measure'}\u201d.",
                          f"set it to \u201c{expected}\u201d.")


ALL_CHECKS = [declarations, source_files, verbatim, english, target_values, responsible_lines, responsibilities,
              measure_texts, paragraph_order, measure_tree, term_first_use]
