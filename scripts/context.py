"""The build as a function of its inputs: where they are read from, where the results go, the site's address.

A BuildContext is made once, at an entry point (`python -m scripts.build`, `make release`, the release
rebuild door), and passed down; nothing below an entry point reads the environment or a path of its
own. A test builds in-process into a temporary folder by making its own context.

    root           every input: the package (datapackage.yaml, data/, schemas/), the hand-written pages
                   (docs/), CHANGELOG.md and CHANGELOG.zh.md, CITATION.cff, LICENSE.md, releases.yaml
    out            the build's working folder (out/staging: the pages and site being made)
    site_dir       where the finished site is swapped in
    release_cache  each recorded release, rebuilt once from its commit
    repository     the git repository holding those commits
    site_url       the site's public address (SITE_URL), or None: a relative build that writes no address

The code's own files (mkdocs.yml, the theme, the phrasebook) sit beside the code: CODE.
"""
import os
import shutil
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from scripts.errors import BuildError

CODE = Path(__file__).resolve().parent.parent  # the checkout this code is in: mkdocs.yml, scripts/theme
MKDOCS_CONFIG = CODE / "mkdocs.yml"
SITE_URL_VARIABLE = "SITE_URL"

# The build's inputs under root (files and folders): the package, what travels with it in a release, the rest.
PACKAGE_INPUTS = ["datapackage.yaml", "data", "schemas"]
RELEASE_INPUTS = [*PACKAGE_INPUTS, "CITATION.cff", "LICENSE.md"]
INPUTS = [*RELEASE_INPUTS, "docs", "CHANGELOG.md", "CHANGELOG.zh.md", "releases.yaml"]


@dataclass(frozen=True)
class BuildContext:
    root: Path
    out: Path
    site_dir: Path
    release_cache: Path
    repository: Path
    site_url: str | None = None

    @property
    def staging(self) -> Path:
        """Where the pages are staged and MkDocs builds, before the site is swapped in."""
        return self.out / "staging"

    def input(self, name: str) -> Path:
        """An input file under root: input("CHANGELOG.md")."""
        return self.root / name

    def with_site_url(self, site_url: str | None) -> "BuildContext":
        return replace(self, site_url=parse_site_url(site_url or ""))


def checkout(root: Path = CODE, site_url: str | None = None) -> BuildContext:
    """The context of `make build` in a checkout: inputs, build/ and site/ all under root."""
    return BuildContext(root=root, out=root / "build", site_dir=root / "site", release_cache=root / "build" / "releases",
                        repository=root, site_url=site_url)


def from_environment(root: Path = CODE) -> BuildContext:
    """An entry point's context: the checkout, with SITE_URL read here and only here."""
    return checkout(root, parse_site_url(os.environ.get(SITE_URL_VARIABLE, "")))


def parse_site_url(value: str) -> str | None:
    """SITE_URL with a trailing slash, or None when it is empty; a malformed one stops the build."""
    value = value.strip()
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise BuildError("build.site-url-malformed", f"{SITE_URL_VARIABLE}={value!r} is not a site address. "
                         "Fix: give http(s)://host/path/, with no query or fragment.")
    return value.rstrip("/") + "/"


def copy_inputs(target: Path, source: Path = CODE, names: list[str] = INPUTS) -> Path:
    """The inputs under source (those that exist) copied into target: a tree a build can read and a test
    can break."""
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name)
        elif (source / name).exists():
            shutil.copy2(source / name, target / name)
    return target
