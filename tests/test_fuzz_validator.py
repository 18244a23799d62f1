"""Fuzz the validator: mutate the real CSVs in a throw-away copy, one kind of slip per test.

Every mutation must end in exit 1, with a message naming the mutated file and a row, no traceback,
and nothing written; where the slip has one rule, the message carries its code. Profiles: "dev" (random, the default), "ci" (derandomized, chosen when the CI
environment variable is set, as on GitHub Actions), "thorough" (many more examples, for a deep run:
HYPOTHESIS_PROFILE=thorough make test-fast).
"""
import contextlib
import csv
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from conftest import REPO, copy_package, fingerprint
from scripts.package import SAFE_ID_PATTERN
from scripts.scratch import scratch
from scripts.termforms import occurs
from scripts.validate import main

settings.register_profile("dev", max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", settings.get_profile("dev"), derandomize=True, database=None)
settings.register_profile("thorough", settings.get_profile("dev"), max_examples=300)
FUZZ = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))

DESCRIPTOR = yaml.safe_load((REPO / "datapackage.yaml").read_text(encoding="utf-8"))
SCHEMAS = {r["name"]: yaml.safe_load((REPO / r["schema"]).read_text(encoding="utf-8"))
           for r in DESCRIPTOR["resources"]}
FILES = {r["name"]: r["path"] for r in DESCRIPTOR["resources"]}
# Every text a verbatim field is matched in: the plan's sources and the progress sources' excerpts. An
# edit that leaves a quote inside them (a progress quote cut by its first character) is still verbatim.
SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in sorted(((REPO / "data") / "source").rglob("*.txt")))


def read_lines(root: Path, resource: str) -> list[str]:
    """The file's records, one per line (the package keeps each record on one line)."""
    return (root / FILES[resource]).read_text(encoding="utf-8").splitlines()


REAL = {name: [next(csv.reader([line])) for line in read_lines(REPO, name)] for name in FILES}
HEADERS = {name: rows[0] for name, rows in REAL.items()}


def fields_where(condition) -> list[tuple[str, str]]:
    """(resource, field) for every schema field meeting condition(field)."""
    return [(name, f["name"]) for name, schema in SCHEMAS.items() for f in schema["fields"] if condition(f)]


def filled_cells(pairs: list[tuple[str, str]]) -> list[tuple[str, int, str]]:
    """(resource, line, field) of every non-empty real cell in those columns (line 1 = header)."""
    return [(name, line, field) for name, field in pairs
            for line, row in enumerate(REAL[name][1:], 2) if row[HEADERS[name].index(field)]]


ROWS = [(name, line) for name in FILES for line in range(2, len(REAL[name]) + 1)]
ALL_CELLS = [(name, line, field) for name, line in ROWS for field in HEADERS[name]]
TYPED = {kind: fields_where(lambda f, kind=kind: f.get("type") == kind) for kind in ("number", "integer", "date")}
VERBATIM_CELLS = filled_cells(fields_where(lambda f: f.get("verbatim")))
ID_CELLS = filled_cells(fields_where(lambda f: f["name"].endswith("_id")))
FOREIGN_KEYS = [(name, fk["fields"][0], fk["reference"]["resource"], fk["reference"]["fields"][0])
                for name, schema in SCHEMAS.items() for fk in schema.get("foreignKeys", [])]
FK_CELLS = [(name, line, field, ref, ref_field) for name, field, ref, ref_field in FOREIGN_KEYS
            for _, line, _ in filled_cells([(name, field)])]


