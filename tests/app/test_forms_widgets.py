"""The field widgets and the list editor, driven with keys and clicks inside a step form."""

from __future__ import annotations

import copy
from dataclasses import dataclass

import pytest
from textual.widgets import Input, TextArea

from tests.app.forms_harness import FormHarness, SwapHarness, load_example
from wizard.app.steps.basics import BasicsForm
from wizard.app.steps.standards import StandardsForm
from wizard.app.steps.values import ValuesForm
from wizard.app.widgets.date_input import DateInput
from wizard.app.labels import unit_shorthands
from wizard.app.widgets.duration_picker import (
    DurationPicker, UnitPicker, check_amount, check_typed, format_duration, split_unit, units_typed,
)
from wizard.app.widgets.list_editor import ListEditor, ListRow
from wizard.app.widgets.number_field import IntegerField
from wizard.app.widgets.text_field import TextField
from wizard.i18n import set_ui_language
from wizard.spec.model import Duration

SIZE = (80, 24)


def spec(**extra) -> dict:
    data = {"schema_version": 1, "language": "en"}
    data.update(extra)
    return data


def error_of(field) -> str:
    return field.error


@dataclass(frozen=True)
class FakeFinding:
    code: str
    severity: str
    path: tuple
    message: str
    hint: str


# -- durations -------------------------------------------------------------------------


def test_duration_helpers():
    assert format_duration(Duration(1, "working_day")) == "1 working day"
    assert format_duration(Duration(24, "hour")) == "24 hours"
    assert check_amount("24") == (24, "")
    assert "is not a number" in check_amount("abc")[1]
    assert check_amount("0")[0] is None and check_amount("0")[1]
    assert check_amount("2.5")[1].startswith("Use a whole number")


UNITS = ("minute", "hour", "day", "working_day", "week", "month")


@pytest.mark.parametrize("lang, typed, units", [
    ("en", "h", ["hour"]), ("en", "hrs", ["hour"]), ("en", "Hours", ["hour"]), ("en", "min", ["minute"]),
    ("en", "mi", ["minute"]), ("en", "mo", ["month"]), ("en", "d", ["day"]), ("en", "w", ["week"]),
    ("en", "wo", ["working_day"]), ("en", "working day", ["working_day"]), ("en", "workingd", ["working_day"]),
    ("en", "m", ["minute", "month"]), ("en", "x", []), ("en", "sa", []),
    ("hr", "h", ["hour"]), ("hr", "sati", ["hour"]), ("hr", "min", ["minute"]), ("hr", "mj", ["month"]),
    ("hr", "d", ["day"]), ("hr", "dana", ["day"]), ("hr", "rd", ["working_day"]), ("hr", "r. d.", ["working_day"]),
    ("hr", "radnih d", ["working_day"]), ("hr", "tj", ["week"]), ("hr", "m", ["minute", "month"]),
    ("tr", "sa", ["hour"]), ("tr", "h", ["hour"]), ("tr", "dk", ["minute"]), ("tr", "min", ["minute"]),
    ("tr", "gün", ["day"]), ("tr", "gun", ["day"]), ("tr", "iş günü", ["working_day"]), ("tr", "ha", ["week"]),
    ("tr", "ay", ["month"]), ("tr", "d", ["minute", "day"]), ("tr", "m", []),
    ("zh", "小时", ["hour"]), ("zh", "时", ["hour"]), ("zh", "个小时", ["hour"]), ("zh", "h", ["hour"]),
    ("zh", "分钟", ["minute"]), ("zh", "分", ["minute"]), ("zh", "天", ["day"]), ("zh", "日", ["day"]),
    ("zh", "工作日", ["working_day"]), ("zh", "工", ["working_day"]), ("zh", "星期", ["week"]), ("zh", "个月", ["month"]),
    ("zh", "月", []), ("zh", "个", ["hour", "working_day", "week", "month"]),
])
def test_the_units_a_spelling_names_in_each_language(lang, typed, units):
    """One unit: it; several: ambiguous; none: no unit. "3月" is March, not 3 months."""
    set_ui_language(lang)
    assert units_typed(typed, UNITS) == units


def test_seconds_are_named_only_where_the_picker_has_them():
    assert units_typed("s", UNITS) == [] and units_typed("s", ("second", *UNITS)) == ["second"]
    set_ui_language("hr")
    assert units_typed("s", UNITS) == ["hour"]  # sati


