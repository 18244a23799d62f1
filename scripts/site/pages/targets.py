"""The targets: a scoreboard of where each stands, one page per target with its chart and sourced
figures, and the consistency check of annual against dated targets."""
from collections.abc import Iterator

from scripts.comparable import comparable
from scripts.site import escape, names, site_map
from scripts.site.formats import target_value
from scripts.site.markdown import Safe, bullets, cell, en, link, paragraph, written, zh
from scripts.site.model import Site
from scripts.site.pages.chart import chart
from scripts.site.pages.consistency import consistency
from scripts.site.phrases import t
from scripts.site.standing import ORDER, Standing

STATUS_PHRASES = {"reached": "status_reached", "reported": "status_reported", "baseline": "status_baseline",
                  "differs": "status_differs", "not_reported": "status_not_reported"}
DETAIL_PHRASES = {"reached": "detail_reached", "reported": "detail_reported", "baseline": "detail_baseline",
                  "differs": "detail_differs", "not_reported": "detail_not_reported"}


def pages(site: Site, lang: str) -> Iterator[tuple[str, str]]:
    """(page, Markdown): the scoreboard and a page per target."""
    yield site_map.TARGETS, index_page(site, lang)
    for target in site.targets:
        yield site_map.target_page(target), target_page(site, target, lang)


# --- the scoreboard ------------------------------------------------------------------------------

def index_page(site: Site, lang: str) -> str:
    return "\n\n".join([
        f"# {t('targets', lang)}", intro(site, lang),
        f"## {t('targets_scoreboard', lang)}", rule(lang), scoreboard(site, site_map.TARGETS, lang),
        f"## {t('targets_consistency', lang, years=names.years(site))}", consistency(site, lang),
    ])


def intro(site: Site, lang: str) -> str:
    """What the page holds, and which attachments the documents name but we do not have."""
    missing = [t("attachment_not_included", lang, title=cell(d[f"attachment_title_{lang}"], lang))
               for d in site.documents if d["attachment_status"] == "missing"]
    return t("sentence_separator", lang).join([t("targets_intro", lang)] + missing)


def rule(lang: str) -> str:
    """The rule every status follows, folded away (open it to read it) so a phone shows the statuses first."""
    return f'<details class="rule"><summary>{t("standing_rule_summary", lang)}</summary>{paragraph(t("standing_rule", lang), lang)}</details>'


def scoreboard(site: Site, page: str, lang: str) -> str:
    """One compact line per target, grouped by status, what is known first."""
    standings = {target["target_id"]: site.standing(target) for target in site.targets}
    groups = []
    for status in ORDER:
        listed = [target for target in site.targets if standings[target["target_id"]].status == status]
        if listed:
            lines = [scoreboard_line(site, target, standings[target["target_id"]], page, lang) for target in listed]
            groups.append(f"### {t(STATUS_PHRASES[status], lang)} ({len(listed)})\n\n{bullets(lines, lang)}")
    return '<div class="scoreboard" markdown>\n\n' + "\n\n".join(groups) + "\n\n</div>"


def scoreboard_line(site: Site, target: dict, standing: Standing, page: str, lang: str) -> Safe:
    name = link(f"{target[f'indicator_{lang}']}", page, site_map.target_page(target), lang)
    goal = f"{target_value(target, lang)}{year_of(target, lang)}"
    return Safe(f"{name} <span class=\"goal\">{cell(goal, lang)}</span><br>"
                f"{status_badge(standing.status, lang)} {cell(status_detail(site, target, standing, lang), lang)}")


def year_of(target: dict, lang: str) -> str:
    return t("by_year", lang, year=target["target_year"]) if target["target_year"] else t("each_year", lang) \
        if target["target_type"] == "annual" else ""


def status_badge(status: str, lang: str) -> str:
    return f'<span class="status status-{status}">{t(STATUS_PHRASES[status], lang)}</span>'


def status_detail(site: Site, target: dict, standing: Standing, lang: str) -> str:
    """The status in one sentence: the figure, its date and its kind of source, or why there is none."""
    if standing.latest is None:
        return t(DETAIL_PHRASES[standing.status], lang)
    if standing.years_reached:
        return t("detail_reached_years", lang, years=t("list_separator", lang).join(standing.years_reached),
                 figure=target_value(standing.latest, lang), when=when(standing.latest, lang),
                 kind=source_kind(site, standing.latest, lang))
    return t(DETAIL_PHRASES[standing.status], lang, figure=target_value(standing.latest, lang),
             when=when(standing.latest, lang), kind=source_kind(site, standing.latest, lang))


