"""Importing a document from the welcome screen, as a user does it with the keyboard: the policy
opens in the editor, the review step lists what found no step, and nothing is lost on save."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.app.conftest import settle
from tests.app.test_lists import widget_lines
from wizard.app.app import PolicyWizardApp
from wizard.i18n import set_ui_language

DOCUMENTS = Path(__file__).parents[1] / "importer" / "documents"


@pytest.mark.parametrize("ui", ["en", "hr"])
async def test_import_a_document_and_check_what_found_no_step(ui, workdir):
    shutil.copy(DOCUMENTS / "harbour-books-en.md", workdir / "harbour.md")
    set_ui_language(ui)
    app = PolicyWizardApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+l", *"harbour.md", "enter")
        await settle(pilot, rounds=2)
        editor = app.editor
        assert editor is not None and editor.step == "basics"
        assert editor.path.resolve() == workdir / "harbour.yaml" and editor.dirty
        assert editor.data["title"] == "Harbour Books – Customer Care Policy"

        await editor.go_to("review")
        await settle(pilot)
        check = editor.form.query_one("#imported-0")
        headings = [str(heading.content) for heading in editor.form.query(".review-heading")]
        assert {"en": "From the imported document: check these",
                "hr": "Iz uvezenog dokumenta: provjerite ovo"}[ui] in headings
        row = " ".join(widget_lines(editor.form.query_one(".review-imported .review-title")))
        assert "9. Our history" in " ".join(row.split())
        assert check.label.plain == {"en": "Check", "hr": "Provjeri"}[ui]
        await pilot.click(check)
        await settle(pilot)
        assert editor.step == "sections"
        assert app.focused is not None and "Our history" in getattr(app.focused, "text", getattr(app.focused, "value", ""))

        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not editor.dirty
    saved = yaml.safe_load((workdir / "harbour.yaml").read_text(encoding="utf-8"))
    assert saved["sections"][0]["title"] == "Our history"
    assert saved["procedures"][0]["resolve_within"] == "10 working days"
    assert (workdir / "harbour.md").read_text(encoding="utf-8") == (DOCUMENTS / "harbour-books-en.md").read_text(encoding="utf-8")


async def test_a_document_that_cannot_be_imported_says_why_and_stays_on_the_welcome_screen(workdir):
    (workdir / "photo.docx").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    app = PolicyWizardApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+l", *"photo.docx", "enter")
        await settle(pilot, rounds=2)
        assert type(app.screen).__name__ == "WelcomeScreen"
        messages = [notification.message for notification in app._notifications]
        assert messages == ["photo.docx: this is not a Word (.docx) document, or the file is damaged"]
