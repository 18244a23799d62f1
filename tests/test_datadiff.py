"""The data diff: rows added, removed and changed field by field, keyed by each schema's primary key."""
import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO, copy_package, edit_rows
from scripts.datadiff import Review, diff_tables, main, render_markdown, render_text

OBSERVATION = {"observation_id": "cq-2024-14-o001", "target_id": "cq-2024-14-t03", "value": "5035", "note": ""}


def observation(**changes) -> dict:
    return dict(OBSERVATION, **changes)


def test_unchanged_table_has_no_diff():
    assert not diff_tables("progress", "data/progress.csv", ["observation_id"], [observation()], [observation()])


def test_added_removed_and_changed_rows_are_matched_by_key():
    old = [observation(), observation(observation_id="cq-2024-14-o002", value="120")]
    new = [observation(value="5100", note="Revised list"), observation(observation_id="cq-2024-14-o003")]
    diff = diff_tables("progress", "data/progress.csv", ["observation_id"], old, new)
    assert [r["observation_id"] for r in diff.added] == ["cq-2024-14-o003"]
    assert [r["observation_id"] for r in diff.removed] == ["cq-2024-14-o002"]
    assert diff.changed == [("cq-2024-14-o001", [("value", "5035", "5100"), ("note", "", "Revised list")])]


def test_reordered_rows_are_not_changes():
    rows = [observation(), observation(observation_id="cq-2024-14-o002")]
    assert not diff_tables("progress", "data/progress.csv", ["observation_id"], rows, rows[::-1])


def test_composite_key_tells_a_moved_unit_from_a_renamed_one():
    old = [{"measure_id": "m1", "agency_id": "a", "position": "1"}, {"measure_id": "m1", "agency_id": "b", "position": "2"}]
    new = [{"measure_id": "m1", "agency_id": "b", "position": "1"}, {"measure_id": "m1", "agency_id": "a", "position": "2"}]
    diff = diff_tables("responsibilities", "data/responsibilities.csv", ["measure_id", "position"], old, new)
    assert diff.changed == [("m1 | 1", [("agency_id", "a", "b")]), ("m1 | 2", [("agency_id", "b", "a")])]


def test_new_column_is_reported_once_not_on_every_row():
    new = [dict(observation(), unit="家")]
    diff = diff_tables("progress", "data/progress.csv", ["observation_id"], [observation()], new)
    assert diff.columns_added == ["unit"] and not diff.changed


def test_table_without_usable_key_is_compared_row_by_row():
    diff = diff_tables("x", "data/x.csv", [], [{"a": "1"}], [{"a": "2"}])
    assert (diff.added, diff.removed, diff.changed) == ([{"a": "2"}], [{"a": "1"}], [])


def test_long_values_are_shown_whole_with_their_first_difference():
    old, new = "甲" * 500 + "乙" + "丙" * 500, "甲" * 500 + "丁" + "丙" * 500
    diff = diff_tables("progress", "data/progress.csv", ["observation_id"], [observation(note=old)], [observation(note=new)])
    text = render_text([diff], "main", None)
    assert f"- {old}\n" in text and f"+ {new}\n" in text and "first difference at character 501" in text
    assert old in render_markdown([diff], "main", None).replace("\\", "")


TARGETS = {"cq-2024-14-t01": {"target_id": "cq-2024-14-t01", "target_type": "level", "indicator_zh": "科技型企业",
                              "comparator": ">=", "value": "86000", "unit_zh": "家", "target_year": "2027"}}


def test_a_new_figure_is_shown_beside_what_its_target_counts():
    """A figure of additions recorded as a level stands out: the target's type and indicator are beside it."""
    figure = observation(observation_id="cq-2024-14-o901", target_id="cq-2024-14-t01", figure_type="level",
                         indicator_zh="科技型企业", value="11000")
    diff = diff_tables("progress", "data/progress.csv", ["observation_id"], [], [figure])
    beside = "its target cq-2024-14-t01 counts: level of 科技型企业 (>= 86000 家, 2027); this figure is recorded as: level of 科技型企业"
    assert f"→ {beside}" in render_text([diff], "main", None, Review(targets=TARGETS))
    assert "this figure is recorded as: level of 科技型企业" in render_markdown([diff], "main", None, Review(targets=TARGETS))


