"""What the site computes, carried by the release as data: the derived tables (scripts/standing/derived.py),
added to the package as resources marked `derived: true`, so every format holds them (data/derived/ and
json/derived/, a sheet each in the workbook, a table each in SQLite, and the zip); and each target's own
figures (targets/<target_id>.csv and .json), which its page offers as a download."""
import dataclasses
from collections import defaultdict
from pathlib import Path

from scripts.archive import layout
from scripts.archive.json_files import dumps
from scripts.archive.typed import typed_rows
from scripts.package import DataPackage, write_table
from scripts.standing import derived


def with_derived(package: DataPackage) -> DataPackage:
    """The package and, after its own resources, the derived tables computed from it."""
    extra = derived.resources(package.root)
    descriptor = dict(package.descriptor, resources=package.descriptor["resources"] + extra)
    columns = {resource["name"]: [field["name"] for field in resource["schema"]["fields"]] for resource in extra}
    return dataclasses.replace(package, descriptor=descriptor, records=package.records | derived.derived_records(package.records),
                               columns=package.columns | columns)


def write_target_files(package: DataPackage, release_dir: Path) -> None:
    """targets/<target_id>.csv (the target's rows of progress.csv, in file order, same columns) and .json (typed)."""
    (release_dir / layout.TARGETS).mkdir()
    rows_of, typed_of = defaultdict(list), defaultdict(list)
    for row, typed in zip(package.records["progress"], typed_rows(package, "progress")):
        rows_of[row["target_id"]].append(row)
        typed_of[row["target_id"]].append(typed)
    for target_id in (target["target_id"] for target in package.records["targets"]):
        write_table(release_dir / layout.target_file(target_id, "csv"), package.columns["progress"], rows_of[target_id])
        (release_dir / layout.target_file(target_id, "json")).write_text(dumps(typed_of[target_id]), encoding="utf-8")
