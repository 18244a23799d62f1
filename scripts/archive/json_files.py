"""Each resource as JSON: an array of objects, one per row, every field present, missing values null."""
import json
from datetime import date
from pathlib import Path

from scripts.archive import layout
from scripts.archive.typed import typed_rows
from scripts.package import DataPackage


def as_json(value):
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {value!r} as JSON")


def dumps(data) -> str:
    """UTF-8 JSON with Chinese as itself (not \\u escapes), one stable layout."""
    return json.dumps(data, ensure_ascii=False, indent=1, default=as_json) + "\n"


def write_json_files(package: DataPackage, release_dir: Path) -> None:
    for resource in package.descriptor["resources"]:
        path = release_dir / layout.file_of(resource, "json")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dumps(typed_rows(package, resource["name"])), encoding="utf-8")
