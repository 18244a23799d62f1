"""Load the Data Package: descriptor, schemas and tables, as plain strings (empty cell = "")."""
import csv
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from scripts import paths


@dataclass
class DataPackage:
    root: Path
    descriptor: dict  # as in datapackage.yaml, with each resource's schema loaded inline
    schema_files: dict[str, str]  # resource name -> its schema's path, as the descriptor gives it
    columns: dict[str, list[str]]  # resource name -> its header, in file order
    records: dict[str, list[dict]]  # resource name -> its rows, every cell a str, in file order

    @cached_property
    def tables(self) -> dict:
        """The same rows as pandas DataFrames, for readers who want them. The build itself reads
        records: importing pandas alone cost a third of our share of the build time."""
        import pandas as pd

        return {name: pd.DataFrame(rows, columns=self.columns[name], dtype=str) for name, rows in self.records.items()}

    def resource(self, name: str) -> dict:
        return next(r for r in self.descriptor["resources"] if r["name"] == name)

    def fields(self, name: str) -> list[dict]:
        return self.resource(name)["schema"]["fields"]

    def rows(self, name: str) -> list[dict]:
        """Records with their line in the file (header = line 1), for messages that point at a row."""
        return [dict(record, _line=index + 2) for index, record in enumerate(self.records[name])]


# libyaml's loader when PyYAML has it: the pure-Python one took a third of validation time.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)


def read_descriptor(root: Path = paths.ROOT) -> dict:
    """datapackage.yaml as written, schemas still given by path."""
    return read_yaml(root / "datapackage.yaml")


def inline_schemas(descriptor: dict, root: Path) -> dict:
    """A copy of the descriptor with every schema loaded in place of its path."""
    resources = [dict(r, schema=read_yaml(root / r["schema"])) for r in descriptor["resources"]]
    return dict(descriptor, resources=resources)


def read_table(path: Path) -> tuple[list[str], list[dict]]:
    """Header and rows of a CSV, every cell a str ("" when empty)."""
    with open(path, encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def load_package(root: Path = paths.ROOT) -> DataPackage:
    written = read_descriptor(root)
    schema_files = {r["name"]: r["schema"] for r in written["resources"]}
    descriptor = inline_schemas(written, root)
    read = {r["name"]: read_table(root / r["path"]) for r in descriptor["resources"]}
    return DataPackage(root=root, descriptor=descriptor, schema_files=schema_files,
                       columns={name: header for name, (header, _) in read.items()},
                       records={name: rows for name, (_, rows) in read.items()})
