"""Benchmark the build and the built pages against the performance budget (issues 6 and 11).

Usage: python -m benchmarks.run [--scale 1,10,50] [--repeat 3] [--lighthouse-runs 3] [--lighthouse-pages P,...]
                                [--results FILE]   (make bench: the figures into benchmarks/results/bench.json)

Each phase (validate, pages, downloads, mkdocs, search) runs in a fresh Python subprocess, the way
scripts/build.py stages it (hand-written docs copied, pages and downloads written into the copy,
MkDocs run on it, Pagefind run on the result). Wall time is measured inside the subprocess and
includes the phase's imports; peak memory is that subprocess's peak resident set size, or that of
the Pagefind binary it ran if larger (resource.getrusage ru_maxrss), so it includes the interpreter (~10 MB). The whole build is measured
once more as one process running all five phases in turn, as `make build` does. Then, side by side in
turns, the whole build as `make build` runs it (scripts.build.build, one process) and a bare MkDocs
build of the very pages it staged (same mkdocs.yml, same hooks, one process), each timed from outside
(interpreter start included): the ratio of their medians is the cost of everything that is ours. Each built site (the
real data, kept in build/bench/, and each synthetic package) is served on 127.0.0.1 (gzip, as any
static host does) and visited in Chromium (Playwright): what the home page's first visit transfers,
and what the search box transfers for a first query and for each further one. Lighthouse runs on
the real-data site. With --results, every figure is also written as JSON (dated): README.md's tables
are made from that file (benchmarks/readme.py, cog).
"""
import argparse
import datetime
import functools
import gzip
import json
import mimetypes
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.tiers import verdict
from scripts import search
from scripts.context import CODE, BuildContext
from tests.helpers import chromium, local_server

PHASES = ["validate", "pages", "downloads", "mkdocs", "search"]
OWN_CODE = ["validate", "pages", "downloads"]
BUILD_BUDGET_S = 15.0
OWN_SHARE = 1 / 5
MKDOCS_FACTOR = 1.4  # the whole build <= 1.4 x a bare MkDocs build of the same staged pages (issue 20)
HOME_BUDGET_KB = 100           # the home page's whole first visit (search code included, no search data)
FIRST_QUERY_BUDGET_KB = 120    # from focusing the search box to the first query's results
FURTHER_QUERY_BUDGET_KB = 20   # each query after that
LINEAR_FACTOR = 1.5  # time per document at 50 documents <= 1.5 x that at 10
QUERY_FACTOR = 1.5   # bytes of a query at 10 and 50 documents <= 1.5 x those at 1
SEARCH_BUNDLE = f"/{search.BUNDLE}/"  # in a URL: the search box's files
# Typed into the search box of each home page, in turn: the first query, then the further ones.
QUERIES = {"zh": ["专精特新", "小巨人", "渝企码", "市经济信息委", "数字化车间"],
           "en": ["Little Giant", "Yuqima", "digital workshop", "SRDI"]}
LANGUAGES = {"zh": "", "en": "en/"}
# Page (relative to a language root) -> a glob finding it in the built site; the first match is used.
LIGHTHOUSE_PAGES = {"home": "index.html", "measure": "measures/*-m3.1/index.html",
                    "agency": "agencies/*/index.html", "targets": "targets/index.html"}
LIGHTHOUSE_TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 95}
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".map"}


# --- the phases, run inside a worker subprocess -------------------------------------------------

@functools.cache
def _package(root: Path):
    from scripts.package import load_package
    return load_package(root)


def context_for(root: Path, work: Path) -> BuildContext:
    """The phases' build context: inputs under root, outputs under work, past releases cached beside work."""
    return BuildContext(root=root, out=work, site_dir=work / "site", release_cache=work.parent / "releases-cache",
                        repository=CODE)


