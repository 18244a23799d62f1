"""The Atom feeds (feed.xml, en/feed.xml), parsed as any reader would: valid, complete, stable ids."""
import posixpath
import re
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

import pytest

from conftest import ADDRESS, REPO
from scripts.publication import changelog
from scripts.site.feeds.atom import feed_id
from scripts.site.feeds.entries import as_html
from scripts.package import load_package
from scripts.publication.registry import read_releases

A = "{http://www.w3.org/2005/Atom}"
FEEDS = {"zh": "feed.xml", "en": "en/feed.xml"}
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")


def parse(site: Path, lang: str) -> ET.Element:
    return ET.parse(site / FEEDS[lang]).getroot()


def entries(feed: ET.Element) -> list[ET.Element]:
    return feed.findall(f"{A}entry")


def links(element: ET.Element) -> dict[str, str]:
    return {link.get("rel"): link.get("href") for link in element.findall(f"{A}link")}


@pytest.mark.parametrize("lang", FEEDS)
def test_a_feed_has_what_atom_requires(built_site, lang):
    feed = parse(built_site, lang)
    assert feed.tag == f"{A}feed" and feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    assert feed.findtext(f"{A}id").startswith("urn:uuid:") and feed.findtext(f"{A}title")
    assert feed.findtext(f"{A}author/{A}name") and links(feed)["self"]
    for entry in entries(feed):
        assert entry.findtext(f"{A}id").startswith("urn:uuid:") and entry.findtext(f"{A}title"), entry
        assert entry.findtext(f"{A}summary") and links(entry)["alternate"], entry.findtext(f"{A}id")


@pytest.mark.parametrize("lang", FEEDS)
def test_dates_are_rfc_3339_newest_first_and_the_feed_is_as_new_as_its_newest_entry(built_site, lang):
    feed = parse(built_site, lang)
    dates = [entry.findtext(f"{A}updated") for entry in entries(feed)]
    assert all(RFC3339.fullmatch(date) for date in [*dates, feed.findtext(f"{A}updated")])
    instants = [datetime.fromisoformat(date) for date in dates]
    assert instants == sorted(instants, reverse=True)
    assert feed.findtext(f"{A}updated") == dates[0]


def test_every_release_and_every_observation_is_announced_once_in_each_language(built_site):
    package = load_package(REPO)
    keys = [f"release/{release.version}" for release in read_releases(REPO)]
    keys += [f"observation/{row['observation_id']}" for row in package.records["progress"]]
    assert len(keys) > len(read_releases(REPO)) >= 1
    every_id = []
    for lang in FEEDS:
        ids = [entry.findtext(f"{A}id") for entry in entries(parse(built_site, lang))]
        assert sorted(ids) == sorted(feed_id(lang, key) for key in keys), lang
        every_id += ids + [parse(built_site, lang).findtext(f"{A}id")]
    assert len(every_id) == len(set(every_id))  # unique within each feed and across the two


def test_a_release_entry_is_dated_the_release_and_carries_its_changelog(built_site):
    for release in read_releases(REPO):
        for lang in FEEDS:
            (entry,) = [e for e in entries(parse(built_site, lang)) if e.findtext(f"{A}id") == feed_id(lang, f"release/{release.version}")]
            assert entry.findtext(f"{A}updated") == f"{release.date}T00:00:00Z"
            assert release.version in entry.findtext(f"{A}title")
            content = entry.find(f"{A}content")
            # The section of the feed's own language: the Chinese feed carries CHANGELOG.zh.md's.
            written = changelog.section(release.version, (REPO / changelog.FILES[lang]).read_text(encoding="utf-8"))
            assert content.get("type") == "html" and content.text == as_html(written)
            assert "<li>" in content.text and "**" not in content.text  # Markdown rendered, not shown raw
            assert ("### 数据" in written) == (lang == "zh") and ("### Data" in written) == (lang == "en")


def test_an_observation_entry_is_dated_the_day_its_source_was_read(built_site):
    package = load_package(REPO)
    sources = {row["source_id"]: row for row in package.records["sources"]}
    by_id = {e.findtext(f"{A}id"): e for e in entries(parse(built_site, "en"))}
    for row in package.records["progress"]:
        entry = by_id[feed_id("en", f"observation/{row['observation_id']}")]
        assert entry.findtext(f"{A}updated") == f"{sources[row['source_id']]['retrieved_date']}T00:00:00Z"
        assert sources[row["source_id"]]["url"] in entry.findtext(f"{A}summary")


