"""Every git command the build and `make release` run, in one place; a failure is a one-line BuildError."""
import io
import subprocess
import tarfile
from pathlib import Path

from scripts.errors import BuildError


def git(root: Path, *args: str) -> bytes:
    result = subprocess.run(["git", *args], cwd=root, capture_output=True)
    if result.returncode:
        said = (result.stderr.decode(errors="replace").strip().splitlines() or ["no message"])[-1]
        raise BuildError("build.git-failed", f"git {' '.join(args)} failed in {root}: {said}. "
                         "Fix: run that git command there to see why (no repository, a shallow clone, a missing commit).")
    return result.stdout


def has_commit(root: Path, commit: str) -> bool:
    return subprocess.run(["git", "cat-file", "-e", f"{commit}^{{commit}}"], cwd=root, capture_output=True).returncode == 0


def is_clean(root: Path) -> bool:
    """No change to a tracked file and no new file git would see (ignored ones aside)."""
    return git(root, "status", "--porcelain", "--untracked-files=normal").strip() == b""


def extract(root: Path, commit: str, target: Path) -> None:
    """The files of a commit's tree into target, as `git archive` gives them (no .git, nothing untracked)."""
    with tarfile.open(fileobj=io.BytesIO(git(root, "archive", "--format=tar", commit))) as archive:
        archive.extractall(target, filter="data")


def commit_files(root: Path, message: str, files: list[Path]) -> str:
    """Commit these files with this message; the new commit's full hash."""
    git(root, "add", "--", *(str(file.relative_to(root)) for file in files))
    git(root, "commit", "--quiet", "--message", message)
    return git(root, "rev-parse", "HEAD").decode().strip()