@pytest.mark.parametrize("lang", ["en", "hr", "zh", "tr"])
def test_each_languages_table_of_spellings_names_its_own_unit(lang):
    """Every spelling in a catalog's table names its unit alone, but for the ones it gives two
    units on purpose (Turkish "d"), and the table has no empty entry."""
    set_ui_language(lang)
    units = ("second", *UNITS)
    deliberate = {("tr", "d")}
    for unit in units:
        spellings = unit_shorthands(unit)
        assert spellings and all(spellings)
        for spelling in spellings:
            if (lang, spelling) not in deliberate:
                assert units_typed(spelling, units) == [unit], (unit, spelling)


def test_a_number_with_letters_that_fit_two_units_says_so():
    assert check_typed("30 m", UNITS) == (None, "“m” could be more than one unit: type “min” or “mo”.")
    assert check_typed("30x", UNITS) == (None, "“30x” is not a number. Type digits, such as 24.")
    assert check_typed("30", UNITS) == (30, "")
    set_ui_language("tr")
    assert check_typed("1 d", UNITS) == (None, "“d” birden fazla birim olabilir: “dk” veya “gün” yazın.")
    assert split_unit("1 d") == ("1", "d") and split_unit("2 iş günü ") == ("2", "iş günü") and split_unit("d") == ("", "")


def test_numbers_typed_in_the_app_have_the_files_bounds_and_never_crash():
    """The app takes exactly the numbers a file may hold, and pasted thousands of digits are
    "too large", not a ValueError from int()."""
    too_large = (None, "That number is too large. Pick a larger unit instead.")
    assert check_amount("9999") == (9999, "")
    assert check_amount("10000") == too_large
    assert check_amount("9" * 5000) == too_large
    months = IntegerField("Months", ("review_every_months",), None, minimum=1, maximum=120)
    assert months.check("0120") == (120, "")
    assert months.check("9" * 5000) == months.check("-" + "9" * 5000) == (None, "Use a number from 1 to 120.")


async def test_duration_says_at_once_that_abc_is_not_a_number():
    data = spec(standards={"service_levels": [{"channel": "phone", "first_response": "3 minutes"}]})
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=SIZE) as pilot:
        picker = app.form.query(DurationPicker).first()
        picker.focus_target()
        await pilot.press("shift+home", "a")  # the cursor comes in after the "3": select, replace
        assert "“a” is not a number" in error_of(picker)
        await pilot.press("b", "c")
        assert "“abc” is not a number" in error_of(picker)
        assert picker.has_class("-invalid")
        # nothing invalid reaches the spec: the last valid value stays
        assert data["standards"]["service_levels"][0]["first_response"] == "3 minutes"
        await pilot.press("backspace", "backspace", "backspace", "5")
        assert error_of(picker) == ""
        assert data["standards"]["service_levels"][0]["first_response"] == "5 minutes"


async def test_duration_unit_picked_with_keys_and_number_cleared():
    data = spec(standards={"service_levels": [{"channel": "email", "first_response": "24 hours"}]})
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=SIZE) as pilot:
        picker = app.form.query(DurationPicker).first()
        unit = picker.query_one(UnitPicker)
        assert str(unit.render()) == "◂ hours ▸"
        unit.focus()
        await pilot.press("right")  # hours -> days
        assert unit.unit == "day" and str(unit.render()) == "◂ days ▸"
        await pilot.press("m")  # the first letter: minutes, then months
        assert unit.unit == "minute"
        await pilot.press("m")
        assert unit.unit == "month"
        await pilot.press("d")
        assert unit.unit == "day"
        assert data["standards"]["service_levels"][0]["first_response"] == "24 days"
        picker.focus_target()
        await pilot.press("ctrl+a", "ctrl+k")  # clear the number
        assert "first_response" not in data["standards"]["service_levels"][0]
        await pilot.press("1")
        assert data["standards"]["service_levels"][0]["first_response"] == "1 day"
        assert str(unit.render()) == "◂ day ▸"  # agrees with the number
        await pilot.click(unit, offset=(1, 0))  # the left half steps back
        assert data["standards"]["service_levels"][0]["first_response"] == "1 hour"
        await pilot.click(unit, offset=(unit.size.width - 2, 0))
        await pilot.click(unit, offset=(unit.size.width - 2, 0))
        assert data["standards"]["service_levels"][0]["first_response"] == "1 working day"


# -- dates and numbers -------------------------------------------------------------------


async def test_date_checked_as_typed_and_confirmed_in_words():
    data = spec(effective_date="2026-12-01")
    app = FormHarness(BasicsForm, data)
    async with app.run_test(size=SIZE) as pilot:
        field = app.form.query_one(DateInput)
        assert "December 2026" in field.note
        field.focus_target()
        await pilot.pause()
        await pilot.press("shift+home", *"2026-13")  # select the old date: typing replaces it
        assert "YYYY-MM-DD" in error_of(field)
        await pilot.press(*"-01")
        assert "There is no month 13" in error_of(field)
        assert data["effective_date"] == "2026-12-01"  # unchanged while wrong
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace", *"02-30")
        assert "no day 30" in error_of(field)
        await pilot.press("backspace", "backspace", *"28")
        assert error_of(field) == ""
        assert data["effective_date"] == "2026-02-28"
        assert "28 February 2026" in field.note


