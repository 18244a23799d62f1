"""Where each generated page lives, and how a heading, unit or term is named in each language."""
from scripts.pages.markdown import Safe, link, zh
from scripts.pages.model import Site

HOME = "index"
TARGETS = "targets/index"
MEASURES = "measures/index"
AGENCIES = "agencies/index"
MATRIX = "agencies/matrix"
FULL_TEXT = "text/index"
GLOSSARY = "glossary/index"
DICTIONARY = "data/dictionary"
DOWNLOADS = "data/index"


def measure_page(measure: dict) -> str:
    return f"measures/{measure['measure_id']}"


def agency_page(agency: dict) -> str:
    return f"agencies/{agency['agency_id']}"


def term_page(term: dict) -> str:
    return f"glossary/{term['term_id']}"


def measure_name(site: Site, measure: dict, lang: str) -> str:
    """三(一)2 围绕产业链部署创新链 / 3.1.2 Deploy innovation chains around industrial chains."""
    if lang == "zh":
        return f"{site.label_zh(measure)} {measure['title_zh']}"
    return f"{site.number(measure)} {measure['title_en']}"


def measure_number(site: Site, measure: dict, lang: str) -> str:
    return site.label_zh(measure) if lang == "zh" else site.number(measure)


def agency_name(agency: dict, lang: str) -> str:
    return agency["name_zh"] if lang == "zh" else agency["name_en"]


def term_name(term: dict, lang: str) -> str:
    return term["term_zh"] if lang == "zh" else term["term_en"]


def measure_link(site: Site, measure: dict, from_page: str, lang: str, anchor: str = "") -> Safe:
    return link(measure_name(site, measure, lang), from_page, measure_page(measure), lang, anchor)


def agency_link(agency: dict, from_page: str, lang: str) -> Safe:
    return link(agency_name(agency, lang), from_page, agency_page(agency), lang)


def term_link(term: dict, from_page: str, lang: str) -> Safe:
    return link(term_name(term, lang), from_page, term_page(term), lang)


def bilingual_measure(site: Site, measure: dict, lang: str) -> Safe:
    """On English pages the Chinese title follows, since it is what a reader will find in the text."""
    if lang == "zh":
        return Safe("")
    return Safe(f" ({zh(measure['title_zh'], lang)})")
