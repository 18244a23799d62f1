"""The catalogue of problem codes for the maintainers' guide, in Markdown, from codes.yaml: by theme, each
code with what it checks, the fix and an example line as the validator prints it."""
from scripts.problems.codes import CODES, LABELS, THEMES


def catalogue(lang: str) -> str:
    """Every code, grouped under its theme's heading, in `lang` (zh or en); themes without codes are left out."""
    parts = [LABELS["intro"][lang], LABELS["count"][lang].format(count=len(CODES))]
    for theme, title in THEMES.items():
        codes = [code for code in CODES.values() if code.theme == theme]
        if codes:
            parts.append(f"### {title[lang]}")
            parts += [_entry(code, lang) for code in codes]
    return "\n\n".join(parts) + "\n"


def _entry(code, lang: str) -> str:
    colon = "：" if lang == "zh" else ": "
    return (f"**`{code.code}`**{colon}{code.checks[lang]}\n\n"
            f"{LABELS['fix'][lang]}{colon}{code.fix[lang]}\n\n"
            f"{LABELS['example'][lang]}{colon.strip()}\n\n```text\n{code.example}\n```")


def listing(lang: str) -> str:
    """One line per code, for `python -m scripts.validate --codes`."""
    width = max(map(len, CODES))
    return "\n".join(f"{code.code:<{width}}  {code.checks[lang]}" for code in CODES.values())
