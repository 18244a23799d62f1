"""Every sentence the site generates about a target or a figure, from the typed facts (scripts/standing/),
in both languages, each carrying the qualifiers its data carry: new, a year; a level on a date or an
addition from–to; the scope where it differs; how far we searched where nothing was found.

Sentences are plain text: the page that shows one escapes it (markdown.cell). Numbers are written by
formats.number; nothing here is a fixed phrase (those are in phrases.yaml).
"""
from scripts.site.formats import number
from scripts.site.formats import unit as unit_of  # of a target's or an observation's row
from scripts.site.phrases import t
from scripts.standing.facts import Figure, Standing, new_word
from scripts.standing.periods import year_end, year_start

# Each code of the facts (scripts/standing/facts.py) with its phrase.
STATUS_WORDS = {"met": "status_met", "some_years": "status_some_years", "below": "status_below",
                "baseline_only": "status_baseline_only", "no_figure": "status_no_figure"}
PACE_BADGES = {"met_early": "badge_pace_met_early", "ahead": "badge_pace_ahead", "on_track": "badge_pace_on_track",
               "behind": "badge_pace_behind"}
PACE_WORDS = {"ahead": "pace_ahead", "on_track": "pace_on_track", "behind": "pace_behind"}


def status_word(status: str, lang: str) -> str:
    return t(STATUS_WORDS[status], lang)


def pace_badge(pace: str, lang: str) -> str:
    return t(PACE_BADGES[pace], lang)


def amount(value, comparator: str, lang: str) -> str:
    """76,800 / more than 11,000 / 至少400: a figure with what its comparator says."""
    written = number(str(value), lang)
    return {">": t("more_than", lang, figure=written), ">=": t("at_least", lang, figure=written)}.get(comparator, written)


def counted(value, comparator: str, unit: str, lang: str) -> str:
    """A figure with its unit: 7.68万家 / 76,800 enterprises (a % or 元 written without a space in Chinese)."""
    return f"{amount(value, comparator, lang)}{unit}" if lang == "zh" else f"{amount(value, comparator, lang)} {unit}"


def period(start: str, end: str, lang: str) -> str:
    """in 2022 (a calendar year), or from 2024-01-01 to 2024-10-08."""
    if start[:4] == end[:4] and start == year_start(int(start[:4])) and end == year_end(int(end[:4])):
        return t("in_year", lang, year=start[:4])
    return t("from_to", lang, start=start, end=end)


def percent(share: float, met: bool) -> str:
    """89 for 0.893; a share below the target never rounds up to 100."""
    whole = round(share * 100)
    return str(min(whole, 99) if not met and whole >= 100 else whole)


# --- the target itself ---------------------------------------------------------------------------

def goal(target: dict, lang: str) -> str:
    """The commitment without its indicator: ≥ 86,000 enterprises by 2027 / 120 new enterprises by 2027 / 每年50项以上."""
    kind, unit = target["target_type"], unit_of(target, lang)
    symbol = "≥ " if target["comparator"] == ">=" and lang == "en" else ""
    figure = symbol + number(target["value"], lang)
    if kind == "annual":
        return t("goal_annual", lang, figure=figure, unit=unit)
    if kind == "increment" and target["target_year"]:
        word = new_word(target)
        new = (t("new_word", lang) if word else "") if lang == "en" else word
        return t("goal_increment", lang, figure=figure, unit=unit, year=target["target_year"], verb=new, new=new)
    if target["target_year"]:
        return t("goal_level", lang, figure=figure, unit=unit, year=target["target_year"])
    return t("goal_level_undated", lang, figure=figure, unit=unit)


def headline(target: dict, lang: str) -> str:
    return t("headline", lang, indicator=target[f"indicator_{lang}"], goal=goal(target, lang))


# --- one published figure ------------------------------------------------------------------------

def figure_words(observation: dict, lang: str) -> str:
    """76,800 enterprises on 2026-01-30 / 137 enterprises added in 2022: the figure with its kind and date(s)."""
    start = observation["period_start_date"] if observation["figure_type"] == "new_in_period" else None
    return dated_amount(observation["value"], observation["comparator"], start, observation["as_of_date"],
                        unit_of(observation, lang), lang)


def dated_amount(value, comparator: str, start: str | None, end: str, unit: str, lang: str) -> str:
    """An amount added from start to end, or (start None) a level on end."""
    figure = amount(value, comparator, lang)
    if start is not None:
        return t("added_in", lang, figure=figure, unit=unit, period=period(start, end, lang))
    return t("level_on", lang, figure=figure, unit=unit, date=end)


def qualifier(observation: dict, compared: bool, lang: str) -> str:
    """What keeps a figure from being compared: its other scope (named), or its other kind; "" when compared."""
    if observation["scope"] == "differs":
        return t("scope_differs_marker", lang, note=observation[f"scope_note_{lang}"])
    return "" if compared else t("context_kind_marker", lang)


# --- where a target stands -----------------------------------------------------------------------

def searched(known: Standing, lang: str) -> str:
    return t("searched_to", lang, date=known.plan.searched)


