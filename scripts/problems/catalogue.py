"""The catalogue of problem codes for the maintainers' guide, in Markdown, from codes.yaml: by theme, each
code with what it checks, the fix and an example line as the command prints it.

Its texts are Markdown with commands, paths and field names as `code`; the site passes `prose`, which
marks the runs of the other language in the rest (scripts/site/parts.py)."""
from collections.abc import Callable

from scripts.problems.codes import CODES, LABELS, THEMES


def catalogue(lang: str, prose: Callable[[str], str] = str) -> str:
    """Every code, grouped under its theme's heading, in `lang` (zh or en); themes without codes are left out."""
    parts = [prose(LABELS["intro"][lang]), prose(LABELS["count"][lang].format(count=len(CODES)))]
    for theme, title in THEMES.items():
        codes = [code for code in CODES.values() if code.theme == theme]
        if codes:
            parts.append(f"### {prose(title[lang])}")
            parts += [_entry(code, lang, prose) for code in codes]
    return "\n\n".join(parts) + "\n"


def _entry(code, lang: str, prose: Callable[[str], str]) -> str:
    colon = "：" if lang == "zh" else ": "
    return (f"**`{code.code}`**{colon}{prose(code.checks[lang])}\n\n"
            f"{LABELS['fix'][lang]}{colon}{prose(code.fix[lang])}\n\n"
            f"{LABELS['example'][lang]}{colon.strip()}\n\n```text\n{code.example}\n```")


def listing(lang: str) -> str:
    """One line per code, for `python -m scripts.validate --codes`."""
    width = max(map(len, CODES))
    return "\n".join(f"{code.code:<{width}}  {code.checks[lang]}" for code in CODES.values())
