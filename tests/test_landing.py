"""Every address a citation gives answers, from a host that does not list folders (as GitHub Pages does not).

CITATION.cff in each release, the cite box, the Dataset, the feeds and the Versions page name a release's
folder (downloads/v<version>/), latest/ or unreleased/, or a file in one. Each folder has a landing page
(scripts/site/landing.py): the site's, never one of the release's files, in both languages, saying what
the folder holds, how to cite it, what changed and which versions come before and after.
"""
import hashlib
import html
import json
import re
import urllib.error
import urllib.request
import zipfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from conftest import ADDRESS, REPO, fingerprint
from scripts.publication import changelog
from scripts.publication.registry import read_releases
from tests.helpers.local_server import PagesHandler, served
from tests.test_csp import META, SCRIPT, directives

HREF = re.compile(r'\bhref="([^"]+)"')
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
DATA_PAGES = ["data/index.html", "en/data/index.html"]
VERSIONS_PAGES = ["data/versions/index.html", "en/data/versions/index.html"]
FEEDS = ["feed.xml", "en/feed.xml"]
MOUNT = urlsplit(ADDRESS).path.strip("/")  # the site served under a path, as on a GitHub Pages project site


def folders(site: Path) -> list[Path]:
    return sorted(folder for folder in (site / "downloads").iterdir() if (folder / "SHA256SUMS").is_file())


def landing(folder: Path) -> str:
    return (folder / "index.html").read_text(encoding="utf-8")


def listed(folder: Path) -> dict[str, str]:
    """SHA256SUMS as path → SHA-256."""
    return {path: digest for digest, path in (line.split("  ", 1) for line in
                                              (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines())}


# --- where the citations point ----------------------------------------------------------------------

def page_addresses(site: Path, page: str, part: re.Pattern | None = None) -> list[tuple[str, str]]:
    """(page, href) of every link of a page (or of its part matching `part`)."""
    text = (site / page).read_text(encoding="utf-8")
    text = part.search(text)[0] if part else text
    return [(page, html.unescape(href)) for href in HREF.findall(text)]


def citation_addresses(site: Path) -> list[tuple[str, str]]:
    """The url of the CITATION.cff in every zip the site publishes (absolute, or none without an address)."""
    found = []
    for folder in folders(site):
        for archive in folder.glob("*.zip"):
            url = yaml.safe_load(zipfile.ZipFile(archive).read("CITATION.cff")).get("url")
            found += [(f"{archive.relative_to(site)}!CITATION.cff", url)] if url and "example.invalid" not in url else []
    return found


def cite_box_addresses(site: Path) -> list[tuple[str, str]]:
    """Every address in the Data pages' plain-text and BibTeX citations."""
    found = []
    for page in DATA_PAGES:
        text = html.unescape(re.sub(r"<[^>]+>", "", (site / page).read_text(encoding="utf-8")))
        found += [(page, url) for url in re.findall(r"\[Data set\]\. (\S+)", text) + re.findall(r"url = \{([^}]+)\}", text)]
    return found


def dataset_addresses(site: Path) -> list[tuple[str, str]]:
    found = []
    for page in DATA_PAGES:
        (raw,) = JSON_LD.findall((site / page).read_text(encoding="utf-8"))
        described = json.loads(raw)
        found += [(page, url) for url in [described.get("url"), *(d["contentUrl"] for d in described["distribution"])] if url]
    return found


def feed_addresses(site: Path) -> list[tuple[str, str]]:
    return [(feed, href) for feed in FEEDS for href in HREF.findall((site / feed).read_text(encoding="utf-8"))]


def every_cited_address(site: Path) -> list[tuple[str, str]]:
    """(where it is written, the address) of everything a reader is given to follow, the folders themselves first."""
    found = [("index.html", f"downloads/{folder.name}/") for folder in folders(site)]  # from the site's root
    found += citation_addresses(site) + cite_box_addresses(site) + dataset_addresses(site) + feed_addresses(site)
    found += [link for page in VERSIONS_PAGES for link in page_addresses(site, page, ARTICLE)]
    found += [link for folder in folders(site) for link in page_addresses(site, f"downloads/{folder.name}/index.html")]
    return found


def resolved(where: str, href: str, base: str) -> str | None:
    """The address to fetch from the local host: ADDRESS moved to it, a relative one taken from the page
    it is written in; None for another host's (the official notice, the licence)."""
    if href.startswith(ADDRESS):
        return base + href.removeprefix(ADDRESS)
    if urlsplit(href).scheme or href.startswith("//"):
        return None
    page = where.split("!", 1)[0]
    return urljoin(base + (page.removesuffix("index.html") if page.endswith("index.html") else page), href)


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url.split("#", 1)[0]) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def pages_host(tmp_path):
    """Serve a site under /cq-sme-plan/ as GitHub Pages would: (function serving a site, yielding the site's base)."""
    def host(site: Path):
        (tmp_path / MOUNT).symlink_to(site, target_is_directory=True)
        return served(tmp_path, PagesHandler)
    return host


