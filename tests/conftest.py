"""Shared fixtures and helpers. Tests read the checkout (REPO) and never write into it: every build runs
in-process into a temporary folder, from a copy of the inputs, through a BuildContext of its own.

The session's builds (the real data, with and without an address) are made once per run: with
pytest-xdist (`make test` runs two workers), the first worker to ask makes them in the run's shared
temporary folder and the others wait for it (made_once)."""
import fcntl
import functools
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from scripts.context import CODE, INPUTS, RELEASE_INPUTS, BuildContext, copy_inputs
from scripts.package import read_table, write_table
from tests.helpers import chromium as chromium_settings

__all__ = ["ADDRESS", "REPO", "build_into", "context_in", "copy_package", "copy_repository", "copy_unreleased", "edit_rows", "file_texts",
           "fingerprint", "made_once", "read_rows", "run_module", "stage"]

REPO = CODE  # the checkout under test: read, never written
ADDRESS = "http://127.0.0.1:8000/cq-sme-plan/"  # make serve's host under a path, as on GitHub Pages: written, never fetched


def context_in(root: Path, work: Path, site_url: str | None = None, release_cache: Path | None = None,
               repository: Path = REPO) -> BuildContext:
    """A build of the inputs under root whose every output goes under work."""
    return BuildContext(root=root, out=work / "build", site_dir=work / "site", site_url=site_url,
                        release_cache=release_cache or work / "releases", repository=repository)


def build_into(context: BuildContext) -> Path:
    """The site the context describes, built in this process; its folder."""
    from scripts.build import build

    assert build(context) == 0, "the build failed; run `make build` to see why"
    return context.site_dir


def stage(root: Path, docs: Path, site_url: str | None = None, release_cache: Path | None = None) -> Path:
    """The docs folder `make build` stages, for the inputs under root: hand-written and generated pages,
    downloads, placeholders filled (work files beside docs)."""
    from scripts.build import stage_docs
    from scripts.package import load_package

    stage_docs(context_in(root, docs.parent, site_url, release_cache), load_package(root), docs)
    return docs


def copy_package(target: Path, source: Path = REPO) -> Path:
    """A throw-away copy of the package and the files a release carries with it, for tests that break it."""
    return copy_inputs(target, source, RELEASE_INPUTS)


def copy_unreleased(target: Path) -> Path:
    """Every input but releases.yaml: a package with no recorded release, whose build publishes only the
    working tree's files (under its version and latest/)."""
    return copy_inputs(target, REPO, [name for name in INPUTS if name != "releases.yaml"])


def in_git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


def copy_repository(target: Path) -> Path:
    """A throw-away repository of its own: a clone of this one (its history holds the commits of the
    recorded releases) with the working tree's files on top, committed. No .venv, build/ or site/."""
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(REPO), str(target)], check=True, capture_output=True)
    listed = in_git(REPO, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in filter(None, listed):
        source, copy = REPO / name, target / name
        if source.is_file():
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy)
        elif copy.is_file():  # deleted in the working tree, not yet in a commit
            copy.unlink()
    in_git(target, "config", "user.name", "Test")
    in_git(target, "config", "user.email", "test@localhost")
    in_git(target, "add", "--all")
    in_git(target, "commit", "--quiet", "--allow-empty", "--message", "The working tree under test")
    return target


def run_module(root: Path, module: str, *args: str) -> subprocess.CompletedProcess:
    """`python -m module args` run by a maintainer in the checkout at root, with no SITE_URL: for the
    command lines themselves (exit codes, messages); builds under test run in-process instead."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(root), "PYTHONPATH": str(root)}
    return subprocess.run([sys.executable, "-m", module, *args], cwd=root, env=env, capture_output=True, text=True)


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under folder, by path, with its SHA-256."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def file_texts(folder: Path) -> Iterator[tuple[str, str]]:
    """(name, text) of every file under folder, looking inside: each member of a zip or workbook
    (folder/x.zip!member), every text cell of a SQLite database, the bytes of anything else as UTF-8."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.suffix in {".zip", ".xlsx"}:
            with zipfile.ZipFile(path) as opened:
                yield from ((f"{path}!{name}", opened.read(name).decode("utf-8", "replace")) for name in opened.namelist())
        elif path.suffix == ".sqlite":
            connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            cells = [str(cell) for table in tables for row in connection.execute(f'SELECT * FROM "{table}"') for cell in row]
            connection.close()
            yield str(path), "\n".join(cells)
        else:
            yield str(path), path.read_bytes().decode("utf-8", "replace")


def read_rows(root: Path, resource: str) -> list[dict]:
    return read_table(root / "data" / f"{resource}.csv")[1]