def run_phase(phase: str, root: Path, work: Path) -> None:
    docs, site, context = work / "docs", work / "site", context_for(root, work)
    if phase == "build":  # the whole build, as `make build` runs it (its pages are left in work/staging/docs)
        from scripts.build import build
        if build(context):
            sys.exit(f"{root} did not build")
    elif phase == "bare-mkdocs":  # MkDocs alone, as `mkdocs build --strict` would run, on the pages that build staged
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        build(load_config(str(CODE / "mkdocs.yml"), docs_dir=str(context.staging / "docs"), site_dir=str(work / "bare-site"),
                          strict=True))
    elif phase == "validate":
        from scripts.validate import validate
        problems, _ = validate(root)
        if problems:
            sys.exit(f"{root} is not valid: {problems[0]}")
    elif phase == "pages":
        from scripts.build import stage_pages
        stage_pages(context, _package(root), docs)
    elif phase == "downloads":
        from scripts.build import stage_downloads
        stage_downloads(context, _package(root), docs)
    elif phase == "mkdocs":
        from scripts.build import run_mkdocs
        run_mkdocs(context, docs, site)
    elif phase == "search":
        from scripts.search import write_index
        write_index(site)


def worker(phases: list[str], root: Path, work: Path) -> None:
    """Run phases in this process; print {phase: [seconds, peak MB so far]} as JSON on the last line."""
    results = {}
    for phase in phases:
        start = time.perf_counter()
        run_phase(phase, root, work)
        peak_mb = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
        results[phase] = [time.perf_counter() - start, peak_mb]
    print(json.dumps(results))


def in_subprocess(phases: list[str], root: Path, work: Path) -> dict:
    command = [sys.executable, "-m", "benchmarks.run", "--worker", ",".join(phases), str(root), str(work)]
    done = subprocess.run(command, cwd=CODE, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def per_phase(root: Path, work: Path) -> dict:
    """{phase: [seconds, peak MB]}, each phase in its own subprocess."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    return {phase: in_subprocess([phase], root, work)[phase] for phase in PHASES}


def side_by_side(root: Path, work: Path, repeat: int) -> dict:
    """Wall time of the whole build and of a bare MkDocs build of the pages it staged, in turns, each in
    a process of its own timed from outside; their medians and ratio."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    times = {"build": [], "bare-mkdocs": []}
    cpu = {"build": [], "bare-mkdocs": []}  # user + system seconds of the process and all it waited for
    for _ in range(repeat):
        for phase in times:
            shutil.rmtree(work / ("site" if phase == "build" else "bare-site"), ignore_errors=True)
            used, start = children_cpu(), time.perf_counter()
            in_subprocess([phase], root, work)
            times[phase].append(time.perf_counter() - start)
            cpu[phase].append(children_cpu() - used)
    build, bare = statistics.median(times["build"]), statistics.median(times["bare-mkdocs"])
    cpu_build, cpu_bare = statistics.median(cpu["build"]), statistics.median(cpu["bare-mkdocs"])
    return {"build": build, "mkdocs": bare, "ratio": build / bare, "runs": repeat,
            "cpu_build": cpu_build, "cpu_mkdocs": cpu_bare, "cpu_ratio": cpu_build / cpu_bare}


def children_cpu() -> float:
    """CPU seconds (user and system) of every finished child process so far, and of theirs."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def whole_build(root: Path, work: Path, repeat: int) -> tuple[float, dict]:
    """Wall time of one process running every phase (interpreter start included), and its splits:
    the run with the median time of `repeat` runs."""
    runs = []
    for _ in range(repeat):
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        start = time.perf_counter()
        splits = in_subprocess(PHASES, root, work)
        runs.append((time.perf_counter() - start, splits))
    return sorted(runs, key=lambda run: run[0])[(repeat - 1) // 2]


# --- the built site ------------------------------------------------------------------------------

def size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.is_dir() else path.stat().st_size


class GzipHandler(local_server.QuietHandler):
    """Static files, gzipped when the browser accepts it, as GitHub Pages or nginx would serve them."""

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.endswith("/"):
            path = path / "index.html"
        if path.suffix not in COMPRESSIBLE or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def served(site: Path):
    """The base URL of site, served gzipped on 127.0.0.1 from a thread until the block ends."""
    return local_server.served(site, GzipHandler)


def wire(requests) -> int:
    """Bytes on the wire (headers and body as sent, so gzipped where the server compressed)."""
    return sum(sizes["responseBodySize"] + sizes["responseHeadersSize"] for sizes in (r.sizes() for r in requests))


def transfers(base: str) -> dict:
    """Per language, in a fresh browser context: the home page's first visit (all it loads, and the part of
    it that is search data, which must be none), then the search box: the first query (from focusing the
    box to its results: Pagefind's code, its WebAssembly, the index metadata, chunks and result fragments)
    and each further query; requests to other hosts."""
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as p:
        browser = chromium.launch(p)
        for language, prefix in LANGUAGES.items():
            context = browser.new_context()
            page = context.new_page()
            requests = []
            page.on("requestfinished", lambda request: requests.append(request))
            page.goto(base + prefix, wait_until="networkidle")
            load = loaded(page, requests)
            queries = {}
            for query in QUERIES[language]:
                start = len(requests)
                query_search_box(page, query)
                queries[query] = wire(requests[start:])
            first, *further = QUERIES[language]
            results[language] = {"bytes": wire(load), "requests": len(load),
                                 "search_data": wire(r for r in load if SEARCH_BUNDLE in r.url),
                                 "queries": queries, "first": queries[first],
                                 "further": max(queries[q] for q in further),
                                 "other_hosts": sorted({r.url for r in requests if not r.url.startswith(base)})}
            context.close()
        browser.close()
    return results


def loaded(page, requests: list) -> list:
    """The page load's requests. Their events can reach us after goto returns (seen at 50 documents: the
    scripts counted with the first query), so wait for one per resource the page has timed, then a little."""
    expected = page.evaluate("() => performance.getEntriesByType('resource').length + 1")  # + the page itself
    for _ in range(100):
        if len(requests) >= expected:
            break
        page.wait_for_timeout(50)
    page.wait_for_timeout(300)  # the favicon is not in the page's resource timing
    return list(requests)


def query_search_box(page, query: str) -> None:
    """Type query into the header's search box; return once its results (or "no results") are shown."""
    chromium.type_query(page, query)
    page.wait_for_timeout(300)  # the results are drawn once every response is in; let its event arrive


