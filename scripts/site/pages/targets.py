"""The targets: a scoreboard that opens with an overview of every target, then each target grouped by
where it stands; one page per target with its chart, the same figures in a table, their sources, a
download of its figures and a citation; and the consistency check of annual against dated targets.

Every sentence about where a target stands comes from the typed facts (scripts/standing/) through
scripts/site/sentences.py. What only the built downloads know (a file's checksum, the stored excerpt's
address in the release) is left as a placeholder filled after the downloads are written (target_checks.py).
"""
from collections.abc import Iterator

from scripts.site import escape, names, sentences, site_map
from scripts.site.markdown import Safe, bullets, cell, en, link, paragraph, table, written, zh
from scripts.site.model import Site
from scripts.site.pages.chart import chart, legend_words
from scripts.site.pages.consistency import consistency
from scripts.site.pages.overview import overview
from scripts.site.phrases import t
from scripts.standing.facts import STATUSES, Standing
from scripts.standing.rule import role, shown_as


def pages(site: Site, lang: str) -> Iterator[tuple[str, str]]:
    """(page, Markdown): the scoreboard and a page per target."""
    yield site_map.TARGETS, index_page(site, lang)
    for target in site.targets:
        yield site_map.target_page(target), target_page(site, target, lang)


# --- the scoreboard ------------------------------------------------------------------------------

def index_page(site: Site, lang: str) -> str:
    return "\n\n".join([
        f"# {t('targets', lang)}", intro(site, lang), paragraph(as_of(site, site.targets, lang), lang),
        f"## {t('targets_overview', lang)}", overview(site, lang),
        f"## {t('targets_scoreboard', lang)}", rule(site, lang), scoreboard(site, site_map.TARGETS, lang),
        f"## {t('targets_consistency', lang, years=names.years(site))}", consistency(site, lang),
    ])


def intro(site: Site, lang: str) -> str:
    """What the page holds, and which attachments the documents name but we do not have."""
    missing = [t("attachment_not_included", lang, title=cell(d[f"attachment_title_{lang}"], lang))
               for d in site.documents if d["attachment_status"] == "missing"]
    return t("sentence_separator", lang).join([t("targets_intro", lang)] + missing)


def as_of(site: Site, targets: list[dict], lang: str) -> str:
    """Data as of the latest figure's date; sources last read; searched to: for these targets."""
    figures = [o for target in targets for o in site.observations_of(target["target_id"])]
    searched = max(target["searched_date"] for target in targets)
    if not figures:
        return t("as_of_none", lang, searched=searched)
    read = max(site.source[o["source_id"]]["retrieved_date"] for o in figures)
    return t("as_of", lang, date=max(o["as_of_date"] for o in figures), read=read, searched=searched)


def rule(site: Site, lang: str) -> str:
    """The rule every status follows, folded away (open it to read it) so a phone shows the statuses first."""
    first = min(int(document["signed_date"][:4]) for document in site.documents)
    words = paragraph(t("standing_rule", lang, first=first), lang)
    return f'<details class="rule"><summary>{t("standing_rule_summary", lang)}</summary>{words}</details>'


def scoreboard(site: Site, page: str, lang: str) -> str:
    """One compact entry per target, grouped by what is known, what is known first."""
    groups = []
    for status in STATUSES:
        listed = [target for target in site.targets if site.standing(target).status == status]
        if listed:
            lines = [scoreboard_line(site, target, page, lang) for target in listed]
            groups.append(f"### {t(f'status_{status}', lang)} ({len(listed)})\n\n{bullets(lines, lang)}")
    return '<div class="scoreboard" markdown>\n\n' + "\n\n".join(groups) + "\n\n</div>"


def scoreboard_line(site: Site, target: dict, page: str, lang: str) -> Safe:
    known = site.standing(target)
    name = link(target[f"indicator_{lang}"], page, site_map.target_page(target), lang)
    return Safe(f"{name} <span class=\"goal\">{cell(sentences.goal(target, lang), lang)}</span><br>"
                f"{badges(known, lang)} {cell(sentences.status_sentence(known, lang), lang)}")


def status_badge(status: str, lang: str) -> str:
    return f'<span class="status status-{status}">{sentences.status_word(status, lang)}</span>'


def badges(known: Standing, lang: str) -> str:
    """The status, and the pace word where a baseline and the straight line (our assumption) allow one."""
    return status_badge(known.status, lang) + (f' <span class="pace pace-{known.pace}">{sentences.pace_badge(known.pace, lang)}</span>' if known.pace else "")


# --- one page per target -------------------------------------------------------------------------

def target_page(site: Site, target: dict, lang: str) -> str:
    page, known = site_map.target_page(target), site.standing(target)
    observations = site.observations_of(target["target_id"])
    row_id = target["target_id"]
    return "\n\n".join(block for block in [
        f"# {cell(sentences.headline(target, lang), lang)}",
        f'<p class="standing">{badges(known, lang)} {cell(sentences.status_sentence(known, lang), lang)}</p>',
        f'<p class="as-of">{cell(as_of(site, [target], lang), lang)}</p>',
        rule(site, lang),
        f"## {t('target_stated', lang)}", stated(site, target, page, lang),
        f"## {t('targets_chart', lang)}", chart(site, target, lang),
        f"## {t('target_figures', lang)}", figures(site, known, observations, lang),
        f"## {t('target_sources', lang)}", f"<!-- data:target-sources {row_id} -->",
        f"## {t('target_download', lang)}", f"<!-- data:target-downloads {row_id} -->",
        f"## {t('target_cite', lang)}", f"<!-- data:target-cite {row_id} -->",
        f"## {t('target_work', lang)}", work(site, target, page, lang),
    ] if block)


