"""One page per responsible unit, the list of units, and the headings × units matrix."""
from collections.abc import Iterator

from scripts.site import names, site_map
from scripts.site.markdown import Safe, bullets, cell, cell_list, en, facts, link, table, variants, zh
from scripts.site.model import Site
from scripts.site.phrases import t

def pages(site: Site, lang: str) -> Iterator[tuple[str, str]]:
    """(page, Markdown): the list of units, the matrix and a page per unit."""
    yield site_map.AGENCIES, index_page(site, lang)
    yield site_map.MATRIX, matrix_page(site, lang)
    for agency in site.agency.values():
        yield site_map.agency_page(agency), agency_page(site, agency, lang)


def index_page(site: Site, lang: str) -> str:
    headers = [t("agency", lang), t("type", lang), t("lines", lang), t("listed_first", lang)]
    rows = []
    for agency in site.agency.values():
        lines = site.lines_naming(agency["agency_id"])
        firsts = sum(1 for _, position in lines if position == 1)
        rows.append([names.agency_link(agency, site_map.AGENCIES, lang),
                     agency_type(site, agency, lang), str(len(lines)), str(firsts)])
    matrix = link(t("matrix_title", lang), site_map.AGENCIES, site_map.MATRIX, lang)
    return "\n\n".join([f"# {t('agencies_title', lang)}", t("agencies_intro", lang), matrix, table(headers, rows, lang)])


def agency_type(site: Site, agency: dict, lang: str) -> str:
    return site.package.enum_label("agencies", "agency_type", agency["agency_type"], lang)


def agency_page(site: Site, agency: dict, lang: str) -> str:
    page = site_map.agency_page(agency)
    lines = site.lines_naming(agency["agency_id"])
    firsts = sum(1 for _, position in lines if position == 1)
    summary = t("agency_summary", lang, lines=len(lines), firsts=firsts)
    return "\n\n".join([
        f"# {cell(names.agency_name(agency, lang), lang)}",
        agency_facts(site, agency, lang),
        f"## {t('answers_for', lang)}",
        summary,
        answers_for(site, lines, page, lang),
    ])


def agency_facts(site: Site, agency: dict, lang: str) -> str:
    rows = [
        [t("chinese_name", lang), zh(agency["name_zh"], lang)],
        [t("full_name", lang), zh(agency["full_name_zh"], lang)],
        [t("english_name", lang), en(agency["name_en"], lang)],
        [t("english_variants", lang), variants(agency, lang)],
        [t("type", lang), agency_type(site, agency, lang)],
        [t("definition", lang), zh(agency["definition_quote_zh"], lang)],
        [t("note", lang), agency[f"note_{lang}"]],
    ]
    return facts(rows, lang)


def answers_for(site: Site, lines: list[tuple[dict, int]], page: str, lang: str) -> str:
    headers = [t("stated_at", lang), t("position", lang), t("inherited_by", lang)]
    rows = []
    for measure, position in lines:
        inheritors = [names.measure_link(site, m, page, lang) for m in site.inheritors(measure)]
        rows.append([names.measure_link(site, measure, page, lang), str(position),
                     cell_list(inheritors) if inheritors else t("none", lang)])
    return table(headers, rows, lang) if rows else t("none", lang)


def matrix_page(site: Site, lang: str) -> str:
    columns = [m for m in site.measures if m["measure_id"] in site.stated_units]
    headers = [t("agency", lang)] + [
        link(names.measure_number(site, m, lang), site_map.MATRIX, site_map.measure_page(m), lang) for m in columns]
    rows = []
    for agency in site.agency.values():
        positions = {m["measure_id"]: p for m, p in site.lines_naming(agency["agency_id"])}
        rows.append([names.agency_link(agency, site_map.MATRIX, lang)]
                    + [Safe(str(positions[m["measure_id"]])) if m["measure_id"] in positions else Safe("")
                       for m in columns])
    key = bullets([Safe(f"{cell(names.measure_number(site, m, lang), lang)}: "
                        f"{names.measure_link(site, m, site_map.MATRIX, lang)}") for m in columns], lang)
    compact = f'<div class="matrix" markdown>\n\n{table(headers, rows, lang)}\n\n</div>'
    intro = t("sentence_separator", lang).join([t("matrix_intro", lang)] + inheritance(site, lang))
    return "\n\n".join([f"# {t('matrix_title', lang)}", intro, compact, key])


def inheritance(site: Site, lang: str) -> list[str]:
    """Which parts' sub-items show inherited units and so have no column, as the data says."""
    inheriting = [m for m in site.measures if m["level"] == "subitem" and site.units(m).inherited]
    return [t("matrix_inherited", lang, parts=names.part_names(site, inheriting, lang))] if inheriting else []
