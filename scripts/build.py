"""Build the whole site: validate, generate pages and downloads, run MkDocs, index it, then swap site/ in.

Usage: python -m scripts.build
A failed validation or build leaves the previous site/ untouched: everything is made in
build/staging and only moved to site/ once MkDocs has succeeded.
"""
import shutil
import sys
from pathlib import Path

from scripts import feeds, paths, robots, search
from scripts.site_url import site_url
from scripts.errors import BuildError
from scripts.package import DataPackage
from scripts.validate import report, validate


def stage_pages(package: DataPackage, docs_dir: Path) -> None:
    """The hand-written docs, copied, and the generated pages written beside them."""
    from scripts import pages  # imported late: validation must not depend on it

    shutil.copytree(paths.DOCS_DIR, docs_dir)
    pages.write_pages(package, docs_dir)


def stage_downloads(package: DataPackage, docs_dir: Path) -> None:
    """The downloads, then every page's placeholders (the Data pages show the built files' sizes and hashes)."""
    from scripts import downloads, pages
    from scripts.pages import placeholders

    published = downloads.write_downloads(package, docs_dir)
    placeholders.fill(docs_dir, pages.blocks(package) | downloads.blocks(package, published))


def stage_docs(package: DataPackage, docs_dir: Path) -> None:
    """Everything MkDocs needs in one folder: what `make build` stages, and what the tests build from."""
    stage_pages(package, docs_dir)
    stage_downloads(package, docs_dir)


def run_mkdocs(docs_dir: Path, site_dir: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    # site_url comes from SITE_URL (None, ignored by load_config, keeps the build relative): canonical links,
    # the sitemap's addresses and the 404 page's links follow it.
    config = load_config(str(paths.MKDOCS_CONFIG), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True,
                         site_url=site_url())
    build(config)


def finish_site(package: DataPackage, site_dir: Path) -> None:
    """What the built site needs beyond MkDocs' pages, before Pagefind indexes it: feeds and robots.txt."""
    feeds.write_feeds(package, site_dir)
    robots.write_robots(site_dir)


def swap_in(new_site: Path) -> None:
    """Replace site/ with the new build in two renames, so site/ is never half-written."""
    old_site = paths.BUILD_DIR / "site.old"
    shutil.rmtree(old_site, ignore_errors=True)
    if paths.SITE_DIR.exists():
        paths.SITE_DIR.rename(old_site)
    new_site.rename(paths.SITE_DIR)
    shutil.rmtree(old_site, ignore_errors=True)


def main() -> int:
    problems, package = validate()
    if problems:
        report(problems, "site/ was left as it was")
        return 1
    staging = paths.BUILD_DIR / "staging"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        stage_docs(package, staging / "docs")
    except BuildError as error:
        print(f"Build stopped: {error} site/ was left as it was.", file=sys.stderr)
        return 1
    try:
        run_mkdocs(staging / "docs", staging / "site")
    except Exception as error:  # MkDocs aborts strict builds with its own exception types
        print(f"MkDocs build failed: {error}; site/ was left as it was.", file=sys.stderr)
        return 1
    try:
        finish_site(package, staging / "site")
        search.write_index(staging / "site")
    except BuildError as error:
        print(f"Build stopped: {error} site/ was left as it was.", file=sys.stderr)
        return 1
    swap_in(staging / "site")
    print(f"Built {paths.SITE_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
