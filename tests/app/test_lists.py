"""Lists and bullets as the user reads them, in each UI language: lists joined the way the
language writes them ("a, b i c", "a、b和c"), bullets that wrap under their text, not under
the bullet, with double-width Chinese lined up."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual.app import App
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Select
from textual.widgets._select import SelectCurrent

from tests.app.conftest import settle
from tests.app.forms_harness import FormHarness
from wizard.app.app import PolicyWizardApp
from wizard.app.guidance import guidance_for
from wizard.app.steps.review import ReviewStep
from wizard.app.steps.values import ValuesForm
from wizard.app.ui import AUDIENCES, _, language_name
from wizard.app.widgets.bullets import Hanging
from wizard.app.widgets.guidance import GuidancePanel
from wizard.i18n import set_ui_language


APP_TCSS = Path(__file__).resolve().parents[2] / "wizard" / "app" / "styles" / "app.tcss"


def values_data() -> dict:
    return {
        "schema_version": 1,
        "language": "en",
        "title": "Policy",
        "values": [{"name": "Honesty", "description": "We keep our word."}, {"name": "Respect"}],
    }


@pytest.mark.parametrize(
    ("ui", "edit_lang", "expected"),
    [
        ("en", "hr", "To do: Value 1, What it means in practice 1, and Value 2. The original text"),
        ("hr", "tr", "Preostaje: Vrijednost 1, Što to znači u praksi 1 i Vrijednost 2. Izvorni tekst"),
        ("zh", "hr", "待处理：价值观（第1项）、在实际工作中的含义（第1项）和价值观（第2项）。每个字段"),
        ("tr", "hr", "Yapılacaklar: Değer 1, Uygulamada ne anlama gelir 1 ve Değer 2. Kaynak metin"),
    ],
)
async def test_translation_to_do_is_a_list_in_the_ui_language(ui, edit_lang, expected):
    set_ui_language(ui)
    app = FormHarness(ValuesForm, values_data(), edit_lang=edit_lang)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        summary = str(app.form.query_one(".form-translation").content)
        assert expected in summary
        if ui == "zh":
            assert " " not in summary  # Chinese sentences follow each other without spaces


# ---------------------------------------------------------------------------
# Line breaking with a hanging indent (the renderable itself)
# ---------------------------------------------------------------------------

CLOSING = "，。、；：！？）》」”’"


def lines_at(renderable, width: int) -> list[str]:
    console = Console(width=width, color_system=None, legacy_windows=False)
    return [line.text.rstrip() for line in (Strip(segments) for segments in console.render_lines(renderable, pad=False))]


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        (
            "渠道“社交媒体”在适用范围内，但没有服务水平。",
            30,
            ["• 渠道“社交媒体”在适用范围内，", "  但没有服务水平。"],
        ),
        (
            "“as soon as we can”承诺了速度，却没有说明具体多快。",
            30,
            ["• “as soon as we can”承诺了速", "  度，却没有说明具体多快。"],
        ),
        (
            "The channel “social media” is in scope but has no service level.",
            30,
            ["• The channel “social media”", "  is in scope but has no", "  service level."],
        ),
        # "24小时" stays together: the number goes with what it counts
        ("请在24小时内回复客户的每一封邮件。", 9, ["• 请在", "  24小时", "  内回复", "  客户的", "  每一封", "  邮件。"]),
    ],
)
def test_bullets_wrap_under_their_text(text, width, expected):
    assert lines_at(Hanging(text), width) == expected


def test_a_mark_with_style_and_line_breaks_in_the_text():
    lines = lines_at(Hanging(Text("Line one\nline two is long enough to wrap"), Text("✓", style="green")), 20)
    assert lines == ["✓ Line one", "  line two is long", "  enough to wrap"]


def test_a_word_longer_than_the_line_is_cut_beside_the_bullet():
    assert lines_at(Hanging("abcdefghijklmnop qr"), 10) == ["• abcdefgh", "  ijklmnop", "  qr"]


def test_a_tail_stays_in_one_piece():
    hint = Text("(F1: more guidance)")
    assert lines_at(Hanging("Short text.", "", tail=hint), 40) == ["Short text.  (F1: more guidance)"]
    assert lines_at(Hanging("A longer text here.", "", tail=hint), 30) == ["A longer text here.", "(F1: more guidance)"]
    assert lines_at(Hanging("一份人人熟悉的简短政策。", "", tail=Text("（F1：更多指导）")), 30) == [
        "一份人人熟悉的简短政策。",
        "（F1：更多指导）",
    ]


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(alphabet="ab 渠道，。“”（）24", min_size=1, max_size=60),
    width=st.integers(min_value=6, max_value=40),
)
def test_lines_keep_every_character_and_fit(text, width):
    lines = lines_at(Hanging(text), width)
    assert lines[0].startswith("•")
    for number, line in enumerate(lines):
        assert cell_len(line) <= width
        if number:
            assert line.startswith("  ")
    kept = "".join(line[2:] for line in lines)
    assert kept.replace(" ", "") == text.replace(" ", "")


# ---------------------------------------------------------------------------
# What the user sees: the review step and the guidance panel at 80x24
# ---------------------------------------------------------------------------


def widget_lines(widget) -> list[str]:
    """The lines a widget shows (its whole content, also the part scrolled out of view)."""
    return [strip.text.rstrip() for strip in widget.render_lines(Region(0, 0, *widget.outer_size))]


def assert_hanging(lines: list[str], bullet: str, column: int) -> None:
    """`bullet` at `column`, its text after one space, later lines starting under that text."""
    first, *rest = lines
    assert first[:column] == " " * column and first[column:].startswith(bullet + " "), lines
    text_column = column + cell_len(bullet) + 1
    assert first[text_column:].strip(), f"the bullet stands alone: {lines}"
    for line in rest:
        assert line[:text_column] == " " * text_column and line[text_column] != " ", lines
        assert line[text_column] not in CLOSING, lines


@pytest.mark.parametrize("ui", ["en", "hr", "zh", "tr"])
async def test_review_findings_hang_under_their_text(policy, ui):
    set_ui_language(ui)
    app = PolicyWizardApp("edit", policy, theme="dark")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.editor.go_to("review")
        await settle(pilot)
        review = app.editor.form
        findings = list(review.query(".review-finding"))
        assert findings, "the example has findings to show"
        wrapped = 0
        for widget in findings:
            lines = widget_lines(widget)
            assert_hanging(lines, "•", 2)  # every bullet in the same column, under the state marks
            assert all(cell_len(line) <= widget.outer_size.width for line in lines)
            wrapped += len(lines) > 1
        assert wrapped or ui == "zh", "at 80 columns some finding wraps"
        for widget in review.query(".review-title"):
            (line,) = widget_lines(widget)  # state, title and count on one line
            assert line[0] in "✓!○" and line[1] == " " and line[2] != " "
        # the export pickers show their whole choice on one line
        shown = {"#export-lang": language_name("en"), "#export-audience": _(AUDIENCES["internal"])}
        for selector, label in shown.items():
            current = review.query_one(selector, Select).query_one(SelectCurrent)
            assert current.outer_size.height == 3
            assert widget_lines(current.query_one("#label"))[0].strip() == label


@pytest.mark.parametrize("ui", ["en", "hr", "zh", "tr"])
async def test_guidance_points_hang_under_their_text(ui):
    set_ui_language(ui)
    app = GuidanceApp()
    async with app.run_test(size=(50, 40)) as pilot:
        panel = app.query_one(GuidancePanel)
        panel.show_step("standards")
        panel.expanded = True
        await pilot.pause()
        lines = widget_lines(panel)
        points = [number for number, line in enumerate(lines) if line.startswith("• ")]
        assert len(points) == len(guidance_for("standards").good)
        ends = points[1:] + [lines.index(_("Example:"))]
        for start, end in zip(points, ends):
            assert_hanging(lines[start:end], "•", 0)
        assert any(end - start > 1 for start, end in zip(points, ends)), "some point wraps at 50 columns"

        panel.expanded = False  # the short form: the purpose, then the key hint in one piece
        await pilot.pause()
        hint = _("(F1: more guidance, F9: insert an example)")
        assert any(line.endswith(hint) for line in widget_lines(panel)), widget_lines(panel)


class GuidanceApp(App):
    def compose(self):
        yield GuidancePanel()


def test_a_removed_item_is_named_in_at_most_forty_cells():
    from wizard.app.widgets.list_editor import short

    assert short("Greet every customer by name") == "Greet every customer by name"
    chinese = short("在每一次通话结束时感谢客户并确认问题已经得到解决")
    assert cell_len(chinese) <= 40 and chinese.endswith("…") and chinese.startswith("在每一次通话")
    assert cell_len(short("x" * 60)) == 40


@dataclass(frozen=True)
class FakeFinding:
    path: tuple
    message: str
    severity: str = "warning"


class ReviewApp(App):
    CSS_PATH = str(APP_TCSS)

    def __init__(self, findings) -> None:
        super().__init__()
        self.findings = findings

    def compose(self):
        data = {"schema_version": 1, "language": "en", "mission": "We help."}
        yield ReviewStep(data, "en", states={"mission": "findings"}, findings=self.findings)


@pytest.mark.parametrize(
    ("ui", "more"),
    [
        ("en", "2 more suggestions on this step."),
        ("hr", "Još 2 prijedloga u ovom koraku."),
        ("zh", "本步骤还有2条建议。"),
        ("tr", "Bu adımda 2 öneri daha var."),
    ],
)
async def test_review_says_how_many_findings_it_does_not_list(ui, more):
    set_ui_language(ui)
    findings = [FakeFinding(("mission",), f"Finding number {n}.") for n in range(1, 8)]
    app = ReviewApp(findings)
    async with app.run_test(size=(80, 60)) as pilot:
        await pilot.pause()
        shown = app.query(".review-finding")
        assert [widget_lines(w)[0].strip() for w in shown] == [f"• Finding number {n}." for n in range(1, 6)]
        (note,) = app.query(".review-more")
        assert widget_lines(note)[0].strip() == more
