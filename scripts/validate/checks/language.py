"""The English: every field a schema declares English (lang: en) is written in English.

A translation (a field with translates: X_zh) is filled exactly where its Chinese twin is and holds no
Chinese at all; English prose of our own (a note) may quote Chinese words, but must be mostly English.
"""
import re
from collections.abc import Iterator

from scripts.package import DataPackage
from scripts.validate.problems import Problem

HAN = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


def english(package: DataPackage) -> Iterator[Problem]:
    for resource in package.descriptor["resources"]:
        names = {f["name"] for f in resource["schema"]["fields"]}
        for field in resource["schema"]["fields"]:
            if field.get("lang") != "en" or field.get("translates", field["name"]) not in names:
                continue  # a translates naming no field is reported by declarations
            check = _translation_cell if field.get("translates") else _prose_cell
            for row in package.rows(resource["name"]):
                yield from check(resource["path"], row, field)


def _translation_cell(file: str, row: dict, field: dict) -> Iterator[Problem]:
    name, twin = field["name"], field["translates"]
    value = row[name]
    if row[twin] and not value.strip():
        yield Problem("english.missing", file, row["_line"], name, "the English is missing.", "write the English translation.")
    elif value and not row[twin]:
        yield Problem("english.without-chinese", file, row["_line"], name,
                      f"English given but {twin} is empty.", f"fill {twin} or empty {name}.")
    elif HAN.search(value):
        yield Problem("english.contains-chinese", file, row["_line"], name, "the English contains Chinese characters.",
                      "translate or romanise them.")


def _prose_cell(file: str, row: dict, field: dict) -> Iterator[Problem]:
    value = row[field["name"]]
    if len(HAN.findall(value)) > len(LATIN.findall(value)):
        yield Problem("english.mostly-chinese", file, row["_line"], field["name"],
                      "this field is English prose, but the text is mostly Chinese.",
                      "write it in English; quote Chinese words only where the note is about them.")
