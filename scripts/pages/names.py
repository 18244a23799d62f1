"""Where each generated page lives, and how a heading, unit or term is named in each language."""
from functools import partial

from scripts.pages.markdown import Safe, link
from scripts.pages.model import Site
from scripts.pages.phrases import t

HOME = "index"
TARGETS = "targets/index"
MEASURES = "measures/index"
AGENCIES = "agencies/index"
MATRIX = "agencies/matrix"
FULL_TEXT = "text/index"
GLOSSARY = "glossary/index"
DICTIONARY = "data/dictionary"

# The rows that have a page of their own: resource → (folder of the pages, key field naming each page).
ROW_PAGES = {"measures": ("measures", "measure_id"), "agencies": ("agencies", "agency_id"),
             "terms": ("glossary", "term_id"), "targets": ("targets", "target_id")}
# How such a row is named on a page: resource → the stem of its name_zh / name_en pair (measures: below).
ROW_NAMES = {"agencies": "name", "terms": "term"}


def row_page(resource: str, row: dict) -> str:
    folder, key = ROW_PAGES[resource]
    return f"{folder}/{row[key]}"


def row_name(resource: str, row: dict, lang: str) -> str:
    return row[f"{ROW_NAMES[resource]}_{lang}"]


def row_link(resource: str, row: dict, from_page: str, lang: str) -> Safe:
    return link(row_name(resource, row, lang), from_page, row_page(resource, row), lang)


measure_page = partial(row_page, "measures")
agency_page, agency_name, agency_link = (partial(f, "agencies") for f in (row_page, row_name, row_link))
term_page, term_name, term_link = (partial(f, "terms") for f in (row_page, row_name, row_link))
target_page = partial(row_page, "targets")


def measure_name(site: Site, measure: dict, lang: str) -> str:
    """三(一)2 围绕产业链部署创新链 / 3.1.2 Deploy innovation chains around industrial chains."""
    return f"{measure_number(site, measure, lang)} {measure[f'title_{lang}']}"


def measure_number(site: Site, measure: dict, lang: str) -> str:
    return site.label_zh(measure) if lang == "zh" else site.number(measure)


def measure_link(site: Site, measure: dict, from_page: str, lang: str, anchor: str = "") -> Safe:
    return link(measure_name(site, measure, lang), from_page, measure_page(measure), lang, anchor)


def part_names(site: Site, measures: list[dict], lang: str) -> str:
    """The parts these headings belong to, in reading order, each named once: 第二部分 / part 2."""
    named = [t("part_number", lang, label=part["label_zh"], number=site.number(part))
             for part in map(site.part_of, measures)]
    return t("list_separator", lang).join(dict.fromkeys(named))


def years(site: Site, document_id: str | None = None) -> str:
    """The years the dated targets are due: 2027, or 2025/2027."""
    return "/".join(site.target_years(document_id))
