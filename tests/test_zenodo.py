"""Archiving a release's built files on Zenodo (scripts/publication/zenodo.py), run against a fake Zenodo on
127.0.0.1 (tests/helpers/fake_zenodo.py) that records every request: the steps in order, the files' names and
bytes, the metadata, publish last and never after a failure, one line for a person when it fails, and a skip
without a token."""
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ADDRESS, REPO, run_module
from scripts.archive.writer import write_release
from scripts.package import load_package
from scripts.publication.registry import read_releases
from scripts.publication.zenodo import main
from tests.helpers.fake_zenodo import TOKEN, served_zenodo

VERSION = "2.0.0"  # a release recorded in releases.yaml
PACKAGE = "cq-sme-tiered-cultivation-2024"
WORKBOOK = f"{PACKAGE}.xlsx"


@pytest.fixture(scope="module")
def release_folder(tmp_path_factory) -> Path:
    """downloads/v2.0.0/ as the build writes it, with the site's address."""
    folder = tmp_path_factory.mktemp("downloads") / f"v{VERSION}"
    write_release(load_package(REPO), folder, ADDRESS)
    return folder


def top_files(folder: Path) -> dict[str, bytes]:
    """What Zenodo should end up holding: the files SHA256SUMS lists outside data/ and json/, and SHA256SUMS."""
    listed = [line.split("  ", 1)[1] for line in (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines()]
    return {name: (folder / name).read_bytes() for name in [*listed, "SHA256SUMS"] if "/" not in name}


def upload(zenodo, folder: Path, capsys, **environment: str) -> tuple[int, str, str]:
    """Run the command's main with the workflow's environment (token, Zenodo's address, the site's address)."""
    code = main([VERSION, str(folder)], {"ZENODO_TOKEN": TOKEN, "ZENODO_URL": zenodo.base, "SITE_URL": ADDRESS, **environment}, REPO)
    out, err = capsys.readouterr()
    return code, out, err


def calls(zenodo) -> list[tuple[str, str]]:
    return [(request.method, request.path) for request in zenodo.requests]


def with_a_first_version(zenodo) -> None:
    """Record 101 is version 1.0.0 of concept 100, holding a file this release no longer has."""
    zenodo.publish_version(101, concept=100, version="1.0.0", files={f"{PACKAGE}-1.0.0.zip": b"the version before"})


@pytest.mark.parametrize("series", ["100", "https://sandbox.zenodo.org/records/100", "10.5072/zenodo.100"])
def test_a_new_version_of_the_series_gets_the_release_files_and_metadata_and_is_published_last(release_folder, capsys, series):
    with served_zenodo() as zenodo:
        with_a_first_version(zenodo)
        code, out, err = upload(zenodo, release_folder, capsys, ZENODO_CONCEPT_ID=series)
    assert (code, err) == (0, ""), err
    draft = zenodo.newest(100)
    expected = top_files(release_folder)
    assert calls(zenodo) == [
        ("GET", "/api/records/100/versions/latest"), ("GET", "/api/records/101"),
        ("POST", "/api/deposit/depositions/101/actions/newversion"),
        ("GET", f"/api/deposit/depositions/{draft}"),
        ("DELETE", f"/api/deposit/depositions/{draft}/files/file-{PACKAGE}-1.0.0.zip"),  # copied over by Zenodo
        ("PUT", f"/api/deposit/depositions/{draft}"),
        *[("PUT", f"/api/files/bucket-{draft}/{name}") for name in expected],
        ("GET", f"/api/deposit/depositions/{draft}"),
        ("POST", f"/api/deposit/depositions/{draft}/actions/publish"),
    ]
    assert [name for name in expected][-1] == "SHA256SUMS" and {f"{PACKAGE}.zip", WORKBOOK, f"{PACKAGE}.sqlite"} <= set(expected)
    uploads = {request.path.rsplit("/", 1)[1]: request.body for request in zenodo.requests if "/api/files/" in request.path}
    assert uploads == expected
    assert zenodo.published[draft] == {"conceptrecid": 100, "version": VERSION, "files": expected}
    assert f"{zenodo.base}/records/{draft} (DOI 10.5072/zenodo.{draft})" in out and "ZENODO_CONCEPT_ID" not in out


def test_the_metadata_is_the_zenodo_json_with_the_version_its_date_and_the_versions_page(release_folder, capsys):
    with served_zenodo() as zenodo:
        with_a_first_version(zenodo)
        upload(zenodo, release_folder, capsys, ZENODO_CONCEPT_ID="100")
    [written] = [request.json()["metadata"] for request in zenodo.requests if request.method == "PUT" and "/depositions/" in request.path]
    described = json.loads((REPO / ".zenodo.json").read_text(encoding="utf-8"))
    released = {release.version: release.date for release in read_releases(REPO)}
    assert written["version"] == VERSION and written["publication_date"] == released[VERSION]
    for kept in ["title", "description", "upload_type", "creators", "license", "keywords", "language"]:
        assert written[kept] == described[kept], kept
    page = f"{ADDRESS}downloads/v{VERSION}/"
    related = {item["identifier"]: item["relation"] for item in written["related_identifiers"]}
    notice = next(item["identifier"] for item in described["related_identifiers"] if "cq.gov.cn" in item["identifier"])
    assert related == {notice: "isDerivedFrom", page: "isIdenticalTo"}
    assert written["access_right"] == "open" and page in written["notes"]


def test_the_token_goes_with_every_deposit_request_and_never_over_a_redirect(release_folder, capsys):
    with served_zenodo() as zenodo:
        with_a_first_version(zenodo)
        upload(zenodo, release_folder, capsys, ZENODO_CONCEPT_ID="100")
    for request in zenodo.requests:
        redirected = request.path == "/api/records/101"  # the newest version's redirect leads here
        assert request.authorization == (None if redirected else f"Bearer {TOKEN}"), request.path


def test_without_a_series_a_new_record_is_made_and_a_second_run_with_the_id_it_names_uploads_nothing(release_folder, capsys):
    with served_zenodo() as zenodo:
        code, out, _ = upload(zenodo, release_folder, capsys)
        assert code == 0 and calls(zenodo)[0] == ("POST", "/api/deposit/depositions")
        assert not any(method == "DELETE" for method, _ in calls(zenodo))
        [(record, published)] = zenodo.published.items()
        concept = published["conceptrecid"]
        assert f"set the repository variable ZENODO_CONCEPT_ID to {concept} " in out
        assert published["files"] == top_files(release_folder) and calls(zenodo)[-1][1].endswith("/actions/publish")
        before = len(zenodo.requests)
        code, out, _ = upload(zenodo, release_folder, capsys, ZENODO_CONCEPT_ID=str(concept))
    assert code == 0 and f"Zenodo holds release {VERSION} already" in out and "nothing to upload" in out
    assert [method for method, _ in calls(zenodo)[before:]] == ["GET", "GET"] and len(zenodo.published) == 1


def test_a_series_whose_newest_version_is_this_one_with_other_files_is_refused(release_folder, capsys):
    """The GitHub integration's record of the repository says the same version (.zenodo.json gives it): given
    as the series by mistake, it must not pass for the built files."""
    with served_zenodo() as zenodo:
        zenodo.publish_version(201, concept=200, version=VERSION, files={"owner/repo-v2.0.0.zip": b"the source"})
        code, out, err = upload(zenodo, release_folder, capsys, ZENODO_CONCEPT_ID="200")
    assert code == 1 and out == "" and calls(zenodo) == [("GET", "/api/records/200/versions/latest"), ("GET", "/api/records/201")]
    assert f"while finding the newest version of record 201: it is version {VERSION} but holds other files (owner/repo-v2.0.0.zip)" in err
    assert "Fix: set ZENODO_CONCEPT_ID to the record of the built files, not the one the GitHub integration makes" in err


@pytest.mark.parametrize("failing, status, error, said", [
    (("PUT", f"/{WORKBOOK}"), 500, {"status": 500, "message": "Internal server error."},
     f"while uploading {WORKBOOK}: HTTP 500: Internal server error. Fix: Zenodo is busy or failing: run the workflow again later"),
    (("POST", "/actions/publish"), 400, {"status": 400, "message": "Validation error.", "errors": [
        {"field": "metadata.creators", "messages": ["Missing data for required field."]}]},
     "while publishing: HTTP 400: Validation error.; metadata.creators: Missing data for required field. "
     "Fix: correct .zenodo.json as Zenodo's message says"),
])
def test_a_failed_request_never_publishes_deletes_the_draft_and_says_so_in_one_line(release_folder, capsys, failing, status, error, said):
    with served_zenodo() as zenodo:
        with_a_first_version(zenodo)
        zenodo.fail[failing] = (status, error)
        code, out, err = upload(zenodo, release_folder, capsys, ZENODO_CONCEPT_ID="100")
    assert code == 1 and out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"Zenodo upload of {VERSION} stopped {said}"), err
    assert err.rstrip().endswith("its unpublished draft was deleted, so the next run starts clean")
    assert list(zenodo.published) == [101] and zenodo.drafts == {}
    assert calls(zenodo)[-1][0] == "DELETE" and ("POST", "/api/deposit/depositions") not in calls(zenodo)


