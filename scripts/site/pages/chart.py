"""A target's chart, written at build time in the page's language: it draws what the target counts.

- level, coverage and amount targets: the levels over time (SVG) against the target line; with a
  baseline, the straight line from it to the target, labelled as our assumption;
- increment targets (新增 / 新培育 / 新建): the running total of additions since the plan began against
  the target (SVG), and additions from before the plan as pace only, beside what the plan needs a year
  (bars), never one year's additions against the whole period's total on one axis;
- annual targets: one bar per year of the plan against the annual minimum; no figure and not yet said.
Context figures (another scope or kind) never set the axis and are drawn hollow; those that do not fit
are named under the chart. No script: SVG with a title and description, and HTML bars with their words.
"""
from datetime import date

from scripts.site import formats, sentences
from scripts.site.escape import attribute
from scripts.site.formats import number
from scripts.site.markdown import cell
from scripts.site.model import Site
from scripts.site.pages import plot
from scripts.site.pages.plot import Frame, Labels, Layout, compact, nice_ticks
from scripts.site.phrases import t
from scripts.standing.facts import Standing
from scripts.standing.periods import is_addition, period, year_end, year_start
from scripts.standing.rule import role, shown_as

TITLES = {"level": "chart_title_level", "increment": "chart_title_increment", "annual": "chart_title_annual"}
# Each mark the charts draw, with the words of its key.
LEGEND = {"goal": "chart_legend_goal", "assumed": "chart_legend_assumed", "even": "chart_legend_even",
          "baseline": "chart_legend_baseline", "plan": "chart_legend_plan", "total": "chart_legend_total",
          "other_scope": "chart_legend_other_scope", "other_kind": "chart_legend_other_kind", "minimum": "chart_legend_minimum"}
YEAR_ROWS = {"met": "chart_year_met", "not_met": "chart_year_not_met", "part_year": "chart_year_part_year",
             "no_figure": "chart_year_no_figure", "not_yet": "chart_year_not_yet"}


def chart(site: Site, target: dict, lang: str) -> str:
    known = site.standing(target)
    figures = [(o, role(o, target, known.plan)) for o in site.observations_of(target["target_id"])]
    title = chart_title(known, lang)
    draw = {"level": level_chart, "increment": increment_chart, "annual": annual_chart}[known.kind]
    body, marks, notes = draw(known, figures, title, lang)
    nothing = known.figure is None if known.kind == "increment" else all(r == "context" for _, r in figures)
    empty = empty_note(known, figures, lang) if nothing and known.kind != "annual" else ""
    shapes = note("chart_shapes", lang) if known.kind != "annual" else ""
    return (f'<figure class="target-chart" data-pagefind-ignore><p class="chart-title">{cell(title, lang)}</p>{empty}{body}'
            f'<figcaption>{legend(marks, lang)}{shapes}{"".join(notes)}</figcaption></figure>')


def chart_title(known: Standing, lang: str) -> str:
    return t(TITLES[known.kind], lang, indicator=known.target[f"indicator_{lang}"], goal=sentences.goal(known.target, lang))


def empty_note(known: Standing, figures: list[tuple[dict, str]], lang: str) -> str:
    """What the chart lacks, dated by the search: no figure at all, none comparable, or no addition since the plan."""
    key = "chart_empty_increment" if known.kind == "increment" else "chart_empty_context" if figures else "chart_empty"
    return f'<p class="chart-empty">{cell(t(key, lang, date=known.plan.searched), lang)}</p>'


def description(known: Standing, figures: list[tuple[dict, str]], lang: str) -> str:
    """The chart in words: where the target stands, then every figure with its kind and whether it is compared."""
    lines = [sentences.status_sentence(known, lang)]
    lines += [t("chart_desc_figure", lang, figure=sentences.figure_words(o, lang), kind=legend_words(shown_as(o, r), lang))
              for o, r in figures]
    return t("sentence_separator", lang).join(lines)


def legend(marks: list[str], lang: str) -> str:
    """A key for the marks the chart shows, and only those."""
    items = [f'<li><span class="key key-{mark}" aria-hidden="true"></span>{cell(legend_words(mark, lang), lang)}</li>'
             for mark in dict.fromkeys(marks)]
    return f'<ul class="chart-legend">{"".join(items)}</ul>' if items else ""


def legend_words(mark: str, lang: str) -> str:
    return t(LEGEND[mark], lang)


def note(key: str, lang: str, **values) -> str:
    return f'<p class="chart-note">{cell(t(key, lang, **values), lang)}</p>'


