"""Blocks for the About page: the source documents with where each fact comes from, and the attachment."""
from scripts.site import escape
from scripts.site.markdown import Safe, cell, en, table, zh
from scripts.site.model import Site
from scripts.site.phrases import t

# (field of documents.csv, phrase that labels it, field holding the URL the fact was read on, or "" for the text itself)
FACTS = [
    ("title_zh", "fact_title_zh", ""),
    ("title_en", "fact_title_en", ""),
    ("doc_number", "fact_doc_number", "official_url"),
    ("index_number", "fact_index_number", "official_url"),
    ("issuer_zh", "fact_issuer_zh", ""),
    ("signed_date", "fact_signed_date", ""),
    ("published_date", "fact_published_date", "official_url"),
    ("reported_issued_date", "fact_reported_issued_date", "reported_issued_source_url"),
    ("topic_zh", "fact_topic_zh", "official_url"),
    ("genre_zh", "fact_genre_zh", "official_url"),
    ("capture_page_date", "fact_capture_page_date", "capture_url"),
]
LINKS = [("official_url", "link_official_url"), ("interpretation_url", "link_interpretation_url"),
         ("capture_url", "link_capture_url")]
ATTACHMENT_STATUS = {"missing": "attachment_status_missing", "included": "attachment_status_included"}


def sources(site: Site, lang: str) -> str:
    blocks = []
    for document in site.documents:
        headers = [t("fact", lang), t("value", lang), t("source_of_fact", lang)]
        rows = [[t(label, lang), value(document, field, lang), source(document, url_field, lang)]
                for field, label, url_field in FACTS]
        rows += [[t(label, lang), Safe(escape.external_link(document[field])), "—"]
                 for field, label in LINKS if document[field]]
        blocks.append(table(headers, rows, lang))
    return "\n\n".join(blocks)


def value(document: dict, field: str, lang: str):
    if field.endswith("_zh"):
        return zh(document[field], lang)
    return en(document[field], lang) if field.endswith("_en") else document[field]


def source(document: dict, url_field: str, lang: str):
    if not url_field:
        return t("the_text", lang)
    return Safe(escape.external_link(document[url_field])) if document[url_field] else ""


def attachment(site: Site, lang: str) -> str:
    lines = []
    for document in site.documents:
        if not document["attachment_title_zh"]:
            continue
        status = document["attachment_status"]
        shown = t(ATTACHMENT_STATUS[status], lang) if status else cell(status, lang)
        title = zh(document["attachment_title_zh"], lang)
        english = f" ({cell(document['attachment_title_en'], lang)})" if lang == "en" else ""
        lines.append(f"- **{t('attachment', lang)}** 《{title}》{english}: {shown}")
    return "\n".join(lines)