def when(observation: dict, lang: str) -> str:
    if observation["period_start_date"]:
        return t("period", lang, start=observation["period_start_date"], end=observation["as_of_date"])
    return observation["as_of_date"]


def source_kind(site: Site, observation: dict, lang: str) -> str:
    source = site.source[observation["source_id"]]
    return site.package.enum_label("sources", "kind", source["kind"], lang)


# --- one page per target -------------------------------------------------------------------------

def target_page(site: Site, target: dict, lang: str) -> str:
    page, standing = site_map.target_page(target), site.standing(target)
    observations = site.observations_of(target["target_id"])
    signed = site.signed_date(target)
    last_year = int(target["target_year"] or max(site.target_years(target["document_id"]) or [signed[:4]]))
    return "\n\n".join(block for block in [
        f"# {cell(t('target_title', lang, indicator=target[f'indicator_{lang}'], goal=target_value(target, lang) + year_of(target, lang)), lang)}",
        f'<p class="standing">{status_badge(standing.status, lang)} {cell(status_detail(site, target, standing, lang), lang)}</p>',
        rule(lang),
        f"## {t('target_stated', lang)}", stated(site, target, page, lang),
        f"## {t('targets_chart', lang)}", chart(target, observations, signed, last_year, lang),
        f"## {t('target_figures', lang)}", figures(site, target, observations, lang),
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


def figures(site: Site, target: dict, observations: list[dict], lang: str) -> str:
    """Every published figure, each with its date, kind, scope, source, quote and note: the chart's data in words."""
    if not observations:
        return paragraph(t("no_figures", lang), lang)
    return "\n\n".join(observation_block(site, target, o, lang) for o in reversed(observations))


def observation_block(site: Site, target: dict, observation: dict, lang: str) -> str:
    source = site.source[observation["source_id"]]
    label = site.package.enum_label
    scope = cell(label("progress", "scope", observation["scope"], lang), lang)
    if observation[f"scope_note_{lang}"]:
        scope += f": {cell(observation[f'scope_note_{lang}'], lang)}"
    lines = [
        f"<strong>{cell(when(observation, lang), lang)}</strong> · {cell(target_value(observation, lang), lang)} · "
        f"{cell(label('progress', 'figure_type', observation['figure_type'], lang), lang)}",
        f"{t('scope', lang)}: {scope}",
        "" if comparable(observation, target) else t("context_figure", lang),
        f"{t('date_basis', lang)}: {cell(label('progress', 'date_basis', observation['date_basis'], lang), lang)}",
        f"{t('quote', lang)}: {zh(observation['quote_zh'], lang)}",
        f"{t('quote_translation', lang)}: {en(observation['quote_en'], lang)}" if lang == "en" else "",
        f"{t('source', lang)}: {source_line(site, source, lang)}",
        f"{t('note', lang)}: {cell(observation[f'note_{lang}'], lang)}" if observation[f"note_{lang}"] else "",
    ]
    anchor = escape.attribute(observation["observation_id"])
    return f'<div class="observation" id="{anchor}">' + "".join(f"<p>{line}</p>" for line in lines if line) + "</div>"


def source_line(site: Site, source: dict, lang: str) -> str:
    """The page as a link named by its title as published (on English pages glossed by our description),
    or by our description where it shows none; then its publisher, date and kind."""
    if source["title"]:
        name = zh(Safe(escape.external_link(source["url"], source["title"])), lang)
        gloss = f" \u2014 {cell(source['description_en'], lang)}" if lang == "en" else ""
    else:
        name, gloss = escape.external_link(source["url"], source[f"description_{lang}"]), ""
    details = [written(source["publisher"], lang), cell(source["published_date"], lang),
               cell(site.package.enum_label("sources", "kind", source["kind"], lang), lang)]
    if source["original_outlet"]:
        details.append(t("original_outlet", lang, outlet=written(source["original_outlet"], lang)))
    return f"{name}{gloss} ({t('list_separator', lang).join(details)})"


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
