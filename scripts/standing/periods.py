"""Dates and periods as the rule reads them: ISO dates compare as text, a period is (first day, last day).

An addition is summed with others only when no two of the periods overlap: where two overlap, the one
covering the longer period is summed and the other is left out (shown, never added twice).
"""
from dataclasses import dataclass
from datetime import date

# "more than" wins over "at least", which wins over "exactly": a sum is as uncertain as its least exact part.
COMPARATOR_STRENGTH = {"=": 0, ">=": 1, ">": 2}


def year_start(year: int) -> str:
    return f"{year}-01-01"


def year_end(year: int) -> str:
    return f"{year}-12-31"


def days(first: str, last: str) -> int:
    return (date.fromisoformat(last) - date.fromisoformat(first)).days


def is_addition(observation: dict) -> bool:
    return observation["figure_type"] == "new_in_period"


def period(observation: dict) -> tuple[str, str]:
    """An addition's period; a level's day as a period of one day."""
    return (observation["period_start_date"] or observation["as_of_date"], observation["as_of_date"])


def overlap(first: tuple[str, str], second: tuple[str, str]) -> bool:
    return first[0] <= second[1] and second[0] <= first[1]


def whole_year(periods: list[tuple[str, str]], year: int) -> bool:
    """Whether the periods, together, cover every day of the year."""
    reached = year_start(year)
    for start, end in sorted(periods):
        if start > reached:
            return False
        reached = max(reached, next_day(end))
    return reached > year_end(year)


def next_day(day: str) -> str:
    return date.fromordinal(date.fromisoformat(day).toordinal() + 1).isoformat()


@dataclass(frozen=True)
class Sum:
    """Published additions added up by us: the figures summed, and those left out for overlapping them."""
    parts: tuple[dict, ...]  # in date order
    left_out: tuple[dict, ...]

    @property
    def value(self) -> float:
        return sum(float(part["value"]) for part in self.parts)

    @property
    def comparator(self) -> str:
        return max((part["comparator"] for part in self.parts), key=COMPARATOR_STRENGTH.get, default="=")

    @property
    def start(self) -> str:
        return min(period(part)[0] for part in self.parts)

    @property
    def end(self) -> str:
        return max(part["as_of_date"] for part in self.parts)

    @property
    def computed(self) -> bool:
        """True where the figure is ours (more than one published figure added up), not one that was published."""
        return len(self.parts) > 1


def non_overlapping_sum(additions: list[dict]) -> Sum | None:
    """The additions whose periods do not overlap, summed; the longest period wins an overlap (then the
    later end, then the higher observation_id, so the choice is stable). None without additions."""
    chosen, left_out = [], []
    ranked = sorted(additions, key=lambda o: (days(*period(o)), o["as_of_date"], o["observation_id"]), reverse=True)
    for addition in ranked:
        if any(overlap(period(addition), period(taken)) for taken in chosen):
            left_out.append(addition)
        else:
            chosen.append(addition)
    if not chosen:
        return None
    return Sum(in_date_order(chosen), in_date_order(left_out))


def in_date_order(rows: list[dict]) -> tuple[dict, ...]:
    return tuple(sorted(rows, key=lambda o: (period(o), o["observation_id"])))
