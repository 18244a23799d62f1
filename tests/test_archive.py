"""The release writer stands alone: the door every past release is rebuilt through loads neither MkDocs nor
the site's code, and writes a release from the command line."""
import json
import subprocess
import sys
import zipfile

import yaml

from conftest import REPO, copy_package, fingerprint
from scripts.archive import write_release
from scripts.package import load_package

FORBIDDEN = ("mkdocs", "material", "scripts.site", "scripts.theme", "scripts.publication", "scripts.build", "pandas")


def test_importing_the_release_writer_loads_no_site_code_in_a_fresh_interpreter():
    listing = "import sys, scripts.archive, scripts.archive.__main__; print('\\n'.join(sorted(sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", listing], cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    assert "scripts.archive.writer" in loaded
    assert [name for name in loaded if name.startswith(FORBIDDEN)] == []


def test_the_door_writes_the_release_the_function_writes(tmp_path):
    root = copy_package(tmp_path / "root")
    door = [sys.executable, "-m", "scripts.archive", "--root", str(root), "--out", str(tmp_path / "door"),
            "--site-url", "https://example.org/plan"]
    subprocess.run(door, cwd=REPO, capture_output=True, text=True, check=True)
    write_release(load_package(root), tmp_path / "function", "https://example.org/plan/")
    assert fingerprint(tmp_path / "door") == fingerprint(tmp_path / "function")
    assert json.loads((tmp_path / "door" / "datapackage.json").read_text(encoding="utf-8"))["homepage"] == \
        "https://example.org/plan/"


def test_the_door_refuses_a_malformed_address_in_one_line(tmp_path):
    root = copy_package(tmp_path / "root")
    door = [sys.executable, "-m", "scripts.archive", "--root", str(root), "--out", str(tmp_path / "out"), "--site-url", "ftp://x"]
    result = subprocess.run(door, cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_the_zip_carries_a_readme_saying_what_it_holds_how_to_cite_and_where_it_lives(tmp_path):
    from scripts.archive.readme import README

    write_release(load_package(REPO), tmp_path / "addressed", "https://example.org/cq/")
    write_release(load_package(REPO), tmp_path / "bare", None)
    for folder, address in [("addressed", "https://example.org/cq/downloads/v"), ("bare", None)]:
        with zipfile.ZipFile(next((tmp_path / folder).glob("*.zip"))) as opened:
            readme = opened.read(README).decode("utf-8")
            cff = yaml.safe_load(opened.read("CITATION.cff"))
            csvs = [name for name in opened.namelist() if name.startswith("data/") and name.endswith(".csv")]
        assert all(f"`{name}`" in readme for name in csvs) and "`datapackage.json`" in readme
        assert f"(Version {cff['version']}) [Data set]." in readme and "CC-BY-4.0" in readme and "LICENSE.md" in readme
        assert (address in readme) if address else ("https://example.org" not in readme and "built without" in readme)