def off_scale_note(left_out: list[dict], lang: str) -> list[str]:
    return figures_note("chart_off_scale", left_out, lang)


def figures_note(key: str, listed: list[dict], lang: str) -> list[str]:
    """A note naming figures the chart does not draw, and why (the phrase says)."""
    if not listed:
        return []
    return [note(key, lang, figures=t("list_separator", lang).join(sentences.figure_words(o, lang) for o in listed))]


def both_layouts(draw) -> str:
    """The plot in each layout; the stylesheet shows the one that fits its column."""
    return f'<div class="plot">{"".join(draw(layout) for layout in plot.LAYOUTS)}</div>'


# --- levels over time ----------------------------------------------------------------------------

def level_chart(known: Standing, figures: list[tuple[dict, str]], title: str, lang: str):
    compared = [(o, r) for o, r in figures if r != "context"]
    first = min([int(o["as_of_date"][:4]) for o, _ in compared] + [known.plan.first_year - 1])
    last = int(known.target["target_year"] or max([known.plan.searched[:4]] + [o["as_of_date"][:4] for o, _ in figures]))
    values = [float(known.target["value"])] + [float(o["value"]) for o, _ in compared] + ([known.line.value] if known.line else [])
    ticks = nice_ticks(max(values) * 1.08)
    start, end = date(first, 1, 1), date(last, 12, 31)
    shown = [(o, r) for o, r in figures if r != "context" or fits(o, start, end, ticks[-1])]
    left_out = [o for o, r in figures if (o, r) not in shown]
    marks = ["goal"] + (["assumed"] if known.line else []) + [shown_as(o, r) for o, r in shown]
    desc = description(known, figures, lang)

    def draw(layout: Layout) -> str:
        frame, labels = Frame(layout, start, end, ticks[-1]), Labels(layout)
        body = plot.axes(frame, ticks, sentences.unit_of(known.target, lang), labels, lang)
        body += assumed_line(frame, known) + series(frame, [o for o, r in shown if r != "context"])
        shapes, spots = figure_shapes(frame, shown, labels)
        first, rest = spots[:1], spots[1:]  # the latest compared figure is labelled first, then the target
        value_labels(first, labels, lang)
        body += goal_line(frame, known, labels, lang) + signing(frame, known, labels, lang) + shapes
        value_labels(rest, labels, lang)
        return plot.svg(layout, f"chart-{known.target['target_id']}", title, desc, body, labels)
    return both_layouts(draw), marks, off_scale_note(left_out, lang)


def fits(observation: dict, start: date, end: date, top: float) -> bool:
    """Whether a context figure falls inside the axes the compared figures set."""
    first, last = period(observation)
    return float(observation["value"]) <= top and date.fromisoformat(first) >= start and date.fromisoformat(last) <= end


def signing(frame: Frame, known: Standing, labels: Labels, lang: str) -> list[str]:
    x = frame.x(known.plan.signed)
    label = t("chart_signed", lang)
    labels.place(label, "note", [(x + 4, frame.layout.top + 12, "start"), (x - 4, frame.layout.top + 12, "end")])
    return [f'<line class="signed" x1="{x}" y1="{frame.layout.top}" x2="{x}" y2="{frame.bottom}"/>']


def goal_line(frame: Frame, known: Standing, labels: Labels, lang: str) -> list[str]:
    """The target over the plan's years, its figure written above or below it."""
    target = known.target
    y, x1 = frame.y(float(target["value"])), frame.x(year_start(known.plan.first_year))
    x2 = frame.x(year_end(int(target["target_year"]))) if target["target_year"] else frame.right
    figure = compact(float(target["value"]), lang)
    label = t("chart_goal", lang, figure=figure, year=target["target_year"]) if target["target_year"] else \
        t("chart_goal_undated", lang, figure=figure)
    labels.place(label, "goal-label", [(x2, y - 6, "end"), (x1 + 4, y - 6, "start"), (x2, y + 16, "end"), (x1 + 4, y + 16, "start")])
    return [f'<line class="goal" x1="{x1}" y1="{y}" x2="{x2}" y2="{y}"/>']


def assumed_line(frame: Frame, known: Standing) -> list[str]:
    """The straight line from the baseline to the target (our assumption; the legend says so)."""
    if known.line is None:
        return []
    x1, y1 = frame.x(known.baseline.end), frame.y(known.baseline.value)
    x2, y2 = frame.x(year_end(int(known.target["target_year"]))), frame.y(float(known.target["value"]))
    return [f'<line class="assumed" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/>']


