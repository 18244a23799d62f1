"""The generated Markdown: a page per measure, unit and term in both languages, honest gaps, no leftovers."""
import html
import re

import pytest

from conftest import REPO
from scripts.package import load_package
from scripts.site import sentences
from scripts.site.model import Site
from scripts.site.pages.consistency import pairs, verdict
from scripts.site.parts import marked

HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(scope="module")
def package():
    return load_package(REPO)


@pytest.fixture(scope="module")
def docs(staged_docs):
    """The hand-written docs with the generated pages written into them, as the build stages them."""
    return staged_docs


def read(docs, page: str) -> str:
    """A page's text with the escaping undone, as a reader sees it."""
    return html.unescape((docs / page).read_text(encoding="utf-8"))


def shown(value: str, lang: str) -> str:
    """A value as a page in lang shows it, with the escaping undone: any run of the other language in it
    marked with its lang (scripts/site/parts.py)."""
    return html.unescape(marked(value, lang))


@pytest.mark.parametrize("resource, key, folder", [
    ("measures", "measure_id", "measures"), ("agencies", "agency_id", "agencies"), ("terms", "term_id", "glossary"),
    ("targets", "target_id", "targets")])
def test_every_row_has_a_page_in_both_languages(package, docs, resource, key, folder):
    for row_id in package.tables[resource][key]:
        assert (docs / folder / f"{row_id}.md").is_file(), f"{folder}/{row_id}.md"
        assert (docs / folder / f"{row_id}.en.md").is_file(), f"{folder}/{row_id}.en.md"


def test_every_page_has_its_translation(docs):
    pages = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    chinese = {p for p in pages if not p.endswith(".en.md")}
    english = {p.removesuffix(".en.md") + ".md" for p in pages if p.endswith(".en.md")}
    assert chinese - english == set(), "Chinese pages without an English twin"
    assert english - chinese == set(), "English pages without a Chinese twin"


def test_english_pages_are_in_english(docs):
    """Chinese appears on English pages only as quotes and names, never as most of the prose."""
    for page in docs.rglob("*.en.md"):
        prose = re.sub(r"<[^>]+>|\([^)]*\)|\[[^\]]*\]", " ", read(docs, page.relative_to(docs).as_posix()))
        letters = re.findall(r"[A-Za-z]", prose)
        assert len(letters) > len(HAN.findall(prose)) / 2, f"{page.name} reads as Chinese"


def test_no_placeholder_is_left(docs):
    """Outside code: the problem catalogue shows placeholders in its examples, as code."""
    for page in docs.rglob("*.md"):
        prose = re.sub(r"^```.*?^```|`[^`\n]+`", "", page.read_text(encoding="utf-8"), flags=re.S | re.M)
        assert "<!-- data:" not in prose, page


@pytest.mark.parametrize("suffix, marker", [(".md", "沿用"), (".en.md", "inherited")])
def test_sub_items_show_their_item_units_as_inherited(package, docs, suffix, marker):
    site = Site(package)
    for measure in site.measures:
        text = read(docs, f"measures/{measure['measure_id']}{suffix}")
        units = site.units(measure)
        if units.inherited:
            assert marker in text and units.agencies[0]["agency_id"] in text, measure["measure_id"]
        for agency in units.agencies:
            assert f"agencies/{agency['agency_id']}" in text


def test_a_sub_item_page_names_the_item_it_inherits_from(docs):
    text = read(docs, "measures/cq-2024-14-m3.1.2.md")
    assert "沿用" in text and "(cq-2024-14-m3.1.md)" in text  # the item, linked within the folder


def test_measure_page_has_text_translation_targets_and_full_text_anchor(package, docs):
    measure = package.tables["measures"].set_index("measure_id").loc["cq-2024-14-m2.5"]
    for suffix in (".md", ".en.md"):
        text = read(docs, f"measures/cq-2024-14-m2.5{suffix}")
        assert measure["text_zh"].split(" ")[0] in text
        assert measure["text_en"] in text
        assert "每年培育专精特新“小巨人”企业30家以上" in text  # its target's quote
        assert "glossary/little-giant.md" in text  # a term it uses
        assert "text/index.md#cq-2024-14-p022" in text  # its heading paragraph


