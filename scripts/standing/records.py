"""The package's rows as the rule needs them: each target's plan and its figures in date order, and every
target's standing. `records` is DataPackage.records (resource → rows of strings)."""
from collections import defaultdict

from scripts.standing.facts import Plan, Standing
from scripts.standing.rule import standing


def figures_by_target(records: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """target_id → its published figures, earliest first (a level's day or an addition's last day, then its first)."""
    found = defaultdict(list)
    for row in sorted(records.get("progress", []), key=lambda o: (o["as_of_date"], o["period_start_date"])):
        found[row["target_id"]].append(row)
    return dict(found)


def plan_of(target: dict, records: dict[str, list[dict]]) -> Plan:
    """From the target's document: signed on its signed_date, running to its last target year (the year of
    signing where it dates no target); searched to the target's searched_date."""
    document = next(d for d in records["documents"] if d["document_id"] == target["document_id"])
    signed = document["signed_date"]
    years = [int(t["target_year"]) for t in records["targets"] if t["document_id"] == target["document_id"] and t["target_year"]]
    return Plan(signed, int(signed[:4]), max(years, default=int(signed[:4])), target["searched_date"])


def standings(records: dict[str, list[dict]]) -> dict[str, Standing]:
    """target_id → where it stands, for every target, in the targets' file order."""
    figures = figures_by_target(records)
    return {t["target_id"]: standing(t, figures.get(t["target_id"], []), plan_of(t, records)) for t in records["targets"]}
