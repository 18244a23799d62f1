"""Every Python snippet on the "use the data" pages runs, as written, against the files the build makes.

The docs are staged with SITE_URL set to a local HTTP server that serves them, so the snippets' address
is the site's own, exactly as a reader copies it from the published page: nothing is replaced. Each
snippet runs on its own, in an empty working folder. Built without an address, the snippets read
relative to the site's folder, and the page says how to run them.
The R snippet is checked to be there but not run: R cannot be installed in this environment.
"""
import contextlib
import io
import json
import re
from pathlib import Path

import pytest

from conftest import REPO, stage
from scripts.package import read_table
from scripts.site.phrases import PHRASES
from tests.helpers.local_server import served

PAGES = ["use.md", "use.en.md"]
LATEST = "downloads/latest/"


@pytest.fixture(scope="module")
def served_site(inputs, release_cache, tmp_path_factory):
    """(docs folder staged with SITE_URL = the local server that serves it, that address)."""
    docs = tmp_path_factory.mktemp("staging") / "docs"
    with served(docs) as address:  # served before it exists: the staged files name the server's address
        stage(inputs, docs, site_url=address, release_cache=release_cache)
        yield docs, address


def snippets(page_text: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", page_text, flags=re.MULTILINE | re.DOTALL)


def page_snippets() -> list[tuple[str, int]]:
    """(page, index of its Python snippet), read from the page sources so every snippet gets a test."""
    return [(page, index) for page in PAGES
            for index in range(len(snippets(((REPO / "docs") / "data" / page).read_text(encoding="utf-8"), "python")))]


def run(code: str, name: str, folder: Path, monkeypatch, names: dict | None = None) -> str:
    """What the snippet prints, run in folder as a reader would run it; the names it leaves go into `names`."""
    monkeypatch.chdir(folder)
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(code, name, "exec"), names if names is not None else {"__name__": "__snippet__"})
    return output.getvalue()


@pytest.mark.parametrize(("page", "index"), page_snippets())
def test_python_snippet_runs_as_written_against_the_site(served_site, page, index, tmp_path, monkeypatch):
    docs, address = served_site
    code = snippets((docs / "data" / page).read_text(encoding="utf-8"), "python")[index]
    assert address + LATEST in code, "the snippet should read the site's latest/ files"
    output = run(code, f"{page}[{index}]", tmp_path, monkeypatch)
    assert output.strip(), "the snippet should show the reader something"
    assert "valid: False" not in output


@pytest.mark.parametrize("page", PAGES)
def test_use_page_covers_pandas_polars_json_frictionless_sqlite_duckdb_and_r(served_site, page):
    docs, address = served_site
    text = (docs / "data" / page).read_text(encoding="utf-8")
    python = "\n".join(snippets(text, "python"))
    for needle in ["import pandas", "import polars", "import json", "from frictionless import", "import sqlite3", "import duckdb"]:
        assert needle in python
    assert "INSTALL" not in text and "LOAD sqlite" not in text  # no snippet needs an extension downloaded
    assert "```sql" not in text and "Datasette" in text
    assert any(address + LATEST in code for code in snippets(text, "r"))
    assert PHRASES["snippet_note"]["en"] not in text and PHRASES["snippet_note"]["zh"] not in text


def test_snippets_show_chinese_text_from_the_data(served_site, tmp_path, monkeypatch):
    """The pandas snippet prints the first target's Chinese indicator exactly as the served CSV has it."""
    docs, _ = served_site
    code = snippets((docs / "data" / "use.md").read_text(encoding="utf-8"), "python")[0]
    first = read_table(docs / LATEST / "data" / "targets.csv")[1][0]
    assert first["indicator_zh"] in run(code, "use.md[0]", tmp_path, monkeypatch)


@pytest.fixture(scope="module")
def unaddressed_docs(staged_docs) -> Path:
    """The docs staged without SITE_URL, as a local preview builds them."""
    return staged_docs


@pytest.mark.parametrize("page", PAGES)
def test_without_an_address_snippets_read_relative_to_the_site_folder_and_the_page_says_so(unaddressed_docs, page):
    text = (unaddressed_docs / "data" / page).read_text(encoding="utf-8")
    assert all(f'BASE = "{LATEST}"' in code for code in snippets(text, "python") if "BASE =" in code)
    assert "127.0.0.1" not in text.replace(PHRASES["snippet_note"]["zh" if page == "use.md" else "en"], "")
    assert PHRASES["snippet_note"]["zh" if page == "use.md" else "en"] in text


