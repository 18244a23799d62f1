"""Every problem code, from codes.yaml beside this file: one stable name per rule the validator (and, later,
the build) enforces, with what it checks, the fix and an example message, in English and Chinese.

A code is `<theme>.<kebab-name>`; it is shown in every message (`[progress.quote-not-in-excerpt]`), so
maintainers can look it up and tests can assert it instead of wording. tests/test_validate.py holds the
codes and the named broken copies that produce them against each other, both ways, and checks each example
against what its copy really produces.
"""
import re
from dataclasses import dataclass
from pathlib import Path

from scripts.package import LANGUAGES, read_yaml

CODE_FORM = re.compile(r"([a-z]+)\.([a-z0-9]+(?:-[a-z0-9]+)*)")


@dataclass(frozen=True)
class Code:
    code: str
    checks: dict[str, str]  # what the rule requires, by language
    fix: dict[str, str]  # how to mend it in general (each problem also carries its own, precise fix)
    example: str  # a whole line as the validator prints it, for a named broken copy in the tests

    @property
    def theme(self) -> str:
        return self.code.split(".", 1)[0]


class UnknownCode(ValueError):
    """A problem was given a code codes.yaml does not list: a mistake in our code, caught by the tests."""


def _read(path: Path) -> tuple[dict[str, dict[str, str]], dict[str, Code], dict[str, dict[str, str]]]:
    written = read_yaml(path)
    codes = {code: Code(code, entry["checks"], entry["fix"], entry["example"]) for code, entry in written["codes"].items()}
    return written["themes"], codes, written["catalogue"]


THEMES, CODES, LABELS = _read(Path(__file__).with_name("codes.yaml"))  # LABELS: the catalogue's own words


def known(code: str) -> str:
    """The code itself, if codes.yaml lists it; UnknownCode otherwise."""
    if code not in CODES:
        raise UnknownCode(f"{code!r} is not a problem code; add it to scripts/problems/codes.yaml")
    return code


def well_formed(codes: dict[str, Code], themes: dict[str, dict[str, str]]) -> list[str]:
    """What is wrong with the registry itself (a bad name, an unknown theme, a language missing)."""
    wrong = []
    for name, code in codes.items():
        found = CODE_FORM.fullmatch(name)
        if not found or found[1] not in themes:
            wrong.append(f"{name}: not <theme>.<kebab-name> with a theme listed under themes")
        for part in ("checks", "fix"):
            if set(getattr(code, part)) != set(LANGUAGES) or not all(getattr(code, part).values()):
                wrong.append(f"{name}: {part} needs both languages")
        if f"[{name}]" not in code.example:
            wrong.append(f"{name}: the example does not show its code")
    wrong += [f"{name}: needs both languages" for name, words in {**themes, **LABELS}.items()
              if set(words) != set(LANGUAGES)]
    return wrong