def test_a_file_zenodo_holds_with_another_md5_stops_the_upload_before_publishing(release_folder, capsys):
    with served_zenodo() as zenodo:
        with_a_first_version(zenodo)
        zenodo.misreport.add(WORKBOOK)
        code, _, err = upload(zenodo, release_folder, capsys, ZENODO_CONCEPT_ID="100")
    assert code == 1 and f"while uploading {WORKBOOK}: Zenodo holds other bytes" in err
    uploaded = [request.path.rsplit("/", 1)[1] for request in zenodo.requests if "/api/files/" in request.path]
    assert uploaded[-1] == WORKBOOK  # nothing after it
    assert not any(path.endswith("/actions/publish") for _, path in calls(zenodo)) and list(zenodo.published) == [101]


def test_a_refused_token_says_how_to_make_one_and_nothing_else_is_asked(release_folder, capsys):
    with served_zenodo() as zenodo:
        code, _, err = upload(zenodo, release_folder, capsys, ZENODO_TOKEN="expired")
    assert code == 1 and calls(zenodo) == [("POST", "/api/deposit/depositions")]
    assert "while creating a record: HTTP 401: The server could not verify" in err
    assert f"make a token at {zenodo.base}/account/settings/applications/ with the scopes deposit:write and deposit:actions" in err
    assert "repository secret ZENODO_TOKEN" in err


