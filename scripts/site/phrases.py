"""The fixed phrases of every generated page, in both languages, from phrases.yaml beside this file.

One home and one shape: a key, its Chinese and its English. Page modules hold no phrase of their own,
so no page can be left half-translated (tests/test_phrases.py checks both directions).
"""
from pathlib import Path

from scripts.package import LANGUAGES, read_yaml

DEFAULT_LANGUAGE = LANGUAGES[0]  # Chinese at the site's root, English under /en/
PHRASES: dict[str, dict[str, str]] = read_yaml(Path(__file__).with_name("phrases.yaml"))


def t(key: str, lang: str, **values) -> str:
    """The phrase `key` in `lang`, with its {placeholders} filled."""
    phrase = PHRASES[key][lang]
    return phrase.format(**values) if values else phrase


def suffix(lang: str) -> str:
    """The file suffix mkdocs-static-i18n expects: x.md for Chinese, x.en.md for English."""
    return ".md" if lang == DEFAULT_LANGUAGE else f".{lang}.md"
