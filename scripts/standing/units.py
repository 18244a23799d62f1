"""Who answers for a heading: the units its own 责任单位 line names, or, where it has none, those of the
nearest heading above it that has one (inherited, and said so). The text states responsibilities per
item in part 三; its numbered sub-items inherit them. The site's pages and the release's derived table
both ask here.
"""
from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class Responsible:
    """The units a heading shows, in the order of the line that names them."""
    agency_ids: tuple[str, ...]
    source_id: str | None  # the heading whose line names them (the heading itself when stated)
    inherited: bool


def stated_lines(responsibilities: list[dict]) -> dict[str, list[str]]:
    """measure_id → the agency_ids its own 责任单位 line names, in the line's order."""
    lines = defaultdict(list)
    for row in sorted(responsibilities, key=lambda r: int(r["position"])):
        lines[row["measure_id"]].append(row["agency_id"])
    return dict(lines)


def responsible(measure_id: str, parents: dict[str, str], lines: dict[str, list[str]]) -> Responsible:
    """parents: measure_id → parent_id ("" for a part); lines: stated_lines()."""
    current, inherited = measure_id, False
    while current:
        if current in lines:
            return Responsible(tuple(lines[current]), current, inherited)
        current, inherited = parents[current], True
    return Responsible((), None, False)
