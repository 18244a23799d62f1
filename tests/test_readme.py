"""README.md cannot drift from the code or the figures: its map of the code, the test tiers' budgets and
the benchmark's tables are generated (benchmarks/readme.py, in cog blocks), and here they are made again
and compared with what the README says."""
import json
import re
import subprocess
import sys

from benchmarks import readme
from conftest import REPO


def test_the_readmes_generated_parts_are_what_the_code_and_the_figures_give_now():
    result = subprocess.run([sys.executable, "-m", "cogapp", "--check", "README.md"], cwd=REPO,
                            capture_output=True, text=True, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, f"README.md is out of date: run `make readme`.\n{result.stdout}{result.stderr}"


def test_the_map_names_every_module_of_the_code():
    mapped = readme.module_map()
    for folder in readme.MAPPED:
        for module in (REPO / folder).rglob("*.py"):
            assert f"`{module.name}`: " in mapped or module.name == "__init__.py", module
    assert "`scripts/`: " in mapped and "  - `archive/`: " in mapped


def test_the_figures_are_dated_results_of_the_commands_that_make_them():
    tiers = json.loads((readme.RESULTS / "tiers.json").read_text(encoding="utf-8"))
    assert set(tiers["runs"]) == {"validate", "diff", "test-fast", "test"} and tiers["date"]
    bench = json.loads((readme.RESULTS / "bench.json").read_text(encoding="utf-8"))
    assert {"phases", "whole", "side_by_side", "budget", "lighthouse"} <= set(bench["real"]) and bench["date"]
    assert set(bench["scale"]["counts"]) == {1, 10, 50}


def test_every_path_of_the_code_the_readme_names_is_there():
    named = set(re.findall(r"`((?:scripts|tests|benchmarks)/[\w./-]*)`", (REPO / "README.md").read_text(encoding="utf-8")))
    assert named and sorted(path for path in named if not (REPO / path).exists()) == []