async def test_review_cycle_is_kept_as_an_integer():
    data = spec(review_every_months=12)
    app = FormHarness(BasicsForm, data)
    async with app.run_test(size=SIZE) as pilot:
        field = app.form.query_one(IntegerField)
        field.focus_target()
        await pilot.pause()
        await pilot.press("shift+home", *"six")
        assert "“six” is not a whole number" in error_of(field)
        assert data["review_every_months"] == 12
        await pilot.press("ctrl+a", "ctrl+k", "6")
        assert data["review_every_months"] == 6 and isinstance(data["review_every_months"], int)
        await pilot.press("ctrl+a", "ctrl+k")
        assert "review_every_months" not in data


# -- lists -----------------------------------------------------------------------------


def names(data) -> list:
    return [value.get("name") for value in data.get("values", [])]


async def test_list_add_edit_reorder_delete_undo_with_keys():
    data = spec(values=[{"name": "Honesty", "description": "We keep our word."}, {"name": "Respect"}])
    app = FormHarness(ValuesForm, data)
    async with app.run_test(size=(80, 40)) as pilot:
        editor = app.form.query_one(ListEditor)
        editor.rows[1].focus_target()
        await pilot.press("ctrl+t")  # a new row after "Respect"
        await pilot.pause()
        assert len(editor.rows) == 3
        assert len(data["values"]) == 2  # a blank row is not data yet
        await pilot.press(*"Speed")
        assert names(data) == ["Honesty", "Respect", "Speed"]
        await pilot.press("alt+up")
        await pilot.pause()
        assert names(data) == ["Honesty", "Speed", "Respect"]
        assert isinstance(app.focused, Input) and app.focused.value == "Speed"  # focus moves with the item
        await pilot.press("alt+up")
        assert names(data) == ["Speed", "Honesty", "Respect"]
        await pilot.press("ctrl+down")
        assert names(data) == ["Honesty", "Speed", "Respect"]
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert names(data) == ["Honesty", "Respect"]
        assert "Removed “Speed”." in editor.undo_text
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert names(data) == ["Honesty", "Speed", "Respect"]
        # the description of Honesty was never touched and is kept as it was
        assert data["values"][0] == {"name": "Honesty", "description": "We keep our word."}


def link_at(row: ListRow, link: str) -> int:
    """Where the row draws one of its links (▲ ▼ ✕), from its left edge."""
    return str(row.render()).index(link)


async def test_list_buttons_with_the_mouse():
    data = spec(standards={"always": ["greet every customer", "say thank you"]})
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=(80, 30)) as pilot:
        editor = app.form.query_one("#always", ListEditor)
        await pilot.click(editor.rows[1], offset=(link_at(editor.rows[1], "▲"), 0))
        await pilot.pause()
        assert data["standards"]["always"] == ["say thank you", "greet every customer"]
        await pilot.click(editor.rows[0], offset=(link_at(editor.rows[0], "✕"), 0))
        await pilot.pause()
        assert data["standards"]["always"] == ["greet every customer"]
        assert "Removed “say thank you”. Undo (ctrl+z)" in str(editor.query_one(".list-undo").render())
        undo_link = len("Removed “say thank you”. ") + 2
        await pilot.click(editor.query_one(".list-undo"), offset=(undo_link, 0))
        await pilot.pause()
        assert data["standards"]["always"] == ["say thank you", "greet every customer"]
        await pilot.click(editor.query_one(".list-add"))
        await pilot.pause()
        assert len(editor.rows) == 3
        await pilot.press(*"listen first")
        assert data["standards"]["always"][-1] == "listen first"


async def test_the_links_tooltip_shows_on_the_links_only():
    """The row's tooltip explains its links while the mouse rests on them, and does not
    follow the mouse onto the row's field (a tooltip over a field would hide its text)."""
    data = spec(standards={"always": ["greet every customer", "say thank you"]})
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=(80, 30), tooltips=True) as pilot:
        row = app.form.query_one("#always", ListEditor).rows[0]
        tooltip = app.screen.query_one("#textual-tooltip")
        await pilot.hover(row, offset=(link_at(row, "▼"), 0))
        await pilot.pause(app.TOOLTIP_DELAY + 0.2)
        assert tooltip.display
        assert "▼ move down (alt+↓)" in str(tooltip.render())
        await pilot.hover(row.query_one(Input))
        await pilot.pause(app.TOOLTIP_DELAY + 0.2)
        assert not tooltip.display
        await pilot.hover(row, offset=(1, 0))  # on the number
        await pilot.pause(app.TOOLTIP_DELAY + 0.2)
        assert not tooltip.display


