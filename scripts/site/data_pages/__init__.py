"""What the Data pages' placeholders become: file tables, version, citation, changelog and versions.

The hand-written pages hold the prose; file names, sizes, hashes, version, citation and changelog
come from here, so they always describe the files actually built.
"""
import posixpath
import re
from collections.abc import Callable
from pathlib import Path

from scripts.archive import layout
from scripts.archive.citation_file import plain_citation
from scripts.archive.descriptor import source_texts
from scripts.archive.files import human_size, sha256
from scripts.context import BuildContext
from scripts.errors import BuildError
from scripts.package import LANGUAGES, DataPackage
from scripts.publication import changelog as changelog_file
from scripts.publication.published import Published
from scripts.site.data_pages.citation import bibtex, citation_key, site_citation
from scripts.site.data_pages.dataset import data_page, dataset_script
from scripts.site.data_pages.versions import page_link, versions
from scripts.site.parts import markdown_in
from scripts.site.phrases import t
from scripts.site.site_map import address, feed_path
from scripts.standing import derived

# Each format of the derived tables and of a target's own figures, with the words that describe it.
DERIVED_WORDS = {"csv": "file_derived_csv", "json": "file_derived_json"}
TARGET_WORDS = {"csv": "file_target_csv", "json": "file_target_json"}


def package_files(package: DataPackage) -> list[tuple[str, str]]:
    """(path inside the release folder, phrase describing it) for the whole-package files."""
    name = package.descriptor["name"]
    return [(layout.package_file(name, "zip"), "file_zip"), (layout.DESCRIPTOR, "file_descriptor"),
            (layout.package_file(name, "workbook"), "file_xlsx"), (layout.package_file(name, "database"), "file_sqlite"),
            (layout.TERMBASE, "file_termbase"), (layout.MANIFEST, "file_manifest")]


def row_count(records: list, lang: str) -> str:
    return t("one_row", lang) if len(records) == 1 else t("rows", lang, count=len(records))


def resource_files(package: DataPackage, derived_tables: dict[str, list[dict]], lang: str) -> list[tuple[str, str]]:
    """(path inside the release folder, description) for each resource's CSV and JSON, the derived tables'
    (derived_tables: scripts/standing/derived.py's records), then the source texts."""
    files = []
    for name, records in package.records.items():
        rows = row_count(records, lang)
        files += [(layout.resource_file(name, "csv"), t("file_csv", lang, name=name, rows=rows)),
                  (layout.resource_file(name, "json"), t("file_json", lang, name=name, rows=rows))]
    for name, records in derived_tables.items():
        rows = row_count(records, lang)
        files += [(layout.resource_file(name, kind, derived=True), t(DERIVED_WORDS[kind], lang, name=name, rows=rows))
                  for kind in ("csv", "json")]
    documents = {document["source_file"] for document in package.records["documents"]}
    return files + [(layout.source_path(text), t("file_source" if text in documents else "file_excerpt", lang))
                    for text in source_texts(package)]


def target_files(package: DataPackage, published: Published, lang: str) -> str:
    """Each target's figures (targets/<id>.csv and .json), folded away and left out of the search index: 38
    rows of checksums would make the page cost more than a search result may (its page offers the same)."""
    rows = [(layout.target_file(target["target_id"], kind), t(TARGET_WORDS[kind], lang, target=target["target_id"]))
            for target in package.records["targets"] for kind in ("csv", "json")]
    return (f'<details class="target-files" data-pagefind-ignore markdown="1"><summary>{t("target_files_summary", lang, count=len(rows))}'
            f"</summary>\n\n{file_table(rows, published, lang)}\n\n</details>")


def file_links(path: str, published: Published) -> str:
    """The file named, linking to latest/ and to its version's own folder; only to the preview when unreleased."""
    name = posixpath.basename(path)
    if published.unreleased:
        return f"[{name}]({page_link(layout.UNRELEASED, path)})"
    return f"[{name}]({page_link(layout.LATEST, path)}) · [v{published.version}]({page_link(published.current, path)})"


