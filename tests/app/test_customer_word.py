"""The people the policy serves, chosen on the basics step: the preview names them at once."""

from __future__ import annotations

from textual.widgets import Select, Static

from tests.app.conftest import settle, wait_until
from tests.app.test_editor_fixes import preview_text
from wizard.app.app import PolicyWizardApp


def shown(select: Select) -> str:
    """What the drop-down shows when closed."""
    return str(select.query_one("SelectCurrent #label", Static).render())


async def test_choosing_guests_on_the_basics_step_changes_the_preview(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert "Customer satisfaction (CSAT)" in preview_text(app, "standards")
        assert "Closing an interaction" in preview_text(app, "procedures")
        # Title, company, owner, contact, effective date, review cycle: the seventh field.
        await pilot.press(*["tab"] * 6)
        await settle(pilot)
        select = app.focused
        assert isinstance(select, Select) and shown(select) == "Customers (the default)"
        await pilot.press("enter", "down", "down", "down", "enter")  # blank, Customers, Clients, Guests
        await settle(pilot)
        assert select.value == "guests" and shown(select) == "Guests"
        assert await wait_until(lambda: "Guest satisfaction (CSAT)" in preview_text(app, "standards"))
        assert "Seeing guests off" in preview_text(app, "procedures")
        assert "# Guest Service Policy" in preview_text(app, "title")  # the file's title was the default
        assert app.editor.step == "basics"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press(*"Guests", "enter")  # the revision note the save asks for
        assert await wait_until(lambda: app.editor.sub_title == "saved")
    assert "review_every_months: 12\ncustomer_word: guests\npurpose:" in policy.read_text(encoding="utf-8")


async def test_a_procedure_without_a_title_shows_the_documents_title_for_the_people_served(policy):
    """A café's closing procedure is "Seeing guests off" in its document: the form says so too."""
    from textual.widgets import Input

    from tests.app.test_editor_fixes import go_to_step

    text = policy.read_text(encoding="utf-8")
    policy.write_text(text.replace("review_every_months: 12\n", "review_every_months: 12\ncustomer_word: guests\n"),
                      encoding="utf-8")
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await go_to_step(pilot, "Procedures")
        await settle(pilot)
        assert await wait_until(lambda: "Seeing guests off" in [box.placeholder for box in app.editor.form.query(Input)])
        assert "Closing an interaction" not in [box.placeholder for box in app.editor.form.query(Input)]
