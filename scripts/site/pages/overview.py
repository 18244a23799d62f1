"""Every target in one figure: one row each, its latest comparable figure as a share of the target (a bar
whose full length is the target), the baseline, where a straight line from the baseline would be on the
figure's day (our assumption), or no figure found; annual targets year by year. HTML with a bar drawn in
SVG as geometry only, so the words wrap on a phone and the bar stretches; no script, no inline style.

The home page shows the same rows for its key targets (home.py).
"""
from scripts.site import escape, sentences, site_map
from scripts.site.markdown import cell
from scripts.site.model import Site
from scripts.site.phrases import t
from scripts.standing.facts import Standing

YEARS = {"met": "overview_year_met", "not_met": "overview_year_not_met", "part_year": "overview_year_part_year",
         "no_figure": "overview_year_no_figure", "not_yet": "overview_year_not_yet"}


def overview(site: Site, lang: str) -> str:
    """The scoreboard's figure: the dated targets by year, then the annual ones, then those with no date;
    the key to the marks last, so a phone shows the rows first."""
    groups = []
    for year in site.target_years():
        dated = [target for target in site.targets if target["target_year"] == year]
        groups.append((t("overview_group_dated", lang, year=year), dated))
    groups.append((t("overview_group_annual", lang), [target for target in site.targets if target["target_type"] == "annual"]))
    groups.append((t("overview_group_undated", lang),
                   [target for target in site.targets if not target["target_year"] and target["target_type"] != "annual"]))
    body = "".join(f'<p class="overview-group">{cell(title, lang)}</p>{rows(site, targets, site_map.TARGETS, lang)}'
                   for title, targets in groups if targets)
    return f'<figure class="overview" aria-label="{escape.attribute(t("targets_overview", lang))}">{body}{key(lang)}</figure>'


def key(lang: str) -> str:
    items = [("fill", "overview_key_bar"), ("baseline", "overview_key_baseline"), ("line", "overview_key_line")]
    return '<ul class="overview-key">' + "".join(f'<li><span class="key key-{mark}" aria-hidden="true"></span>{cell(t(phrase, lang), lang)}</li>'
                                                 for mark, phrase in items) + "</ul>"


def rows(site: Site, targets: list[dict], page: str, lang: str) -> str:
    return '<ol class="overview-rows">' + "".join(row(site, target, page, lang) for target in targets) + "</ol>"


def href(page: str, target: dict) -> str:
    """A raw HTML link from `page` to the target's page, as MkDocs serves it (folder URLs)."""
    return escape.attribute(site_map.link_from_page(page, site_map.url(site_map.target_page(target))))


def row(site: Site, target: dict, page: str, lang: str) -> str:
    known = site.standing(target)
    name = (f'<a class="overview-name" href="{href(page, target)}">{cell(target[f"indicator_{lang}"], lang)}</a>'
            f' <span class="overview-goal">{cell(sentences.goal(target, lang), lang)}</span>')
    drawn = known.share is not None or (known.baseline is not None and known.kind == "level")
    shown = years(known, lang) if known.kind == "annual" else \
        (bar(known) if drawn else "") + f'<span class="overview-words">{words(known, lang)}</span>'
    return f'<li class="overview-row row-{known.status}">{name}<span class="overview-state">{shown}{badge(known, lang)}</span></li>'


def badge(known: Standing, lang: str) -> str:
    words = sentences.pace_badge(known.pace, lang) if known.pace else sentences.status_word(known.status, lang)
    return f' <span class="status status-{known.status}">{cell(words, lang)}</span>'


def whole(words: str, lang: str) -> str:
    """A part of a row that never breaks inside (a date, a figure with its unit)."""
    return f'<span class="whole">{cell(words, lang)}</span>'


def words(known: Standing, lang: str) -> str:
    """89% · 7.68万家 · 2026-01-30, or what is known instead; as HTML, each part kept whole."""
    unit, figure = sentences.unit_of(known.target, lang), known.figure
    if figure is not None:
        when = sentences.period(figure.start, figure.end, lang) if figure.is_addition else figure.end
        return t("glance_figure", lang, share=whole(sentences.share_text(known, lang), lang),
                 figure=whole(sentences.counted(figure.value, figure.comparator, unit, lang), lang), when=whole(when, lang))
    if known.baseline is not None:
        before = sentences.figure_text(known.baseline, known, lang)
        if known.kind == "increment" and known.needed_a_year is not None:
            return cell(t("glance_pace", lang, added=before, need=sentences.counted(known.needed_a_year, "=", unit, lang)), lang)
        return cell(t("glance_before", lang, figure=before), lang)
    return t("glance_none", lang, date=whole(known.plan.searched, lang))


def bar(known: Standing) -> str:
    """The figure's share of the target as a filled bar (the whole bar is the target), a grey mark at the
    baseline and a dashed one where the straight line stands (our assumption); geometry only."""
    target = float(known.target["value"])
    parts = ['<rect class="track" x="0" y="2" width="100" height="8"/>']
    if known.share is not None:
        parts.append(f'<rect class="fill" x="0" y="2" width="{min(known.share, 1) * 100:.2f}" height="8"/>')
    if known.baseline is not None and known.kind == "level":
        parts.append(mark("baseline", known.baseline.value / target))
    if known.line is not None:
        parts.append(mark("line", known.line.value / target))
    return (f'<svg class="overview-bar" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true">'
            f'{"".join(parts)}</svg>')


def mark(css: str, share: float) -> str:
    x = f"{min(max(share, 0), 1) * 100:.2f}"
    return f'<line class="{css}" x1="{x}" y1="0" x2="{x}" y2="12" vector-effect="non-scaling-stroke"/>'


def years(known: Standing, lang: str) -> str:
    """An annual target year by year: met, not met, below so far, no figure found, not yet."""
    cells = "".join(f'<li class="year-{year.outcome}">{cell(t(YEARS[year.outcome], lang, year=year.year), lang)}</li>'
                    for year in known.years)
    return f'<ul class="overview-years">{cells}</ul>'
