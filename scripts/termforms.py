"""Where a termbase entry's Chinese form stands in a text: as written, or, for a pattern with a gap, its pieces.

Most forms are found as written (渝企码). A few concepts are a verb and its object with the object's name
between them (充分发挥重庆股份转让中心功能): their form marks the gap with … (充分发挥…功能), and is found
where its pieces stand in order with one to GAP_MAX characters between them inside one clause (no full
stop, comma, semicolon, colon or line break between: an enumeration comma 、 may be in the gap). The validator, the
term's first use and the pages all find terms through here, so they agree.
"""
import re
from functools import cache

GAP = "\u2026"  # … in a form: the gap between its pieces
GAP_MAX = 20  # characters: the longest gap in the plan, three names with their 、, is 18
CLAUSE_ENDS = "。，,；;：:！!？?\n"


@cache
def pattern(form: str) -> re.Pattern:
    """The form as a regular expression: its pieces, literally, with a gap of one clause's characters."""
    gap = f"[^{re.escape(CLAUSE_ENDS)}]{{1,{GAP_MAX}}}?"
    return re.compile(gap.join(re.escape(piece) for piece in form.split(GAP)))


def gapped(form: str) -> bool:
    return GAP in form


def spans(form: str, text: str) -> list[tuple[int, int]]:
    """(start, end) of every place the form stands in the text (overlapping ones too, for a form as written)."""
    if not gapped(form):
        found, start = [], text.find(form)
        while start != -1:
            found.append((start, start + len(form)))
            start = text.find(form, start + 1)
        return found
    return [match.span() for match in pattern(form).finditer(text)]


def occurs(form: str, text: str) -> bool:
    return (pattern(form).search(text) is not None) if gapped(form) else form in text
