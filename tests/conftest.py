"""Shared fixtures and helpers. A test that breaks data works on a copy, never on the repository's files."""
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

from scripts import chromium as chromium_settings
from scripts import paths
from scripts.package import copy_package, read_table, write_table
from scripts.site_url import VARIABLE as SITE_URL_VARIABLE

__all__ = ["ADDRESS", "copy_package", "copy_repository", "edit_rows", "file_texts", "fingerprint", "read_rows", "run_module", "stage"]


@pytest.fixture(autouse=True, scope="session")
def no_site_address():
    """Tests build without a public address unless they give one: a SITE_URL left in the shell would
    change every address they check (subprocesses inherit this too)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(SITE_URL_VARIABLE, raising=False)
        yield


def in_git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


def copy_repository(target: Path) -> Path:
    """A throw-away repository of its own: a clone of this one (its history holds the commits of the
    recorded releases) with the working tree's files on top, committed. No .venv, build/ or site/."""
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(paths.ROOT), str(target)], check=True, capture_output=True)
    listed = in_git(paths.ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in filter(None, listed):
        source, copy = paths.ROOT / name, target / name
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


def run_module(root: Path, module: str, *args: str, site: str | None = None) -> subprocess.CompletedProcess:
    """`python -m module args` in a copy of the repository, with its own scripts and SITE_URL=site if given."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if site:
        env[SITE_URL_VARIABLE] = site
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


def stage(root: Path, docs: Path) -> Path:
    """The docs folder `make build` stages, for the package under root: hand-written and generated pages,
    downloads, placeholders filled."""
    from scripts.build import stage_docs
    from scripts.package import load_package

    stage_docs(load_package(root), docs)
    return docs


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """Root of a throw-away copy of the real package, for tests that break it."""
    return copy_package(tmp_path / "package")


@pytest.fixture(scope="session")
def built_site() -> Path:
    """site/, built once per test session from the current data (what `make build` does)."""
    from scripts.build import main as build

    assert build() == 0, "the build failed; run `make build` to see why"
    return paths.SITE_DIR


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """Base URL of the built site (no final /), served on 127.0.0.1 (a free port) from a thread for the session."""
    from scripts.local_server import served

    with served(built_site) as base:
        yield base.removesuffix("/")


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


ADDRESS = "http://127.0.0.1:8000/cq-sme-plan/"  # make serve's host under a path, as on GitHub Pages: written, never fetched


@pytest.fixture(scope="session")
def addressed_site(tmp_path_factory) -> Path:
    """site/ as `SITE_URL=ADDRESS make build` makes it, in a throw-away copy of the repository."""
    root = copy_repository(tmp_path_factory.mktemp("addressed") / "repo")
    result = run_module(root, "scripts.build", site=ADDRESS)
    assert result.returncode == 0, result.stderr
    return root / "site"
