"""Language of parts (WCAG 3.1.2): a run of the other language inside a text is marked with its `lang`.

A page is in one language; the text it shows often quotes the other one: a document number
(渝府办发〔2024〕14号) or a term in an English note, an agency's English name in a Chinese one. Marked, a
screen reader switches voice for the run and the browser picks Chinese glyphs for Chinese. `marked()`
escapes a text (as escape.text does) and wraps each such run in <span lang="…">:

- in English (or any context but Chinese): every run of Chinese characters, with the Chinese punctuation and
  the digits inside or attached to it (8.6万家, 第三部分（五）1);
- in Chinese: every English phrase, at least two Latin words of two letters or more, not all of them
  acronyms ("Chongqing Local Financial Supervision and Administration Bureau"). Not a single word (a product
  or proper name, which WCAG exempts), not a group of acronyms (CC BY 4.0, SRDI SMEs), and never an address,
  a domain, a file name or a code (https://…, tjj.cq.gov.cn, datapackage.json, cq-2024-14-m3.1.2, o012),
  which belong to no language.

tests/test_language_of_parts.py holds every built page to the same rule, written apart from this one.
"""
import re

from scripts.site import escape

CHINESE, ENGLISH = "zh", "en"

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_MARKS = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"  # 、。〔〕《》（）：，…
HAN = re.compile(f"[{_HAN}]")  # one Chinese character
# Chinese characters, with the Chinese marks and digits between them, and digits attached on either side.
CHINESE_RUN = re.compile(rf"[{_CJK_MARKS}]*[0-9.]*[{_HAN}](?:[{_HAN}{_CJK_MARKS}0-9.%]*[{_HAN}{_CJK_MARKS}])?[0-9]*")

# Latin text: words, numbers and the ASCII punctuation and typographic quotes between them.
LATIN_STRETCH = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ,.;:!?'\"()&/+%\-–—‘’“”]*[A-Za-z0-9.!?)'\"’”]|[A-Za-z]")
# Not language: web and e-mail addresses, which end a phrase; domains and file names, which are no words of it.
ADDRESS = re.compile(r"https?://[!-~]+|[!-~]+@[!-~]+")
NO_WORDS = re.compile(r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.[A-Za-z][A-Za-z0-9_-]*")  # tjj.cq.gov.cn, targets.csv
TOKEN = re.compile(r"[\w'’-]+")
WORD = re.compile(r"[A-Za-z'’-]*[A-Za-z][A-Za-z'’-]*[A-Za-z][A-Za-z'’-]*")  # letters only: not an ID (cq-2024-14, t05)
ACRONYM = re.compile(r"[A-Z]+s?")  # SRDI, SMEs
CLOSING = {")": "(", '"': '"', "”": "“", "’": "‘"}
OPENING = {opening: closing for closing, opening in CLOSING.items()}


def marked(value, lang: str) -> str:
    """`value` as inert text for a page in `lang`, with each run of the other language in a <span lang>."""
    plain = " ".join(str(value).split())
    return "".join(_span(piece, other) if other else escape.characters(piece) for piece, other in runs(plain, lang))


def runs(text: str, lang: str) -> list[tuple[str, str | None]]:
    """The text cut into pieces, each with the language it must be marked with, or None (the context's)."""
    found = _english_runs(text) if lang == CHINESE else _chinese_runs(text)
    pieces, at = [], 0
    for start, end, other in found:
        pieces += [(text[at:start], None)] if start > at else []
        pieces.append((text[start:end], other))
        at = end
    return pieces + ([(text[at:], None)] if at < len(text) or not pieces else [])


def is_english_phrase(text: str) -> bool:
    """Two Latin words of two letters or more, not all acronyms: English, not a name or a code."""
    words = [token for token in TOKEN.findall(NO_WORDS.sub(" ", ADDRESS.sub(" ", text))) if WORD.fullmatch(token)]
    return len(words) >= 2 and not all(ACRONYM.fullmatch(word) for word in words)


def _chinese_runs(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), CHINESE) for m in CHINESE_RUN.finditer(text)]


def _english_runs(text: str) -> list[tuple[int, int, str]]:
    masked = ADDRESS.sub(lambda address: "\0" * len(address[0]), text)
    return [run for stretch in LATIN_STRETCH.finditer(masked) for run in _phrase(text, stretch.start(), stretch.end())]


def _phrase(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The English phrase in text[start:end], trimmed to start at a letter and not end on an unopened bracket."""
    while start < end and not text[start].isalnum() and not (text[start] in OPENING and
                                                               OPENING[text[start]] in text[start + 1:end]):
        start += 1
    while end > start and (text[end - 1] in " ,;:–—-/&+" or
                           (text[end - 1] in CLOSING and CLOSING[text[end - 1]] not in text[start:end - 1])):
        end -= 1
    return [(start, end, ENGLISH)] if is_english_phrase(text[start:end]) else []


def _span(piece: str, lang: str) -> str:
    return f'<span lang="{lang}">{escape.characters(piece)}</span>'


# In Markdown written by hand: code (fenced or inline) and HTML tags, left as they are.
_MARKDOWN_CODE = re.compile(r"^(```|~~~).*?^\1|`[^`\n]+`|<[^>\n]+>", re.S | re.M)
# A line break inside a paragraph or list item (not before a new item, heading or blank line): a phrase may run across it.
_SOFT_BREAK = re.compile(r"\n(?=[ \t]*[^\s#>*+|-])")


def markdown_in(markdown: str, written: str, lang: str) -> str:
    """Markdown written in one language (a changelog), for a page in `lang`: every run of the other language
    outside code marked with its language, and the whole marked as `written` on a page in another language
    (md_in_html keeps it Markdown)."""
    pieces, at = [], 0
    for code in _MARKDOWN_CODE.finditer(markdown):
        pieces += [_others_marked(markdown[at:code.start()], written), code[0]]
        at = code.end()
    shown = "".join(pieces) + _others_marked(markdown[at:], written)
    return shown if lang == written else f'<div lang="{written}" markdown>\n\n{shown}\n\n</div>'


def _others_marked(markdown: str, written: str) -> str:
    """Markdown prose in `written`, each run of the other language in a <span lang> (left unescaped: Markdown)."""
    if written != CHINESE:
        return CHINESE_RUN.sub(lambda run: f'<span lang="{CHINESE}">{run[0]}</span>', markdown)
    found = _english_runs(_SOFT_BREAK.sub(" ", markdown))  # the same length: the runs' places hold in markdown
    pieces, at = [], 0
    for start, end, other in found:
        pieces += [markdown[at:start], f'<span lang="{other}">{markdown[start:end]}</span>']
        at = end
    return "".join(pieces) + markdown[at:]


def prose_markdown(markdown: str, lang: str) -> str:
    """A line of Markdown prose with `code` in it (the problem catalogue's texts), for a page in `lang`: the
    code left as it is, the rest as inert text with each run of the other language marked."""
    pieces, at = [], 0
    for code in _MARKDOWN_CODE.finditer(markdown):
        pieces += [_marked_keeping_spaces(markdown[at:code.start()], lang), code[0]]
        at = code.end()
    return "".join(pieces) + _marked_keeping_spaces(markdown[at:], lang)


def _marked_keeping_spaces(text: str, lang: str) -> str:
    core = text.strip()
    if not core:
        return text
    start = text.index(core)
    return text[:start] + marked(core, lang) + text[start + len(core):]