def file_table(rows: list[tuple[str, str]], published: Published, lang: str) -> str:
    """One row per file of the working tree's release: its links, what it holds, size and SHA-256."""
    lines = [f"| {t('file', lang)} | {t('contents', lang)} | {t('size', lang)} | SHA-256 |", "| --- | --- | --- | --- |"]
    for path, contents in rows:
        file = published.current_dir / path
        lines.append(f"| {file_links(path, published)} | {contents} | {human_size(file.stat().st_size)} | `{sha256(file)}` |")
    return "\n".join(lines)


def unreleased_notice(package: DataPackage, published: Published, lang: str) -> str:
    """Said when the site shows data changed since the last release; nothing otherwise."""
    if not published.unreleased:
        return ""
    preview = page_link(layout.UNRELEASED, layout.package_file(package.descriptor["name"], "zip"))
    return (f'!!! note "{t("unreleased_title", lang, version=published.version)}"\n\n'
            f'    {t("unreleased_body", lang, version=published.version, preview=preview)}')


def latest_url(site_url: str | None) -> str:
    """Where the snippets read latest/: the published address, or relative to the site's folder."""
    return layout.folder_url(site_url, layout.LATEST) or f"{layout.DOWNLOADS}/{layout.LATEST}/"


def citation_box(context: BuildContext, lang: str) -> str:
    citation = site_citation(context.root, context.site_url)
    return (f"**{t('plain_text', lang)}**\n\n```text\n{plain_citation(citation)}\n```\n\n"
            f"**BibTeX**\n\n```bibtex\n{bibtex(citation, citation_key(str(citation['version'])))}\n```")


def changelog(root: Path, version: str, lang: str) -> str:
    """The language's changelog below its title, its other-language runs marked; the build stops if either
    language's says nothing about the version being released."""
    texts = changelog_file.read_changelogs(root)
    if files := changelog_file.lacking(texts, version):
        raise BuildError("build.changelog-section-missing", f"{changelog_file.no_section(files, version)}. Fix: say what "
                         f"changed in this version under '## {version}', in English and in Chinese, before releasing it.")
    return markdown_in(re.sub(r"\A# .*\n", "", texts[lang]).strip(), lang, lang)


def feed_links(site_url: str | None, lang: str) -> str:
    """Both languages' feeds, linked from the Data page (HTML links: the feeds are written after MkDocs,
    which would report a Markdown link to them as broken)."""
    feeds = {other: address(feed_path(other), data_page(lang), site_url) for other in LANGUAGES}
    return t("feed_subscribe", lang, **feeds)


def blocks(context: BuildContext, package: DataPackage, published: Published) -> dict[str, Callable[[str], str]]:
    """Placeholder name → its Markdown in a language, for the Data pages."""
    descriptor, site_url = package.descriptor, context.site_url
    version = descriptor["version"]
    derived_tables = derived.derived_records(package.records)  # once, for both languages
    return {
        "version": lambda lang: version,
        "released": lambda lang: descriptor["created"][:10],
        "latest-url": lambda lang: latest_url(site_url),
        "snippet-note": lambda lang: "" if site_url else t("snippet_note", lang),
        "unreleased": lambda lang: unreleased_notice(package, published, lang),
        "package-files": lambda lang: file_table([(path, t(key, lang)) for path, key in package_files(package)],
                                                 published, lang),
        "resource-files": lambda lang: file_table(resource_files(package, derived_tables, lang), published, lang) + "\n\n"
                                       + target_files(package, published, lang),
        "cite": lambda lang: citation_box(context, lang),
        "changelog": lambda lang: changelog(context.root, version, lang),
        "versions": lambda lang: versions(context.root, published, lang),
        "feeds": lambda lang: feed_links(site_url, lang),
        "dataset": lambda lang: dataset_script(context, package, published, lang),
    }