@pytest.mark.parametrize("library", ["import pandas", "from frictionless import"])
def test_without_an_address_the_reading_snippets_run_from_the_site_folder(unaddressed_docs, library, monkeypatch):
    """As the note says: pandas and Frictionless read downloads/latest/ from inside the site's folder."""
    code = next(code for code in snippets((unaddressed_docs / "data" / "use.en.md").read_text(encoding="utf-8"), "python")
                if library in code)
    output = run(code, library, unaddressed_docs, monkeypatch)
    assert output.strip() and "valid: False" not in output


def test_duckdb_snippet_works_offline_with_no_extension_downloaded(served_site, tmp_path, monkeypatch):
    """DuckDB fetches extensions (sqlite, httpfs) from the internet on first use; the snippet needs none."""
    import duckdb

    docs, _ = served_site
    code = next(code for code in snippets((docs / "data" / "use.en.md").read_text(encoding="utf-8"), "python")
                if "import duckdb" in code)
    assert "Enterprises" in run(code, "duckdb", tmp_path, monkeypatch)
    loaded = duckdb.sql("SELECT extension_name FROM duckdb_extensions() "
                        "WHERE loaded AND install_mode <> 'STATICALLY_LINKED'").fetchall()
    assert loaded == []


# What each reader calls the schema's types: a snippet that reads targets must give every field its schema's type.
READER_TYPES = {
    "import pandas": lambda table: {name: "integer" if str(kind) == "Int64" else "number" if str(kind) == "float64"
                                    else "string" if str(kind) in ("str", "string", "object") else str(kind)
                                    for name, kind in table.dtypes.items()},
    "import polars": lambda table: {name: {"Int64": "integer", "Float64": "number", "String": "string"}.get(str(kind), str(kind))
                                    for name, kind in table.schema.items()},
    "import duckdb": lambda table: {name: {"BIGINT": "integer", "DOUBLE": "number", "VARCHAR": "string"}.get(str(kind), str(kind))
                                    for name, kind in zip(table.columns, table.dtypes)},
}


def namespace(code: str, name: str, folder: Path, monkeypatch) -> dict:
    """The names a snippet leaves behind, run in folder (what it prints is dropped)."""
    names = {"__name__": "__snippet__"}
    run(code, name, folder, monkeypatch, names)
    return names


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("reader", READER_TYPES)
def test_a_reader_gets_the_schema_s_type_for_every_field(served_site, page, reader, tmp_path, monkeypatch):
    """The always-empty period_start and the whole-numbered value among them: no reader is left to guess."""
    docs, _ = served_site
    code = next(code for code in snippets((docs / "data" / page).read_text(encoding="utf-8"), "python") if reader in code)
    schema = json.loads((docs / LATEST / "datapackage.json").read_text(encoding="utf-8"))
    fields = next(resource["schema"]["fields"] for resource in schema["resources"] if resource["name"] == "targets")
    got = READER_TYPES[reader](namespace(code, reader, tmp_path, monkeypatch)["targets"])
    assert got == {field["name"]: field.get("type", "string") for field in fields}


@pytest.mark.parametrize("page", PAGES)
def test_the_r_snippet_names_the_types_r_would_guess_wrong(page):
    (code,) = snippets((REPO / "docs" / "data" / page).read_text(encoding="utf-8"), "r")
    assert 'colClasses = c(value = "numeric", target_year = "integer", period_start = "integer")' in code


SQLITE_TYPES = {"integer": ("INTEGER", "integer"), "number": ("REAL", "real"), "date": ("TEXT", "text"), "string": ("TEXT", "text")}


def test_sqlite_stores_every_field_as_its_schema_s_type(served_site):
    """INTEGER where the schema says integer, REAL for a number even when every value is whole, text for dates."""
    import sqlite3

    docs, _ = served_site
    schema = json.loads((docs / LATEST / "datapackage.json").read_text(encoding="utf-8"))
    connection = sqlite3.connect(f"file:{next((docs / LATEST).glob('*.sqlite'))}?mode=ro", uri=True)
    for resource in schema["resources"]:
        declared = {name: kind for _, name, kind, *_ in connection.execute(f'PRAGMA table_info("{resource["name"]}")')}
        for field in resource["schema"]["fields"]:
            column, stored = SQLITE_TYPES[field.get("type", "string")]
            found = {kind for (kind,) in connection.execute(
                f'SELECT DISTINCT typeof("{field["name"]}") FROM "{resource["name"]}" WHERE "{field["name"]}" IS NOT NULL')}
            assert (declared[field["name"]], found <= {stored}) == (column, True), (resource["name"], field["name"], found)
    connection.close()