def lighthouse_pages(site: Path) -> dict[str, str]:
    """{"home (zh)": "", "home (en)": "en/", …}: the pages Lighthouse checks, found in the built site."""
    found = {}
    for language, prefix in LANGUAGES.items():
        for name, pattern in LIGHTHOUSE_PAGES.items():
            matches = [m.relative_to(site).as_posix() for m in sorted(site.glob(prefix + pattern))]
            matches = [m for m in matches if language != "zh" or not m.startswith("en/")]
            if matches:
                found[f"{name} ({language})"] = matches[0].removesuffix("index.html")
    return found


def lighthouse(base: str, page: str, report: Path, runs: int) -> dict:
    """Median category scores of several runs (Lighthouse varies with the machine's load), and the audits
    that cost points in most runs."""
    results = [lighthouse_once(base, page, report.with_suffix(f".{run + 1}.json")) for run in range(runs)]
    scores = {category: statistics.median_low(r["scores"][category] for r in results) for category in results[0]["scores"]}
    lost = {audit for r in results for audit in r["lost"]}
    return {"scores": scores, "lost": sorted(a for a in lost if 2 * sum(a in r["lost"] for r in results) > runs)}


def lighthouse_once(base: str, page: str, report: Path) -> dict:
    """Lighthouse 12 category scores (0-100) for one page, mobile defaults, and the audits below 0.9."""
    command = [str(CODE / "node_modules" / ".bin" / "lighthouse"), base + page, "--quiet",
               "--output=json", f"--output-path={report}", "--disable-full-page-screenshot",
               f"--only-categories={','.join(LIGHTHOUSE_TARGETS)}", f"--chrome-flags={' '.join(chromium.ARGS)}"]
    subprocess.run(command, check=True, env=dict(os.environ, CHROME_PATH=chromium.EXECUTABLE), capture_output=True)
    result = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(100 * (c["score"] or 0)) for name, c in result["categories"].items()}
    lost = sorted({ref["id"] for c in result["categories"].values() for ref in c["auditRefs"]
                   if ref["weight"] and (result["audits"][ref["id"]]["score"] or 0) < 0.9
                   and result["audits"][ref["id"]]["scoreDisplayMode"] in ("binary", "numeric")})
    return {"scores": scores, "lost": lost}


