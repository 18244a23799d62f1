"""No calque comes back: English a policy analyst would not write, each with the form we write instead.

The termbase holds what a Chinese word must become; this list holds what the English must not say, in any
English field (translations and our own notes alike). tests/test_phrases.py holds the site's fixed phrases
and hand-written English pages to the same list. Matching ignores case.
"""
import re
from collections.abc import Iterator
from functools import lru_cache

from scripts.package import DataPackage
from scripts.validate.problems import Problem

# (what is refused, as a regular expression; what to write instead, and the Chinese it usually renders)
CALQUES = [
    (r"\ba batch of\b", "the plural alone, or \u201ca number of\u201d (\u4e00\u6279)"),
    (r"\b(give|gives|giving|given) (full )?play to\b", "\u201cmake good use of\u201d (\u53d1\u6325\u2026\u4f5c\u7528) or \u201cmake full use of\u201d (\u5145\u5206\u53d1\u6325\u2026\u529f\u80fd)"),
    (r"\bdo(es|ing)? a (solid|good) job\b", "the verb itself: \u201ccarry out \u2026 to good effect\u201d, \u201cbe proactive in \u2026\u201d (\u505a\u597d)"),
    (r"\bsort(s|ing|ed)? out and form", "\u201ccompile\u201d (\u68b3\u7406\u5f62\u6210 \u2026 \u6e05\u5355)"),
    (r"\bcarriers? (such as|for)\b|\bas carriers\b", "name the places: \u201c\u2026 and similar sites\u201d (\u8f7d\u4f53)"),
    (r"\bcarrying capacity\b", "\u201ccapacity\u201d (\u627f\u8f7d: capacity to host enterprises, not the ecological term)"),
    (r"\bleaps? in scale\b|\bcapability level\b", "\u201cstep changes in scale and capability\u201d (\u89c4\u6a21\u80fd\u7ea7\u8dc3\u5347)"),
    (r"\bconcentrate deeply\b", "\u201cspecialise in\u201d (\u6df1\u8015)"),
    (r"\bcoupled interaction\b", "\u201cclose interaction\u201d (\u8026\u5408\u4e92\u52a8)"),
    (r"\bbuild to a high standard\b", "the object first: \u201cbuild \u2026 to a high standard\u201d (\u9ad8\u6c34\u5e73\u5efa\u8bbe)"),
    (r"\bindependently innovated\b", "\u201ctechnologies they have developed themselves\u201d (\u81ea\u4e3b\u521b\u65b0\u6280\u672f)"),
    (r"(?<![-\w])item \d+\.\d+\.\d+", "\u201csub-item N.N.N\u201d: a heading numbered at three levels is a sub-item"),
    (r"\bparts? [\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341]", "the English numbering: \u201cpart 2\u201d, \u201citem 2.6\u201d, \u201csub-item 3.5.1\u201d"),
]
# One expression for the whole list, each form its own group (c0, c1, …): one pass over a text, not one per form.
REFUSED = re.compile("|".join(f"(?P<c{i}>{pattern})" for i, (pattern, _) in enumerate(CALQUES)), re.IGNORECASE)


@lru_cache(maxsize=4096)  # the tests validate hundreds of copies of the same texts (about 1,000 a copy)
def calques_in(english: str) -> tuple[tuple[str, str], ...]:
    """(the words as written, what to write instead) for every refused form in the text, in order."""
    return tuple((match[0], CALQUES[int(match.lastgroup[1:])][1]) for match in REFUSED.finditer(english))


def calques(package: DataPackage) -> Iterator[Problem]:
    for resource in package.descriptor["resources"]:
        english_fields = [f["name"] for f in resource["schema"]["fields"] if f.get("lang") == "en"]
        for row in package.rows(resource["name"]):
            for field in english_fields:
                for words, instead in calques_in(row[field]):
                    yield Problem("english.calque", resource["path"], row["_line"], field, f"\u201c{words}\u201d is a form we do not write (the list is in scripts/validate/checks/calques.py).",
                                  f"write {instead}.")
