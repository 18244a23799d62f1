"""No placeholder address anywhere, and no address of ours invented when the site has none.

The site's address comes from SITE_URL alone (scripts/site_url.py). Release 1.0.0 was published before
that, with a placeholder (a reserved .invalid host) as its homepage: its files stay as published, and
the Versions page says so. Nothing else, in the repository or the built site, names a placeholder; and
built without SITE_URL, the downloads name no address but those of the sources and licences.
"""
import html
import re
from pathlib import Path

import pytest

from conftest import REPO, file_texts

PLACEHOLDER = "example.invalid"
PUBLISHED_WITH_PLACEHOLDER = ["v1.0.0"]  # published releases never change; no new one may join them
# What people edit and what the build reads (tests/ aside: they may name the placeholder to look for it).
REPOSITORY = ["data", "schemas", "docs", "scripts", ".github", "datapackage.yaml", "CITATION.cff", ".zenodo.json",
              "releases.yaml", "mkdocs.yml", "README.md", "CHANGELOG.md", "CHANGELOG.zh.md", "LICENSE.md", "CONTRIBUTING.md",
              "CONTRIBUTING.en.md"]
# The files a release is made from: every address it may carry is one of theirs.
INPUTS = ["data", "schemas", "datapackage.yaml", "CITATION.cff", "LICENSE.md"]
ADDRESS = re.compile(r"https?://[^\s\"'<>()\[\]{}|,;`]+")
# Addresses of the formats themselves (XML namespaces of the workbook), not of anyone's data.
FORMAT_NAMESPACES = ("http://schemas.openxmlformats.org/", "http://schemas.microsoft.com/", "http://purl.org/",
                     "http://www.w3.org/")


def repository_texts():
    for part in REPOSITORY:
        path = REPO / part
        yield from file_texts(path) if path.is_dir() else [(part, path.read_text(encoding="utf-8"))]


def test_the_repository_names_no_placeholder_address():
    assert [name for name, text in repository_texts() if PLACEHOLDER in text] == []


def is_placeholder_copy(folder: Path) -> bool:
    """latest/ while it is a copy of a release published with the placeholder (its manifest is theirs)."""
    downloads = folder.parent
    return any((folder / "SHA256SUMS").read_bytes() == (downloads / old / "SHA256SUMS").read_bytes()
               for old in PUBLISHED_WITH_PLACEHOLDER)


def test_the_built_site_names_no_placeholder_but_in_the_release_published_with_one(built_site):
    downloads = built_site / "downloads"
    kept = [*PUBLISHED_WITH_PLACEHOLDER, *(["latest"] if is_placeholder_copy(downloads / "latest") else [])]
    found = [name for name, text in file_texts(built_site) if PLACEHOLDER in text
             and not any(name.startswith(str(downloads / folder)) for folder in kept)]
    assert found == []


def addresses(folder: Path) -> set[str]:
    """Every web address in the files under folder (&amp; in a workbook's XML read as &)."""
    return {address.rstrip(".") for _, text in file_texts(folder) for address in ADDRESS.findall(html.unescape(text))
            if not address.startswith(FORMAT_NAMESPACES)}


@pytest.fixture(scope="module")
def input_addresses() -> set[str]:
    found = set()
    for part in INPUTS:
        path = REPO / part
        found |= addresses(path) if path.is_dir() else {a.rstrip(".") for a in ADDRESS.findall(path.read_text(encoding="utf-8"))}
    return found


def test_built_without_an_address_the_downloads_name_none_of_ours(built_site, input_addresses):
    downloads = built_site / "downloads"
    current = [folder for folder in downloads.iterdir() if folder.name not in PUBLISHED_WITH_PLACEHOLDER]
    assert current
    for folder in current:
        if is_placeholder_copy(folder):
            continue  # latest/ while it is the release published with a placeholder
        assert addresses(folder) - input_addresses == set(), folder.name
