"""The site's rules as data: the release carries what the site computes (target_standing, target_years,
target_units), labelled derived, in every format; and the research question "for each 2027 target, the
latest comparable figure and its date, and the units responsible for the measures linked to it" takes
one join on the release's own tables, matching the scoreboard for every target."""
import json
import sqlite3
import zipfile

import openpyxl
import pytest

from conftest import REPO
from scripts.package import LANGUAGES, load_package, read_table
from scripts.site.model import Site
from scripts.standing import derived
from test_downloads import current

NAME = "cq-sme-tiered-cultivation-2024"
QUESTION = """
    SELECT s.target_id, s.value, s.as_of_date, s.status, group_concat(DISTINCT u.agency_id) AS units
    FROM targets t JOIN target_standing s USING (target_id) LEFT JOIN target_units u USING (target_id)
    WHERE t.target_year = 2027 GROUP BY s.target_id ORDER BY s.target_id"""


@pytest.fixture(scope="module")
def release(staged_docs):
    """The working tree's release as the session's build wrote it (only read here)."""
    return current(staged_docs)


@pytest.fixture(scope="module")
def site():
    return Site(load_package(REPO))


def test_the_research_question_is_one_join_in_sqlite_and_matches_the_scoreboard(release, site):
    connection = sqlite3.connect(release / f"{NAME}.sqlite")
    answers = {row[0]: row[1:] for row in connection.execute(QUESTION)}
    dated = [target for target in site.targets if target["target_year"] == "2027"]
    assert sorted(answers) == sorted(target["target_id"] for target in dated)
    for target in dated:
        known, (value, as_of, status, units) = site.standing(target), answers[target["target_id"]]
        assert status == known.status, target["target_id"]
        assert (value, as_of) == ((known.figure.value, known.figure.end) if known.figure else (None, None)), target["target_id"]
        measures = [site.measure[target["measure_id"]]] + [site.measure[link["measure_id"]] for link in site.links_of(target["target_id"])]
        shown = {agency["agency_id"] for measure in measures for agency in site.units(measure).agencies}
        assert set((units or "").split(",")) - {""} == shown, target["target_id"]


def test_the_answer_is_what_the_scoreboard_shows_for_every_target(release, staged_docs):
    """Each 2027 target's row of the scoreboard's overview: the same figure and date, or no figure found."""
    import html
    import re

    from scripts.site.formats import number

    board = html.unescape((staged_docs / "targets/index.en.md").read_text(encoding="utf-8"))
    rows = dict(re.findall(r'<li class="overview-row row-\w+"><a class="overview-name" href="([^"/]+)/">(.*?)</li>(?=<li|</ol>)', board, re.S))
    for target_id, value, as_of, status, _ in sqlite3.connect(release / f"{NAME}.sqlite").execute(QUESTION):
        shown = re.sub(r"<[^>]+>", "", rows[target_id])
        if value is None:
            assert "no figure found" in shown or "before the plan" in shown, (target_id, shown)
        else:
            assert re.search(rf"{re.escape(number(str(value), 'en'))} [^·]+ · {as_of}", shown), (target_id, shown)


def test_the_same_question_in_pandas_from_the_csvs(release, site):
    import pandas as pd

    standing = pd.read_csv(release / "data/derived/target_standing.csv")
    units = pd.read_csv(release / "data/derived/target_units.csv")
    targets = pd.read_csv(release / "data/targets.csv")
    answer = targets[targets.target_year == 2027].merge(standing, on="target_id").merge(units, on="target_id", how="left")
    t01 = answer[answer.target_id == "cq-2024-14-t01"]
    assert set(t01.value_y) == {76800} and set(t01.as_of_date) == {"2026-01-30"} and round(t01.share_of_target.iloc[0], 2) == 0.89
    assert "inherited" in set(answer.responsibility)  # linked sub-items show their item's units, said so