def format_row(cells: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(cells)
    return out.getvalue()


def write_lines(root: Path, resource: str, lines: list[str]) -> None:
    (root / FILES[resource]).write_text("\n".join(lines) + "\n", encoding="utf-8")


def set_cell(root: Path, resource: str, line: int, field: str, value: str) -> None:
    lines = read_lines(root, resource)
    cells = next(csv.reader([lines[line - 1]]))
    cells[HEADERS[resource].index(field)] = value
    lines[line - 1] = format_row(cells)
    write_lines(root, resource, lines)


@contextlib.contextmanager
def package_copy():
    with scratch("fuzz-") as folder:  # in memory: a copy is made for every case
        yield copy_package(Path(folder) / "package")


def assert_rejected(root: Path, resource: str) -> str:
    """Validate root in-process: exit 1, the mutated file named with a row, and nothing written."""
    before = fingerprint(root)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(root)])
    report = err.getvalue()
    assert code == 1, f"the mutation passed validation: {out.getvalue()}"
    assert re.search(rf"^{re.escape(FILES[resource])}, row \d+", report, re.MULTILINE), report
    assert "Traceback" not in report
    assert fingerprint(root) == before, "validation wrote or changed files"
    return report


def mutate_and_check(resource: str, mutate) -> str:
    with package_copy() as root:
        mutate(root)
        return assert_rejected(root, resource)


# --- the mutations -------------------------------------------------------------------------------

