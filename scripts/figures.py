"""Figures as Chinese text writes them: 8.6万 is 86000, 1.28万 is 12800, 10亿 is 1000000000.

The one home of the Chinese number units: the validator reads figures out of quotes with it. The pages
write every figure in full (86,000: scripts/site/formats.py), the quote beside it in the text's own form;
only a chart's axis writes a round number short (in_chinese: 10亿), where there is no room for it in full.
"""
import re

UNITS = {"亿": 100_000_000, "万": 10_000}  # largest first
# A figure: digits, an optional decimal part and an optional unit.
FIGURE = re.compile(r"(\d+(?:\.\d+)?)(" + "|".join(UNITS) + ")?")
FULL_COVERAGE = "全覆盖"  # read as 100 (percent): the plan's one coverage target says it this way
UNITS_HINT = ", ".join(f"{unit} = {size}" for unit, size in reversed(UNITS.items()))



def in_chinese(amount: float) -> str:
    """86000 → 8.6万, 1000000000 → 10亿; below 1万 the number as it is."""
    for unit, size in UNITS.items():
        if amount >= size:
            return f"{amount / size:g}{unit}"
    return f"{amount:g}"


# Characters after a number that make it a date, an ordinal or a count of lists, not a figure.
NOT_A_FIGURE_AFTER = "年月日号批届期"
MORE_THAN = ("超过", "突破", "超", "逾")  # before a figure: the true number is larger
AT_LEAST = "以上"  # after a figure and its unit: the number or more


def figures_in(quote: str) -> list[tuple[float, str]]:
    """Every figure the quote states, as (plain number, comparator the wording implies: =, > or >=);
    years, dates and ordinals (2024年, 6月25日, 第一批) are not figures."""
    found = [(number, comparator) for _, _, number, comparator in located_figures(quote)]
    return found or ([(100.0, "=")] if FULL_COVERAGE in quote else [])


def located_figures(quote: str) -> list[tuple[int, int, float, str]]:
    """(start, end, plain number, comparator) of every figure the quote states, in order."""
    found = []
    for match in FIGURE.finditer(quote):
        after = quote[match.end():match.end() + 1]
        if after and after in NOT_A_FIGURE_AFTER:
            continue
        before = quote[max(0, match.start() - 2):match.start()]
        comparator = ">" if before.endswith(MORE_THAN) else ">=" if quote[match.end():match.end() + 4].find(AT_LEAST) >= 0 else "="
        found.append((match.start(), match.end(), float(match[1]) * UNITS.get(match[2], 1), comparator))
    return found


def agrees(value: float, figure: float) -> bool:
    """A value as a CSV writes it equals a figure read from text (both floats: 1.28万 is 12800.000000000002)."""
    return abs(value - figure) <= 1e-9 * max(1.0, figure)
