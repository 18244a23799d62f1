"""The Chinese is the source's: every verbatim field is found in the stored source text, and every
target's figure agrees with the phrase it quotes."""
import re
from collections.abc import Iterator
from pathlib import Path

from scripts.figures import UNITS_HINT, agrees, figures_in
from scripts.package import DataPackage
from scripts.termforms import gapped, occurs
from scripts.validate.problems import Problem



def stored_file(package: DataPackage, resource: str, field: str, name: str) -> Path | None:
    """The file under data/ a row names in `field`, if the name has the schema's safe form and the file exists."""
    pattern = package.field(resource, field)["constraints"]["pattern"]
    path = package.root / "data" / name
    try:
        return path if re.fullmatch(pattern, name) and path.is_file() else None
    except OSError:  # e.g. a name too long for the file system
        return None


def _source_file(package: DataPackage, document: dict) -> Path | None:
    return stored_file(package, "documents", "source_file", document["source_file"])


def _sources(package: DataPackage) -> dict[str, str]:
    """Each document's stored source text, where it can be read (source_files reports the others)."""
    files = {d["document_id"]: _source_file(package, d) for d in package.rows("documents")}
    return {document_id: path.read_text(encoding="utf-8") for document_id, path in files.items() if path}


def source_files(package: DataPackage) -> Iterator[Problem]:
    """Every document's stored source text exists, so its quotes can be checked (Frictionless checks the form)."""
    for document in package.rows("documents"):
        if _source_file(package, document) is None:
            yield Problem("quote.source-text-missing", package.resource("documents")["path"], document["_line"], "source_file",
                          f"there is no stored source text data/{document['source_file'][:80]}.",
                          "store the source text in data/source/, or correct the path.")


def first_difference(text: str, source: str) -> str:
    """How much of text the source has, so a maintainer sees where a quote went wrong."""
    matched = 0
    while matched < len(text) and text[: matched + 1] in source:
        matched += 1
    if matched == 0:
        return "its first character is not in the source"
    return f"the source has \u201c{text[:matched]}\u201d but not what follows (\u201c{text[matched:matched + 10]}\u201d)"


EXCERPT_SEPARATOR = "\n---\n"  # between an excerpt file's head and the text as retrieved


def excerpt_path(package: DataPackage, source: dict) -> Path | None:
    return stored_file(package, "sources", "excerpt_file", source["excerpt_file"])


def excerpts(package: DataPackage) -> dict[str, tuple[dict, str]]:
    """source_id → (the head's fields, the text as retrieved), for every excerpt that can be read."""
    found = {}
    for source in package.records.get("sources", []):
        path = excerpt_path(package, source)
        if path is None:
            continue
        head, _, body = path.read_text(encoding="utf-8").partition(EXCERPT_SEPARATOR)
        fields = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
        found[source["source_id"]] = (fields, body)
    return found


def _verbatim_fields(package: DataPackage) -> Iterator[tuple[str, str, str]]:
    for resource in package.descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            if field.get("verbatim"):
                yield resource["name"], field["name"], str(field["verbatim"])


def verbatim(package: DataPackage) -> Iterator[Problem]:
    """Every field marked verbatim in its schema is found, character for character, in the source."""
    sources, stored = _sources(package), excerpts(package)
    for resource, field, mode in _verbatim_fields(package):
        file = package.resource(resource)["path"]
        for row in package.rows(resource):
            value, candidates = row[field], _texts_to_match(row, mode, sources, stored)
            if not value or not candidates:
                continue  # nothing to check against: source_files and source_excerpts report why
            pieces = value.split(" ") if mode == "paragraphs" else [value]
            for piece in pieces:
                if not any(_found(piece, source, mode) for source in candidates):
                    code, message, fix = _not_verbatim(piece, candidates[0], mode, row)
                    yield Problem(code, file, row["_line"], field, message, fix)
                    break


def _found(piece: str, source: str, mode: str) -> bool:
    """Character for character; a form with a gap (verbatim: gapped) as its pieces, in one clause."""
    return occurs(piece, source) if mode == "gapped" else piece in source


def _texts_to_match(row: dict, mode: str, sources: dict[str, str], stored: dict[str, tuple[dict, str]]) -> list[str]:
    """A progress quote is matched in its own source's excerpt; the plan's text in its document (or any)."""
    if mode == "excerpt":
        return [stored[row["source_id"]][1]] if row["source_id"] in stored else []
    own = sources.get(row.get("document_id"))
    return [own] if own else list(sources.values())


def _not_verbatim(piece: str, source: str, mode: str, row: dict) -> tuple[str, str, str]:
    """Code, what is wrong and how to fix it, for a piece of a verbatim field the source does not have."""
    if mode == "excerpt":
        return ("progress.quote-not-in-excerpt",
                f"not found verbatim in the excerpt of {row['source_id']}: {first_difference(piece, source)}.",
                "copy the passage exactly from that source's excerpt file (its punctuation and quote marks as there), "
                "or correct the excerpt if it was mistyped.")
    if mode == "gapped" and gapped(piece):
        return ("quote.not-in-source", "its pieces are not found, in order and within one clause, in the stored source text.",
                "copy each piece exactly from data/source/, with \u2026 only where the text names something between them.")
    return ("quote.not-in-source", f"not found verbatim in the stored source text: {first_difference(piece, source)}.",
            "copy the text exactly from data/source/ (it uses ASCII ( ) and curly quotes \u201c \u201d).")


def target_values(package: DataPackage) -> Iterator[Problem]:
    """Each target's value and indicator agree with its verbatim phrase (8.6万 → 86000)."""
    file = package.resource("targets")["path"]
    for row in package.rows("targets"):
        if row["indicator_zh"] and row["indicator_zh"] not in row["quote_zh"]:
            yield Problem("target.indicator-not-in-quote", file, row["_line"], "indicator_zh",
                          "the indicator is not part of quote_zh.",
                          "use the words of the quote for the indicator.")
        stated = figures_in(row["quote_zh"])
        figure = stated[0][0] if stated else None  # the first figure the quote states
        try:
            value = float(row["value"])
        except ValueError:
            continue  # Frictionless reports the malformed number
        if figure is None:
            yield Problem("target.quote-without-figure", file, row["_line"], "quote_zh", "the quote states no figure.",
                          "quote the phrase that gives the number.")
        elif not agrees(value, figure):
            yield Problem("target.value-disagrees-with-quote", file, row["_line"], "value",
                          f"{row['value']} disagrees with the quote, which says {figure:g}.",
                          f"set value to {figure:g} ({UNITS_HINT}).")
