"""The two changelogs say the same thing, each in its language: CHANGELOG.zh.md holds the same versions as
CHANGELOG.md, in the same order and with the same headings, under each the same sub-headings (translated as
scripts/publication/changelog.py SUBHEADINGS maps them) with as many entries, and a preface where the English
has one; every Chinese entry and paragraph is written in Chinese. A line added to one file and not the other
fails here. The release notes stay English.

The files are read with a parser of this test's own, not with scripts/publication/changelog.py.
"""
import re

import pytest

from conftest import REPO
from scripts.publication import changelog

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
NOT_LANGUAGE = re.compile(r"`[^`\n]+`|https?://\S+")  # code (fields, files, commands) and addresses
TRANSLATED = {heading["en"]: heading["zh"] for heading in changelog.SUBHEADINGS}


def outline(text: str) -> list[dict]:
    """Each `## ` section: its heading, its preface paragraphs, and its `### ` sub-headings with their entries
    (each entry a `- ` item with its continuation lines)."""
    sections = []
    for block in re.split(r"^(?=## )", text, flags=re.M)[1:]:
        heading, _, body = block.partition("\n")
        preface, *parts = re.split(r"^### ", body, flags=re.M)
        subsections = []
        for part in parts:
            name, _, entries = part.partition("\n")
            subsections.append((name.strip(), [item.strip() for item in re.split(r"^- ", entries, flags=re.M)[1:]]))
        sections.append({"heading": heading[3:].strip(), "subsections": subsections,
                         "preface": [paragraph.strip() for paragraph in preface.split("\n\n") if paragraph.strip()]})
    return sections


def in_chinese(text: str) -> bool:
    """Outside code and addresses, more Han characters than English words: an English entry quoting a few
    Chinese terms has a tenth as many or fewer, a Chinese one quoting English phrases twice as many or more."""
    prose = NOT_LANGUAGE.sub(" ", text)
    return len(HAN.findall(prose)) > len(ENGLISH_WORD.findall(prose))


def out_of_step(english_text: str, chinese_text: str) -> list[str]:
    """Where the Chinese changelog does not follow the English one, section by section."""
    english, chinese = outline(english_text), outline(chinese_text)
    if [s["heading"] for s in chinese] != [s["heading"] for s in english]:
        return [f"versions: {[s['heading'] for s in chinese]} where the English has {[s['heading'] for s in english]}"]
    problems = []
    for theirs, ours in zip(english, chinese):
        unknown = [name for name, _ in theirs["subsections"] if name not in TRANSLATED]
        if unknown:
            problems.append(f"{theirs['heading']}: sub-headings {unknown} are not in changelog.SUBHEADINGS")
            continue
        expected = [(TRANSLATED[name], len(entries)) for name, entries in theirs["subsections"]]
        found = [(name, len(entries)) for name, entries in ours["subsections"]]
        if found != expected:
            problems.append(f"{theirs['heading']}: sub-headings and entries {found}, where the English has {expected}")
        if len(ours["preface"]) != len(theirs["preface"]):
            problems.append(f"{theirs['heading']}: {len(ours['preface'])} paragraphs before the first sub-heading, "
                            f"where the English has {len(theirs['preface'])}")
        if not any(entries for _, entries in ours["subsections"]):
            problems.append(f"{ours['heading']}: no entry")
        problems += [f"{ours['heading']}: not in Chinese: {text[:60]!r}"
                     for text in ours["preface"] + [entry for _, entries in ours["subsections"] for entry in entries]
                     if not in_chinese(text)]
    return problems


def test_the_chinese_changelog_follows_the_english_section_for_section():
    problems = out_of_step(changelog.read_changelog(REPO, "en"), changelog.read_changelog(REPO, "zh"))
    assert problems == [], "CHANGELOG.zh.md is out of step with CHANGELOG.md:\n" + "\n".join(problems)


def test_both_changelogs_have_a_section_per_recorded_release():
    from scripts.publication.registry import read_releases

    changelogs = changelog.read_changelogs(REPO)
    assert set(changelogs) == {"en", "zh"}
    assert [changelog.lacking(changelogs, release.version) for release in read_releases(REPO)] == [[]] * len(read_releases(REPO))


def test_the_release_notes_are_the_english_section(capsys):
    version = next(s["heading"].split(" ")[0] for s in outline(changelog.read_changelog(REPO, "en"))
                   if s["heading"] != changelog.UNRELEASED)
    assert changelog.main([version]) == 0
    notes = capsys.readouterr().out.strip()
    assert notes == changelog.section(version, changelog.read_changelog(REPO, "en")) and not in_chinese(notes)


# The check itself, on small texts: what it lets through and what it catches.
ENGLISH = "## 1.0.1\n\nA patch.\n\n### Data\n- Corrected 新增 in `t05` (see https://example.org/a).\n- Added o030.\n"


@pytest.mark.parametrize(("chinese", "caught"), [
    ("## 1.0.1\n\n一个修订版本。\n\n### 数据\n- 更正了 `t05` 中的“新增”（见 https://example.org/a）。\n- 新增 o030。\n",
     None),
    ("## 1.0.1\n\n一个修订版本。\n\n### 数据\n- 更正了 `t05` 中的“新增”。\n", "entries"),
    ("## 1.0.1\n\n一个修订版本。\n\n### Data\n- 更正了 `t05` 中的“新增”。\n- 新增 o030。\n", "entries"),
    ("## 1.0.1\n\n### 数据\n- 更正了 `t05` 中的“新增”。\n- 新增 o030。\n", "paragraphs"),
    ("## 1.0.2\n\n一个修订版本。\n\n### 数据\n- 更正了 `t05` 中的“新增”。\n- 新增 o030。\n", "versions"),
    ("## 1.0.1\n\n一个修订版本。\n\n### 数据\n- Corrected 新增 in `t05`.\n- 新增 o030。\n", "not in Chinese"),
    ("## 1.0.1\n\nA patch.\n\n### 数据\n- 更正了 `t05` 中的“新增”。\n- 新增 o030。\n", "not in Chinese"),
])
def test_an_out_of_step_chinese_changelog_is_caught(chinese, caught):
    problems = out_of_step(ENGLISH, chinese)
    assert (problems == []) if caught is None else (len(problems) == 1 and caught in problems[0]), problems


def test_an_english_sub_heading_without_its_chinese_is_caught():
    problems = out_of_step(ENGLISH.replace("### Data", "### Corrections"), ENGLISH)
    assert len(problems) == 1 and "not in changelog.SUBHEADINGS" in problems[0]
