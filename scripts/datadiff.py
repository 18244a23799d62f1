"""What changed in data/ between two git revisions: rows added, removed and changed, per resource.

Usage: python -m scripts.datadiff REV_A [REV_B] [--format text|markdown] [--root DIR]
REV_B defaults to the working tree. Rows are matched by each resource's primary key (from its
schema at that revision) and changed rows are shown field by field, every value in full. A reviewer
also sees what a row alone does not show: each stored excerpt added under data/source/progress/, in
full; beside each new or changed progress figure, what its target counts (target_type and indicator),
so a figure recorded as the wrong kind stands out; and, marked for review, every change to a target's
indicator_variants_zh (the forms a quote may use for the indicator, which decide what the validator
accepts as the same thing counted). Files are read with `git show REV:path`, so it works from any
directory. Writes nothing; exit 0, or 2 if git fails.
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

LONG = 80  # characters: a longer value is shown on lines of its own, in full
EXCERPTS = "data/source/progress"  # the stored excerpt of every progress source
# Fields whose change a reviewer must weigh beyond the row itself: (resource, field) -> why.
REVIEW = {("targets", "indicator_variants_zh"): "the forms a quote may use for this target's indicator: each must "
          "name what the target counts, or a figure of something else passes as comparable"}


@dataclass
class TableDiff:
    resource: str
    file: str
    key: list[str]
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    changed: list[tuple[str, list[tuple[str, str, str]]]] = field(default_factory=list)  # key, [(field, old, new)]
    changed_rows: dict[str, dict] = field(default_factory=dict)  # key -> the changed row as it is now
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any([self.added, self.removed, self.changed, self.columns_added, self.columns_removed])


@dataclass
class Review:
    """What a reviewer needs beside the table diffs: excerpts added, removed or changed, and the targets as
    they are in the newer revision (what each figure is compared with)."""
    excerpts_added: list[tuple[str, str]] = field(default_factory=list)  # (path, full text)
    excerpts_removed: list[str] = field(default_factory=list)
    excerpts_changed: list[str] = field(default_factory=list)
    targets: dict[str, dict] = field(default_factory=dict)


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


def list_files(root: Path, rev: str | None, folder: str) -> list[str]:
    """The files under folder at a revision (None: the working tree), as paths from the root."""
    if rev is None:
        return sorted(p.relative_to(root).as_posix() for p in (root / folder).rglob("*") if p.is_file())
    result = subprocess.run(["git", "ls-tree", "-r", "--name-only", rev, "--", folder], cwd=root, capture_output=True, text=True)
    if result.returncode != 0:
        raise GitError(f"git does not know the revision {rev!r}.")
    return sorted(result.stdout.splitlines())


def review(root: Path, rev_a: str, rev_b: str | None, new_tables: dict) -> Review:
    """The excerpts added, removed and changed, and the newer revision's targets (from its loaded tables)."""
    old, new = list_files(root, rev_a, EXCERPTS), list_files(root, rev_b, EXCERPTS)
    changed = [path for path in new if path in old and read_at(root, rev_a, path) != read_at(root, rev_b, path)]
    targets = new_tables.get("targets", ("", [], []))[2]
    return Review(excerpts_added=[(path, read_at(root, rev_b, path) or "") for path in new if path not in old],
                  excerpts_removed=[path for path in old if path not in new], excerpts_changed=changed,
                  targets={row.get("target_id", ""): row for row in targets})


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
                result.changed_rows[k] = row
    return result


def diff_loaded(old: dict, new: dict) -> list[TableDiff]:
    """Every resource's diff, in the order the newer descriptor lists them (then removed resources)."""
    names = list(new) + [name for name in old if name not in new]
    diffs = []
    for name in names:
        file, key, _ = new.get(name) or old[name]
        diffs.append(diff_tables(name, file, key, old.get(name, ("", [], []))[2], new.get(name, ("", [], []))[2]))
    return diffs


# --- save: render as text or Markdown -------------------------------------------------------------

