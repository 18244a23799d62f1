"""Heading references in our own texts say in English what they say in Chinese, the way the pages number
headings: 第二部分 is part 2, 第二部分第（六）项 (or 第二部分（六）) item 2.6, 第三部分（五）1 sub-item 3.5.1.
So an item is never called a sub-item or the reverse, and no number changes in translation. A 第（四）项
standing alone belongs to the part the text named last before it. Like the termbase, a reference is
found as whole words with its first letter in either case (Sub-item opens a sentence).
"""
import re
from collections.abc import Iterator

from scripts.package import DataPackage
from scripts.validate.checks.termbase import translations, uses
from scripts.validate.problems import Problem

NUMERALS = "一二三四五六七八九十"
N = f"[{NUMERALS}]"
REFERENCE = re.compile(rf"第(?P<part>{N})部分(?:第?[（(](?P<item>{N})[)）]项?(?P<sub>\d+)?)?"
                       rf"|第[（(](?P<bare>{N})[)）]项(?P<bare_sub>\d+)?")


def references(chinese: str) -> Iterator[tuple[str, str]]:
    """(the Chinese as written, the English reference) for every heading the text refers to, in order."""
    part = None
    for match in REFERENCE.finditer(chinese):
        part = _digit(match["part"]) if match["part"] else part
        item, sub = (match["item"], match["sub"]) if match["part"] else (match["bare"], match["bare_sub"])
        if part is None:
            continue  # an item with no part named before it: nothing to compare
        if not item:
            yield match[0], f"part {part}"
        elif not sub:
            yield match[0], f"item {part}.{_digit(item)}"
        else:
            yield match[0], f"sub-item {part}.{_digit(item)}.{sub}"


def _digit(numeral: str) -> str:
    return str(NUMERALS.index(numeral) + 1)


def heading_references(package: DataPackage) -> Iterator[Problem]:
    for resource, chinese_field, english_field in translations(package):
        file = package.resource(resource)["path"]
        for row in package.rows(resource):
            for english, written in {english: written for written, english in references(row[chinese_field])}.items():
                if not uses(row[english_field], english):
                    yield Problem("english.heading-reference-mismatch", file, row["_line"], english_field,
                                  f"the Chinese refers to \u201c{written}\u201d, but the English does not say \u201c{english}\u201d.",
                                  f"write \u201c{english}\u201d (a part is \u201cpart 3\u201d, an item \u201citem 3.5\u201d, "
                                  f"a numbered sub-item \u201csub-item 3.5.1\u201d), or correct the Chinese reference.")
