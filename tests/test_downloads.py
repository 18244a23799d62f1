"""The releases: stable URLs, byte-identical rebuilds, a manifest sha256sum accepts, keys in SQLite,
and Data pages whose every download link, size and hash matches the files built.

The real repository records its releases (releases.yaml), so the build publishes each of them and, beside
them, the working tree's own files: under unreleased/ when the data changed since the last release, else
that release's folder. Most tests below look at those current files, which the Data pages describe."""
import hashlib
import json
import re
import shutil
import sqlite3
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml

from scripts.errors import BuildError
from conftest import REPO, fingerprint
from scripts.archive import release_dir_name, write_release
from scripts.package import load_package
from scripts.publication.registry import read_releases, version_key

NAME = "cq-sme-tiered-cultivation-2024"
DESCRIPTOR = yaml.safe_load((REPO / "datapackage.yaml").read_text(encoding="utf-8"))
DATA_PAGES = ["index.md", "index.en.md", "use.md", "use.en.md", "changelog.md", "changelog.en.md",
              "versions.md", "versions.en.md"]
# SHA-256 of v<version>/SHA256SUMS as each release built it first (1.0.0 at 2286bce, 2.0.0 at 5be925d;
# the runtime pins have not changed since): it hashes every other file, so a rebuild that differs in one
# byte, by a new library or a stray change to old code, fails here.
FIRST_BUILDS = {"1.0.0": "e89147c08dffb3377617080a29a1ca1109967fff400a4fcb9ad4afdd580d628f",
                "2.0.0": "cb7e63d9661c7e39d594daa47164b75c3a9d3a6bd405c2f477adde3376bbdd09"}


@pytest.fixture(scope="module")
def built_docs(staged_docs) -> Path:
    """The staging docs folder as the build makes it."""
    return staged_docs


def current(built_docs: Path) -> Path:
    """The folder of the working tree's files: unreleased/ if the data changed since the release, else the version's."""
    downloads = built_docs / "downloads"
    return downloads / "unreleased" if (downloads / "unreleased").is_dir() else downloads / f"v{DESCRIPTOR['version']}"


def test_each_release_sits_under_its_version_and_latest_is_the_newest(built_docs):
    downloads = built_docs / "downloads"
    versions = [release.version for release in read_releases(REPO)] + [DESCRIPTOR["version"]]
    assert all((downloads / f"v{version}" / "SHA256SUMS").is_file() for version in versions)
    newest = max(versions, key=version_key)
    assert fingerprint(downloads / "latest") == fingerprint(downloads / f"v{newest}")
    assert set(fingerprint(current(built_docs))) >= {f"{NAME}.zip", f"{NAME}.xlsx", f"{NAME}.sqlite", "SHA256SUMS",
                                                     "datapackage.json", "data/targets.csv", "json/targets.json"}


@pytest.mark.parametrize("version", sorted(FIRST_BUILDS))
def test_a_published_release_is_its_first_build_byte_for_byte(built_docs, version):
    release_dir = built_docs / "downloads" / f"v{version}"
    assert hashlib.sha256((release_dir / "SHA256SUMS").read_bytes()).hexdigest() == FIRST_BUILDS[version]
    if shutil.which("sha256sum"):
        subprocess.run(["sha256sum", "--check", "--strict", "--quiet", "SHA256SUMS"], cwd=release_dir, check=True)


def test_unreleased_files_differ_from_the_release_and_say_so(built_docs):
    version_dir = built_docs / "downloads" / f"v{DESCRIPTOR['version']}"
    released = json.loads((current(built_docs) / "datapackage.json").read_text(encoding="utf-8"))
    if current(built_docs) == version_dir:
        assert released["version"] == DESCRIPTOR["version"]
    else:
        assert released["version"] == DESCRIPTOR["version"] + "+unreleased"
        assert (current(built_docs) / "SHA256SUMS").read_bytes() != (version_dir / "SHA256SUMS").read_bytes()


def test_version_must_be_semantic():
    assert release_dir_name({"version": "1.0.0"}) == "v1.0.0"
    with pytest.raises(BuildError) as raised:
        release_dir_name({"version": "1.0"})
    assert raised.value.code == "package.version-malformed"