async def test_a_wide_number_moves_its_rows_fields_right():
    """Numbers up to three cells share the rows' gutter; a wider one (the 100th item)
    widens its own row's, so that it never covers the field."""
    data = spec(standards={"always": [f"commitment {number}" for number in range(1, 101)]})
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=(80, 30)) as pilot:
        editor = app.form.query_one("#always", ListEditor)
        await editor.mount_pending()
        await pilot.pause()
        rows = editor.rows
        assert [len(rows), str(rows[98].render())[:4], str(rows[99].render())[:5]] == [100, "99. ", "100. "]
        assert rows[99].children[0].region.x == rows[98].children[0].region.x + 1
        await pilot.click(rows[0], offset=(link_at(rows[0], "✕"), 0))
        await pilot.pause()
        assert str(editor.rows[98].render())[:4] == "99. "
        assert editor.rows[98].children[0].region.x == editor.rows[0].children[0].region.x


async def test_enter_in_a_text_list_adds_the_next_item():
    data = spec()
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=SIZE) as pilot:
        editor = app.form.query_one("#never", ListEditor)
        await pilot.click(editor.query_one(".list-add"))
        await pilot.press(*"argue", "enter", *"blame", "enter")
        await pilot.pause()
        assert data["standards"]["never"] == ["argue", "blame"]
        assert len(editor.rows) == 3  # the blank third line waits for text
        await pilot.press("ctrl+r")  # removing a blank line leaves no undo entry
        await pilot.pause()
        assert editor.removed == []
        assert data["standards"]["never"] == ["argue", "blame"]


async def test_deleting_every_item_removes_the_key():
    data = spec(values=[{"name": "Honesty"}])
    app = FormHarness(ValuesForm, data)
    async with app.run_test(size=SIZE) as pilot:
        app.form.query_one(ListEditor).rows[0].focus_target()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "values" not in data


# -- findings and focus ------------------------------------------------------------------


async def test_findings_are_shown_at_their_field():
    data = spec(
        standards={
            "always": ["answer quickly"],
            "service_levels": [
                {"channel": "phone", "first_response": "3 minutes"},
                {"channel": "email", "first_response": "2 days", "resolution": "1 day"},
            ],
        }
    )
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=SIZE) as pilot:
        app.form.show_findings(
            [
                FakeFinding("vague-time", "warning", ("standards", "always", 0), "“quickly” is vague.", "Say within how long."),
                FakeFinding(
                    "resolution-before-response",
                    "error",
                    ("standards", "service_levels", 1, "resolution"),
                    "Resolution is shorter than the first response.",
                    "",
                ),
                FakeFinding("missing-metrics", "warning", ("standards",), "No metrics yet.", ""),
            ]
        )
        await pilot.pause()
        always_row = app.form.query_one("#always", ListEditor).rows[0]
        assert "“quickly” is vague." in always_row.query_one(TextField).findings_text
        resolution = app.form.query(DurationPicker)[3]
        shown = resolution.findings_text
        assert shown == "Error: Resolution is shorter than the first response."
        assert resolution.query_one(".field-findings").has_class("-error")
        assert "No metrics yet." in app.form.query_one(".form-findings").text
        # findings are replaced, not added up
        app.form.show_findings([])
        await pilot.pause()
        assert resolution.findings_text == ""


async def test_focus_path_reaches_a_field_in_a_list_row():
    data = spec(values=[{"name": "Honesty"}, {"name": "Respect", "description": "Everyone."}])
    app = FormHarness(ValuesForm, data)
    async with app.run_test(size=SIZE) as pilot:
        app.form.focus_path(("values", 1, "description"))
        await pilot.pause()
        assert isinstance(app.focused, TextArea) and app.focused.text == "Everyone."


async def test_blank_rows_do_not_shift_finding_paths():
    data = spec(values=[{"name": "Honesty"}, {"name": "Respect"}])
    app = FormHarness(ValuesForm, data)
    async with app.run_test(size=SIZE) as pilot:
        editor = app.form.query_one(ListEditor)
        editor.rows[0].focus_target()
        await pilot.press("ctrl+t")  # blank row between the two
        await pilot.pause()
        app.form.show_findings([FakeFinding("x", "warning", ("values", 1, "name"), "About Respect.", "")])
        await pilot.pause()
        respect = editor.rows[2]
        assert "About Respect." in respect.query_one(TextField).findings_text
        assert isinstance(respect, ListRow)


