"""How figures and targets are written on a page: 86000 → 86,000, ≥ before a minimum."""
from decimal import Decimal

from scripts.site.markdown import Safe, en, zh

# A comparator as a symbol before its figure ("=" needs none: the figure is the number).
COMPARATOR_SYMBOLS = {"=": "", ">=": "≥ ", ">": "> "}


def number(value: str, lang: str) -> str:
    """A figure for reading, in one form in both languages: the whole number with thousands separators
    (86000 → 86,000, 42989 → 42,989, 1000000000 → 1,000,000,000), decimals as the data give them (2.5).
    The figures are exact: not 8.6万 beside 4.2989万, whose form would change with the figure (the quote
    beside a figure keeps the text's own 8.6万)."""
    amount = Decimal(str(value))
    return f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount.normalize():,f}"


def unit(target: dict, lang: str) -> str:
    return target["unit_zh"] if lang == "zh" else target["unit_en"]


def target_indicator(target: dict, lang: str) -> Safe:
    return zh(target["indicator_zh"], lang) if lang == "zh" else en(target["indicator_en"], lang)


def figure(row: dict, lang: str) -> str:
    """≥ 8.6万 / ≥ 86,000: a target's or an observation's comparator and figure."""
    return f"{COMPARATOR_SYMBOLS[row['comparator']]}{number(row['value'], lang)}"


def target_value(row: dict, lang: str) -> str:
    """≥ 8.6万 家 / ≥ 86,000 enterprises: a target's or an observation's figure and its unit."""
    return f"{figure(row, lang)} {unit(row, lang)}"
