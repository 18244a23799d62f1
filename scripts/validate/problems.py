"""A data problem, said the way a maintainer can act on it: where, which rule (its code), what, and how to fix it."""
from dataclasses import dataclass

from scripts.problems.codes import known


@dataclass(frozen=True, order=True)
class Problem:
    code: str  # the rule broken, listed in codes.yaml, e.g. progress.quote-not-in-excerpt
    file: str  # path relative to the package root, e.g. data/targets.csv
    row: int | None  # line in the file (the header is line 1); None for whole-file problems
    field: str | None
    message: str
    fix: str

    def __post_init__(self) -> None:
        known(self.code)  # a typo in our code fails every test that reaches it, never silently

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.field:
            where += f", field {self.field}"
        return f"{where}: [{self.code}] {self.message} Fix: {self.fix}"
