"""The languages: every field a schema declares English (lang: en) is written in English, and our
own Chinese beside it in Chinese.

A translation (a field with translates: X_zh) is filled exactly where its Chinese twin is and holds no
Chinese at all; English prose of our own (a note) may quote Chinese words, but must be mostly English.
Our prose in both languages (X_en and X_zh, neither a translation nor verbatim) is filled in both or in
neither, and the Chinese is mostly Chinese (addresses aside): a Chinese page never shows English alone.
"""
import re
from collections.abc import Iterator

from scripts.package import DataPackage
from scripts.validate.problems import Problem

HAN = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
ADDRESS = re.compile(r"https?://\S+")  # a note's sources: Latin letters that are no language


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


def bilingual_prose(package: DataPackage) -> Iterator[Problem]:
    """Each X_zh of ours (not verbatim) whose X_en is not a translation of it: both filled or neither."""
    for resource in package.descriptor["resources"]:
        fields = {field["name"]: field for field in resource["schema"]["fields"]}
        for name, field in fields.items():
            english = fields.get(name.removesuffix("_zh") + "_en")
            if not name.endswith("_zh") or field.get("verbatim") or not english or english.get("translates"):
                continue
            for row in package.rows(resource["name"]):
                yield from _twin_cells(resource["path"], row, english["name"], name)


def _twin_cells(file: str, row: dict, english: str, chinese: str) -> Iterator[Problem]:
    if row[english].strip() and not row[chinese].strip():
        yield Problem("language.chinese-twin-missing", file, row["_line"], chinese, f"{english} is given but its Chinese is not.",
                      f"write the same in Chinese in {chinese} (ours, in plain Chinese), or empty both.")
    elif row[chinese].strip() and not row[english].strip():
        yield Problem("language.english-twin-missing", file, row["_line"], english, f"{chinese} is given but its English is not.",
                      f"write the same in English in {english}, or empty both.")
    elif len(LATIN.findall(ADDRESS.sub("", row[chinese]))) > len(HAN.findall(row[chinese])):
        yield Problem("language.chinese-prose-in-english", file, row["_line"], chinese, "this field is Chinese prose, but the text is mostly English.",
                      "write it in Chinese; keep English only for names that have no Chinese form.")
