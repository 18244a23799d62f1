"""Build the whole site: validate, generate pages and downloads, run MkDocs, index it, then swap site/ in.

Usage: python -m scripts.build
A failed validation or build leaves the previous site/ untouched: everything is made in
build/staging and only moved to site/ once MkDocs has succeeded.
"""
import shutil
import sys

from scripts import paths, search
from scripts.package import DataPackage
from scripts.validate import report, validate


def stage_docs(staging_docs, package: DataPackage):
    """Hand-written docs, plus the generated pages and downloads, in one folder for MkDocs."""
    from scripts import downloads, pages  # imported late: validation must not depend on them

    shutil.copytree(paths.DOCS_DIR, staging_docs)
    pages.write_pages(package, staging_docs)
    downloads.write_downloads(package, staging_docs)


def run_mkdocs(docs_dir, site_dir):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(paths.MKDOCS_CONFIG), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True)
    build(config)


def swap_in(new_site):
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
    stage_docs(staging / "docs", package)
    try:
        run_mkdocs(staging / "docs", staging / "site")
    except Exception as error:  # MkDocs aborts strict builds with its own exception types
        print(f"MkDocs build failed: {error}; site/ was left as it was.", file=sys.stderr)
        return 1
    try:
        search.write_index(staging / "site")
    except RuntimeError as error:
        print(f"{error}; site/ was left as it was.", file=sys.stderr)
        return 1
    swap_in(staging / "site")
    print(f"Built {paths.SITE_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