def series(frame: Frame, levels: list[dict]) -> list[str]:
    """The compared levels joined in date order."""
    points = [o for o in levels if not is_addition(o)]
    if len(points) < 2:
        return []
    coordinates = " ".join(f"{frame.x(o['as_of_date'])},{frame.y(float(o['value']))}" for o in points)
    return [f'<polyline class="series" points="{coordinates}"/>']


def figure_shapes(frame: Frame, shown: list[tuple[dict, str]], labels: Labels) -> tuple[list[str], list[tuple]]:
    """A level as a dot on its day, an addition as a bar over its period; no label may cover a mark. The
    spots for their values come back compared figures first, latest first, then the context figures."""
    body, spots = [], []
    for observation, figure_role in shown:
        mark, y = shown_as(observation, figure_role), frame.y(float(observation["value"]))
        if is_addition(observation):
            x1, x2 = frame.x(observation["period_start_date"]), frame.x(observation["as_of_date"])
            body.append(f'<rect class="period {mark}" x="{x1}" y="{y - 3}" width="{max(x2 - x1, 2):.1f}" height="6"/>')
            x = (x1 + x2) / 2
        else:
            x = frame.x(observation["as_of_date"])
            body.append(f'<circle class="{mark}" cx="{x}" cy="{y}" r="5"/>')
            labels.keep_clear(x, y)
        spots.append((figure_role == "context", observation["as_of_date"], x, y, observation, mark))
    spots.sort(key=lambda spot: spot[1], reverse=True)  # latest first…
    spots.sort(key=lambda spot: spot[0])  # …compared before context (a stable sort keeps the dates' order)
    return body, [(x, y, o, mark) for _, _, x, y, o, mark in spots]


def value_labels(spots: list[tuple], labels: Labels, lang: str) -> None:
    """Each figure's value beside its mark where it fits: above, below, right or left; written as every
    figure is (formats.number), only the axis shortens numbers."""
    for x, y, observation, mark in spots:
        labels.place(formats.figure(observation, lang), f"value {mark}",
                     [(x, y - 9, "middle"), (x, y + 19, "middle"), (x + 9, y + 4, "start"), (x - 9, y + 4, "end")])


# --- additions since the plan began --------------------------------------------------------------

def increment_chart(known: Standing, figures: list[tuple[dict, str]], title: str, lang: str):
    target, plan = known.target, known.plan
    last = int(target["target_year"] or plan.searched[:4])
    start, end = date(plan.first_year, 1, 1), date(last, 12, 31)
    total = known.figure.value if known.figure else 0
    ticks = nice_ticks(max(float(target["value"]), total) * 1.08)
    context = [(o, r) for o, r in figures if r == "context" and is_addition(o) and fits(o, start, end, ticks[-1])]
    levels = [o for o, r in figures if r == "context" and not is_addition(o)]
    left_out = [o for o, r in figures if r == "context" and is_addition(o) and (o, r) not in context]
    marks = ["goal", "even"] + (["total"] if known.figure else []) + [shown_as(o, r) for o, r in context]
    desc = description(known, figures, lang)

    def draw(layout: Layout) -> str:
        frame, labels = Frame(layout, start, end, ticks[-1]), Labels(layout)
        body = plot.axes(frame, ticks, sentences.unit_of(known.target, lang), labels, lang)
        body += goal_line(frame, known, labels, lang) + even_pace(frame, known) + running_total(frame, known, labels, lang)
        shapes, spots = figure_shapes(frame, context, labels)
        value_labels(spots, labels, lang)
        body += shapes
        return plot.svg(layout, f"chart-{target['target_id']}", title, desc, body, labels)
    notes = figures_note("chart_levels_not_drawn", levels, lang) + off_scale_note(left_out, lang) + pace_bars(known, figures, lang)
    return both_layouts(draw), marks, notes


def even_pace(frame: Frame, known: Standing) -> list[str]:
    """From nothing at the start of the year of signing to the target at the end of its year: the plan's need
    spread evenly (our assumption: the text states no first year)."""
    if not known.target["target_year"]:
        return []
    x1, y1 = frame.x(year_start(known.plan.first_year)), frame.y(0)
    x2, y2 = frame.x(year_end(int(known.target["target_year"]))), frame.y(float(known.target["value"]))
    return [f'<line class="assumed" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/>']


