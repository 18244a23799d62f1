"""MkDocs hook (see `hooks:` in mkdocs.yml): a nav glob such as `measures/*.md` lists the generated pages of its folder.

A nav entry such as `measures/*.md` becomes every page of that folder not named elsewhere in the nav,
in natural order (m2 < m2.1 < m10), leaving out the translations (x.en.md), which
mkdocs-static-i18n pairs with their page itself. The generated pages exist only at build time, so
the nav cannot list them by hand.
"""
import re
from fnmatch import fnmatch
from pathlib import Path

from mkdocs.plugins import event_priority

NATURAL = re.compile(r"(\d+)")


def natural_key(path: str) -> list:
    """m2 < m2.1 < m2.10 < m3: compare digit runs as numbers, the name without its .md."""
    stem = path.removesuffix(".md")
    return [int(piece) if piece.isdigit() else piece for piece in NATURAL.split(stem)]


def is_translation(path: str, locales: list[str]) -> bool:
    parts = path.split(".")
    return len(parts) > 2 and parts[-2] in locales


def named_pages(nav) -> set[str]:
    """Every plain path the nav names, at any depth."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*(named_pages(value) for value in nav.values()))
    if isinstance(nav, list):
        return set().union(set(), *(named_pages(item) for item in nav))
    return set()


def expand(nav, pages: list[str], named: set[str]):
    """The nav with each glob string replaced by the pages it matches."""
    if isinstance(nav, list):
        expanded = []
        for item in nav:
            if isinstance(item, str) and "*" in item:
                expanded += [p for p in pages if fnmatch(p, item) and p not in named]
            else:
                expanded.append(expand(item, pages, named))
        return expanded
    if isinstance(nav, dict):
        return {key: expand(value, pages, named) for key, value in nav.items()}
    return nav


@event_priority(100)  # before i18n builds the nav
def on_config(config):
    docs = Path(config.docs_dir)
    locales = [language.locale for language in config.plugins["i18n"].config.languages]
    pages = sorted((p.relative_to(docs).as_posix() for p in docs.rglob("*.md")), key=natural_key)
    pages = [p for p in pages if not is_translation(p, locales)]
    config.nav = expand(config.nav, pages, {p for p in named_pages(config.nav) if "*" not in p})
    return config

