"""One site map: every page the code names is in mkdocs.yml's nav (or left out of it on purpose), every
page the nav names is in the site map, and the built site has each at the address the site map gives."""
import yaml

from conftest import REPO
from scripts.package import LANGUAGES
from scripts.site import site_map


class NavLoader(yaml.SafeLoader):
    """mkdocs.yml with its !!python tags read as nothing: only the nav is wanted here."""


NavLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def nav_pages(nav) -> set[str]:
    """Every page the nav names (without .md), globs and sections included, at any depth."""
    if isinstance(nav, str):
        return {nav.removesuffix(".md")}
    if isinstance(nav, dict):
        return set().union(*(nav_pages(value) for value in nav.values()))
    return set().union(set(), *(nav_pages(item) for item in nav))


def config() -> dict:
    return yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=NavLoader)


def test_the_site_map_and_the_nav_name_the_same_pages():
    named = nav_pages(config()["nav"])
    globs = {page for page in named if "*" in page}
    assert set(site_map.NAMED) == named - globs
    # Every row page is either in a nav glob or left out of the nav on purpose (not_in_nav).
    hidden = config()["not_in_nav"]
    for folder, _ in site_map.ROW_PAGES.values():
        assert f"{folder}/*" in globs or f"/{folder}/*" in hidden, folder


def test_every_named_page_is_built_in_both_languages_where_the_site_map_says(built_site):
    for page in site_map.NAMED:
        for lang in LANGUAGES:
            assert (built_site / site_map.page_in(lang, page) / "index.html").is_file(), (page, lang)


def test_every_row_page_is_built_where_the_site_map_says(built_site):
    from scripts.package import load_package

    package = load_package(REPO)
    for resource in site_map.ROW_PAGES:
        for row in package.records[resource]:
            assert (built_site / site_map.url(site_map.row_page(resource, row)) / "index.html").is_file()


def test_page_addresses():
    assert site_map.url("index") == "" and site_map.url("targets/index") == "targets/"
    assert site_map.page_in("en", site_map.VERSIONS) == "en/data/versions/"
    assert site_map.link_from_page(site_map.VERSIONS, site_map.download_path("v1.0.0", "SHA256SUMS")) == \
        "../downloads/v1.0.0/SHA256SUMS"
    assert site_map.address("downloads/latest/", "en/data/", "https://example.org/x/") == \
        "https://example.org/x/downloads/latest/"
