"""The Data pages' schema.org Dataset (JSON-LD), so that a dataset search engine finds and describes the
data as what it is: names and descriptions in both languages, licence, creator, version, dates,
coverage, the official notice it is based on, and one DataDownload for each file of the latest release.

Everything is read from what the build made and the data say: the release's own folder and
datapackage.json (version, date, each file's size), releases.yaml (first publication), CITATION.cff
(creator), documents.csv (signing date, official page), targets.csv (the last target year) and progress.csv
(the dates of the figures). The
files are given at the release's permanent address (downloads/v<version>/), absolute when the site has
an address (SITE_URL) and otherwise relative to the Data page the description stands on (data/ or en/data/).
"""
import json
from pathlib import Path

from scripts.archive import layout
from scripts.context import BuildContext
from scripts.errors import BuildError
from scripts.package import LANGUAGES, DataPackage
from scripts.publication.published import Published
from scripts.site import site_map
from scripts.site.data_pages.citation import read_citation
from scripts.site.phrases import t
from scripts.site.site_map import address

# The media type of each kind of file a release holds, by the end of its name.
MEDIA_TYPES = {".zip": "application/zip", ".json": "application/json", ".csv": "text/csv", ".txt": "text/plain",
               ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               ".sqlite": "application/vnd.sqlite3", layout.MANIFEST: "text/plain"}


def in_languages(key: str) -> list[dict]:
    """A phrase in every language, each value tagged with its language (JSON-LD's @language)."""
    return [{"@value": t(key, lang), "@language": lang} for lang in LANGUAGES]


def media_type(path: str) -> str:
    for ending, kind in MEDIA_TYPES.items():
        if path.endswith(ending):
            return kind
    raise BuildError("build.media-type-unknown", f"scripts/site/data_pages/dataset.py: no media type for {path}, a file of the release. "
                     "Fix: add its ending to MEDIA_TYPES.")


def data_page(lang: str) -> str:
    """The Data page in a language, from the site's root: the page the Dataset stands on."""
    return site_map.page_in(lang, site_map.DATA)


def distribution(release_dir: Path, site_url: str | None, lang: str) -> list[dict]:
    """One DataDownload per file of the release, in path order, at its address from the Data page."""
    files = sorted(p.relative_to(release_dir).as_posix() for p in release_dir.rglob("*") if p.is_file())
    return [{"@type": "DataDownload", "name": path,
             "contentUrl": address(site_map.download_path(release_dir.name, path), data_page(lang), site_url),
             "encodingFormat": media_type(path), "contentSize": f"{(release_dir / path).stat().st_size} B"}
            for path in files]


def creators(citation: dict) -> list[dict]:
    """CITATION.cff's authors: an organisation by its name, a person by given and family names."""
    return [{"@type": "Organization", "name": author["name"]} if "name" in author else
            {"@type": "Person", "givenName": author.get("given-names", ""), "familyName": author["family-names"]}
            for author in citation["authors"]]


def temporal_coverage(package: DataPackage) -> str:
    """The span the data speak of: from the earliest date any row holds (a notice's signing, a progress
    figure's date or the first day of its period: figures from before the plan are kept as context) to the
    later of the last target year's end and the latest figure's date."""
    progress = package.records.get("progress", [])
    starts = [document["signed_date"] for document in package.records["documents"]]
    starts += [day for row in progress for day in (row["as_of_date"], row["period_start_date"]) if day]
    last_year = max(int(target["target_year"]) for target in package.records["targets"] if target["target_year"])
    ends = [f"{last_year}-12-31", *(row["as_of_date"] for row in progress if row["as_of_date"])]
    return f"{min(starts)}/{max(ends)}"


def based_on(package: DataPackage) -> list[dict]:
    return [{"@type": "CreativeWork", "name": document["title_zh"], "url": document["official_url"]}
            for document in package.records["documents"]]


def dataset(context: BuildContext, package: DataPackage, published: Published, lang: str) -> dict:
    release_dir = published.downloads / layout.version_dir(published.version)
    released = json.loads((release_dir / layout.DESCRIPTOR).read_text(encoding="utf-8"))
    first = published.releases[0].date if published.releases else released["created"][:10]
    page = context.site_url + data_page(lang) if context.site_url else None
    citation = read_citation(context.root)
    return {"@context": "https://schema.org", "@type": "Dataset", **({"url": page} if page else {}),
            "name": in_languages("dataset_name"), "description": in_languages("dataset_description"),
            "inLanguage": list(LANGUAGES), "keywords": citation["keywords"],
            "license": released["licenses"][0]["path"], "creator": creators(citation), "version": released["version"],
            "datePublished": first, "dateModified": released["created"][:10],
            "spatialCoverage": {"@type": "Place", "name": in_languages("dataset_place")},
            "temporalCoverage": temporal_coverage(package), "isBasedOn": based_on(package),
            "distribution": distribution(release_dir, context.site_url, lang)}


def dataset_script(context: BuildContext, package: DataPackage, published: Published, lang: str) -> str:
    """The Dataset as a <script type="application/ld+json"> block: data, never run, on one line so that
    Markdown leaves it alone; "<" written as \\u003c so no text in it can end the script element."""
    text = json.dumps(dataset(context, package, published, lang), ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/ld+json">{text}</script>'
