"""A target's chart as static SVG, written at build time: no script, labelled axes, the target drawn as a
line, baselines, levels and numbers added in a period told apart by shape and colour, and a text
alternative (<title>, <desc>) with the same figures. The page's table of figures says it all again.
"""
import math
from dataclasses import dataclass
from datetime import date

from scripts.comparable import comparable
from scripts.site.escape import text
from scripts.site.formats import figure, number, unit
from scripts.site.phrases import t
from scripts.site.standing import in_plan_period

WIDTH, HEIGHT = 640, 340
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 28, 84  # the plot area's margins; the legend sits in the bottom one


@dataclass
class Frame:
    """Where a date and a value fall in the SVG's coordinates."""
    start: date
    end: date
    top: float  # the largest value on the y axis

    def x(self, day: str | date) -> float:
        day = date.fromisoformat(day) if isinstance(day, str) else day
        share = (day - self.start).days / max(1, (self.end - self.start).days)
        return round(LEFT + share * (WIDTH - LEFT - RIGHT), 1)

    def y(self, value: float) -> float:
        return round(HEIGHT - BOTTOM - value / self.top * (HEIGHT - TOP - BOTTOM), 1)


def nice_ticks(largest: float, count: int = 4) -> list[float]:
    """0 and round steps (1, 2 or 5 × 10^n) up to at least `largest`."""
    raw = largest / count or 1
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return [step * i for i in range(math.ceil(largest / step) + 1)]


def frame(target: dict, observations: list[dict], signed: str, last_year: int) -> tuple[Frame, list[float]]:
    years = [int(o["as_of_date"][:4]) for o in observations] + [int(o["period_start_date"][:4]) for o in observations
                                                              if o["period_start_date"]]
    first = min(years + [int(signed[:4]) - 1])
    ticks = nice_ticks(max([float(target["value"])] + [float(o["value"]) for o in observations]) * 1.08)
    return Frame(date(first, 1, 1), date(last_year, 12, 31), ticks[-1]), ticks


def chart(target: dict, observations: list[dict], signed: str, last_year: int, lang: str) -> str:
    """The figure: an inline SVG (styled by the site's CSS, read by screen readers) and its caption."""
    box, ticks = frame(target, observations, signed, last_year)
    key = f"chart-{target['target_id']}"
    parts = [axes(box, ticks, target, lang), signing(box, signed, lang), goal(box, target, signed, lang),
             straight_line(box, target, observations, signed, lang)]
    parts += [mark(box, o, target, signed, lang, above=index % 2 == 0) for index, o in enumerate(observations)]
    parts.append(legend(lang))
    svg = (f'<svg class="target-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
           f'aria-labelledby="{key}-title {key}-desc" xmlns="http://www.w3.org/2000/svg">'
           f'<title id="{key}-title">{text(t("chart_title", lang, indicator=target[f"indicator_{lang}"]))}</title>'
           f'<desc id="{key}-desc">{text(description(target, observations, signed, lang))}</desc>'
           + "".join(p for p in parts if p) + "</svg>")
    return f'<figure class="target-chart">{svg}<figcaption>{text(t("chart_caption", lang))}</figcaption></figure>'


def axes(box: Frame, ticks: list[float], target: dict, lang: str) -> str:
    bottom, right = HEIGHT - BOTTOM, WIDTH - RIGHT
    lines = [f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{bottom}"/>',
             f'<line class="axis" x1="{LEFT}" y1="{bottom}" x2="{right}" y2="{bottom}"/>',
             f'<text class="axis-title" x="{LEFT}" y="{TOP - 10}">{text(unit(target, lang))}</text>']
    for tick in ticks:
        y = box.y(tick)
        lines += [f'<line class="grid" x1="{LEFT}" y1="{y}" x2="{right}" y2="{y}"/>',
                  f'<text class="tick" x="{LEFT - 6}" y="{y + 4}" text-anchor="end">{text(number(str(tick), lang))}</text>']
    for year in range(box.start.year, box.end.year + 1):
        x, middle = box.x(date(year, 1, 1)), box.x(date(year, 7, 1))
        lines += [f'<line class="axis" x1="{x}" y1="{bottom}" x2="{x}" y2="{bottom + 5}"/>',
                  f'<text class="tick" x="{middle}" y="{bottom + 18}" text-anchor="middle">{year}</text>']
    return "".join(lines)


def signing(box: Frame, signed: str, lang: str) -> str:
    x = box.x(signed)
    return (f'<line class="signed" x1="{x}" y1="{TOP}" x2="{x}" y2="{HEIGHT - BOTTOM}"/>'
            f'<text class="note" x="{x + 4}" y="{TOP + 10}">{text(t("chart_signed", lang))}</text>')


