"""releases.yaml: read strictly, appended without losing its comments, and a release whose commit the
clone lacks stops the build with a message saying how to get it."""
from pathlib import Path

import pytest

from scripts.publication.rebuild import cached_release
from scripts.errors import BuildError
from scripts.publication.registry import Release, append_release, read_releases
from conftest import REPO, context_in

FIRST = Release("1.0.0", "2026-11-27", "2286bce7a65594bebab92c46ee23b0ea7cb5451e")


def test_the_repository_records_release_1_0_0_at_the_commit_pages_published():
    assert read_releases(REPO)[0] == FIRST


def test_a_copy_without_the_file_has_no_release(tmp_path: Path):
    assert read_releases(tmp_path) == []


def test_appending_keeps_the_comments_and_reads_back(tmp_path: Path):
    (tmp_path / "releases.yaml").write_text((REPO / "releases.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    last = read_releases(REPO)[-1]
    major, minor, patch = last.version.split(".")
    later = Release(f"{major}.{minor}.{int(patch) + 1}", last.date, "a" * 40)  # the next patch, whatever was last
    append_release(tmp_path, later)
    assert read_releases(tmp_path) == [*read_releases(REPO), later]
    assert (tmp_path / "releases.yaml").read_text(encoding="utf-8").startswith((REPO / "releases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("entry", "words"), [
    ('- {version: 1.0, date: "2026-11-27", commit: ' + "a" * 40 + "}", "version '1.0' is not MAJOR.MINOR.PATCH"),
    ('- {version: 1.0.0, date: "27.11.2026", commit: ' + "a" * 40 + "}", "date '27.11.2026' is not YYYY-MM-DD"),
    ('- {version: 1.0.0, date: "2026-11-27", commit: 2286bce}', "is not a full 40-character commit hash"),
    ('- {version: 1.0.0, date: "2026-11-27"}', "expected exactly version, date and commit"),
])
def test_a_malformed_entry_is_named_with_its_fix(tmp_path: Path, entry, words):
    (tmp_path / "releases.yaml").write_text(entry + "\n", encoding="utf-8")
    with pytest.raises(BuildError, match="releases.yaml, entry 1: ") as raised:
        read_releases(tmp_path)
    assert words in str(raised.value) and "Fix:" in str(raised.value) and "\n" not in str(raised.value)


def test_versions_must_go_up(tmp_path: Path):
    lines = [f'- {{version: {version}, date: "2026-11-27", commit: {"a" * 40}}}' for version in ["1.0.1", "1.0.0"]]
    (tmp_path / "releases.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(BuildError, match="not each higher than the one before"):
        read_releases(tmp_path)


def test_a_release_whose_commit_the_clone_lacks_says_how_to_fetch_it(tmp_path: Path):
    missing = Release("9.9.9", "2026-11-27", "0" * 40)
    with pytest.raises(BuildError) as raised:
        cached_release(context_in(REPO, tmp_path), missing)
    message = str(raised.value)
    assert "release 9.9.9 is commit " + "0" * 40 in message and "fetch-depth: 0" in message and "\n" not in message