def first_difference(old: str, new: str) -> int:
    """The position (from 1) of the first character where two values differ."""
    return next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new))) + 1


def for_review(diff: TableDiff) -> list[tuple[str, str, str]]:
    """(row key, field, why) for every added or changed value of a field marked for review."""
    found = []
    for (resource, name), why in REVIEW.items():
        if diff.resource != resource:
            continue
        found += [(key_of(diff, row), name, why) for row in diff.added if row.get(name)]
        found += [(key, name, why) for key, changes in diff.changed for changed, _, _ in changes if changed == name]
    return found


def target_line(row: dict, targets: dict[str, dict]) -> str | None:
    """What a progress figure is set beside: its target's type and indicator, and the figure's own type."""
    target = targets.get(row.get("target_id", ""))
    if not target:
        return None
    return (f"its target {target['target_id']} counts: {target.get('target_type', '')} of "
            f"{target.get('indicator_zh', '')} ({target.get('comparator', '')} {target.get('value', '')} "
            f"{target.get('unit_zh', '')}{', ' + target['target_year'] if target.get('target_year') else ''}); "
            f"this figure is recorded as: {row.get('figure_type', '')} of {row.get('indicator_zh', '')}")


def key_of(diff: TableDiff, row: dict) -> str:
    return " | ".join(row.get(k, "") for k in diff.key) if diff.key else "(row)"


def counts(diff: TableDiff) -> str:
    return f"{len(diff.added)} added, {len(diff.removed)} removed, {len(diff.changed)} changed"


def text_change(name: str, old: str, new: str) -> list[str]:
    if max(len(old), len(new)) <= LONG:
        return [f"      {name}: {old or '(empty)'} → {new or '(empty)'}"]
    return [f"      {name} (first difference at character {first_difference(old, new)}):",
            f"        - {old or '(empty)'}", f"        + {new or '(empty)'}"]


def render_review_text(diffs: list[TableDiff], found: Review) -> list[str]:
    lines = []
    marked = [item for diff in diffs for item in for_review(diff)]
    if marked:
        lines.append("\nFOR REVIEW")
        lines += [f"  ! {key}, {name}: {why}" for key, name, why in marked]
    for path, text in found.excerpts_added:
        lines.append(f"\n{path} (new excerpt, in full)")
        lines += [f"  | {line}" for line in text.splitlines()]
    lines += [f"\n{path} (excerpt removed)" for path in found.excerpts_removed]
    lines += [f"\n{path} (excerpt changed: read it with git diff)" for path in found.excerpts_changed]
    return lines


def render_text(diffs: list[TableDiff], rev_a: str, rev_b: str | None, found: Review | None = None) -> str:
    found = found or Review()
    lines = [f"Data changes {rev_a} → {rev_b or 'working tree'}", *render_review_text(diffs, found)]
    for diff in (d for d in diffs if d):
        lines.append(f"\n{diff.file} ({counts(diff)}; key: {', '.join(diff.key) or 'whole row'})")
        lines += [f"  column added: {c}" for c in diff.columns_added]
        lines += [f"  column removed: {c}" for c in diff.columns_removed]
        for sign, rows in (("+", diff.added), ("-", diff.removed)):
            for row in rows:
                lines.append(f"  {sign} {key_of(diff, row)}")
                lines += [f"      {name}: {value}" for name, value in row.items() if value]
                if sign == "+" and diff.resource == "progress" and (beside := target_line(row, found.targets)):
                    lines.append(f"      → {beside}")
        for key, changes in diff.changed:
            lines.append(f"  ~ {key}")
            for name, old, new in changes:
                lines += text_change(name, old, new)
            if diff.resource == "progress" and (beside := target_line(diff.changed_rows[key], found.targets)):
                lines.append(f"      → {beside}")
    if len(lines) == 1:
        lines.append("No changes in the data.")
    return "\n".join(lines) + "\n"


MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|~<>!])")