async def test_opening_every_form_changes_nothing(examples):
    """Showing a form and walking through its fields reports nothing: an untouched file
    is saved byte for byte as it was."""
    from wizard.app.steps import STEP_FORMS

    app = SwapHarness()
    async with app.run_test(size=SIZE) as pilot:
        for path in examples:
            data = load_example(path)
            before = copy.deepcopy(data)
            for key, form_class in STEP_FORMS.items():
                await app.show(form_class(data, data["language"]))
                await pilot.pause()
                for _ in range(6):  # walk through the fields without typing
                    await pilot.press("tab")
                assert app.changes == [], (path.name, key)
            # and in a translation language
            lang = "zh" if data["language"] != "zh" else "en"
            for key, form_class in STEP_FORMS.items():
                await app.show(form_class(data, lang))
                await pilot.pause()
                await pilot.press("tab", "tab")
                assert app.changes == [], (path.name, key, lang)
            assert data == before


async def test_focus_and_errors_are_visible_in_dark_and_light_themes():
    for theme in ("textual-dark", "textual-light"):
        data = spec(company="Kava", review_every_months=12)
        app = FormHarness(BasicsForm, data)
        app.theme = theme
        async with app.run_test(size=SIZE) as pilot:
            fields = app.form.query(TextField)
            company, owner = fields[1].query_one(Input), fields[2].query_one(Input)
            company.focus()
            await pilot.pause()
            focused, idle = company.styles.background, owner.styles.background
            assert focused != idle, theme
            assert company.rich_style.bold and not owner.rich_style.bold, theme  # even without colours
            assert contrast(company.rich_style) >= 4.5, theme
            assert idle != app.screen.styles.background, theme  # an empty field is still visible
            months = app.form.query_one(IntegerField)
            months.focus_target()
            await pilot.press(*"x")
            await pilot.pause()
            assert months.query_one(Input).styles.background not in (focused, idle), theme


async def test_list_editor_survives_a_step_change_while_it_has_the_focus():
    """F8 pressed quickly while an empty list had the focus, then ctrl+t: the removed list's
    deferred focus bookkeeping must not crash (it did: NoMatches '.list-keys')."""
    from wizard.app.steps.vision import VisionForm

    data = spec()
    app = SwapHarness()
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(3):
            form = await app.show(StandardsForm(data, "en"))
            editor = form.query_one("#always", ListEditor)
            editor.focus_target()  # an empty list: its "Add" button
            await pilot.press("ctrl+t")  # ctrl+t on the list (not an item) adds one
            assert len(editor.rows) == 1
            assert isinstance(app.focused, Input) and editor in app.focused.ancestors
            await app.show(VisionForm(data, "en"))
            # what the removed editor still has scheduled runs harmlessly
            editor._keys_follow_focus()
            editor._show_keys(True)
            editor.set_findings([])
            assert editor.current_row() is None
            await pilot.press("ctrl+t")
            await pilot.pause()


async def test_a_wrong_value_stays_visible_with_its_error():
    """Typing a wrong date or number: the text typed stays on screen beside the message
    (an error border used to take the input's only line)."""
    data = spec()
    app = FormHarness(BasicsForm, data)
    async with app.run_test(size=(120, 36)) as pilot:
        date = app.form.query_one(DateInput)
        date.focus_target()
        await pilot.press(*"2026-13-45")
        await pilot.pause()
        months = app.form.query_one(IntegerField)
        months.focus_target()
        await pilot.press(*"abc")
        await pilot.pause()
        for field, typed in ((date, "2026-13-45"), (months, "abc")):
            assert field.has_class("-invalid") and field.error
            box = field.query_one(Input)
            assert box.content_region.height == 1
            shown = "".join(
                segment.text
                for segment in app.screen._compositor.render_strips()[box.content_region.y]
            )
            assert typed in shown, shown


async def test_tab_into_a_filled_field_keeps_its_text():
    """Tab into a filled field puts the cursor at the end: the first key typed adds to the
    text instead of replacing all of it."""
    data = spec(title="Service policy", company="Northwind Goods Ltd.")
    app = FormHarness(BasicsForm, data)
    async with app.run_test(size=(120, 36)) as pilot:
        app.form.query(TextField).first().focus_target()
        await pilot.press("tab")
        await pilot.press("X")
        await pilot.pause()
        assert data["company"] == "Northwind Goods Ltd.X"


async def test_a_long_item_shows_its_beginning_when_not_focused():
    long = "Log every complaint in the help desk and tell the customer its number at once."
    data = spec(standards={"always": [long]})
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = app.form.query_one("#always", ListEditor)
        box = editor.rows[0].query_one(Input)
        editor.focus_target()
        await pilot.press("end", *" Really.")
        await pilot.pause()
        assert box.scroll_offset.x > 0  # while typing, the end is in view
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is not box
        assert box.scroll_offset.x == 0
        strip = app.screen._compositor.render_strips()[box.content_region.y]
        assert "Log every complaint" in "".join(segment.text for segment in strip)
        assert data["standards"]["always"] == [long + " Really."]


