"""What the feeds announce: each recorded data release and each reported progress figure, in a language.

A release's entry is dated the day it was released (releases.yaml); its text is its CHANGELOG section
(English, as CHANGELOG.md is). A progress figure's entry is dated the day we read its source
(sources.retrieved_date): the day the figure could enter our data, where the source's own date
(published_date) may be unknown or years earlier; the summary gives the figure's own date and the
source's. Each entry's id is made from what it announces (a version, an observation_id), never from an
address, so it stays the same wherever the site is served and however its pages move (feeds.atom).
"""
from dataclasses import dataclass

from scripts.archive import layout
from scripts.package import DataPackage
from scripts.publication.registry import Release
from scripts.site import site_map
from scripts.site.formats import number, unit
from scripts.site.phrases import t


@dataclass(frozen=True)
class Entry:
    key: str  # what the entry announces, stable: release/1.0.0, observation/cq-2024-14-o001
    title: str
    updated: str  # YYYY-MM-DD
    summary: str
    link: str  # from the site's root: the page in the feed's language that shows it
    related: str  # from the site's root: the release's descriptor, the figure's target list
    content: str = ""  # longer plain text, if any


def release_entry(release: Release, changes: str, lang: str) -> Entry:
    """Links to the version's section of the Versions page, and to its descriptor at the version's own
    address (the folder itself has no page: a link to it would be a 404 on a static host)."""
    folder = layout.version_dir(release.version)
    return Entry(key=f"release/{release.version}", title=t("feed_release_title", lang, version=release.version),
                 updated=release.date, summary=t("feed_release_summary", lang, version=release.version, date=release.date),
                 link=f"{site_map.page_in(lang, site_map.VERSIONS)}#{folder}", content=changes,
                 related=site_map.download_path(folder, layout.DESCRIPTOR))


def progress_entry(observation: dict, target: dict, source: dict, lang: str) -> Entry:
    figure = f"{number(observation['value'], lang)} {unit(observation, lang)}"
    source_name = source["title"] or source[f"description_{lang}"]
    published = source["published_date"] or t("not_stated", lang)
    summary = t("feed_progress_summary", lang, indicator=target[f"indicator_{lang}"], figure=figure,
                date=observation["as_of_date"], source=source_name, publisher=source["publisher"],
                published=published, retrieved=source["retrieved_date"], url=source["url"])
    return Entry(key=f"observation/{observation['observation_id']}", updated=source["retrieved_date"], summary=summary,
                 title=t("feed_progress_title", lang, indicator=target[f"indicator_{lang}"], figure=figure,
                         date=observation["as_of_date"]),
                 link=site_map.page_in(lang, site_map.target_page(target)),
                 related=site_map.page_in(lang, site_map.TARGETS))


def progress_entries(package: DataPackage, lang: str) -> list[Entry]:
    targets = {row["target_id"]: row for row in package.records["targets"]}
    sources = {row["source_id"]: row for row in package.records.get("sources", [])}
    return [progress_entry(row, targets[row["target_id"]], sources[row["source_id"]], lang)
            for row in package.records.get("progress", [])]


def entries(package: DataPackage, releases: list[tuple[Release, str]], lang: str) -> list[Entry]:
    """Every release (each with its CHANGELOG section) and progress figure, newest first (ties: releases
    first, then as in the data)."""
    found = [release_entry(release, changes, lang) for release, changes in reversed(releases)]
    found += progress_entries(package, lang)
    return sorted(found, key=lambda entry: entry.updated, reverse=True)
