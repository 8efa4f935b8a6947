"""Forms built ahead (wizard.app.forms_ahead): a step the user goes to after a pause shows
the form built meanwhile, with the focus in it, and that form always shows the policy as it
is now: after an edit in the step itself, in another step whose data it shows, a reload of
the file, and on the review (the changes since the last save)."""

from __future__ import annotations

import shutil

import pytest
import yaml

from tests.app.conftest import opened, settle, type_at_end, wait_for
from tests.app.test_editor_ux import go_to
from tests.app.test_keys import screen_lines
from tests.app.test_revisions import review_text
from wizard.app.app import PolicyWizardApp
from wizard.app.widgets.field import FieldInput
from wizard.app.widgets.list_editor import ListEditor, ListRow

SIZE = (120, 36)


def screen_text(app) -> str:
    return "\n".join(screen_lines(app))


@pytest.fixture
def forty_terms(tmp_path, examples):
    """An example policy with 40 definitions: a list longer than the screen."""
    policy = tmp_path / "policy.yaml"
    shutil.copy(next(path for path in examples if path.name.startswith("northwind")), policy)
    data = yaml.safe_load(policy.read_text(encoding="utf-8"))
    data["definitions"] = [{"term": {"en": f"Term {number}"}, "meaning": {"en": f"Meaning {number}"}}
                           for number in range(1, 41)]
    policy.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return policy


async def built_ahead(pilot, editor, step: str):
    """Wait (as a user pausing) until the form of `step` is built ahead, and return it."""
    assert await wait_for(pilot, lambda: editor.ahead.built(step) is not None, 20), f"{step} was not built ahead"
    return editor.ahead.built(step)


