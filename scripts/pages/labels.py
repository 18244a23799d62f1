"""Every fixed phrase the generated pages use, in both languages, so no page is left half-translated."""

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"

LABELS = {
    "not_stated": ("未说明", "not stated"),
    "not_reported": ("未报告", "not reported"),
    "none": ("无", "none"),
    "inherited": ("沿用", "inherited"),
    "unofficial": ("本站译文，非官方译本", "our translation, not an official one"),
    "original": ("原文", "Original text (Chinese, verbatim)"),
    "translation": ("英文译文（非官方）", "English translation (unofficial)"),
    "no_own_text": ("本条目没有自身正文，其内容见下级条目。",
                    "This heading has no body text of its own; see the headings under it."),
    "responsible": ("责任单位", "Responsible units"),
    "responsible_stated": ("原文在本条目列出的责任单位（按原文顺序）：",
                           "Units the text names for this heading, in the text's order:"),
    "responsible_inherited": ("原文未在本条目单列责任单位；沿用上级条目 {parent} 的责任单位：",
                              "The text names no units for this heading itself; they are inherited from {parent}:"),
    "responsible_none": ("原文未为本条目列出责任单位。", "The text names no responsible units for this heading."),
    "responsible_line": ("原文责任单位行", "The responsible-units line as written"),
    "targets": ("目标", "Targets"),
    "no_targets": ("本条目未提出量化目标。", "This heading states no quantified target."),
    "terms_used": ("使用的术语", "Terms used"),
    "no_terms": ("本条目未使用术语表中的术语。", "This heading uses none of the glossary's terms."),
    "in_full_text": ("在全文中的位置", "In the full text"),
    "paragraphs": ("段落", "paragraphs"),
    "sub_headings": ("下级条目", "Headings under this one"),
    "part_of": ("所属", "Part of"),
    "indicator": ("指标", "Indicator"),
    "type": ("类型", "Type"),
    "target": ("目标值", "Target"),
    "year": ("年份", "Year"),
    "measure": ("条目", "Heading"),
    "quote": ("原文", "Quote (Chinese)"),
    "note": ("说明", "Note"),
    "note_en": ("说明（英文）", "Note"),
    "agency": ("单位", "Unit"),
    "position": ("位次", "Position"),
    "listed_first": ("排名第一", "listed first"),
    "total": ("合计", "Total"),
    "term": ("术语", "Term"),
    "kind": ("类别", "Kind"),
    "first_used": ("首次出现", "First used in"),
    "preamble": ("序言", "the preamble"),
    "explanation": ("说明", "Explanation"),
    "explanation_other": ("英文说明", "Explanation in Chinese"),
    "used_in": ("出现于以下条目", "Used in these headings"),
    "as_of": ("截至", "As of"),
    "reported": ("报告值", "Reported"),
    "source": ("来源", "Source"),
    "source_kind": ("来源类型", "Kind of source"),
    "field": ("字段", "Field"),
    "title": ("标题", "Title"),
    "description": ("说明", "Description"),
    "constraints": ("约束", "Constraints"),
    "required": ("必填", "required"),
    "unique": ("唯一", "unique"),
    "pattern": ("格式", "pattern"),
    "allowed": ("可选值", "allowed values"),
    "minimum": ("最小值", "minimum"),
    "maximum": ("最大值", "maximum"),
    "primary_key": ("主键", "Primary key"),
    "foreign_keys": ("外键", "Foreign keys"),
    "file": ("文件", "File"),
    "one_row_is": ("每行是", "One row is"),
    "full_name": ("全称", "Full name"),
    "chinese_name": ("原文写法", "Name as written (Chinese)"),
    "english_name": ("英文名称", "English name"),
    "definition": ("原文界定", "Definition in the text"),
    "answers_for": ("负责的条目", "What it answers for"),
    "stated_at": ("原文列出于", "Named on the line of"),
    "inherited_by": ("下级条目沿用", "Inherited by"),
    "lines": ("责任单位行", "lines"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
}

# Values of enum fields, as the pages show them.
ENUMS = {
    "level": {"part": ("部分", "part"), "item": ("项", "item"), "subitem": ("条", "sub-item")},
    "target_type": {"level": ("总量", "level"), "increment": ("新增量", "increment"),
                    "annual": ("每年", "annual"), "amount": ("资金规模", "amount"),
                    "coverage": ("覆盖率", "coverage")},
    "comparator": {"=": ("", ""), ">=": ("≥ ", "≥ ")},
    "source_kind": {"official": ("官方发布", "official"), "press": ("新闻报道", "press"),
                    "secondary": ("转载或第三方", "secondary")},
    "agency_type": {"municipal-department": ("市政府部门", "municipal department"),
                    "central-branch": ("中央单位驻渝机构", "central-government branch in Chongqing"),
                    "district-governments": ("区县政府", "district and county governments"),
                    "unspecified-departments": ("未逐一列名的部门", "departments not named one by one")},
    "kind": {"programme": ("计划或行动", "programme"), "platform": ("平台", "platform"),
             "strategy": ("战略", "strategy"), "designation": ("称号或认定", "designation"),
             "mechanism": ("机制", "mechanism"), "fund": ("基金或资金", "fund"),
             "institution": ("机构", "institution"), "law": ("法规", "law"), "place": ("地区", "place")},
}


def t(key: str, lang: str, **values) -> str:
    """The phrase `key` in `lang`, with {placeholders} filled."""
    phrase = LABELS[key][LANGUAGES.index(lang)]
    return phrase.format(**values) if values else phrase


def enum(field: str, value: str, lang: str) -> str:
    """An enum value as shown to readers; an unknown value is shown as stored."""
    pair = ENUMS.get(field, {}).get(value)
    return pair[LANGUAGES.index(lang)] if pair else value


def suffix(lang: str) -> str:
    """The file suffix mkdocs-static-i18n expects: x.md for Chinese, x.en.md for English."""
    return ".md" if lang == DEFAULT_LANGUAGE else f".{lang}.md"
