"""MkDocs hook (see `hooks:` in mkdocs.yml): nav globs, the jieba dictionary path, whole-word Chinese search.

- A nav entry such as `measures/*.md` becomes every page of that folder not named elsewhere in the nav,
  in natural order (m2 < m2.1 < m10), leaving out the translations (x.en.md), which
  mkdocs-static-i18n pairs with their page itself. The generated pages exist only at build time, so
  the nav cannot list them by hand.
- Material reads `jieba_dict_user` relative to the working directory; we make it relative to mkdocs.yml.
- Material's search splits a Chinese query into the index's words, but never tries the whole query
  (its segmenter stops one character short), so 渝企码 is searched as 渝 as soon as 渝 alone is a word
  somewhere in the index. After the build we join every word that is the start of a dictionary term
  (渝, 市, 单项…) to its neighbour, dropping the zero-width space between them: it is no longer a
  word of its own, so the term is searched whole, and a search for 渝 still finds 渝府 as a prefix.
"""
import json
import re
from fnmatch import fnmatch
from pathlib import Path

from mkdocs.plugins import event_priority

NATURAL = re.compile(r"(\d+)")
ZERO_WIDTH_SPACE = "\u200b"  # what Material puts between the words jieba finds


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


@event_priority(100)  # before the search plugin reads its options, and before i18n builds the nav
def on_config(config):
    docs = Path(config.docs_dir)
    locales = [language.locale for language in config.plugins["i18n"].config.languages]
    pages = sorted((p.relative_to(docs).as_posix() for p in docs.rglob("*.md")), key=natural_key)
    pages = [p for p in pages if not is_translation(p, locales)]
    config.nav = expand(config.nav, pages, {p for p in named_pages(config.nav) if "*" not in p})
    search = config.plugins["material/search"].config
    if search.jieba_dict_user:
        search.jieba_dict_user = str(Path(config.config_file_path).parent / search.jieba_dict_user)
    return config


@event_priority(-200)  # after mkdocs-static-i18n has written the index of both languages
def on_post_build(config):
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    dictionary = config.plugins["material/search"].config.jieba_dict_user
    if not index_file.exists() or not dictionary:
        return
    terms = [line.split()[0] for line in Path(dictionary).read_text(encoding="utf-8").splitlines() if line.strip()]
    starts = {term[:end] for term in terms for end in range(1, len(term))}
    index = json.loads(index_file.read_text(encoding="utf-8"))
    separator = re.compile(f"({index['config']['separator']})")
    for entry in index["docs"]:
        for field in ("title", "text"):
            entry[field] = join_term_starts(entry[field], separator, starts)
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def join_term_starts(text: str, separator: re.Pattern, starts: set[str]) -> str:
    """Join each word in `starts` to the next word (or else the previous one) across a zero-width space."""
    pieces = separator.split(text)  # words at even positions, separators at odd ones
    for i in range(0, len(pieces), 2):
        if pieces[i].lower() not in starts:
            continue
        if i + 1 < len(pieces) and pieces[i + 1] == ZERO_WIDTH_SPACE:
            pieces[i + 1] = ""
        elif i > 0 and pieces[i - 1] == ZERO_WIDTH_SPACE:
            pieces[i - 1] = ""
    return "".join(pieces)
