"""What the feeds announce: each recorded data release and each reported progress figure, in a language.

A release's entry is dated the day it was released (releases.yaml); its content is its section of the
changelog in the feed's language, as HTML. A progress figure's entry is dated the day we read its source
(sources.retrieved_date): the day the figure could enter our data, where the source's own date
(published_date) may be unknown or years earlier. Its words come from the same typed facts as the pages
(scripts/site/sentences.py): a level on a date or an addition from–to, never "as of" for an addition; a
figure of another scope says so and names how, and one of another kind says it is context, so no entry reads
as the target's own count. Each entry's id is made from what it announces (a version, an observation_id),
never from an address, so it stays the same wherever the site is served and however its pages move
(feeds.atom).
"""
from dataclasses import dataclass

import markdown

from scripts.archive import layout
from scripts.package import DataPackage
from scripts.publication.registry import Release
from scripts.site import sentences, site_map
from scripts.site.phrases import t
from scripts.standing.records import plan_of
from scripts.standing.rule import role, shown_as

# How a figure stands against its target, with the words of its entry's title and summary.
TITLES = {"plan": "feed_progress_title", "baseline": "feed_progress_title", "other_scope": "feed_progress_title_scope",
          "other_kind": "feed_progress_title_kind"}
RELATIONS = {"plan": "feed_relation_plan", "baseline": "feed_relation_baseline", "other_scope": "feed_relation_scope",
             "other_kind": "feed_relation_kind"}


@dataclass(frozen=True)
class Entry:
    key: str  # what the entry announces, stable: release/1.0.0, observation/cq-2024-14-o001
    title: str
    updated: str  # YYYY-MM-DD
    summary: str
    link: str  # from the site's root: the page in the feed's language that shows it
    related: str  # from the site's root: the release's descriptor, the figure's target list
    content: str = ""  # longer text, as HTML, if any


def release_entry(release: Release, changes: str, lang: str) -> Entry:
    """Links to the version's section of the Versions page, and to its descriptor at the version's own
    address (the folder itself has no page: a link to it would be a 404 on a static host)."""
    folder = layout.version_dir(release.version)
    return Entry(key=f"release/{release.version}", title=t("feed_release_title", lang, version=release.version),
                 updated=release.date, summary=t("feed_release_summary", lang, version=release.version, date=release.date),
                 link=f"{site_map.page_in(lang, site_map.VERSIONS)}#{folder}", content=as_html(changes),
                 related=site_map.download_path(folder, layout.DESCRIPTOR))


def as_html(changes: str) -> str:
    """A changelog section as HTML, as feed readers show it (Atom content type html)."""
    return markdown.markdown(changes, extensions=["sane_lists"])


def progress_entry(observation: dict, target: dict, source: dict, figure_role: str, lang: str) -> Entry:
    """The figure as a level on a date or an addition from–to, and how it stands against the target."""
    how, figure = shown_as(observation, figure_role), sentences.figure_words(observation, lang)
    indicator = target[f"indicator_{lang}"]
    against = t(RELATIONS[how], lang, note=observation[f"scope_note_{lang}"], goal=sentences.goal(target, lang))
    summary = t("feed_progress_summary", lang, figure=figure, against=against, source=source["title"] or source[f"description_{lang}"],
                publisher=source["publisher"], published=source["published_date"] or t("not_stated", lang),
                retrieved=source["retrieved_date"], url=source["url"])
    return Entry(key=f"observation/{observation['observation_id']}", updated=source["retrieved_date"], summary=summary,
                 title=t(TITLES[how], lang, indicator=indicator, figure=figure),
                 link=site_map.page_in(lang, site_map.target_page(target)),
                 related=site_map.page_in(lang, site_map.TARGETS))


def progress_entries(package: DataPackage, lang: str) -> list[Entry]:
    targets = {row["target_id"]: row for row in package.records["targets"]}
    sources = {row["source_id"]: row for row in package.records.get("sources", [])}
    plans = {target_id: plan_of(target, package.records) for target_id, target in targets.items()}
    return [progress_entry(row, targets[row["target_id"]], sources[row["source_id"]],
                           role(row, targets[row["target_id"]], plans[row["target_id"]]), lang)
            for row in package.records.get("progress", [])]


def entries(package: DataPackage, releases: list[tuple[Release, str]], lang: str) -> list[Entry]:
    """Every release (each with its changelog section) and progress figure, newest first (ties: releases
    first, then as in the data)."""
    found = [release_entry(release, changes, lang) for release, changes in reversed(releases)]
    found += progress_entries(package, lang)
    return sorted(found, key=lambda entry: entry.updated, reverse=True)
