"""The document's shape: measure texts are their paragraphs, rows are in reading order, the heading tree
has the right levels, and each term's first use is where the text first uses it."""
from collections.abc import Iterator

from scripts.package import DataPackage
from scripts.termforms import occurs
from scripts.validate.checks.responsibilities import as_int
from scripts.validate.problems import Problem

PARENT_LEVEL = {"part": "", "item": "part", "subitem": "item"}


def measure_texts(package: DataPackage) -> Iterator[Problem]:
    """A measure's text is exactly its body paragraphs, joined by one space, in both languages."""
    bodies: dict[str, list[dict]] = {}
    for row in package.rows("paragraphs"):
        if row["kind"] == "body" and row["measure_id"]:
            bodies.setdefault(row["measure_id"], []).append(row)
    file = package.resource("measures")["path"]
    for measure in package.rows("measures"):
        paragraphs = sorted(bodies.get(measure["measure_id"], []), key=lambda r: as_int(r["seq"]))
        for language in ("zh", "en"):
            expected = " ".join(p[f"text_{language}"] for p in paragraphs)
            if measure[f"text_{language}"] != expected:
                yield Problem("structure.measure-text-differs", file, measure["_line"], f"text_{language}",
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
                yield Problem("structure.seq-out-of-order", package.resource(resource)["path"], row["_line"], "seq",
                              f"is {row['seq'] or 'empty'}, expected {expected}.",
                              "keep the rows in reading order and number them without gaps.")
                break


def measure_tree(package: DataPackage) -> Iterator[Problem]:
    """Parts have no parent; an item's parent is a part; a sub-item's parent is an item."""
    levels = {m["measure_id"]: m["level"] for m in package.rows("measures")}
    file = package.resource("measures")["path"]
    for measure in package.rows("measures"):
        expected = PARENT_LEVEL.get(measure["level"])
        actual = levels.get(measure["parent_id"], "") if measure["parent_id"] else ""
        if expected is not None and actual != expected:
            yield Problem("structure.wrong-parent-level", file, measure["_line"], "parent_id",
                          f"a {measure['level']} needs a parent of level \u201c{expected or 'none'}\u201d, not \u201c{actual or 'none'}\u201d.",
                          "point parent_id at the heading one level up (empty for a part).")


def term_first_use(package: DataPackage) -> Iterator[Problem]:
    """A term's first_measure_id is the measure of the first paragraph that uses it."""
    paragraphs = package.rows("paragraphs")
    file = package.resource("terms")["path"]
    for term in package.rows("terms"):
        first = next((p for p in paragraphs if term["term_zh"] and occurs(term["term_zh"], p["text_zh"])), None)
        expected = first["measure_id"] if first else ""
        if first and term["first_measure_id"] != expected:
            yield Problem("structure.term-first-use-wrong", file, term["_line"], "first_measure_id",
                          f"the term first appears in {first['paragraph_id']}, which belongs to \u201c{expected or 'no measure'}\u201d.",
                          f"set it to \u201c{expected}\u201d.")