def dated(day: str):
    """The real package, its descriptor's `created` set to day: a date no build runs on."""
    package = load_package(REPO)
    package.descriptor["created"] = f"{day}T00:00:00Z"
    return package


def test_every_timestamp_is_the_release_date_not_the_build_time(tmp_path: Path):
    folder = tmp_path / "release"
    write_release(dated("2019-03-04"), folder, None)
    for archive in (f"{NAME}.zip", f"{NAME}.xlsx"):
        with zipfile.ZipFile(folder / archive) as opened:
            assert {info.date_time for info in opened.infolist()} == {(2019, 3, 4, 0, 0, 0)}, archive
    with zipfile.ZipFile(folder / f"{NAME}.xlsx") as opened:
        core = opened.read("docProps/core.xml").decode()
    assert re.findall(r"<dcterms:(created|modified)[^>]*>([^<]*)<", core) == [
        ("created", "2019-03-04T00:00:00Z"), ("modified", "2019-03-04T00:00:00Z")]


def test_building_twice_gives_identical_bytes(tmp_path: Path):
    package = load_package(REPO)
    write_release(package, tmp_path / "first", None)
    write_release(package, tmp_path / "second", None)
    assert fingerprint(tmp_path / "first") == fingerprint(tmp_path / "second")


def test_zip_entries_are_sorted(built_docs):
    with zipfile.ZipFile(current(built_docs) / f"{NAME}.zip") as opened:
        assert opened.namelist() == sorted(opened.namelist())


def test_manifest_lists_every_file_and_sha256sum_accepts_it(built_docs):
    release_dir = current(built_docs)
    listed = dict(line.split("  ")[::-1] for line in (release_dir / "SHA256SUMS").read_text().splitlines())
    files = fingerprint(release_dir)
    assert set(listed) == set(files) - {"SHA256SUMS"}
    assert all(files[path] == digest for path, digest in listed.items())
    if shutil.which("sha256sum"):
        subprocess.run(["sha256sum", "--check", "--strict", "--quiet", "SHA256SUMS"], cwd=release_dir, check=True)


def test_descriptor_has_version_release_date_and_size_and_hash_of_each_csv(built_docs):
    release_dir = current(built_docs)
    released = json.loads((release_dir / "datapackage.json").read_text(encoding="utf-8"))
    assert released["version"].split("+")[0] == DESCRIPTOR["version"] and released["created"] == DESCRIPTOR["created"]
    assert "homepage" not in released  # built without SITE_URL: no address is invented
    for resource in released["resources"]:
        raw = (release_dir / resource["path"]).read_bytes()
        assert resource["bytes"] == len(raw)
        assert resource["hash"] == "sha256:" + hashlib.sha256(raw).hexdigest()


def test_released_package_is_valid_for_frictionless_and_a_changed_byte_is_caught(built_docs, tmp_path: Path):
    from frictionless import Package

    with zipfile.ZipFile(current(built_docs) / f"{NAME}.zip") as archive:
        archive.extractall(tmp_path)
    assert Package(str(tmp_path / "datapackage.json")).validate().valid
    targets = tmp_path / "data" / "targets.csv"
    targets.write_bytes(targets.read_bytes().replace(b"86000", b"86001"))
    errors = Package(str(tmp_path / "datapackage.json")).validate().flatten(["type"])
    assert ["hash-count"] in errors


def test_sqlite_has_the_schemas_primary_and_foreign_keys(built_docs):
    connection = sqlite3.connect(current(built_docs) / f"{NAME}.sqlite")
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    for resource in load_package(REPO).descriptor["resources"]:
        schema, table = resource["schema"], resource["name"]
        columns = connection.execute(f'PRAGMA table_info("{table}")').fetchall()
        assert [c[1] for c in sorted(columns, key=lambda c: c[5]) if c[5]] == schema["primaryKey"]
        keys = connection.execute(f'PRAGMA foreign_key_list("{table}")').fetchall()
        found = sorted((key[3], key[2], key[4]) for key in keys)
        declared = sorted((fk["fields"][0], fk["reference"]["resource"], fk["reference"]["fields"][0])
                          for fk in schema.get("foreignKeys", []))
        assert found == declared