# What an entry must say of each kind of figure, in each language: a level on its date, an addition over its
# period (never "as of"), and a figure of another scope naming how (never as the target's own count).
ADDED = {"en": "added", "zh": "新增"}
AS_OF = {"en": "as of", "zh": "截至"}
OTHER_SCOPE = {"en": "(another scope)", "zh": "口径不同"}


def figure_entries(site: Path, lang: str) -> dict[str, ET.Element]:
    return {e.findtext(f"{A}id"): e for e in entries(parse(site, lang))}


@pytest.mark.parametrize("lang", FEEDS)
def test_every_progress_entry_says_its_period_or_date_and_never_as_of_for_an_addition(built_site, lang):
    from scripts.site.sentences import period

    package = load_package(REPO)
    by_id = figure_entries(built_site, lang)
    for row in package.records["progress"]:
        entry = by_id[feed_id(lang, f"observation/{row['observation_id']}")]
        words = entry.findtext(f"{A}title") + " " + entry.findtext(f"{A}summary")
        if row["figure_type"] == "new_in_period":
            assert ADDED[lang] in words and period(row["period_start_date"], row["as_of_date"], lang) in words, words
            assert AS_OF[lang] not in words, words
        else:
            assert row["as_of_date"] in entry.findtext(f"{A}title"), words


@pytest.mark.parametrize("lang", FEEDS)
def test_every_other_scope_entry_names_its_scope_and_is_not_compared(built_site, lang):
    package = load_package(REPO)
    by_id = figure_entries(built_site, lang)
    differs = [row for row in package.records["progress"] if row["scope"] == "differs"]
    assert len(differs) >= 6  # Liangjiang, Wanzhou (2), start-up teams, the whole 2023 list, the municipal lists…
    for row in package.records["progress"]:
        entry = by_id[feed_id(lang, f"observation/{row['observation_id']}")]
        title, summary = entry.findtext(f"{A}title"), entry.findtext(f"{A}summary")
        if row["scope"] == "differs":
            assert OTHER_SCOPE[lang] in title and row[f"scope_note_{lang}"] in summary, title
        else:
            assert OTHER_SCOPE[lang] not in title, title


def test_a_municipal_list_is_never_called_national_champions(built_site):
    by_id = figure_entries(built_site, "en")
    for observation in ("cq-2024-14-o012", "cq-2024-14-o022"):  # the 2024 municipal champions list, under public notice
        entry = by_id[feed_id("en", f"observation/{observation}")]
        title = entry.findtext(f"{A}title")
        assert title.startswith("Beside ") and "(another scope)" in title, title
        assert "municipal" in entry.findtext(f"{A}summary")
    o012 = by_id[feed_id("en", "observation/cq-2024-14-o012")]
    assert "National" not in o012.findtext(f"{A}title") + o012.findtext(f"{A}summary")


@pytest.mark.parametrize("lang", FEEDS)
def test_every_link_of_a_feed_reaches_a_file_of_the_site(built_site, lang):
    feed = parse(built_site, lang)
    here = posixpath.dirname(FEEDS[lang])
    hrefs = [link.get("href") for element in [feed, *entries(feed)] for link in element.findall(f"{A}link")]
    pages = []
    for href in hrefs:
        path = built_site / posixpath.normpath(posixpath.join(here, urlsplit(href).path))
        path = path / "index.html" if path.is_dir() else path
        assert path.is_file(), href
        fragment = urlsplit(href).fragment
        assert not fragment or f'id="{fragment}"' in path.read_text(encoding="utf-8"), href
        pages += [path] if path.suffix == ".html" else []
    assert len(pages) > 2 and all(page.is_relative_to(built_site / "en") == (lang == "en") for page in pages), lang


def test_with_an_address_every_link_is_absolute_and_no_id_changes(built_site, addressed_site):
    """Ids come from what an entry announces, never from where the site is served."""
    for lang in FEEDS:
        addressed, relative = parse(addressed_site, lang), parse(built_site, lang)
        hrefs = [link.get("href") for link in addressed.iter(f"{A}link")]
        assert hrefs and all(href.startswith(ADDRESS) for href in hrefs)
        assert links(addressed)["self"] == ADDRESS + FEEDS[lang]
        assert [e.findtext(f"{A}id") for e in addressed.iter(f"{A}id")] == [e.findtext(f"{A}id") for e in relative.iter(f"{A}id")]
