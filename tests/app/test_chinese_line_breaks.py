"""Chinese lines never start with closing punctuation, anywhere in the app: in the forms,
the guide, the findings, the dialogs and the toasts (the preview has its own test), at
several terminal widths; and a toast never draws a double-width character as blanks.

Each widget's own rendered lines are read (not the screen's rows, where a border or the
step list stands before the text), so a line is judged where the widget starts it.
"""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.geometry import Region
from textual.widgets import Button, Static, TextArea
from textual.widgets._toast import Toast

from tests.app.conftest import settle
from tests.app.conftest import opened
from wizard.app.app import PolicyWizardApp
from wizard.app.screens.editor import EditorScreen
from wizard.app.textual_fixes import textual_fixes_apply
from wizard.app.ui import STEP_KEYS
from wizard.app.widgets.bullets import divide_line
from wizard.app.widgets.preview import Preview
from wizard.i18n import set_ui_language

# The app's own line breaking and compositor replace Textual internals read in one release.
pytestmark = pytest.mark.skipif(not textual_fixes_apply(), reason="the app's fixes to Textual are off on this release")

# Marks that close a phrase or a bracket: a Chinese line may not start with them.
CLOSING = frozenset("，。、；：！？）」』”’》】…")
BORDERS = " \u00a0│┃▎▊▌█▐╭╮╰╯─━║"


def bad_line_starts(screen) -> list[str]:
    """The lines (of the text widgets shown on `screen`, the preview aside) that start with
    closing punctuation, each with the line before it."""
    found = []
    for widget in screen.query("*"):
        if not isinstance(widget, (Static, TextArea, Toast)) or isinstance(widget, Button):
            continue
        if not widget.display or not widget.region.area or any(isinstance(a, Preview) for a in widget.ancestors):
            continue
        lines = [strip.text for strip in widget.render_lines(Region(0, 0, *widget.outer_size))]
        for before, line in zip(["", *lines], lines):
            text = line.strip(BORDERS)
            if text[:1] in CLOSING:
                found.append(f"{type(widget).__name__}: {before.strip(BORDERS)!r} / {text!r}")
    return found


@pytest.mark.parametrize("width", range(6, 40, 3))
def test_the_app_breaks_chinese_before_no_closing_mark_and_keeps_units_with_numbers(width):
    text = "本步骤有2条建议（见下方各字段）。请先核对订单信息，然后答复：“我们会在24小时内处理。”"
    starts = [0, *divide_line(text, width)]
    lines = [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)])]
    assert "".join(lines) == text
    for line in lines:
        assert cell_len(line) <= width
        assert line[:1] not in CLOSING
    assert not any(line.endswith("（") or line.endswith("“") for line in lines)
    assert not any(a[-1:].isdigit() and b[:1] in "条小" for a, b in zip(lines, lines[1:]))


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (124, 36)])
async def test_no_chinese_line_starts_with_closing_punctuation_in_any_step_or_dialog(tmp_path, size):
    from wizard.app.screens.conflict import ConflictScreen
    from wizard.app.screens.open_elsewhere import OpenElsewhereScreen

    set_ui_language("zh")
    policy = tmp_path / "policy.yaml"
    app = PolicyWizardApp("new", policy, preset="online-store", lang="zh")
    async with app.run_test(size=size, notifications=True) as pilot:
        editor = await opened(pilot, EditorScreen)
        editor.action_toggle_guidance()  # the whole guide
        found = {}
        for step in STEP_KEYS:
            await editor.go_to(step)
            await settle(pilot)
            found[step] = bad_line_starts(app.screen)
        for dialog in (ConflictScreen(policy), OpenElsewhereScreen(policy, 2)):
            app.push_screen(dialog)
            await settle(pilot)
            found[type(dialog).__name__] = bad_line_starts(app.screen)
            await pilot.press("escape")
        await pilot.press("ctrl+q")
        await settle(pilot)
        found["quit"] = bad_line_starts(app.screen)
        await pilot.press("escape")
        for key in ("f3", "f9", "f5"):
            await pilot.press(key)
        await settle(pilot)
        found["toasts"] = bad_line_starts(app.screen)
    assert not {where: lines for where, lines in found.items() if lines}


def screen_text(app) -> str:
    """The screen as drawn, without its spaces and frames (a wrapped line joins the next)."""
    from tests.app.test_keys import screen_lines

    return "".join("".join(char for char in line if char not in BORDERS) for line in screen_lines(app))


async def test_an_open_drop_down_over_buttons_draws_every_chinese_character():
    """The drop-down's list lies over the export buttons, whose edges cut its lines."""
    set_ui_language("zh")
    app = PolicyWizardApp("new", preset="online-store", lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await opened(pilot, EditorScreen)
        await editor.go_to("review")
        await settle(pilot)
        editor.query_one("#export-audience").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "公开：服务承诺书" in screen_text(app)


async def test_a_toast_draws_every_chinese_character():
    set_ui_language("zh")
    app = PolicyWizardApp("new", lang="zh")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await opened(pilot, EditorScreen)
        app.notify("预览语言：中文（简体）。已填写的内容会保留，稍后可以继续修改每一项。")
        await settle(pilot)
        [toast] = app.screen.query(Toast)
        lines = [strip.text.strip(BORDERS) for strip in toast.render_lines(Region(0, 0, *toast.outer_size))]
        assert not bad_line_starts(app.screen)
        assert "".join(lines) == "预览语言：中文（简体）。已填写的内容会保留，稍后可以继续修改每一项。"
        # and on the screen, over the form's frames and fields
        assert "预览语言：中文（简体）。已填写的内容会保留，稍后可以继续修改每一项。" in screen_text(app)
