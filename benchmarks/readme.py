"""README.md's generated parts: the map of the code, and the figures of the last runs of make budgets and make bench.

README.md calls these from cog blocks (`[[[cog ... ]]]` ... `[[[end]]]`): `make readme` writes them
(cog -r README.md) and tests/test_readme.py fails when the README differs from what they give now
(cog --check), so neither the map nor the figures can drift. The map is each package's and module's
docstring, its first sentence; the figures are read from the results files the two commands write,
which are committed with the date of their run.
"""
import ast
import json
from pathlib import Path

from benchmarks.tiers import verdict
from scripts.context import CODE

MAPPED = ["scripts", "benchmarks", "tests/helpers"]  # the code's folders, in the order the map shows them
RESULTS = CODE / "benchmarks" / "results"


# --- the map of the code -------------------------------------------------------------------------

def first_sentence(path: Path) -> str:
    """The first sentence of a module's docstring (its first paragraph, up to the first full stop)."""
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    if not docstring:
        raise ValueError(f"{path.relative_to(CODE)} has no docstring: say in one sentence what it holds")
    paragraph = " ".join(docstring.split("\n\n", 1)[0].split())
    end = paragraph.find(". ")
    return paragraph[: end + 1] if end >= 0 else paragraph.rstrip(".:") + "."


def folder_lines(folder: Path, depth: int) -> list[str]:
    """A package and, under it, its modules then its subpackages, one line each."""
    indent = "  " * depth
    lines = [f"{indent}- `{folder.relative_to(CODE).as_posix() if depth == 0 else folder.name}/`: "
             f"{first_sentence(folder / '__init__.py')}"]
    for module in sorted(folder.glob("*.py")):
        if module.name != "__init__.py":
            lines.append(f"{indent}  - `{module.name}`: {first_sentence(module)}")
    for sub in sorted(p for p in folder.iterdir() if (p / "__init__.py").is_file()):
        lines += folder_lines(sub, depth + 1)
    return lines


def module_map() -> str:
    return "\n".join(line for folder in MAPPED for line in folder_lines(CODE / folder, 0))


# --- the figures ---------------------------------------------------------------------------------

def load(name: str) -> dict:
    return json.loads((RESULTS / name).read_text(encoding="utf-8"))


def tiers_table(results: dict | None = None) -> str:
    """The test tiers against their budgets, from benchmarks/results/tiers.json (make budgets)."""
    from benchmarks.tiers import BUDGETS

    if results is None and not (RESULTS / "tiers.json").is_file():
        return "(Not measured yet: run `make budgets`.)"
    results = results or load("tiers.json")
    runs = results["runs"]
    lines = [f"| budget ({results['cpus']} cores, {results['date']}) | measured | |", "| --- | --- | --- |"]
    for name, targets, budget in BUDGETS:
        if all(target in runs for target in targets):
            seconds = sum(runs[target]["seconds"] for target in targets)
            said = "; ".join(runs[target]["last_line"] for target in targets if " passed" in runs[target].get("last_line", ""))
            lines.append(f"| {name} ≤ {budget} s | {seconds:.0f} s{f' ({said})' if said else ''} | {verdict(seconds <= budget)} |")
    for target in ("test-fast", "test"):
        if target in runs:
            lines.append(f"| after make {target}, the checkout's site/ and build/ as they were | "
                         f"{'same files, same times' if runs[target]['untouched'] else 'changed'} | {verdict(runs[target]['untouched'])} |")
    return "\n".join(lines)


