"""Every sentence the site generates about a target, from its typed facts, in both languages: each target
type × status × language carries its qualifiers (new, a year, a level on a date or added from–to, our
sum, our straight line, how far we searched), and never the words the facts do not allow."""
import pytest

from scripts.site import sentences
from scripts.standing import standing
from test_standing import CASES, PLAN, figure, target

# (case of test_standing.CASES, language) → fragments the status sentence must hold.
EXPECTED = {
    ("level met", "en"): ["120 of 100 enterprises (120%) on 2024-06-30", "met before its year (2027)"],
    ("level met", "zh"): ["2024-06-30为120家，为目标100家的120%", "提前完成"],
    ("level below, ahead of the line", "en"): ["90 of 100 enterprises (90%) on 2025-12-31", "faster than a straight line",
                                               "(20 enterprises on 2022-12-31)", "(our assumption)"],
    ("level below, ahead of the line", "zh"): ["2025-12-31为90家，为目标100家的90%", "快于预期", "本站假设"],
    ("level below, on the line", "en"): ["broadly on a straight line", "our assumption"],
    ("level below, on the line", "zh"): ["基本符合预期", "本站假设"],
    ("level below, behind the line", "en"): ["behind a straight line", "our assumption"],
    ("level below, behind the line", "zh"): ["相对滞后", "本站假设"],
    ("level below, no baseline", "en"): ["60 of 100 enterprises (60%) on 2025-12-31."],
    ("level below, no baseline", "zh"): ["2025-12-31为60家，为目标100家的60%。"],
    ("level before the plan only", "en"): ["Before the plan: 50 enterprises on 2023-12-31", "searched to 2026-12-03"],
    ("level before the plan only", "zh"): ["方案前：2023-12-31为50家", "检索至2026-12-03"],
    ("level no figure", "en"): ["No figure found (searched to 2026-12-03)."],
    ("level no figure", "zh"): ["未找到数字（检索至2026-12-03）。"],
    ("coverage met", "en"): ["100 of 100 enterprises (100%) on 2025-06-30; met."],
    ("coverage met", "zh"): ["2025-06-30为100家，为目标100家的100%；已达到。"],
    ("coverage before the plan only", "en"): ["Before the plan: 100 enterprises on 2022-12-31"],
    ("coverage before the plan only", "zh"): ["方案前：2022-12-31为100家"],
    ("amount below", "en"): ["40 of 100 enterprises (40%) on 2025-01-01."],
    ("amount below", "zh"): ["2025-01-01为40家，为目标100家的40%。"],
    ("amount no figure", "en"): ["No figure found (searched to 2026-12-03)."],
    ("amount no figure", "zh"): ["未找到数字（检索至2026-12-03）。"],
    ("increment met", "en"): ["110 of 100 new enterprises (110%) added from 2024-01-01 to 2025-12-31",
                              "the sum of 2 published additions, computed by us", "; met"],
    ("increment met", "zh"): ["2024-01-01至2025-12-31新增110家，为目标100家的110%", "由本站加总", "已达到"],
    ("increment below", "en"): ["30 of 100 new enterprises (30%) added in 2024."],
    ("increment below", "zh"): ["2024年新增30家，为目标100家的30%。"],
    ("increment before the plan only", "en"): ["No addition since the plan began found (searched to 2026-12-03).",
                                               "Before the plan: 137 enterprises added in 2022",
                                               "the plan needs 25 enterprises a year (100 over 2024–2027, our assumption)"],
    ("increment before the plan only", "zh"): ["未找到方案开始以来的新增数（检索至2026-12-03）。", "方案前：2022年新增137家",
                                               "按方案平均每年需新增25家（2024—2027年共100家，本站假设）"],
    ("increment no figure", "en"): ["No addition since the plan began found (searched to 2026-12-03)."],
    ("increment no figure", "zh"): ["未找到方案开始以来的新增数（检索至2026-12-03）。"],
    ("annual met every year", "en"): ["Met in 2024, 2025, 2026."],
    ("annual met every year", "zh"): ["2024、2025、2026年已达到。"],
    ("annual met in some years", "en"): ["Met in 2024; no figure found for 2025, 2026 (searched to 2026-12-03)."],
    ("annual met in some years", "zh"): ["2024年已达到；2025、2026年未找到数字（检索至2026-12-03）。"],
    ("annual below", "en"): ["Not met in 2024 (60 enterprises added in 2024)", "no figure found for 2025, 2026"],
    ("annual below", "zh"): ["2024年未达到（2024年新增60家）", "2025、2026年未找到数字"],
    ("annual before the plan only", "en"): ["No figure found for 2024, 2025, 2026 (searched to 2026-12-03).",
                                            "Before the plan: 137 enterprises added in 2022."],
    ("annual before the plan only", "zh"): ["2024、2025、2026年未找到数字（检索至2026-12-03）。", "方案前：2022年新增137家。"],
    ("annual no figure", "en"): ["No figure found for 2024, 2025, 2026 (searched to 2026-12-03)."],
    ("annual no figure", "zh"): ["2024、2025、2026年未找到数字（检索至2026-12-03）。"],
}
# Words a status may never use: the old ones that over- or under-claimed, and pace words without a line.
NEVER = {"en": ["Not reported", "not reported", "as of", "Reached"], "zh": ["未报告", "截至"]}
PACE_WORDS = {"en": ["straight line", "met before its year"], "zh": ["提前完成", "快于预期", "基本符合预期", "相对滞后"]}


