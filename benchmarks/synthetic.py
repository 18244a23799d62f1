"""Synthetic Data Packages of N documents: the real plan plus N-1 copies under new IDs.

Usage: python -m benchmarks.synthetic N TARGET_DIR
Copy k (k = 2..N) of cq-2024-14 becomes cq-2024-14-copy-0k: every ID in the per-document tables
(documents, paragraphs, measures, targets, responsibilities, target links, progress) that is the
document ID or starts with it gets the new prefix. Agencies, terms and progress sources are shared
across documents, so they keep one set. The source text is shared too (the quotes are the same), so the validator passes as is.
The target folder holds every input of a build (scripts/context.py) but releases.yaml.
"""
import sys
from pathlib import Path

from scripts.context import CODE, INPUTS, copy_inputs
from scripts.package import read_table, write_table

PER_DOCUMENT = ["documents", "paragraphs", "measures", "targets", "responsibilities", "target_links", "progress"]


def copy_id(document_id: str, copy: int) -> str:
    return f"{document_id}-copy-{copy:02d}"


def _renamed(value: str, old: str, new: str) -> str:
    return new + value[len(old):] if value == old or value.startswith(old + "-") else value


def _copy_rows(name: str, rows: list[dict], old: str, copy: int) -> list[dict]:
    new = copy_id(old, copy)
    copies = [{field: _renamed(value, old, new) if field.endswith("_id") else value for field, value in row.items()}
              for row in rows]
    if name == "documents":  # tell the copies apart in titles (the English title is ours, not verbatim)
        for row in copies:
            row["title_en"] += f" (synthetic copy {copy:02d})"
    return copies


def make_package(documents: int, target: Path, source: Path = CODE) -> Path:
    """Write the inputs of a package of `documents` documents into target (created, must not exist): the
    package, docs and the files that travel with it, but no recorded release (a synthetic one has none)."""
    target.mkdir(parents=True)  # must not exist: a stale package cannot survive
    copy_inputs(target, source, [name for name in INPUTS if name != "releases.yaml"])
    (original,) = (row["document_id"] for row in read_table(source / "data" / "documents.csv")[1])
    for name in PER_DOCUMENT:
        path = target / "data" / f"{name}.csv"
        fields, rows = read_table(path)
        copies = [_copy_rows(name, rows, original, k) for k in range(2, documents + 1)]
        write_table(path, fields, rows + [row for block in copies for row in block])
    return target


if __name__ == "__main__":
    make_package(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"Wrote {sys.argv[2]} with {sys.argv[1]} document(s)")
