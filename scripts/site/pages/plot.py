"""A time plot as static SVG, drawn at the size it is shown (one SVG unit is one CSS pixel), in two layouts:
narrow for a phone, wide for a desktop column (the stylesheet shows the one that fits). Text is 13 px;
a label is placed only where it overlaps no other label and stays inside the SVG, else left out (every
figure is in the table beside the chart and in the SVG's description).
"""
import math
from dataclasses import dataclass, field
from datetime import date

from scripts.figures import in_chinese
from scripts.site.escape import text

FONT = 13  # px: the chart's text size, at least 12 on a phone (the stylesheet says the same)


@dataclass(frozen=True)
class Layout:
    name: str  # narrow / wide: the class the stylesheet switches on
    width: int
    height: int
    left: int
    right: int = 12
    top: int = 26
    bottom: int = 30


LAYOUTS = [Layout("narrow", 340, 238, 62, top=34), Layout("wide", 680, 298, 76, top=34)]


def text_width(label: str) -> float:
    """An upper estimate of a label's width at FONT: a Han character a full em, others about 0.62 em."""
    return sum(FONT * (1.0 if ord(char) > 0x2E80 else 0.64 if char.isalnum() else 0.4) for char in label)


@dataclass
class Labels:
    """Labels placed so far: each new one goes to the first candidate spot that overlaps none and stays inside."""
    layout: Layout
    boxes: list[tuple[float, float, float, float]] = field(default_factory=list)
    svg: list[str] = field(default_factory=list)

    def box(self, x: float, y: float, label: str, anchor: str) -> tuple[float, float, float, float]:
        width = text_width(label)
        left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
        return (left, y - FONT * 0.85, left + width, y + FONT * 0.3)

    def fits(self, box: tuple[float, float, float, float]) -> bool:
        inside = box[0] >= 0 and box[1] >= 0 and box[2] <= self.layout.width and box[3] <= self.layout.height
        return inside and not any(box[0] < b[2] + 2 and b[0] < box[2] + 2 and box[1] < b[3] + 1 and b[1] < box[3] + 1
                                  for b in self.boxes)

    def keep_clear(self, x: float, y: float, radius: float = 6) -> None:
        """A mark no label may cover (a dot, the end of a bar)."""
        self.boxes.append((x - radius, y - radius, x + radius, y + radius))

    def place(self, label: str, css: str, spots: list[tuple[float, float, str]]) -> bool:
        """Write the label at the first spot (x, y, text-anchor) where it fits; False when none does."""
        for x, y, anchor in spots:
            box = self.box(x, y, label, anchor)
            if self.fits(box):
                self.boxes.append(box)
                self.svg.append(f'<text class="{css}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{text(label)}</text>')
                return True
        return False


@dataclass(frozen=True)
class Frame:
    """Where a day and a value fall in a layout."""
    layout: Layout
    start: date
    end: date
    top: float  # the largest value on the y axis

    def x(self, day: str | date) -> float:
        day = date.fromisoformat(day) if isinstance(day, str) else day
        share = (day - self.start).days / max(1, (self.end - self.start).days)
        return round(self.layout.left + share * (self.layout.width - self.layout.left - self.layout.right), 1)

    def y(self, value: float) -> float:
        plot = self.layout.height - self.layout.top - self.layout.bottom
        return round(self.layout.height - self.layout.bottom - min(value, self.top) / self.top * plot, 1)

    @property
    def bottom(self) -> float:
        return self.layout.height - self.layout.bottom

    @property
    def right(self) -> float:
        return self.layout.width - self.layout.right


def nice_ticks(largest: float, count: int = 5) -> list[float]:
    """0 and round steps (1, 2 or 5 × 10^n) up to at least `largest`."""
    raw = largest / count or 1
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return [step * i for i in range(math.ceil(largest / step) + 1)]


def compact(value: float, lang: str) -> str:
    """An axis number that fits: 8万 / 10亿 in Chinese; 80,000 / 1 bn / 0.5 bn in English."""
    if lang == "zh":
        return in_chinese(value)
    if value >= 1e8:
        return f"{value / 1e9:g} bn"
    if value >= 1e6:
        return f"{value / 1e6:g} mn"
    return f"{value:,.0f}" if value == int(value) else f"{value:,g}"


def axes(frame: Frame, ticks: list[float], unit: str, labels: Labels, lang: str) -> list[str]:
    """Axis lines, grid, the unit above the y axis, value ticks and a year at the middle of each year
    (every other year where they would crowd)."""
    layout, bottom = frame.layout, frame.bottom
    lines = [f'<line class="axis" x1="{layout.left}" y1="{layout.top}" x2="{layout.left}" y2="{bottom}"/>',
             f'<line class="axis" x1="{layout.left}" y1="{bottom}" x2="{frame.right}" y2="{bottom}"/>']
    labels.place(unit, "axis-title", [(4, layout.top - 14, "start")])
    for tick in ticks:
        y = frame.y(tick)
        lines.append(f'<line class="grid" x1="{layout.left}" y1="{y}" x2="{frame.right}" y2="{y}"/>')
        labels.place(compact(tick, lang), "tick", [(layout.left - 5, y + 4, "end")])
    years = list(range(frame.start.year, frame.end.year + 1))
    span = frame.x(date(years[0] + 1, 1, 1)) - frame.x(date(years[0], 1, 1)) if len(years) > 1 else layout.width
    every = math.ceil((text_width("2027") + 6) / max(span, 1))
    for year in years:
        x = frame.x(date(year, 1, 1))
        lines.append(f'<line class="axis" x1="{x}" y1="{bottom}" x2="{x}" y2="{bottom + 4}"/>')
        if (year - years[0]) % every == 0:
            labels.place(str(year), "tick", [(frame.x(date(year, 7, 1)), bottom + 17, "middle")])
    return lines


def svg(layout: Layout, key: str, title: str, desc: str, body: list[str], labels: Labels) -> str:
    """One layout's SVG: sized in CSS pixels by its viewBox, named and described for screen readers."""
    ident = f"{key}-{layout.name}"
    return (f'<svg class="target-chart {layout.name}" viewBox="0 0 {layout.width} {layout.height}" width="{layout.width}" '
            f'height="{layout.height}" role="img" aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{ident}-title">{text(title)}</title><desc id="{ident}-desc">{text(desc)}</desc>'
            + "".join(body) + "".join(labels.svg) + "</svg>")
