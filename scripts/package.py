"""Load the Data Package: descriptor, schemas and tables, as plain strings (empty cell = "")."""
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from scripts import paths


@dataclass
class DataPackage:
    root: Path
    descriptor: dict  # as in datapackage.yaml, with each resource's schema loaded inline
    schema_files: dict[str, str]  # resource name -> its schema's path, as the descriptor gives it
    tables: dict[str, pd.DataFrame]  # every cell a str, in file order

    def resource(self, name: str) -> dict:
        return next(r for r in self.descriptor["resources"] if r["name"] == name)

    def fields(self, name: str) -> list[dict]:
        return self.resource(name)["schema"]["fields"]

    def rows(self, name: str) -> list[dict]:
        """Records with their line in the file (header = line 1), for messages that point at a row."""
        records = self.tables[name].to_dict("records")
        return [dict(record, _line=index + 2) for index, record in enumerate(records)]

    def source_text(self, document_id: str) -> str:
        document = self.tables["documents"].set_index("document_id").loc[document_id]
        return (self.root / "data" / document["source_file"]).read_text(encoding="utf-8")


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


def read_table(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def load_package(root: Path = paths.ROOT) -> DataPackage:
    written = read_descriptor(root)
    schema_files = {r["name"]: r["schema"] for r in written["resources"]}
    descriptor = inline_schemas(written, root)
    tables = {r["name"]: read_table(root / r["path"]) for r in descriptor["resources"]}
    return DataPackage(root=root, descriptor=descriptor, schema_files=schema_files, tables=tables)
