"""Every path the project uses, computed from this file's location (never the working directory)."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DESCRIPTOR = ROOT / "datapackage.yaml"
DATA_DIR = ROOT / "data"
DOCS_DIR = ROOT / "docs"
BUILD_DIR = ROOT / "build"
SITE_DIR = ROOT / "site"
MKDOCS_CONFIG = ROOT / "mkdocs.yml"
BENCH_DIR = BUILD_DIR / "bench"  # benchmarks/run.py: the real-data build and Lighthouse reports
TEST_ARTIFACTS = ROOT / "test-artifacts"  # tests/test_browser.py: screenshots kept for a person to look at
CHANGELOG = ROOT / "CHANGELOG.md"
CITATION = ROOT / "CITATION.cff"
PYPROJECT = ROOT / "pyproject.toml"
RELEASES = ROOT / "releases.yaml"  # which commit is each release (scripts/releases.py)
RELEASE_CACHE = BUILD_DIR / "releases"  # each past release's files, rebuilt once from its commit