def md(text: str) -> str:
    """Cell text made inert in a pull-request comment: no markup, no links, no HTML, no @mentions."""
    text = MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return text.replace("@", "@\u200b") or "*(empty)*"


def fenced(text: str) -> list[str]:
    """Text in a code block whose fence no run of backticks in it can close: shown as is, inert."""
    fence = "`" * max(3, max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    return [fence + "text", *text.splitlines(), fence]


def render_review_markdown(diffs: list[TableDiff], found: Review) -> list[str]:
    lines = []
    marked = [item for diff in diffs for item in for_review(diff)]
    if marked:
        lines += ["", "### For review", ""]
        lines += [f"- **{md(key)}**, `{name}`: {md(why)}" for key, name, why in marked]
    if found.excerpts_added or found.excerpts_removed or found.excerpts_changed:
        lines += ["", "### Stored excerpts", ""]
    for path, text in found.excerpts_added:
        lines += [f"**New: `{path}`** (in full)", "", *fenced(text), ""]
    lines += [f"- removed: `{path}`" for path in found.excerpts_removed]
    lines += [f"- changed: `{path}` (read it in the pull request's file diff)" for path in found.excerpts_changed]
    return lines


def render_markdown(diffs: list[TableDiff], rev_a: str, rev_b: str | None, found: Review | None = None) -> str:
    found = found or Review()
    lines = [f"## Data changes: `{rev_a}` → `{rev_b or 'working tree'}`", ""]
    changed = [d for d in diffs if d]
    if not changed and not found.excerpts_added and not found.excerpts_removed and not found.excerpts_changed:
        return "\n".join(lines + ["No changes in the data.", ""])
    lines += ["| file | added | removed | changed |", "| --- | ---: | ---: | ---: |"]
    lines += [f"| `{d.file}` | {len(d.added)} | {len(d.removed)} | {len(d.changed)} |" for d in changed]
    lines += render_review_markdown(diffs, found)
    for diff in changed:
        lines += ["", f"### `{diff.file}`", ""]
        lines += [f"- column added: `{c}`" for c in diff.columns_added]
        lines += [f"- column removed: `{c}`" for c in diff.columns_removed]
        for title, rows in (("Added", diff.added), ("Removed", diff.removed)):
            if rows:
                lines += [f"**{title}**", ""]
                for row in rows:
                    beside = target_line(row, found.targets) if title == "Added" and diff.resource == "progress" else None
                    lines.append(f"- **{md(key_of(diff, row))}**: " + "; ".join(f"{name}: {md(value)}"
                                                                         for name, value in row.items() if value)
                                 + (f"<br>→ *{md(beside)}*" if beside else ""))
                lines.append("")
        if diff.changed:
            lines += ["**Changed**", "", "| key | field | before | after |", "| --- | --- | --- | --- |"]
            for key, changes in diff.changed:
                for name, old, new in changes:
                    lines.append(f"| {md(key)} | `{name}` | {md(old)} | {md(new)} |")
                if diff.resource == "progress" and (beside := target_line(diff.changed_rows[key], found.targets)):
                    lines.append(f"| {md(key)} | → | *{md(beside)}* | |")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev_a", help="the older revision, e.g. origin/main")
    parser.add_argument("rev_b", nargs="?", default=None, help="the newer revision (default: the working tree)")
    parser.add_argument("--format", choices=["text", "markdown"], default="text")
    parser.add_argument("--root", type=Path, default=CODE, help="the repository (default: this one)")
    args = parser.parse_args(argv)
    try:
        root = args.root.resolve()
        old, new = load_tables(root, args.rev_a), load_tables(root, args.rev_b)
        diffs, found = diff_loaded(old, new), review(root, args.rev_a, args.rev_b, new)
    except (GitError, yaml.YAMLError, csv.Error, OSError) as error:
        print(f"datadiff: {error}", file=sys.stderr)
        return 2
    render = render_markdown if args.format == "markdown" else render_text
    sys.stdout.write(render(diffs, args.rev_a, args.rev_b, found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
