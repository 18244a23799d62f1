"""Where a target stands, by one stated rule (schemas/derived/target_standing.schema.yaml says it in words;
the site prints it beside every status).

Only figures comparable with the target are compared with it (comparable.py: its own scope and the kind of
figure it counts); the others are context. The plan began on its document's signed_date: a level dated
before that day, or an addition in a period starting before the year of signing, is from before the plan.
- level, coverage, amount: the latest level from the plan's period, as a share of the target; met when it
  meets it. With a level from before the plan (the baseline) and a target year, the straight line from
  the baseline to the target on the figure's day (our assumption) gives the pace words.
- increment: the additions from the plan's period, summed where their periods do not overlap (a figure we
  compute, marked as ours), as a share of the target; met when the sum meets it. Additions from before the
  plan are its pace only, beside the target spread evenly over the plan's years (our assumption).
- annual: each year of the plan from its first to the target year: met when the additions within that
  year meet the minimum; not met when they cover the whole year and fall short; a part of the year that
  falls short is not judged; no figure, or not yet (after the search).
With no comparable figure from the plan's period: before the plan only, or no figure found (searched to
the target's searched_date).
"""
from scripts.standing.comparable import comparable
from scripts.standing.facts import KIND, PACE_BAND, Figure, Line, Plan, Standing, Year
from scripts.standing.periods import days, is_addition, non_overlapping_sum, whole_year, year_end, year_start


def in_plan_period(observation: dict, plan: Plan) -> bool:
    if is_addition(observation):
        return observation["period_start_date"] >= year_start(plan.first_year)
    return observation["as_of_date"] >= plan.signed


def role(observation: dict, target: dict, plan: Plan) -> str:
    """context (never compared), plan (compared: from the plan's period) or baseline (compared: before it)."""
    if not comparable(observation, target):
        return "context"
    return "plan" if in_plan_period(observation, plan) else "baseline"


def shown_as(observation: dict, figure_role: str) -> str:
    """How a page, a chart and a feed present a figure: compared (plan, baseline), or context of another
    scope or of another kind."""
    if figure_role != "context":
        return figure_role
    return "other_scope" if observation["scope"] == "differs" else "other_kind"


def meets(value: float, target: dict) -> bool:
    return value >= float(target["value"])


def standing(target: dict, observations: list[dict], plan: Plan) -> Standing:
    """observations: the target's, in date order."""
    roles = [(o, role(o, target, plan)) for o in observations]
    in_plan = [o for o, r in roles if r == "plan"]
    before = [o for o, r in roles if r == "baseline"]
    context = tuple(o for o, r in roles if r == "context")
    baseline = Figure.of(before[-1]) if before else None
    kind = KIND[target["target_type"]]
    judge = {"level": level_standing, "increment": increment_standing, "annual": annual_standing}[kind]
    return judge(target, plan, in_plan, baseline, context)


def without_figure(target: dict, plan: Plan, kind: str, baseline: Figure | None, context: tuple, **facts) -> Standing:
    return Standing(target, plan, kind, "baseline_only" if baseline else "no_figure", baseline=baseline,
                    context=context, **facts)


def level_standing(target: dict, plan: Plan, in_plan: list[dict], baseline: Figure | None, context: tuple) -> Standing:
    if not in_plan:
        return without_figure(target, plan, "level", baseline, context)
    figure = Figure.of(in_plan[-1])
    line = straight_line(target, baseline, figure)
    return Standing(target, plan, "level", "met" if meets(figure.value, target) else "below", figure,
                    figure.value / float(target["value"]), baseline, line, pace(target, figure, line), context=context)


def straight_line(target: dict, baseline: Figure | None, figure: Figure) -> Line | None:
    """The line from the baseline on its day to the target on the last day of its year, read on the figure's day."""
    if baseline is None or not target["target_year"]:
        return None
    distance, goal = float(target["value"]) - baseline.value, year_end(int(target["target_year"]))
    if distance <= 0 or days(baseline.end, goal) <= 0:
        return None
    time_share = days(baseline.end, figure.end) / days(baseline.end, goal)
    return Line(figure.end, baseline.value + distance * time_share, time_share, (figure.value - baseline.value) / distance)


def pace(target: dict, figure: Figure, line: Line | None) -> str | None:
    if line is None:
        return None
    if meets(figure.value, target) and figure.end < year_end(int(target["target_year"])):
        return "met_early"
    ahead_by = line.progress_share - line.time_share
    return "ahead" if ahead_by > PACE_BAND else "behind" if ahead_by < -PACE_BAND else "on_track"


def increment_standing(target: dict, plan: Plan, in_plan: list[dict], baseline: Figure | None, context: tuple) -> Standing:
    years = int(target["target_year"]) - plan.first_year + 1 if target["target_year"] else 0
    needed = float(target["value"]) / years if years > 0 else None
    additions = non_overlapping_sum(in_plan)
    if additions is None:
        return without_figure(target, plan, "increment", baseline, context, needed_a_year=needed)
    figure = Figure.summed(additions)
    return Standing(target, plan, "increment", "met" if meets(figure.value, target) else "below", figure,
                    figure.value / float(target["value"]), baseline, needed_a_year=needed, context=context)


def annual_standing(target: dict, plan: Plan, in_plan: list[dict], baseline: Figure | None, context: tuple) -> Standing:
    years = tuple(plan_year(target, plan, year, in_plan) for year in plan.years)
    judged = [year for year in years if year.outcome != "not_yet"]
    with_figures = [year for year in judged if year.figure]
    if not with_figures:
        return without_figure(target, plan, "annual", baseline, context, years=years)
    met = [year for year in judged if year.outcome == "met"]
    status = "met" if len(met) == len(judged) else "some_years" if met else "below"
    latest = with_figures[-1].figure
    return Standing(target, plan, "annual", status, latest, latest.value / float(target["value"]), baseline,
                    years=years, context=context)


def plan_year(target: dict, plan: Plan, year: int, in_plan: list[dict]) -> Year:
    if year_start(year) > plan.searched:
        return Year(year, "not_yet")
    within = [o for o in in_plan if o["period_start_date"][:4] == o["as_of_date"][:4] == str(year)]
    additions = non_overlapping_sum(within)
    if additions is None:
        return Year(year, "no_figure")
    figure = Figure.summed(additions)
    whole = whole_year(figure.periods, year)
    outcome = "met" if meets(figure.value, target) else "not_met" if whole else "part_year"
    return Year(year, outcome, figure, whole)
