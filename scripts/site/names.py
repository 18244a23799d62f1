"""How a heading, unit or term is named and linked on a page, in each language (where pages live: site_map)."""
from functools import partial

from scripts.site import site_map
from scripts.site.markdown import Safe, link
from scripts.site.model import Site
from scripts.site.phrases import t

# How a row with a page is named: resource → the stem of its name_zh / name_en pair (measures: below).
ROW_NAMES = {"agencies": "name", "terms": "term"}


def row_name(resource: str, row: dict, lang: str) -> str:
    return row[f"{ROW_NAMES[resource]}_{lang}"]


def row_link(resource: str, row: dict, from_page: str, lang: str) -> Safe:
    return link(row_name(resource, row, lang), from_page, site_map.row_page(resource, row), lang)


agency_name, agency_link = partial(row_name, "agencies"), partial(row_link, "agencies")
term_name, term_link = partial(row_name, "terms"), partial(row_link, "terms")


def measure_name(site: Site, measure: dict, lang: str) -> str:
    """三(一)2 围绕产业链部署创新链 / 3.1.2 Deploy innovation chains around industrial chains."""
    return f"{measure_number(site, measure, lang)} {measure[f'title_{lang}']}"


def measure_number(site: Site, measure: dict, lang: str) -> str:
    return site.label_zh(measure) if lang == "zh" else site.number(measure)


def measure_link(site: Site, measure: dict, from_page: str, lang: str, anchor: str = "") -> Safe:
    return link(measure_name(site, measure, lang), from_page, site_map.measure_page(measure), lang, anchor)


def part_names(site: Site, measures: list[dict], lang: str) -> str:
    """The parts these headings belong to, in reading order, each named once: 第二部分 / part 2."""
    named = [t("part_number", lang, label=part["label_zh"], number=site.number(part))
             for part in map(site.part_of, measures)]
    return t("list_separator", lang).join(dict.fromkeys(named))


def years(site: Site, document_id: str | None = None) -> str:
    """The years the dated targets are due: 2027, or 2025/2027."""
    return "/".join(site.target_years(document_id))
