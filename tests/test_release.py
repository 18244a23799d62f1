"""Releases that stay: `make release` and `make build` in a throw-away clone, as a maintainer runs them.

Release A, change a row, release B, build: both folders are there, A's files are byte for byte what
its first build made, latest is B, and the second build took A from the cache. A row changed after B
is published under unreleased/ and the Data pages say so. Each refusal is one line and exit 1, with
nothing committed. Builds run with the site's address set: the addresses in the files are the site's.
The build after B runs whole; the one after A and the preview stop where MkDocs would start (what
`make build` stages: pages and downloads, which MkDocs then copies into the site byte for byte), as
what they show is there: the downloads and the Data pages.
"""
import contextlib
import io
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import ADDRESS, REPO, build_into, copy_repository, edit_rows, file_texts, fingerprint, in_git, run_module
from scripts.build import stage_docs
from scripts.context import checkout
from scripts.package import load_package
from scripts.package import read_yaml
from scripts.site.phrases import t
from scripts.publication.registry import read_releases, version_key

SITE = ADDRESS  # written into the files, never fetched
FIRST = "1.0.0"  # published before the site had an address: its files keep their placeholder (see the Versions page)


def bump(version: str) -> str:
    major, minor, patch = version_key(version)
    return f"{major}.{minor}.{patch + 1}"


GIVEN = max([read_yaml(REPO / "datapackage.yaml")["version"], *(release.version for release in read_releases(REPO))], key=version_key)
A, B, C = bump(GIVEN), bump(bump(GIVEN)), bump(bump(bump(GIVEN)))


SECTIONS = {"CHANGELOG.md": "### Data\n- A release made by the tests.", "CHANGELOG.zh.md": "### 数据\n- 测试所作的发布。"}


def add_section(root: Path, version: str, files: tuple[str, ...] = tuple(SECTIONS)) -> None:
    """A section for version in each changelog named (both, unless told), above the newest one."""
    for name in files:
        path = root / name
        text = path.read_text(encoding="utf-8")
        at = text.index("\n## ") + 1
        path.write_text(f"{text[:at]}## {version}\n\n{SECTIONS[name]}\n\n{text[at:]}", encoding="utf-8")


def change_a_row(root: Path, words: str) -> None:
    """Words added to the English note of the first target that has one (its Chinese twin is filled too)."""
    def add_words(rows):
        noted = next(row for row in rows if row["note_en"])
        noted["note_en"] = f"{noted['note_en']} {words}"
    edit_rows(root, "targets", add_words)


def commit(root: Path, message: str) -> None:
    in_git(root, "add", "--all")
    in_git(root, "commit", "--quiet", "--message", message)


def release(root: Path, version: str):
    return run_module(root, "scripts.publication.cut", version)


def build(root: Path, snapshot: Path) -> str:
    """Build the clone as `SITE_URL=SITE make build` does there, in-process; keep a copy of site/ and the
    staged Data pages; what it printed."""
    context = checkout(root, SITE)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        build_into(context)
    shutil.copytree(context.site_dir, snapshot / "site")
    shutil.copytree(context.staging / "docs" / "data", snapshot / "pages")
    return printed.getvalue()


def staged(root: Path, snapshot: Path) -> str:
    """The clone staged as `SITE_URL=SITE make build` stages it, in-process, up to MkDocs: keep its
    downloads where the site has them, and its Data pages; what it printed."""
    context = checkout(root, SITE)
    docs = context.staging / "docs"
    shutil.rmtree(context.staging, ignore_errors=True)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        stage_docs(context, load_package(root), docs)
    shutil.copytree(docs / "downloads", snapshot / "site" / "downloads")
    shutil.copytree(docs / "data", snapshot / "pages")
    return printed.getvalue()


def cache_entry(root: Path, version: str) -> os.stat_result:
    (entry,) = (root / "build" / "releases").glob(f"{version}-*")
    return entry.stat()


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    work = tmp_path_factory.mktemp("releases")
    root = copy_repository(work / "repo")
    add_section(root, A)
    commit(root, f"Say what {A} changes")
    assert release(root, A).returncode == 0
    first = staged(root, work / "after-A")
    a_cache = cache_entry(root, A)
    change_a_row(root, "Checked again.")
    add_section(root, B)
    commit(root, f"A corrected row, for {B}")
    assert release(root, B).returncode == 0
    second = build(root, work / "after-B")
    return {"root": root, "work": work, "first": first, "second": second, "a_cache": a_cache}


