"""The build is atomic: a failed validation or build leaves the previous site (downloads included) as it was.

Each test breaks a copy of the inputs whose site was already built (a copy of the session's build) and
builds it again in-process: what the build says goes to stderr, the site must not change.
"""
import shutil

import pytest

from conftest import context_in, fingerprint
from scripts.build import build
from scripts.context import BuildContext, copy_inputs


@pytest.fixture
def built_copy(real_build, tmp_path) -> BuildContext:
    """A build of its own to break: a copy of the session's inputs, with its built site and build folder."""
    root = copy_inputs(tmp_path / "root", real_build.root)
    context = context_in(root, tmp_path / "work", release_cache=real_build.release_cache)
    shutil.copytree(real_build.site_dir, context.site_dir)
    shutil.copytree(real_build.out, context.out)
    return context


def edit(context: BuildContext, name: str, text: str) -> None:
    (context.root / name).write_text(text, encoding="utf-8")


def read(context: BuildContext, name: str) -> str:
    return (context.root / name).read_text(encoding="utf-8")


def test_failed_validation_leaves_site_and_build_folder_untouched(built_copy, capsys):
    site, staged = fingerprint(built_copy.site_dir), fingerprint(built_copy.out)
    edit(built_copy, "data/targets.csv", read(built_copy, "data/targets.csv").replace(",86000,", ",8.6万,", 1))

    assert build(built_copy) == 1
    said = capsys.readouterr().err
    assert "data/targets.csv, row 2, field value:" in said and "site/ was left as it was" in said
    assert fingerprint(built_copy.site_dir) == site and fingerprint(built_copy.out) == staged


def test_failed_mkdocs_build_leaves_previous_site_and_downloads(built_copy, capsys):
    site = fingerprint(built_copy.site_dir)
    assert any(name.startswith("downloads/") for name in site)
    edit(built_copy, "docs/broken.md", "# Broken\n\nA link to [a page that does not exist](no-such-page.md).\n")

    assert build(built_copy) == 1
    said = capsys.readouterr().err
    assert "[build.mkdocs-failed] MkDocs build failed" in said and "site/ was left as it was" in said
    assert fingerprint(built_copy.site_dir) == site
    assert not (built_copy.out / "site.old").exists()


def test_unknown_placeholder_on_any_page_stops_the_build_in_one_line(built_copy, capsys):
    site = fingerprint(built_copy.site_dir)
    edit(built_copy, "docs/about/index.md", read(built_copy, "docs/about/index.md") + "\n版本 <!-- data:no-such-block --> 之后。\n")

    assert build(built_copy) == 1
    said = capsys.readouterr().err
    (line,) = said.strip().splitlines()
    assert line.startswith("Build stopped: [build.unknown-placeholder] about/index.md: unknown placeholder "
                           "<!-- data:no-such-block -->; known: ")
    known = line.split("known: ", 1)[1]
    assert "version" in known and "key-figures" in known  # names of both kinds are known
    assert fingerprint(built_copy.site_dir) == site


def test_a_release_the_changelog_does_not_mention_stops_the_build(built_copy, capsys):
    descriptor = read(built_copy, "datapackage.yaml")
    edit(built_copy, "datapackage.yaml", descriptor.replace("\nversion: ", "\nversion: 99.0.0\nold_version: ", 1))

    assert build(built_copy) == 1
    assert ("[build.changelog-section-missing] CHANGELOG.md and CHANGELOG.zh.md have no section '## 99.0.0'"
            in capsys.readouterr().err)
