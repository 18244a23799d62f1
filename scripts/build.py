"""Build the whole site: validate, generate pages and downloads, run MkDocs, index it, then swap the site in.

Usage: python -m scripts.build (SITE_URL, if set, is the site's public address)
The build is a function of its context (scripts/context.py): inputs from context.root, everything made
in context.staging and only moved to context.site_dir once every step has succeeded, so a failed
validation or build leaves the previous site untouched.

Validation runs in a process of its own while the pages and downloads are staged beside the last
staging (on two cores the one costs nothing of the other's time); the staging takes the last one's
place only once the data are valid, so a failed validation leaves the build folder as it was too.
"""
import multiprocessing
import shutil
import sys
from pathlib import Path

from scripts import search
from scripts.context import MKDOCS_CONFIG, BuildContext, from_environment
from scripts.errors import BuildError
from scripts.package import DataPackage, load_package
from scripts.validate import report, validate
from scripts.validate.problems import Problem


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


class Validation:
    """validate(root) in a forked process, started now; its problems when asked (where fork is missing,
    validated when asked)."""

    def __init__(self, root: Path):
        self.root, self.process = root, None
        if "fork" in multiprocessing.get_all_start_methods():
            self.receiving, sending = multiprocessing.Pipe(duplex=False)
            self.process = multiprocessing.get_context("fork").Process(target=self.run, args=(sending,), daemon=True)
            self.process.start()
            sending.close()

    def run(self, sending) -> None:
        try:
            sending.send(("problems", validate(self.root)[0]))
        except BaseException as error:  # said in the parent, which raises it
            sending.send(("error", f"{type(error).__name__}: {error}"))

    def problems(self) -> list[Problem]:
        if self.process is None:
            return validate(self.root)[0]
        kind, said = self.receiving.recv()
        self.process.join()
        if kind == "error":
            raise RuntimeError(f"validation failed: {said}")
        return said


def stage_validated(context: BuildContext, folder: Path) -> tuple[DataPackage | None, list[Problem], Exception | None]:
    """The docs staged into folder while the data are validated: the package, the problems, and what
    stopped the staging (invalid data may break the pages before validation has said why); on any of
    them, folder is removed."""
    validation = Validation(context.root)
    shutil.rmtree(folder, ignore_errors=True)
    package = failed = None
    try:
        package = load_package(context.root)
        stage_docs(context, package, folder / "docs")
    except Exception as error:
        failed = error
    problems = validation.problems()
    if problems or failed:
        shutil.rmtree(folder, ignore_errors=True)
    return package, problems, failed


def build(context: BuildContext) -> int:
    """Build the site the context describes; 0, or 1 with what stopped it said on stderr."""
    kept = f"{context.site_dir.name}/ was left as it was"
    staging = context.staging
    package, problems, failed = stage_validated(context, staging.with_name("staging.next"))
    if problems:
        report(problems, kept)
        return 1
    if isinstance(failed, BuildError):
        return stopped(f"Build stopped: {failed} {kept}.")
    if failed:
        raise failed
    shutil.rmtree(staging, ignore_errors=True)
    staging.with_name("staging.next").rename(staging)
    try:
        run_mkdocs(context, staging / "docs", staging / "site")
    except Exception as error:  # MkDocs aborts strict builds with its own exception types
        failed = BuildError("build.mkdocs-failed", f"MkDocs build failed: {error}. Fix: read MkDocs' warnings above "
                            "(a broken link or anchor in a page) and correct the page.")
        return stopped(f"Build stopped: {failed} {kept}.")
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
