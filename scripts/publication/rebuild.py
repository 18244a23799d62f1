"""Each recorded release's files, rebuilt from its own commit and cached (BuildContext.release_cache).

A published release never changes: its files must stay byte-identical to its first build, whatever
the code and data have become since. So they are made by the code and data of the release's commit:
its tree is extracted (git archive) into a temporary folder and, in a subprocess whose working
directory and PYTHONPATH are that folder, the tree's own door writes the release:

    python -m scripts.archive --root TREE --out OUT [--site-url URL]     (trees that have scripts/archive/)
    from scripts.package import load_package; from scripts.downloads import write_release;
    write_release(load_package(), Path(OUT))                              (1.0.0 and 2.0.0; SITE_URL in the environment)

Every future release must keep the first door working. The result is cached as
<version>-<commit>-<hash of the site's address, or none> (a release writes its address into its files),
so a build only pays for a release or an address it has not seen.
"""
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.context import SITE_URL_VARIABLE, BuildContext
from scripts.errors import BuildError
from scripts.git import extract, has_commit
from scripts.publication import registry
from scripts.publication.registry import Release

DOOR = "scripts/archive/__main__.py"  # a tree with this file is rebuilt through `python -m scripts.archive`
LEGACY_DOOR = ("import sys; from pathlib import Path; from scripts.package import load_package; "
               "from scripts.downloads import write_release; write_release(load_package(), Path(sys.argv[1]))")


def cache_name(release: Release, site_url: str | None) -> str:
    address = hashlib.sha256(site_url.encode("utf-8")).hexdigest()[:16] if site_url else "none"
    return f"{release.version}-{release.commit}-{address}"


def cached_release(context: BuildContext, release: Release) -> Path:
    """The folder holding the release's files, rebuilt from its commit if need be."""
    target = context.release_cache / cache_name(release, context.site_url)
    if not target.is_dir():
        rebuild(context, release, target)
    return target


def rebuild(context: BuildContext, release: Release, target: Path) -> None:
    if not has_commit(context.repository, release.commit):
        raise BuildError("build.release-commit-missing", f"{registry.FILE}: release {release.version} is commit {release.commit}, which this "
                         "clone does not have (a shallow clone?). Fix: fetch the full history (git fetch --unshallow; "
                         "in GitHub Actions, actions/checkout with fetch-depth: 0).")
    print(f"Rebuilding release {release.version} from commit {release.commit[:12]} into {target.name}")
    context.release_cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=context.release_cache, prefix=".incomplete-") as temporary:
        tree, out = Path(temporary) / "tree", Path(temporary) / "release"
        extract(context.repository, release.commit, tree)
        run_door(tree, out, release, context.site_url)
        try:
            out.rename(target)  # only a complete release ever appears in the cache
        except OSError:
            if not target.is_dir():
                raise
            # Another build sharing the cache finished the same rebuild first: same commit, same bytes; keep its.


def door_command(tree: Path, out: Path, site_url: str | None) -> list[str]:
    if (tree / DOOR).is_file():
        return [sys.executable, "-m", "scripts.archive", "--root", str(tree), "--out", str(out), "--site-url", site_url or ""]
    return [sys.executable, "-c", LEGACY_DOOR, str(out)]


def run_door(tree: Path, out: Path, release: Release, site_url: str | None) -> None:
    # The release's own scripts only; the legacy door reads the address from the environment.
    env = {key: value for key, value in os.environ.items() if key != SITE_URL_VARIABLE}
    env["PYTHONPATH"] = str(tree)
    if site_url:
        env[SITE_URL_VARIABLE] = site_url
    result = subprocess.run(door_command(tree, out, site_url), cwd=tree, env=env, capture_output=True, text=True)
    if result.returncode:
        said = (result.stderr.strip().splitlines() or ["no message"])[-1]
        raise BuildError("build.release-not-rebuilt", f"release {release.version} (commit {release.commit[:12]}) could not be rebuilt from its own "
                         f"code: {said}. Fix: its door ({DOOR}, or write_release for releases before it) must run "
                         "with today's requirements; restore what it needs.")
