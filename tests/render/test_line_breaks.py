"""Line-breaking rules shared by the plain-text renderer and the preview (through Rich):
no line starts with closing punctuation, no number is parted from its unit, no break at a
no-break space; and the no-break spaces the formatter writes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.markdown import Markdown

from wizard.app.widgets.preview import use_document_line_breaks
from wizard.render import render
from wizard.render.formatting import NBSP, cell_len, format_date, format_duration, format_signed
from wizard.render.linebreak import NO_BREAK_AFTER, NO_BREAK_BEFORE, break_offsets
from wizard.render.text import wrap

CLOSING = "，。、；：！？）」』”…%"
# Chinese sentences with numbers, units and punctuation; Latin words with bound quantities.
CHINESE = st.lists(
    st.one_of(
        st.sampled_from(list("我们在工作日内确认收到投诉请联系当班组长及店长客户负责人")),
        st.sampled_from(list(CLOSING + "（「“")),
        st.integers(0, 999).map(lambda n: f"{n}个工作日"),
        st.integers(0, 99).map(lambda n: f"{n}分钟"),
    ),
    min_size=1,
    max_size=80,
).map("".join).filter(lambda text: not re.search("[" + re.escape(CLOSING + "（「“") + "]{4,}", text))
LATIN = st.lists(
    st.one_of(
        st.sampled_from(["odgovaramo", "u", "roku", "od", "içinde", "çözeriz", "we", "answer", "within"]),
        st.integers(1, 99).map(lambda n: f"{n}{NBSP}iş{NBSP}günü"),
        st.integers(1, 99).map(lambda n: f"{n}{NBSP}minuta"),
    ),
    min_size=1,
    max_size=40,
).map(" ".join)
# Wide enough for the longest unbreakable piece the strategy makes ("（「“999，。、").
WIDTHS = st.integers(16, 60)


def assert_rules(lines: list[str], width: int) -> None:
    for before, line in zip(lines, lines[1:]):
        stripped = line.lstrip()
        if not stripped or not before.rstrip():
            continue
        # Closing punctuation may start a line only if it did not fit anywhere else: never here.
        assert stripped[0] not in NO_BREAK_BEFORE, (before, line)
        assert before.rstrip()[-1] not in NO_BREAK_AFTER, (before, line)
        # A number never ends a line when its unit (or the rest of the number) starts the next.
        assert not (before.rstrip()[-1].isdigit() and not line[:1].isspace() and stripped[0] != " "), (before, line)
    for line in lines:
        assert cell_len(line) <= width


@settings(max_examples=150, deadline=None)
@given(CHINESE, WIDTHS)
def test_text_wrap_follows_chinese_line_breaking(text, width):
    lines = wrap(text, width)
    assert "".join(lines) == text
    assert_rules(lines, width)


@settings(max_examples=150, deadline=None)
@given(LATIN, WIDTHS)
def test_text_wrap_never_breaks_at_a_no_break_space(text, width):
    lines = wrap(text, width)
    assert [piece for line in lines for piece in line.split(" ")] == text.split(" ")


@settings(max_examples=80, deadline=None)
@given(CHINESE, WIDTHS)
def test_rich_in_the_preview_breaks_chinese_lines_by_the_same_rules(text, width):
    offsets = break_offsets(text, width)
    lines = [text[start:end] for start, end in zip([0, *offsets], [*offsets, len(text)])]
    assert "".join(lines) == text
    assert_rules(lines, width)
    use_document_line_breaks()
    console = Console(width=width, record=True, color_system=None)
    console.print(Markdown(text))
    shown = [line.rstrip() for line in console.export_text().splitlines() if line.strip()]
    assert_rules(shown, width)


def test_the_reviewed_cases():
    """zh A25/A27: "5\\n个工作日", "…店长\\n。"; tr S11: "10 iş\\ngünü"."""
    lines = wrap("如有问题，请在5个工作日内联系当班组长及店长。", 15)
    assert lines == ["如有问题，请在", "5个工作日内联系", "当班组长及", "店长。"]
    data = {"schema_version": 1, "language": "tr", "procedures": [{"kind": "complaints", "resolve_within": "10 working days"}]}
    text = render(data, "tr", "txt")
    assert "10\u00a0iş\u00a0günü içinde" in text


def test_no_break_spaces_in_dates_and_durations():
    assert format_date("2026-12-01", "hr") == f"1.{NBSP}prosinca 2026."
    assert format_duration("3 minutes", "hr") == f"3{NBSP}minute"
    assert format_duration("10 working days", "tr") == f"10{NBSP}iş{NBSP}günü"
    data = {"schema_version": 1, "language": "en", "procedures": [{"kind": "complaints", "acknowledge_within": "1 working day"}]}
    # Croatian puts the unit in the genitive ("1 radnog dana"): the number still holds to it.
    assert re.search(f"u roku od 1{NBSP}radnog", render(data, "hr", "md"))


def test_nps_uses_the_locale_minus_sign():
    assert format_signed(-10, "hr") == "\u221210"  # CLDR: Croatian writes U+2212
    assert format_signed(-10, "en") == "-10"
    assert format_signed(40, "hr") == "+40" and format_signed(0, "hr") == "0"


def test_a_duration_wider_than_its_column_breaks_at_a_no_break_space_not_inside_a_word():
    assert wrap(f"5{NBSP}radnih{NBSP}dana", 9) == [f"5{NBSP}radnih{NBSP}", "dana"]
    offsets = break_offsets(f"2{NBSP}working{NBSP}days", 10, fold=False)
    assert offsets == [len(f"2{NBSP}working{NBSP}")]


# Words a line must never split (A25: "负责\n人", "客\n户", "5\n个工作日"): our own terms and
# units, and common words of the author's text.
WORDS = ["工作日", "负责人", "客户", "店长", "首次响应时限", "即时通讯应用", "满意度", "问题升级机制",
         "SLA达成率", "服务结束流程", "班组长", "知识库", "退换货", "办结", "受理", "投诉"]
QUANTITIES = ["5个工作日内", "24小时", "30分钟内", "12个月", "1个工作日"]
# A sentence is words and quantities each closed by a mark: no word runs into the next, so
# where the words are is not in doubt.
WORD_SENTENCES = st.lists(
    st.tuples(st.sampled_from(WORDS + QUANTITIES), st.sampled_from(list("，。、；：") + ["", ""])),
    min_size=1,
    max_size=30,
).map(lambda items: [word + mark for word, mark in items])


def inner_offsets(parts: list[str]) -> set[int]:
    """Offsets inside a word or quantity of `parts` (joined), where no line may start."""
    inside, offset = set(), 0
    for part in parts:
        word = part.rstrip("，。、；：")
        inside.update(range(offset + 1, offset + len(word)))
        offset += len(part)
    return inside


@settings(max_examples=150, deadline=None)
@given(WORD_SENTENCES, st.integers(14, 60))
def test_no_line_breaks_inside_a_chinese_word(parts, width):
    text = "".join(parts)
    lines = wrap(text, width)
    assert "".join(lines) == text
    starts = {sum(len(line) for line in lines[:i]) for i in range(1, len(lines))}
    assert not starts & inner_offsets(parts), lines
    assert not set(break_offsets(text, width)) & inner_offsets(parts)


@pytest.mark.parametrize("width", [12, 16, 20, 30, 40, 78])
@pytest.mark.parametrize(
    "sentence, words",
    [
        ("所有投诉须在1个工作日内受理，7个工作日内办结。", ["所有", "投诉", "1个工作日内", "受理", "7个工作日内", "办结"]),
        ("如您对我们的服务不满意，请随时告诉我们，我们会登记并答复每一件投诉。", ["服务", "满意", "随时", "告诉", "登记", "答复", "投诉"]),
        ("新员工先接受三周集中培训，再在班组长陪同下试岗一周，通过质检考核后独立上岗。", ["员工", "集中", "培训", "班组长", "陪同", "质检", "考核", "独立", "上岗"]),
        ("质检专员每月为每位客服代表抽检8通录音；SLA达成率和客户满意度每周通报。", ["质检", "专员", "客服", "代表", "抽检", "录音", "SLA达成率", "客户", "满意度", "通报"]),
        ("全体员工每12个月参加一次复训。", ["全体", "员工", "12个月", "参加", "一次", "复训"]),
    ],
)
def test_sentences_of_the_presets_keep_their_words_at_every_width(sentence, words, width):
    lines = wrap(sentence, width)
    assert "".join(lines) == sentence
    assert_rules(lines, width)
    for word in words:
        assert any(word in line for line in lines), (word, lines)


@pytest.mark.parametrize("width", [20, 24, 30, 40])
def test_dates_and_ranges_stay_on_one_line(width):
    sentence = "最近修订日期：2026年12月15日，服务时间为每天9:00至18:00，退款在1至5个工作日内到账。"
    lines = wrap(sentence, width)
    assert "".join(lines) == sentence
    for quantity in ("2026年12月15日", "9:00至18:00", "1至5个工作日内"):
        assert any(quantity in line for line in lines), (quantity, lines)


@pytest.mark.parametrize(
    "text, width, last_line",
    [
        ("javi se kupcu u roku od 3 radna dana.", 26, "3 radna dana."),  # a preset's own sentence
        ("za pozive je cilj da se na 80 % poziva odgovori", 29, "80 % poziva odgovori"),
        ("başka bir müşteriyle ilgilensek bile 2 dakika içinde", 38, "2 dakika içinde"),
    ],
)
def test_a_number_in_the_authors_own_text_stays_with_the_word_after_it(text, width, last_line):
    """The formatter writes no-break spaces only in the quantities it formats; a sentence a
    preset or an author wrote has ordinary spaces, and still no line ends in its number."""
    assert wrap(text, width)[-1] == last_line
    assert text[break_offsets(text, width)[-1]:] == last_line


def test_a_year_or_a_list_of_numbers_still_wraps():
    lines = wrap("Plan za 2026. godinu: 1 2 3 4 5 6 7 8 9 10 11 12", 12)
    assert all(cell_len(line) <= 12 for line in lines) and " ".join(lines).split() == "Plan za 2026. godinu: 1 2 3 4 5 6 7 8 9 10 11 12".split()
