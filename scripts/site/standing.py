"""Where a target stands, by one stated rule (the pages print the rule beside every status).

Only figures comparable with the target are compared with it (scripts/comparable.py: its own scope and
the kind of figure it counts). The plan was signed on its document's
signed_date: a level dated before that day, or a number added in a period that starts before the year
of signing, is a baseline; the others count toward the plan.
- level, coverage, amount targets: reached when the latest level in the plan's period meets the target;
- increment targets: reached when a number added in a period starting in the plan's period meets it;
- annual targets: reached in a year when a number added within that year meets the annual minimum.
Otherwise the latest figure in the plan's period and its date are shown; with none, the status says
whether there is only a baseline, only figures that are not comparable, or nothing at all.
"""
from dataclasses import dataclass, field

from scripts.comparable import comparable

# Statuses in the order the scoreboard lists them: what is known first.
ORDER = ["reached", "reported", "baseline", "differs", "not_reported"]


@dataclass
class Standing:
    status: str  # one of ORDER
    latest: dict | None = None  # the latest comparable figure in the plan's period (or the baseline)
    baseline: dict | None = None  # the latest comparable figure before the plan
    years_reached: list[str] = field(default_factory=list)  # annual targets: the years a figure meets the minimum


def in_plan_period(observation: dict, signed_date: str) -> bool:
    if observation["figure_type"] == "level":
        return observation["as_of_date"] >= signed_date
    return observation["period_start_date"] >= signed_date[:4] + "-01-01"


def meets(observation: dict, target: dict) -> bool:
    return float(observation["value"]) >= float(target["value"])


def within_one_year(observation: dict) -> bool:
    return observation["period_start_date"][:4] == observation["as_of_date"][:4]


def standing(target: dict, observations: list[dict], signed_date: str) -> Standing:
    """observations: the target's, in date order."""
    same = [o for o in observations if comparable(o, target)]
    plan = [o for o in same if in_plan_period(o, signed_date)]
    before = [o for o in same if not in_plan_period(o, signed_date)]
    baseline = before[-1] if before else None
    if target["target_type"] == "annual":
        years = sorted({o["as_of_date"][:4] for o in plan if within_one_year(o) and meets(o, target)})
        if years:
            return Standing("reached", plan[-1], baseline, years)
    elif target["target_type"] == "increment":
        if any(meets(o, target) for o in plan):
            return Standing("reached", next(o for o in reversed(plan) if meets(o, target)), baseline)
    elif plan and meets(plan[-1], target):
        return Standing("reached", plan[-1], baseline)
    if plan:
        return Standing("reported", plan[-1], baseline)
    if baseline:
        return Standing("baseline", baseline, baseline)
    return Standing("differs" if observations else "not_reported")