def edit_rows(root: Path, resource: str, edit: Callable[[list[dict]], None]) -> None:
    """Rewrite data/<resource>.csv under root after edit(rows) has changed its rows in place."""
    path = root / "data" / f"{resource}.csv"
    header, rows = read_table(path)
    edit(rows)
    write_table(path, header, rows)


def run_folder(tmp_path_factory) -> Path:
    """The test run's own temporary folder: with pytest-xdist, the one its workers share (each worker's
    basetemp is a folder in it); without, the session's basetemp."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def made_once(tmp_path_factory, name: str, make: Callable[[Path], object]) -> Path:
    """run_folder/name, made by make(folder) once per run: the first worker to ask makes it while holding
    a lock file, the others wait on the lock and find it made. A make that failed leaves no mark, so the
    next worker to ask tries again (and fails the same way, in its own tests)."""
    root = run_folder(tmp_path_factory)
    folder, done = root / name, root / f"{name}.done"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
            make(folder)
            done.touch()
    return folder


def pytest_xdist_make_scheduler(config, log):
    """With pytest-xdist and --dist loadgroup (make test-fast, make test): a module whose tests share work
    (a module-scoped fixture: a build, a release history, a served site; or a cache of its own, marked
    xdist_group) runs whole on one worker, so that work is done once; every other test is dealt out on
    its own. xdist's own loadgroup cannot do it under pytest 9: it renames items to group them, and
    pytest 9 no longer reads the name it sets."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class SharedWorkScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return module if shares_work(config.rootpath / module) else nodeid

    return SharedWorkScheduling(config, log)


@functools.cache
def shares_work(module: Path) -> bool:
    """Whether a test module's tests share work: read from its source, as the controller collects no tests."""
    text = module.read_text(encoding="utf-8") if module.is_file() else ""
    return 'scope="module"' in text or "xdist_group" in text


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """Root of a throw-away copy of the real package, for tests that break it."""
    return copy_package(tmp_path / "package")


@pytest.fixture(scope="session")
def release_cache(tmp_path_factory) -> Path:
    """Past releases rebuilt once per run (by version, commit and address), for every build of it; shared
    by the workers (scripts/publication/rebuild.py keeps the first of two rebuilds racing for one entry)."""
    return made_once(tmp_path_factory, "releases", lambda folder: folder.mkdir())


@pytest.fixture(scope="session")
def inputs(tmp_path_factory) -> Path:
    """A copy of the checkout's inputs, which the run's builds read (no test changes it)."""
    return made_once(tmp_path_factory, "inputs", lambda folder: copy_inputs(folder / "root")) / "root"


@pytest.fixture(scope="session")
def real_build(inputs, release_cache, tmp_path_factory) -> BuildContext:
    """The real data built once per run, without an address (what `make build` does), in a temporary folder."""
    work = made_once(tmp_path_factory, "built", lambda folder: build_into(context_in(inputs, folder, release_cache=release_cache)))
    return context_in(inputs, work, release_cache=release_cache)


@pytest.fixture(scope="session")
def built_site(real_build) -> Path:
    """The site of the real data, built once per session."""
    return real_build.site_dir


@pytest.fixture(scope="session")
def staged_docs(real_build) -> Path:
    """The docs folder that build staged for MkDocs: hand-written and generated pages, downloads."""
    return real_build.staging / "docs"


@pytest.fixture(scope="session")
def addressed_site(inputs, release_cache, tmp_path_factory) -> Path:
    """The site as `SITE_URL=ADDRESS make build` makes it, once per run, in a temporary folder."""
    work = made_once(tmp_path_factory, "addressed", lambda folder: build_into(context_in(inputs, folder, ADDRESS, release_cache)))
    return context_in(inputs, work, ADDRESS, release_cache).site_dir


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """Base URL of the built site (no final /), served on 127.0.0.1 (a free port) from a thread for the session."""
    from tests.helpers.local_server import served

    with served(built_site) as base:
        yield base.removesuffix("/")


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory) -> Path:
    """Where screenshots for a person go: $TEST_ARTIFACTS (CI uploads it when a run fails), else a temporary folder."""
    chosen = os.environ.get("TEST_ARTIFACTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def chromium():
    """A headless Chromium for the session (tests open their own pages)."""
    from playwright.sync_api import sync_playwright

    if not Path(chromium_settings.EXECUTABLE).exists():
        pytest.fail(f"{chromium_settings.EXECUTABLE} is missing: run `make system-deps` "
                    "(apt-get install chromium fonts-wqy-microhei)")
    with sync_playwright() as playwright:
        browser = chromium_settings.launch(playwright)
        yield browser
        browser.close()
