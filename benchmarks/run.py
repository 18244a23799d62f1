"""Benchmark the build and the built pages against the performance budget (issue 6).

Usage: python -m benchmarks.run [--scale 1,10,50] [--repeat 3] [--lighthouse-runs 3]   (make bench)

Each phase (validate, pages, downloads, mkdocs) runs in a fresh Python subprocess, the way
scripts/build.py stages it (hand-written docs copied, pages and downloads written into the copy,
MkDocs run on it). Wall time is measured inside the subprocess and includes the phase's imports;
peak memory is that subprocess's peak resident set size (resource.getrusage ru_maxrss), so it
includes the interpreter (~10 MB). The whole build is measured once more as one process running all
four phases in turn, as `make build` does. The real-data site is kept in build/bench/ and served on
127.0.0.1 (gzip, as any static host does) for the transfer measurement (Playwright + Chromium) and
Lighthouse.
"""
import argparse
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
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from scripts import chromium, paths

PHASES = ["validate", "pages", "downloads", "mkdocs"]
OWN_CODE = ["validate", "pages", "downloads"]
BUILD_BUDGET_S = 15.0
OWN_SHARE = 1 / 5
HOME_BUDGET_KB = 200
SEARCH_BUDGET_KB = 1024
LINEAR_FACTOR = 1.5  # time per document at 50 documents <= 1.5 x that at 10
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


def run_phase(phase: str, root: Path, work: Path) -> None:
    docs, site = work / "docs", work / "site"
    if phase == "validate":
        from scripts.validate import validate
        problems, _ = validate(root)
        if problems:
            sys.exit(f"{root} is not valid: {problems[0]}")
    elif phase == "pages":
        from scripts.build import stage_pages
        stage_pages(_package(root), docs)
    elif phase == "downloads":
        from scripts.build import stage_downloads
        stage_downloads(_package(root), docs)
    elif phase == "mkdocs":
        from scripts.build import run_mkdocs
        run_mkdocs(docs, site)


def worker(phases: list[str], root: Path, work: Path) -> None:
    """Run phases in this process; print {phase: [seconds, peak MB so far]} as JSON on the last line."""
    results = {}
    for phase in phases:
        start = time.perf_counter()
        run_phase(phase, root, work)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        results[phase] = [time.perf_counter() - start, peak_mb]
    print(json.dumps(results))


