"""The targets page: every commitment, a progress chart, reported progress, and a consistency check."""
from collections.abc import Iterator

from scripts.pages import escape, names
from scripts.pages.formats import number, target_indicator, target_value
from scripts.pages.markdown import Safe, cell, en, table, zh
from scripts.pages.model import Site
from scripts.pages.phrases import t


def pages(site: Site, lang: str) -> Iterator[tuple[str, str]]:
    yield names.TARGETS, page(site, lang)


def page(site: Site, lang: str) -> str:
    return "\n\n".join([
        f"# {t('targets', lang)}", intro(site, lang),
        f"## {t('targets_all', lang)}", all_targets(site, lang),
        f"## {t('targets_chart', lang)}", t("chart_note", lang), chart(site, lang),
        f"## {t('targets_progress', lang)}", progress(site, lang),
        f"## {t('targets_consistency', lang, years=names.years(site))}", consistency(site, lang),
    ])


def intro(site: Site, lang: str) -> str:
    """What the page holds, and which attachments the documents name but we do not have."""
    missing = [t("attachment_not_included", lang, title=cell(d[f"attachment_title_{lang}"], lang))
               for d in site.documents if d["attachment_status"] == "missing"]
    return t("sentence_separator", lang).join([t("targets_intro", lang)] + missing)


def all_targets(site: Site, lang: str) -> str:
    headers = [t("indicator", lang), t("type", lang), t("target", lang), t("year", lang),
               t("measure", lang), t("quote", lang)]
    rows = [[target_indicator(target, lang), site.package.enum_label("targets", "target_type", target["target_type"], lang),
             target_value(target, lang), target["target_year"], measure_of(site, target, lang),
             zh(target["quote_zh"], lang)]
            for target in site.targets]
    return table(headers, rows, lang) + "\n\n" + notes(site.targets, "target_id", lang)


def notes(rows: list[dict], key: str, lang: str) -> str:
    """The rows' notes (written in English), one bullet each, named by the row's ID."""
    noted = [f"- <code>{cell(row[key], lang)}</code> {en(row['note'], lang)}" for row in rows if row["note"]]
    if not noted:
        return ""
    return f"{t('note_en', lang)}:\n\n" + "\n".join(noted)


def measure_of(site: Site, target: dict, lang: str) -> Safe:
    measure = site.measure[target["measure_id"]]
    return names.measure_link(site, measure, names.TARGETS, lang)


def share(target: dict, value: str) -> float:
    """Reported figure as a share of the target; 0 when the target is 0 (nothing to divide by)."""
    goal = float(target["value"])
    return float(value) / goal if goal else 0.0


def chart(site: Site, lang: str) -> str:
    """Plain HTML bars: the text carries the data, the bar only draws it (hidden from screen readers)."""
    bars = [chart_bar(site, target, lang) for target in site.targets]
    caption = t("targets_chart", lang)
    return (f'<figure class="target-chart"><figcaption>{caption}</figcaption>'
            f'<ul>{"".join(bars)}</ul></figure>')


def source_kind(site: Site, report: dict, lang: str) -> str:
    return site.package.enum_label("progress", "source_kind", report["source_kind"], lang)


def chart_bar(site: Site, target: dict, lang: str) -> str:
    label = f"{target_indicator(target, lang)}: {cell(target_value(target, lang), lang)}"
    reports = site.progress_of(target["target_id"])
    if not reports:
        width, reading = 0, f"<em>{t('not_reported', lang)}</em>"
    else:
        latest = reports[0]
        ratio = share(target, latest["value"])
        width = min(100, round(ratio * 100))
        reading = cell(f"{number(latest['value'], lang)} ({ratio:.0%}), {t('as_of', lang)} {latest['as_of_date']}, "
                       f"{source_kind(site, latest, lang)}", lang)
    fill = f'<span class="bar-fill" style="width: {width}%"></span>'
    return (f'<li><span class="bar-label">{label}</span>'
            f'<span class="bar-track" aria-hidden="true">{fill}</span>'
            f'<span class="bar-value">{reading}</span></li>')


