"""Validate the Data Package: encoding, Frictionless (types, constraints, keys), then the domain checks.

Usage: python -m scripts.validate [--root DIR] | --codes [en|zh]
Prints one problem per line (file, row, field, [code], what is wrong, how to fix it) and exits 1,
or prints a summary of what was checked and exits 0. Writes nothing. --codes lists every code and exits.
"""
import argparse
import sys
from pathlib import Path

import yaml

from scripts.context import CODE
from scripts.package import LANGUAGES, DataPackage, load_package, read_descriptor
from scripts.validate import checks
from scripts.problems.catalogue import listing
from scripts.validate.cells import check_cells, check_written_forms
from scripts.validate.encoding import check_encoding
from scripts.validate.frictionless_report import check_frictionless
from scripts.validate.problems import Problem


def validate(root: Path) -> tuple[list[Problem], DataPackage | None]:
    """All problems found, and the package when it could be loaded (for the summary)."""
    try:
        read = read_descriptor(root)  # the descriptor and its schemas, parsed once for every step below
    except (OSError, yaml.YAMLError) as error:
        said = " ".join(str(error).split())  # YAML's message spans lines; a problem is one
        return [Problem("package.descriptor-unreadable", "datapackage.yaml", None, None,
                        f"it or a schema it names cannot be read: {said}.", "restore a valid descriptor and schemas.")], None
    descriptor = read[0]
    problems = list(check_encoding(root, descriptor))
    if problems:
        return problems, None
    problems, structural = check_frictionless(root, descriptor)
    if structural:
        return problems, None
    package = load_package(root, read)
    problems += list(check_cells(package))
    flagged = {(p.file, p.row, p.field) for p in problems}  # Frictionless may already have said it
    problems += [p for p in check_written_forms(package) if (p.file, p.row, p.field) not in flagged]
    for check in checks.ALL_CHECKS:
        problems += list(check(package))
    return problems, package


def summary(package: DataPackage) -> str:
    rows = ", ".join(f"{name} {len(records)}" for name, records in package.records.items())
    names = ", ".join(check.__name__.replace("_", " ") for check in checks.ALL_CHECKS)
    return (f"OK: {len(package.records)} resources valid (rows: {rows}).\n"
            f"Checked: UTF-8 encoding and line endings, Frictionless types, constraints, primary and foreign keys, cell contents, "
            f"and the domain checks: {names}.")


def report(problems: list[Problem], consequence: str) -> None:
    """Every problem on a line of its own, by file and row, then how many and what that means."""
    for problem in sorted(set(problems), key=lambda p: (p.file, p.row or 0, p.field or "", p.code, p.message)):
        print(problem, file=sys.stderr)
    print(f"{len(problems)} problem(s) found; {consequence}.", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=CODE, help="folder holding datapackage.yaml")
    parser.add_argument("--codes", nargs="?", const="en", choices=LANGUAGES,
                        help="list every problem code and what it checks (in en or zh), and exit")
    args = parser.parse_args(argv)
    if args.codes:
        print(listing(args.codes))
        return 0
    problems, package = validate(args.root.resolve())
    try:
        if problems:
            report(problems, "nothing was built")
            return 1
        print(summary(package))
        return 0
    except BrokenPipeError:  # output piped into head: stop quietly, keep the exit code
        sys.stderr = None
        return 1 if problems else 0