# --- reporting -----------------------------------------------------------------------------------

def report_real(work: Path, repeat: int, lighthouse_runs: int, lighthouse_only: list[str] | None) -> dict:
    print("## Real data (1 document)\n")
    whole_build(CODE, work, 1)  # warm-up: the past releases' rebuilds are cached, as in `make build`
    phases = per_phase(CODE, work)
    print("| phase | wall s | peak RSS MB |\n| --- | ---: | ---: |")
    for phase, (seconds, mb) in phases.items():
        print(f"| {phase} | {seconds:.2f} | {mb:.0f} |")
    total, splits = whole_build(CODE, work, repeat)
    own = sum(splits[phase][0] for phase in OWN_CODE)
    split_text = ", ".join(f"{phase} {seconds:.2f}" for phase, (seconds, _) in splits.items())
    print(f"\nWhole build in one process (median of {repeat}): {total:.2f} s ({split_text}); our code {own:.2f} s = {own / total:.0%}.")
    paired = side_by_side(CODE, work.parent / "side-by-side", repeat)
    print(f"Side by side, in turns (median of {repeat}, each a process timed from outside): the whole build (scripts.build) "
          f"{paired['build']:.2f} s, a bare MkDocs build of the pages it staged {paired['mkdocs']:.2f} s: {paired['ratio']:.2f}x "
          f"(CPU time, which the machine's other work hardly changes: {paired['cpu_build']:.2f} s and {paired['cpu_mkdocs']:.2f} s, "
          f"{paired['cpu_ratio']:.2f}x).")

    site = work / "site"
    bundle = site / search.BUNDLE
    built = {"mb": size(site) / 1e6, "files": sum(1 for f in site.rglob("*") if f.is_file()),
             "html_pages": sum(1 for _ in site.rglob("*.html")), "search_mb": size(bundle) / 1e6,
             "search_files": sum(1 for f in bundle.rglob("*") if f.is_file())}
    print(f"Site: {built['mb']:.1f} MB in {built['files']} files ({built['html_pages']} HTML pages), of which the "
          f"search bundle {bundle.relative_to(site)}/ {built['search_mb']:.1f} MB in {built['search_files']} files")
    results = {"phases": phases, "whole": {"seconds": total, "splits": splits, "own": own, "repeat": repeat},
               "side_by_side": paired, "site": built}
    with served(site) as base:
        measured = transfers(base)
        for language, result in measured.items():
            print(f"Home page ({language}): {result['bytes'] / 1024:.0f} KB transferred (gzip) in {result['requests']} "
                  f"requests, {result['search_data']} B of them search data; requests to other hosts: {len(result['other_hosts'])}")
            print(f"Search ({language}): " + "; ".join(f"{query} {kb(size)}" for query, size in result["queries"].items())
                  + " (the first query includes Pagefind's code, WebAssembly and index metadata)")

        print("\n### Budget\n")
        checks = [(f"whole build <= {BUILD_BUDGET_S:.0f} s", f"{total:.2f} s", total <= BUILD_BUDGET_S),
                  ("our code <= 1/5 of the build", f"{own / total:.0%}", own <= OWN_SHARE * total),
                  (f"whole build <= {MKDOCS_FACTOR}x a bare MkDocs build of the same pages",
                   f"{paired['ratio']:.2f}x ({paired['build']:.2f} s / {paired['mkdocs']:.2f} s)", paired["ratio"] <= MKDOCS_FACTOR)]
        checks += [check for lang, r in measured.items() for check in search_checks(lang, r)]
        checks += [(f"home ({lang}): no request to another host", str(len(r["other_hosts"])), not r["other_hosts"])
                   for lang, r in measured.items()]
        for name, value, ok in checks:
            print(f"- {verdict(ok)} {name}: {value}")
        results |= {"transfers": measured, "budget": checks}

        if lighthouse_runs:
            results["lighthouse"] = report_lighthouse(base, site, work / "lighthouse", lighthouse_runs, lighthouse_only)
    return results


def kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def search_checks(lang: str, r: dict) -> list[tuple[str, str, bool]]:
    return [(f"home ({lang}) first visit < {HOME_BUDGET_KB} KB, search included", kb(r["bytes"]),
             r["bytes"] < HOME_BUDGET_KB * 1024),
            (f"home ({lang}): 0 bytes of search data on page load", f"{r['search_data']} B", r["search_data"] == 0),
            (f"first query ({lang}) <= {FIRST_QUERY_BUDGET_KB} KB", kb(r["first"]), r["first"] <= FIRST_QUERY_BUDGET_KB * 1024),
            (f"further query ({lang}) <= {FURTHER_QUERY_BUDGET_KB} KB", f"largest {kb(r['further'])}",
             r["further"] <= FURTHER_QUERY_BUDGET_KB * 1024)]


def report_lighthouse(base: str, site: Path, reports: Path, runs: int, only: list[str] | None) -> dict:
    reports.mkdir(parents=True, exist_ok=True)
    targets = " ".join(f"{name} >= {score}" for name, score in LIGHTHOUSE_TARGETS.items())
    print(f"\n### Lighthouse 12.2.3, mobile defaults, median of {runs} runs ({targets}); "
          f"reports in {reports}\n")
    print("| page | " + " | ".join(LIGHTHOUSE_TARGETS) + " | verdict | audits below 0.9 |")
    print("| --- |" + " ---: |" * len(LIGHTHOUSE_TARGETS) + " --- | --- |")
    pages = {}
    for name, page in lighthouse_pages(site).items():
        if only and name not in only:
            continue
        result = lighthouse(base, page, reports / f"{name.replace(' (', '-').rstrip(')')}.json", runs)
        scores = result["scores"]
        ok = all(scores.get(category, 0) >= target for category, target in LIGHTHOUSE_TARGETS.items())
        print(f"| {name} `/{page}` | " + " | ".join(str(scores.get(c, "?")) for c in LIGHTHOUSE_TARGETS)
              + f" | {verdict(ok)} | {', '.join(result['lost']) or '-'} |")
        pages[name] = dict(result, path=page, ok=ok)
    return {"runs": runs, "pages": pages}


def report_scale(counts: list[int]) -> dict:
    from benchmarks.synthetic import make_package

    print(f"\n## Scale: synthetic packages of {', '.join(map(str, counts))} documents\n")
    runs, measured, sizes = {}, {}, {}
    with tempfile.TemporaryDirectory(prefix="bench-") as temp:
        for count in counts:
            root, work = make_package(count, Path(temp) / f"package-{count}"), Path(temp) / f"work-{count}"
            runs[count] = per_phase(root, work)
            pages = sum(1 for _ in (work / "site").rglob("*.html"))
            with served(work / "site") as base:
                measured[count] = transfers(base)
            sizes[count] = {"html_pages": pages, "mb": size(work / "site") / 1e6, "search_mb": size(work / "site" / search.BUNDLE) / 1e6}
            print(f"{count} document(s): {pages} HTML pages, site {sizes[count]['mb']:.1f} MB, search bundle "
                  f"{sizes[count]['search_mb']:.1f} MB", flush=True)
            shutil.rmtree(root)
            shutil.rmtree(work)
    print("\n| phase | " + " | ".join(f"{n} doc s (MB)" for n in counts) + " |")
    print("| --- |" + " ---: |" * len(counts))
    totals = {n: sum(seconds for seconds, _ in runs[n].values()) for n in counts}
    for phase in PHASES:
        print(f"| {phase} | " + " | ".join(f"{runs[n][phase][0]:.2f} ({runs[n][phase][1]:.0f})" for n in counts) + " |")
    print("| total | " + " | ".join(f"{totals[n]:.2f}" for n in counts) + " |")
    report_scale_transfers(counts, measured)
    linear = {}
    if 10 in counts and 50 in counts:
        print()
        for phase in PHASES + ["total"]:
            at = {n: (totals[n] if phase == "total" else runs[n][phase][0]) / n for n in (10, 50)}
            ratio = linear[phase] = at[50] / at[10]
            print(f"- {verdict(ratio <= LINEAR_FACTOR)} {phase}: time per document at 50 is {ratio:.2f}x that at 10 "
                  f"({at[50]:.3f} s vs {at[10]:.3f} s; budget {LINEAR_FACTOR}x)")
    return {"counts": counts, "phases": runs, "totals": totals, "sizes": sizes, "transfers": measured, "linear": linear}


