"""Blocks for the home page: how far each dated target has come, at a glance; the tier pyramid, the
actions, who answers for what."""
from collections import Counter

from scripts.site import escape, names, site_map
from scripts.site.formats import number, target_indicator, unit
from scripts.site.markdown import Safe, cell, link, table
from scripts.site.model import Site
from scripts.site.pages.overview import key, rows
from scripts.site.pages.targets import as_of, status_badge
from scripts.site.phrases import t
from scripts.standing.facts import STATUSES

PAGE = site_map.HOME


def key_figures(site: Site, lang: str) -> str:
    """One row per dated target, first on the page: the latest comparable figure, its share of the target,
    its date and the status (the scoreboard's rows, overview.py); the increment targets say new."""
    dated = [target for target in site.targets if target["target_year"]]
    return (f'<div class="glance">{rows(site, dated, PAGE, lang)}{key(lang)}'
            f'<p class="as-of">{cell(as_of(site, dated, lang), lang)}</p></div>')


def standing(site: Site, lang: str) -> str:
    """How many targets stand where."""
    counts = Counter(site.standing(target).status for target in site.targets)
    parts = [f'{status_badge(status, lang)} {counts[status]}' for status in STATUSES if counts[status]]
    return f'<p class="standing-summary">{t("standing_summary", lang, count=len(site.targets))} {" · ".join(parts)}</p>'


def tier_part(site: Site) -> dict:
    """The part whose items each carry an annual target: the tiers of cultivation."""
    return next(part for part in site.parts()
                if site.children(part["measure_id"])
                and all(annual_target(site, item) for item in site.children(part["measure_id"])))


def annual_target(site: Site, measure: dict) -> dict | None:
    return next((t for t in site.targets_of(measure["measure_id"]) if t["target_type"] == "annual"), None)


def tier_widths(site: Site) -> list[int]:
    """Each tier's width in percent, top (narrowest) to bottom (the whole width)."""
    count = len(site.children(tier_part(site)["measure_id"]))
    return [40 + depth * 60 // max(1, count - 1) for depth in range(count)]


def pyramid_css(site: Site) -> str:
    """The widths as classes (stylesheets/pyramid.css, written with the pages): the Content-Security-Policy
    allows no inline style attribute (scripts/theme/hooks/csp.py)."""
    widths = sorted(set(tier_widths(site)))
    return "".join(f".md-typeset ol.pyramid li.width-{width} {{ width: {width}%; }}\n" for width in widths)


def pyramid(site: Site, lang: str) -> str:
    """The tiers, the last (fewest, largest firms) on top; each links to its heading page."""
    tiers = site.children(tier_part(site)["measure_id"])
    rows = []
    for item, width in zip(reversed(tiers), tier_widths(site)):
        target = annual_target(site, item)
        yearly = t("yearly_target", lang, figure=number(target["value"], lang), unit=unit(target, lang))
        href = escape.attribute(site_map.measure_page(item)) + "/"  # raw HTML: the site's URL, not the .md path
        rows.append(f'<li class="width-{width}"><a href="{href}">'
                    f'<span class="tier-name">{target_indicator(target, lang)}</span> '
                    f'<span class="tier-target">{cell(yearly, lang)}</span></a></li>')
    return f'<ol class="pyramid" reversed>{"".join(rows)}</ol>'


def actions_part(site: Site) -> dict:
    """The part whose items have numbered sub-items: the actions."""
    return next(part for part in site.parts()
                if any(site.children(item["measure_id"]) for item in site.children(part["measure_id"])))


def actions(site: Site, lang: str) -> str:
    items = site.children(actions_part(site)["measure_id"])
    return "\n".join(f"{index}. {names.measure_link(site, item, PAGE, lang)}"
                     for index, item in enumerate(items, start=1))


def responsibility(site: Site, lang: str) -> str:
    """Each heading with a 责任单位 line: the unit listed first, and how many units the line names."""
    headers = [t("measure", lang), t("listed_first_heading", lang), t("units_named", lang)]
    rows = [[names.measure_link(site, m, PAGE, lang), names.agency_link(site.stated_units[m["measure_id"]][0], PAGE, lang),
             str(len(site.stated_units[m["measure_id"]]))]
            for m in site.measures if m["measure_id"] in site.stated_units]
    matrix = link(t("matrix_title", lang), PAGE, site_map.MATRIX, lang)
    return table(headers, rows, lang) + f"\n\n{Safe(matrix)}"
