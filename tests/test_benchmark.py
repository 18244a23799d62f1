"""The benchmark runs end to end on one page (a smoke run; the whole of it is `make bench`, in its own CI
job), prints every budget line, writes its figures for the README, and Lighthouse's stable scores of that
page meet the budget.

Timings are printed by benchmarks/run.py, never asserted here (they depend on the machine's load);
accessibility, best practices and SEO do not, so they are checked. It drives Chromium: the browser tier.
"""
import json
import re
import subprocess
import sys

import pytest
from conftest import REPO


pytestmark = [pytest.mark.browser, pytest.mark.bench]
STABLE_TARGETS = {"accessibility": 100, "best-practices": 95, "seo": 95}
PAGE = "home (zh)"


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> tuple[str, dict]:
    """(what the smoke run printed, the figures it wrote)."""
    work = tmp_path_factory.mktemp("bench")
    command = [sys.executable, "-m", "benchmarks.run", "--scale", "", "--repeat", "1", "--lighthouse-runs", "1",
               "--lighthouse-pages", PAGE, "--work", str(work), "--results", str(work / "bench.json")]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout, json.loads((work / "bench.json").read_text(encoding="utf-8"))


def lighthouse_rows(report: str) -> dict[str, dict[str, int]]:
    header = next(line for line in report.splitlines() if line.startswith("| page | performance"))
    categories = [cell.strip() for cell in header.strip("|").split("|")][1:5]
    rows = {}
    for line in report.splitlines():
        found = re.match(r"\| (\w+ \((?:zh|en)\)) `[^`]*` \| (.*)", line)
        if found:
            rows[found[1]] = dict(zip(categories, map(int, found[2].split(" | ")[:4])))
    return rows


def test_every_budget_line_is_printed(run):
    budget = run[0].split("### Budget", 1)[1]
    for words in ("whole build", "our code", "whole build <= 1.4x a bare MkDocs build of the same pages",
                  "home (zh) first visit", "home (en) first visit",
                  "home (zh): 0 bytes of search data", "home (en): 0 bytes of search data",
                  "first query (zh)", "first query (en)", "further query (zh)", "further query (en)"):
        assert re.search(rf"- (PASS|FAIL) {re.escape(words)}", budget), words


def test_the_build_is_measured_beside_a_bare_mkdocs_build_of_its_pages(run):
    paired = run[1]["real"]["side_by_side"]
    assert paired["build"] > paired["mkdocs"] > 0 and paired["ratio"] == paired["build"] / paired["mkdocs"]
    assert f"{paired['ratio']:.2f}x" in run[0]


def test_lighthouse_stable_scores_meet_the_budget(run):
    rows = lighthouse_rows(run[0])
    assert set(rows) == {PAGE} == set(run[1]["real"]["lighthouse"]["pages"])
    for page, scores in rows.items():
        for category, target in STABLE_TARGETS.items():
            assert scores[category] >= target, (page, category, scores)


def test_the_readme_tables_can_be_made_from_the_figures(run):
    from benchmarks import readme

    tables = readme.real_tables(run[1])
    assert "| whole build <= 1.4x a bare MkDocs build of the same pages |" in tables
    assert run[1]["date"] in tables
