"""The phrasebook (scripts/site/phrases.yaml) is the one home of the pages' fixed phrases: every key
the code asks for is there in both languages, every key there is asked for, and no page module writes
Chinese of its own."""
import ast
import re
import string
from pathlib import Path

import pytest

from conftest import REPO
from scripts.package import LANGUAGES
from scripts.site.phrases import PHRASES
from scripts.validate.checks.calques import calques_in

HAN = re.compile(r"[\u3400-\u9fff]")
CODE = sorted((REPO / "scripts").rglob("*.py"))
PAGE_MODULES = sorted([*(REPO / "scripts" / "site").rglob("*.py"), *(REPO / "scripts" / "theme").rglob("*.py")])


def docstrings(tree: ast.AST) -> set[int]:
    owners = (ast.Module, ast.FunctionDef, ast.ClassDef)
    return {id(node.body[0].value) for node in ast.walk(tree) if isinstance(node, owners) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}


def strings(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string literal in a module but its docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = docstrings(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip]


def phrase_calls(path: Path) -> list[tuple[int, ast.expr]]:
    """(line, first argument) of every call t(...) in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(node.lineno, node.args[0]) for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t" and node.args]


def test_every_phrase_has_both_languages_and_fills_its_placeholders():
    """Both languages are there, and each fills with the placeholders the code gives (the union of both:
    a language may leave one out, as 第{label}部分 / part {number} do)."""
    for key, phrase in PHRASES.items():
        assert set(phrase) == set(LANGUAGES), key
        names = {name for lang in LANGUAGES for _, name, _, _ in string.Formatter().parse(phrase[lang]) if name}
        for lang in LANGUAGES:
            assert "{" not in phrase[lang].format(**dict.fromkeys(names, "x")), f"{key} ({lang})"


def test_every_key_the_code_asks_for_exists():
    missing = [f"{path.name}:{line} {argument.value}" for path in CODE for line, argument in phrase_calls(path)
               if isinstance(argument, ast.Constant) and argument.value not in PHRASES]
    assert missing == []


def test_every_key_is_used():
    literals = {text for path in CODE for _, text in strings(path)}
    assert sorted(set(PHRASES) - literals) == []


@pytest.mark.parametrize("module", PAGE_MODULES, ids=lambda path: path.relative_to(REPO).as_posix())
def test_page_modules_write_no_chinese_of_their_own(module):
    assert [(line, text) for line, text in strings(module) if HAN.search(text)] == []


def english_texts() -> list[tuple[str, str]]:
    """(where, text) of the site's own English: every phrase and every hand-written English page."""
    phrases = [(f"phrases.yaml: {key}", forms["en"]) for key, forms in PHRASES.items()]
    pages = [(page.relative_to(REPO).as_posix(), page.read_text(encoding="utf-8"))
             for page in sorted((REPO / "docs").rglob("*.en.md"))]
    return phrases + pages


def test_the_site_s_own_english_has_no_calque():
    """The validator refuses these forms in the data; the interface and the hand-written pages refuse them too."""
    found = [(where, words) for where, text in english_texts() for words, _ in calques_in(text)]
    assert found == []


def test_the_interface_says_annual_or_a_year_never_yearly():
    """One wording for 每年 in our own English: "annual" before a noun, "a year" after a figure."""
    assert [where for where, text in english_texts() if re.search(r"\byearly\b", text, re.IGNORECASE)] == []
