"""What the Data pages' placeholders become: file tables, version, citation and changelog.

The hand-written pages hold the prose; file names, sizes, hashes, version, citation and changelog
come from here, so they always describe the files actually built.
"""
import posixpath
import re
from collections.abc import Callable
from pathlib import Path

from scripts import paths
from scripts.downloads import layout
from scripts.downloads.citation import bibtex, plain_citation, read_citation
from scripts.downloads.descriptor import source_texts
from scripts.downloads.files import human_size, sha256
from scripts.errors import BuildError
from scripts.package import DataPackage
from scripts.pages.phrases import t

PAGE_DIR = "data"  # the Data pages, relative to docs/; download links are relative to it


def package_files(package: DataPackage) -> list[tuple[str, str]]:
    """(path inside the release folder, phrase describing it) for the whole-package files."""
    name = package.descriptor["name"]
    return [(layout.package_file(name, "zip"), "file_zip"), (layout.DESCRIPTOR, "file_descriptor"),
            (layout.package_file(name, "workbook"), "file_xlsx"), (layout.package_file(name, "database"), "file_sqlite"),
            (layout.TERMBASE, "file_termbase"), (layout.MANIFEST, "file_manifest")]


def resource_files(package: DataPackage, lang: str) -> list[tuple[str, str]]:
    """(path inside the release folder, description) for each resource's CSV and JSON, then the source texts."""
    files = []
    for name, records in package.records.items():
        rows = t("one_row", lang) if len(records) == 1 else t("rows", lang, count=len(records))
        files += [(layout.resource_file(name, "csv"), t("file_csv", lang, name=name, rows=rows)),
                  (layout.resource_file(name, "json"), t("file_json", lang, name=name, rows=rows))]
    documents = {document["source_file"] for document in package.records["documents"]}
    return files + [(layout.source_path(text), t("file_source" if text in documents else "file_excerpt", lang))
                    for text in source_texts(package)]


def file_table(rows: list[tuple[str, str]], release_dir: Path, version: str, lang: str) -> str:
    """One row per file: a link to latest/ named by the file, a link to this version, size and SHA-256."""
    lines = [f"| {t('file', lang)} | {t('contents', lang)} | {t('size', lang)} | SHA-256 |", "| --- | --- | --- | --- |"]
    for path, contents in rows:
        latest = posixpath.relpath(f"{layout.DOWNLOADS}/{layout.LATEST}/{path}", PAGE_DIR)
        versioned = posixpath.relpath(f"{layout.DOWNLOADS}/{layout.version_dir(version)}/{path}", PAGE_DIR)
        file = release_dir / path
        lines.append(f"| [{posixpath.basename(path)}]({latest}) · [v{version}]({versioned}) | {contents} "
                     f"| {human_size(file.stat().st_size)} | `{sha256(file)}` |")
    return "\n".join(lines)


def citation_box(lang: str) -> str:
    citation = read_citation()
    key = re.sub(r"\W", "_", f"cq_sme_plan_{citation['version']}", flags=re.ASCII)
    return (f"**{t('plain_text', lang)}**\n\n```text\n{plain_citation(citation)}\n```\n\n"
            f"**BibTeX**\n\n```bibtex\n{bibtex(citation, key)}\n```")


def changelog(version: str) -> str:
    """CHANGELOG.md below its title; the build stops if it says nothing about the version being released."""
    text = (paths.ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    if not re.search(rf"^## {re.escape(version)}\b", text, flags=re.MULTILINE):
        raise BuildError(f"CHANGELOG.md has no section '## {version}': say what changed in this version before releasing it.")
    return re.sub(r"\A# .*\n", "", text).strip()


def blocks(package: DataPackage, release_dir: Path) -> dict[str, Callable[[str], str]]:
    """Placeholder name → its Markdown in a language, for the Data pages."""
    descriptor = package.descriptor
    version = descriptor["version"]
    return {
        "version": lambda lang: version,
        "released": lambda lang: descriptor["created"][:10],
        "latest-url": lambda lang: f"{descriptor['homepage'].rstrip('/')}/{layout.DOWNLOADS}/{layout.LATEST}/",
        "package-files": lambda lang: file_table([(path, t(key, lang)) for path, key in package_files(package)],
                                                 release_dir, version, lang),
        "resource-files": lambda lang: file_table(resource_files(package, lang), release_dir, version, lang),
        "cite": citation_box,
        "changelog": lambda lang: changelog(version),
    }