def test_the_host_answers_404_for_a_folder_without_index_html(tmp_path):
    (tmp_path / "with").mkdir()
    (tmp_path / "with" / "index.html").write_text("<p>here</p>", encoding="utf-8")
    (tmp_path / "without").mkdir()
    (tmp_path / "without" / "file.txt").write_text("x", encoding="utf-8")
    with served(tmp_path, PagesHandler) as base:
        assert [status(base + "with/"), status(base + "without/"), status(base + "without/file.txt")] == [200, 404, 200]


@pytest.mark.parametrize("built", ["built_site", "addressed_site"])
def test_every_address_a_citation_gives_answers_200_from_a_host_that_lists_no_folder(built, request, pages_host):
    site = request.getfixturevalue(built)
    cited = every_cited_address(site)
    kinds = {"CITATION.cff" in where or where in DATA_PAGES or where in FEEDS for where, _ in cited}
    assert kinds == {True, False}
    if built == "addressed_site":
        assert {href for _, href in citation_addresses(site)} >= {f"{ADDRESS}downloads/{f.name}/" for f in folders(site)
                                                                if f.name.startswith("v") and f.name != "v1.0.0"}
        assert any(href == f"{ADDRESS}downloads/{folders(site)[-1].name}/" for _, href in cite_box_addresses(site))
    with pages_host(site) as host:
        base = f"{host}{MOUNT}/"
        answers = {(where, href): status(url) for where, href in cited if (url := resolved(where, href, base))}
    assert len(answers) > 100
    assert {key: code for key, code in answers.items() if code != 200} == {}


def test_each_download_folder_has_a_landing_page_naming_every_file_its_size_and_hash(built_site):
    for folder in folders(built_site):
        text = landing(folder)
        for path, digest in {**listed(folder), "SHA256SUMS": hashlib.sha256((folder / "SHA256SUMS").read_bytes()).hexdigest()}.items():
            assert f'<a href="{path}">{path}</a>' in text and f"<code>{digest}</code>" in text, (folder.name, path)
        assert '<html lang="zh">' in text and text.count('lang="en"') > 5, folder.name


def test_the_landing_page_is_the_site_s_and_the_release_keeps_its_bytes(built_site, staged_docs):
    for folder in folders(built_site):
        assert "index.html" not in listed(folder)
        files = fingerprint(folder)
        assert files.pop("index.html")
        assert files == fingerprint(staged_docs / "downloads" / folder.name), folder.name


def test_a_release_s_page_cites_it_at_its_own_address_and_says_what_changed(addressed_site):
    releases = read_releases(REPO)
    for release in releases:
        text = html.unescape(landing(addressed_site / "downloads" / f"v{release.version}"))
        address = f"{ADDRESS}downloads/v{release.version}/"
        assert f"(Version {release.version}) [Data set]. {address}" in text and f"url = {{{address}}}" in text
        assert "example.invalid" not in text and release.commit[:12] in text and release.date in text
        for lang in changelog.FILES:  # each language's section, marked with its language
            first_line = changelog.section(release.version, changelog.read_changelog(REPO, lang)).splitlines()[0]
            block = re.search(rf'<div lang="{lang}">(.*?)</div>', text, re.S)
            assert block, (release.version, lang)
            assert re.sub(r"[`*]", "", first_line.lstrip("#- ").split("(")[0]).strip()[:30] in re.sub(r"<[^>]+>", "", block[1])


def test_a_release_s_page_links_the_versions_before_and_after(built_site):
    versions = [f"v{release.version}" for release in read_releases(REPO)]
    for before, after in zip(versions, versions[1:]):
        assert f'<a href="../{after}/">' in landing(built_site / "downloads" / before)
        assert f'<a href="../{before}/">' in landing(built_site / "downloads" / after)
    if (built_site / "downloads" / "unreleased").is_dir():
        preview = landing(built_site / "downloads" / "unreleased")
        assert f'<a href="../{versions[-1]}/">' in preview and "[Data set]" not in preview
        assert '<a href="../unreleased/">' in landing(built_site / "downloads" / versions[-1])


def test_latest_s_page_sends_a_citation_to_the_version_s_own_address(addressed_site):
    latest = json.loads((addressed_site / "downloads" / "latest" / "datapackage.json").read_text(encoding="utf-8"))
    text = html.unescape(landing(addressed_site / "downloads" / "latest"))
    assert f'<a href="../v{latest["version"]}/">' in text
    assert f"[Data set]. {ADDRESS}downloads/v{latest['version']}/" in text
    assert f'<link rel="canonical" href="{ADDRESS}downloads/latest/">' in text


def test_a_landing_page_keeps_the_site_s_content_security_policy_and_looks(built_site):
    """No script and no inline style: the policy is the site's own, with no hash; the stylesheets are the site's."""
    for folder in folders(built_site):
        text = landing(folder)
        (found,) = META.finditer(text)
        assert found.start() < text.index('rel="stylesheet"')
        policy = directives(found[1])
        assert policy["default-src"] == ["'self'"] and policy["style-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
        assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"]
        assert not SCRIPT.search(text) and not re.search(r"<[^>]+\sstyle=|<style\b", text)
        sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)">', text)
        assert any("assets/stylesheets/main." in sheet for sheet in sheets) and any("site.css" in s for s in sheets)
        assert all((folder / sheet).resolve().is_file() for sheet in sheets), folder.name
