"""Build the whole site: validate, generate pages and downloads, run MkDocs, index it, then swap the site in.

Usage: python -m scripts.build (SITE_URL, if set, is the site's public address)
The build is a function of its context (scripts/context.py): inputs from context.root, everything made
in context.staging and only moved to context.site_dir once every step has succeeded, so a failed
validation or build leaves the previous site untouched.
"""
import shutil
import sys
from pathlib import Path

from scripts import search
from scripts.context import MKDOCS_CONFIG, BuildContext, from_environment
from scripts.errors import BuildError
from scripts.package import DataPackage
from scripts.validate import report, validate


def stage_pages(context: BuildContext, package: DataPackage, docs_dir: Path) -> None:
    """The hand-written docs, copied, and the generated pages written beside them."""
    from scripts.site import pages  # imported late: validation must not depend on it

    shutil.copytree(context.input("docs"), docs_dir)
    pages.write_pages(package, docs_dir)


def stage_downloads(context: BuildContext, package: DataPackage, docs_dir: Path) -> None:
    """The downloads, then every page's placeholders (the Data pages show the built files' sizes and hashes)."""
    from scripts.publication.published import write_downloads
    from scripts.site import data_pages, pages, placeholders
    from scripts.site.pages import target_checks

    published = write_downloads(context, package, docs_dir)
    placeholders.fill(docs_dir, pages.blocks(package) | data_pages.blocks(context, package, published)
                      | target_checks.blocks(context, package, published))


def stage_docs(context: BuildContext, package: DataPackage, docs_dir: Path) -> None:
    """Everything MkDocs needs in one folder: what `make build` stages, and what the tests build from."""
    stage_pages(context, package, docs_dir)
    stage_downloads(context, package, docs_dir)


def run_mkdocs(context: BuildContext, docs_dir: Path, site_dir: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    # site_url None (ignored by load_config) keeps the build relative: canonical links, the sitemap's
    # addresses and the 404 page's links follow it.
    config = load_config(str(MKDOCS_CONFIG), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True,
                         site_url=context.site_url)
    build(config)


def finish_site(context: BuildContext, package: DataPackage, site_dir: Path) -> None:
    """What the built site needs beyond MkDocs' pages, before Pagefind indexes it: feeds, robots.txt and the
    landing page of each download folder (the address every citation gives)."""
    from scripts.site import feeds, landing, robots, sitemap

    feeds.write_feeds(context, package, site_dir)
    landing.write_landing_pages(context, site_dir)
    robots.write_robots(site_dir, context.site_url)
    sitemap.finish_sitemap(context, site_dir)


def swap_in(context: BuildContext, new_site: Path) -> None:
    """Replace the site with the new build in two renames, so it is never half-written."""
    old_site = context.out / "site.old"
    shutil.rmtree(old_site, ignore_errors=True)
    if context.site_dir.exists():
        context.site_dir.rename(old_site)
    new_site.rename(context.site_dir)
    shutil.rmtree(old_site, ignore_errors=True)


def build(context: BuildContext) -> int:
    """Build the site the context describes; 0, or 1 with what stopped it said on stderr."""
    kept = f"{context.site_dir.name}/ was left as it was"
    problems, package = validate(context.root)
    if problems:
        report(problems, kept)
        return 1
    staging = context.staging
    shutil.rmtree(staging, ignore_errors=True)
    try:
        stage_docs(context, package, staging / "docs")
    except BuildError as error:
        return stopped(f"Build stopped: {error} {kept}.")
    try:
        run_mkdocs(context, staging / "docs", staging / "site")
    except Exception as error:  # MkDocs aborts strict builds with its own exception types
        return stopped(f"Build stopped: [build.mkdocs-failed] MkDocs build failed: {error}. Fix: read MkDocs' warnings "
                       f"above (a broken link or anchor in a page) and correct the page. {kept}.")
    try:
        finish_site(context, package, staging / "site")
        search.write_index(staging / "site")
    except BuildError as error:
        return stopped(f"Build stopped: {error} {kept}.")
    swap_in(context, staging / "site")
    print(f"Built {context.site_dir}")
    return 0


def stopped(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def main() -> int:
    try:
        return build(from_environment())
    except BuildError as error:  # a malformed SITE_URL
        return stopped(f"Build stopped: {error}")


if __name__ == "__main__":
    sys.exit(main())