def report_scale_transfers(counts: list[int], measured: dict) -> None:
    """What a visit and the search box transfer at each size, and the bytes of a query against those at 1 document."""
    rows = {"home page, first visit": "bytes", "search data on page load": "search_data",
            "first query": "first", "largest further query": "further"}
    print("\n| transferred (gzip), zh / en | " + " | ".join(f"{n} doc" for n in counts) + " |")
    print("| --- |" + " ---: |" * len(counts))
    for label, key in rows.items():
        print(f"| {label} | " + " | ".join(" / ".join(kb(measured[n][lang][key]) for lang in LANGUAGES) for n in counts) + " |")
    if 1 not in counts:
        return
    print()
    for n in counts:
        for lang in LANGUAGES:
            print(f"- {verdict(measured[n][lang]['search_data'] == 0)} page load ({lang}) at {n} document(s): "
                  f"{measured[n][lang]['search_data']} B of search data")
            for key in ("first", "further"):
                if n == 1:
                    continue
                ratio = measured[n][lang][key] / measured[1][lang][key]
                print(f"- {verdict(ratio <= QUERY_FACTOR)} {key} query ({lang}) at {n} documents is {ratio:.2f}x that at 1 "
                      f"({kb(measured[n][lang][key])} vs {kb(measured[1][lang][key])}; budget {QUERY_FACTOR}x)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="1,10,50", help="document counts of the synthetic packages ('' for none)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the whole real-data build (median reported)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="runs per page (median); 0 skips Lighthouse")
    parser.add_argument("--lighthouse-pages", default="", help="only these pages, e.g. 'home (zh)' (default: all eight)")
    parser.add_argument("--results", type=Path, help="write every figure there as JSON (make bench: benchmarks/results/bench.json)")
    parser.add_argument("--work", type=Path, default=CODE / "build" / "bench",
                        help="folder for the builds and Lighthouse reports (default build/bench)")
    parser.add_argument("--worker", nargs=3, metavar=("PHASES", "ROOT", "WORK"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        phases, root, work = args.worker
        worker(phases.split(","), Path(root), Path(work))
        return 0
    print(f"# Benchmark ({os.cpu_count()} CPUs, Python {sys.version.split()[0]})\n")
    only = [name.strip() for name in args.lighthouse_pages.split(",") if name.strip()] or None
    results = {"date": datetime.date.today().isoformat(), "cpus": os.cpu_count(), "python": sys.version.split()[0],
               "data_version": read_version(CODE),
               "real": report_real(args.work / "real", args.repeat, args.lighthouse_runs, only)}
    if args.scale:
        results["scale"] = report_scale([int(n) for n in args.scale.split(",")])
    if args.results:
        args.results.parent.mkdir(parents=True, exist_ok=True)
        args.results.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def read_version(root: Path) -> str:
    from scripts.package import read_yaml
    return read_yaml(root / "datapackage.yaml")["version"]


if __name__ == "__main__":
    sys.exit(main())
