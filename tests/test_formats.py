"""scripts/site/formats.py: one form for every figure, the same in both languages, exact as the data."""
import pytest

from scripts.site.formats import number, target_value


@pytest.mark.parametrize(("value", "shown"), [
    ("86000", "86,000"), ("42989", "42,989"), ("10416", "10,416"), ("1000000000", "1,000,000,000"),
    ("5035", "5,035"), ("120", "120"), ("0", "0"), ("2.5", "2.5"), ("20000.0", "20,000"),
    ("1234567.125", "1,234,567.125"),
])
def test_a_figure_is_written_in_full_with_separators_in_both_languages(value, shown):
    assert number(value, "zh") == number(value, "en") == shown


def test_a_target_keeps_its_comparator_and_unit():
    target = {"comparator": ">=", "value": "86000", "unit_zh": "家", "unit_en": "enterprises"}
    assert target_value(target, "zh") == "≥ 86,000 家"
    assert target_value(target, "en") == "≥ 86,000 enterprises"
