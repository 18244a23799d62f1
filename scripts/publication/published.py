"""What a build publishes under downloads/: every recorded release, the working tree's own files, latest/.

    v<version>/   each release in releases.yaml, from its cached rebuild (past_releases.py); and the
                  working tree's package when its version is not recorded yet (a release being
                  prepared, or a copy of the package without releases.yaml, as the tests use)
    unreleased/   the working tree's files when its version is recorded but they differ from that
                  release's: the data changed since; they call themselves X.Y.Z+unreleased
    latest/       a byte copy of the working tree's version, the highest (write_current refuses a lower one)

The cached releases and latest/ are hard links to the files they repeat (a copy where the file system
cannot link): MkDocs copies every file of the staged docs into the site once, and nothing writes into
these, so no byte is copied twice.
"""
import dataclasses
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from scripts.archive import layout
from scripts.archive.writer import release_dir_name, write_release
from scripts.context import BuildContext
from scripts.errors import BuildError
from scripts.package import DataPackage
from scripts.publication.rebuild import cached_release
from scripts.publication.registry import Release, read_releases, version_key
from scripts.scratch import scratch


@dataclass
class Published:
    downloads: Path  # docs_dir/downloads
    releases: list[Release]  # recorded, oldest first
    version: str  # the working tree's version (datapackage.yaml)
    current: str  # the folder holding the working tree's files, which the Data pages describe

    @property
    def current_dir(self) -> Path:
        return self.downloads / self.current

    @property
    def unreleased(self) -> bool:
        return self.current == layout.UNRELEASED


def write_downloads(context: BuildContext, package: DataPackage, docs_dir: Path) -> Published:
    downloads = docs_dir / layout.DOWNLOADS
    releases = read_releases(context.root)
    for release in releases:
        shutil.copytree(cached_release(context, release), downloads / layout.version_dir(release.version), copy_function=link)
    current = write_current(package, downloads, releases, context.site_url)
    published = Published(downloads, releases, package.descriptor["version"], current)
    shutil.copytree(downloads / layout.version_dir(published.version), downloads / layout.LATEST, copy_function=link)
    return published


def link(source: str, target: str) -> None:
    """target as a hard link to source; a copy where the file system cannot link (another device)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def write_current(package: DataPackage, downloads: Path, releases: list[Release], site_url: str | None) -> str:
    """The working tree's files: under their version if it is not recorded; if it is, nothing more when
    they are that release's bytes, else under unreleased/. The folder they are in."""
    folder, version = release_dir_name(package.descriptor), package.descriptor["version"]
    if releases and version_key(version) < version_key(releases[-1].version):
        raise BuildError("build.version-lower-than-released", f"datapackage.yaml: version {version} is lower than {releases[-1].version}, the last release in "
                         "releases.yaml. Fix: versions only go up; let make release set it.")
    if version not in {release.version for release in releases}:
        write_release(package, downloads / folder, site_url)
        return folder
    if same_as_release(package, downloads / folder, site_url):
        return folder
    marked = dict(package.descriptor, version=layout.unreleased_version(version))
    write_release(dataclasses.replace(package, descriptor=marked), downloads / layout.UNRELEASED, site_url)
    return layout.UNRELEASED


def same_as_release(package: DataPackage, release_dir: Path, site_url: str | None) -> bool:
    """Whether the working tree gives the release's bytes: the manifests hash every other file."""
    with scratch("candidate-") as temporary:
        candidate = Path(temporary) / "candidate"
        write_release(package, candidate, site_url)
        return (candidate / layout.MANIFEST).read_bytes() == (release_dir / layout.MANIFEST).read_bytes()
