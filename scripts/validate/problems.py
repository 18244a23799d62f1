"""A data problem, said the way a maintainer can act on it: where, what, and how to fix it."""
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str  # path relative to the package root, e.g. data/targets.csv
    row: int | None  # line in the file (the header is line 1); None for whole-file problems
    field: str | None
    message: str
    fix: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.field:
            where += f", field {self.field}"
        return f"{where}: {self.message} Fix: {self.fix}"
