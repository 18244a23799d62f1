"""Blocks for the About page: the source documents with where each fact comes from, and the attachment."""
from scripts.pages import escape
from scripts.pages.labels import LANGUAGES
from scripts.pages.markdown import Safe, cell, en, table, zh
from scripts.pages.model import Site

# (field, label zh, label en, field holding the URL the fact was read on, or "" for the text itself)
FACTS = [
    ("title_zh", "标题", "Title", ""),
    ("title_en", "标题（英译）", "Title (our translation)", ""),
    ("doc_number", "发文字号", "Document number", "official_url"),
    ("index_number", "索引号", "Index number", "official_url"),
    ("issuer_zh", "发文机关", "Issuer", ""),
    ("signed_date", "成文日期", "Date signed", ""),
    ("published_date", "发布日期", "Date published", "official_url"),
    ("reported_issued_date", "媒体报道的印发日期", "Issue date reported by the press", "reported_issued_source_url"),
    ("topic_zh", "主题分类", "Topic", "official_url"),
    ("genre_zh", "体裁分类", "Genre", "official_url"),
    ("capture_page_date", "存档网页日期", "Date of the captured page", "capture_url"),
]
LINKS = [
    ("official_url", "官方页面", "Official page"),
    ("interpretation_url", "官方政策解读", "Official interpretation"),
    ("capture_url", "存档并据以录入全文的网页（转载）", "Page captured for the full text (a reprint)"),
]
THE_TEXT = {"zh": "原文", "en": "the text itself"}
ATTACHMENT = {
    "missing": ("缺失：通知列出了附件，但存档原文和官方页面均无其内容；本站不作补写。",
                "missing: the notice names it, but its content is neither in the stored text nor on the official "
                "pages; we do not reconstruct it."),
    "included": ("已收录。", "included."),
}


def sources(site: Site, lang: str) -> str:
    blocks = []
    for document in site.documents:
        headers = ["项目" if lang == "zh" else "Fact", "内容" if lang == "zh" else "Value",
                   "出处" if lang == "zh" else "Source"]
        rows = [[label(zh_label, en_label, lang), value(document, field, lang), source(document, url_field, lang)]
                for field, zh_label, en_label, url_field in FACTS]
        rows += [[label(zh_label, en_label, lang), Safe(escape.external_link(document[field])), "—"]
                 for field, zh_label, en_label in LINKS if document[field]]
        blocks.append(table(headers, rows, lang))
    return "\n\n".join(blocks)


def label(zh_label: str, en_label: str, lang: str) -> str:
    return zh_label if lang == "zh" else en_label


def value(document: dict, field: str, lang: str):
    if field.endswith("_zh"):
        return zh(document[field], lang)
    return en(document[field], lang) if field.endswith("_en") else document[field]


def source(document: dict, url_field: str, lang: str):
    if not url_field:
        return THE_TEXT[lang]
    return Safe(escape.external_link(document[url_field])) if document[url_field] else ""


def attachment(site: Site, lang: str) -> str:
    lines = []
    for document in site.documents:
        if not document["attachment_title_zh"]:
            continue
        status = ATTACHMENT.get(document["attachment_status"])
        shown = status[LANGUAGES.index(lang)] if status else cell(document["attachment_status"], lang)
        title = zh(document["attachment_title_zh"], lang)
        english = f" ({cell(document['attachment_title_en'], lang)})" if lang == "en" else ""
        missing = "附件" if lang == "zh" else "Attachment"
        lines.append(f"- **{missing}** 《{title}》{english}: {shown}")
    return "\n".join(lines)
