"""Language of parts (WCAG 3.1.2), read from the built pages: no run of the other language goes unmarked.

Every text node of every page, and every attribute a person reads or hears (title, alt, aria-label,
placeholder), is in its effective language: the `lang` of its nearest element that has one (the page's
<html lang> at the top). A run is unmarked where its script disagrees with that language:

- in English: any Chinese character. No exception: a document number (渝府办发〔2024〕14号), a quoted term, a
  name, a single character in a source's title, each needs lang="zh" for its voice and its glyphs;
- in Chinese: an English phrase, two Latin words or more of two letters or more, not all of them acronyms,
  standing together (only spaces, digits and ASCII punctuation between them).

Not language, so never a problem: code (<code>, <pre>, <kbd>, <samp>: file names, commands and snippets
read as written); in Chinese text, web and e-mail addresses, domains and file names (tjj.cq.gov.cn,
targets.csv), identifiers (t05, o012, cq-2024-14-m3.1.2, description_en, a SHA-256), numbers and units,
acronyms (SRDI SMEs, CC BY 4.0) and a single word (a proper name or technical term: Pagefind, GitHub, which
WCAG exempts). What is not shown is not read: <script>, <style>, <template> and the <head> but its <title>.

This check is written apart from scripts/site/parts.py, which marks the runs of generated text: it also
holds the hand-written pages, the phrasebook, the theme and everything MkDocs adds.
"""
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts.package import LANGUAGES

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
NOT_READ = {"script", "style", "template"}
CODE = {"code", "pre", "kbd", "samp"}
READ_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder")
# Elements that end a run of text: what a reader takes as a separate piece (inline elements do not).
BLOCKS = {"address", "article", "aside", "blockquote", "body", "br", "button", "caption", "dd", "details", "div",
          "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
          "html", "label", "li", "main", "nav", "ol", "option", "p", "section", "select", "summary", "table",
          "tbody", "td", "text", "th", "thead", "title", "tr", "ul", "svg", "desc", "g", "tspan"}

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Chinese characters, with the Chinese punctuation and digits between them: one run, as a reader meets it.
CHINESE_RUN = re.compile(rf"[{_HAN}](?:[{_HAN}\u3000-\u303f\uff00-\uffef0-9]*[{_HAN}])?")
NOT_WORDS = re.compile(r"https?://[!-~]+|[!-~]+@[!-~]+|[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.[A-Za-z][A-Za-z0-9_-]*")
TOKEN = re.compile(r"[\w'’-]+")
LATIN_WORD = re.compile(r"[A-Za-z'’-]*[A-Za-z][A-Za-z'’-]*[A-Za-z][A-Za-z'’-]*")
ACRONYM = re.compile(r"[A-Z]+s?")  # SRDI, SMEs, BY
# What may stand between two words of one phrase: spaces, digits and ASCII punctuation, typographic quotes.
BETWEEN_WORDS = re.compile(r"[\s0-9!-/:-@\[-`{-~‘’“”–—]*")

# One page of every type, in each language (the 404 page, at the root, in both at once).
PAGE_TYPES = ["index.html", "targets/index.html", "targets/cq-2024-14-t01/index.html",
              "targets/cq-2024-14-t04/index.html", "measures/index.html", "measures/cq-2024-14-m3.1.2/index.html",
              "agencies/index.html", "agencies/matrix/index.html",
              "agencies/cq-economy-information-commission/index.html", "text/index.html", "glossary/index.html",
              "glossary/yuqima/index.html", "data/index.html", "data/use/index.html", "data/dictionary/index.html",
              "data/changelog/index.html", "data/versions/index.html", "about/index.html",
              "about/licence/index.html", "about/contributing/index.html"]


