"""termbase.csv: every term and unit with its one English form and the variants running text may use,
in one table a translator's tool can import (a glossary CSV: source term, target term, more forms)."""
from pathlib import Path

from scripts.package import DataPackage, write_table

COLUMNS = ["entry_id", "entry_type", "zh", "en", "variants_en", "category"]
# (resource, entry_type, Chinese field, English field, category field)
SOURCES = [("terms", "term", "term_zh", "term_en", "kind"), ("agencies", "unit", "name_zh", "name_en", "agency_type")]


def termbase_rows(package: DataPackage) -> list[dict]:
    rows = []
    for resource, entry_type, chinese, english, category in SOURCES:
        key = package.resource(resource)["schema"]["primaryKey"][0]
        rows += [{"entry_id": record[key], "entry_type": entry_type, "zh": record[chinese], "en": record[english],
                  "variants_en": record["variants_en"], "category": record[category]}
                 for record in package.records[resource]]
    return rows


def write_termbase(package: DataPackage, path: Path) -> None:
    write_table(path, COLUMNS, termbase_rows(package))
