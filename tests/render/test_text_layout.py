"""Plain text: wrapped by terminal cells (Chinese takes two), tables laid out cell-aware."""

from __future__ import annotations

from wizard.render import render
from wizard.render.formatting import cell_len
from wizard.render.text import text_table, wrap


def test_wrap_respects_cells_for_chinese():
    text = "我们始终以客户为中心，" * 12
    lines = wrap(text, 30)
    assert all(cell_len(line) <= 30 for line in lines)
    assert "".join(lines) == text.strip()
    assert not any(line.startswith(("，", "。", "、", "：")) for line in lines)


def test_wrap_keeps_latin_words_whole_and_indents():
    lines = wrap("alpha beta gamma delta epsilon zeta eta theta", 20, "  - ", "    ")
    assert lines == ["  - alpha beta gamma", "    delta epsilon", "    zeta eta theta"]


def test_overlong_words_are_cut_to_fit():
    url = "https://example.com/" + "a" * 120
    lines = wrap(f"See {url} now", 78)
    assert all(cell_len(line) <= 78 for line in lines)
    assert "".join(line.strip() for line in lines).replace("See", "").replace(" now", "") == url


def test_table_columns_line_up_with_chinese():
    lines = text_table(("渠道", "首次响应"), (("电话", "3分钟"), ("电子邮件", "24小时")))
    assert lines[0] == "渠道      首次响应"
    assert lines[1] == "--------  --------"
    assert lines[3] == "电子邮件  24小时"


def test_wide_tables_wrap_inside_their_columns():
    long = "word " * 40
    lines = text_table(("A", "B", "C", "D"), ((long, long, "x" * 100, "短"),))
    assert all(cell_len(line) <= 78 for line in lines)
    assert len(lines) > 5


def test_whole_document_fits_in_78_cells():
    data = {
        "schema_version": 1,
        "language": "zh",
        "mission": "使命" * 100,
        "escalation": [{"level": 1, "role": "客户服务经理" * 10, "when": "x" * 90, "within": "1 hour"}],
        "standards": {"always": ["始终" * 80]},
    }
    for lang in ("en", "hr", "zh", "tr"):
        for line in render(data, lang, "txt").splitlines():
            assert cell_len(line) <= 78, line
