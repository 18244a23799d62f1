"""What changed in data/ between two git revisions: rows added, removed and changed, per resource.

Usage: python -m scripts.datadiff REV_A [REV_B] [--format text|markdown] [--root DIR]
REV_B defaults to the working tree. Rows are matched by each resource's primary key (from its
schema at that revision) and changed rows are shown field by field. Files are read with
`git show REV:path`, so it works from any directory. Writes nothing; exit 0, or 2 if git fails.
"""
import argparse
import csv
import io
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from scripts.context import CODE
from scripts.git import has_commit

CLIP = 120  # characters of a long value shown around its first difference


@dataclass
class TableDiff:
    resource: str
    file: str
    key: list[str]
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    changed: list[tuple[str, list[tuple[str, str, str]]]] = field(default_factory=list)  # key, [(field, old, new)]
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any([self.added, self.removed, self.changed, self.columns_added, self.columns_removed])


# --- load: one revision's tables ------------------------------------------------------------------

class GitError(Exception):
    pass


def read_at(root: Path, rev: str | None, path: str) -> str | None:
    """A file's text at a revision (None: the working tree), or None where it does not exist."""
    if rev is None:
        file = root / path
        return file.read_text(encoding="utf-8") if file.is_file() else None
    result = subprocess.run(["git", "show", f"{rev}:./{path}"], cwd=root, capture_output=True)
    if result.returncode != 0:
        if not has_commit(root, rev):
            raise GitError(f"git does not know the revision {rev!r}.")
        return None
    return result.stdout.decode("utf-8", errors="replace")


def load_tables(root: Path, rev: str | None) -> dict[str, tuple[str, list[str], list[dict]]]:
    """resource name -> (CSV path, primary key, rows as dicts of strings) at a revision."""
    text = read_at(root, rev, "datapackage.yaml")
    descriptor = yaml.safe_load(text) if text else {"resources": []}
    tables = {}
    for resource in descriptor.get("resources", []):
        schema_text = read_at(root, rev, resource["schema"]) if isinstance(resource.get("schema"), str) else None
        key = (yaml.safe_load(schema_text) or {}).get("primaryKey", []) if schema_text else []
        csv_text = read_at(root, rev, resource["path"])
        rows = list(csv.DictReader(io.StringIO(csv_text))) if csv_text else []
        tables[resource["name"]] = (resource["path"], [key] if isinstance(key, str) else list(key), rows)
    return tables


# --- process: diff two loaded tables --------------------------------------------------------------

def diff_tables(resource: str, file: str, key: list[str], old: list[dict], new: list[dict]) -> TableDiff:
    """Rows of new against old, matched by key (the whole row where the key is unusable)."""
    old_columns = list(old[0]) if old else []
    new_columns = list(new[0]) if new else []
    usable = bool(key) and all(k in columns for columns in (old_columns, new_columns) if columns for k in key)
    identity = key if usable else sorted(set(old_columns) | set(new_columns))
    before, after = ({" | ".join(r.get(k) or "" for k in identity): r for r in rows} for rows in (old, new))
    result = TableDiff(resource, file, key if usable else [],
                       columns_added=[c for c in new_columns if c not in old_columns and old],
                       columns_removed=[c for c in old_columns if c not in new_columns and new])
    result.added = [row for k, row in after.items() if k not in before]
    result.removed = [row for k, row in before.items() if k not in after]
    shared = [c for c in new_columns if c in old_columns]
    for k, row in after.items():
        if k in before:
            changes = [(c, before[k][c] or "", row[c] or "") for c in shared if (before[k][c] or "") != (row[c] or "")]
            if changes:
                result.changed.append((k, changes))
    return result


def diff_revisions(root: Path, rev_a: str, rev_b: str | None) -> list[TableDiff]:
    """Every resource's diff, in the order the newer descriptor lists them (then removed resources)."""
    old, new = load_tables(root, rev_a), load_tables(root, rev_b)
    names = list(new) + [name for name in old if name not in new]
    diffs = []
    for name in names:
        file, key, _ = new.get(name) or old[name]
        diffs.append(diff_tables(name, file, key, old.get(name, ("", [], []))[2], new.get(name, ("", [], []))[2]))
    return diffs


# --- save: render as text or Markdown -------------------------------------------------------------