def test_every_derived_table_is_in_every_format_and_marked_derived(release):
    descriptor = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    marked = [resource for resource in descriptor["resources"] if resource.get("derived")]
    assert [resource["name"] for resource in marked] == derived.NAMES
    listed = (release / "SHA256SUMS").read_text(encoding="utf-8")
    workbook = openpyxl.load_workbook(release / f"{NAME}.xlsx", read_only=True)
    connection = sqlite3.connect(release / f"{NAME}.sqlite")
    with zipfile.ZipFile(release / f"{NAME}.zip") as archive:
        zipped = archive.namelist()
    for resource in marked:
        name = resource["name"]
        assert resource["schema"]["derived"] is True and resource["schema"]["description"]
        header, rows = read_table(release / f"data/derived/{name}.csv")
        assert header == [field["name"] for field in resource["schema"]["fields"]] and rows
        assert len(json.loads((release / f"json/derived/{name}.json").read_text(encoding="utf-8"))) == len(rows)
        assert workbook[name].max_row == len(rows) + 1
        assert connection.execute(f'SELECT count(*) FROM "{name}"').fetchone() == (len(rows),)
        assert f"data/derived/{name}.csv" in zipped and f"  data/derived/{name}.csv" in listed


def test_the_released_package_with_its_derived_tables_is_valid(release, tmp_path):
    from frictionless import Package

    with zipfile.ZipFile(release / f"{NAME}.zip") as archive:
        archive.extractall(tmp_path)
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def test_each_derived_field_is_described_in_both_languages_with_labels_for_every_value():
    for resource in derived.resources(REPO):
        schema = resource["schema"]
        assert schema["derived"] is True and schema["description"] and schema["description_zh"]
        for field in schema["fields"]:
            assert field["title"] and field["description"] and field["description_zh"], field["name"]
            for value in field.get("constraints", {}).get("enum", []):
                assert set(field["enumLabels"][value]) == set(LANGUAGES), (resource["name"], field["name"], value)


def test_a_computed_sum_says_it_is_ours():
    rows = derived.derived_records({**load_package(REPO).records, "progress": [
        {"observation_id": f"o{n}", "target_id": "cq-2024-14-t04", "figure_type": "new_in_period", "scope": "same",
         "as_of_date": f"{year}-12-31", "period_start_date": f"{year}-01-01", "comparator": "=", "value": "20"}
        for n, year in enumerate((2024, 2025))]})["target_standing"]
    t04 = next(row for row in rows if row["target_id"] == "cq-2024-14-t04")
    assert (t04["value"], t04["figure_source"], t04["observation_ids"], t04["period_start_date"]) == ("40", "computed", "o0 o1", "2024-01-01")


def test_each_target_s_figures_are_its_rows_of_progress(release):
    package = load_package(REPO)
    for target in package.records["targets"]:
        header, rows = read_table(release / f"targets/{target['target_id']}.csv")
        assert header == package.columns["progress"]
        assert rows == [row for row in package.records["progress"] if row["target_id"] == target["target_id"]]
        typed = json.loads((release / f"targets/{target['target_id']}.json").read_text(encoding="utf-8"))
        assert [row["observation_id"] for row in typed] == [row["observation_id"] for row in rows]


@pytest.mark.parametrize("lang, suffix", [("zh", ".md"), ("en", ".en.md")])
def test_the_dictionary_lists_the_derived_tables_with_their_rules(staged_docs, lang, suffix):
    import html

    import re

    def shown(name: str) -> str:  # the text a reader sees: the language-of-parts spans taken out
        text = (staged_docs / f"data/{name}{suffix}").read_text(encoding="utf-8")
        return html.unescape(re.sub(r'<span lang="(?:zh|en)">(.*?)</span>', r"\1", text))

    dictionary, page = shown("dictionary"), shown("derived")
    for resource in derived.resources(REPO):
        assert f"(derived.md#{resource['name']})" in dictionary  # listed, linked to its page
        assert resource["schema"]["description_zh" if lang == "zh" else "description"] in page
        for field in resource["schema"]["fields"]:
            assert field["description_zh" if lang == "zh" else "description"] in page
