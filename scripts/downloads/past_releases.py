"""Each recorded release's files, rebuilt from its own commit and cached in build/releases/.

A published release never changes: its files must stay byte-identical to its first build, whatever
the code and data have become since. So they are made by the code and data of the release's commit:
its tree is extracted (git archive) into a temporary folder and, in a subprocess whose working
directory and PYTHONPATH are that folder, with the same SITE_URL, this runs:

    from scripts.package import load_package; from scripts.downloads import write_release
    write_release(load_package(), Path(out))

That call works at 2286bce (release 1.0.0) and every future release must keep it working: it is the
one door through which old releases are rebuilt. The result is cached as
<version>-<commit>-<hash of SITE_URL, or none> (a release writes its address into its files), so a
build only pays for a release or an address it has not seen.
"""
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts import paths
from scripts.errors import BuildError
from scripts.git import extract, has_commit
from scripts.releases import Release
from scripts.site_url import site_url

REBUILD = ("import sys; from pathlib import Path; from scripts.package import load_package; "
           "from scripts.downloads import write_release; write_release(load_package(), Path(sys.argv[1]))")


def cache_name(release: Release) -> str:
    base = site_url()
    address = hashlib.sha256(base.encode("utf-8")).hexdigest()[:16] if base else "none"
    return f"{release.version}-{release.commit}-{address}"


def cached_release(root: Path, release: Release) -> Path:
    """The folder holding the release's files, rebuilt from its commit in the repository at root if need be."""
    target = paths.RELEASE_CACHE / cache_name(release)
    if not target.is_dir():
        rebuild(root, release, target)
    return target


def rebuild(root: Path, release: Release, target: Path) -> None:
    if not has_commit(root, release.commit):
        raise BuildError(f"{paths.RELEASES.name}: release {release.version} is commit {release.commit}, which this "
                         "clone does not have (a shallow clone?). Fix: fetch the full history (git fetch --unshallow; "
                         "in GitHub Actions, actions/checkout with fetch-depth: 0).")
    print(f"Rebuilding release {release.version} from commit {release.commit[:12]} into {target.name}")
    paths.RELEASE_CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=paths.RELEASE_CACHE, prefix=".incomplete-") as temporary:
        tree, out = Path(temporary) / "tree", Path(temporary) / "release"
        extract(root, release.commit, tree)
        run_write_release(tree, out, release)
        out.rename(target)  # only a complete release ever appears in the cache


def run_write_release(tree: Path, out: Path, release: Release) -> None:
    env = dict(os.environ, PYTHONPATH=str(tree))  # the release's own scripts only; SITE_URL passes as it is
    result = subprocess.run([sys.executable, "-c", REBUILD, str(out)], cwd=tree, env=env, capture_output=True, text=True)
    if result.returncode:
        said = (result.stderr.strip().splitlines() or ["no message"])[-1]
        raise BuildError(f"release {release.version} (commit {release.commit[:12]}) could not be rebuilt from its own "
                         f"code: {said}. Fix: its write_release(load_package(), Path(out)) must run with today's "
                         "requirements; restore what it needs.")
