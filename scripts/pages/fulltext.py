"""The full text, paragraph by paragraph, each with its paragraph_id as anchor and the English alongside."""
from pathlib import Path

from scripts.pages import escape, names
from scripts.pages.labels import LANGUAGES
from scripts.pages.markdown import cell, link, write
from scripts.pages.model import Site

TITLE = {"zh": "全文", "en": "Full text"}
INTRO = {
    "zh": "通知和方案的全文，逐段照录存档原文，每段右侧（窄屏时在下方）为本站的英文译文（非官方）。"
          "每段都有固定锚点（段落编号），可直接引用，例如 `#{first}`。",
    "en": "The notice and the plan in full, paragraph by paragraph: the Chinese exactly as in the stored source, "
          "with our unofficial English translation beside it (below it on narrow screens). Each paragraph has a "
          "stable anchor, its paragraph ID, for citing, e.g. `#{first}`.",
}
ATTACHMENT_MISSING = {
    "zh": "通知列出的附件《{title}》的内容不在存档原文中，官方页面上也未找到，本站将其标为缺失，不作补写。",
    "en": "The content of the attachment the notice names, {title}, is not in the stored text and was not found "
          "on the official pages: we mark it as missing and do not reconstruct it.",
}
HEADING_PAGE = {"zh": "本条目页面 →", "en": "Page of this heading →"}
# Heading depth on the page by the level of the heading's measure (the page title is h1).
DEPTH = {"part": 2, "item": 3, "subitem": 4}


def write_full_text(site: Site, docs_dir: Path) -> None:
    for lang in LANGUAGES:
        write(docs_dir, names.FULL_TEXT, lang, page(site, lang))


def page(site: Site, lang: str) -> str:
    first = site.paragraphs[0]["paragraph_id"]
    blocks = [f"# {TITLE[lang]}", INTRO[lang].format(first=first), attachment_notes(site, lang)]
    blocks += [paragraph(site, p, lang) for p in site.paragraphs]
    return "\n\n".join(b for b in blocks if b)


def paragraph(site: Site, row: dict, lang: str) -> str:
    """Original first, translation second; a heading becomes a heading (anchored the same way) with its page linked."""
    anchor = escape.attribute(row["paragraph_id"])
    chinese = f'<p lang="zh">{cell(row["text_zh"], lang)}</p>'
    english = f'<p lang="en" class="translation">{cell(row["text_en"], lang)}</p>'
    if row["kind"] != "heading" or not row["measure_id"]:
        return f'<div class="paragraph" id="{anchor}">{chinese}{english}</div>'
    measure = site.measure[row["measure_id"]]
    shown, other = (row["text_zh"], english) if lang == "zh" else (row["text_en"], chinese)
    to_page = link(HEADING_PAGE[lang], names.FULL_TEXT, names.measure_page(measure), lang)
    return f"{'#' * DEPTH[measure['level']]} {cell(shown, lang)} {{#{anchor}}}\n\n{other}\n\n{to_page}"


def attachment_notes(site: Site, lang: str) -> str:
    notes = []
    for document in site.documents:
        if document["attachment_status"] == "missing":
            title = document["attachment_title_zh"] if lang == "zh" else document["attachment_title_en"]
            notes.append(f'!!! warning ""\n    {ATTACHMENT_MISSING[lang].format(title=cell(title, lang))}')
    return "\n\n".join(notes)