def clip(old: str, new: str) -> tuple[str, str]:
    """Both values, cut to a window around their first difference when they are long."""
    if max(len(old), len(new)) <= CLIP:
        return old, new
    start = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    start = max(0, start - CLIP // 3)

    def window(text: str) -> str:
        return ("…" if start else "") + text[start:start + CLIP] + ("…" if start + CLIP < len(text) else "")
    return window(old), window(new)


def key_of(diff: TableDiff, row: dict) -> str:
    return " | ".join(row.get(k, "") for k in diff.key) if diff.key else "(row)"


def counts(diff: TableDiff) -> str:
    return f"{len(diff.added)} added, {len(diff.removed)} removed, {len(diff.changed)} changed"


def render_text(diffs: list[TableDiff], rev_a: str, rev_b: str | None) -> str:
    lines = [f"Data changes {rev_a} → {rev_b or 'working tree'}"]
    for diff in (d for d in diffs if d):
        lines.append(f"\n{diff.file} ({counts(diff)}; key: {', '.join(diff.key) or 'whole row'})")
        lines += [f"  column added: {c}" for c in diff.columns_added]
        lines += [f"  column removed: {c}" for c in diff.columns_removed]
        for sign, rows in (("+", diff.added), ("-", diff.removed)):
            for row in rows:
                lines.append(f"  {sign} {key_of(diff, row)}")
                lines += [f"      {name}: {clip(value, '')[0]}" for name, value in row.items() if value]
        for key, changes in diff.changed:
            lines.append(f"  ~ {key}")
            for name, old, new in changes:
                old, new = clip(old, new)
                lines.append(f"      {name}: {old or '(empty)'} → {new or '(empty)'}")
    if len(lines) == 1:
        lines.append("No changes in the data.")
    return "\n".join(lines) + "\n"


MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|~<>!])")


def md(text: str) -> str:
    """Cell text made inert in a pull-request comment: no markup, no links, no HTML, no @mentions."""
    text = MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return text.replace("@", "@\u200b") or "*(empty)*"


def render_markdown(diffs: list[TableDiff], rev_a: str, rev_b: str | None) -> str:
    lines = [f"## Data changes: `{rev_a}` → `{rev_b or 'working tree'}`", ""]
    changed = [d for d in diffs if d]
    if not changed:
        return "\n".join(lines + ["No changes in the data.", ""])
    lines += ["| file | added | removed | changed |", "| --- | ---: | ---: | ---: |"]
    lines += [f"| `{d.file}` | {len(d.added)} | {len(d.removed)} | {len(d.changed)} |" for d in changed]
    for diff in changed:
        lines += ["", f"### `{diff.file}`", ""]
        lines += [f"- column added: `{c}`" for c in diff.columns_added]
        lines += [f"- column removed: `{c}`" for c in diff.columns_removed]
        for title, rows in (("Added", diff.added), ("Removed", diff.removed)):
            if rows:
                lines += [f"**{title}**", ""]
                lines += [f"- **{md(key_of(diff, row))}**: " + "; ".join(f"{name}: {md(clip(value, '')[0])}"
                                                                      for name, value in row.items() if value)
                          for row in rows]
                lines.append("")
        if diff.changed:
            lines += ["**Changed**", "", "| key | field | before | after |", "| --- | --- | --- | --- |"]
            for key, changes in diff.changed:
                for name, old, new in changes:
                    old, new = clip(old, new)
                    lines.append(f"| {md(key)} | `{name}` | {md(old)} | {md(new)} |")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev_a", help="the older revision, e.g. origin/main")
    parser.add_argument("rev_b", nargs="?", default=None, help="the newer revision (default: the working tree)")
    parser.add_argument("--format", choices=["text", "markdown"], default="text")
    parser.add_argument("--root", type=Path, default=CODE, help="the repository (default: this one)")
    args = parser.parse_args(argv)
    try:
        diffs = diff_revisions(args.root.resolve(), args.rev_a, args.rev_b)
    except (GitError, yaml.YAMLError, csv.Error, OSError) as error:
        print(f"datadiff: {error}", file=sys.stderr)
        return 2
    render = render_markdown if args.format == "markdown" else render_text
    sys.stdout.write(render(diffs, args.rev_a, args.rev_b))
    return 0


if __name__ == "__main__":
    sys.exit(main())
