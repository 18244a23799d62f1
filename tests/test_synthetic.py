"""The benchmark's synthetic packages are valid Data Packages with the IDs rewritten per copy."""
from benchmarks.synthetic import make_package
from conftest import REPO
from scripts.package import load_package
from scripts.validate import validate


def test_two_documents_validate(tmp_path):
    root = make_package(2, tmp_path / "two")
    problems, package = validate(root)
    assert problems == []
    assert list(package.tables["documents"]["document_id"]) == ["cq-2024-14", "cq-2024-14-copy-02"]
    for name in ("paragraphs", "measures", "targets"):
        table = package.tables[name]
        assert len(table) % 2 == 0
        assert (table["document_id"] == "cq-2024-14-copy-02").sum() == len(table) // 2
    measures = set(package.tables["measures"]["measure_id"])
    assert set(package.tables["responsibilities"]["measure_id"]) <= measures
    assert len(package.tables["agencies"]) == len(load_package(REPO).tables["agencies"])  # shared, one set


def test_one_document_is_the_real_data(tmp_path):
    root = make_package(1, tmp_path / "one")
    for csv in (REPO / "data").glob("*.csv"):
        assert (root / "data" / csv.name).read_bytes() == csv.read_bytes()