def test_sqlite_refuses_a_row_that_breaks_a_foreign_key(built_docs, tmp_path: Path):
    copy = tmp_path / "copy.sqlite"
    shutil.copy(current(built_docs) / f"{NAME}.sqlite", copy)
    connection = sqlite3.connect(copy)
    connection.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        connection.execute("INSERT INTO responsibilities VALUES ('cq-2024-14-m1', 'no-such-agency', 99)")


def test_pages_have_no_placeholder_left(built_docs):
    for page in DATA_PAGES:
        assert "<!-- data:" not in (built_docs / "data" / page).read_text(encoding="utf-8"), page


def test_every_download_link_on_the_pages_resolves_to_a_built_file(built_docs):
    for page in DATA_PAGES:
        text = (built_docs / "data" / page).read_text(encoding="utf-8")
        links = re.findall(r"\]\(([^)#]+)\)", text)
        downloads = [link for link in links if "downloads/" in link]
        assert all(not link.startswith(("/", "http")) for link in downloads), page
        assert all((built_docs / "data" / link).resolve().is_file() for link in downloads), page
        if page.startswith("index"):  # every current file is linked
            linked = {(built_docs / "data" / link).resolve() for link in downloads}
            assert {path.resolve() for path in current(built_docs).rglob("*") if path.is_file()} <= linked


def test_download_page_shows_the_size_and_hash_of_each_file(built_docs):
    page = (built_docs / "data" / "index.en.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| \[([^\]]+)\]\(\.\./downloads/(?:latest|unreleased)/([^)]+)\).*\| ([\d.]+ k?B) \| `([0-9a-f]{64})` \|$",
                      page, re.M)
    files = fingerprint(current(built_docs))
    assert {path for _, path, _, _ in rows} == set(files)
    for _, path, _, digest in rows:
        assert files[path] == digest


def test_download_pages_cite_the_version_in_both_languages(built_docs):
    for page in ["index.md", "index.en.md"]:
        text = (built_docs / "data" / page).read_text(encoding="utf-8")
        assert f"(Version {DESCRIPTOR['version']}) [Data set]" in text
        assert f"version = {{{DESCRIPTOR['version']}}}" in text and "@misc{" in text


def test_changelog_pages_carry_the_changelog(built_docs):
    """Each page the newest section of its language's changelog, as written but for the runs of the other
    language marked (CHANGELOG.zh.md on the Chinese page, CHANGELOG.md on the English one), and not the other's."""
    for page, written, other in [("changelog.md", "CHANGELOG.zh.md", "CHANGELOG.md"),
                                 ("changelog.en.md", "CHANGELOG.md", "CHANGELOG.zh.md")]:
        newest = {name: re.search(r"^## .*?(?=^## |\Z)", (REPO / name).read_text(encoding="utf-8"), re.M | re.S)[0].strip()
                  for name in (written, other)}
        text = (built_docs / "data" / page).read_text(encoding="utf-8")
        shown = re.sub(r'<span lang="(?:zh|en)">(.*?)</span>', r"\1", text, flags=re.S)
        assert newest[written] in shown, page
        assert newest[other].split("\n- ", 1)[1][:60] not in shown, page  # its first entry, in the other language
        assert '<div lang="' not in text, page  # the page's own language: nothing to mark as a whole


def test_termbase_lists_every_term_and_unit_with_its_forms(built_docs):
    from scripts.package import read_table

    header, rows = read_table(current(built_docs) / "termbase.csv")
    package = load_package(REPO)
    by_id = {(row["entry_type"], row["entry_id"]): row for row in rows}
    assert len(rows) == len(package.records["terms"]) + len(package.records["agencies"])
    for term in package.records["terms"]:
        assert by_id[("term", term["term_id"])]["en"] == term["term_en"]
        assert by_id[("term", term["term_id"])]["variants_en"] == term["variants_en"]
    for agency in package.records["agencies"]:
        assert by_id[("unit", agency["agency_id"])]["zh"] == agency["name_zh"]
    assert "termbase.csv" in (built_docs / "data" / "index.en.md").read_text(encoding="utf-8")
