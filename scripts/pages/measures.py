"""One page per heading of the plan (verbatim text, translation, units, targets, terms), and their tree."""
from pathlib import Path

from scripts.pages import names
from scripts.pages.labels import LANGUAGES, enum, t
from scripts.pages.markdown import Safe, bullets, cell, en, link, number, table, write, zh
from scripts.pages.model import Site

INTRO = {
    "zh": "方案的全部条目：四个部分、各部分的项，以及第三部分各项下的条。每个条目一页，含原文、英文译文、责任单位、目标和术语。",
    "en": "Every heading of the plan: its four parts, their items, and the numbered sub-items of part 3. "
          "Each has a page with the Chinese text, our English translation, the responsible units, targets and terms.",
}
TITLE = {"zh": "条目", "en": "Measures"}


def write_measures(site: Site, docs_dir: Path) -> None:
    for lang in LANGUAGES:
        write(docs_dir, names.MEASURES, lang, tree_page(site, lang))
        for measure in site.measures:
            write(docs_dir, names.measure_page(measure), lang, measure_page(site, measure, lang))


def tree_page(site: Site, lang: str) -> str:
    lines = [f"# {TITLE[lang]}", "", INTRO[lang], ""]
    for measure in site.measures:
        indent = "    " * len(site.ancestors(measure))
        lines.append(f"{indent}- {names.measure_link(site, measure, names.MEASURES, lang)}")
    return "\n".join(lines)


def measure_page(site: Site, measure: dict, lang: str) -> str:
    page = names.measure_page(measure)
    sections = [
        f"# {cell(names.measure_name(site, measure, lang), lang)}",
        breadcrumb(site, measure, page, lang),
        texts(measure, lang),
        f"## {t('responsible', lang)}\n\n{units(site, measure, page, lang)}",
        f"## {t('targets', lang)}\n\n{targets(measure, site, lang)}",
        f"## {t('terms_used', lang)}\n\n{terms(site, measure, page, lang)}",
        f"## {t('in_full_text', lang)}\n\n{full_text_links(site, measure, page, lang)}",
    ]
    children = site.children(measure["measure_id"])
    if children:
        listed = [names.measure_link(site, child, page, lang) for child in children]
        sections.append(f"## {t('sub_headings', lang)}\n\n{bullets(listed, lang)}")
    return "\n\n".join(s for s in sections if s)


def breadcrumb(site: Site, measure: dict, page: str, lang: str) -> str:
    chain = list(reversed(site.ancestors(measure)))
    if not chain:
        return ""
    crumbs = " › ".join(names.measure_link(site, m, page, lang) for m in chain)
    return f"{t('part_of', lang)}: {crumbs}"


def texts(measure: dict, lang: str) -> str:
    """The verbatim Chinese, then our translation, each paragraph kept apart."""
    if not measure["text_zh"]:
        return f"<p>{t('no_own_text', lang)}</p>"
    chinese = "".join(f"<p>{cell(p, lang)}</p>" for p in measure["text_zh"].split(" "))
    english = f"<p>{cell(measure['text_en'], lang)}</p>"
    return "\n\n".join([
        f"## {t('original', lang)}",
        f'<blockquote class="verbatim" lang="zh">{chinese}</blockquote>',
        f"## {t('translation', lang)}",
        f'<p class="unofficial"><em>{t("unofficial", lang)}</em></p>',
        f'<blockquote class="translation" lang="en">{english}</blockquote>',
    ])


def units(site: Site, measure: dict, page: str, lang: str) -> str:
    found = site.units(measure)
    if not found.agencies:
        return t("responsible_none", lang)
    if found.inherited:
        source = names.measure_link(site, found.source, page, lang)
        intro = t("responsible_inherited", lang, parent=source)
        marker = f" <span class=\"inherited\">（{t('inherited', lang)}）</span>" if lang == "zh" \
            else f" <span class=\"inherited\">({t('inherited', lang)})</span>"
    else:
        intro, marker = t("responsible_stated", lang), ""
    listed = [Safe(names.agency_link(a, page, lang) + marker) for a in found.agencies]
    line = f"{t('responsible_line', lang)}: {zh(found.source['responsible_line_zh'], lang)}"
    return f"{intro}\n\n{numbered(listed)}\n\n{line}"


def numbered(items: list[Safe]) -> str:
    return "\n".join(f"{index}. {item}" for index, item in enumerate(items, start=1))


def targets(measure: dict, site: Site, lang: str) -> str:
    rows = site.targets_of(measure["measure_id"])
    if not rows:
        return t("no_targets", lang)
    headers = [t("indicator", lang), t("type", lang), t("target", lang), t("year", lang), t("quote", lang)]
    body = [[target_indicator(r, lang), enum("target_type", r["target_type"], lang), target_value(r, lang),
             r["target_year"], zh(r["quote_zh"], lang)] for r in rows]
    return table(headers, body, lang) + f"\n\n{link(t('targets', lang), names.measure_page(measure), names.TARGETS, lang)}"


def target_indicator(target: dict, lang: str) -> Safe:
    return zh(target["indicator_zh"], lang) if lang == "zh" else en(target["indicator_en"], lang)


def target_value(target: dict, lang: str) -> str:
    """≥ 8.6万 家 / ≥ 86,000 enterprises: the comparator, the figure and its unit."""
    unit = target["unit_zh"] if lang == "zh" else target["unit_en"]
    return f"{enum('comparator', target['comparator'], lang)}{number(target['value'], lang)} {unit}"


def terms(site: Site, measure: dict, page: str, lang: str) -> str:
    used = site.terms_in(measure)
    if not used:
        return t("no_terms", lang)
    return bullets([names.term_link(term, page, lang) for term in used], lang)


def full_text_links(site: Site, measure: dict, page: str, lang: str) -> str:
    paragraphs = site.paragraphs_of(measure["measure_id"])
    if not paragraphs:
        return t("not_stated", lang)
    first = paragraphs[0]["paragraph_id"]
    label = f"{t('paragraphs', lang)} {paragraphs[0]['seq']}–{paragraphs[-1]['seq']}"
    return link(label, page, names.FULL_TEXT, lang, anchor=first)