async def test_an_empty_review_cycle_shows_a_hint_not_a_value():
    data = spec(company="Kava")
    app = FormHarness(BasicsForm, data)
    async with app.run_test(size=(120, 36)) as pilot:
        months = app.form.query_one(IntegerField)
        box = months.query_one(Input)
        assert box.value == ""
        assert box.placeholder == "e.g. 12"
        strip = app.screen._compositor.render_strips()[box.content_region.y]
        shown = [segment for segment in strip if segment.text.strip()]
        hint = next(segment for segment in shown if "e.g. 12" in segment.text or "e.g." in segment.text)
        assert hint.style.italic
        months.focus_target()
        await pilot.press("tab")
        assert "review_every_months" not in data


def test_finding_lines_are_one_translatable_sentence(monkeypatch):
    """"Warning: %(message)s" is one msgid, so Chinese writes "警告：…" without the space
    that gluing a translated "警告：" to the message used to add."""
    from wizard.app.widgets import field

    zh = {"Warning: %(message)s": "警告：%(message)s", "Error: %(message)s": "错误：%(message)s"}
    monkeypatch.setattr(field, "_", lambda text: zh.get(text, text))
    findings = [
        FakeFinding("vague-time", "warning", (), "“尽快”不够具体。", "写明时限。"),
        FakeFinding("missing", "error", (), "缺少标题。", ""),
    ]
    assert field.finding_lines(findings) == "警告：“尽快”不够具体。\n  写明时限。\n错误：缺少标题。"
    monkeypatch.undo()
    assert field.finding_lines(findings[:1]).startswith("Warning: “尽快”")


def contrast(style) -> float:
    """WCAG contrast ratio of a rich Style's text colour against its background."""

    def luminance(color) -> float:
        def channel(value: int) -> float:
            value = value / 255
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        red, green, blue = color.get_truecolor()
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)

    first, second = luminance(style.color), luminance(style.bgcolor)
    return (max(first, second) + 0.05) / (min(first, second) + 0.05)


async def test_warnings_and_row_titles_are_readable_in_dark_and_light_themes():
    findings = [FakeFinding("vague-time", "warning", ("standards", "service_levels", 0), "Vague.", "Say when.")]
    for theme in ("textual-dark", "textual-light"):
        data = spec(standards={"service_levels": [{"channel": "email", "first_response": "24 hours"}]})
        app = FormHarness(StandardsForm, data)
        app.theme = theme
        async with app.run_test(size=(120, 36)) as pilot:
            app.form.show_findings(findings)
            await pilot.pause()
            row = app.form.query_one("#service-levels", ListEditor).rows[0]
            title = row.query_one(".row-title")
            note = row.query_one(".row-findings")
            assert "Warning: Vague." in note.text
            for widget in (title, note):
                assert contrast(widget.rich_style) >= 4.5, (theme, widget, contrast(widget.rich_style))


async def test_an_empty_lists_add_button_shows_its_focus_and_enter_adds_an_item():
    from textual.widgets import Button

    for theme in ("textual-dark", "textual-light"):
        data = spec()
        app = FormHarness(StandardsForm, data)
        app.theme = theme
        async with app.run_test(size=(120, 36)) as pilot:
            always = app.form.query_one("#always", ListEditor)
            never = app.form.query_one("#never", ListEditor)
            always.focus_target()
            await pilot.pause()
            add, other = always.query_one(".list-add", Button), never.query_one(".list-add", Button)
            assert app.focused is add
            assert add.rich_style.bgcolor != other.rich_style.bgcolor, theme
            assert add.rich_style.bold, theme
            assert contrast(add.rich_style) >= 4.5, theme
            await pilot.press("enter", *"greet")
            await pilot.pause()
            assert data["standards"]["always"] == ["greet"]


