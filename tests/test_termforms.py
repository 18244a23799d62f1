"""Where a termbase form stands in a text: as written, or with a gap inside one clause."""
from scripts.termforms import GAP_MAX, occurs, spans


def test_a_form_as_written_is_found_wherever_it_stands():
    assert spans("企业", "中小企业和上市企业") == [(2, 4), (7, 9)]


def test_a_gap_holds_names_and_their_enumeration_commas():
    text = "发挥集群运营管理机构、龙头企业、专业机构作用,加强集群公共服务。"
    assert spans("发挥…作用", text) == [(0, 22)]


def test_a_gap_never_crosses_a_clause_or_runs_long():
    assert not occurs("充分发挥…功能", "充分发挥重庆股份转让中心作用,完善功能")  # a comma ends the clause
    assert not occurs("充分发挥…功能", "充分发挥\n功能")  # so does a line break (a heading's title and its text)
    assert occurs("充分发挥…功能", "充分发挥" + "中" * GAP_MAX + "功能")
    assert not occurs("充分发挥…功能", "充分发挥" + "中" * (GAP_MAX + 1) + "功能")
    assert not occurs("充分发挥…功能", "充分发挥功能")  # the gap holds a name: at least one character
