"""A restored draft continues where the user was: the step, the field, the language being
written, and the suggestions they dismissed (not saved yet).

Each test edits, waits for the autosaved draft as the app writes it, then ends the app
without saving (as a crash, a closed terminal or `kill -9` leaves it: the draft stays),
opens the file again and chooses Restore on the recover screen.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from tests.app.conftest import settle
from tests.app.test_unsaved_input import opened, texts
from wizard.app.app import PolicyWizardApp
from wizard.app.screens.recover import RecoverDraftScreen
from wizard.i18n import set_ui_language
from wizard.storage import DraftStore, DraftPlace

POLICY = """\
schema_version: 1
language: en
title: Harbour Books Customer Service Policy
company: Harbour Books
owner: Customer Service Manager
review_every_months: 12
mission: We answer every customer as soon as we can.
vision: Every customer leaves happier than they came.
"""


@pytest.fixture
def policy(tmp_path):
    path = tmp_path / "policy.yaml"
    path.write_text(POLICY, encoding="utf-8")
    return path


async def draft_written(pilot, policy, check) -> None:
    """Wait (as the user would, a second or two) until the autosaved draft (of the file
    `policy`, or of a new policy when None) satisfies `check`."""
    for _attempt in range(100):
        await settle(pilot)
        drafts = DraftStore().for_target(policy) if policy is not None else DraftStore().list()
        if drafts and check(drafts[0]):
            return
        await pilot.pause(0.05)
    raise AssertionError(f"no such draft was written: {DraftStore().for_target(policy)!r}")


async def restore(pilot):
    """On opening the file again: the recover screen, Enter (Restore), the editor."""
    await opened(pilot, RecoverDraftScreen)
    await pilot.press("enter")
    return await opened(pilot)


def translation(text, language: str):
    """The `language` text of a translatable field, or None while it is still one plain
    string (a draft written before the first letter of the translation was typed)."""
    return text.get(language) if isinstance(text, dict) else None


def heading(editor) -> str:
    return texts(editor.query_one("#step-heading").parent).splitlines()[0]


async def test_a_restored_draft_opens_at_the_step_and_in_the_field_where_the_user_was(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await opened(pilot)
        await pilot.press("f8", "f8", "f8")  # Purpose and scope, Definitions, Mission
        await settle(pilot)
        assert editor.step == "mission"
        await pilot.press("end", *" Kindly.")
        await draft_written(pilot, policy, lambda info: "Kindly" in str(DraftStore().read(info.id)))
    # the app is gone without saving; its draft stays

    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await restore(pilot)
        assert editor.step == "mission"
        assert heading(editor).startswith("Step 4 of 13: Mission")
        assert isinstance(app.focused, TextArea)
        assert app.focused.text == "We answer every customer as soon as we can. Kindly."
        await pilot.press("end", *" Always.")  # typing goes on in the same field
        await settle(pilot)
        assert editor.data["mission"] == "We answer every customer as soon as we can. Kindly. Always."


async def test_the_focused_field_of_a_step_with_many_comes_back(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await opened(pilot)
        await pilot.press("tab", "tab", "end", *", Harbour Books")  # title, company, owner
        await draft_written(pilot, policy, lambda info: info.place == DraftPlace("basics", ("owner",))
                            and DraftStore().read(info.id)["owner"].endswith("Harbour Books"))

    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await restore(pilot)
        assert editor.step == "basics"
        assert isinstance(app.focused, Input)
        assert app.focused.value == "Customer Service Manager, Harbour Books"
        assert editor.data["owner"] == "Customer Service Manager, Harbour Books"


async def test_a_dismissed_suggestion_and_a_translation_in_progress_come_back(policy):
    set_ui_language("en")
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await opened(pilot)
        await editor.go_to("mission")
        await settle(pilot)
        assert [f.code for f in editor.findings if f.path == ("mission",)] == ["vague-time"]
        await pilot.press("f5")  # dismissed here; not saved
        await settle(pilot)
        await pilot.press("f8", "f4")  # Vision, translating into the next language (Croatian)
        await settle(pilot)
        await pilot.press(*"Svaki kupac")
        await draft_written(pilot, policy, lambda info: info.place == DraftPlace("vision", ("vision",), "hr")
                            and info.dismissed == {("mission",): frozenset({"vague-time"})}
                            and translation(DraftStore().read(info.id)["vision"], "hr") == "Svaki kupac")

    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await restore(pilot)
        assert editor.step == "vision"
        assert heading(editor).endswith("Translating into Croatian")
        assert editor.data["vision"]["hr"] == "Svaki kupac"
        assert isinstance(app.focused, TextArea) and app.focused.text == "Svaki kupac"
        assert not [f for f in editor.findings if f.code == "vague-time"]  # still dismissed
        await editor.go_to("mission")
        await settle(pilot)
        assert "promises speed" not in texts(editor)


async def test_a_draft_that_only_dismissed_a_suggestion_is_offered(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await opened(pilot)
        await editor.go_to("mission")
        await settle(pilot)
        await pilot.press("f5")
        await draft_written(pilot, policy, lambda info: bool(info.dismissed))

    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot, RecoverDraftScreen)
        assert "Sections that differ from the file: “Mission”" in texts(app.screen)


async def test_after_a_crash_the_welcome_screen_shows_the_draft_first_and_restores_it_where_it_was(tmp_path):
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await opened(pilot)
        await editor.go_to("vision")
        await settle(pilot)
        await pilot.press(*"Every order arrives on time.")
        await draft_written(pilot, None, lambda info: info.place == DraftPlace("vision", ("vision",))
                            and DraftStore().read(info.id)["vision"] == "Every order arrives on time.")

    app = PolicyWizardApp()  # `policy-wizard`: the welcome screen
    async with app.run_test(size=(80, 24)) as pilot:
        for _attempt in range(100):
            await settle(pilot)
            if app.screen.query("#drafts"):
                break
            await pilot.pause(0.05)
        box = app.screen.query_one("#drafts-box")
        assert box.region.bottom <= app.screen.query_one("#new-box").region.y  # in sight, first
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "enter")  # by keys: the draft list
        editor = await restore(pilot)
        assert editor.step == "vision"
        assert isinstance(app.focused, TextArea) and app.focused.text == "Every order arrives on time."