def real_tables(results: dict | None = None) -> str:
    """The real data's budget table and its build, from benchmarks/results/bench.json (make bench)."""
    results = results or load("bench.json")
    real = results["real"]
    lines = [f"Last run: {results['date']}, {results['cpus']} cores, Python {results['python']}, data version "
             f"{results['data_version']}.", "", "| budget (real data) | measured | |", "| --- | --- | --- |"]
    lines += [f"| {name} | {value} | {verdict(ok)} |" for name, value, ok in real["budget"]]
    if "lighthouse" in real:
        lines.append(lighthouse_row(real["lighthouse"]))
    whole, paired, site = real["whole"], real["side_by_side"], real["site"]
    splits = ", ".join(f"{phase} {seconds:.2f}" for phase, (seconds, _) in whole["splits"].items())
    lines += ["", f"The whole build in one process, median of {whole['repeat']}: {whole['seconds']:.2f} s ({splits}); "
              f"our code {whole['own']:.2f} s, {whole['own'] / whole['seconds']:.0%}. Side by side, in turns, each a process "
              f"timed from outside (median of {paired['runs']}): `scripts.build` {paired['build']:.2f} s, a bare MkDocs build of "
              f"the pages it staged {paired['mkdocs']:.2f} s, {paired['ratio']:.2f}x (their CPU time, which other work on the "
              f"machine hardly changes: {paired.get('cpu_build', 0):.2f} s and {paired.get('cpu_mkdocs', 0):.2f} s, "
              f"{paired.get('cpu_ratio', 0):.2f}x).",
              "", "Peak memory: " + ", ".join(f"{phase} {mb:.0f} MB" for phase, (_, mb) in real["phases"].items())
              + f". Site: {site['mb']:.1f} MB, {site['html_pages']} HTML pages; the search bundle {site['search_mb']:.1f} MB "
              f"in {site['search_files']} files."]
    return "\n".join(lines)


def lighthouse_row(lighthouse: dict) -> str:
    pages = lighthouse["pages"].values()
    spans = []
    for category in ("performance", "accessibility", "best-practices", "seo"):
        scores = sorted(page["scores"].get(category, 0) for page in pages)
        spans.append(f"{category.replace('-', ' ')} {scores[0]}" + (f"–{scores[-1]}" if scores[-1] != scores[0] else ""))
    names = ", ".join(lighthouse["pages"])
    return (f"| Lighthouse, median of {lighthouse['runs']} runs: performance ≥ 95, accessibility 100, best practices ≥ 95, "
            f"SEO ≥ 95 ({names}) | {', '.join(spans)} | {verdict(all(page['ok'] for page in pages))} |")


def scale_tables(results: dict | None = None) -> str:
    """The synthetic packages' build times and transfers, from benchmarks/results/bench.json."""
    scale = (results or load("bench.json")).get("scale")
    if not scale:
        return "(The last run measured no synthetic package.)"
    counts = [str(n) for n in scale["counts"]]
    phases = list(next(iter(scale["phases"].values())))
    lines = ["| documents | " + " | ".join(phases) + " | total | site |", "| ---: |" + " ---: |" * (len(phases) + 2)]
    for n in counts:
        lines.append(f"| {n} | " + " | ".join(f"{scale['phases'][n][phase][0]:.2f} s" for phase in phases)
                     + f" | {scale['totals'][n]:.2f} s | {scale['sizes'][n]['mb']:.1f} MB |")
    if scale["linear"]:
        lines += ["", f"Time per document at 50 documents is {scale['linear']['total']:.2f}x that at 10 "
                  f"(search alone: {scale['linear']['search']:.2f}x; budget: at most 1.5x). Pagefind's peak memory at "
                  f"{counts[-1]} documents: {scale['phases'][counts[-1]]['search'][1]:.0f} MB."]
    rows = {"home page, first visit": "bytes", "search data on a page load": "search_data", "first query": "first",
            "largest further query": "further"}
    lines += ["", "| transferred (gzip), zh / en | " + " | ".join(f"{n} document{'s' * (n != '1')}" for n in counts) + " |",
              "| --- |" + " ---: |" * len(counts)]
    for label, key in rows.items():
        lines.append(f"| {label} | " + " | ".join(" / ".join(size(scale["transfers"][n][lang][key]) for lang in ("zh", "en"))
                                                   for n in counts) + " |")
    return "\n".join(lines + ["", query_growth(scale)])


def query_growth(scale: dict) -> str:
    """The bytes of a query at each size against those at one document (budget: at most 1.5x)."""
    if "1" not in scale["transfers"]:
        return ""
    one = scale["transfers"]["1"]
    over = [f"the {'largest further' if key == 'further' else 'first'} query ({lang}) at {n} documents, {scale['transfers'][n][lang][key] / one[lang][key]:.2f}x"
            for n in scale["transfers"] if n != "1" for lang in ("zh", "en") for key in ("first", "further")
            if scale["transfers"][n][lang][key] > 1.5 * one[lang][key]]
    return ("The bytes of every query stay within 1.5x those at one document (budget)." if not over else
            "The bytes of a query stay within 1.5x those at one document (budget) but for " + "; ".join(over) + ".")


def size(count: int) -> str:
    return f"{count} B" if count < 1024 else f"{count / 1024:.1f} KB"