def goal(box: Frame, target: dict, signed: str, lang: str) -> str:
    """The target as a line over the years it covers, with its figure written on it."""
    y, start = box.y(float(target["value"])), box.x(signed[:4] + "-01-01")
    end = box.x(f"{target['target_year']}-12-31") if target["target_year"] else WIDTH - RIGHT
    label = t("chart_goal_annual" if target["target_type"] == "annual" else "chart_goal", lang, figure=figure(target, lang),
              year=target["target_year"] or t("not_stated", lang))
    return (f'<line class="goal" x1="{start}" y1="{y}" x2="{end}" y2="{y}"/>'
            f'<text class="goal-label" x="{start + 4}" y="{y - 6}">{text(label)}</text>')


def straight_line(box: Frame, target: dict, observations: list[dict], signed: str, lang: str) -> str:
    """For a dated level target with a baseline: the straight line from the baseline to the target,
    labelled as our assumption (the plan draws no path)."""
    before = [o for o in observations if o["scope"] == "same" and o["figure_type"] == "level"
              and not in_plan_period(o, signed)]
    if target["target_type"] != "level" or not target["target_year"] or not before:
        return ""
    base = before[-1]
    x1, y1 = box.x(base["as_of_date"]), box.y(float(base["value"]))
    x2, y2 = box.x(f"{target['target_year']}-12-31"), box.y(float(target["value"]))
    return (f'<line class="assumed" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}"/>'
            f'<text class="note" x="{(x1 + x2) / 2}" y="{(y1 + y2) / 2 + 16}">{text(t("chart_assumed", lang))}</text>')


def style_of(observation: dict, target: dict, signed: str) -> str:
    if not comparable(observation, target):
        return "differs"  # context: another scope, or another kind of figure than the target counts
    return "plan" if in_plan_period(observation, signed) else "baseline"


def mark(box: Frame, observation: dict, target: dict, signed: str, lang: str, above: bool) -> str:
    """A level as a dot on its date; a number added in a period as a bar over the period. Labels go above
    and below the marks in turn, so neighbours do not write over each other."""
    style, y = style_of(observation, target, signed), box.y(float(observation["value"]))
    label_y = y - 8 if above else y + 17
    label = f'<text class="value {style}" x="{{x}}" y="{label_y}" text-anchor="middle">{text(number(observation["value"], lang))}</text>'
    if observation["figure_type"] == "level":
        x = box.x(observation["as_of_date"])
        return f'<circle class="{style}" cx="{x}" cy="{y}" r="5"/>' + label.format(x=x)
    x1, x2 = box.x(observation["period_start_date"]), box.x(observation["as_of_date"])
    return (f'<line class="period {style}" x1="{x1}" y1="{y}" x2="{x2}" y2="{y}"/>'
            f'<line class="period-end {style}" x1="{x1}" y1="{y - 5}" x2="{x1}" y2="{y + 5}"/>'
            f'<line class="period-end {style}" x1="{x2}" y1="{y - 5}" x2="{x2}" y2="{y + 5}"/>' + label.format(x=(x1 + x2) / 2))


def legend(lang: str) -> str:
    """What the marks mean, under the plot: shape and colour both carry the difference."""
    entries = [("baseline", "chart_legend_baseline"), ("plan", "chart_legend_plan"), ("differs", "chart_legend_differs")]
    top, items = HEIGHT - BOTTOM + 36, []
    for index, (style, key) in enumerate(entries):
        x = LEFT + index * 180
        items.append(f'<circle class="{style}" cx="{x}" cy="{top}" r="5"/>'
                     f'<text class="legend" x="{x + 10}" y="{top + 4}">{text(t(key, lang))}</text>')
    items.append(f'<line class="goal" x1="{LEFT - 6}" y1="{top + 22}" x2="{LEFT + 6}" y2="{top + 22}"/>'
                 f'<text class="legend" x="{LEFT + 10}" y="{top + 26}">{text(t("chart_legend_goal", lang))}</text>'
                 f'<line class="assumed" x1="{LEFT + 174}" y1="{top + 22}" x2="{LEFT + 186}" y2="{top + 22}"/>'
                 f'<text class="legend" x="{LEFT + 190}" y="{top + 26}">{text(t("chart_legend_assumed", lang))}</text>')
    return "".join(items)


def description(target: dict, observations: list[dict], signed: str, lang: str) -> str:
    """The chart in words: the target, then every figure with its date or period and its kind."""
    lines = [t("chart_desc_target", lang, figure=figure(target, lang),
               unit=unit(target, lang))]
    for o in observations:
        when = f"{o['period_start_date']}–{o['as_of_date']}" if o["period_start_date"] else o["as_of_date"]
        lines.append(t("chart_desc_figure", lang, when=when, figure=number(o["value"], lang),
                       kind=t(f"chart_legend_{style_of(o, target, signed)}", lang)))
    return t("sentence_separator", lang).join(lines)
