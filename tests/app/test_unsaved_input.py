"""Nothing the user typed is ever lost, even input that is not valid yet.

A date "2026-13-01", a number "abc", a duration "4x" cannot go into the file (it must stay
valid), but they stay in their field across Next/Back, the sidebar marks the step, the
review step lists them with a way to jump there, ctrl+s names them before saving the rest,
and the autosaved draft keeps them for the recover flow.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import Input, Static

from tests.app.conftest import opened, settle
from wizard.app import core
from wizard.app.app import PolicyWizardApp
from wizard.app.screens.dialogs import QuitScreen
from wizard.app.screens.editor import EditorScreen
from wizard.app.screens.recover import RecoverDraftScreen
from wizard.app.screens.unsaved_input import UnsavedInputScreen
from wizard.app.unsaved import UnsavedInput, from_draft, to_draft
from wizard.app.widgets.date_input import DateInput
from wizard.app.widgets.duration_picker import DurationPicker, UnitPicker
from wizard.app.widgets.number_field import IntegerField, PercentField
from wizard.app.widgets.sidebar import StepList
from wizard.app.widgets.text_field import TextField
from wizard.i18n import set_ui_language
from wizard.storage import DraftStore, draft_id_for

POLICY = """\
schema_version: 1
language: en
title: Harbour Books Customer Service Policy
company: Harbour Books
effective_date: '2026-12-01'
review_every_months: 12
standards:
  service_levels:
  - channel: email
    first_response: 4 hours
  - channel: phone
    first_response: 2 minutes
"""


@pytest.fixture
def policy(tmp_path):
    path = tmp_path / "policy.yaml"
    path.write_text(POLICY, encoding="utf-8")
    return path


def texts(root) -> str:
    """The text of each widget under `root`, as the user reads it (a wrapped text joined
    back into one line)."""
    shown = []
    for widget in root.query(Static):
        if widget.display and widget.outer_size.area:
            lines = widget.render_lines(Region(0, 0, *widget.outer_size))
            shown.append(" ".join(strip.text.strip() for strip in lines if strip.text.strip()))
    return "\n".join(shown)


def notifications(app) -> list[str]:
    return [notification.message for notification in app._notifications]


def shown(field) -> str:
    """The text in a field's input, as on the screen."""
    return field.query(Input).first().value


async def type_into(pilot, field, text: str) -> None:
    """Click into the field's input, select what it holds and type `text` over it key by
    key, as a user does."""
    box = field.query(Input).first()
    box.scroll_visible(animate=False)
    await settle(pilot)
    await pilot.click(box)
    assert pilot.app.focused is box
    await pilot.press("end", "shift+home", *text)
    await settle(pilot)


