"""The targets page: every commitment, a progress chart, reported progress, and a consistency check."""
from pathlib import Path

from scripts.pages import escape, names
from scripts.pages.labels import LANGUAGES, enum, t
from scripts.pages.markdown import Safe, cell, en, number, table, write, zh
from scripts.pages.measures import target_indicator, target_value
from scripts.pages.model import Site

TITLE = {"zh": "目标", "en": "Targets"}
INTRO = {
    "zh": "方案提出的全部量化目标。数值按原文换算为纯数字（8.6万家 → 86000），“原文”栏为照录的原文短语。"
          "原文未说明的年份或起算年份标为“未说明”。方案附件《目标清单》的内容缺失，不在此列。",
    "en": "Every quantified commitment in the plan. Figures are the text's, as plain numbers (8.6万家 → 86,000); "
          "the quote column gives the Chinese phrase verbatim. Where the text gives no year or start year, the "
          "page says \u201cnot stated\u201d. The plan's attachment (target list) is missing and not included here.",
}
HEADINGS = {
    "all": ("全部目标", "All targets"),
    "chart": ("进展图", "Progress chart"),
    "progress": ("已报告的进展", "Progress reported so far"),
    "consistency": ("每年目标与2027年目标是否一致", "Do the annual targets add up to the 2027 targets?"),
}
CHART_NOTE = {
    "zh": "每条横条为最新报告值占目标值的比例（超过100%时画满）；未报告的目标标为“未报告”。图中文字即数据，屏幕阅读器可直接朗读。",
    "en": "Each bar is the latest reported figure as a share of the target (drawn full above 100%); targets with "
          "no report say \u201cnot reported\u201d. The text in the chart is the data, readable by screen readers.",
}


def heading(key: str, lang: str) -> str:
    return HEADINGS[key][LANGUAGES.index(lang)]


def write_targets(site: Site, docs_dir: Path) -> None:
    for lang in LANGUAGES:
        write(docs_dir, names.TARGETS, lang, page(site, lang))


def page(site: Site, lang: str) -> str:
    return "\n\n".join([
        f"# {TITLE[lang]}", INTRO[lang],
        f"## {heading('all', lang)}", all_targets(site, lang),
        f"## {heading('chart', lang)}", CHART_NOTE[lang], chart(site, lang),
        f"## {heading('progress', lang)}", progress(site, lang),
        f"## {heading('consistency', lang)}", consistency(site, lang),
    ])


def all_targets(site: Site, lang: str) -> str:
    headers = [t("indicator", lang), t("type", lang), t("target", lang), t("year", lang),
               t("measure", lang), t("quote", lang)]
    rows = [[target_indicator(target, lang), enum("target_type", target["target_type"], lang),
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
    caption = heading("chart", lang)
    return (f'<figure class="target-chart"><figcaption>{caption}</figcaption>'
            f'<ul>{"".join(bars)}</ul></figure>')


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
                       f"{enum('source_kind', latest['source_kind'], lang)}", lang)
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
                          f"({cell(enum('source_kind', report['source_kind'], lang), lang)}, "
                          f"<code>{cell(report['observation_id'], lang)}</code>)")
            rows.append(first + [figure, source])
    return table(headers, rows, lang) + "\n\n" + notes(reported, "observation_id", lang)


