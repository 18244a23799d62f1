"""The landing page of every folder under downloads/: what a cited address shows.

Every citation names a folder: a release's CITATION.cff, the cite box, the Versions page and the feeds give
downloads/v<version>/, the snippets read downloads/latest/, the preview's CITATION.cff names
downloads/unreleased/. A static host that does not list folders (GitHub Pages) answers 404 for a folder
without index.html, so after MkDocs the build writes one into each (scripts/build.py): what the folder
holds (each file with its size and SHA-256, from its SHA256SUMS and the files), how to cite it, its
section of the changelog in each language, and the versions before and after. It is the site's page, not the release's: no
SHA256SUMS lists it and the release's files stay the bytes they were.

A folder's address serves one file, so the page holds both languages, Chinese first (the site's root
language) and the English marked lang="en". It takes the site's stylesheets, colours, name and footer from
the built home pages and runs no script, so its Content-Security-Policy is the site's with no hash.
"""
import html
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import markdown
import yaml

from scripts.archive import layout
from scripts.archive.citation_file import plain_citation
from scripts.archive.files import human_size, sha256
from scripts.context import BuildContext
from scripts.errors import BuildError
from scripts.package import LANGUAGES
from scripts.publication import changelog
from scripts.publication.registry import Release, read_releases, version_key
from scripts.site import site_map
from scripts.site.data_pages.citation import bibtex, citation_key
from scripts.site.data_pages.versions import placeholder_address
from scripts.site.parts import markdown_in
from scripts.site.phrases import DEFAULT_LANGUAGE, t
from scripts.theme.hooks.csp import with_policy
from scripts.theme.hooks.table_regions import wrap_tables

OTHER = [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]


@dataclass(frozen=True)
class Folder:
    name: str  # v2.0.0, latest, unreleased
    version: str  # the release its files are (for unreleased/, the release they changed since)
    date: str  # YYYY-MM-DD: the release's date
    commit: str | None  # the release's commit, where releases.yaml records it
    zip_name: str  # the whole package's zip, which carries the release's CITATION.cff

    @property
    def path(self) -> str:
        """The folder from the site's root."""
        return site_map.download_path(self.name)


@dataclass(frozen=True)
class Look:
    """What the page takes from the built home pages, so it looks like the rest of the site."""
    links: list[str]  # the home page's stylesheet and icon <link>s, their hrefs from the site's root
    body: str  # the home page's <body> tag (palette attributes)
    names: dict[str, str]  # the site's name in each language
    footers: dict[str, str]  # the footer's licence line in each language


# --- what the site holds ----------------------------------------------------------------------------

def folders(downloads: Path, releases: list[Release]) -> list[Folder]:
    """Every published folder (one with a manifest), by name."""
    recorded = {release.version: release for release in releases}
    found = []
    for path in sorted(p for p in downloads.iterdir() if (p / layout.MANIFEST).is_file()):
        descriptor = json.loads((path / layout.DESCRIPTOR).read_text(encoding="utf-8"))
        version = str(descriptor["version"]).split("+")[0]
        release = recorded.get(version)
        found.append(Folder(path.name, version, release.date if release else descriptor["created"][:10],
                            release.commit if release else None, layout.package_file(descriptor["name"], "zip")))
    return found


def home_page(site: Path, lang: str) -> str:
    return (site / site_map.page_in(lang, site_map.HOME) / "index.html").read_text(encoding="utf-8")


def first(pattern: str, text: str, what: str) -> str:
    found = re.search(pattern, text, re.S)
    if not found:
        raise BuildError(f"scripts/site/landing.py: the built home page has no {what} to copy onto the download "
                         "folders' pages. Fix: update the pattern there to the theme's markup.")
    return found[1].strip()


def look_of(site: Path) -> Look:
    homes = {lang: home_page(site, lang) for lang in LANGUAGES}
    home = homes[DEFAULT_LANGUAGE]
    links = re.findall(r'<link rel="(?:stylesheet|icon)" href="[^"]+">', home)
    if not any("stylesheet" in link for link in links):
        first(r"(<link rel=\"stylesheet\")", home, "stylesheet link")
    return Look(links=links, body=first(r"(<body\b[^>]*>)", home, "<body> tag"),
                 names={lang: first(r'class="md-header__topic">\s*<span class="md-ellipsis">(.*?)</span>', text, "site name")
                        for lang, text in homes.items()},
                 footers={lang: first(r'<div class="md-copyright__highlight">(.*?)</div>', text, "footer")
                          for lang, text in homes.items()})


# --- the page's parts -------------------------------------------------------------------------------

def marked(lang: str) -> str:
    """The lang attribute of an element in a language other than the page's."""
    return "" if lang == DEFAULT_LANGUAGE else f' lang="{lang}"'


def both(key: str, separator: str = " · ", **values) -> str:
    """A phrase in every language on one line, each but the first marked with its language."""
    parts = [t(key, DEFAULT_LANGUAGE, **values)]
    parts += [f"<span{marked(lang)}>{t(key, lang, **values)}</span>" for lang in OTHER]
    return separator.join(parts)


