"""Every problem the build and `make release` report has a stable code: each code of the themes build and
release has a named case here that produces it, held both ways, and the catalogue's example for it is
what that case prints (temporary paths aside).

The cases break a copy of the inputs, or hand a module the broken thing it would meet; those that need a
whole build or release (a broken link, a refused release) are in test_build_atomic.py and test_release.py
and are named here by the code they assert."""
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO, context_in, copy_package, copy_unreleased
from scripts.errors import BuildError
from scripts.problems.codes import CODES

THEMES = {"build", "release"}
CASES: dict[str, Callable[[Path], BuildError]] = {}  # code -> a case that raises it (given a temporary folder)
# Codes whose case is a whole build or release, asserted in another file (file::test).
ELSEWHERE = {
    "build.mkdocs-failed": "test_build_atomic.py::test_failed_mkdocs_build_leaves_previous_site_and_downloads",
    "build.unknown-placeholder": "test_build_atomic.py::test_unknown_placeholder_on_any_page_stops_the_build_in_one_line",
    "release.version-malformed": "test_release.py::test_refuses_a_malformed_version",
    "release.version-not-higher": "test_release.py::test_refuses_a_version_not_higher_than_the_last",
    "release.changelog-section-missing": "test_release.py::test_refuses_a_version_the_changelog_does_not_mention",
    "release.uncommitted-changes": "test_release.py::test_refuses_uncommitted_changes",
    "release.data-invalid": "test_release.py::test_refuses_data_that_do_not_validate",
}


def case(code: str):
    def register(breaks):
        CASES[code] = breaks
        return breaks
    return register


def raised(call: Callable[[], object]) -> BuildError:
    with pytest.raises(BuildError) as caught:
        call()
    return caught.value


@case("build.site-url-malformed")
def address_without_scheme(folder: Path) -> BuildError:
    from scripts.context import parse_site_url

    return raised(lambda: parse_site_url("example.org/plan"))


@case("build.changelog-section-missing")
def version_the_changelog_does_not_mention(folder: Path) -> BuildError:
    from scripts.site.data_pages import changelog

    return raised(lambda: changelog(REPO, "99.0.0", "zh"))


def releases_file(folder: Path, text: str) -> Path:
    (folder / "releases.yaml").write_text(text, encoding="utf-8")
    return folder


@case("build.releases-entry-malformed")
def release_entry_without_commit(folder: Path) -> BuildError:
    from scripts.publication.registry import read_releases

    return raised(lambda: read_releases(releases_file(folder, '- {version: 1.0.0, date: "2026-11-27"}\n')))


@case("build.releases-out-of-order")
def releases_newest_first(folder: Path) -> BuildError:
    from scripts.publication.registry import read_releases

    lines = [f'- {{version: {version}, date: "2026-11-27", commit: {"a" * 40}}}' for version in ["1.0.1", "1.0.0"]]
    return raised(lambda: read_releases(releases_file(folder, "\n".join(lines) + "\n")))


@case("build.release-commit-missing")
def release_commit_not_in_the_clone(folder: Path) -> BuildError:
    from scripts.publication.rebuild import cached_release
    from scripts.publication.registry import Release

    return raised(lambda: cached_release(context_in(REPO, folder), Release("9.9.9", "2026-11-27", "0" * 40)))