CONSISTENCY_INTRO = {
    "zh": "方案在第二部分为七类企业规定了每年目标，在第一部分规定了到2027年的目标。"
          "当两个目标的指标相同，或一个指标包含另一个（如“专精特新“小巨人”企业”与“国家专精特新“小巨人”企业”）时，本站将它们配对比较。"
          "<strong>假设：</strong>原文未说明每年目标从哪一年起算；本站假设其适用于从方案签发之年（{start}年）到目标年份的每一年，"
          "即每年目标 × 年数。这只是为了比较而作的假设，不是原文的说法。"
          "“总量”目标（达到多少家）需要起始数才能比较，原文未给出起始数，因此无法核对。",
    "en": "Part 2 of the plan sets annual targets for seven tiers of enterprises; part 1 sets targets for 2027. We "
          "pair two targets when their indicators are the same or one contains the other (e.g. SRDI \u201cLittle "
          "Giant\u201d enterprises and national SRDI \u201cLittle Giant\u201d enterprises). <strong>Assumption:</strong> "
          "the text does not say from which year the annual targets count; we assume each applies in every year "
          "from the year the plan was signed ({start}) to the target year, so the annual figure × the number of "
          "years. This is our assumption for the comparison, not the text's. A level target (a total to reach) "
          "needs a baseline to compare, and the text gives none, so it cannot be checked.",
}
VERDICTS = {
    "agree": ("一致", "agree"),
    "short": ("不一致：每年目标合计少于2027年目标", "disagree: the annual targets add up to less than the 2027 target"),
    "over": ("不一致：每年目标合计多于2027年目标", "disagree: the annual targets add up to more than the 2027 target"),
    "baseline": ("无法核对：原文未给出起始数", "cannot check: the text gives no baseline"),
    "units": ("无法核对：单位不同", "cannot check: different units"),
}


def pairs(site: Site) -> list[tuple[dict, dict]]:
    """(annual target, 2027 target) whose indicators are equal or one contains the other."""
    annual = [t for t in site.targets if t["target_type"] == "annual"]
    totals = [t for t in site.targets if t["target_type"] in ("level", "increment") and t["target_year"]]
    return [(a, b) for a in annual for b in totals
            if a["indicator_zh"] in b["indicator_zh"] or b["indicator_zh"] in a["indicator_zh"]]


def plan_start(site: Site, target: dict) -> int:
    """The year the plan was signed: the assumed first year of every annual target."""
    document = next(d for d in site.documents if d["document_id"] == target["document_id"])
    return int(document["signed_date"][:4])


def verdict(site: Site, annual: dict, total: dict) -> tuple[str, int, float | None]:
    """(verdict key, years assumed, annual × years) for one pair."""
    years = int(total["target_year"]) - plan_start(site, annual) + 1
    summed = float(annual["value"]) * years
    if annual["unit_en"] != total["unit_en"]:
        return "units", years, None
    if total["target_type"] == "level":
        return "baseline", years, summed
    goal = float(total["value"])
    return ("agree" if summed == goal else "short" if summed < goal else "over"), years, summed


def consistency(site: Site, lang: str) -> str:
    found = pairs(site)
    if not found:
        return t("none", lang)
    start = plan_start(site, found[0][0])
    headers = [t("indicator", lang), "每年目标" if lang == "zh" else "Annual target",
               "假设年数" if lang == "zh" else "Years assumed", "每年 × 年数" if lang == "zh" else "Annual × years",
               "2027年目标" if lang == "zh" else "2027 target", "结果" if lang == "zh" else "Result"]
    rows = []
    for annual, total in found:
        key, years, summed = verdict(site, annual, total)
        period = f"{years} ({start}–{total['target_year']})"
        rows.append([target_indicator(annual, lang), target_value(annual, lang), period,
                     number(str(summed), lang) if summed is not None else "—",
                     f"{target_value(total, lang)} ({enum('target_type', total['target_type'], lang)})",
                     Safe(f"<strong>{VERDICTS[key][LANGUAGES.index(lang)]}</strong>")])
    unpaired = [a for a in site.targets if a["target_type"] == "annual" and all(a is not p[0] for p in found)]
    rest = ", ".join(cell(target_indicator(a, lang), lang) for a in unpaired)
    tail = {"zh": f"没有对应2027年目标的每年目标：{rest}。", "en": f"Annual targets with no 2027 counterpart: {rest}."}
    return "\n\n".join([CONSISTENCY_INTRO[lang].format(start=start), table(headers, rows, lang), tail[lang]])