def test_recurring_words_are_listed_apart_from_the_names(package, docs):
    """企业 or 全市 is a termbase entry (kind vocabulary), not a named programme: the glossary lists it under its
    own heading, and a heading's page does not count it among the terms it uses."""
    for suffix, heading in ((".md", "## 常用词语的统一译法"), (".en.md", "## Recurring words, one English each")):
        names, words = read(docs, f"glossary/index{suffix}").split(heading)
        assert "(enterprise.md)" in words and "(enterprise.md)" not in names  # the entry's page, linked in its section
        assert "(little-giant.md)" in names and "(little-giant.md)" not in words
        measure = read(docs, f"measures/cq-2024-14-m2.5{suffix}")
        assert "glossary/little-giant" in measure and "glossary/enterprise" not in measure


@pytest.mark.parametrize("suffix, words, searched", [(".md", "未找到数字", "检索至"), (".en.md", "No figure found", "searched to")])
def test_targets_without_figures_say_no_figure_found_dated_by_the_search(package, docs, suffix, words, searched):
    reported = set(package.tables["progress"]["target_id"])
    targets = package.tables["targets"].set_index("target_id")
    unreported = [t for t in targets.index if t not in reported]
    assert unreported
    board = read(docs, f"targets/index{suffix}")
    group = board.split(f"### {words}", 1)[1].split("### ", 1)[0]
    for target_id in unreported:
        assert f"{target_id}.md" in group, target_id
        page = read(docs, f"targets/{target_id}{suffix}")
        assert f"{searched}{'' if suffix == '.md' else ' '}{targets.loc[target_id, 'searched_date']}" in page, target_id
        assert "未报告" not in page and "Not reported" not in page


@pytest.mark.parametrize("target_id, status", [
    ("cq-2024-14-t03", "met"),  # 5,035 SRDI SMEs in validity (2024-06-19) against 5,000
    ("cq-2024-14-t01", "below"),  # the latest figure is below 86,000
    ("cq-2024-14-t04", "baseline_only"),  # only the 2022 pace (the 2022 level of 255 is context)
    ("cq-2024-14-t05", "no_figure"),  # only the municipal list, under public notice: context
    ("cq-2024-14-t06", "no_figure"),  # only context: the listed firms of 2021, a level beside a target of additions
    ("cq-2024-14-t11", "no_figure"),
    ("cq-2024-14-t13", "some_years"),  # 804 on the first 2024 list: met in 2024, part of the year alone
])
def test_each_target_page_states_its_status(package, docs, target_id, status):
    assert Site(package).standing(Site(package).target[target_id]).status == status
    for suffix in (".md", ".en.md"):
        assert f'class="status status-{status}"' in read(docs, f"targets/{target_id}{suffix}")


def test_the_scoreboard_opens_with_one_overview_row_per_target_and_says_how_far(package, docs):
    for suffix, searched in ((".md", "检索至"), (".en.md", "searched to")):
        board = read(docs, f"targets/index{suffix}")
        overview = re.search(r'<figure class="overview".*?</figure>', board, re.S)[0]
        assert board.index(overview) < board.index('<div class="scoreboard"')
        rows = re.findall(r'<li class="overview-row row-(\w+)">(.*?)</li>(?=<li class="overview-row|</ol>)', overview, re.S)
        assert len(rows) == len(package.records["targets"])
        t01 = next(row for status, row in rows if "cq-2024-14-t01/" in row)
        assert 'class="baseline"' in t01 and 'class="line"' in t01  # the baseline and our straight line, marked
        assert re.search(r"89% · [^·]+ · 2026-01-30", re.sub(r"<[^>]+>", "", t01))
        assert "quote column" not in board and "“原文”栏" not in board
        assert re.search(r"(Data as of|数据截至)\s?2026-01-30", board) and searched in board


@pytest.mark.parametrize("suffix", [".md", ".en.md"])
def test_a_target_page_lets_a_reader_check_it(package, docs, suffix):
    """The chart, a table of the same figures, the sources with the stored excerpt in the release, the
    target's figures to download with their checksums, and how to cite the page."""
    page = read(docs, f"targets/cq-2024-14-t01{suffix}")
    figures = [o for o in package.records["progress"] if o["target_id"] == "cq-2024-14-t01"]
    table = page.split("<figure", 1)[1].split('<div class="observation"', 1)[0]
    assert all(f'href="#{o["observation_id"]}"' in table for o in figures)
    for source_id in {o["source_id"] for o in figures}:
        source = next(s for s in package.records["sources"] if s["source_id"] == source_id)
        assert f'id="source-{source_id}"' in page
        excerpt = re.search(rf"\((\.\./downloads/(unreleased|v[\d.]+)/data/{re.escape(source['excerpt_file'])})\)", page)
        assert excerpt and (docs / "targets" / excerpt[1]).resolve().is_file()
    for kind in ("csv", "json"):
        link = re.search(rf"\(\.\./downloads/(unreleased|v[\d.]+)/targets/cq-2024-14-t01\.{kind}\)", page)
        assert link and (docs / "targets" / link[0][1:-1]).resolve().is_file()
    assert re.search(r'<code class="checksum">[0-9a-f]{64}</code>', page)
    assert 'class="citation"' in page and "cq-2024-14-t01" in page.split('class="citation"', 1)[1][:600]