def figure_text(figure: Figure, known: Standing, lang: str) -> str:
    """A compared figure (one published, or our sum) with its kind and date(s)."""
    return dated_amount(figure.value, figure.comparator, figure.start if figure.is_addition else None, figure.end,
                        unit_of(known.target, lang), lang)


def share_text(known: Standing, lang: str) -> str:
    return t("share", lang, percent=percent(known.share, known.status == "met"))


def status_sentence(known: Standing, lang: str) -> str:
    """Where the target stands, in one or two sentences: what is known, and nothing more."""
    words = {"level": level_sentence, "increment": increment_sentence, "annual": annual_sentence}[known.kind](known, lang)
    if known.status in ("no_figure", "baseline_only") and known.context:
        many = len(known.context) > 1
        words += t("sentence_separator", lang) + t("context_shown" if many else "context_shown_one", lang, count=len(known.context))
    return words


def level_sentence(known: Standing, lang: str) -> str:
    """76,800 of 86,000 enterprises (89%) on 2026-01-30; faster than a straight line from the baseline (…)."""
    if known.figure is None:
        return without_figure(known, lang)
    main = t("of_target", lang, figure=amount(known.figure.value, known.figure.comparator, lang), unit=unit_of(known.target, lang),
             target=number(known.target["value"], lang), share=share_text(known, lang), date=known.figure.end)
    met = [t("status_met_word", lang)] if known.status == "met" and known.pace != "met_early" else []
    parts = [main] + met + ([pace_text(known, lang)] if known.pace else [])
    return t("sentence_level", lang, figure=t("years_clause_separator", lang).join(parts))


def pace_text(known: Standing, lang: str) -> str:
    if known.pace == "met_early":
        return t("pace_met_early", lang, year=known.target["target_year"])
    unit = unit_of(known.target, lang)
    baseline = counted(known.baseline.value, known.baseline.comparator, unit, lang)
    line = counted(round(known.line.value), "=", unit, lang)
    return t("pace_line", lang, pace=t(PACE_WORDS[known.pace], lang), baseline=baseline, date=known.baseline.end, line=line)


def without_figure(known: Standing, lang: str) -> str:
    if known.baseline is None:
        return t("no_figure_found", lang, searched=searched(known, lang))
    return t("before_plan_only", lang, figure=figure_text(known.baseline, known, lang), searched=searched(known, lang))


def increment_sentence(known: Standing, lang: str) -> str:
    if known.figure is None:
        found = t("no_addition_found", lang, searched=searched(known, lang))
        return found + (t("sentence_separator", lang) + pace_before(known, lang) if known.baseline else "")
    figure = known.figure
    words = t("increment_figure", lang, figure=amount(figure.value, figure.comparator, lang), unit=unit_of(known.target, lang),
              target=number(known.target["value"], lang), share=share_text(known, lang), period=period(figure.start, figure.end, lang))
    if figure.computed:
        words += t("computed_sum", lang, count=len(figure.observations))
    if known.status == "met":
        words += t("years_clause_separator", lang) + t("status_met_word", lang)
    words = t("sentence_level", lang, figure=words)
    if known.figure.left_out:
        words += t("sentence_separator", lang) + t("left_out_overlap", lang, count=len(known.figure.left_out))
    return words


def pace_before(known: Standing, lang: str) -> str:
    """Additions before the plan as pace only, beside the target spread over the plan's years (our assumption)."""
    added = figure_text(known.baseline, known, lang)
    if known.needed_a_year is None:
        return t("annual_before_plan", lang, added=added)
    return t("pace_before_plan", lang, added=added, need=number(str(known.needed_a_year), lang), unit=unit_of(known.target, lang),
             figure=number(known.target["value"], lang), first=known.plan.first_year, last=known.target["target_year"])


def annual_sentence(known: Standing, lang: str) -> str:
    clauses = year_clauses(known, lang)
    sentence = t("sentence_level", lang, figure=t("years_clause_separator", lang).join(clauses)) if clauses else ""
    if known.status == "baseline_only":
        sentence += t("sentence_separator", lang) + t("annual_before_plan", lang, added=figure_text(known.baseline, known, lang))
    return sentence[0].upper() + sentence[1:] if lang == "en" and sentence else sentence


def year_clauses(known: Standing, lang: str) -> list[str]:
    """met in 2024; not met in 2025 (…); 2026 below so far (…); no figure found for 2026 (searched to …)."""
    join = t("list_separator", lang).join
    clauses = []
    whole_met = [year for year in known.years_with("met") if year.whole]
    if whole_met:
        clauses.append(t("years_met", lang, years=join(str(year.year) for year in whole_met)))
    for year in known.years:
        added = figure_text(year.figure, known, lang) if year.figure else ""
        if year.outcome == "met" and not year.whole:
            clauses.append(t("years_met_part", lang, year=year.year, added=added))
        elif year.outcome in ("not_met", "part_year"):
            clauses.append(t("years_not_met" if year.outcome == "not_met" else "years_part", lang, year=year.year, added=added))
    missing = known.years_with("no_figure")
    if missing:
        clauses.append(t("years_no_figure", lang, years=join(str(year.year) for year in missing), searched=searched(known, lang)))
    return clauses