async def test_the_cursor_stays_put_when_the_terminal_loses_and_regains_the_focus():
    """Switching to another window and back leaves the cursor where it was, in a one-line
    field and in a prose field."""
    from textual import events

    from wizard.app.steps.purpose import PurposeForm

    data = spec(company="Northwind Goods Ltd.")
    app = FormHarness(BasicsForm, data)
    async with app.run_test(size=(120, 36)) as pilot:
        app.form.query(TextField)[1].focus_target()
        await pilot.press("home", "right", "right", "right", "right", "right", "right", "right", "right", "right")
        app.post_message(events.AppBlur())
        await pilot.pause()
        app.post_message(events.AppFocus())
        await pilot.pause()
        await pilot.press("-")
        await pilot.pause()
        assert data["company"] == "Northwind- Goods Ltd."

    data = spec(purpose={"intent": "We help."})
    app = FormHarness(PurposeForm, data)
    async with app.run_test(size=(120, 36)) as pilot:
        app.form.query(TextField).first().focus_target()
        await pilot.press("home", "right", "right")
        app.post_message(events.AppBlur())
        await pilot.pause()
        app.post_message(events.AppFocus())
        await pilot.pause()
        await pilot.press(*" all")
        await pilot.pause()
        assert data["purpose"]["intent"] == "We all help."


async def test_the_months_word_agrees_with_the_number_as_it_is_typed():
    """Croatian: 1 mjesec, 3 mjeseca, 12 mjeseci: the unit beside the review cycle follows the number."""
    from textual.widgets import Label

    from wizard.app.steps.basics import BasicsForm
    from wizard.i18n import set_ui_language

    set_ui_language("hr")
    data = {"schema_version": 1, "language": "hr", "review_every_months": 12}
    app = FormHarness(BasicsForm, data)
    async with app.run_test(size=(100, 40)) as pilot:
        field = app.form.query_one(".number-field")
        unit = field.query_one(".number-unit", Label)
        assert str(unit.render()) == "mjeseci"
        field.query_one(".number-text").focus()
        await pilot.pause()
        for typed, word in (("3", "mjeseca"), ("1", "mjesec")):
            await pilot.press("backspace", "backspace", "backspace", *typed)
            await pilot.pause()
            assert str(unit.render()) == word
            assert data["review_every_months"] == int(typed)


async def typed_in_the_first_duration(app, pilot, typed: str) -> DurationPicker:
    """The form's first duration, its amount field emptied and `typed` typed into it."""
    picker = app.form.query(DurationPicker).first()
    picker.focus_target()
    await pilot.press("ctrl+a", "ctrl+k", *typed)
    await pilot.pause()
    return picker


@pytest.mark.parametrize("lang, typed, amount, unit", [
    ("en", "24d", "24", "day"),
    ("en", "3 h", "3", "hour"),
    ("en", "2 wee", "2", "week"),
    ("zh", "3分", "3", "minute"),
    ("zh", "2个月", "2", "month"),
    ("tr", "5 gün", "5", "day"),
    ("hr", "2 tj", "2", "week"),
])
async def test_a_unit_typed_after_the_number_picks_the_unit(lang, typed, amount, unit):
    set_ui_language(lang)
    data = spec(standards={"service_levels": [{"channel": "email", "first_response": "1 minute"}]})
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=SIZE) as pilot:
        picker = await typed_in_the_first_duration(app, pilot, typed)
        field = picker.query_one(".duration-amount", Input)
        assert (field.value, picker.query_one(UnitPicker).unit, error_of(picker)) == (amount, unit, "")
        assert data["standards"]["service_levels"][0]["first_response"] == format_duration(Duration(int(amount), unit))
        await pilot.press(*"5")  # typing goes on in the number
        assert field.value == amount + "5"
        await pilot.press("ctrl+a", "ctrl+k", *amount, "m", "o")  # another unit, the same number
        assert (field.value, picker.query_one(UnitPicker).unit) == ((amount, "month") if lang == "en" else (amount + "mo", unit))


@pytest.mark.parametrize("lang, typed", [("en", "24 m"), ("en", "3x"), ("zh", "3个"), ("zh", "3月")])
async def test_a_unit_that_names_no_single_unit_is_refused(lang, typed):
    """"m" starts minutes and months, "个" both 个月 and 个工作日; "3月" is March."""
    set_ui_language(lang)
    data = spec(standards={"service_levels": [{"channel": "email", "first_response": "1 minute"}]})
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=SIZE) as pilot:
        picker = await typed_in_the_first_duration(app, pilot, typed)
        assert picker.query_one(".duration-amount", Input).value == typed
        assert picker.has_class("-invalid")
        assert picker.query_one(UnitPicker).unit == "minute"


