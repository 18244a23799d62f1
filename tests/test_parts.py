"""scripts/site/parts.py: the runs of the other language in a generated text are marked, and nothing else."""
import pytest

from scripts.site.parts import markdown_in, marked

ZH, EN = '<span lang="zh">', '<span lang="en">'


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # Chinese on an English page: the whole run, with its marks and digits, one span.
    ("The notice (渝府办发〔2024〕14号) as data", "en", f"The notice &#40;{ZH}渝府办发〔2024〕14号</span>&#41; as data"),
    ("plain numbers (8.6万家 → 86,000)", "en", f"plain numbers &#40;{ZH}8.6万家</span> → 86,000&#41;"),
    ("iChongqing丨news", "en", f"iChongqing{ZH}丨</span>news"),
    ("Only English here", "en", "Only English here"),
    # English on a Chinese page: a phrase of two words or more, addresses and codes left out.
    ("官方英文媒体曾用 Chongqing Local Financial Supervision and Administration Bureau。", "zh",
     f"官方英文媒体曾用 {EN}Chongqing Local Financial Supervision and Administration Bureau</span>。"),
    ("首次出现时附释义：Yulian (Chongqing Chain) Loan、Qianlima (Fine Steed) Action。", "zh",
     f"首次出现时附释义：{EN}Yulian &#40;Chongqing Chain&#41; Loan</span>、{EN}Qianlima &#40;Fine Steed&#41; Action</span>。"),
    ("见 tjj.cq.gov.cn 的说明（http://tjj.cq.gov.cn/zwgk_233/sm02.htm）", "zh",
     "见 tjj.cq.gov.cn 的说明（http&#58;//tjj.cq.gov.cn/zwgk&#95;233/sm02.htm）"),
    ("用 Pagefind 检索，CC BY 4.0 许可，SRDI SMEs，t05、cq-2024-14-m3.1.2", "zh",
     "用 Pagefind 检索，CC BY 4.0 许可，SRDI SMEs，t05、cq-2024-14-m3.1.2"),
    ("托管（held in custody）", "zh", f"托管（{EN}held in custody</span>）"),
    # Spaces and escaping as escape.text gives them; an empty text stays empty.
    ("a  <b>\n 中", "en", f"a &#60;b&#62; {ZH}中</span>"),
    ("", "zh", ""),
])
def test_marked(text, lang, expected):
    assert marked(text, lang) == expected


def test_english_markdown_marks_chinese_outside_code_and_the_whole_on_chinese_pages():
    markdown = "- **Checks** flag 新增 and `新增` in\n\n```text\n万 = 10000\n```\n\n<a title=\"目标\">x</a>"
    english = markdown_in(markdown, "en", "en")
    assert english == markdown.replace("flag 新增", f"flag {ZH}新增</span>")
    assert markdown_in(markdown, "en", "zh") == f'<div lang="en" markdown>\n\n{english}\n\n</div>'


def test_chinese_markdown_marks_english_phrases_outside_code_and_the_whole_on_english_pages():
    markdown = ("- **推动**译作 “push for”，不再用 “ensure”；见 `make validate --codes zh` 与 README 的\n"
                "  “Where things\n  are” 一节，以及 https://example.org/a-b/c。\n\n### 数据\n- 每年 “every year”")
    chinese = markdown_in(markdown, "zh", "zh")
    assert chinese == (markdown.replace("push for", f"{EN}push for</span>")
                       .replace("Where things\n  are", f"{EN}Where things\n  are</span>")
                       .replace("every year", f"{EN}every year</span>"))
    assert markdown_in(markdown, "zh", "en") == f'<div lang="zh" markdown>\n\n{chinese}\n\n</div>'
