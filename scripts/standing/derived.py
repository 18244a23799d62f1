"""The derived tables: what the site computes from the data, published as data, each labelled derived
(`derived: true` in its schema and its resource) with its rule in its schema's description
(schemas/derived/<name>.schema.yaml). Rows come out as the CSVs hold them: every cell a string.

    target_standing  per target, the figure compared with it, its share of the target, the status and pace
    target_years     per annual target and year of the plan, what that year's additions show
    target_units     per target, the headings that state it or are linked to it, and who answers for each
"""
from pathlib import Path

from scripts.package import read_yaml
from scripts.standing.facts import Figure, Standing
from scripts.standing.records import standings
from scripts.standing.units import responsible, stated_lines

NAMES = ["target_standing", "target_years", "target_units"]
SCHEMA_FOLDER = "schemas/derived"
DATA_FOLDER = "data/derived"


def schema_file(name: str) -> str:
    return f"{SCHEMA_FOLDER}/{name}.schema.yaml"


def data_file(name: str) -> str:
    return f"{DATA_FOLDER}/{name}.csv"


def resources(root: Path) -> list[dict]:
    """The derived tables as Data Package resources, schemas inline, marked derived."""
    return [{"name": name, "path": data_file(name), "schema": read_yaml(root / schema_file(name)), "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8", "derived": True} for name in NAMES]


def text(value: float | None) -> str:
    """A number as a CSV cell: whole numbers without a point, others to 4 decimals at most."""
    if value is None:
        return ""
    rounded = round(value, 4)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.4f}".rstrip("0")


def figure_cells(figure: Figure | None, prefix: str = "") -> dict:
    if figure is None:
        return {f"{prefix}observation_id": "", f"{prefix}value": "", f"{prefix}period_start_date": "", f"{prefix}as_of_date": ""}
    return {f"{prefix}observation_id": figure.ids[-1], f"{prefix}value": text(figure.value),
            f"{prefix}period_start_date": figure.start, f"{prefix}as_of_date": figure.end}


def standing_row(known: Standing) -> dict:
    figure = known.figure
    return {"target_id": known.target["target_id"], "status": known.status, **figure_cells(figure),
            "comparator": figure.comparator if figure else "",
            "figure_source": ("computed" if figure.computed else "published") if figure else "",
            "observation_ids": " ".join(figure.ids) if figure else "", "share_of_target": text(known.share),
            **figure_cells(known.baseline, "baseline_"),
            "line_value": text(known.line.value if known.line else None), "pace": known.pace or "",
            "needed_a_year": text(known.needed_a_year), "context_count": str(len(known.context)),
            "searched_date": known.plan.searched}


def year_rows(known: Standing) -> list[dict]:
    return [{"target_id": known.target["target_id"], "year": str(year.year), "outcome": year.outcome,
             "value": text(year.figure.value) if year.figure else "", "comparator": year.figure.comparator if year.figure else "",
             "period_start_date": year.figure.start if year.figure else "", "as_of_date": year.figure.end if year.figure else "",
             "observation_ids": " ".join(year.figure.ids) if year.figure else "",
             "covers": ("whole_year" if year.whole else "part_of_year") if year.figure else ""}
            for year in known.years]


def unit_rows(records: dict[str, list[dict]]) -> list[dict]:
    """Per target: the heading that states it, then each heading linked to it (target_links, in file order),
    each with its units in the order of the line that names them."""
    parents = {m["measure_id"]: m["parent_id"] for m in records["measures"]}
    lines = stated_lines(records["responsibilities"])
    rows = []
    for target in records["targets"]:
        headings = [(target["measure_id"], "states")]
        headings += [(link["measure_id"], "linked") for link in records["target_links"] if link["target_id"] == target["target_id"]]
        for measure_id, link in headings:
            found = responsible(measure_id, parents, lines)
            rows += [{"target_id": target["target_id"], "measure_id": measure_id, "link": link, "agency_id": agency_id,
                      "position": str(position), "responsibility": "inherited" if found.inherited else "stated",
                      "line_measure_id": found.source_id}
                     for position, agency_id in enumerate(found.agency_ids, start=1)]
    return rows


def derived_records(records: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """name → its rows, from the package's records."""
    known = list(standings(records).values())
    return {"target_standing": [standing_row(k) for k in known],
            "target_years": [row for k in known for row in year_rows(k)],
            "target_units": unit_rows(records)}
