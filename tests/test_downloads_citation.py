"""CITATION.cff says what datapackage.yaml says (version, release date, title, licence, address),
and the site's plain-text and BibTeX citations are made from it."""
import re

import yaml

from scripts import paths
from scripts.downloads.citation import bibtex, plain_citation, read_citation

DESCRIPTOR = yaml.safe_load(paths.DESCRIPTOR.read_text(encoding="utf-8"))
CITATION = read_citation()


def test_citation_file_has_what_cff_1_2_0_requires():
    assert CITATION["cff-version"] == "1.2.0"
    assert CITATION["message"] and CITATION["title"] and CITATION["type"] == "dataset"
    assert all(author.get("name") or author.get("family-names") for author in CITATION["authors"])
    # Quoted in the file: CFF wants the date as a string, which YAML would otherwise turn into a date.
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", CITATION["date-released"])


def test_citation_matches_the_descriptor():
    assert str(CITATION["version"]) == DESCRIPTOR["version"]
    assert CITATION["date-released"] == DESCRIPTOR["created"][:10]
    assert CITATION["title"] == DESCRIPTOR["title"]
    assert CITATION["url"] == DESCRIPTOR["homepage"]
    assert CITATION["license"] == DESCRIPTOR["licenses"][0]["name"]


def test_plain_citation_names_authors_year_title_version_and_address():
    assert plain_citation(CITATION) == (
        f"{CITATION['authors'][0]['name']} ({DESCRIPTOR['created'][:4]}). {DESCRIPTOR['title']} "
        f"(Version {DESCRIPTOR['version']}) [Data set]. {DESCRIPTOR['homepage']}")


def test_bibtex_keeps_an_organisation_as_one_author_and_people_as_family_given():
    people = dict(CITATION, authors=[{"family-names": "Li", "given-names": "Ming"}, {"name": "Team A, B and C"}])
    entry = bibtex(people, "key")
    assert "author = {Li, Ming and {Team A, B and C}}" in entry
    assert entry.startswith("@misc{key,\n") and entry.endswith("\n}")
    assert entry.count("{") == entry.count("}")