def paragraphs(key: str, **values) -> str:
    """A phrase as one paragraph per language; values are HTML already (links), the phrase our own text."""
    return "\n".join(f"<p{marked(lang)}>{t(key, lang, **values)}</p>" for lang in LANGUAGES)


def link(href: str, label: str) -> str:
    return f'<a href="{html.escape(href)}">{html.escape(label)}</a>'


def version_link(folder: Folder, version: str) -> str:
    """A link from the folder's page to a version's own page."""
    return link(site_map.address(site_map.download_path(layout.version_dir(version)), folder.path, None), version)


def title_key(folder: Folder) -> str:
    return {layout.LATEST: "landing_title_latest", layout.UNRELEASED: "landing_title_unreleased"}.get(folder.name, "landing_title")


def title(folder: Folder, lang: str) -> str:
    return t(title_key(folder), lang, version=folder.version)


def introduction(folder: Folder, folder_dir: Path) -> str:
    own = version_link(folder, folder.version)
    if folder.name == layout.LATEST:
        return paragraphs("landing_latest", version=folder.version, date=folder.date, link=own)
    if folder.name == layout.UNRELEASED:
        return paragraphs("landing_unreleased", version=folder.version, link=own)
    commit = {lang: t("landing_commit", lang, commit=f"<code>{folder.commit[:12]}</code>") if folder.commit else ""
              for lang in LANGUAGES}
    return "\n".join(f"<p{marked(lang)}>" + t("landing_release", lang, version=folder.version, date=folder.date,
                                                commit=commit[lang]) + " " + placeholder_address(folder_dir, lang) + "</p>"
                     for lang in LANGUAGES)


def file_table(folder_dir: Path) -> str:
    """Every file SHA256SUMS lists, then SHA256SUMS itself: link, size and SHA-256 (each file's own bytes)."""
    listed = [line.split("  ", 1)[1] for line in (folder_dir / layout.MANIFEST).read_text(encoding="utf-8").splitlines()]
    rows = [f"<tr><td>{link(path, path)}</td><td>{human_size((folder_dir / path).stat().st_size)}</td>"
            f"<td><code>{sha256(folder_dir / path)}</code></td></tr>" for path in [*listed, layout.MANIFEST]]
    head = f"<tr><th>{both('file', ' ')}</th><th>{both('size', ' ')}</th><th>SHA-256</th></tr>"
    return f"<table>\n<thead>{head}</thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"


def release_citation(downloads: Path, folder: Folder, site_url: str | None) -> dict:
    """The CITATION.cff inside the release's zip, with the release's address on this site (or none)."""
    cited = downloads / layout.version_dir(folder.version) / folder.zip_name
    with zipfile.ZipFile(cited) as archive:
        citation = yaml.safe_load(archive.read(layout.CITATION))
    citation.pop("url", None)  # 1.0.0's is a placeholder; an address is only the one the site has now
    url = layout.folder_url(site_url, layout.version_dir(folder.version))
    return dict(citation, url=url) if url else citation


def citation_block(downloads: Path, folder: Folder, site_url: str | None) -> str:
    if folder.name == layout.UNRELEASED:
        return paragraphs("landing_cite_preview", link=version_link(folder, folder.version))
    citation = release_citation(downloads, folder, site_url)
    blocks = [(both("plain_text", " "), plain_citation(citation)), ("BibTeX", bibtex(citation, citation_key(folder.version)))]
    return (paragraphs("landing_cite_note") + "\n"
            + "\n".join(f'<p><strong>{label}</strong></p>\n<pre tabindex="0" lang="en"><code>{html.escape(text)}</code></pre>'
                        for label, text in blocks))


def changes(root: Path, folder: Folder) -> str:
    """The folder's section of each language's changelog, as HTML, each marked with its language."""
    version = changelog.UNRELEASED if folder.name == layout.UNRELEASED else folder.version
    return "\n".join(language_changes(changelog.read_changelog(root, lang), version, lang) for lang in LANGUAGES)


def language_changes(text: str, version: str, lang: str) -> str:
    section = changelog.section(version, text)
    if section is None:
        return f"<p{marked(lang)}>{t('landing_no_changes', lang)}</p>"
    return f'<div lang="{lang}">\n{markdown.markdown(markdown_in(section, lang, lang), extensions=["tables"])}\n</div>'


