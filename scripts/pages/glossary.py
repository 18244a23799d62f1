"""One page per named programme, platform or designation, and the glossary index."""
from pathlib import Path

from scripts.pages import names
from scripts.pages.labels import LANGUAGES, enum, t
from scripts.pages.markdown import bullets, cell, en, paragraph, table, write, zh
from scripts.pages.model import Site

TITLE = {"zh": "术语表", "en": "Glossary"}
INTRO = {
    "zh": "方案使用的计划、平台、战略、称号等专有名称。说明由本站撰写，依据方案本身，不是原文引文。",
    "en": "The named programmes, platforms, strategies and designations the plan uses. The explanations are ours, "
          "based on what the plan itself says; they are not quotations.",
}


def write_glossary(site: Site, docs_dir: Path) -> None:
    for lang in LANGUAGES:
        write(docs_dir, names.GLOSSARY, lang, index_page(site, lang))
        for term in site.terms:
            write(docs_dir, names.term_page(term), lang, term_page(site, term, lang))


def index_page(site: Site, lang: str) -> str:
    headers = [t("term", lang), "中文" if lang == "zh" else "Chinese", t("kind", lang), t("first_used", lang)]
    rows = [[names.term_link(term, names.GLOSSARY, lang), zh(term["term_zh"], lang),
             enum("kind", term["kind"], lang), first_use(site, term, names.GLOSSARY, lang)]
            for term in site.terms]
    return "\n\n".join([f"# {TITLE[lang]}", INTRO[lang], table(headers, rows, lang)])


def first_use(site: Site, term: dict, page: str, lang: str):
    if not term["first_measure_id"]:
        return t("preamble", lang)
    return names.measure_link(site, site.measure[term["first_measure_id"]], page, lang)


def term_page(site: Site, term: dict, lang: str) -> str:
    page = names.term_page(term)
    own, other = ("explanation_zh", "explanation_en") if lang == "zh" else ("explanation_en", "explanation_zh")
    facts = table(["", ""], [
        ["中文" if lang == "zh" else "Chinese", zh(term["term_zh"], lang)],
        ["英文" if lang == "zh" else "English", en(term["term_en"], lang)],
        [t("kind", lang), enum("kind", term["kind"], lang)],
        [t("first_used", lang), first_use(site, term, page, lang)],
    ], lang)
    used_in = [names.measure_link(site, m, page, lang) for m in site.measures_using(term)]
    other_text = zh(term[other], lang) if lang == "en" else en(term[other], lang)
    nowhere = t("preamble", lang) if not term["first_measure_id"] else t("none", lang)
    return "\n\n".join([
        f"# {cell(names.term_name(term, lang), lang)}",
        facts,
        f"## {t('explanation', lang)}",
        paragraph(term[own], lang),
        f"## {t('used_in', lang)}",
        bullets(used_in, lang) if used_in else nowhere,
        f"## {t('explanation_other', lang)}",
        f"<p>{other_text}</p>",
    ])
