"""The English follows the termbase, as the Chinese follows the source: wherever a Chinese field uses a
term of terms.csv or names a unit of agencies.csv, its English twin (the field that `translates` it)
uses that entry's English form or one of its listed variants.

Choices, so the check is predictable:
- A form is found as whole words, exactly, except that its first letter may be either case (a form
  opening a sentence or a cell is capitalised). Plurals and title-case forms are listed variants.
- A term inside a longer term at the same place (专精特新 inside 专精特新中小企业培育库) is not checked
  there: the longer one is. Terms and units are checked independently (两江新区 inside the definition
  of 区县政府 is still a unit of its own).
- A form with a gap (充分发挥…功能, see scripts/termforms.py) is found where its pieces stand in one
  clause; it never hides the names in its gap (重庆股份转让中心 in 充分发挥重庆股份转让中心功能 is checked).
- A term written in digits is not found inside a longer number (the figure 10416 is not the strategy 416).
- An entry is required once per field however often its Chinese occurs (the English may say "it").
- An entry's own row is exempt for that entry (a term's explanation may say "the centre").
"""
import re
from collections.abc import Iterator
from dataclasses import dataclass

from scripts.package import VARIANT_SEPARATOR, DataPackage
from scripts.termforms import GAP, gapped, spans
from scripts.validate.problems import Problem


@dataclass(frozen=True)
class Entry:
    resource: str  # terms or agencies
    key: str
    written_zh: tuple[str, ...]  # the Chinese forms that call for the entry
    forms_en: tuple[str, ...]  # the accepted English forms, the entry's own first

    @property
    def name(self) -> str:
        return self.written_zh[0]


def _entries(package: DataPackage) -> dict[str, list[Entry]]:
    def forms(main: str, variants: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.strip() for f in [main, *variants.split(VARIANT_SEPARATOR)] if f.strip()))
    terms = [Entry("terms", r["term_id"], (r["term_zh"],), forms(r["term_en"], r["variants_en"]))
             for r in package.records["terms"]]
    units = [Entry("agencies", r["agency_id"], tuple(w for w in (r["name_zh"], r["definition_quote_zh"]) if w),
                   forms(r["name_en"], r["variants_en"])) for r in package.records["agencies"]]
    return {"terms": terms, "agencies": units}


def uses(english: str, form: str) -> bool:
    """The form occurs in the English as whole words; its first letter in either case."""
    head, tail = form[0], re.escape(form[1:])
    first = f"[{re.escape(head.upper())}{re.escape(head.lower())}]" if head.isalpha() else re.escape(head)
    return re.search(rf"(?<![A-Za-z0-9]){first}{tail}(?![A-Za-z0-9])", english) is not None


def occurring(chinese: str, entries: list[Entry]) -> list[tuple[Entry, str, str]]:
    """(entry, written form, the words of the text it stands for) for every entry the text uses, in order,
    leaving out those only found inside a longer entry at the same place."""
    # `written in chinese` first: most forms are not in a given text, and the test is far cheaper than spans().
    found = [(start, end, entry, written) for entry in entries for written in entry.written_zh
             if GAP in written or written in chinese
             for start, end in spans(written, chinese) if not _inside_a_number(chinese, start, end)]
    hiding = [(s, e) for s, e, _, written in found if not gapped(written)]  # a gap's names are checked on their own
    kept = [(start, entry, written, chinese[start:end]) for start, end, entry, written in found
            if not any(s <= start and end <= e and e - s > end - start for s, e in hiding)]
    return [(entry, written, said) for _, entry, written, said in sorted(kept, key=lambda k: k[0])]


def _inside_a_number(text: str, start: int, end: int) -> bool:
    before, after = text[start - 1:start], text[end:end + 1]
    return (text[start].isdigit() and before.isdigit()) or (text[end - 1].isdigit() and after.isdigit())


def translations(package: DataPackage) -> Iterator[tuple[str, str, str]]:
    """(resource, Chinese field, English field) for every field that translates another."""
    for resource in package.descriptor["resources"]:
        names = {f["name"] for f in resource["schema"]["fields"]}
        for field in resource["schema"]["fields"]:
            if field.get("translates") in names:  # one naming no field is reported by declarations
                yield resource["name"], field["translates"], field["name"]


def termbase(package: DataPackage) -> Iterator[Problem]:
    entries = _entries(package)
    for resource, chinese_field, english_field in translations(package):
        file, schema = package.resource(resource)["path"], package.resource(resource)["schema"]
        key_field = schema["primaryKey"][0]
        for row in package.rows(resource):
            for kind in ("terms", "agencies"):
                yield from _row_findings(file, resource, row, chinese_field, english_field, entries[kind], key_field)


def _row_findings(file: str, resource: str, row: dict, chinese_field: str, english_field: str,
                  entries: list[Entry], key_field: str) -> Iterator[Problem]:
    seen = set()
    for entry, written, said in occurring(row[chinese_field], entries):
        own_row = resource == entry.resource and row[key_field] == entry.key
        if entry.key in seen or own_row or any(uses(row[english_field], form) for form in entry.forms_en):
            seen.add(entry.key)
            continue
        seen.add(entry.key)
        yield _problem(file, row["_line"], english_field, entry, written, said)


def _problem(file: str, line: int, field: str, entry: Entry, written: str, said: str) -> Problem:
    main, variants = entry.forms_en[0], entry.forms_en[1:]
    listed = f" (variants: {', '.join(chr(8220) + v + chr(8221) for v in variants)})" if variants else ""
    shown = said if len(said) <= 30 else said[:30] + "…"
    via = f" (the text's definition of {entry.name})" if written != entry.name else ""
    return Problem("termbase.english-form-missing", file, line, field,
                   f"the Chinese says \u201c{shown}\u201d{via}, but the English has neither \u201c{main}\u201d nor a listed variant{listed}.",
                   f"write \u201c{main}\u201d in {field}, or, if the English uses a genuine form of it (a plural), "
                   f"add that form to variants_en of {entry.key} in data/{entry.resource}.csv.")
