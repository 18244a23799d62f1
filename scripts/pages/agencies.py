"""One page per responsible unit, the list of units, and the headings × units matrix."""
from pathlib import Path

from scripts.pages import names
from scripts.pages.labels import LANGUAGES, enum, t
from scripts.pages.markdown import Safe, bullets, cell, en, link, table, write, zh
from scripts.pages.model import Site

TITLE = {"zh": "责任单位", "en": "Responsible units"}
INTRO = {
    "zh": "方案“责任单位”行中列出的全部单位。位次是单位在该行中的顺序；原文未说明排名第一的单位是否牵头，本站也不作此推断。",
    "en": "Every unit named on the plan's 责任单位 (responsible units) lines. Position is the unit's place on the "
          "line; the text does not say that the unit listed first leads, and we do not infer it.",
}
MATRIX_TITLE = {"zh": "条目 × 单位矩阵", "en": "Headings × units matrix"}
MATRIX_INTRO = {
    "zh": "每行一个单位，每列一个列出责任单位的条目；格中数字是该单位在责任单位行中的位次（1 为排名第一），空格表示未列出。"
          "第三部分各项下的条沿用所属项的责任单位，不另列。",
    "en": "One row per unit, one column per heading that has a responsible-units line; a number is the unit's "
          "position on that line (1 = listed first), a blank means not named. The sub-items of part 3 inherit "
          "their item's units and have no column of their own.",
}


def write_agencies(site: Site, docs_dir: Path) -> None:
    for lang in LANGUAGES:
        write(docs_dir, names.AGENCIES, lang, index_page(site, lang))
        write(docs_dir, names.MATRIX, lang, matrix_page(site, lang))
        for agency in site.agency.values():
            write(docs_dir, names.agency_page(agency), lang, agency_page(site, agency, lang))


def index_page(site: Site, lang: str) -> str:
    headers = [t("agency", lang), t("type", lang), t("lines", lang), t("listed_first", lang)]
    rows = []
    for agency in site.agency.values():
        lines = site.lines_naming(agency["agency_id"])
        firsts = sum(1 for _, position in lines if position == 1)
        rows.append([names.agency_link(agency, names.AGENCIES, lang),
                     enum("agency_type", agency["agency_type"], lang), str(len(lines)), str(firsts)])
    matrix = link(MATRIX_TITLE[lang], names.AGENCIES, names.MATRIX, lang)
    return "\n\n".join([f"# {TITLE[lang]}", INTRO[lang], matrix, table(headers, rows, lang)])


def agency_page(site: Site, agency: dict, lang: str) -> str:
    page = names.agency_page(agency)
    lines = site.lines_naming(agency["agency_id"])
    firsts = sum(1 for _, position in lines if position == 1)
    summary = {
        "zh": f"在 {len(lines)} 个责任单位行中列出，其中 {firsts} 次排名第一。",
        "en": f"Named on {len(lines)} responsible-units lines; listed first on {firsts} of them.",
    }[lang]
    return "\n\n".join([
        f"# {cell(names.agency_name(agency, lang), lang)}",
        facts(agency, lang),
        f"## {t('answers_for', lang)}",
        summary,
        answers_for(site, lines, page, lang),
    ])


def facts(agency: dict, lang: str) -> str:
    rows = [
        [t("chinese_name", lang), zh(agency["name_zh"], lang)],
        [t("full_name", lang), zh(agency["full_name_zh"], lang)],
        [t("english_name", lang), en(agency["name_en"], lang)],
        [t("type", lang), enum("agency_type", agency["agency_type"], lang)],
        [t("definition", lang), zh(agency["definition_quote_zh"], lang)],
        [t("note_en", lang), en(agency["note"], lang)],
    ]
    return table(["", ""], rows, lang)


def answers_for(site: Site, lines: list[tuple[dict, int]], page: str, lang: str) -> str:
    headers = [t("stated_at", lang), t("position", lang), t("inherited_by", lang)]
    rows = []
    for measure, position in lines:
        inheritors = [names.measure_link(site, m, page, lang) for m in site.inheritors(measure)]
        rows.append([names.measure_link(site, measure, page, lang), str(position),
                     Safe("<br>".join(inheritors)) if inheritors else t("none", lang)])
    return table(headers, rows, lang) if rows else t("none", lang)


def matrix_page(site: Site, lang: str) -> str:
    columns = [m for m in site.measures if m["measure_id"] in site.stated_units]
    headers = [t("agency", lang)] + [
        link(names.measure_number(site, m, lang), names.MATRIX, names.measure_page(m), lang) for m in columns]
    rows = []
    for agency in site.agency.values():
        positions = {m["measure_id"]: p for m, p in site.lines_naming(agency["agency_id"])}
        rows.append([names.agency_link(agency, names.MATRIX, lang)]
                    + [Safe(str(positions[m["measure_id"]])) if m["measure_id"] in positions else Safe("")
                       for m in columns])
    key = bullets([Safe(f"{cell(names.measure_number(site, m, lang), lang)}: "
                        f"{names.measure_link(site, m, names.MATRIX, lang)}") for m in columns], lang)
    compact = f'<div class="matrix" markdown>\n\n{table(headers, rows, lang)}\n\n</div>'
    return "\n\n".join([f"# {MATRIX_TITLE[lang]}", MATRIX_INTRO[lang], compact, key])
