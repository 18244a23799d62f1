"""The real data is complete: counts derived from the stored source text itself, not typed in."""
import re

import pytest

from scripts.validate.checks.responsibilities import RESPONSIBLE_LINE
from scripts.package import load_package
from conftest import REPO

SOURCE = ((REPO / "data") / "source" / "cq-2024-14.txt").read_text(encoding="utf-8")
FACTS = ((REPO / "data") / "source" / "FACTS.md").read_text(encoding="utf-8")
# The document runs from its title to the attachment's title; around it is the web page's navigation and footer.
FIRST_LINE, LAST_LINE = "重庆市人民政府办公厅关于", "推动优质中小企业梯度培育目标清单"


@pytest.fixture(scope="module")
def package():
    return load_package(REPO)


def document_lines() -> list[str]:
    lines = [line.strip() for line in SOURCE.splitlines()]
    start = lines.index(FIRST_LINE)
    end = len(lines) - 1 - lines[::-1].index(LAST_LINE)
    return [line for line in lines[start:end + 1] if line]


def responsible_lines() -> list[str]:
    return [found[1] for line in document_lines() if (found := RESPONSIBLE_LINE.search(line))]


def units_on(line: str) -> list[str]:
    """The units a 责任单位 line names, with the text's own definition of 区县政府 folded to one unit."""
    body = line.removeprefix("责任单位:")
    body = re.sub(r"各区县\(自治县\)政府和.*?\(以下统称区县政府\)", "各区县政府", body)
    return re.split("[、,]", body)


def test_paragraphs_are_the_document_lines_in_order(package):
    assert package.tables["paragraphs"]["text_zh"].tolist() == document_lines()


def test_no_navigation_or_footer_in_the_text(package):
    text = "".join(package.tables["paragraphs"]["text_zh"])
    for web_page_line in ("Adobe Flash Player", "Copyright", "渝ICP备", "栏目导航", "上一篇", "点击"):
        assert web_page_line not in text


def test_every_heading_is_a_measure(package):
    levels = package.tables["measures"]["level"].value_counts().to_dict()
    lines = document_lines()
    parts = [line for line in lines if re.match("^[一二三四]、", line)]
    items = [line for line in lines if re.match(r"^\([一二三四五六七]\)", line)]
    subitems = [line for line in lines if re.fullmatch(r"\d", line)]
    assert (levels["part"], levels["item"], levels["subitem"]) == (len(parts), len(items), len(subitems))
    assert len(subitems) == 23  # the issue's "six actions of 23 numbered measures"


def test_every_responsible_line_is_recorded(package):
    recorded = [line for line in package.tables["measures"]["responsible_line_zh"] if line]
    assert recorded == responsible_lines()
    assert len(recorded) == SOURCE.count("责任单位:")


def test_one_responsibility_per_unit_on_each_line(package):
    assert len(package.tables["responsibilities"]) == sum(len(units_on(line)) for line in responsible_lines())


def test_one_agency_per_distinct_unit(package):
    distinct = {unit for line in responsible_lines() for unit in units_on(line)}
    assert set(package.tables["agencies"]["name_zh"]) == distinct


def test_districts_carry_the_texts_definition(package):
    agencies = package.tables["agencies"].set_index("name_zh")
    definition = agencies.loc["各区县政府", "definition_quote_zh"]
    assert definition.endswith("(以下统称区县政府)") and definition in SOURCE


def test_every_quantified_commitment_is_a_target(package):
    targets = package.tables["targets"]
    goals_2027 = next(line for line in document_lines() if line.startswith("到2027年"))
    figures_2027 = re.findall(r"\d+(?:\.\d+)?万?(?:家|个|件)", goals_2027)
    annual = re.findall(r"每年[^。]*?\d+[^。]*?以上", SOURCE)
    assert (targets["target_year"] == "2027").sum() == len(figures_2027) == 10
    assert (targets["target_type"] == "annual").sum() == len(annual) == 7
    quotes = set(targets["quote_zh"])
    assert "加快建设10亿元中小微企业贷款风险补偿资金池" in quotes
    assert "实现专精特新企业服务专员全覆盖" in quotes


def test_document_facts_come_from_facts_file(package):
    document = package.tables["documents"].iloc[0]
    for fact in ("doc_number", "index_number", "published_date", "official_url", "capture_url",
                 "interpretation_url", "reported_issued_date", "reported_issued_source_url"):
        assert document[fact] and document[fact].strip("/") in FACTS.replace(" ", ""), fact
    assert document["attachment_status"] == "missing"
    assert document["signed_date"] == "2024-02-04" and "2024年2月4日" in SOURCE


def test_the_figure_facts_md_names_is_recorded_from_its_reprint(package):
    """FACTS.md reports 5,035 SRDI SMEs from a reprint: recorded with that page as a reprint source, and
    now with its quote, checked against the stored excerpt."""
    progress, sources = package.tables["progress"], package.tables["sources"].set_index("source_id")
    observation = progress[progress["value"] == "5035"].iloc[0]
    source = sources.loc[observation["source_id"]]
    assert source["url"] in FACTS and source["kind"] == "reprint" and source["published_date"] == "2024-06-19"
    assert "5035" in observation["quote_zh"] and observation["target_id"] == "cq-2024-14-t03"


def test_named_programmes_are_terms(package):
    terms = set(package.tables["terms"]["term_zh"])
    named_in_issue = {"33618", "416", "渝企码", "渝企零距离", "渝贸全球", "渝跃行动", "千里马", "渝链贷", "企业吹哨·部门报到"}
    assert named_in_issue <= terms
