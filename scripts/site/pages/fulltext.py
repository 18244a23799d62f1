"""The full text, paragraph by paragraph, each with its paragraph_id as anchor and the English alongside."""
from collections.abc import Iterator

from scripts.site import escape, site_map
from scripts.site.markdown import cell, link
from scripts.site.model import Site
from scripts.site.phrases import t

# Heading depth on the page by the level of the heading's measure (the page title is h1).
DEPTH = {"part": 2, "item": 3, "subitem": 4}


def pages(site: Site, lang: str) -> Iterator[tuple[str, str]]:
    yield site_map.FULL_TEXT, page(site, lang)


def page(site: Site, lang: str) -> str:
    first = site.paragraphs[0]["paragraph_id"]
    blocks = [f"# {t('full_text_title', lang)}", t("full_text_intro", lang, first=first), attachment_notes(site, lang)]
    blocks += [paragraph(site, p, lang) for p in site.paragraphs]
    return "\n\n".join(b for b in blocks if b)


def paragraph(site: Site, row: dict, lang: str) -> str:
    """Original first, translation second; a heading becomes a heading (anchored the same way) with its page linked."""
    anchor = escape.attribute(row["paragraph_id"])
    chinese = f'<p lang="zh">{cell(row["text_zh"], "zh")}</p>'  # each text in its language's element
    english = f'<p lang="en" class="translation">{cell(row["text_en"], "en")}</p>'
    if row["kind"] != "heading" or not row["measure_id"]:
        translation = f"<div>{english}{note(row, lang)}</div>" if row[f"note_{lang}"] else english
        return f'<div class="paragraph" id="{anchor}">{chinese}{translation}</div>'
    measure = site.measure[row["measure_id"]]
    shown, other = (row["text_zh"], english) if lang == "zh" else (row["text_en"], chinese)
    to_page = link(t("heading_page", lang), site_map.FULL_TEXT, site_map.measure_page(measure), lang)
    return f"{'#' * DEPTH[measure['level']]} {cell(shown, lang)} {{#{anchor}}}\n\n{other}{note(row, lang)}\n\n{to_page}"


def note(row: dict, lang: str) -> str:
    """Our note on how the line is translated, in the page's language, under the translation; or nothing."""
    text = row[f"note_{lang}"]
    return f'<p class="translation-note">{t("translation_note", lang, note=cell(text, lang))}</p>' if text else ""


def attachment_notes(site: Site, lang: str) -> str:
    notes = []
    for document in site.documents:
        if document["attachment_status"] == "missing":
            title = document["attachment_title_zh"] if lang == "zh" else document["attachment_title_en"]
            notes.append(f'!!! warning ""\n    {t("attachment_missing", lang, title=cell(title, lang))}')
    return "\n\n".join(notes)