def downloads(history, after: str) -> Path:
    return history["work"] / after / "site" / "downloads"


def release_files(folder: Path) -> dict[str, str]:
    """The files of a published folder, without the site's landing page (index.html), which names the
    versions around it and so changes with the next release (a snapshot staged up to MkDocs has none yet:
    the build writes it after MkDocs)."""
    files = fingerprint(folder)
    files.pop("index.html", None)
    return files


def test_both_releases_stay_and_the_first_is_unchanged_byte_for_byte(history):
    before, after = downloads(history, "after-A"), downloads(history, "after-B")
    assert release_files(after / f"v{A}") == release_files(before / f"v{A}")
    assert release_files(after / f"v{B}") != release_files(after / f"v{A}")
    assert release_files(after / f"v{FIRST}") == release_files(before / f"v{FIRST}")
    assert release_files(after / "latest") == release_files(after / f"v{B}")
    assert not (after / "unreleased").exists()  # the working tree is release B exactly


def test_release_sets_the_version_everywhere_and_records_its_commit(history):
    root = history["root"]
    recorded = {release.version: release for release in read_releases(root)}
    subjects = dict(line.split("\t") for line in in_git(root, "log", "--format=%s\t%H").splitlines())
    for version in (A, B):
        assert recorded[version].commit == subjects[f"Release {version}"]
        assert in_git(root, "diff", "--name-only", f"{recorded[version].commit}", subjects[f"Record release {version}"]) \
            == "releases.yaml\n"
    day = recorded[B].date
    descriptor, citation = read_yaml(root / "datapackage.yaml"), yaml.safe_load((root / "CITATION.cff").read_text())
    assert (descriptor["version"], descriptor["created"]) == (B, f"{day}T00:00:00Z")
    assert (citation["version"], citation["date-released"]) == (B, day)
    assert f'\nversion = "{B}"\n' in (root / "pyproject.toml").read_text(encoding="utf-8")
    zenodo = json.loads((root / ".zenodo.json").read_text(encoding="utf-8"))
    assert (zenodo["version"], zenodo["publication_date"]) == (B, day)
    for name in ["datapackage.yaml", "CITATION.cff", "pyproject.toml", "releases.yaml"]:  # comments stay
        assert (root / name).read_text().splitlines()[0] == (REPO / name).read_text().splitlines()[0]


def test_second_build_takes_the_first_release_from_the_cache(history):
    assert f"Rebuilding release {A} " in history["first"] and f"Rebuilding release {FIRST} " in history["first"]
    assert f"Rebuilding release {B} " in history["second"]
    assert "Rebuilding release" not in history["second"].replace(f"Rebuilding release {B} ", "")
    again = cache_entry(history["root"], A)
    assert (again.st_ino, again.st_mtime_ns) == (history["a_cache"].st_ino, history["a_cache"].st_mtime_ns)


def test_the_site_address_is_the_homepage_and_each_citation_names_its_version(history):
    release_dir = downloads(history, "after-B") / f"v{B}"
    assert json.loads((release_dir / "datapackage.json").read_text(encoding="utf-8"))["homepage"] == SITE
    (archive,) = release_dir.glob("*.zip")
    with zipfile.ZipFile(archive) as opened:
        assert yaml.safe_load(opened.read("CITATION.cff"))["url"] == f"{SITE}downloads/v{B}/"
    pages = history["work"] / "after-B" / "pages"
    for page in ["index.md", "index.en.md"]:
        assert f"[Data set]. {SITE}downloads/v{B}/" in (pages / page).read_text(encoding="utf-8")
    for page in ["use.md", "use.en.md"]:
        assert f'BASE = "{SITE}downloads/latest/"' in (pages / page).read_text(encoding="utf-8")


def test_no_placeholder_address_anywhere_but_in_the_release_published_with_one(history):
    site = history["work"] / "after-B" / "site"
    first = str(site / "downloads" / f"v{FIRST}")
    found = [name for name, text in file_texts(site) if "example.invalid" in text and not name.startswith(first)]
    assert found == []