def running_total(frame: Frame, known: Standing, labels: Labels, lang: str) -> list[str]:
    """Steps up at the end of each summed addition, a dot and the total so far at each."""
    if known.figure is None:
        return []
    points, body, total = [(frame.x(year_start(known.plan.first_year)), frame.y(0))], [], 0.0
    for part in known.figure.observations:
        total += float(part["value"])
        x, y = frame.x(part["as_of_date"]), frame.y(total)
        points += [(x, points[-1][1]), (x, y)]
        body.append(f'<circle class="total" cx="{x}" cy="{y}" r="5"/>')
        labels.place(number(str(total), lang), "value total", [(x, y - 9, "middle"), (x - 9, y + 4, "end"), (x, y + 19, "middle")])
    coordinates = " ".join(f"{x},{y}" for x, y in points)
    return [f'<polyline class="total" points="{coordinates}"/>'] + body


def pace_bars(known: Standing, figures: list[tuple[dict, str]], lang: str) -> list[str]:
    """Additions from before the plan, each beside what the plan needs a year: pace only, never on the axis of the total."""
    before = [o for o, r in figures if r == "baseline"]
    if not before or known.needed_a_year is None:
        return []
    unit = sentences.unit_of(known.target, lang)
    rows = [(sentences.figure_words(o, lang), float(o["value"]), "baseline") for o in before]
    rows.append((t("chart_needed", lang, need=sentences.counted(known.needed_a_year, "=", unit, lang), first=known.plan.first_year,
                   last=known.target["target_year"]), known.needed_a_year, "even"))
    return [f'<p class="chart-subtitle">{cell(t("chart_pace_title", lang), lang)}</p>' + bars(rows, max(v for _, v, _ in rows), lang)]


def bars(rows: list[tuple[str, float | None, str]], scale: float, lang: str, minimum: float | None = None) -> str:
    """Rows of words and a bar each, on one scale; the bar is geometry only (its value is in the words).
    With a minimum, every row shows it as a line across its track, a row without a figure too."""
    items = []
    for words, value, mark in rows:
        shapes = ['<rect class="track" x="0" y="1" width="100" height="8"/>'] if minimum else []
        if value is not None:
            shapes.append(f'<rect class="{attribute(mark)}" x="0" y="1" width="{max(value / scale * 100, 0.5):.2f}" height="8"/>')
        if minimum:
            x = f"{minimum / scale * 100:.2f}"
            shapes.append(f'<line class="minimum" x1="{x}" y1="0" x2="{x}" y2="10"/>')
        bar = (f'<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">{"".join(shapes)}</svg>'
               if shapes else "")
        items.append(f'<li class="bar-row"><span class="bar-words">{cell(words, lang)}</span>{bar}</li>')
    return f'<ul class="bars">{"".join(items)}</ul>'


# --- one bar per year of the plan ----------------------------------------------------------------

def annual_chart(known: Standing, figures: list[tuple[dict, str]], title: str, lang: str):
    minimum = float(known.target["value"])
    before = [o for o, r in figures if r == "baseline"]
    context = [(o, r) for o, r in figures if r == "context"]
    values = [minimum] + [float(o["value"]) for o in before] + [y.figure.value for y in known.years if y.figure]
    scale = max(values) * 1.1
    inside = [(o, r) for o, r in context if float(o["value"]) <= scale]
    dated = [(o["as_of_date"], (sentences.figure_words(o, lang) + t("chart_before_plan", lang), float(o["value"]), "baseline"))
             for o in before]
    dated += [(year_end(year.year), year_row(known, year, lang)) for year in known.years]
    dated += [(o["as_of_date"], (sentences.figure_words(o, lang) + " · " + sentences.qualifier(o, False, lang), float(o["value"]),
                                 shown_as(o, r))) for o, r in inside]
    rows = [row for _, row in sorted(dated, key=lambda pair: pair[0])]
    marks = ["minimum"] + [mark for _, value, mark in rows if value is not None]
    return bars(rows, scale, lang, minimum), marks, off_scale_note([o for o, r in context if (o, r) not in inside], lang)


def year_row(known: Standing, year, lang: str) -> tuple[str, float | None, str]:
    label = t(YEAR_ROWS[year.outcome], lang, year=year.year)
    if year.figure is None:
        return label, None, year.outcome
    added = sentences.figure_text(year.figure, known, lang) + ("" if year.whole else t("chart_part_of_year", lang))
    return t("chart_year_words", lang, year=label, added=added), year.figure.value, "plan"
