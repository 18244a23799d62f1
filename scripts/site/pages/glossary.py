"""One page per named programme, platform or designation (and per recurring word of the termbase), and the glossary index."""
from collections.abc import Iterator

from scripts.site import names, site_map
from scripts.site.markdown import bullets, cell, en, facts, paragraph, table, variants, zh
from scripts.site.model import Site
from scripts.site.phrases import t


def pages(site: Site, lang: str) -> Iterator[tuple[str, str]]:
    """(page, Markdown): the glossary and a page per term."""
    yield site_map.GLOSSARY, index_page(site, lang)
    for term in site.terms:
        yield site_map.term_page(term), term_page(site, term, lang)


def index_page(site: Site, lang: str) -> str:
    """The names, by kind; then, apart, the recurring words whose one English the termbase also holds."""
    headers = [t("term", lang), t("chinese", lang), t("kind", lang), t("first_used", lang)]
    rows = [[names.term_link(term, site_map.GLOSSARY, lang), zh(term["term_zh"], lang),
             kind(site, term, lang), first_use(site, term, site_map.GLOSSARY, lang)]
            for term in site.named_terms]
    words = [[names.term_link(term, site_map.GLOSSARY, lang), other_form(term, lang), first_use(site, term, site_map.GLOSSARY, lang)]
             for term in site.vocabulary]
    blocks = [f"# {t('glossary_title', lang)}", t("glossary_intro", lang), table(headers, rows, lang)]
    if words:
        other = t("english" if lang == "zh" else "chinese", lang)
        blocks += [f"## {t('vocabulary_title', lang)}", t("vocabulary_intro", lang),
                   table([t("term", lang), other, t("first_used", lang)], words, lang)]
    return "\n\n".join(blocks)


def other_form(term: dict, lang: str):
    """A recurring word is listed for its one English: beside the word on Chinese pages, the Chinese on English ones."""
    return en(term["term_en"], lang) if lang == "zh" else zh(term["term_zh"], lang)


def kind(site: Site, term: dict, lang: str) -> str:
    return site.package.enum_label("terms", "kind", term["kind"], lang)


def first_use(site: Site, term: dict, page: str, lang: str):
    if not term["first_measure_id"]:
        return t("preamble", lang)
    return names.measure_link(site, site.measure[term["first_measure_id"]], page, lang)


def term_page(site: Site, term: dict, lang: str) -> str:
    page = site_map.term_page(term)
    own, other = ("explanation_zh", "explanation_en") if lang == "zh" else ("explanation_en", "explanation_zh")
    term_facts = facts([
        [t("chinese", lang), zh(term["term_zh"], lang)],
        [t("english", lang), en(term["term_en"], lang)],
        [t("english_variants", lang), variants(term, lang)],
        [t("kind", lang), kind(site, term, lang)],
        [t("first_used", lang), first_use(site, term, page, lang)],
    ], lang)
    used_in = [names.measure_link(site, m, page, lang) for m in site.measures_using(term)]
    other_text = zh(term[other], lang) if lang == "en" else en(term[other], lang)
    nowhere = t("preamble", lang) if not term["first_measure_id"] else t("none", lang)
    return "\n\n".join([
        f"# {cell(names.term_name(term, lang), lang)}",
        term_facts,
        f"## {t('explanation', lang)}",
        paragraph(term[own], lang),
        f"## {t('used_in', lang)}",
        bullets(used_in, lang) if used_in else nowhere,
        f"## {t('explanation_other', lang)}",
        f"<p>{other_text}</p>",
    ])
