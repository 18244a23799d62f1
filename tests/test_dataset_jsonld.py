"""The Data pages' schema.org Dataset (JSON-LD), read from the built pages and checked against the files."""
import csv
import json
import posixpath
import re
import sqlite3
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import ADDRESS, REPO
from scripts.package import load_package
from scripts.publication.registry import read_releases, version_key

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
PAGES = {"zh": "data/index.html", "en": "en/data/index.html"}


def dataset(site: Path, lang: str) -> dict:
    (found,) = JSON_LD.findall((site / PAGES[lang]).read_text(encoding="utf-8"))
    return json.loads(found)


def latest_release(site: Path) -> Path:
    versions = [folder.name[1:] for folder in (site / "downloads").glob("v*")]
    return site / "downloads" / f"v{max(versions, key=version_key)}"


def sniffed_type(path: Path) -> str:
    """What the file's bytes are, by opening it: not by its name."""
    if zipfile.is_zipfile(path):
        names = zipfile.ZipFile(path).namelist()
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" if "xl/workbook.xml" in names else "application/zip"
    if path.read_bytes().startswith(b"SQLite format 3\0"):
        sqlite3.connect(f"file:{path}?mode=ro", uri=True).execute("SELECT count(*) FROM sqlite_master").fetchone()
        return "application/vnd.sqlite3"
    text = path.read_text(encoding="utf-8")
    try:
        json.loads(text)
        return "application/json"
    except json.JSONDecodeError:
        pass
    rows = list(csv.reader(text.splitlines()))
    return "text/csv" if len(rows) > 1 and len({len(row) for row in rows}) == 1 and len(rows[0]) > 1 else "text/plain"


@pytest.mark.parametrize("lang", PAGES)
def test_every_file_of_the_latest_release_is_a_distribution_of_its_size_and_type(built_site, lang):
    release = latest_release(built_site)
    page = built_site / PAGES[lang]
    described = set()
    for download in dataset(built_site, lang)["distribution"]:
        assert download["@type"] == "DataDownload"
        path = Path(posixpath.normpath(page.parent / urlsplit(download["contentUrl"]).path))
        assert path.is_file() and path.is_relative_to(release), download["contentUrl"]
        assert download["contentSize"] == f"{path.stat().st_size} B", path
        assert download["encodingFormat"] == sniffed_type(path), path
        described.add(path)
    # index.html is the site's page for the folder (scripts/site/landing.py), not a file of the release
    assert described == {path for path in release.rglob("*") if path.is_file() and path != release / "index.html"}


def test_the_dataset_says_what_the_data_and_the_release_say(built_site):
    package, citation = load_package(REPO), yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    released = json.loads((latest_release(built_site) / "datapackage.json").read_text(encoding="utf-8"))
    described = dataset(built_site, "zh")
    assert described["@context"] == "https://schema.org" and described["@type"] == "Dataset"
    assert described["version"] == released["version"] and described["dateModified"] == released["created"][:10]
    assert described["datePublished"] == (read_releases(REPO)[0].date if read_releases(REPO) else released["created"][:10])
    assert described["license"] == released["licenses"][0]["path"] == "https://creativecommons.org/licenses/by/4.0/"
    assert [creator["name"] for creator in described["creator"]] == [author["name"] for author in citation["authors"]]
    days = [row[field] for row in package.records["progress"] for field in ("as_of_date", "period_start_date") if row[field]]
    days += [document["signed_date"] for document in package.records["documents"]]
    last_year = max(int(target["target_year"]) for target in package.records["targets"] if target["target_year"])
    start, end = described["temporalCoverage"].split("/")
    assert start == min(days) < "2024" and end == max(f"{last_year}-12-31", *days)  # figures from before the plan count
    assert [work["url"] for work in described["isBasedOn"]] == [d["official_url"] for d in package.records["documents"]]
    assert described["spatialCoverage"]["@type"] == "Place"


@pytest.mark.parametrize("field", ["name", "description"])
def test_name_and_description_in_both_languages(built_site, field):
    values = dataset(built_site, "en")[field]
    assert sorted(value["@language"] for value in values) == ["en", "zh"]
    by_language = {value["@language"]: value["@value"] for value in values}
    assert re.search(r"[\u4e00-\u9fff]{4}", by_language["zh"]) and re.search(r"[a-z]+ [a-z]+ [a-z]+", by_language["en"])
    assert dataset(built_site, "zh")[field] == values


def test_with_an_address_every_file_is_at_its_absolute_permanent_address(addressed_site):
    for lang in PAGES:
        described = dataset(addressed_site, lang)
        release = latest_release(addressed_site).name
        assert described["url"] == ADDRESS + PAGES[lang].removesuffix("index.html")
        assert all(download["contentUrl"].startswith(f"{ADDRESS}downloads/{release}/") for download in described["distribution"])


def test_the_json_ld_cannot_end_its_script_element(built_site):
    """A "<" in any value is written \\u003c: a cell holding </script> stays inside the data."""
    (raw,) = JSON_LD.findall((built_site / PAGES["zh"]).read_text(encoding="utf-8"))
    assert "<" not in raw