def test_a_change_to_indicator_variants_is_marked_for_review():
    old = [dict(TARGETS["cq-2024-14-t01"], indicator_variants_zh="")]
    new = [dict(TARGETS["cq-2024-14-t01"], indicator_variants_zh="新入库科技型企业")]
    diff = diff_tables("targets", "data/targets.csv", ["target_id"], old, new)
    text = render_text([diff], "main", None)
    assert text.index("FOR REVIEW") < text.index("data/targets.csv")
    assert "! cq-2024-14-t01, indicator_variants_zh:" in text
    assert "### For review" in render_markdown([diff], "main", None)
    unmarked = diff_tables("targets", "data/targets.csv", ["target_id"], old, [dict(old[0], note_en="x")])
    assert "REVIEW" not in render_text([unmarked], "main", None)


def test_a_new_excerpt_is_shown_in_full_and_cannot_break_out_of_its_block():
    text = "URL: https://example.org/a\n---\n新入库科技型企业超1.1万家 ``` <b>@team</b>\n"
    found = Review(excerpts_added=[("data/source/progress/x.txt", text)])
    assert "data/source/progress/x.txt (new excerpt, in full)\n  | URL: https://example.org/a\n  | ---\n" in render_text([], "a", "b", found)
    markdown = render_markdown([], "a", "b", found)
    block = markdown[markdown.index("````text"):]
    assert "新入库科技型企业超1.1万家 ``` <b>@team</b>\n````" in block


def test_text_report_shows_each_field_change():
    diff = diff_tables("progress", "data/progress.csv", ["observation_id"], [observation()], [observation(value="5100")])
    text = render_text([diff], "main", None)
    assert "data/progress.csv (0 added, 0 removed, 1 changed; key: observation_id)" in text
    assert "~ cq-2024-14-o001" in text and "value: 5035 → 5100" in text and "working tree" in text


def test_markdown_report_cannot_inject_markup_or_mentions():
    hostile = "| <script>alert(1)</script> [link](http://x) @maintainers"
    diff = diff_tables("progress", "data/progress.csv", ["observation_id"], [observation()], [observation(note=hostile)])
    markdown = render_markdown([diff], "origin/main", "HEAD")
    row = next(line for line in markdown.splitlines() if "`note`" in line)
    assert row.count(" | ") == 3  # four cells: the pipe in the value is escaped
    assert "<script>" not in markdown and "[link](" not in markdown and "@maintainers" not in markdown
    assert "| `data/progress.csv` | 0 | 0 | 1 |" in markdown


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
                          cwd=repo, check=True, capture_output=True, text=True).stdout


def test_end_to_end_on_a_git_repository(tmp_path, capsys):
    repo = copy_package(tmp_path / "repo")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "data as published")
    edit_rows(repo, "progress", lambda rows: rows.append(dict(rows[0], observation_id="cq-2024-14-o999")))
    git(repo, "commit", "-qam", "a new progress figure")
    terms = repo / "data" / "terms.csv"
    terms.write_text(terms.read_text(encoding="utf-8").replace("Yuqima (Chongqing Enterprise Code)",
                                                                  "Yuqima (Chongqing enterprise code)"), encoding="utf-8")

    assert main(["HEAD~1", "HEAD", "--root", str(repo), "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert "| `data/progress.csv` | 1 | 0 | 0 |" in markdown and "cq-2024-14-o999" in markdown
    assert "terms.csv" not in markdown  # the working-tree edit is not in HEAD

    (repo / "data" / "source" / "progress" / "new-page.txt").write_text("URL: https://example.org/\n---\n新增1家\n", encoding="utf-8")
    assert main(["HEAD~1", "--root", str(repo)]) == 0  # against the working tree
    text = capsys.readouterr().out
    assert "data/source/progress/new-page.txt (new excerpt, in full)\n  | URL: https://example.org/\n  | ---\n  | 新增1家" in text
    assert "→ its target cq-2024-14-t" in text
    assert "data/progress.csv (1 added, 0 removed, 0 changed" in text
    assert "~ yuqima" in text and "term_en: Yuqima (Chongqing Enterprise Code) → Yuqima (Chongqing enterprise code)" in text


def test_unknown_revision_is_a_message_not_a_traceback(tmp_path, capsys):
    assert main(["no-such-revision", "HEAD"]) == 2
    assert "no-such-revision" in capsys.readouterr().err


def test_runs_from_any_working_directory(tmp_path):
    result = subprocess.run([sys.executable, "-m", "scripts.datadiff", "HEAD", "HEAD"], cwd=tmp_path,
                            capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert result.returncode == 0, result.stderr
    assert "No changes in the data." in result.stdout