def test_a_reprint_names_the_original_outlet_first_and_is_marked_as_where_we_read_it(docs):
    page = read(docs, "targets/cq-2024-14-t01.en.md")
    entry = page.split('id="source-movesh-2026-01-30-chinanews-1hao-tian"', 1)[1].split("\n", 1)[0]
    assert entry.index("First published by") < entry.index("We read it as a reprint")


@pytest.mark.parametrize("suffix, lang", [(".md", "zh"), (".en.md", "en")])
def test_a_context_figure_says_it_is_not_compared_and_a_comparable_one_does_not(docs, suffix, lang):
    from scripts.site.phrases import t
    page = read(docs, f"targets/cq-2024-14-t01{suffix}")
    block = {n: re.search(rf'<div class="observation" id="cq-2024-14-o{n}">.*?</div>', page, re.S)[0] for n in ("024", "002")}
    assert t("context_figure", lang) in block["024"]  # 2024's additions beside a level target
    assert t("context_figure", lang) not in block["002"]  # a level beside a level target


@pytest.mark.parametrize("suffix, note, hidden", [(".md", "note_zh", "note_en"), (".en.md", "note_en", "note_zh")])
def test_each_language_shows_its_own_note_and_english_pages_translate_the_quote(package, docs, suffix, note, hidden):
    figure = next(o for o in package.records["progress"] if o["observation_id"] == "cq-2024-14-o024")
    page = read(docs, f"targets/{figure['target_id']}{suffix}")
    lang = "zh" if suffix == ".md" else "en"
    assert shown(figure[note], lang) in page and figure[hidden] not in page
    assert (figure["quote_en"] in page) == (suffix == ".en.md")
    assert f'<span lang="zh">{figure["quote_zh"]}</span>' in page or suffix == ".md"


def test_target_chart_is_labelled_and_says_every_figure_in_words(package, docs):
    site = Site(package)
    target = site.target["cq-2024-14-t01"]
    observations = site.observations_of(target["target_id"])
    for suffix, lang in ((".md", "zh"), (".en.md", "en")):
        page = read(docs, f"targets/{target['target_id']}{suffix}")
        figure = re.search(r'<figure class="target-chart".*?</figure>', page, re.S)[0]
        svgs = re.findall(r'<svg class="target-chart (narrow|wide)".*?</svg>', figure, re.S)
        assert svgs == ["narrow", "wide"]  # a layout for a phone and one for a desktop column
        for svg in re.findall(r'<svg class="target-chart.*?</svg>', figure, re.S):
            assert 'role="img"' in svg and "<title" in svg and "<desc" in svg and 'class="axis-title"' in svg
            assert svg.count('class="goal"') == 1 and 'class="assumed"' in svg  # the target and our straight line
            desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.S)[1]
            assert all(sentences.figure_words(o, lang) in desc for o in observations)
        assert "<script" not in page


@pytest.mark.parametrize("suffix, title, pace", [(".md", "方案开始以来的累计新增", "按方案平均每年需新增30家"),
                                                  (".en.md", "running total of additions since the plan began", "the plan needs 30 enterprises a year")])
def test_an_increment_chart_draws_the_running_total_and_keeps_earlier_additions_as_pace(docs, suffix, title, pace):
    page = read(docs, f"targets/cq-2024-14-t04{suffix}")
    figure = re.search(r'<figure class="target-chart".*?</figure>', page, re.S)[0]
    assert title in figure and pace in figure
    plot = re.search(r'<div class="plot">.*?</div>', figure, re.S)[0]
    assert ">137<" not in plot and 'class="period' not in plot  # 2022's 137 is pace, not on the axis of the total
    assert '<ul class="bars">' in figure.split('<div class="plot">', 1)[1]


@pytest.mark.parametrize("suffix, words", [(".md", ["2024年已达到", "2025年未找到数字", "2027年尚未到", "仅为该年的一部分"]),
                                           (".en.md", ["2024 met", "2025 no figure found", "2027 not yet", "part of the year"])])
