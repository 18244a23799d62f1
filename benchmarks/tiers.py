"""Time the test tiers against their budgets (issue 20): what a pull request waits for, on this machine.

Usage: python -m benchmarks.tiers [--root DIR] [--results FILE] [TARGET ...]   (make budgets)

Runs each make target in the checkout at DIR (default: this one), one after the other, and prints its
wall time against its budget; `make validate` and `make diff` share one. The checkout should be
installed (`make install`, and `make lighthouse` for `make test`): the figures are the tiers' own, not
an installation's. After each test tier it also says whether the checkout's site/ and build/ are as
they were (every file's path, size and modification time). The figures are written as JSON to FILE
(default benchmarks/results/tiers.json, dated), which the README's table is made from (cog).
Budgets are printed, never asserted by a test: timings depend on the machine and its load. A verdict
is on the time alone; a run that failed says so beside it.
"""
import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from scripts.context import CODE

TARGETS = ["validate", "diff", "test-fast", "test"]
BUDGETS = [  # (what is timed, the targets it adds up, seconds)
    ("make validate + make diff", ["validate", "diff"], 60),
    ("make test-fast", ["test-fast"], 90),
    ("make test", ["test"], 360),
]
UNTOUCHED = ["site", "build"]  # a test never writes here (tests/conftest.py)
RESULTS = CODE / "benchmarks" / "results" / "tiers.json"


def state(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under the checkout's site/ and build/: (size, modification time in ns), by path."""
    return {path.relative_to(root).as_posix(): (path.stat().st_size, path.stat().st_mtime_ns)
            for folder in UNTOUCHED if (root / folder).is_dir()
            for path in sorted((root / folder).rglob("*")) if path.is_file()}


def timed(root: Path, target: str) -> dict:
    """Run `make target` in root; its wall time, exit code and whether site/ and build/ stayed as they were."""
    before = state(root)
    start = time.perf_counter()
    done = subprocess.run(["make", "--no-print-directory", "-C", str(root), target],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seconds = time.perf_counter() - start
    said = done.stdout.strip().splitlines() or [""]
    if done.returncode:
        print(f"make {target} failed (exit {done.returncode}):\n" + "\n".join(said[-40:]), file=sys.stderr)
    summary = next((line for line in reversed(said) if re.search(r"\d+ (passed|failed)", line)), said[-1])
    return {"seconds": round(seconds, 1), "exit": done.returncode, "untouched": state(root) == before,
            "last_line": summary.strip("= ")}  # pytest's summary: how many passed, failed, skipped


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def budget_lines(runs: dict) -> list[str]:
    lines = []
    for name, targets, budget in BUDGETS:
        if all(target in runs for target in targets):
            seconds = sum(runs[target]["seconds"] for target in targets)
            failed = [target for target in targets if runs[target]["exit"]]
            note = f" (make {', '.join(failed)} failed: see its summary)" if failed else ""
            lines.append(f"- {verdict(seconds <= budget)} {name} <= {budget} s: {seconds:.1f} s{note}")
    for target in ("test-fast", "test"):
        if target in runs:
            lines.append(f"- {verdict(runs[target]['untouched'])} after make {target}, {' and '.join(f'{f}/' for f in UNTOUCHED)} "
                         "are as they were")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="*", metavar="TARGET",
                        help=f"make targets to time, in order: any of {' '.join(TARGETS)} (default: all)")
    parser.add_argument("--root", type=Path, default=CODE, help="the installed checkout to run them in")
    parser.add_argument("--results", type=Path, default=RESULTS, help="where the figures are written (JSON)")
    args = parser.parse_args(argv)
    unknown = [target for target in args.targets if target not in TARGETS]
    if unknown:
        parser.error(f"not a tier: {' '.join(unknown)}")
    runs = {}
    for target in args.targets or TARGETS:
        runs[target] = timed(args.root.resolve(), target)
        print(f"make {target}: {runs[target]['seconds']:.1f} s (exit {runs[target]['exit']}; {runs[target]['last_line']})", flush=True)
    lines = budget_lines(runs)
    print(f"\n### Budgets ({os.cpu_count()} CPUs)\n", *lines, sep="\n")
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps({"date": datetime.date.today().isoformat(), "cpus": os.cpu_count(), "runs": runs},
                                       indent=2) + "\n", encoding="utf-8")
    return 1 if any(run["exit"] for run in runs.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
