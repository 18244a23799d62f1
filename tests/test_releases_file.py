"""releases.yaml: read strictly, appended without losing its comments, and a release whose commit the
clone lacks stops the build with a message saying how to get it."""
from pathlib import Path

import pytest

from scripts.errors import BuildError
from scripts.publication.registry import Release, append_release, read_releases
from conftest import REPO

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
    ('- {version: 1.0.0, date: "27.11.2026", commit: ' + "a" * 40 + "}", "date '27.11.2026'"),
    ('- {version: 1.0.0, date: "2026-11-27", commit: 2286bce}', "commit '2286bce'"),
    ('- {version: 1.0.0, date: "2026-11-27"}', "entry 1"),
])
def test_a_malformed_entry_is_named_with_its_fix(tmp_path: Path, entry, words):
    (tmp_path / "releases.yaml").write_text(entry + "\n", encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        read_releases(tmp_path)
    assert raised.value.code == "build.releases-entry-malformed" and raised.value.message.startswith("releases.yaml, entry 1: ")
    assert words in raised.value.message and "Fix:" in raised.value.message and "\n" not in str(raised.value)
