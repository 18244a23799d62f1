"""The Versions page: every recorded release, newest first, with its date, commit, main files, what
changed (its CHANGELOG.md section) and those files' lines of its SHA256SUMS, read from the files published."""
import json
from pathlib import Path
from urllib.parse import urlsplit

from scripts import changelog
from scripts.downloads import layout
from scripts.downloads.addresses import page_link
from scripts.downloads.published import Published
from scripts.errors import BuildError
from scripts.pages.phrases import t
from scripts.releases import Release


def versions(published: Published, lang: str) -> str:
    if not published.releases:
        return t("no_release_yet", lang)
    return "\n\n".join(release_section(published.downloads, release, lang) for release in reversed(published.releases))


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


def changes(release: Release) -> str:
    section = changelog.section(release.version)
    if section is None:
        raise BuildError(f"CHANGELOG.md has no section '## {release.version}', a release recorded in releases.yaml. "
                         "Fix: restore what it said about that release.")
    return section


def release_section(downloads: Path, release: Release, lang: str) -> str:
    folder = layout.version_dir(release.version)
    release_dir = downloads / folder
    files = main_files(release_dir)
    links = " · ".join(f"[{file}]({page_link(folder, file)})" for file in [*files, layout.MANIFEST])
    # The heading's id is the folder's name (v1.0.0), so the feeds can link to a version's section.
    parts = [f"## {release.version} {{#{folder}}}", t("version_released", lang, date=release.date, commit=release.commit), links,
             placeholder_address(release_dir, lang), f"**{t('version_changes', lang)}**", changes(release),
             f"**{t('version_checksums', lang)}**", f"```text\n{checksums(release_dir, files)}\n```"]
    return "\n\n".join(part for part in parts if part)
