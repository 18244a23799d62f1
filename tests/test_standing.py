"""Where a target stands, by the rule the pages print: each status on a minimal case."""
import pytest

from scripts.site.standing import standing

SIGNED = "2024-02-04"


def target(target_type="level", value="100"):
    return {"target_type": target_type, "value": value}


def figure(value, as_of, start="", scope="same"):
    return {"value": str(value), "as_of_date": as_of, "period_start_date": start, "scope": scope,
            "figure_type": "new_in_period" if start else "level"}


def test_a_level_target_is_reached_only_while_the_latest_level_meets_it():
    assert standing(target(), [figure(120, "2024-06-30")], SIGNED).status == "reached"
    fell = standing(target(), [figure(120, "2024-06-30"), figure(90, "2025-06-30")], SIGNED)
    assert fell.status == "reported" and fell.latest["value"] == "90"


def test_figures_before_the_plan_are_only_a_baseline():
    found = standing(target(), [figure(150, "2023-12-31")], SIGNED)
    assert found.status == "baseline" and found.baseline["value"] == "150"


def test_another_scope_is_never_compared():
    assert standing(target(), [figure(500, "2025-01-01", scope="differs")], SIGNED).status == "differs"


@pytest.mark.parametrize("target_type, figures", [
    ("level", [figure(150, "2024-12-31", "2024-01-01")]),  # an addition in a year beside a level target
    ("increment", [figure(150, "2025-12-31")]),  # a level beside an increment target
])
def test_a_figure_of_another_kind_is_context_never_compared(target_type, figures):
    found = standing(target(target_type), figures, SIGNED)
    assert found.status == "differs" and found.latest is None


def test_nothing_found_is_not_reported():
    assert standing(target(), [], SIGNED).status == "not_reported"


def test_an_annual_target_is_reached_in_the_years_a_figure_within_the_year_meets_it():
    found = standing(target("annual", "400"), [figure(1381, "2024-06-19", "2024-01-01"),
                                               figure(300, "2025-06-30", "2025-01-01")], SIGNED)
    assert found.status == "reached" and found.years_reached == ["2024"]
    across_years = standing(target("annual", "400"), [figure(900, "2025-06-30", "2024-01-01")], SIGNED)
    assert across_years.status == "reported"  # a period over two years says nothing about either year


@pytest.mark.parametrize("start, status", [("2024-01-01", "reached"), ("2023-01-01", "baseline")])
def test_an_increment_counts_only_periods_starting_in_the_plans_years(start, status):
    assert standing(target("increment", "120"), [figure(130, "2025-12-31", start)], SIGNED).status == status