def test_an_annual_chart_has_a_bar_per_year_of_the_plan(docs, suffix, words):
    figure = re.search(r'<figure class="target-chart".*?</figure>', read(docs, f"targets/cq-2024-14-t14{suffix}"), re.S)[0]
    assert all(word in figure for word in words)
    assert figure.count('class="minimum"') == figure.count('<li class="bar-row">')  # the minimum drawn on every row


def test_consistency_check_states_its_assumption_and_reads_annual_targets_as_minimums(package, docs):
    site = Site(package)
    verdicts = {(a["target_id"], b["target_id"]): verdict(site, a, b)[0] for a, b in pairs(site, "cq-2024-14")}
    assert verdicts[("cq-2024-14-t15", "cq-2024-14-t04")] == "verdict_agree"  # 30 a year × 4 = 120
    assert verdicts[("cq-2024-14-t17", "cq-2024-14-t08")] == "verdict_short"  # 5 a year × 4 = 20 < 40
    assert verdicts[("cq-2024-14-t14", "cq-2024-14-t03")] == "verdict_baseline"  # a level: no baseline stated
    english = read(docs, "targets/index.en.md")
    assert "Assumption:" in english and "4 (2024–2027)" in english
    assert "the annual minimums alone (× 4 years) fall short of the 2027 figure" in english  # 以上: minimums, not a contradiction
    assert "disagree" not in english
    chinese = read(docs, "targets/index.md")
    assert "假设" in chinese and "仅按每年最低数计（× 4 年），少于2027年目标" in chinese


def test_the_missing_attachment_is_shown_as_missing(docs):
    assert "缺失" in read(docs, "about/index.md") and "missing" in read(docs, "about/index.en.md")
    assert "missing" in read(docs, "text/index.en.md")


def test_empty_cells_say_not_stated(docs):
    """District governments have no full name in the data: the page says so rather than leaving a gap."""
    assert "未说明" in read(docs, "agencies/district-county-governments.md")
    assert "not stated" in read(docs, "agencies/district-county-governments.en.md")


def test_full_text_has_every_paragraph_anchor(package, docs):
    text = read(docs, "text/index.md")
    for paragraph_id in package.tables["paragraphs"]["paragraph_id"]:
        assert f'id="{paragraph_id}"' in text or f"{{#{paragraph_id}}}" in text  # a div, or a heading


def test_a_note_on_the_translation_stands_under_it_in_the_page_language(package, docs):
    """p008 (the title's second line, 工作方案) carries a note; its translation column stays the translation."""
    noted = [r for r in package.records["paragraphs"] if r["note_en"]]
    assert [r["paragraph_id"] for r in noted] == ["cq-2024-14-p008"]
    assert noted[0]["text_en"] == "Work Plan"
    for lang, prefix in (("zh", "译注："), ("en", "Note on the translation: ")):
        page = read(docs, "text/index.md" if lang == "zh" else "text/index.en.md")
        block = re.search(r'<div class="paragraph" id="cq-2024-14-p008">(.*?)</div></div>', page)[1]
        assert '<p lang="en" class="translation">Work Plan</p>' in block
        assert f'<p class="translation-note">{prefix}{noted[0][f"note_{lang}"]}</p>' in block


def test_agency_page_counts_how_often_it_is_listed_first(package, docs):
    rows = package.tables["responsibilities"]
    mine = rows[rows["agency_id"] == "cq-economy-information-commission"]
    firsts = int((mine["position"] == "1").sum())
    text = read(docs, "agencies/cq-economy-information-commission.en.md")
    assert f"Named on {len(mine)} responsible-units lines; listed first on {firsts} of them." in text


def test_dictionary_describes_every_field_in_the_page_language(package, docs):
    chinese, english = read(docs, "data/dictionary.md"), read(docs, "data/dictionary.en.md")
    for resource in package.descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            assert shown(field["description_zh"], "zh") in chinese
            assert shown(field["description"], "en") in english


def test_headings_are_numbered_within_their_own_document(tmp_path):
    from benchmarks.synthetic import make_package

    site = Site(load_package(make_package(2, tmp_path / "two")))
    copy_part_one = site.measure["cq-2024-14-copy-02-m1"]
    copy_sub_item = site.measure["cq-2024-14-copy-02-m3.1.2"]
    assert (site.number(copy_part_one), site.number(copy_sub_item)) == ("1", "3.1.2")
