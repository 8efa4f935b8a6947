"""What new users met in the editor (issue 14), reproduced with keys as they pressed them:
no key lost after an action, the right language everywhere, readable in every theme and size."""

from __future__ import annotations

import shutil

import pytest

from tests.app.conftest import burst, open_palette, run_command, settle, wait_for
from tests.app.test_keys import palette_text, screen_lines
from wizard.app.app import PolicyWizardApp
from wizard.app.widgets.preview import Preview, SectionView
from wizard.i18n import set_ui_language


@pytest.fixture
def english_policy(tmp_path, examples):
    target = tmp_path / "policy.yaml"
    shutil.copy(next(p for p in examples if p.name.startswith("northwind")), target)
    return target


def screen_text(app) -> str:
    return "\n".join(screen_lines(app))


def preview_markdown(app) -> str:
    return "\n".join(view.markdown for view in app.editor.query_one(Preview).query(SectionView))


# ---------------------------------------------------------------------- right language


async def test_the_preview_follows_the_language_being_written_back_to_the_policys_own(english_policy):
    app = PolicyWizardApp("edit", english_policy)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        for written, caption in (("hr", "Preview: Croatian"), ("zh", "Preview: Chinese"),
                                 ("tr", "Preview: Turkish"), ("en", "Preview: English")):
            await pilot.press("f4")
            await settle(pilot)
            assert app.editor.edit_lang == written
            assert app.editor.query_one(Preview).lang == written
            assert caption in screen_text(app)
        await pilot.press("f8")  # and on the next step too
        await settle(pilot)
        assert app.editor.query_one(Preview).lang == "en"
        assert "Purpose and scope" in preview_markdown(app)
        assert "Preview: English" in screen_text(app)


async def test_language_names_are_in_the_ui_language(english_policy):
    set_ui_language("hr")
    app = PolicyWizardApp("edit", english_policy)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f4")  # translate into Croatian
        await settle(pilot)
        shown = screen_text(app)
        assert "Pregled: hrvatski" in shown
        assert "engleski" in shown  # the original text's language, under each field
        for own_name in ("English", "Hrvatski", "Türkçe"):
            assert own_name not in shown


async def test_the_app_language_chosen_in_the_palette_is_used_at_the_next_start_and_by_check(tmp_path, english_policy, capsys):
    app = PolicyWizardApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        # the language's own name finds it, without its diacritics
        await run_command(pilot, "turkce", shown="App language: Turkish")
    set_ui_language("en")  # a new process
    from wizard.cli import main

    main(["check", str(english_policy)])
    assert "hız vaat ediyor ama ne kadar hızlı olduğunu söylemiyor" in capsys.readouterr().out
    app = PolicyWizardApp()
    from wizard.i18n import chosen_language

    set_ui_language(chosen_language())  # as the command line does before it starts the app
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "Politika Sihirbazı" in screen_text(app)


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANGUAGE": "de:tr", "LANG": "hr_HR.UTF-8"}, "tr"),  # LANGUAGE first, its first language we have
    ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "hr_HR.UTF-8"}, "zh"),  # LC_MESSAGES before LANG
    ({"LC_ALL": "hr_HR.UTF-8", "LC_MESSAGES": "tr_TR.UTF-8"}, "hr"),  # LC_ALL before LC_MESSAGES
    ({"LANGUAGE": "hr", "LANG": "C.UTF-8"}, "en"),  # gettext ignores LANGUAGE in the C locale
    ({"LANG": "de_DE.UTF-8", "LC_MESSAGES": ""}, "en"),
])
def test_the_ui_language_comes_from_the_locale_variables_in_gettexts_order(environ, expected):
    from wizard.i18n import language_from_environment

    assert language_from_environment(environ) == expected


