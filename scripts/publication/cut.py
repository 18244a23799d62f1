"""Cut a release: `make release VERSION=X.Y.Z`, that is `python -m scripts.publication.cut X.Y.Z`.

Refuses, in one line with exit 1, a version that is malformed or not higher than the descriptor's and
every recorded one, a changelog (CHANGELOG.md or CHANGELOG.zh.md) without its `## X.Y.Z` section,
uncommitted changes, or data that do not validate. Then writes the version and today's date wherever they are stated
(scripts/publication/version_files.py), commits "Release X.Y.Z", appends that commit to releases.yaml and commits
"Record release X.Y.Z". From then on every build publishes downloads/vX.Y.Z/ from that commit.
"""
import sys
from datetime import datetime, timezone
from pathlib import Path

from scripts.context import CODE
from scripts.errors import BuildError
from scripts.git import commit_files, is_clean
from scripts.package import VERSION, read_yaml
from scripts.publication import changelog, registry
from scripts.publication.registry import Release, append_release, read_releases, version_key
from scripts.publication.version_files import with_version

DESCRIPTOR = "datapackage.yaml"


def not_higher(root: Path, version: str) -> BuildError | None:
    """Why the version is not above every version already given out, or None."""
    given = [(read_yaml(root / DESCRIPTOR)["version"], DESCRIPTOR)]
    given += [(release.version, registry.FILE) for release in read_releases(root)]
    highest, where = max(given, key=lambda pair: version_key(str(pair[0])))
    if version_key(version) <= version_key(str(highest)):
        return BuildError("release.version-not-higher", f"{version} is not higher than {highest} ({where}): a version is "
                          "given out once. Fix: choose a higher one.")
    return None


def refusal(root: Path, version: str) -> BuildError | None:
    """The first reason not to release this version now, or None."""
    from scripts.validate import validate  # imported late: the cheap checks answer first

    if not VERSION.fullmatch(version):
        return BuildError("release.version-malformed", f"{version!r} is not a version MAJOR.MINOR.PATCH. "
                          "Fix: run make release VERSION=1.0.1, for example.")
    if reason := not_higher(root, version):
        return reason
    if files := changelog.lacking(changelog.read_changelogs(root), version):
        return BuildError("release.changelog-section-missing", f"{changelog.no_section(files, version)}. Fix: say what "
                          "changed for users, in English and in Chinese (rename '## Unreleased' to it in both files), "
                          "commit, and run this again.")
    if not is_clean(root):
        return BuildError("release.uncommitted-changes", "the working tree has uncommitted changes (git status). Fix: "
                          "commit or stash them, so the release is exactly a commit.")
    if validate(root)[0]:
        return BuildError("release.data-invalid", "the data do not validate. Fix: run make validate, fix what it "
                          "reports, commit, and run this again.")
    return None


def release(root: Path, version: str) -> str:
    """Write the version everywhere, commit, record the commit; the release's commit hash."""
    day = datetime.now(timezone.utc).date().isoformat()
    texts = with_version(root, version, day)  # every file's new text first: nothing is written if one cannot be
    for path, text in texts.items():
        path.write_text(text, encoding="utf-8")
    commit = commit_files(root, f"Release {version}", list(texts))
    recorded = append_release(root, Release(version, day, commit))
    commit_files(root, f"Record release {version}", [recorded])
    return commit


def main(argv: list[str], root: Path = CODE) -> int:
    version = argv[0] if len(argv) == 1 else ""
    try:
        if reason := refusal(root, version):
            print(f"Release refused: {reason}", file=sys.stderr)
            return 1
        commit = release(root, version)
    except BuildError as error:
        print(f"Release stopped: {error}", file=sys.stderr)
        return 1
    print(f"Released {version} as commit {commit}, recorded in {registry.FILE}. "
          "Push it: every build now publishes downloads/v" + version + "/ from that commit.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
