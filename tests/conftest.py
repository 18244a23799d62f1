"""Shared fixtures. A test that breaks data works on a copy, never on the repository's files."""
import shutil
from pathlib import Path

import pytest

from scripts import paths

PACKAGE_PARTS = ["datapackage.yaml", "data", "schemas"]


def copy_package(target: Path) -> Path:
    """The descriptor, CSVs, source text and schemas, copied into target."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PACKAGE_PARTS:
        source = paths.ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """Root of a throw-away copy of the real package, for tests that break it."""
    return copy_package(tmp_path / "package")
