"""The Versions page: every recorded release, newest first, with its date, commit, main files, what
changed (its section of the changelog in the page's language) and those files' lines of its SHA256SUMS,
read from the files published."""
import json
from pathlib import Path
from urllib.parse import urlsplit

from scripts.archive import layout
from scripts.errors import BuildError
from scripts.publication import changelog
from scripts.publication.published import Published
from scripts.publication.registry import Release, read_releases
from scripts.site import site_map
from scripts.site.parts import markdown_in
from scripts.site.phrases import t


def versions(root: Path, published: Published, lang: str) -> str:
    if not published.releases:
        return t("no_release_yet", lang)
    texts = changelog.read_changelogs(root)
    return "\n\n".join(release_section(published.downloads, release, changes(release, texts, lang), lang)
                       for release in reversed(published.releases))


def main_files(release_dir: Path) -> list[str]:
    """The release's zip, workbook, database and descriptor, named as that release named them."""
    name = json.loads((release_dir / layout.DESCRIPTOR).read_text(encoding="utf-8"))["name"]
    return [layout.package_file(name, kind) for kind in layout.PACKAGE_FORMATS] + [layout.DESCRIPTOR]


def checksums(release_dir: Path, files: list[str]) -> str:
    lines = (release_dir / layout.MANIFEST).read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if line.split("  ", 1)[1] in files)


def placeholder_address(release_dir: Path, lang: str) -> str:
    """One sentence for a release published before the site had an address: its files name a
    reserved .invalid host instead, and stay as they were published."""
    homepage = json.loads((release_dir / layout.DESCRIPTOR).read_text(encoding="utf-8")).get("homepage", "")
    return t("version_placeholder_address", lang) if (urlsplit(homepage).hostname or "").endswith(".invalid") else ""


def changes(release: Release, changelogs: dict[str, str], lang: str) -> str:
    """What the language's changelog says the release changed; the build stops if either language's says nothing."""
    if files := changelog.lacking(changelogs, release.version):
        raise BuildError("build.changelog-section-missing", f"{changelog.no_section(files, release.version)}, a release "
                         "recorded in releases.yaml. Fix: restore what it said about that release.")
    return changelog.section(release.version, changelogs[lang])


def recorded_changes(root: Path, lang: str) -> list[tuple[Release, str]]:
    """Every recorded release, oldest first, with what the language's changelog says it changed."""
    texts = changelog.read_changelogs(root)
    return [(release, changes(release, texts, lang)) for release in read_releases(root)]


def page_link(folder: str, path: str) -> str:
    """A link from a Data page to a file under downloads/<folder>/."""
    return site_map.link_from_page(site_map.VERSIONS, site_map.download_path(folder, path))


def release_section(downloads: Path, release: Release, changes_text: str, lang: str) -> str:
    folder = layout.version_dir(release.version)
    release_dir = downloads / folder
    files = main_files(release_dir)
    links = " · ".join(f"[{file}]({page_link(folder, file)})" for file in [*files, layout.MANIFEST])
    # The folder's own page (scripts/site/landing.py) is written after MkDocs, so the link is HTML: MkDocs
    # would report a Markdown link to it as broken.
    landing = site_map.address(site_map.download_path(folder), site_map.page_in(lang, site_map.VERSIONS), None)
    page = t("version_page", lang, link=f'<a href="{landing}">{site_map.download_path(folder)}</a>')
    # The heading's id is the folder's name (v1.0.0), so the feeds can link to a version's section.
    parts = [f"## {release.version} {{#{folder}}}", t("version_released", lang, date=release.date, commit=release.commit), page, links,
             placeholder_address(release_dir, lang), f"**{t('version_changes', lang)}**",
             markdown_in(changes_text, lang, lang),
             f"**{t('version_checksums', lang)}**", f"```text\n{checksums(release_dir, files)}\n```"]
    return "\n\n".join(part for part in parts if part)