@FUZZ
@given(resource=st.sampled_from(sorted(FILES)),
       codec=st.sampled_from(["gbk", "gb18030", "big5", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"]))
def test_other_encodings(resource, codec):
    text = (REPO / FILES[resource]).read_text(encoding="utf-8")
    try:
        encoded = text.encode(codec)
    except UnicodeEncodeError:  # big5 lacks characters the plan uses: a user could not save that either
        assume(False)
    assume(encoded != text.encode("utf-8"))  # an ASCII-only file is the same in GBK
    report = mutate_and_check(resource, lambda root: (root / FILES[resource]).write_bytes(encoded))
    assert ("[encoding.byte-order-mark]" if codec == "utf-8-sig" else "[encoding.not-utf8]") in report


@FUZZ
@given(row=st.sampled_from(ROWS), data=st.data())
def test_truncated_rows(row, data):
    resource, line = row
    cut = data.draw(st.integers(1, len(HEADERS[resource]) - 1), label="cells cut from the end")

    def mutate(root):
        lines = read_lines(root, resource)
        lines[line - 1] = format_row(next(csv.reader([lines[line - 1]]))[:-cut])
        write_lines(root, resource, lines)
    assert "[table.missing-cell]" in mutate_and_check(resource, mutate)


@FUZZ
@given(row=st.sampled_from(ROWS),
       extra=st.lists(st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), max_size=8),
                      min_size=1, max_size=3))
def test_extra_cells(row, extra):
    resource, line = row

    def mutate(root):
        lines = read_lines(root, resource)
        lines[line - 1] = format_row(next(csv.reader([lines[line - 1]])) + extra)
        write_lines(root, resource, lines)
    assert "[table.extra-cell]" in mutate_and_check(resource, mutate)


@FUZZ
@given(resource=st.sampled_from(sorted(FILES)), data=st.data())
def test_swapped_columns(resource, data):
    """Two whole columns (header and cells) trade places, as a drag in a spreadsheet does."""
    width = len(HEADERS[resource])
    first, second = data.draw(st.lists(st.integers(0, width - 1), min_size=2, max_size=2, unique=True))

    def mutate(root):
        lines = []
        for cells in (next(csv.reader([line])) for line in read_lines(root, resource)):
            cells[first], cells[second] = cells[second], cells[first]
            lines.append(format_row(cells))
        write_lines(root, resource, lines)
    report = mutate_and_check(resource, mutate)
    assert re.search(rf"^{re.escape(FILES[resource])}, row 1, field \w+: \[table\.wrong-column-name\]", report, re.MULTILINE), report


@FUZZ
@given(cell=st.sampled_from(FK_CELLS), new_id=st.from_regex(SAFE_ID_PATTERN, fullmatch=True))
def test_dangling_foreign_keys(cell, new_id):
    resource, line, field, reference, reference_field = cell
    column = HEADERS[reference].index(reference_field)
    assume(new_id not in {row[column] for row in REAL[reference][1:]})
    report = mutate_and_check(resource, lambda root: set_cell(root, resource, line, field, new_id))
    assert f"{FILES[resource]}, row {line}, field {field}: [key.dangling-reference]" in report


@FUZZ
@given(resource=st.sampled_from(sorted(FILES)), data=st.data())
def test_duplicate_keys(resource, data):
    """Row j takes row i's primary key; j past the end appends a copy of row i."""
    count = len(REAL[resource]) - 1
    i = data.draw(st.integers(2, count + 1), label="line copied")
    j = data.draw(st.integers(2, count + 2).filter(lambda j: j != i), label="line overwritten")
    key = SCHEMAS[resource]["primaryKey"]

    def mutate(root):
        lines = read_lines(root, resource)
        original = next(csv.reader([lines[i - 1]]))
        if j == count + 2:
            lines.append(lines[i - 1])
        else:
            cells = next(csv.reader([lines[j - 1]]))
            for field in key:
                cells[HEADERS[resource].index(field)] = original[HEADERS[resource].index(field)]
            lines[j - 1] = format_row(cells)
        write_lines(root, resource, lines)
    mutate_and_check(resource, mutate)


BAD_NUMBERS = ["8.6万", "86,000", "5 000", "５０００", "٥٠", "1e3", "1_000", "+5", " 5", "5 ", "inf", "NaN", "-",
               "5035.", ".5", "0x10", "五千", "约5000", "5000家", "-5", "12%", "1.2.3"]
BAD_DATES = ["2024-02-30", "2024/02/19", "2024.02.19", "19-02-2024", "2024-2-19", "2024年2月19日", "20240219",
             "２０２４-02-19", "2024-02-19T00:00", "2024-13-01", " 2024-02-19", "2024-02", "2024-W07-1", "2024-02-19 "]


@FUZZ
@given(column=st.sampled_from(TYPED["number"] + TYPED["integer"]), data=st.data(),
       value=st.one_of(st.sampled_from(BAD_NUMBERS), st.from_regex(r"[0-9]{1,5}(\.[0-9])?[万亿家个%x ]", fullmatch=True)))
def test_bad_numbers(column, data, value):
    resource, field = column
    line = data.draw(st.integers(2, len(REAL[resource])), label="line")
    report = mutate_and_check(resource, lambda root: set_cell(root, resource, line, field, value))
    assert f"{FILES[resource]}, row {line}, field {field}:" in report


@FUZZ
@given(column=st.sampled_from(TYPED["date"]), data=st.data(),
       value=st.one_of(st.sampled_from(BAD_DATES),
                       st.dates().map(lambda d: d.strftime("%d/%m/%Y")), st.dates().map(lambda d: d.strftime("%Y%m%d"))))
def test_bad_dates(column, data, value):
    resource, field = column
    line = data.draw(st.integers(2, len(REAL[resource])), label="line")
    report = mutate_and_check(resource, lambda root: set_cell(root, resource, line, field, value))
    assert re.search(rf"^{re.escape(FILES[resource])}, row {line}, field {field}: \[cell\.(wrong-type|not-plain)\]",
                     report, re.MULTILINE), report


CHINESE = st.one_of(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
                    st.sampled_from(list("，。、；：“”‘’（）《》〔〕()\",;:的和与及等万亿")))


@FUZZ
@given(cell=st.sampled_from(VERBATIM_CELLS), data=st.data(), char=CHINESE,
       edit=st.sampled_from(["replace", "insert", "delete"]))
def test_quotes_altered_by_one_character(cell, data, char, edit):
    resource, line, field = cell
    value = REAL[resource][line - 1][HEADERS[resource].index(field)]
    at = data.draw(st.integers(0, len(value) - (0 if edit == "insert" else 1)), label="position")
    altered = value[:at] + (char if edit != "delete" else "") + value[at + (0 if edit == "insert" else 1):]
    assume(altered and not occurs(altered, SOURCE))  # a form with a gap (发挥…作用) is found by its pieces
    report = mutate_and_check(resource, lambda root: set_cell(root, resource, line, field, altered))
    assert f"{FILES[resource]}, row " in report


CONTROL = st.one_of(st.characters(min_codepoint=0, max_codepoint=31), st.characters(min_codepoint=127, max_codepoint=159),
                    st.sampled_from(["\u2028", "\u2029", "\u200b", "\u200e", "\u202e", "\u2066", "\ufeff", "\u00ad"]))


@FUZZ
@given(cell=st.sampled_from(ALL_CELLS), char=CONTROL, data=st.data())
def test_control_characters(cell, char, data):
    resource, line, field = cell
    value = REAL[resource][line - 1][HEADERS[resource].index(field)]
    at = data.draw(st.integers(0, len(value)), label="position")
    mutate_and_check(resource, lambda root: set_cell(root, resource, line, field, value[:at] + char + value[at:]))


@FUZZ
@example(cell=("documents", 2, "source_file"), length=4001, unit="x")  # crashed: file name too long
@given(cell=st.sampled_from(ALL_CELLS), length=st.integers(4001, 300_000),
       unit=st.sampled_from(["x", "1", "重庆", "a,b", '"', "cq-2024-14-"]))
def test_very_long_cells(cell, length, unit):
    resource, line, field = cell
    value = (unit * length)[:length]
    report = mutate_and_check(resource, lambda root: set_cell(root, resource, line, field, value))
    assert f"{FILES[resource]}, row {line}, field {field}:" in report


PATH_LIKE = st.one_of(
    st.sampled_from(["../x", "a/b", "..", ".", "/etc/passwd", "a\\b", "./a", "a..b", "a/../b", "%2e%2e", "a b",
                     "CQ-2024", "a-", "-a", "a.", "~", "a:b", "a?b", "a#b", "重庆"]),
    st.builds(lambda a, sep, b: f"{a}{sep}{b}", st.from_regex(SAFE_ID_PATTERN, fullmatch=True),
              st.sampled_from(["/", "\\", "/../", "..", " ", "%2f"]), st.from_regex(SAFE_ID_PATTERN, fullmatch=True)))


@FUZZ
@given(cell=st.sampled_from(ID_CELLS), value=PATH_LIKE)
def test_path_like_ids(cell, value):
    resource, line, field = cell
    report = mutate_and_check(resource, lambda root: set_cell(root, resource, line, field, value))
    assert f"{FILES[resource]}, row {line}, field {field}:" in report


@pytest.mark.parametrize("source_file", ["../../../etc/passwd", "source/missing.txt", f"source/{'x' * 300}.txt"])
def test_source_file_outside_data_source_or_missing(source_file):
    """documents.source_file is a path the domain checks read: never outside data/source/, never a crash."""
    report = mutate_and_check("documents", lambda root: set_cell(root, "documents", 2, "source_file", source_file))
    assert "data/documents.csv, row 2, field source_file:" in report


# --- one case end to end, through the command line, from another working directory ---------------

def test_gbk_file_through_the_command_line(tmp_path):
    root = copy_package(tmp_path / "package")
    path = root / FILES["targets"]
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    before = fingerprint(root)
    result = subprocess.run([sys.executable, "-m", "scripts.validate", "--root", str(root)], cwd=tmp_path,
                            capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert re.search(r"^data/targets\.csv, row \d+: \[encoding\.not-utf8\]", result.stderr, re.MULTILINE), result.stderr
    assert fingerprint(root) == before


@FUZZ
@given(version=st.one_of(PATH_LIKE, st.sampled_from(["1.0", "v1.0.0", "1.0.0-rc1", "1.0.0 ", "", "1.0.0/..", "１.0.0"])))
def test_path_like_or_malformed_version(version):
    """The version names the downloads' folder (downloads/v1.0.0/), so it is a path too."""
    def mutate(root):
        descriptor = root / "datapackage.yaml"
        text, replaced = re.subn(r"^version: .*$", lambda _: f"version: {yaml.safe_dump(version).splitlines()[0]}",
                                 descriptor.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE)
        assert replaced == 1  # whatever version is released now
        descriptor.write_text(text, encoding="utf-8")
    with package_copy() as root:
        mutate(root)
        before = fingerprint(root)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            assert main(["--root", str(root)]) == 1
        assert "datapackage.yaml, field version: [package.version-malformed]" in err.getvalue()
        assert fingerprint(root) == before
