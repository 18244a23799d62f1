"""Fill the Data pages' placeholders (<!-- downloads:NAME -->) in the staging copy of docs/.

The hand-written pages hold the prose; file names, sizes, hashes, version, citation and changelog
come from here, so they always describe the files actually built.
"""
import posixpath
import re
from pathlib import Path

from scripts import paths
from scripts.downloads.citation import bibtex, plain_citation, read_citation
from scripts.downloads.descriptor import source_texts
from scripts.downloads.files import human_size, sha256
from scripts.package import DataPackage
from scripts.pages.labels import LANGUAGES, suffix

PAGE_DIR = "data"  # the Data pages, relative to docs/; download links are relative to it
PAGES = [f"{PAGE_DIR}/index", f"{PAGE_DIR}/use", f"{PAGE_DIR}/changelog"]
PLACEHOLDER = re.compile(r"<!-- downloads:([a-z-]+) -->")
WORDS = {
    "zh": {"file": "文件", "contents": "内容", "size": "大小", "plain": "纯文本",
           "zip": "整个数据包：datapackage.json（含表结构、版本、发布日期及每个 CSV 的大小和 SHA-256）、全部 CSV、许可说明和引用信息",
           "descriptor": "数据包描述文件（Frictionless），与下列 data/ 中的 CSV 一起可直接从网址载入",
           "xlsx": "Excel 工作簿：第一张表用中英文说明每个字段，其后每个资源一张表",
           "sqlite": "SQLite 数据库，含主键和外键，可直接用 Datasette 或 DuckDB 打开",
           "manifest": "以上全部文件的 SHA-256 校验和，可用 sha256sum -c SHA256SUMS 核对",
           "csv": "表 {name}，{rows}，CSV（UTF-8，无 BOM）", "json": "表 {name}，{rows}，JSON",
           "source": "存档的原文，所有中文引文均据此核对"},
    "en": {"file": "File", "contents": "Contents", "size": "Size", "plain": "Plain text",
           "zip": "The whole Data Package: datapackage.json (schemas, version, release date, size and SHA-256 of each CSV), every CSV, the licence and citation",
           "descriptor": "The Data Package descriptor (Frictionless); loads straight from its URL, with the CSVs under data/ below",
           "xlsx": "Excel workbook: a first sheet describing every field in Chinese and English, then a sheet per resource",
           "sqlite": "SQLite database with primary and foreign keys; opens as is in Datasette or DuckDB",
           "manifest": "SHA-256 of every file above; check them with sha256sum -c SHA256SUMS",
           "csv": "Table {name}, {rows}, CSV (UTF-8, no BOM)", "json": "Table {name}, {rows}, JSON",
           "source": "The stored source text, which every Chinese quote is checked against"},
}


def package_files(package: DataPackage) -> list[tuple[str, str]]:
    """(path inside the release folder, key of its description) for the whole-package files."""
    base = package.descriptor["name"]
    return [(f"{base}.zip", "zip"), ("datapackage.json", "descriptor"), (f"{base}.xlsx", "xlsx"),
            (f"{base}.sqlite", "sqlite"), ("SHA256SUMS", "manifest")]


def resource_files(package: DataPackage, lang: str) -> list[tuple[str, str]]:
    """(path inside the release folder, description) for each resource's CSV and JSON, then the source texts."""
    words = WORDS[lang]
    files = []
    for name, records in package.records.items():
        count = len(records)
        rows = f"{count} 行" if lang == "zh" else f"{count} row{'' if count == 1 else 's'}"
        files += [(f"data/{name}.csv", words["csv"].format(name=name, rows=rows)),
                  (f"json/{name}.json", words["json"].format(name=name, rows=rows))]
    return files + [(f"data/{text}", words["source"]) for text in source_texts(package)]


def file_table(rows: list[tuple[str, str]], release_dir: Path, version: str, lang: str) -> str:
    """One row per file: a link to latest/ named by the file, a link to this version, size and SHA-256."""
    words = WORDS[lang]
    lines = [f"| {words['file']} | {words['contents']} | {words['size']} | SHA-256 |", "| --- | --- | --- | --- |"]
    for path, contents in rows:
        latest = posixpath.relpath(f"downloads/latest/{path}", PAGE_DIR)
        versioned = posixpath.relpath(f"downloads/v{version}/{path}", PAGE_DIR)
        file = release_dir / path
        lines.append(f"| [{posixpath.basename(path)}]({latest}) · [v{version}]({versioned}) | {contents} "
                     f"| {human_size(file.stat().st_size)} | `{sha256(file)}` |")
    return "\n".join(lines)


def citation_box(lang: str) -> str:
    citation = read_citation()
    key = re.sub(r"\W", "_", f"cq_sme_plan_{citation['version']}", flags=re.ASCII)
    return (f"**{WORDS[lang]['plain']}**\n\n```text\n{plain_citation(citation)}\n```\n\n"
            f"**BibTeX**\n\n```bibtex\n{bibtex(citation, key)}\n```")


def changelog(version: str) -> str:
    """CHANGELOG.md below its title; the build stops if it says nothing about the version being released."""
    text = (paths.ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    if not re.search(rf"^## {re.escape(version)}\b", text, flags=re.MULTILINE):
        raise ValueError(f"CHANGELOG.md has no section '## {version}': say what changed in this version before releasing it.")
    return re.sub(r"\A# .*\n", "", text).strip()


def values(package: DataPackage, release_dir: Path, lang: str) -> dict[str, str]:
    descriptor, words = package.descriptor, WORDS[lang]
    version = descriptor["version"]
    return {
        "version": version,
        "released": descriptor["created"][:10],
        "latest-url": f"{descriptor['homepage'].rstrip('/')}/downloads/latest/",
        "package-files": file_table([(path, words[key]) for path, key in package_files(package)], release_dir, version, lang),
        "resource-files": file_table(resource_files(package, lang), release_dir, version, lang),
        "cite": citation_box(lang),
        "changelog": changelog(version),
    }


def fill(text: str, page_values: dict[str, str], page: Path) -> str:
    def replace(match):
        if match.group(1) not in page_values:
            raise ValueError(f"{page}: unknown placeholder {match.group(0)}; known: {', '.join(page_values)}.")
        return page_values[match.group(1)]
    return PLACEHOLDER.sub(replace, text)


def fill_pages(package: DataPackage, docs_dir: Path, release_dir: Path) -> None:
    for lang in LANGUAGES:
        page_values = values(package, release_dir, lang)
        for page in PAGES:
            path = docs_dir / f"{page}{suffix(lang)}"
            path.write_text(fill(path.read_text(encoding="utf-8"), page_values, path), encoding="utf-8")