@pytest.mark.parametrize(("ui", "typed", "found"), [
    ("tr", "ÖNİZLEME", "Önizleme dili: Türkçe"),
    ("tr", "onizleme", "Önizleme dili: Türkçe"),
    ("tr", "FARKLI", "Farklı kaydet…"),
    ("zh", "按键", "快捷键"),
    ("hr", "spremi kao", "Spremi kao…"),
])
async def test_palette_search_folds_case_and_diacritics_and_knows_other_words(english_policy, ui, typed, found):
    set_ui_language(ui)
    app = PolicyWizardApp("edit", english_policy)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await open_palette(pilot)
        burst(app, *typed)
        assert await wait_for(pilot, lambda: found in palette_text(app)), palette_text(app)


# ---------------------------------------------------------------------- nothing typed goes nowhere


async def go_to(pilot, step: str) -> None:
    await pilot.app.editor.go_to(step)
    await settle(pilot)


async def test_typing_on_the_add_button_of_an_empty_list_starts_an_item():
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await go_to(pilot, "values")
        assert "Add" in str(app.focused.label)  # an empty list: the focus is on "+ Add"
        burst(app, *"Honesty")
        await settle(pilot)
        assert app.editor.data["values"] == [{"name": "Honesty"}]


async def test_the_export_dialog_from_the_palette_takes_the_typed_file_name(workdir, english_policy):
    app = PolicyWizardApp("edit", english_policy)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await open_palette(pilot)
        target = workdir / "mine.md"
        burst(app, *"Export: Markdown", "enter", *"mine.md", "enter")
        await settle(pilot)
        for _ in range(40):
            if target.exists():
                break
            await pilot.pause(0.1)
        assert target.read_text(encoding="utf-8").startswith("# ")


async def test_keys_typed_right_after_choosing_a_channel_go_to_its_new_row():
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await go_to(pilot, "standards")
        from textual.widgets import Select

        adder = app.editor.form.query_one("#service-levels").query_one(".list-add-choice", Select)
        app.editor.set_focus(adder)
        await pilot.pause()
        burst(app, "enter", "down", "enter", "2", "4")  # open, go to the first channel, take it, type at once
        await settle(pilot)
        levels = app.editor.data["standards"]["service_levels"]
        assert levels[0]["channel"] == "phone"
        assert levels[0]["first_response"].startswith("24 ")


async def test_enter_after_choosing_a_starter_policy_starts():
    app = PolicyWizardApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        from textual.widgets import Select

        app.screen.set_focus(app.screen.query_one("#preset", Select))
        await pilot.pause()
        burst(app, "enter", "down", "enter", "enter")  # open, the first starter, take it, start
        await settle(pilot, rounds=3)
        assert app.editor is not None
        assert app.editor.data.get("mission")  # a starter policy, not a blank one


# ---------------------------------------------------------------------- small things


async def test_the_duration_unit_is_picked_by_typing_in_chinese():
    from tests.app.forms_harness import FormHarness
    from wizard.app.steps.standards import StandardsForm
    from wizard.app.widgets.duration_picker import DurationPicker, UnitPicker

    set_ui_language("zh")
    data = {"schema_version": 1, "language": "zh",
            "standards": {"service_levels": [{"channel": "email", "first_response": "24 hours"}]}}
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=(80, 24)) as pilot:
        unit = app.form.query(DurationPicker).first().query_one(UnitPicker)
        unit.focus()
        await pilot.pause()
        for typed, expected in (("月", "month"), ("工", "working_day"), ("个", "month"), ("个", "working_day"),
                                ("小", "hour"), ("天", "day")):
            await pilot.press(typed)
            assert unit.unit == expected, typed
        assert data["standards"]["service_levels"][0]["first_response"] == "24 days"


async def test_the_quit_dialogs_buttons_move_with_the_arrow_keys():
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        burst(app, *"Acme")
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause(0.3)
        assert app.focused.id == "save"
        await pilot.press("right")
        assert app.focused.id == "discard"
        await pilot.press("right")
        assert app.focused.id == "cancel"
        await pilot.press("left", "left")
        assert app.focused.id == "save"
        await pilot.press("right", "right", "enter")  # "Keep editing"
        await settle(pilot)
        assert app.editor.data["title"] == "Acme"


# ---------------------------------------------------------------------- readable in every theme