def in_subprocess(phases: list[str], root: Path, work: Path) -> dict:
    command = [sys.executable, "-m", "benchmarks.run", "--worker", ",".join(phases), str(root), str(work)]
    done = subprocess.run(command, cwd=paths.ROOT, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def per_phase(root: Path, work: Path) -> dict:
    """{phase: [seconds, peak MB]}, each phase in its own subprocess."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    return {phase: in_subprocess([phase], root, work)[phase] for phase in PHASES}


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


class GzipHandler(SimpleHTTPRequestHandler):
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

    def log_message(self, *args):
        pass


def serve(site: Path) -> str:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/"


def transfers(base: str) -> dict:
    """Per language: bytes on the wire for the home page and all it loads, search index aside; other hosts."""
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
            counted = [r for r in requests if r.url.startswith(base) and not r.url.endswith("search_index.json")]
            wire = sum(sizes["responseBodySize"] + sizes["responseHeadersSize"] for sizes in (r.sizes() for r in counted))
            results[language] = {"bytes": wire, "requests": len(counted),
                                 "other_hosts": sorted({r.url for r in requests if not r.url.startswith(base)})}
            context.close()
        browser.close()
    return results


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
    command = [str(paths.ROOT / "node_modules" / ".bin" / "lighthouse"), base + page, "--quiet",
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

def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report_real(work: Path, repeat: int, lighthouse_runs: int) -> None:
    print("## Real data (1 document)\n")
    phases = per_phase(paths.ROOT, work)
    print("| phase | wall s | peak RSS MB |\n| --- | ---: | ---: |")
    for phase, (seconds, mb) in phases.items():
        print(f"| {phase} | {seconds:.2f} | {mb:.0f} |")
    total, splits = whole_build(paths.ROOT, work, repeat)
    own = sum(splits[phase][0] for phase in OWN_CODE)
    split_text = ", ".join(f"{phase} {seconds:.2f}" for phase, (seconds, _) in splits.items())
    print(f"\nWhole build in one process (median of {repeat}): {total:.2f} s ({split_text}); our code {own:.2f} s = {own / total:.0%}; "
          f"{total / splits['mkdocs'][0]:.2f}x the MkDocs build of the same pages.")

    site = work / "site"
    indexes = {language: site / prefix / "search" / "search_index.json" for language, prefix in LANGUAGES.items()}
    found = {lang: p for lang, p in indexes.items() if p.exists()}
    shared = " (one index serves both languages)" if len(found) == 1 else ""
    print(f"Site: {size(site) / 1e6:.1f} MB in {sum(1 for f in site.rglob('*') if f.is_file())} files; "
          + "; ".join(f"search index {p.relative_to(site)} {size(p) / 1024:.0f} KB" for p in found.values()) + shared)
    base = serve(site)
    wire = transfers(base)
    for language, result in wire.items():
        print(f"Home page ({language}): {result['bytes'] / 1024:.0f} KB transferred (gzip) in {result['requests']} "
              f"requests, search index aside; requests to other hosts: {len(result['other_hosts'])}")

    print("\n### Budget\n")
    biggest_index = max((size(p) for p in indexes.values() if p.exists()), default=0)
    checks = [(f"whole build <= {BUILD_BUDGET_S:.0f} s", f"{total:.2f} s", total <= BUILD_BUDGET_S),
              ("our code <= 1/5 of the build", f"{own / total:.0%}", own <= OWN_SHARE * total),
              (f"search index < {SEARCH_BUDGET_KB} KB", f"{biggest_index / 1024:.0f} KB",
               0 < biggest_index < SEARCH_BUDGET_KB * 1024)]
    checks += [(f"home ({lang}) < {HOME_BUDGET_KB} KB transferred", f"{r['bytes'] / 1024:.0f} KB",
                r["bytes"] < HOME_BUDGET_KB * 1024) for lang, r in wire.items()]
    checks += [(f"home ({lang}): no request to another host", str(len(r["other_hosts"])), not r["other_hosts"])
               for lang, r in wire.items()]
    for name, value, ok in checks:
        print(f"- {verdict(ok)} {name}: {value}")

    if lighthouse_runs:
        report_lighthouse(base, site, work / "lighthouse", lighthouse_runs)


def report_lighthouse(base: str, site: Path, reports: Path, runs: int) -> None:
    reports.mkdir(parents=True, exist_ok=True)
    targets = " ".join(f"{name} >= {score}" for name, score in LIGHTHOUSE_TARGETS.items())
    print(f"\n### Lighthouse 12.2.3, mobile defaults, median of {runs} runs ({targets}); "
          f"reports in {reports.relative_to(paths.ROOT)}\n")
    print("| page | " + " | ".join(LIGHTHOUSE_TARGETS) + " | verdict | audits below 0.9 |")
    print("| --- |" + " ---: |" * len(LIGHTHOUSE_TARGETS) + " --- | --- |")
    for name, page in lighthouse_pages(site).items():
        result = lighthouse(base, page, reports / f"{name.replace(' (', '-').rstrip(')')}.json", runs)
        scores = result["scores"]
        ok = all(scores.get(category, 0) >= target for category, target in LIGHTHOUSE_TARGETS.items())
        print(f"| {name} `/{page}` | " + " | ".join(str(scores.get(c, "?")) for c in LIGHTHOUSE_TARGETS)
              + f" | {verdict(ok)} | {', '.join(result['lost']) or '-'} |")


def report_scale(counts: list[int]) -> None:
    from benchmarks.synthetic import make_package

    print(f"\n## Scale: synthetic packages of {', '.join(map(str, counts))} documents\n")
    runs = {}
    with tempfile.TemporaryDirectory(prefix="bench-") as temp:
        for count in counts:
            root = make_package(count, Path(temp) / f"package-{count}")
            runs[count] = per_phase(root, Path(temp) / f"work-{count}")
            pages = sum(1 for _ in (Path(temp) / f"work-{count}" / "site").rglob("*.html"))
            print(f"{count} document(s): {pages} HTML pages, site "
                  f"{size(Path(temp) / f'work-{count}' / 'site') / 1e6:.1f} MB", flush=True)
            shutil.rmtree(root)
            shutil.rmtree(Path(temp) / f"work-{count}")
    print("\n| phase | " + " | ".join(f"{n} doc s (MB)" for n in counts) + " |")
    print("| --- |" + " ---: |" * len(counts))
    totals = {n: sum(seconds for seconds, _ in runs[n].values()) for n in counts}
    for phase in PHASES:
        print(f"| {phase} | " + " | ".join(f"{runs[n][phase][0]:.2f} ({runs[n][phase][1]:.0f})" for n in counts) + " |")
    print("| total | " + " | ".join(f"{totals[n]:.2f}" for n in counts) + " |")
    if 10 in counts and 50 in counts:
        print()
        for phase in PHASES + ["total"]:
            at = {n: (totals[n] if phase == "total" else runs[n][phase][0]) / n for n in (10, 50)}
            ratio = at[50] / at[10]
            print(f"- {verdict(ratio <= LINEAR_FACTOR)} {phase}: time per document at 50 is {ratio:.2f}x that at 10 "
                  f"({at[50]:.3f} s vs {at[10]:.3f} s; budget {LINEAR_FACTOR}x)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="1,10,50", help="document counts of the synthetic packages ('' for none)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the whole real-data build (median reported)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="runs per page (median); 0 skips Lighthouse")
    parser.add_argument("--worker", nargs=3, metavar=("PHASES", "ROOT", "WORK"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        phases, root, work = args.worker
        worker(phases.split(","), Path(root), Path(work))
        return 0
    print(f"# Benchmark ({os.cpu_count()} CPUs, Python {sys.version.split()[0]})\n")
    report_real(paths.BENCH_DIR / "real", args.repeat, args.lighthouse_runs)
    if args.scale:
        report_scale([int(n) for n in args.scale.split(",")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
