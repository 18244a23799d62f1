"""Every place the package's version and release date are written, and setting them there.

The files are edited as text, one line each, so their comments and layout stay as people wrote them.
"""
from pathlib import Path

from scripts.lines import set_line


def version_lines(version: str, day: str) -> dict[str, list[tuple[str, str]]]:
    """File under the repository's root → (start of the line, the line to write there)."""
    return {
        "datapackage.yaml": [("version: ", f"version: {version}"), ("created: ", f'created: "{day}T00:00:00Z"')],
        "pyproject.toml": [("version = ", f'version = "{version}"')],
        "CITATION.cff": [("version: ", f"version: {version}"), ("date-released: ", f'date-released: "{day}"')],
        # The metadata Zenodo reads at the release's tag (a DOI per release): the same version and date.
        ".zenodo.json": [('  "version": ', f'  "version": "{version}",'), ('  "publication_date": ', f'  "publication_date": "{day}",')],
    }


def with_version(root: Path, version: str, day: str) -> dict[Path, str]:
    """The new text of every file under root that states the version, computed before anything is written."""
    texts = {}
    for name, lines in version_lines(version, day).items():
        path = root / name
        text = path.read_text(encoding="utf-8")
        for start, line in lines:
            text = set_line(text, start, line, path.name)
        texts[path] = text
    return texts