def test_a_series_zenodo_does_not_know_says_which_id_to_set(release_folder, capsys):
    with served_zenodo() as zenodo:
        code, _, err = upload(zenodo, release_folder, capsys, ZENODO_CONCEPT_ID="999")
    assert code == 1 and calls(zenodo) == [("GET", "/api/records/999/versions/latest")]
    assert "while finding the newest version of record 999: HTTP 404: The persistent identifier does not exist." in err
    assert "Fix: ZENODO_CONCEPT_ID=999 is no record on" in err


def changed_workbook(release_folder: Path, tmp_path: Path) -> Path:
    folder = shutil.copytree(release_folder, tmp_path / release_folder.name)
    (folder / WORKBOOK).write_bytes(b"not the workbook SHA256SUMS lists")
    return folder


@pytest.mark.parametrize("case, arguments, problem", [
    ("a file that is not the one SHA256SUMS lists", lambda folder, tmp: [VERSION, str(changed_workbook(folder, tmp))],
     f"{WORKBOOK} is missing or not the file SHA256SUMS lists"),
    ("a folder without SHA256SUMS", lambda folder, tmp: [VERSION, str(tmp)], "SHA256SUMS does not exist"),
    ("a version releases.yaml does not record", lambda folder, tmp: ["9.9.9", str(folder)],
     "9.9.9 is not a release recorded in releases.yaml"),
])
def test_a_release_that_is_not_as_recorded_is_refused_before_zenodo_is_asked(release_folder, tmp_path, capsys, case, arguments, problem):
    with served_zenodo() as zenodo:
        environment = {"ZENODO_TOKEN": TOKEN, "ZENODO_URL": zenodo.base, "SITE_URL": ADDRESS}
        code = main(arguments(release_folder, tmp_path), environment, REPO)
    err = capsys.readouterr().err
    assert code == 1 and zenodo.requests == [], case
    assert "stopped while checking the release and the settings: " in err and problem in err and "nothing was sent to Zenodo" in err


def test_without_a_token_the_command_says_it_skipped_and_exits_0(release_folder):
    """The command line itself, as the workflow runs it when the repository has no ZENODO_TOKEN secret."""
    result = run_module(REPO, "scripts.publication.zenodo", VERSION, str(release_folder))
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"Zenodo upload skipped: no ZENODO_TOKEN\. .*repository secret.*\n", result.stdout)