def test_versions_page_lists_every_release_newest_first_with_its_commit_and_checksums(history):
    page = (history["work"] / "after-B" / "pages" / "versions.en.md").read_text(encoding="utf-8")
    headings = [line[3:] for line in page.splitlines() if line.startswith("## ")]
    versions = [B, A, *reversed([release.version for release in read_releases(REPO)])]
    assert headings == [f"{version} {{#v{version}}}" for version in versions]  # the id the feeds link to
    for release in read_releases(history["root"]):
        assert f"`{release.commit}`" in page and f"Released on {release.date}" in page
    manifest = (downloads(history, "after-B") / f"v{A}" / "SHA256SUMS").read_text(encoding="utf-8")
    zip_line = next(line for line in manifest.splitlines() if line.endswith(".zip"))
    assert zip_line in page and page.count(t("version_placeholder_address", "en")) == 1  # 1.0.0's note only


@pytest.fixture(scope="module")
def unreleased(history):
    """A row changed after release B, built without releasing: the site shows it as a preview."""
    root = history["root"]
    change_a_row(root, "Changed after the release.")
    try:
        staged(root, history["work"] / "unreleased")
    finally:
        in_git(root, "checkout", "--", "data/targets.csv")
    return history["work"] / "unreleased"


def test_data_changed_since_the_release_go_to_unreleased_and_the_pages_say_so(unreleased, history):
    published = unreleased / "site" / "downloads"
    assert release_files(published / f"v{B}") == release_files(downloads(history, "after-B") / f"v{B}")
    assert release_files(published / "latest") == release_files(published / f"v{B}")
    preview = json.loads((published / "unreleased" / "datapackage.json").read_text(encoding="utf-8"))
    assert preview["version"] == f"{B}+unreleased"
    assert b"Changed after the release." in (published / "unreleased" / "data" / "targets.csv").read_bytes()
    for page, words in [("index.en.md", f"changed since version {B}"), ("index.md", f"自 {B} 版以来的改动")]:
        text = (unreleased / "pages" / page).read_text(encoding="utf-8")
        assert words in text and "](../downloads/unreleased/" in text and SITE + "downloads/unreleased" not in text


@pytest.fixture
def clean(history):
    """The clone as release B left it, before and after each refusal."""
    root = history["root"]
    head = in_git(root, "rev-parse", "HEAD")
    yield root
    assert in_git(root, "rev-parse", "HEAD") == head, "a refused release committed something"
    in_git(root, "reset", "--quiet", "--hard")
    in_git(root, "clean", "--quiet", "-d", "--force")


def refused(root: Path, version: str, code: str) -> str:
    """The one line `make release` says when it refuses, which must name the code; exit 1."""
    result = release(root, version)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"Release refused: [{code}] "), result.stderr
    return result.stderr


def test_refuses_a_version_not_higher_than_the_last(clean):
    assert f"{A} is not higher than {B}" in refused(clean, A, "release.version-not-higher")


def test_refuses_a_malformed_version(clean):
    refused(clean, "2.0", "release.version-malformed")


def test_refuses_a_version_the_changelog_does_not_mention(clean):
    assert "CHANGELOG.md and CHANGELOG.zh.md have no section" in refused(clean, C, "release.changelog-section-missing")


def test_refuses_a_version_only_the_english_changelog_mentions(clean):
    add_section(clean, C, ("CHANGELOG.md",))  # left uncommitted: the changelogs are checked first
    said = refused(clean, C, "release.changelog-section-missing")
    assert f"CHANGELOG.zh.md has no section '## {C}'" in said and "CHANGELOG.md " not in said


def test_refuses_uncommitted_changes(clean):
    add_section(clean, C)
    refused(clean, C, "release.uncommitted-changes")


def test_refuses_data_that_do_not_validate(clean):
    add_section(clean, C)
    targets = clean / "data" / "targets.csv"
    targets.write_text(targets.read_text(encoding="utf-8").replace(",86000,", ",8.6万,", 1), encoding="utf-8")
    commit(clean, "Break a value")
    try:
        refused(clean, C, "release.data-invalid")
    finally:
        in_git(clean, "reset", "--quiet", "--hard", "HEAD~1")