@case("build.release-not-rebuilt")
def release_commit_without_its_code(folder: Path) -> BuildError:
    """A recorded commit whose tree has no door at all (here: a repository holding one README)."""
    from scripts.publication.rebuild import cached_release
    from scripts.publication.registry import Release

    repository = folder / "repo"
    repository.mkdir()
    (repository / "README.md").write_text("nothing here\n", encoding="utf-8")
    git = ["git", "-C", str(repository), "-c", "user.name=Test", "-c", "user.email=test@localhost"]
    fixed = {"GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z", "PATH": "/usr/bin:/bin"}
    for args in (["init", "--quiet", "--initial-branch=main"], ["add", "README.md"], ["commit", "--quiet", "-m", "empty"]):
        subprocess.run(git + args, check=True, capture_output=True, env=fixed)  # fixed dates: the same commit every run
    commit = subprocess.run(git + ["rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
    context = context_in(REPO, folder / "work", repository=repository)
    return raised(lambda: cached_release(context, Release("9.9.9", "2026-11-27", commit)))


@case("build.version-lower-than-released")
def version_lowered_below_the_last_release(folder: Path) -> BuildError:
    from scripts.package import load_package
    from scripts.publication.published import write_current
    from scripts.publication.registry import read_releases

    package = load_package(copy_package(folder / "package"))
    package.descriptor["version"] = "0.9.0"
    return raised(lambda: write_current(package, folder / "downloads", read_releases(REPO), None))


@case("build.version-line-not-unique")
def version_written_twice(folder: Path) -> BuildError:
    from scripts.publication.version_files import with_version

    root = copy_unreleased(folder / "root")
    (root / "pyproject.toml").write_text((REPO / "pyproject.toml").read_text(encoding="utf-8") + 'version = "9"\n', encoding="utf-8")
    return raised(lambda: with_version(root, "9.9.9", "2026-12-03"))


@case("build.git-failed")
def git_asked_for_a_commit_the_repository_does_not_have(folder: Path) -> BuildError:
    """A new repository with no commit: git's words are the same on every machine (outside a repository
    they depend on where the temporary folder is mounted)."""
    from scripts.git import extract

    subprocess.run(["git", "init", "--quiet", str(folder)], check=True)
    return raised(lambda: extract(folder, "HEAD", folder / "tree"))


@case("build.pagefind-missing")
def pagefind_not_installed(folder: Path) -> BuildError:
    from scripts import search

    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(sys.modules, "pagefind_bin_extended", None)  # an import of it now fails
        return raised(search.pagefind_binary)


@case("build.pagefind-failed")
def pagefind_given_a_folder_that_does_not_exist(folder: Path) -> BuildError:
    from scripts import search

    return raised(lambda: search.run_pagefind(folder / "no-such-site", folder / "bundle"))


@case("build.pagefind-format-unknown")
def index_of_another_pagefind_version(folder: Path) -> BuildError:
    from scripts import search

    bundle = folder / search.BUNDLE
    bundle.mkdir(parents=True)
    (bundle / "pagefind-entry.json").write_text('{"version": "0.0.1", "languages": {}}', encoding="utf-8")
    return raised(lambda: search.rechunk(bundle))


@case("build.media-type-unknown")
def release_file_of_an_unknown_kind(folder: Path) -> BuildError:
    from scripts.site.data_pages.dataset import media_type

    return raised(lambda: media_type("notes.odt"))


def without_paths(line: str, folder: Path) -> str:
    """A message with its temporary paths replaced, as the catalogue's example gives them (the case's
    folder may be under /tmp or /dev/shm, see scripts/scratch.py)."""
    for temporary in (re.escape(str(folder)), r"/tmp/"):
        line = re.sub(temporary + r"\S*?(?=[:'\s]|$)", "<tmp>", line)
    return line


def themed_codes() -> set[str]:
    return {name for name, code in CODES.items() if code.theme in THEMES}


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_case_raises_its_code_with_a_fix(code, tmp_path):
    error = CASES[code](tmp_path)
    assert error.code == code and str(error).startswith(f"[{code}] ")
    assert "Fix:" in error.message and "\n" not in str(error)
    said = without_paths(str(error), tmp_path)
    assert said == CODES[code].example, f"set the example of {code} to {said!r}"


def test_every_build_and_release_code_has_a_case_and_every_case_a_code():
    assert sorted(themed_codes() - set(CASES) - set(ELSEWHERE)) == [], "codes without a case"
    assert sorted((set(CASES) | set(ELSEWHERE)) - themed_codes()) == [], "cases naming an unknown code"
    assert not set(CASES) & set(ELSEWHERE)


def test_the_cases_run_elsewhere_assert_their_code():
    for code, where in ELSEWHERE.items():
        file, test = where.split("::")
        source = (REPO / "tests" / file).read_text(encoding="utf-8")
        body = source[source.index(f"def {test}("):].split("\ndef ", 1)[0]
        assert code in body, f"{where} does not assert {code}"


def test_the_catalogue_examples_of_the_cases_elsewhere_show_their_code():
    for code in ELSEWHERE:
        assert CODES[code].example.startswith(f"[{code}] ") and "Fix:" in CODES[code].example
