"""Each stored excerpt's head, checked where it is written: the lines URL, Title, Publisher, Published and
Retrieved, then a line ---; its address a web address, its dates real dates. A mistake there is reported
against the excerpt file and its line, so the fix goes into that file and is never copied into a CSV."""
import re
from collections.abc import Iterator
from datetime import date

from scripts.package import DataPackage
from scripts.validate.checks.quotes import excerpt_path
from scripts.validate.problems import Problem

HEAD_LINES = ("URL", "Title", "Publisher", "Published", "Retrieved")
SEPARATOR = "---"
WEB_ADDRESS = re.compile(r"https?://\S+")
# A date, then perhaps a remark in brackets: "2026-11-28 (stored copy, search tool pages corpus)".
DATED = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?: \(.*\))?")
NOT_STATED = "not stated"  # Published may say so, with a remark: "not stated in the stored text (URL path …)"


def excerpt_heads(package: DataPackage) -> Iterator[Problem]:
    for source in package.rows("sources"):
        path = excerpt_path(package, source)
        if path is None:
            continue  # source_excerpts reports the missing file against the sources row
        file = path.relative_to(package.root).as_posix()
        lines = path.read_text(encoding="utf-8").splitlines()
        if SEPARATOR not in lines:
            yield Problem("excerpt.separator-missing", file, None, None,
                          "there is no line --- between the head and the text as retrieved.",
                          "put a line holding only --- after the Retrieved line, before the text.")
            continue
        yield from _head(file, lines[: lines.index(SEPARATOR)])


def _head(file: str, lines: list[str]) -> Iterator[Problem]:
    written = {}  # name: (line number, value), the last line of each name (as the excerpt's reader takes it)
    for number, line in enumerate(lines, 1):
        name, separator, value = line.partition(": ")
        if separator and name in HEAD_LINES:
            written[name] = (number, value)
    for name in HEAD_LINES:
        if name not in written:
            yield Problem("excerpt.head-line-missing", file, None, name, f"the head has no line \u201c{name}: \u2026\u201d.",
                          f"add the line {name}: with {WHAT[name]}, before the line ---.")
    for name, (number, value) in written.items():
        if name == "URL" and not WEB_ADDRESS.fullmatch(value):
            yield Problem("excerpt.url-malformed", file, number, name, f"\u201c{value[:80]}\u201d is not a web address.",
                          "write the page's address as read, starting http:// or https://, with no spaces, on this line.")
        if name in ("Published", "Retrieved") and not _dated(value, may_be_unknown=name == "Published"):
            unknown = f" or \u201c{NOT_STATED}\u201d" if name == "Published" else ""
            yield Problem("excerpt.date-malformed", file, number, name,
                          f"\u201c{value.split(' (')[0][:40]}\u201d is not a date YYYY-MM-DD{unknown}.",
                          f"write {WHAT[name]} as YYYY-MM-DD (such as 2026-11-28){unknown} on this line of the excerpt; "
                          "a remark may follow in brackets.")


WHAT = {"URL": "the page's address", "Title": "the page's title as shown", "Publisher": "the site or body that published it",
        "Published": "the page's date", "Retrieved": "the day you read the page"}


def _dated(value: str, may_be_unknown: bool) -> bool:
    if may_be_unknown and value.startswith(NOT_STATED):
        return True
    found = DATED.fullmatch(value)
    try:
        return bool(found) and bool(date.fromisoformat(found[1]))
    except ValueError:  # 2026-02-30
        return False


def sound_head(head: dict[str, str]) -> dict[str, str]:
    """The head's address and retrieval date, where they are well formed: only those are compared with the
    sources row (excerpt_heads reports the others against the excerpt file)."""
    sound = {}
    if WEB_ADDRESS.fullmatch(head.get("URL", "")):
        sound["URL"] = head["URL"]
    if _dated(head.get("Retrieved", ""), may_be_unknown=False):
        sound["Retrieved"] = head["Retrieved"]
    return sound