class Runs(HTMLParser):
    """The page's text as (language, text, where) runs: text in one effective language, not cut by a block."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str | None]] = []  # (tag, its lang attribute or None)
        self.runs: list[tuple[str, str, str]] = []
        self.current: list[str] | None = None  # [lang, text, where] of the run being read

    def language(self) -> str:
        return next((lang for _, lang in reversed(self.open) if lang is not None), "")

    def unread(self) -> bool:
        tags = [tag for tag, _ in self.open]
        in_head = "head" in tags and "title" not in tags
        return in_head or any(tag in NOT_READ or tag in CODE for tag in tags)

    def where(self) -> str:
        return "/".join(tag for tag, _ in self.open[-4:])

    def end_run(self) -> None:
        if self.current and self.current[1].strip():
            self.runs.append((self.current[0], " ".join(self.current[1].split()), self.current[2]))
        self.current = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in BLOCKS or tag in NOT_READ or tag in CODE or "lang" in attributes:
            self.end_run()
        if tag not in VOID:
            self.open.append((tag, attributes.get("lang")))
        if self.unread():
            return
        own = attributes.get("lang") or self.language()
        self.runs += [(own, attributes[name], f"{self.where()}@{name}") for name in READ_ATTRIBUTES
                      if attributes.get(name)]

    def handle_endtag(self, tag):
        tags = [open_tag for open_tag, _ in self.open]
        if tag in VOID or tag not in tags:
            return
        at = len(tags) - 1 - tags[::-1].index(tag)
        closed = self.open[at:]
        if tag in BLOCKS or tag in NOT_READ or tag in CODE or any(lang is not None for _, lang in closed):
            self.end_run()
        del self.open[at:]

    def handle_data(self, data):
        if self.unread():
            return
        lang = self.language()
        if self.current and self.current[0] != lang:
            self.end_run()
        if self.current is None:
            self.current = [lang, "", self.where()]
        self.current[1] += data


def english_phrases(text: str) -> list[str]:
    """Each English phrase in a Chinese text: two words or more standing together (see the module's rule)."""
    tokens = [(m.start(), m.end(), m[0]) for m in TOKEN.finditer(NOT_WORDS.sub(lambda m: "\0" * len(m[0]), text))]
    phrases, phrase = [], []
    for start, end, token in tokens:
        if not LATIN_WORD.fullmatch(token):
            if not token.isdigit():  # an identifier ends a phrase; a number stands inside one
                phrases.append(phrase)
                phrase = []
            continue
        if phrase and not BETWEEN_WORDS.fullmatch(text[phrase[-1][1]:start]):
            phrases.append(phrase)
            phrase = []
        phrase.append((start, end, token))
    phrases.append(phrase)
    return [text[p[0][0]:p[-1][1]] for p in phrases
            if len(p) >= 2 and not all(ACRONYM.fullmatch(token) for _, _, token in p)]


def unmarked(html: str) -> list[tuple[str, str, str, str]]:
    """(effective language, unmarked run, the text it stands in, where) for every problem of a page."""
    parser = Runs()
    parser.feed(html)
    parser.end_run()
    found = []
    for lang, text, where in parser.runs:
        if lang.startswith("zh"):
            found += [(lang, phrase, text, where) for phrase in english_phrases(text)]
        else:
            found += [(lang, run, text, where) for run in CHINESE_RUN.findall(text)]
    return found


def pages(site: Path) -> list[Path]:
    """Every page of the site (the release folders' files and Pagefind's fragments are no pages of it)."""
    return sorted(p for p in site.rglob("*.html") if not {"downloads", "pagefind"} & set(p.relative_to(site).parts))


@pytest.mark.parametrize(("html", "expected"), [
    ('<html lang="en"><body><p>The notice (渝府办发〔2024〕14号) as data</p></body></html>', ["渝府办发〔2024〕14号"]),
    ('<html lang="en"><body><p>The notice (<span lang="zh">渝府办发〔2024〕14号</span>)</p></body></html>', []),
    ('<html lang="en"><body><a title="中文" href="/">Home</a></body></html>', ["中文"]),
    ('<html lang="en"><body><p>Run <code>grep 目标 x</code></p><script>var a = "目标"</script></body></html>', []),
    ('<html lang="zh"><head><title>Targets 目标</title></head><body></body></html>', []),
    ('<html lang="en"><head><title>目标</title></head><body></body></html>', ["目标"]),
    ('<html lang="zh"><body><p>官方媒体曾用 Chongqing Local Financial Bureau。</p></body></html>',
     ["Chongqing Local Financial Bureau"]),
    ('<html lang="zh"><body><p>官方媒体曾用 <a href="x">Chongqing Local</a> Financial Bureau。</p></body></html>',
     ["Chongqing Local Financial Bureau"]),
    ('<html lang="zh"><body><p>曾用 <span lang="en">Chongqing Local Financial Bureau</span>。</p></body></html>', []),
    ('<html lang="zh"><body><p>Release 1.0.0 keeps its placeholder</p></body></html>',
     ["Release 1.0.0 keeps its placeholder"]),
    ('<html lang="zh"><body><p>见 tjj.cq.gov.cn 与 https://example.org/a-b/c_d.html；Pagefind、GitHub；'
     'CC BY 4.0；SRDI SMEs；t05 o012 cq-2024-14-m3.1.2 description_en</p></body></html>', []),
    ('<html lang="zh"><body><div lang="en"><p>English <span lang="zh">目标</span> here</p></div></body></html>', []),
])
def test_the_check_finds_what_is_unmarked_and_only_that(html, expected):
    assert [run for _, run, _, _ in unmarked(html)] == expected


def test_every_page_type_in_both_languages_is_checked(built_site):
    checked = {p.relative_to(built_site).as_posix() for p in pages(built_site)}
    wanted = {f"{'' if lang == LANGUAGES[0] else lang + '/'}{page}" for lang in LANGUAGES for page in PAGE_TYPES}
    assert wanted | {"404.html"} <= checked
    assert len(checked) > 2 * len(PAGE_TYPES)  # every page is checked, not only one of each type


def test_no_page_has_an_unmarked_run_of_the_other_language(built_site):
    problems = [f"{page.relative_to(built_site)} ({lang}, {where}): {run!r} in {text[:120]!r}"
                for page in pages(built_site)
                for lang, run, text, where in unmarked(page.read_text(encoding="utf-8"))]
    assert problems == [], f"{len(problems)} unmarked runs:\n" + "\n".join(problems[:40])