def test_every_case_and_language_is_in_the_table():
    assert set(EXPECTED) == {(case, lang) for case in CASES for lang in ("zh", "en")}


@pytest.mark.parametrize("case, lang", sorted(EXPECTED))
def test_the_status_sentence_says_what_the_facts_say(case, lang):
    target_type, figures, _, _ = CASES[case]
    known = standing(target(target_type), figures, PLAN)
    words = sentences.status_sentence(known, lang)
    for fragment in EXPECTED[(case, lang)]:
        assert fragment in words, f"{fragment!r} not in {words!r}"
    assert not [never for never in NEVER[lang] if never in words]
    if known.line is None:  # the evaluation words only where a baseline and the straight line exist
        assert not [word for word in PACE_WORDS[lang] if word in words], words


@pytest.mark.parametrize("target_type, lang, goal", [
    ("level", "en", "≥ 100 enterprises by 2027"), ("level", "zh", "到2027年达到100家"),
    ("coverage", "en", "≥ 100 enterprises by 2027"), ("amount", "zh", "到2027年达到100家"),
    ("increment", "en", "100 new enterprises by 2027"), ("increment", "zh", "到2027年新增100家"),
    ("annual", "en", "≥ 100 enterprises a year"), ("annual", "zh", "每年100家以上"),
])
def test_the_goal_carries_its_qualifier(target_type, lang, goal):
    assert sentences.goal(target(target_type), lang) == goal


def test_an_increment_says_the_plans_own_word_for_new_and_not_twice():
    cultivated = dict(target("increment"), quote_zh="新培育国家专精特新“小巨人”企业120家", indicator_zh="国家专精特新“小巨人”企业")
    built = dict(target("increment"), quote_zh="新建数字化车间400个", indicator_zh="数字化车间")
    listed = dict(target("increment"), quote_zh="区域性股权市场新增挂牌培育和托管企业800家", indicator_zh="区域性股权市场新增挂牌培育和托管企业")
    assert sentences.goal(cultivated, "zh") == "到2027年新培育100家" and sentences.goal(built, "zh") == "到2027年新建100家"
    assert sentences.goal(listed, "zh") == "到2027年100家" and sentences.goal(listed, "en") == "100 enterprises by 2027"


def test_an_undated_target_says_no_date_is_set():
    assert sentences.goal(target("amount", year=""), "en") == "≥ 100 enterprises (no date set)"
    assert sentences.goal(target("coverage", year=""), "zh") == "100家（未规定时间）"


@pytest.mark.parametrize("observation, lang, words", [
    (figure(76800, "2026-01-30"), "en", "76,800 enterprises on 2026-01-30"),
    (figure(76800, "2026-01-30"), "zh", "2026-01-30为76,800家"),
    (figure(137, "2022-12-31", "2022-01-01"), "en", "137 enterprises added in 2022"),
    (figure(137, "2022-12-31", "2022-01-01"), "zh", "2022年新增137家"),
    (figure(25, "2024-10-08", "2024-01-01"), "en", "25 enterprises added from 2024-01-01 to 2024-10-08"),
    (figure(11000, "2024-12-31", "2024-01-01", comparator=">"), "en", "more than 11,000 enterprises added in 2024"),
    (figure(11000, "2024-12-31", "2024-01-01", comparator=">"), "zh", "2024年新增超过11,000家"),
])
def test_a_figure_is_a_level_on_a_date_or_an_addition_from_to(observation, lang, words):
    assert sentences.figure_words(dict(observation, unit_zh="家", unit_en="enterprises"), lang) == words


def test_every_real_target_is_worded_in_both_languages_with_its_qualifiers():
    from conftest import REPO
    from scripts.package import load_package
    from scripts.standing.records import standings

    for known in standings(load_package(REPO).records).values():
        for lang in ("zh", "en"):
            goal, words = sentences.goal(known.target, lang), sentences.status_sentence(known, lang)
            assert words and not [never for never in NEVER[lang] if never in words], words
            if known.kind == "increment":
                assert ("new" in goal or "newly" in known.target["indicator_en"]) if lang == "en" else \
                    any(word in goal + known.target["indicator_zh"] for word in ("新增", "新培育", "新建")), goal
            if known.kind == "annual":
                assert ("a year" in goal) if lang == "en" else goal.startswith("每年"), goal
            if known.status in ("no_figure", "baseline_only"):
                assert known.plan.searched in words, words


@pytest.mark.parametrize("lang, words", [("en", "Met in 2024 (by part of the year alone: 804 enterprises added from 2024-01-01 to 2024-03-30)"),
                                         ("zh", "2024年已达到（仅该年的一部分即已达到：2024-01-01至2024-03-30新增804家）")])
def test_a_year_met_by_part_of_it_says_so(lang, words):
    """804 innovative SMEs on the first 2024 list (January to March) against 800 a year: met, and by a part of the year."""
    known = standing(target("annual", "800"), [figure(804, "2024-03-30", "2024-01-01")], PLAN)
    assert words in sentences.status_sentence(known, lang)
