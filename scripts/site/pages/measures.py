"""One page per heading of the plan (verbatim text, translation, units, targets, terms), and their tree."""
from collections.abc import Iterator

from scripts.site import names, site_map
from scripts.site.formats import target_indicator, target_value
from scripts.site.markdown import Safe, bullets, cell, link, table, zh
from scripts.site.model import Site
from scripts.site.phrases import t


def pages(site: Site, lang: str) -> Iterator[tuple[str, str]]:
    """(page, Markdown): the tree of headings and a page per heading."""
    yield site_map.MEASURES, tree_page(site, lang)
    for measure in site.measures:
        yield site_map.measure_page(measure), measure_page(site, measure, lang)


def tree_page(site: Site, lang: str) -> str:
    """Each document's headings as a nested list, under the document's title, with how many of each level."""
    blocks = [f"# {t('measures_title', lang)}", t("measures_intro", lang)]
    for document in site.documents:
        own = [m for m in site.measures if m["document_id"] == document["document_id"]]
        counts = {level: sum(m["level"] == level for m in own) for level in ("part", "item", "subitem")}
        tree = [f"{'    ' * len(site.ancestors(m))}- {names.measure_link(site, m, site_map.MEASURES, lang)}" for m in own]
        blocks += [f"## {cell(document[f'title_{lang}'], lang)}",
                   t("measure_counts", lang, parts=counts["part"], items=counts["item"], subitems=counts["subitem"]),
                   "\n".join(tree)]
    return "\n\n".join(blocks)


def measure_page(site: Site, measure: dict, lang: str) -> str:
    page = site_map.measure_page(measure)
    sections = [
        f"# {cell(names.measure_name(site, measure, lang), lang)}",
        breadcrumb(site, measure, page, lang),
        document_line(site, measure, lang),
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


def document_line(site: Site, measure: dict, lang: str) -> str:
    """Which document the heading belongs to: a package may hold several."""
    document = site.document[measure["document_id"]]
    return t("in_document", lang, title=cell(document[f"title_{lang}"], lang), number=cell(document["doc_number"], lang))


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
    chinese = "".join(f"<p>{cell(p, 'zh')}</p>" for p in measure["text_zh"].split(" "))  # each in its language's block
    english = f"<p>{cell(measure['text_en'], 'en')}</p>"
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
        marker = f' <span class="inherited">{t("inherited_marker", lang, inherited=t("inherited", lang))}</span>'
    else:
        intro, marker = t("responsible_stated", lang), ""
    listed = [Safe(names.agency_link(a, page, lang) + marker) for a in found.agencies]
    line = f"{t('responsible_line', lang)}: {zh(found.source['responsible_line_zh'], lang)}"
    return f"{intro}\n\n{numbered(listed)}\n\n{line}"


def numbered(items: list[Safe]) -> str:
    return "\n".join(f"{index}. {item}" for index, item in enumerate(items, start=1))


def targets(measure: dict, site: Site, lang: str) -> str:
    """Two columns, readable at phone width: each target linked to its page, with its figure, type and year
    under it; and the quote."""
    rows = site.targets_of(measure["measure_id"])
    if not rows:
        return t("no_targets", lang)
    page = site_map.measure_page(measure)
    body = [[Safe(f"{link(target_indicator(r, lang), page, site_map.target_page(r), lang)}<br>{target_facts(site, r, lang)}"),
             zh(r["quote_zh"], lang)] for r in rows]
    return (table([t("target", lang), t("quote", lang)], body, lang)
            + f"\n\n{link(t('targets', lang), page, site_map.TARGETS, lang)}")


def target_facts(site: Site, target: dict, lang: str) -> str:
    """≥ 30 enterprises · annual · year: not stated."""
    kind = site.package.enum_label("targets", "target_type", target["target_type"], lang)
    year = f"{t('year', lang)}: {cell(target['target_year'], lang)}"
    return " · ".join([cell(target_value(target, lang), lang), cell(kind, lang), year])


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
    return link(label, page, site_map.FULL_TEXT, lang, anchor=first)
