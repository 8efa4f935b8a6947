"""A policy's revision history, by keys only: a new policy's first save records its first
version, each later editing session asks for a note (F5 starts it from the summary of the
changes), the review step shows the history, the changes since the last save, and lets the
latest note be edited; the palette adds a note."""

from __future__ import annotations

from datetime import date

import yaml
from textual.widgets import Input, Static

from tests.app.conftest import run_command, settle, type_at_end
from wizard.app.app import PolicyWizardApp
from wizard.app.screens.dialogs import RevisionNoteScreen

TODAY = date.today().isoformat()


def revisions_on_disk(path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8")).get("revisions", [])


REVIEW_TEXT = {"review-heading", "review-revision", "review-change", "review-change-detail", "review-change-section"}


def review_text(app) -> str:
    """The revision history and the changes the review step shows, in reading order."""
    lines = []
    for static in app.editor.form.query(Static):
        if REVIEW_TEXT & set(static.classes):
            content = static.content
            text = getattr(content, "text", content)  # a Hanging paragraph holds its Text
            lines.append(" ".join(getattr(text, "plain", str(text)).split()))
    return " ".join(lines)


async def go_to_review(pilot) -> None:
    await run_command(pilot, "Go to: Review")


async def focus_latest_note(pilot) -> Input:
    """Tab through the review step to the latest note (as a keyboard user does)."""
    app = pilot.app
    for _ in range(60):
        focused = app.focused
        if isinstance(focused, Input) and focused.parent is not None and focused.parent.id == "latest-note":
            return focused
        await pilot.press("tab")
    raise AssertionError("Tab never reached the latest revision note")


async def test_from_a_new_policy_to_its_third_revision(workdir):
    path = workdir / "policy.yaml"

    # 1. A new policy (document in Croatian): the first save records the first version.
    app = PolicyWizardApp("new", path, lang="hr")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*"Politika luke")  # the title has the focus
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is app.editor and not app.editor.dirty
        assert revisions_on_disk(path) == [{"date": date.today(), "note": "Prva verzija"}]
        await go_to_review(pilot)
        shown = review_text(app)
        assert f"Revision history {TODAY} · Prva verzija" in shown
        assert "Changes since the last saved version Nema izmjena." in shown

        # 2. Edits in the same session: saving asks for a note; F5 starts it from the changes.
        await run_command(pilot, "Go to: Basics")
        await type_at_end(pilot, " i marine")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, RevisionNoteScreen)
        await pilot.press("f5")
        note = app.screen.query_one("#note", Input)
        assert note.value == "Naslov (nova formulacija)"
        await pilot.press("ctrl+u", *"Naslov dopunjen", "tab", *"Ana Horvat", "enter")
        await settle(pilot)
        assert app.screen is app.editor and not app.editor.dirty
    second = revisions_on_disk(path)
    assert [r["note"] for r in second] == ["Prva verzija", "Naslov dopunjen"]
    assert second[-1]["author"] == "Ana Horvat"

    # 3. A new editing session: the review step shows what changed; the save asks again.
    app = PolicyWizardApp("edit", path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("tab", *"Luka d.o.o.")  # the company, after the title
        await settle(pilot)
        await go_to_review(pilot)
        shown = review_text(app)
        assert "Tvrtka: Luka d.o.o. (novo)." in shown
        assert f"{TODAY} · Ana Horvat · Naslov dopunjen" in shown
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, RevisionNoteScreen)
        assert app.screen.query_one("#author", Input).value == "Ana Horvat"
        await pilot.press("f5")
        assert app.screen.query_one("#note", Input).value == "Tvrtka: Luka d.o.o. (novo)."
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is app.editor and not app.editor.dirty
        assert "Changes since the last saved version Nema izmjena." in review_text(app)
        assert revisions_on_disk(path)[-1]["note"] == "Tvrtka: Luka d.o.o. (novo)."

        # The latest note can be edited on the review step, and saved without a new question.
        field = await focus_latest_note(pilot)
        assert field.value == "Tvrtka: Luka d.o.o. (novo)."
        await pilot.press("ctrl+u", *"Upisan naziv tvrtke")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is app.editor and not app.editor.dirty
    third = revisions_on_disk(path)
    assert [r["note"] for r in third] == ["Prva verzija", "Naslov dopunjen", "Upisan naziv tvrtke"]
    assert all(r["date"] == date.today() for r in third)


async def test_the_palette_adds_a_revision_note(workdir):
    path = workdir / "policy.yaml"
    path.write_text("schema_version: 1\nlanguage: en\ncompany: Harbour\n", encoding="utf-8")
    app = PolicyWizardApp("edit", path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await run_command(pilot, "Add a revision note")
        assert isinstance(app.screen, RevisionNoteScreen)
        assert not app.screen.query("#skip")  # nothing is saved here, so nothing to save without a note
        await pilot.press(*"Reviewed with the team", "enter")
        await settle(pilot)
        assert app.editor.dirty
        await pilot.press("ctrl+s")  # the note was given in this session: no second question
        await settle(pilot)
        assert app.screen is app.editor and not app.editor.dirty
    assert [r["note"] for r in revisions_on_disk(path)] == ["Reviewed with the team"]