# The spellings a manager types after the number, in the language of the app: the unit's
# name, its usual abbreviations and the symbols h, min, d (each catalog's table).
@pytest.mark.parametrize("lang, typed, number, unit_shown, stored", [
    ("hr", "4h", "4", "◂ sata ▸", "4 hours"),
    ("hr", "30 min", "30", "◂ minuta ▸", "30 minutes"),
    ("hr", "2 h", "2", "◂ sata ▸", "2 hours"),
    ("hr", "1 d", "1", "◂ dan ▸", "1 day"),
    ("hr", "3 rd", "3", "◂ radna dana ▸", "3 working days"),
    ("hr", "2 mj", "2", "◂ mjeseca ▸", "2 months"),
    ("en", "2 hrs", "2", "◂ hours ▸", "2 hours"),
    ("en", "2 wk", "2", "◂ weeks ▸", "2 weeks"),
    ("en", "1 wd", "1", "◂ working day ▸", "1 working day"),
    ("en", "2 working days", "2", "◂ working days ▸", "2 working days"),
    ("tr", "2 sa", "2", "◂ saat ▸", "2 hours"),
    ("tr", "30 dk", "30", "◂ dakika ▸", "30 minutes"),
    ("tr", "4h", "4", "◂ saat ▸", "4 hours"),
    ("tr", "30 min", "30", "◂ dakika ▸", "30 minutes"),
    ("tr", "2 iş günü", "2", "◂ iş günü ▸", "2 working days"),
    ("zh", "3小时", "3", "◂ 小时 ▸", "3 hours"),
    ("zh", "4时", "4", "◂ 小时 ▸", "4 hours"),
    ("zh", "2日", "2", "◂ 天 ▸", "2 days"),
    ("zh", "5工作日", "5", "◂ 个工作日 ▸", "5 working days"),
    ("zh", "3个小时", "3", "◂ 小时 ▸", "3 hours"),
    ("zh", "30 min", "30", "◂ 分钟 ▸", "30 minutes"),
])
async def test_usual_unit_spellings_are_taken_in_every_language(lang, typed, number, unit_shown, stored):
    """A Croatian manager's "4h" was refused (“4h” nije broj): the number stays in the field,
    the unit beside it changes, no error, and the duration is kept."""
    set_ui_language(lang)
    data = spec(standards={"service_levels": [{"channel": "email", "first_response": "1 week"}]})
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=SIZE) as pilot:
        picker = await typed_in_the_first_duration(app, pilot, typed)
        shown = picker.query_one(".duration-amount", Input).value
        assert (shown, str(picker.query_one(UnitPicker).render()), error_of(picker)) == (number, unit_shown, "")
        assert not picker.has_class("-invalid")
        assert data["standards"]["service_levels"][0]["first_response"] == stored


@pytest.mark.parametrize("lang, typed, message, more, unit_shown, stored", [
    ("en", "30 m", "“m” could be more than one unit: type “min” or “mo”.", "o", "◂ months ▸", "30 months"),
    ("hr", "30 m", "„m” može označavati više jedinica: upišite „min” ili „mj”.", "in", "◂ minuta ▸", "30 minutes"),
    ("tr", "1 d", "“d” birden fazla birim olabilir: “dk” veya “gün” yazın.", "k", "◂ dakika ▸", "1 minute"),
    ("zh", "3个", "“个”可能指多个单位：请输入“个小时”、“个工作日”、“个星期”或“个月”。", "月", "◂ 个月 ▸", "3 months"),
])
async def test_a_unit_spelling_that_fits_two_units_is_refused_until_it_is_clear(lang, typed, message, more, unit_shown, stored):
    """"m" is minutes or months in English and Croatian, Turkish "d" dakika (dk) or gün (the
    symbol d): nothing is guessed, the field says what to type, and the next letters decide."""
    set_ui_language(lang)
    data = spec(standards={"service_levels": [{"channel": "email", "first_response": "1 week"}]})
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=SIZE) as pilot:
        picker = await typed_in_the_first_duration(app, pilot, typed)
        field = picker.query_one(".duration-amount", Input)
        assert (field.value, error_of(picker), picker.query_one(UnitPicker).unit) == (typed, message, "week")
        assert picker.has_class("-invalid")
        number = typed.split()[0] if " " in typed else typed[:-1]
        # (the number alone was valid on the way: kept in weeks, the unit shown)
        assert data["standards"]["service_levels"][0]["first_response"] == format_duration(Duration(int(number), "week"))
        await pilot.press(*more)
        await pilot.pause()
        assert (field.value, str(picker.query_one(UnitPicker).render()), error_of(picker)) == (number, unit_shown, "")
        assert data["standards"]["service_levels"][0]["first_response"] == stored


async def test_the_unit_picker_takes_a_symbol_of_the_table_in_croatian():
    """In the unit picker itself, "h" picks hours in Croatian too (sati starts with s)."""
    set_ui_language("hr")
    data = spec(standards={"service_levels": [{"channel": "email", "first_response": "2 days"}]})
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=SIZE) as pilot:
        unit = app.form.query(DurationPicker).first().query_one(UnitPicker)
        unit.focus()
        await pilot.press("h")
        assert str(unit.render()) == "◂ sata ▸"
        assert data["standards"]["service_levels"][0]["first_response"] == "2 hours"
