"""The sitemap MkDocs writes (only with an address: scripts/site/robots.py), finished: each page's x-default
twin, and a lastmod that says when its content last changed instead of the build day.

MkDocs dates every page with the day of the build, so every page looks new on every build and the date
tells a crawler nothing. A page's date here is the day of the last commit that changed what it shows: a
hand-written page (docs/), its own file, and also the data if it holds data placeholders; a generated page,
the data (data/, schemas/, datapackage.yaml). Changes to the code's wording (templates, phrases) are left
out: they rarely change what a page says, and counting them would date every page with every code change.
The dates come from one `git log` over the repository's history; where there is none (a copy outside git),
no page gets a lastmod, which the sitemap protocol allows, rather than a date that is not true.
MkDocs' changefreq ("daily" for every page) is dropped for the same reason.
"""
import gzip
import xml.etree.ElementTree as ET
from pathlib import Path

from scripts.context import PACKAGE_INPUTS, BuildContext
from scripts.errors import BuildError
from scripts.git import git
from scripts.publication import changelog
from scripts.site.phrases import DEFAULT_LANGUAGE, suffix
from scripts.site.placeholders import MARKER
from scripts.site.site_map import page_language, path_in

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
ET.register_namespace("", SITEMAP)
ET.register_namespace("xhtml", XHTML)
# What the Data pages' placeholders read beyond the package (scripts/site/data_pages).
PLACEHOLDER_INPUTS = [*PACKAGE_INPUTS, *changelog.FILES.values(), "releases.yaml", "CITATION.cff"]


def change_dates(repository: Path) -> dict[str, str]:
    """Every path the history touched → the day (YYYY-MM-DD) of the last commit that changed it; {} without git."""
    try:
        log = git(repository, "log", "--format=%x00%cs", "--name-only", "HEAD").decode()
    except BuildError:
        return {}
    dates: dict[str, str] = {}
    for commit in log.split("\0")[1:]:
        day, *paths = commit.strip().splitlines()
        for path in filter(None, paths):
            dates.setdefault(path, day)  # newest commit first: the first date seen is the last change
    return dates


def last_change(dates: dict[str, str], inputs: list[str]) -> str | None:
    """The latest day any file under these inputs (files or folders) changed."""
    found = [day for path, day in dates.items() for name in inputs if path == name or path.startswith(name.rstrip("/") + "/")]
    return max(found, default=None)


def page_source(docs: Path, url: str) -> Path | None:
    """The hand-written page (docs/…) served at a page address, or None for a generated page."""
    lang, name = page_language(url), path_in(DEFAULT_LANGUAGE, url).rstrip("/")
    candidates = [f"{name}/index", name] if name else ["index"]
    return next((docs / f"{candidate}{suffix(lang)}" for candidate in candidates
                 if (docs / f"{candidate}{suffix(lang)}").is_file()), None)


def page_inputs(context: BuildContext, url: str) -> list[str]:
    source = page_source(context.input("docs"), url)
    if source is None:
        return list(PACKAGE_INPUTS)
    own = [f"docs/{source.relative_to(context.input('docs')).as_posix()}"]
    return own + PLACEHOLDER_INPUTS if MARKER in source.read_text(encoding="utf-8") else own


def finish_entry(entry: ET.Element, context: BuildContext, dates: dict[str, str]) -> None:
    loc = entry.findtext(f"{{{SITEMAP}}}loc")
    url = loc.removeprefix(context.site_url)
    for name in ("lastmod", "changefreq"):
        for old in entry.findall(f"{{{SITEMAP}}}{name}"):
            entry.remove(old)
    if day := last_change(dates, page_inputs(context, url)):
        lastmod = ET.Element(f"{{{SITEMAP}}}lastmod")
        lastmod.text = day
        entry.insert(1, lastmod)
    links = entry.findall(f"{{{XHTML}}}link")
    if links and not any(link.get("hreflang") == "x-default" for link in links):
        ET.SubElement(entry, f"{{{XHTML}}}link", rel="alternate", hreflang="x-default",
                      href=context.site_url + path_in(DEFAULT_LANGUAGE, url))


def finish_sitemap(context: BuildContext, site: Path) -> None:
    """Rewrite site/sitemap.xml (and its .gz) with x-default and true lastmod dates; nothing without it."""
    path = site / "sitemap.xml"
    if not context.site_url or not path.is_file():
        return
    tree = ET.parse(path)
    dates = change_dates(context.repository)
    for entry in tree.getroot().findall(f"{{{SITEMAP}}}url"):
        finish_entry(entry, context, dates)
    ET.indent(tree)
    data = ET.tostring(tree.getroot(), encoding="utf-8", xml_declaration=True) + b"\n"
    path.write_bytes(data)
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(data, mtime=0))

