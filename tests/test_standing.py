"""Where a target stands, by the rule the pages print and the release publishes: every target type and
status on a minimal case, and the facts each carries (scripts/standing/)."""
import pytest

from scripts.standing import Plan, standing
from scripts.standing.periods import non_overlapping_sum, whole_year

PLAN = Plan(signed="2024-02-04", first_year=2024, last_year=2027, searched="2026-12-03")


def target(target_type="level", value="100", year="2027", comparator=None):
    """As the plan writes them: an increment exactly (新增…120家), the others as minimums (达到, 以上)."""
    comparator = comparator or ("=" if target_type == "increment" else ">=")
    return {"target_id": "t", "target_type": target_type, "value": value, "target_year": year, "comparator": comparator,
            "quote_zh": "", "indicator_zh": "", "unit_zh": "家", "unit_en": "enterprises"}


def figure(value, as_of, start="", scope="same", comparator="=", ident=None):
    return {"observation_id": ident or f"o-{as_of}-{start}-{value}", "value": str(value), "as_of_date": as_of,
            "period_start_date": start, "scope": scope, "comparator": comparator,
            "figure_type": "new_in_period" if start else "level"}


# (target type, figures, status, facts the case must show)
CASES = {
    "level met": ("level", [figure(80, "2022-12-31"), figure(120, "2024-06-30")], "met", {"share": 1.2, "pace": "met_early"}),
    "level below, ahead of the line": ("level", [figure(20, "2022-12-31"), figure(90, "2025-12-31")], "below", {"pace": "ahead"}),
    "level below, on the line": ("level", [figure(0, "2022-12-31"), figure(60, "2025-12-31")], "below", {"pace": "on_track"}),
    "level below, behind the line": ("level", [figure(0, "2022-12-31"), figure(30, "2025-12-31")], "below", {"pace": "behind"}),
    "level below, no baseline": ("level", [figure(60, "2025-12-31")], "below", {"pace": None, "line": None, "share": 0.6}),
    "level before the plan only": ("level", [figure(50, "2023-12-31")], "baseline_only", {"figure": None}),
    "level no figure": ("level", [], "no_figure", {"figure": None, "baseline": None}),
    "coverage met": ("coverage", [figure(100, "2025-06-30")], "met", {"line": None}),
    "coverage before the plan only": ("coverage", [figure(100, "2022-12-31")], "baseline_only", {}),
    "amount below": ("amount", [figure(40, "2025-01-01")], "below", {"share": 0.4}),
    "amount no figure": ("amount", [], "no_figure", {}),
    "increment met": ("increment", [figure(70, "2024-12-31", "2024-01-01"), figure(40, "2025-12-31", "2025-01-01")], "met",
                      {"share": 1.1}),
    "increment below": ("increment", [figure(30, "2024-12-31", "2024-01-01")], "below", {"share": 0.3}),
    "increment before the plan only": ("increment", [figure(137, "2022-12-31", "2022-01-01")], "baseline_only",
                                       {"needed_a_year": 25.0}),
    "increment no figure": ("increment", [], "no_figure", {}),
    "annual met every year": ("annual", [figure(120, f"{y}-12-31", f"{y}-01-01") for y in (2024, 2025, 2026)], "met", {}),
    "annual met in some years": ("annual", [figure(120, "2024-12-31", "2024-01-01")], "some_years", {}),
    "annual below": ("annual", [figure(60, "2024-12-31", "2024-01-01")], "below", {}),
    "annual before the plan only": ("annual", [figure(137, "2022-12-31", "2022-01-01")], "baseline_only", {}),
    "annual no figure": ("annual", [], "no_figure", {}),
}


@pytest.mark.parametrize("case", CASES)
def test_every_type_and_status(case):
    target_type, figures, status, facts = CASES[case]
    found = standing(target(target_type), figures, PLAN)
    assert found.status == status
    for name, value in facts.items():
        assert getattr(found, name) == pytest.approx(value) if isinstance(value, float) else getattr(found, name) == value, name


def test_a_level_target_is_met_only_while_the_latest_level_meets_it():
    fell = standing(target(), [figure(120, "2024-06-30"), figure(90, "2025-06-30")], PLAN)
    assert fell.status == "below" and fell.figure.value == 90 and fell.share == pytest.approx(0.9)