def stated(site: Site, target: dict, page: str, lang: str) -> str:
    """The quote, the heading that states it, its type and our reading of it."""
    facts = [f"{t('quote', lang)}: {zh(target['quote_zh'], lang)}",
             f"{t('measure', lang)}: {names.measure_link(site, site.measure[target['measure_id']], page, lang)}",
             f"{t('type', lang)}: {cell(site.package.enum_label('targets', 'target_type', target['target_type'], lang), lang)}",
             f"{t('year', lang)}: {cell(target['target_year'], lang)}"]
    if target[f"note_{lang}"]:
        facts.append(f"{t('note', lang)}: {cell(target[f'note_{lang}'], lang)}")
    return bullets([Safe(fact) for fact in facts], lang)


def figures(site: Site, known: Standing, observations: list[dict], lang: str) -> str:
    """Every published figure in a table (the chart's data), then each in full: quote, scope, source, note."""
    if not observations:
        return paragraph(t("no_figures", lang, searched=known.plan.searched), lang)
    return "\n\n".join([figure_table(site, known, observations, lang)]
                       + [observation_block(site, known, o, lang) for o in reversed(observations)])


def figure_table(site: Site, known: Standing, observations: list[dict], lang: str) -> str:
    """The chart's figures, one row each: the figure with its kind and date(s) (linked to it in full below),
    how it stands against the target, and who published it (linked to the source below)."""
    headers = [t("figure_value", lang), t("figure_compared", lang), t("source", lang)]
    rows = [[Safe(f'<a href="#{escape.attribute(o["observation_id"])}">{cell(sentences.figure_words(o, lang), lang)}</a>'),
             legend_words(shown_as(o, role(o, known.target, known.plan)), lang),
             Safe(f'<a href="#source-{escape.attribute(o["source_id"])}">{written(site.source[o["source_id"]]["publisher"], lang)}</a>')]
            for o in reversed(observations)]
    return table(headers, rows, lang)


def observation_block(site: Site, known: Standing, observation: dict, lang: str) -> str:
    source = site.source[observation["source_id"]]
    label = site.package.enum_label
    compared = role(observation, known.target, known.plan) != "context"
    scope = cell(label("progress", "scope", observation["scope"], lang), lang)
    if observation[f"scope_note_{lang}"]:
        scope += f": {cell(observation[f'scope_note_{lang}'], lang)}"
    lines = [
        f"<strong>{cell(sentences.figure_words(observation, lang), lang)}</strong>",
        f"{t('scope', lang)}: {scope}",
        "" if compared else t("context_figure", lang),
        f"{t('date_basis', lang)}: {cell(label('progress', 'date_basis', observation['date_basis'], lang), lang)}",
        f"{t('quote', lang)}: {zh(observation['quote_zh'], lang)}",
        f"{t('quote_translation', lang)}: {en(observation['quote_en'], lang)}" if lang == "en" else "",
        f"{t('source', lang)}: {source_line(site, source, lang)}",
        f"{t('note', lang)}: {cell(observation[f'note_{lang}'], lang)}" if observation[f"note_{lang}"] else "",
    ]
    anchor = escape.attribute(observation["observation_id"])
    return f'<div class="observation" id="{anchor}">' + "".join(f"<p>{line}</p>" for line in lines if line) + "</div>"


def source_name(source: dict, lang: str) -> str:
    """The page as a link named by its title as published (on English pages glossed by our description),
    or by our description where it shows none."""
    if not source["title"]:
        return escape.external_link(source["url"], source[f"description_{lang}"])
    gloss = f" \u2014 {cell(source['description_en'], lang)}" if lang == "en" else ""
    return chinese_link(source["url"], source["title"], lang) + gloss


def source_line(site: Site, source: dict, lang: str) -> str:
    """The page as source_name() names it, then its publisher, date and kind."""
    details = [written(source["publisher"], lang), cell(source["published_date"], lang),
               cell(site.package.enum_label("sources", "kind", source["kind"], lang), lang)]
    if source["original_outlet"]:
        details.append(t("original_outlet", lang, outlet=written(source["original_outlet"], lang)))
    return f"{source_name(source, lang)} ({t('list_separator', lang).join(details)})"


def chinese_link(url: str, title: str, lang: str) -> str:
    """A link named by a Chinese title, marked as Chinese on the link itself on English pages (wrapped in a
    span, it would lose the underline that tells it from the text around it)."""
    link = escape.external_link(url, title)
    if lang == "zh":
        return link
    return link.replace("<a ", '<a lang="zh" ', 1) if link.startswith("<a ") else str(zh(Safe(link), lang))


def work(site: Site, target: dict, page: str, lang: str) -> str:
    """The heading that states the target and the headings linked to it, each with its responsible units."""
    items = [heading_with_units(site, site.measure[target["measure_id"]], t("work_states", lang), page, lang)]
    items += [heading_with_units(site, site.measure[link_row["measure_id"]], link_row[f"reason_{lang}"], page, lang)
              for link_row in site.links_of(target["target_id"])]
    return "\n\n".join([paragraph(t("work_intro", lang), lang), bullets(items, lang)])


def heading_with_units(site: Site, measure: dict, why: str, page: str, lang: str) -> Safe:
    found = site.units(measure)
    units = t("list_separator", lang).join(names.agency_link(a, page, lang) for a in found.agencies) or t("responsible_none", lang)
    marker = f" ({t('inherited', lang)})" if found.inherited else ""
    return Safe(f"{names.measure_link(site, measure, page, lang)}: {cell(why, lang)}<br>"
                f"{t('responsible', lang)}{marker}: {units}")