def progress(site: Site, lang: str) -> str:
    headers = [t("indicator", lang), t("target", lang), t("reported", lang), t("source", lang)]
    rows, reported = [], []
    for target in site.targets:
        first = [target_indicator(target, lang), target_value(target, lang)]
        reports = site.progress_of(target["target_id"])
        if not reports:
            rows.append(first + [Safe(f"<em>{t('not_reported', lang)}</em>"), "—"])
        for report in reports:
            reported.append(report)
            figure = f"{number(report['value'], lang)} ({t('as_of', lang)} {report['as_of_date']})"
            source = Safe(f"{escape.external_link(report['source_url'], report['source_title'])} "
                          f"({cell(source_kind(site, report, lang), lang)}, "
                          f"<code>{cell(report['observation_id'], lang)}</code>)")
            rows.append(first + [figure, source])
    return table(headers, rows, lang) + "\n\n" + notes(reported, "observation_id", lang)


# --- do the annual targets add up to the dated ones? ---------------------------------------------

def pairs(site: Site, document_id: str) -> list[tuple[dict, dict]]:
    """(annual target, dated total) of one document whose indicators are equal or one contains the other."""
    own = [target for target in site.targets if target["document_id"] == document_id]
    annual = [a for a in own if a["target_type"] == "annual"]
    totals = [b for b in own if b["target_type"] in ("level", "increment") and b["target_year"]]
    return [(a, b) for a in annual for b in totals
            if a["indicator_zh"] in b["indicator_zh"] or b["indicator_zh"] in a["indicator_zh"]]


def plan_start(site: Site, target: dict) -> int:
    """The year the plan was signed: the assumed first year of every annual target."""
    return int(site.document[target["document_id"]]["signed_date"][:4])


def verdict(site: Site, annual: dict, total: dict) -> tuple[str, int, float | None]:
    """(verdict phrase key, years assumed, annual × years) for one pair."""
    years = int(total["target_year"]) - plan_start(site, annual) + 1
    summed = float(annual["value"]) * years
    if annual["unit_en"] != total["unit_en"]:
        return "verdict_units", years, None
    if total["target_type"] == "level":
        return "verdict_baseline", years, summed
    goal = float(total["value"])
    return ("verdict_agree" if summed == goal else "verdict_short" if summed < goal else "verdict_over"), years, summed


def consistency(site: Site, lang: str) -> str:
    blocks = [document_consistency(site, document, lang) for document in site.documents]
    return "\n\n".join(block for block in blocks if block) or t("none", lang)


def document_consistency(site: Site, document: dict, lang: str) -> str:
    found = pairs(site, document["document_id"])
    if not found:
        return ""
    start = plan_start(site, found[0][0])
    headers = [t("indicator", lang), t("annual_target", lang), t("years_assumed", lang),
               t("annual_times_years", lang), t("year_target", lang, year=found[0][1]["target_year"]), t("result", lang)]
    rows = []
    for annual, total in found:
        key, years, summed = verdict(site, annual, total)
        period = f"{years} ({start}–{total['target_year']})"
        rows.append([target_indicator(annual, lang), target_value(annual, lang), period,
                     number(str(summed), lang) if summed is not None else "—",
                     f"{target_value(total, lang)} ({site.package.enum_label('targets', 'target_type', total['target_type'], lang)})",
                     Safe(f"<strong>{t(key, lang, year=total['target_year'])}</strong>")])
    annual = [a for a in site.targets if a["document_id"] == document["document_id"] and a["target_type"] == "annual"]
    unpaired = [a for a in annual if all(a is not pair[0] for pair in found)]
    rest = ", ".join(cell(target_indicator(a, lang), lang) for a in unpaired)
    years = names.years(site, document["document_id"])
    intro = t("consistency_intro", lang, start=start, years=years, count=len(annual), example=example(found, lang),
              annual_parts=names.part_names(site, [site.measure[a["measure_id"]] for a in annual], lang),
              total_parts=names.part_names(site, [site.measure[b["measure_id"]] for _, b in found], lang))
    return "\n\n".join([intro, table(headers, rows, lang), t("unpaired_annual", lang, rest=rest, years=years)])


def example(found: list[tuple[dict, dict]], lang: str) -> str:
    """A pair whose indicators differ, to show what "one contains the other" means; none if all are equal."""
    differing = [(a, b) for a, b in found if a["indicator_zh"] != b["indicator_zh"]]
    if not differing:
        return ""
    first, second = differing[0]
    return t("pairing_example", lang, first=target_indicator(first, lang), second=target_indicator(second, lang))