def neighbours(folder: Folder, versions: list[str], has_preview: bool) -> str:
    """The versions before and after this one, the preview, and the Versions page in each language."""
    place = versions.index(folder.version) if folder.version in versions else len(versions)
    after = place + 1 if folder.name != layout.UNRELEASED else len(versions)
    before = place - 1 if folder.name != layout.UNRELEASED else len(versions) - 1
    none = both("landing_none", " / ")
    items = [f"{both('landing_previous')}: {version_link(folder, versions[before]) if before >= 0 else none}",
             f"{both('landing_next')}: {version_link(folder, versions[after]) if after < len(versions) else none}"]
    if has_preview and folder.name != layout.UNRELEASED:
        preview = site_map.address(site_map.download_path(layout.UNRELEASED), folder.path, None)
        items.append(f'<a href="{preview}">{t("landing_preview", DEFAULT_LANGUAGE)}</a> · '
                     + " · ".join(f'<a href="{preview}" lang="{lang}">{t("landing_preview", lang)}</a>' for lang in OTHER))
    pages = [f'<a href="{site_map.address(site_map.page_in(lang, site_map.VERSIONS), folder.path, None)}"'
             f'{marked(lang)}>{t("landing_all_versions", lang)}</a>'
             for lang in LANGUAGES]
    items.append(" · ".join(pages))
    return "<ul>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ul>"


# --- the page ---------------------------------------------------------------------------------------

def head(folder: Folder, look: Look, site_url: str | None) -> str:
    root = site_map.address("", folder.path, None)
    links = [re.sub(r'href="([^"]+)"', lambda found: f'href="{root}{found[1]}"', tag) for tag in look.links]
    canonical = layout.folder_url(site_url, folder.name)
    names = " · ".join(title(folder, lang) for lang in LANGUAGES)
    return "\n".join([
        '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>{html.escape(names)} - {look.names[DEFAULT_LANGUAGE]}</title>",
        f'<meta name="description" content="{html.escape(names)}">',
        *([f'<link rel="canonical" href="{html.escape(canonical)}">'] if canonical else []), *links])


def header(folder: Folder, look: Look) -> str:
    homes = home_links(folder, lambda lang: html.unescape(look.names[lang]))
    return ('<header class="md-header md-header--shadow">\n'
            f'<nav class="md-header__inner md-grid" aria-label="{t("landing_home", DEFAULT_LANGUAGE)}">\n'
            '<div class="md-header__title"><div class="md-header__ellipsis"><div class="md-header__topic">'
            f'<span class="md-ellipsis">{homes[0]}</span></div></div></div>\n</nav>\n</header>')


def article(context: BuildContext, downloads: Path, folder: Folder, versions: list[str]) -> str:
    has_preview = (downloads / layout.UNRELEASED).is_dir()
    parts = [f"<h1>{both(title_key(folder), version=folder.version)}</h1>",
             introduction(folder, downloads / folder.name),
             f"<h2>{both('landing_files')}</h2>", paragraphs("landing_files_note"),
             wrap_tables(file_table(downloads / folder.name), title(folder, DEFAULT_LANGUAGE), DEFAULT_LANGUAGE),
             f"<h2>{both('landing_cite')}</h2>", citation_block(downloads, folder, context.site_url),
             f"<h2>{both('landing_changes')}</h2>", changes(context.root, folder),
             f"<h2>{both('landing_versions')}</h2>", neighbours(folder, versions, has_preview),
             f"<p>{' · '.join(home_links(folder, lambda lang: t('landing_home', lang)))}</p>"]
    return "\n".join(parts)


def home_links(folder: Folder, label) -> list[str]:
    """A link to each language's home page, labelled label(lang)."""
    return [f'<a class="landing-home" href="{site_map.address(site_map.page_in(lang, site_map.HOME), folder.path, None)}"'
            f"{marked(lang)}>{html.escape(label(lang))}</a>" for lang in LANGUAGES]


def footer(look: Look) -> str:
    lines = [f'<div class="md-copyright__highlight"{marked(lang)}>'
             f"{look.footers[lang]}</div>" for lang in LANGUAGES]
    return ('<footer class="md-footer"><div class="md-footer-meta md-typeset"><div class="md-footer-meta__inner md-grid">'
            f'<div class="md-copyright">{"".join(lines)}</div></div></div></footer>')


def landing_page(context: BuildContext, downloads: Path, folder: Folder, versions: list[str], look: Look) -> str:
    page = (f'<!doctype html>\n<html lang="{DEFAULT_LANGUAGE}">\n<head>\n{head(folder, look, context.site_url)}\n</head>\n'
            f"{look.body}\n{header(folder, look)}\n"
            '<div class="md-container"><main class="md-main"><div class="md-main__inner md-grid"><div class="md-content">\n'
            f'<article class="md-content__inner md-typeset">\n{article(context, downloads, folder, versions)}\n</article>\n'
            f"</div></div></main>\n{footer(look)}\n</div>\n</body>\n</html>\n")
    return with_policy(page)


def write_landing_pages(context: BuildContext, site: Path) -> list[Path]:
    """index.html in every published folder under site/downloads/; the pages written."""
    downloads = site / layout.DOWNLOADS
    found = folders(downloads, read_releases(context.root))
    versions = sorted({folder.version for folder in found if folder.name.startswith("v")}, key=version_key)
    look = look_of(site)
    written = []
    for folder in found:
        path = downloads / folder.name / site_map.LANDING
        path.write_text(landing_page(context, downloads, folder, versions, look), encoding="utf-8")
        written.append(path)
    return written
