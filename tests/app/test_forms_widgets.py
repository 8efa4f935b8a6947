"""The field widgets and the list editor, driven with keys and clicks inside a step form."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from textual.widgets import Input, Select, TextArea

from tests.app.forms_harness import FormHarness, load_example
from wizard.app.steps.basics import BasicsForm
from wizard.app.steps.standards import StandardsForm
from wizard.app.steps.values import ValuesForm
from wizard.app.widgets.date_input import DateInput
from wizard.app.widgets.duration_picker import DurationPicker, check_amount, format_duration
from wizard.app.widgets.list_editor import ListEditor, ListRow
from wizard.app.widgets.number_field import IntegerField
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


async def test_duration_says_at_once_that_abc_is_not_a_number():
    data = spec(standards={"service_levels": [{"channel": "phone", "first_response": "3 minutes"}]})
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=SIZE) as pilot:
        picker = app.form.query(DurationPicker).first()
        picker.focus_target()
        await pilot.press("a")
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
        unit = picker.query_one(Select)
        unit.focus()
        await pilot.press("enter")  # open the list of units
        await pilot.press("down", "enter")  # hours -> days
        await pilot.pause()
        assert unit.value == "day"
        assert data["standards"]["service_levels"][0]["first_response"] == "24 days"
        picker.focus_target()
        await pilot.press("ctrl+a", "ctrl+k")  # clear the number
        assert "first_response" not in data["standards"]["service_levels"][0]
        await pilot.press("1")
        assert data["standards"]["service_levels"][0]["first_response"] == "1 day"


# -- dates and numbers -------------------------------------------------------------------


async def test_date_checked_as_typed_and_confirmed_in_words():
    data = spec(effective_date="2026-12-01")
    app = FormHarness(BasicsForm, data)
    async with app.run_test(size=SIZE) as pilot:
        field = app.form.query_one(DateInput)
        assert "December 2026" in str(field.query_one(".field-note").content)
        field.focus_target()
        await pilot.pause()
        await pilot.press(*"2026-13")  # the focus selected the old date: typing replaces it
        assert "YYYY-MM-DD" in error_of(field)
        await pilot.press(*"-01")
        assert "There is no month 13" in error_of(field)
        assert data["effective_date"] == "2026-12-01"  # unchanged while wrong
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace", *"02-30")
        assert "no day 30" in error_of(field)
        await pilot.press("backspace", "backspace", *"28")
        assert error_of(field) == ""
        assert data["effective_date"] == "2026-02-28"
        assert "28 February 2026" in str(field.query_one(".field-note").content)


async def test_review_cycle_is_kept_as_an_integer():
    data = spec(review_every_months=12)
    app = FormHarness(BasicsForm, data)
    async with app.run_test(size=SIZE) as pilot:
        field = app.form.query_one(IntegerField)
        field.focus_target()
        await pilot.pause()
        await pilot.press(*"six")
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
        await pilot.press("ctrl+n")  # a new row after "Respect"
        await pilot.pause()
        assert len(editor.rows) == 3
        assert len(data["values"]) == 2  # a blank row is not data yet
        await pilot.press(*"Speed")
        assert names(data) == ["Honesty", "Respect", "Speed"]
        await pilot.press("ctrl+up")
        await pilot.pause()
        assert names(data) == ["Honesty", "Speed", "Respect"]
        assert isinstance(app.focused, Input) and app.focused.value == "Speed"  # focus moves with the item
        await pilot.press("ctrl+up")
        assert names(data) == ["Speed", "Honesty", "Respect"]
        await pilot.press("ctrl+down")
        assert names(data) == ["Honesty", "Speed", "Respect"]
        await pilot.press("ctrl+delete")
        await pilot.pause()
        assert names(data) == ["Honesty", "Respect"]
        undo_text = str(editor.query_one(".list-undo-text").content)
        assert "Removed “Speed”." in undo_text
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert names(data) == ["Honesty", "Speed", "Respect"]
        # the description of Honesty was never touched and is kept as it was
        assert data["values"][0] == {"name": "Honesty", "description": "We keep our word."}


async def test_list_buttons_with_the_mouse():
    data = spec(standards={"always": ["greet every customer", "say thank you"]})
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=(80, 30)) as pilot:
        editor = app.form.query_one("#always", ListEditor)
        await pilot.click(editor.rows[1].query_one(".row-up"))
        await pilot.pause()
        assert data["standards"]["always"] == ["say thank you", "greet every customer"]
        await pilot.click(editor.rows[0].query_one(".row-delete"))
        await pilot.pause()
        assert data["standards"]["always"] == ["greet every customer"]
        await pilot.click(editor.query_one(".list-undo-button"))
        await pilot.pause()
        assert data["standards"]["always"] == ["say thank you", "greet every customer"]
        await pilot.click(editor.query_one(".list-add"))
        await pilot.pause()
        assert len(editor.rows) == 3
        await pilot.press(*"listen first")
        assert data["standards"]["always"][-1] == "listen first"


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
        await pilot.press("ctrl+delete")  # removing a blank line leaves no undo entry
        await pilot.pause()
        assert editor.removed == []
        assert data["standards"]["never"] == ["argue", "blame"]


async def test_deleting_every_item_removes_the_key():
    data = spec(values=[{"name": "Honesty"}])
    app = FormHarness(ValuesForm, data)
    async with app.run_test(size=SIZE) as pilot:
        app.form.query_one(ListEditor).rows[0].focus_target()
        await pilot.press("ctrl+delete")
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
        assert "“quickly” is vague." in str(always_row.query_one(".field-findings").content)
        resolution = app.form.query(DurationPicker)[3]
        shown = str(resolution.query_one(".field-findings").content)
        assert shown == "Error: Resolution is shorter than the first response."
        assert resolution.query_one(".field-findings").has_class("-error")
        assert "No metrics yet." in str(app.form.query_one(".form-findings").content)
        # findings are replaced, not added up
        app.form.show_findings([])
        await pilot.pause()
        assert str(resolution.query_one(".field-findings").content) == ""


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
        await pilot.press("ctrl+n")  # blank row between the two
        await pilot.pause()
        app.form.show_findings([FakeFinding("x", "warning", ("values", 1, "name"), "About Respect.", "")])
        await pilot.pause()
        respect = editor.rows[2]
        assert "About Respect." in str(respect.query_one(".field-findings").content)
        assert isinstance(respect, ListRow)


async def test_opening_every_form_changes_nothing(examples):
    from wizard.app.steps import STEP_FORMS

    for path in examples:
        data = load_example(path)
        for key, form_class in STEP_FORMS.items():
            before = copy.deepcopy(data)
            app = FormHarness(form_class, data)
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                for _ in range(12):  # walk through the fields without typing
                    await pilot.press("tab")
                assert app.changes == [], (path.name, key)
            assert data == before
