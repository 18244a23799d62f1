"""Load the Data Package: descriptor, schemas and tables, as plain strings (empty cell = "").

Also the package's contract in code: its languages, the safe-ID pattern and the version form, each
stated once here (the schemas carry the pattern in each ID field, and the validator checks they do).
"""
import csv
import io
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml


LANGUAGES = ("zh", "en")  # the original first; x_zh / x_en fields, x.md / x.en.md pages
SAFE_ID_PATTERN = "[a-z0-9]+([-.][a-z0-9]+)*"  # works in a file name and a URL
VERSION = re.compile(r"[0-9]+\.[0-9]+\.[0-9]+")  # MAJOR.MINOR.PATCH: it names the downloads' folder
VARIANT_SEPARATOR = "|"  # between the English forms of variants_en (terms, agencies)


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

    def field(self, resource: str, name: str) -> dict:
        return next(f for f in self.fields(resource) if f["name"] == name)

    def enum_label(self, resource: str, field: str, value: str, lang: str) -> str:
        """An allowed value as readers see it, from the field's enumLabels (the validator checks every
        allowed value has one in both languages)."""
        return self.field(resource, field)["enumLabels"][value][lang]

    def rows(self, name: str) -> list[dict]:
        """Records with their line in the file (header = line 1), for messages that point at a row."""
        return [dict(record, _line=index + 2) for index, record in enumerate(self.records[name])]


# libyaml's loader when PyYAML has it: the pure-Python one took a third of validation time.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)


def read_descriptor(root: Path) -> tuple[dict, dict[str, str]]:
    """datapackage.yaml with every schema loaded in place of its path (each file parsed once), and
    each resource's schema path as the descriptor gives it."""
    written = read_yaml(root / "datapackage.yaml")
    schema_files = {r["name"]: r["schema"] for r in written["resources"]}
    resources = [dict(r, schema=read_yaml(root / r["schema"])) for r in written["resources"]]
    return dict(written, resources=resources), schema_files


def read_table(path: Path) -> tuple[list[str], list[dict]]:
    """Header and rows of a CSV, every cell a str ("" when empty)."""
    with open(path, encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def write_table(path: Path, header: list[str], rows: list[dict]) -> None:
    """A CSV the way data/ keeps them: UTF-8 without BOM, a header, one record per line ending in \\n."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def load_package(root: Path, read: tuple[dict, dict[str, str]] | None = None) -> DataPackage:
    """The package under root; `read` is what read_descriptor(root) gave, when the caller has it already."""
    descriptor, schema_files = read or read_descriptor(root)
    tables = {r["name"]: read_table(root / r["path"]) for r in descriptor["resources"]}
    return DataPackage(root=root, descriptor=descriptor, schema_files=schema_files,
                       columns={name: header for name, (header, _) in tables.items()},
                       records={name: rows for name, (_, rows) in tables.items()})
