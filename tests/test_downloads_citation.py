"""CITATION.cff says what datapackage.yaml says (version, release date, title, licence), neither names an
address of its own, the citations carry the version's own address when the site has one, and
.zenodo.json describes the same data set for a DOI."""
import json
import re

import yaml
from conftest import ADDRESS, REPO

from scripts.archive.citation_file import plain_citation, released_cff
from scripts.site.data_pages.citation import bibtex, read_citation, site_citation

DESCRIPTOR = yaml.safe_load((REPO / "datapackage.yaml").read_text(encoding="utf-8"))
CITATION = read_citation(REPO)
CFF = (REPO / "CITATION.cff").read_text(encoding="utf-8")
ZENODO = json.loads((REPO / ".zenodo.json").read_text(encoding="utf-8"))
SITE = ADDRESS  # make serve's address under a path: only written, never fetched


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
    assert CITATION["license"] == DESCRIPTOR["licenses"][0]["name"]


def test_repository_files_name_no_address_of_their_own():
    """The address comes from SITE_URL at build time; one written here would go stale or be a placeholder."""
    assert "url" not in CITATION and "homepage" not in DESCRIPTOR


def test_without_an_address_the_citation_names_none():
    assert plain_citation(site_citation(REPO, None)) == (
        f"{CITATION['authors'][0]['name']} ({DESCRIPTOR['created'][:4]}). {DESCRIPTOR['title']} "
        f"(Version {DESCRIPTOR['version']}) [Data set].")
    assert "url =" not in bibtex(site_citation(REPO, None), "key")
    assert "\nurl:" not in released_cff(CFF, DESCRIPTOR["version"], None)


def test_with_an_address_citations_point_at_the_versions_own_folder():
    address = f"{SITE}downloads/v{DESCRIPTOR['version']}/"
    assert plain_citation(site_citation(REPO, SITE)).endswith(f"[Data set]. {address}")
    assert f"  url = {{{address}}}," in bibtex(site_citation(REPO, SITE), "key")
    released = yaml.safe_load(released_cff(CFF, DESCRIPTOR["version"], SITE))
    assert released["url"] == address and released["version"] == DESCRIPTOR["version"]
    assert yaml.safe_load(released_cff(CFF, "1.0.0+unreleased", SITE))["url"] == f"{SITE}downloads/unreleased/"


def test_released_citation_keeps_the_files_comments_and_layout():
    assert released_cff(CFF, DESCRIPTOR["version"], None) == CFF


def test_bibtex_keeps_an_organisation_as_one_author_and_people_as_family_given():
    people = dict(CITATION, authors=[{"family-names": "Li", "given-names": "Ming"}, {"name": "Team A, B and C"}])
    entry = bibtex(people, "key")
    assert "author = {Li, Ming and {Team A, B and C}}" in entry
    assert entry.startswith("@misc{key,\n") and entry.endswith("\n}")
    assert entry.count("{") == entry.count("}")


def test_zenodo_metadata_agrees_with_the_citation():
    assert ZENODO["upload_type"] == "dataset" and ZENODO["description"]
    assert ZENODO["title"] == CITATION["title"]
    assert [creator["name"] for creator in ZENODO["creators"]] == [author["name"] for author in CITATION["authors"]]
    assert ZENODO["license"].lower() == CITATION["license"].lower()
    assert ZENODO["keywords"] == CITATION["keywords"]
    # make release writes both (scripts/publication/version_files.py); the data are the Chinese text first
    assert (ZENODO["version"], ZENODO["publication_date"]) == (str(CITATION["version"]), CITATION["date-released"])
    assert ZENODO["language"] == "zho"


def test_zenodo_says_the_data_derive_from_the_notice_the_citation_references():
    derived = {(item["identifier"], item["relation"]) for item in ZENODO["related_identifiers"]}
    assert {(reference["url"], "isDerivedFrom") for reference in CITATION["references"]} == derived