async def test_the_next_step_shows_the_form_built_ahead_and_takes_the_keys_typed(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        form = await built_ahead(pilot, editor, "purpose")
        assert not form.display  # hidden until asked for
        await pilot.press("f8")
        await settle(pilot)
        assert editor.form is form
        assert "Step 2 of 13: Purpose and scope" in screen_text(app)
        assert form in app.focused.ancestors
        await type_at_end(pilot, " Zq")
        assert "Zq" in str(editor.data["purpose"]["intent"])
        assert "Zq" in screen_text(app)


async def test_a_step_left_after_an_edit_shows_the_edit_when_the_user_comes_back(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        await go_to(pilot, "mission")
        await type_at_end(pilot, " Zq")
        await pilot.press("f8")
        await settle(pilot)
        form = await built_ahead(pilot, editor, "mission")
        await pilot.press("f7")
        await settle(pilot)
        assert editor.form is form
        assert app.focused.text.endswith(" Zq")
        assert "Zq" in screen_text(app)


async def test_an_edit_in_scope_reaches_the_service_standards_built_ahead():
    data = {"schema_version": 1, "language": "en", "purpose": {"channels": ["email"]},
            "standards": {"service_levels": [{"channel": "email", "first_response": "1 day"}]}}
    app = PolicyWizardApp("new", data=data)
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        await go_to(pilot, "purpose")
        await built_ahead(pilot, editor, "standards")
        channels = editor.form.query_one("SelectionList")
        channels.focus()
        await pilot.press("home", "space")  # ticks "Phone", which has no service level
        await settle(pilot)
        assert editor.data["purpose"]["channels"] == ["email", "phone"]
        await go_to(pilot, "standards")
        assert "Add the channels from scope" in screen_text(app)


async def test_a_reload_from_disk_is_what_the_steps_built_ahead_show(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        before = await built_ahead(pilot, editor, "mission")
        on_disk = yaml.safe_load(policy.read_text(encoding="utf-8"))
        on_disk["mission"]["en"] = "Changed on disk."
        policy.write_text(yaml.safe_dump(on_disk, allow_unicode=True), encoding="utf-8")
        await type_at_end(pilot, "!")  # an edit of ours, then a save that finds the file changed
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("down", "down", "enter")  # Reload
        await settle(pilot)
        assert editor.data["mission"]["en"] == "Changed on disk."
        await go_to(pilot, "mission")
        assert editor.form is not before
        assert "Changed on disk." in screen_text(app)


async def test_the_review_built_ahead_lists_an_edit_made_since(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        before = await built_ahead(pilot, editor, "review")
        await go_to(pilot, "mission")
        await type_at_end(pilot, " Zq")
        await settle(pilot)
        await go_to(pilot, "review")
        assert editor.form is not before
        assert "Zq" in review_text(app)


async def test_a_long_list_built_ahead_gets_all_its_rows_once_shown(forty_terms):
    policy = forty_terms
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        form = await built_ahead(pilot, editor, "definitions")
        waiting = form.query_one(ListEditor)
        assert waiting.pending  # a hidden list mounts no more than its first rows
        await editor.go_to("definitions")
        assert await wait_for(pilot, lambda: not waiting.pending and len(waiting.rows) == 40)
        await settle(pilot)  # (the last batch is numbered once mounted)
        assert editor.form is form
        rows = list(form.query(ListRow))
        assert str(rows[-1].render()).split()[0] == "40."


async def test_a_form_built_ahead_before_the_theme_changed_shows_the_new_theme(policy):
    app = PolicyWizardApp("edit", policy, theme="dark")
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        form = await built_ahead(pilot, editor, "mission")
        dark = editor.form.query_one(FieldInput).styles.background
        app.set_theme("light")
        await settle(pilot)
        light = editor.form.query_one(FieldInput).styles.background
        assert light != dark
        await go_to(pilot, "mission")
        assert editor.form is form
        assert form.query_one("FieldTextArea").styles.background == light


async def test_a_restyle_that_passed_a_hidden_form_by_reaches_it_once_shown(policy):
    """Restyling the editor (a class set on it, the return from a dialog) passes the forms
    built ahead by while they are hidden; the one shown is restyled then."""
    from textual.color import Color
    from textual.widgets import Label

    app = PolicyWizardApp("edit", policy, theme="dark")
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        form = await built_ahead(pilot, editor, "mission")
        app.stylesheet.add_source("EditorScreen.-marked StepForm Label { scrollbar-background: #ff0000; }", read_from=("test", ""))
        app.stylesheet.parse()
        editor.add_class("-marked")
        await go_to(pilot, "mission")
        assert editor.form is form
        assert form.query_one(Label).styles.scrollbar_background == Color.parse("#ff0000")


async def test_the_form_of_a_step_left_is_shown_again_from_the_top(forty_terms):
    """The form the user leaves is kept for the way back, and shown again as a new one would
    be: from its first field, with the focus there."""
    app = PolicyWizardApp("edit", forty_terms)
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        await go_to(pilot, "definitions")
        left = editor.form
        await pilot.press(*["tab"] * 30)  # down the list
        await settle(pilot)
        assert left.scroll_y > 0 and "Term 1 " not in screen_text(app) + " "
        await pilot.press("f8")
        await settle(pilot)
        assert editor.step == "mission" and editor.ahead.built("definitions") is left
        await pilot.press("f7")
        await settle(pilot)
        assert editor.form is left and left.scroll_y == 0
        assert app.focused is left.query(FieldInput).first()
        assert "Term 1 " in screen_text(app) + " "


async def test_a_step_left_with_input_that_cannot_be_saved_is_built_anew(policy):
    """Such input may be dropped while the user is elsewhere (a reload, a save), and a form
    kept would go on showing it: the step is built anew from the spec, and the input that is
    still waiting comes back into it."""
    from textual.widgets import Input

    from wizard.app.widgets.number_field import IntegerField

    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=SIZE) as pilot:
        editor = await opened(pilot)
        left = editor.form
        months = left.query_one(IntegerField).query_one(Input)
        months.scroll_visible(animate=False)
        await settle(pilot)
        await pilot.click(months)
        await pilot.press("end", "shift+home", *"abc")
        await settle(pilot)
        assert editor.unsaved
        await pilot.press("f8")
        await settle(pilot)
        assert editor.ahead.built("basics") is not left
        await pilot.press("f7")
        await settle(pilot)
        assert editor.form is not left
        assert editor.form.query_one(IntegerField).query_one(Input).value == "abc"
