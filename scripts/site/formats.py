"""How figures and targets are written on a page: 86000 → 8.6万 or 86,000, ≥ before a minimum."""
from scripts.figures import UNITS, in_chinese
from scripts.site.markdown import Safe, en, zh

# A comparator as a symbol before its figure ("=" needs none: the figure is the number).
COMPARATOR_SYMBOLS = {"=": "", ">=": "≥ ", ">": "> "}


def number(value: str, lang: str) -> str:
    """A plain number for reading: 86000 → 8.6万 in Chinese, 86,000 in English."""
    amount = float(value)
    if lang == "zh" and amount >= min(UNITS.values()):
        return in_chinese(amount)
    return f"{amount:,.0f}" if amount == int(amount) else f"{amount:,g}"


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
