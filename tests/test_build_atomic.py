"""The build is atomic: a failed validation or build leaves the previous site/ (downloads included) as it was.

scripts/paths.py computes every path from its own location, so a copy of the repository is a repository
of its own: `python -m scripts.build` run in the copy builds the copy's site/ and never touches ours.
"""
import subprocess
from pathlib import Path

import pytest

from conftest import copy_repository, fingerprint, run_module


def build(root: Path) -> subprocess.CompletedProcess:
    return run_module(root, "scripts.build")


@pytest.fixture(scope="module")
def repository_with_a_built_site(tmp_path_factory):
    root = copy_repository(tmp_path_factory.mktemp("atomic") / "repo")
    result = build(root)
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "index.html").is_file() and any((root / "site" / "downloads").iterdir())
    return root


@pytest.fixture
def edited(repository_with_a_built_site):
    """Edit files of the built copy for one test; they are restored afterwards."""
    root, originals = repository_with_a_built_site, {}

    def edit(name: str, text: str) -> None:
        path = root / name
        originals.setdefault(path, path.read_bytes() if path.exists() else None)
        path.write_text(text, encoding="utf-8")
    yield edit
    for path, content in originals.items():
        path.unlink() if content is None else path.write_bytes(content)


def test_failed_validation_leaves_site_and_build_folder_untouched(repository_with_a_built_site, edited):
    root = repository_with_a_built_site
    site, staged = fingerprint(root / "site"), fingerprint(root / "build")
    targets = (root / "data" / "targets.csv").read_text(encoding="utf-8")
    edited("data/targets.csv", targets.replace(",86000,", ",8.6万,", 1))

    result = build(root)
    assert result.returncode == 1
    assert "data/targets.csv, row 2, field value:" in result.stderr and "site/ was left as it was" in result.stderr
    assert "Traceback" not in result.stderr
    assert fingerprint(root / "site") == site and fingerprint(root / "build") == staged


def test_failed_mkdocs_build_leaves_previous_site_and_downloads(repository_with_a_built_site, edited):
    root = repository_with_a_built_site
    site = fingerprint(root / "site")
    assert any(name.startswith("downloads/") for name in site)
    edited("docs/broken.md", "# Broken\n\nA link to [a page that does not exist](no-such-page.md).\n")

    result = build(root)
    assert result.returncode == 1
    assert "MkDocs build failed" in result.stderr and "site/ was left as it was" in result.stderr
    assert "Traceback" not in result.stderr
    assert fingerprint(root / "site") == site
    assert not (root / "build" / "site.old").exists()


def test_unknown_placeholder_on_any_page_stops_the_build_in_one_line(repository_with_a_built_site, edited):
    root = repository_with_a_built_site
    site = fingerprint(root / "site")
    about = (root / "docs" / "about" / "index.md").read_text(encoding="utf-8")
    edited("docs/about/index.md", about + "\n版本 <!-- data:no-such-block --> 之后。\n")

    result = build(root)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Build stopped: about/index.md: unknown placeholder <!-- data:no-such-block -->; known: " +
        result.stderr.split("known: ", 1)[1].strip()]
    assert "version" in result.stderr and "key-figures" in result.stderr  # names of both kinds are known
    assert "Traceback" not in result.stderr
    assert fingerprint(root / "site") == site


def test_a_release_the_changelog_does_not_mention_stops_the_build(repository_with_a_built_site, edited):
    root = repository_with_a_built_site
    descriptor = (root / "datapackage.yaml").read_text(encoding="utf-8")
    edited("datapackage.yaml", descriptor.replace("\nversion: ", "\nversion: 99.0.0\nold_version: ", 1))

    result = build(root)
    assert result.returncode == 1
    assert "CHANGELOG.md has no section '## 99.0.0'" in result.stderr and "Traceback" not in result.stderr