def test_the_straight_line_runs_from_the_baseline_to_the_target_at_the_end_of_its_year():
    found = standing(target(), [figure(0, "2022-12-31"), figure(50, "2025-07-02")], PLAN)
    assert found.line.time_share == pytest.approx(0.5, abs=0.001) and found.line.value == pytest.approx(50, abs=0.1)
    assert found.pace == "on_track"


@pytest.mark.parametrize("scope_or_kind", ["another scope", "another kind"])
def test_context_is_never_compared(scope_or_kind):
    other = figure(500, "2025-01-01", scope="differs") if scope_or_kind == "another scope" else figure(150, "2024-12-31", "2024-01-01")
    found = standing(target(), [other], PLAN)
    assert found.status == "no_figure" and found.figure is None and found.context == (other,)


def test_increment_sums_only_additions_that_do_not_overlap_and_says_it_is_ours():
    year, spring = figure(100, "2024-12-31", "2024-01-01"), figure(30, "2024-03-31", "2024-01-01")
    found = standing(target("increment", "500"), [spring, year, figure(50, "2025-06-30", "2025-01-01")], PLAN)
    assert found.figure.value == 150 and found.figure.computed and found.figure.left_out == (spring,)
    assert (found.figure.start, found.figure.end) == ("2024-01-01", "2025-06-30")
    single = standing(target("increment", "500"), [year], PLAN)
    assert single.figure.value == 100 and not single.figure.computed


def test_a_sum_is_as_uncertain_as_its_least_exact_part():
    summed = non_overlapping_sum([figure(10, "2024-12-31", "2024-01-01"), figure(5, "2025-12-31", "2025-01-01", comparator=">")])
    assert summed.comparator == ">"


def test_increment_counts_only_periods_starting_in_the_plans_years():
    before = standing(target("increment", "120"), [figure(130, "2025-12-31", "2023-01-01")], PLAN)
    assert before.status == "baseline_only" and before.figure is None


def test_an_annual_year_is_judged_only_on_additions_within_it_and_a_part_year_is_said():
    found = standing(target("annual", "400"), [figure(1381, "2024-06-19", "2024-01-01"), figure(300, "2025-06-30", "2025-01-01"),
                                               figure(900, "2026-06-30", "2025-07-01")], PLAN)
    outcomes = {year.year: (year.outcome, year.whole) for year in found.years}
    assert outcomes == {2024: ("met", False), 2025: ("part_year", False), 2026: ("no_figure", False), 2027: ("not_yet", False)}
    full = standing(target("annual", "400"), [figure(300, "2025-12-31", "2025-01-01")], PLAN)
    assert [y.outcome for y in full.years if y.year == 2025] == ["not_met"]


def test_whole_year_needs_every_day():
    assert whole_year([("2024-01-01", "2024-06-30"), ("2024-07-01", "2024-12-31")], 2024)
    assert not whole_year([("2024-01-01", "2024-06-30"), ("2024-07-02", "2024-12-31")], 2024)


def test_the_real_targets_stand_as_the_data_say():
    from conftest import REPO
    from scripts.package import load_package
    from scripts.standing.records import standings

    found = standings(load_package(REPO).records)
    assert (found["cq-2024-14-t01"].status, found["cq-2024-14-t01"].pace) == ("below", "ahead")  # 76,800 of 86,000
    assert round(found["cq-2024-14-t01"].share * 100) == 89 and found["cq-2024-14-t01"].figure.end == "2026-01-30"
    assert (found["cq-2024-14-t03"].status, found["cq-2024-14-t03"].pace) == ("met", "met_early")  # 5,035 of 5,000, 2024
    assert found["cq-2024-14-t04"].status == "baseline_only" and found["cq-2024-14-t04"].needed_a_year == 30  # 137 in 2022
    assert found["cq-2024-14-t13"].status == "some_years"  # 804 on the first 2024 list alone: met in 2024, part of the year
    assert [(y.year, y.outcome, y.whole) for y in found["cq-2024-14-t13"].years][0] == (2024, "met", False)
    assert found["cq-2024-14-t11"].status == "no_figure" and found["cq-2024-14-t11"].plan.searched == "2026-11-28"