async def test_invalid_date_and_number_stay_in_their_fields_across_steps(tmp_path):
    target = tmp_path / "new.yaml"
    app = PolicyWizardApp("new", target, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:  # the smallest screen: fields scroll
        editor = await opened(pilot)
        await pilot.press("tab", "tab", "tab", "tab")  # title, company, owner, contact, date
        assert app.focused.parent is editor.form.query_one(DateInput)
        await pilot.press(*"2026-13-01", "tab", *"abc")
        await settle(pilot)
        date, months = editor.form.query_one(DateInput), editor.form.query_one(IntegerField)
        assert date.error == "There is no month 13: months go from 01 to 12."
        assert months.error == "“abc” is not a whole number."
        assert "effective_date" not in editor.data and "review_every_months" not in editor.data
        # the sidebar says the step has a problem, the title that something is not saved
        assert str(editor.query_one(StepList).get_option("basics").prompt).startswith("✗ ")
        assert editor.title.startswith("● ") and editor.sub_title == "some input is not saved"

        await pilot.press("f8")  # Next
        await settle(pilot)
        assert editor.step == "purpose"
        await pilot.press("f7")  # Back
        await settle(pilot)
        date, months = editor.form.query_one(DateInput), editor.form.query_one(IntegerField)
        assert shown(date) == "2026-13-01" and shown(months) == "abc"
        assert date.error == "There is no month 13: months go from 01 to 12."
        assert months.error == "“abc” is not a whole number."

        # the review step lists each field, and "Fix" puts the cursor into it
        await pilot.press(*["f8"] * 12)
        await settle(pilot)
        assert editor.step == "review"
        review = texts(editor.form)
        assert "Not saved: fix these fields" in review
        assert "✗ Basics › Effective date: “2026-13-01”" in review
        assert "• There is no month 13: months go from 01 to 12." in review
        assert "✗ Basics › Review every: “abc”" in review
        assert "Basics  2 fields cannot be saved" in review
        await pilot.click("#fix-1")
        await settle(pilot)
        assert editor.step == "basics"
        assert app.focused is editor.form.query_one(IntegerField).query_one(Input)
        assert editor.form.region.contains_region(app.focused.region)  # scrolled into view

        # fixing the number takes it off the list
        await pilot.press(*["backspace"] * 3, *"12")
        await settle(pilot)
        assert editor.data["review_every_months"] == 12
        assert list(editor.unsaved) == [("effective_date",)]


async def test_ctrl_s_names_the_fields_then_saves_the_rest(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await opened(pilot)
        await type_into(pilot, editor.form.query_one(DateInput), "2026-13-01")
        assert not editor.dirty and editor.needs_saving  # the data itself did not change

        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, UnsavedInputScreen)
        dialog = texts(app.screen)
        assert "1 field cannot be saved yet" in dialog
        assert "Basics › Effective date: “2026-13-01”" in dialog
        assert "There is no month 13: months go from 01 to 12." in dialog
        assert "The file keeps the earlier value: 2026-12-01" in dialog
        # Enter: "Go back and fix" (the default) puts the cursor into the field; nothing is written
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert app.focused is editor.form.query_one(DateInput).query_one(Input)
        assert policy.read_text(encoding="utf-8") == POLICY

        # again, and "Save the rest"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, EditorScreen)
        assert any("except 1 field that is not valid yet" in text for text in notifications(app))
        saved = core.load(policy).data  # still a valid policy file
        assert saved["effective_date"] == "2026-12-01"
        assert "2026-13-01" not in policy.read_text(encoding="utf-8")
        assert shown(editor.form.query_one(DateInput)) == "2026-13-01"
        assert editor.title.startswith("● ")  # still something to fix

        # opening another policy now is allowed: the typed date waits in the draft
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert any("is kept in a draft: it comes back when you open this policy again" in text
                   for text in notifications(app))
        assert type(app.screen).__name__ == "PathScreen"
    [info] = DraftStore().for_target(policy)
    assert info is not None and from_draft(info.unsaved)[("effective_date",)].text == "2026-13-01"


async def test_an_invalid_duration_keeps_its_number_and_unit(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await opened(pilot)
        await pilot.press(*["f8"] * 6)
        await settle(pilot)
        assert editor.step == "standards"
        phone = editor.form.query(DurationPicker)[2]  # e-mail: first response, resolution; phone: ...
        assert phone.label == "First response within" and shown(phone) == "2"
        await type_into(pilot, phone, "4x")
        await pilot.press("tab", "h")  # the unit: hours
        await settle(pilot)
        path = ("standards", "service_levels", 1, "first_response")
        assert editor.unsaved[path] == UnsavedInput(
            path, "4x", "Phone › First response within", "“4x” is not a number. Type digits, such as 24.", "hour", "en"
        )
        # "4" was a valid duration on the way to "4x": it is in memory, but it is not what
        # the user meant, so saving the rest keeps the file's value (below)
        assert editor.data["standards"]["service_levels"][1]["first_response"] == "4 minutes"

        await pilot.press("f7")
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        phone = editor.form.query(DurationPicker)[2]
        assert shown(phone) == "4x" and phone.query_one(UnitPicker).unit == "hour"
        assert phone.error == "“4x” is not a number. Type digits, such as 24."

        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = texts(app.screen)
        assert "Service standards › Phone › First response within: “4x hours”" in dialog
        assert "The file keeps the earlier value: 2 minutes" in dialog
        await pilot.press("enter")  # go back and fix
        await settle(pilot)
        assert app.focused is editor.form.query(DurationPicker)[2].query_one(".duration-amount", Input)


async def test_moving_or_removing_a_row_moves_or_drops_its_input(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await opened(pilot)
        await editor.go_to("standards")
        await settle(pilot)
        await type_into(pilot, editor.form.query(DurationPicker)[2], "0")
        assert ("standards", "service_levels", 1, "first_response") in editor.unsaved
        await pilot.press("alt+up")  # the phone row goes first
        await settle(pilot)
        assert list(editor.unsaved) == [("standards", "service_levels", 0, "first_response")]
        await pilot.press("ctrl+r")  # and is removed: its input goes with it
        await settle(pilot)
        assert editor.unsaved == {}


ESCALATION = POLICY + """\
escalation:
- level: 1
  role: Agent
  within: 1 hour
- level: 2
  role: Team leader
  within: 4 hours
"""


async def test_renaming_an_item_renames_its_input_and_typing_elsewhere_keeps_it(tmp_path):
    """The review names input that cannot be saved after its item ("Team leader › Taken up
    within"): renaming the item renames it. The form collects such input again on a list's
    edits only while the step holds some, and that must still follow every edit."""
    policy = tmp_path / "policy.yaml"
    async with editing(policy, ESCALATION, "escalation") as (pilot, editor):
        await type_into(pilot, editor.form.query(DurationPicker)[1], "soon")
        path = ("escalation", 1, "within")
        assert editor.unsaved[path].label == "Team leader › Taken up within"
        role = [field for field in editor.form.query(TextField) if field.path == ("role",)][1]
        await type_into(pilot, role, "Shift lead")
        assert editor.unsaved[path].label == "Shift lead › Taken up within"
        first = [field for field in editor.form.query(TextField) if field.path == ("role",)][0]
        await type_into(pilot, first, "First-line agent")
        assert list(editor.unsaved) == [path] and editor.unsaved[path].text == "soon"
        assert editor.data["escalation"][1]["role"] == "Shift lead"


async def test_the_draft_keeps_typed_input_and_recovery_puts_it_back(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await opened(pilot)
        await type_into(pilot, editor.form.query_one(DateInput), "2026-13-01")
        editor.autosaver.flush()
        [info] = DraftStore().for_target(policy)
        assert info is not None
        assert from_draft(info.unsaved)[("effective_date",)].text == "2026-13-01"
        # the app ends without saving (a crash, a closed terminal): nothing discards the draft

    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot, RecoverDraftScreen)
        offered = texts(app.screen)
        assert "Sections that differ from the file: “Basics”" in offered
        assert "Effective date: “2026-13-01”" in offered
        await pilot.press("enter")  # Restore
        await settle(pilot)
        editor = app.editor
        date = editor.form.query_one(DateInput)
        assert shown(date) == "2026-13-01"
        assert date.error == "There is no month 13: months go from 01 to 12."
        assert editor.data["effective_date"] == "2026-12-01"
        assert str(editor.query_one(StepList).get_option("basics").prompt).startswith("✗ ")


async def test_save_the_rest_and_quit_keeps_the_input_in_the_draft(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await opened(pilot)
        await type_into(pilot, editor.form.query_one(IntegerField), "abc")
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, QuitScreen)
        assert "1 field holds input that is not valid yet and cannot be saved" in texts(app.screen)
        await pilot.press("enter")  # Save and quit
        await settle(pilot)
        assert isinstance(app.screen, UnsavedInputScreen)
        await pilot.press("down", "enter")  # Save the rest
        await settle(pilot)
    assert core.load(policy).data["review_every_months"] == 12
    [info] = DraftStore().for_target(policy)
    assert info is not None and from_draft(info.unsaved)[("review_every_months",)].text == "abc"


async def test_the_dialog_speaks_the_ui_language(policy):
    set_ui_language("hr")
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot)
        await type_into(pilot, app.editor.form.query_one(DateInput), "2026-02-30")
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = texts(app.screen)
        assert "1 polje još nije moguće spremiti" in dialog
        assert "Osnovni podaci › Datum stupanja na snagu: „2026-02-30”" in dialog
        assert "U datoteci ostaje prethodna vrijednost: 2026-12-01" in dialog


MORE = POLICY + """\
  metrics:
  - metric: csat
    target: 90%
procedures:
- kind: complaints
  steps:
  - Log the complaint.
  acknowledge_within: 2 working days
"""


@asynccontextmanager
async def editing(policy: Path, text: str, step: str):
    """The policy `text` written to `policy` and opened in the editor at `step`: (pilot, editor)."""
    policy.write_text(text, encoding="utf-8")
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await opened(pilot)
        await editor.go_to(step)
        await settle(pilot)
        yield pilot, editor


async def test_percent_and_procedure_targets_stay_and_the_step_says_so(tmp_path):
    policy = tmp_path / "policy.yaml"
    async with editing(policy, MORE, "standards") as (pilot, editor):
        app = pilot.app
        await type_into(pilot, editor.form.query_one(PercentField), "lots")
        assert "1 field on this step cannot be saved yet: see its error below." in str(
            editor.query_one("#step-findings", Static).render()
        )
        await pilot.press("f8")  # on to the procedures
        await settle(pilot)
        await type_into(pilot, editor.form.query(DurationPicker)[0], "soon")
        await pilot.press("f7")
        await settle(pilot)
        assert shown(editor.form.query_one(PercentField)) == "lots"
        await pilot.press("f8")
        await settle(pilot)
        assert shown(editor.form.query(DurationPicker)[0]) == "soon"
        assert editor.query_one(StepList).states["procedures"] == "invalid"

        await editor.go_to("review")
        await settle(pilot)
        review = texts(editor.form)
        assert "✗ Service standards › Customer satisfaction (CSAT) › Target: “lots”" in review
        assert "✗ Procedures › Handling complaints › Acknowledge within: “soon working days”" in review
        await pilot.click("#fix-1")
        await settle(pilot)
        assert app.focused is editor.form.query(DurationPicker)[0].query_one(".duration-amount", Input)
    saved = core.load(policy).data
    assert saved["standards"]["metrics"][0]["target"] == "90%"  # never saved: untouched


async def test_a_draft_from_another_ui_language_is_named_by_its_step_until_shown(policy):
    path = ("standards", "service_levels", 1, "first_response")
    entry = UnsavedInput(path, "4x", "Telefon › Prvi odgovor u roku od", "„4x” nije broj.", "hour", "hr")
    DraftStore().write(
        draft_id_for(policy),
        core.load(policy).data,
        policy,
        unsaved=to_draft([entry]),
    )
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot, RecoverDraftScreen)
        assert "Service standards: “4x hours”" in texts(app.screen)
        await pilot.press("enter")  # Restore
        await settle(pilot)
        editor = app.editor
        await editor.go_to("review")
        await settle(pilot)
        review = texts(editor.form)
        assert "✗ Service standards: “4x hours”" in review
        assert "• This is not valid yet: open the field to see why." in review
        await pilot.click("#fix-0")
        await settle(pilot)
        phone = editor.form.query(DurationPicker)[2]
        assert app.focused is phone.query_one(".duration-amount", Input)
        assert shown(phone) == "4x" and phone.query_one(UnitPicker).unit == "hour"
        assert editor.unsaved[path].label == "Phone › First response within"  # in English now


async def test_a_new_policy_never_saved_gets_its_input_back_from_the_welcome_screen():
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await opened(pilot)
        await pilot.press(*"Kava Bar Policy", "tab", "tab", "tab", "tab", *"2026-1-5")
        await settle(pilot)
        assert editor.unsaved[("effective_date",)].text == "2026-1-5"
        editor.autosaver.flush()

    app = PolicyWizardApp()  # `policy-wizard`: the welcome screen lists the draft
    async with app.run_test(size=(100, 30)) as pilot:
        for _attempt in range(100):
            await settle(pilot)
            drafts = app.screen.query("#drafts")
            if drafts and drafts.first().option_count:
                break
            await pilot.pause(0.05)
        await pilot.click("#drafts", offset=(2, 0))  # the first draft in the list
        await opened(pilot, RecoverDraftScreen)
        assert "Basics › Effective date: “2026-1-5”" in texts(app.screen)
        await pilot.press("enter")  # Restore
        editor = await opened(pilot)
        date = editor.form.query_one(DateInput)
        assert shown(date) == "2026-1-5"
        assert date.error == "Keep typing: the date is written as YYYY-MM-DD, such as 2026-12-01."
        assert editor.data["title"] == "Kava Bar Policy"


def test_draft_entries_round_trip_and_bad_ones_are_skipped():
    entries = [
        UnsavedInput(("effective_date",), "2026-13-01", "Effective date", "No month 13."),
        UnsavedInput(("procedures", 0, "resolve_within"), "3,5", "Complaint › Resolve within", "Whole number.", "day"),
    ]
    assert list(from_draft(to_draft(entries)).values()) == entries
    assert from_draft("nonsense") == {}
    assert from_draft([{"path": [], "text": "x"}, {"path": ["a", True], "text": "x"}, {"path": ["a"], "text": ""}, 7]) == {}


MANY_PROCEDURES = POLICY + """\
procedures:
""" + "".join(f"""\
- kind: other
  title: Procedure {number}
  steps:
  - Step one of procedure {number}.
  - Step two of procedure {number}.
  acknowledge_within: {number} hours
""" for number in range(1, 6))


async def test_input_in_a_row_that_comes_after_the_first_frame_stays(tmp_path):
    """A long list's later rows are mounted just after the step is shown: what the user
    typed into one of them that cannot be saved waits for its row instead of being lost."""
    async with editing(tmp_path / "policy.yaml", MANY_PROCEDURES, "procedures") as (pilot, editor):
        last = editor.form.query(DurationPicker)[-1]  # the fifth procedure's, far below the fold
        await type_into(pilot, last, "soon")
        await pilot.press("f7")
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        assert shown(editor.form.query(DurationPicker)[-1]) == "soon"
        assert editor.query_one(StepList).states["procedures"] == "invalid"
        await editor.go_to("review")
        await settle(pilot)
        assert "✗ Procedures › Procedure 5 › Resolve within: “soon" in texts(editor.form)
