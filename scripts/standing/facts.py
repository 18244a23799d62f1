"""The typed facts of where a target stands: numbers, dates and codes, nothing worded.

The site words them (scripts/site/sentences.py) and the release writes them as derived tables
(scripts/standing/derived.py); the rule that makes them is rule.py.
"""
from dataclasses import dataclass, field

from scripts.standing.periods import Sum, period

# How each target type is counted: a level on a date (level, coverage, amount), the additions since the
# plan began (increment), or the additions within each year (annual).
KIND = {"level": "level", "coverage": "level", "amount": "level", "increment": "increment", "annual": "annual"}

# The plan's words for new in its increment targets (新增, 新培育, 新建), longest first.
NEW_WORDS = ("新培育", "新增", "新建")
# What is known, in the order the scoreboard lists it.
STATUSES = ["met", "some_years", "below", "baseline_only", "no_figure"]
# The pace words of official mid-term evaluations (提前完成, 快于预期, 基本符合预期, 相对滞后) are given only
# where a baseline exists and the straight line from it to the target (our assumption) is drawn: within
# 5% of the distance from baseline to target of the line is on track.
PACE_BAND = 0.05


def new_word(target: dict) -> str:
    """The plan's own word for new in an increment target's quote (新培育…), or 新增 where the quote leaves it
    implied (制造业单项冠军企业15家, read with the 新培育 before it); "" where the indicator says it already (新增挂牌…)."""
    found = next((word for word in NEW_WORDS if word in target["quote_zh"]), NEW_WORDS[1])
    return "" if found in target["indicator_zh"] else found


@dataclass(frozen=True)
class Plan:
    """The plan's period as the rule reads it, and how far we searched."""
    signed: str  # the document's signed_date: levels from this day on are the plan's
    first_year: int  # the year of signing: additions from its first day on are the plan's
    last_year: int  # the document's last target year
    searched: str  # the target's searched_date: the last day we searched for its figures

    @property
    def years(self) -> list[int]:
        return list(range(self.first_year, self.last_year + 1))


@dataclass(frozen=True)
class Figure:
    """A figure compared with the target: one published level or addition, or published additions summed
    by us (computed) where their periods do not overlap."""
    value: float
    comparator: str  # '=', '>' or '>=': the least exact of its parts
    start: str  # an addition's first day; "" for a level
    end: str  # a level's day, or the additions' last day
    observations: tuple[dict, ...]
    left_out: tuple[dict, ...] = ()  # additions overlapping those summed: shown, not added
    computed: bool = False

    @classmethod
    def of(cls, observation: dict) -> "Figure":
        start = observation["period_start_date"] if observation["figure_type"] == "new_in_period" else ""
        return cls(float(observation["value"]), observation["comparator"], start, observation["as_of_date"], (observation,))

    @classmethod
    def summed(cls, additions: Sum) -> "Figure":
        return cls(additions.value, additions.comparator, additions.start, additions.end, additions.parts,
                   additions.left_out, additions.computed)

    @property
    def is_addition(self) -> bool:
        return bool(self.start)

    @property
    def ids(self) -> list[str]:
        return [o["observation_id"] for o in self.observations]

    @property
    def periods(self) -> list[tuple[str, str]]:
        return [period(o) for o in self.observations]


@dataclass(frozen=True)
class Line:
    """Where a straight line from the baseline to the target stands on the figure's day: our assumption,
    never the plan's (the plan draws no path)."""
    day: str
    value: float
    time_share: float  # of the time from the baseline's day to the target's last day, the share gone by
    progress_share: float  # of the distance from the baseline to the target, the share the figure covers


@dataclass(frozen=True)
class Year:
    """One year of the plan for an annual target."""
    year: int
    outcome: str  # the enum of target_years.outcome (schemas/derived/target_years.schema.yaml)
    figure: Figure | None = None  # the additions within the year (summed where several do not overlap)
    whole: bool = False  # the additions cover every day of the year


@dataclass(frozen=True)
class Standing:
    target: dict
    plan: Plan
    kind: str  # KIND of the target's type
    status: str  # one of STATUSES
    figure: Figure | None = None  # level: the latest level in the plan; increment: the plan's additions; annual: the latest year's
    share: float | None = None  # figure / target value
    baseline: Figure | None = None  # the latest comparable figure before the plan
    line: Line | None = None
    pace: str | None = None  # the enum of target_standing.pace (the words of official mid-term evaluations), only with a line
    years: tuple[Year, ...] = ()  # annual targets
    needed_a_year: float | None = None  # increment targets: the target spread evenly over the plan's years (our assumption)
    context: tuple[dict, ...] = field(default_factory=tuple)  # figures shown, never compared

    def years_with(self, outcome: str) -> list[Year]:
        return [year for year in self.years if year.outcome == outcome]