def _luminance(color) -> float:
    def channel(value: int) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = color
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(foreground, background) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def is_mark(text: str) -> bool:
    """A one-character sign (✓ ! ▼ •): WCAG asks 3:1 of such graphics, 4.5:1 of text."""
    return len(text) == 1 and not text.isalnum()


def poorly_readable(app) -> list[str]:
    """Every run of text on the screen whose colours read below WCAG AA, as the terminal
    draws it: the compositor's segments with their final colours (dim halves the way to the
    background, as terminals draw it). Borders, scrollbars and disabled buttons (inactive
    controls, which WCAG leaves out) are not text."""
    found = []
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        x = 0
        for segment in strip:
            start, x = x, x + segment.cell_length
            style, text = segment.style, segment.text.strip()
            if not text or style is None or all(0x2500 <= ord(c) <= 0x259F or c.isspace() for c in text):
                continue
            foreground, background = style.color.get_truecolor(), style.bgcolor.get_truecolor()
            if style.dim:
                foreground = tuple((a + b) // 2 for a, b in zip(foreground, background))
            ratio = contrast(tuple(foreground), tuple(background))
            if ratio >= (3.0 if is_mark(text) else 4.5):
                continue
            widget, _region = app.screen.get_widget_at(start, y)
            if not widget.disabled:
                found.append(f"{ratio:.2f} {text!r} in {type(widget).__name__}")
    return found


@pytest.mark.parametrize("theme", ["light", "dark"])
async def test_every_text_of_every_step_is_readable_in_both_themes(english_policy, theme):
    from wizard.app.ui import STEP_KEYS

    app = PolicyWizardApp("edit", english_policy, theme=theme)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        problems = []
        for step in STEP_KEYS:
            await go_to(pilot, step)
            problems += [f"{step}: {problem}" for problem in poorly_readable(app)]
        await pilot.press("ctrl+q")  # the quit dialog too
        await pilot.pause(0.3)
        problems += [f"quit: {problem}" for problem in poorly_readable(app)]
    assert not problems, "\n".join(dict.fromkeys(problems))


@pytest.mark.parametrize("theme", ["light", "dark"])
async def test_the_welcome_screen_is_readable_in_both_themes(theme):
    app = PolicyWizardApp(theme=theme)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert not poorly_readable(app)


async def test_the_channels_chosen_in_scope_are_offered_in_the_service_levels():
    data = {"schema_version": 1, "language": "en", "purpose": {"channels": ["phone", "email", "live_chat"]},
            "standards": {"service_levels": [{"channel": "email", "first_response": "1 day"}]}}
    app = PolicyWizardApp("new", data=data)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await go_to(pilot, "standards")
        assert "Add the channels from scope" in screen_text(app)
        assert app.focused.id != "scope-channels"  # typing starts in the first field, as on every step
        app.editor.form.query_one("#scope-channels").focus()
        await settle(pilot)
        burst(app, "enter", "4")  # typed at once: the focus is in the first new row, its first response time
        await settle(pilot)
        levels = app.editor.data["standards"]["service_levels"]
        assert [level["channel"] for level in levels] == ["email", "phone", "live_chat"]
        assert levels[1]["first_response"].startswith("4 ")
        assert "Add the channels from scope" not in screen_text(app)


async def test_a_finding_dismissed_for_its_place_stays_dismissed_in_the_file_and_in_check(tmp_path, capsys):
    from wizard.cli import main

    policy = tmp_path / "policy.yaml"
    policy.write_text("schema_version: 1\nlanguage: hr\nstandards:\n  always:\n"
                      "    - odmah premještamo u privatne poruke  # check: ignore vague-time\n"
                      "    - odgovaramo na prigovore što prije\n", encoding="utf-8")
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await go_to(pilot, "standards")
        vague = [f.path for f in app.editor.findings if f.code == "vague-time"]
        assert vague == [("standards", "always", 1)]  # the one dismissed in the file is not shown
        await app.editor.go_to("standards", ("standards", "always", 1))
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        assert not [f for f in app.editor.findings if f.code == "vague-time"]
        await pilot.press("ctrl+s")
        await settle(pilot)
        from wizard.app.screens.dialogs import RevisionNoteScreen

        assert isinstance(app.screen, RevisionNoteScreen)  # a change to the file asks for a note
        await pilot.click("#skip")
        await settle(pilot)
    text = policy.read_text(encoding="utf-8")
    assert "odgovaramo na prigovore što prije  # check: ignore vague-time" in text
    assert "premještamo u privatne poruke  # check: ignore vague-time" in text
    main(["check", str(policy)])
    assert "vague-time" not in capsys.readouterr().out


# ---------------------------------------------------------------------- room in small terminals


async def test_at_80x24_with_the_preview_the_form_keeps_room_to_work(english_policy):
    from textual.widgets import Footer

    from wizard.app.widgets.duration_picker import UnitPicker

    app = PolicyWizardApp("edit", english_policy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to(pilot, "standards")
        await pilot.press("f2")  # the preview beside the form
        await settle(pilot)
        assert app.editor.query_one(Preview).display
        assert app.editor.query_one("#center").size.width >= 40  # 32 with the step names
        levels = app.editor.form.query_one("#service-levels")
        levels.scroll_visible(animate=False)
        await settle(pilot)
        assert all(unit.size.width >= 8 for unit in levels.query(UnitPicker))  # "◂ hours ▸" shows
        assert app.editor.query_one(Footer).region.bottom == 24


async def test_at_60x20_the_footer_still_shows_how_to_quit(english_policy):
    app = PolicyWizardApp("edit", english_policy)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        assert "^q Quit" in screen_lines(app)[-1]
        assert app.editor.query_one("#center").size.width >= 44


async def test_the_whole_guide_can_be_read_by_keys():
    from wizard.app.widgets.guidance import GuideBox

    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to(pilot, "review")
        await pilot.press("f1")  # all the guidance: longer than its box
        await settle(pilot)
        box = app.editor.query_one(GuideBox)
        assert box.max_scroll_y > 0
        app.editor.set_focus(box)
        await pilot.pause()
        assert app.focused is box
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown")
        await pilot.pause(0.5)
        assert box.scroll_y == box.max_scroll_y  # down to its last line


async def test_chinese_toasts_break_lines_like_the_rest_of_the_app():
    from textual.geometry import Region
    from textual.widgets._toast import Toast

    from wizard.app.widgets.bullets import NO_LINE_START

    app = PolicyWizardApp("new", lang="zh")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        # 36 cells of text and a full stop: the toast has 36 cells for its text at 80 columns
        app.notify("预览语言已经切换为中文每个字段下方都。原文就在下面")
        await pilot.pause(0.5)
        toast = app.screen.query(Toast).last()
        lines = [strip.text.strip("▌ ") for strip in toast.render_lines(Region(0, 0, *toast.outer_size))]  # (its border)
        assert any(lines) and all(line[:1] not in NO_LINE_START for line in lines if line), lines


async def test_the_review_steps_preview_tables_are_not_cut_at_120_columns(english_policy):
    from textual.geometry import Region

    app = PolicyWizardApp("edit", english_policy)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await go_to(pilot, "review")
        app.editor.action_preview_language("hr")  # Croatian words are long: "Djelatnik…"
        await settle(pilot)
        tables = [view for view in app.editor.query(SectionView) if "|" in view.markdown]
        assert tables
        for view in tables:
            lines = [strip.text for strip in view.render_lines(Region(0, 0, *view.outer_size))]
            assert not any("…" in line for line in lines), "\n".join(lines)


async def test_a_drop_down_near_the_bottom_does_not_draw_over_the_footer():
    from textual.widgets import Footer, Select
    from textual.widgets._select import SelectOverlay

    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await go_to(pilot, "standards")
        adder = app.editor.form.query_one("#service-levels").query_one(".list-add-choice", Select)
        adder.scroll_visible(animate=False, top=False)
        await settle(pilot)
        app.editor.set_focus(adder)
        await pilot.press("enter")  # opens its list of channels
        await pilot.pause(0.5)
        overlay = adder.query_one(SelectOverlay)
        assert overlay.region.height >= 4
        assert overlay.region.bottom <= app.editor.query_one(Footer).region.y
