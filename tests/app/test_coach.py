"""The quality coach in the wizard: a vague promise is pointed out while it is typed."""

from __future__ import annotations

import pytest

from tests.app.conftest import settle
from wizard.app.app import PolicyWizardApp
from wizard.i18n import set_ui_language

# what the author types, the quoted phrase the finding shows, and a concrete time that settles it
CASES = {
    "en": ("we answer quickly", "“quickly”", " within 2 hours"),
    "hr": ("odgovaramo brzo", "„brzo”", " u roku od 2 sata"),
    "zh": ("我们会尽快答复", "“尽快”", "，2小时内"),
    "tr": ("hemen yanıt veririz", "“hemen”", ", 2 saat içinde"),
}


def shown_text(app) -> str:
    # notes keep their plain text in `.text` (findings render as wrapped lines, not a string)
    return "\n".join(getattr(widget, "text", None) or str(widget.render()) for widget in app.screen.query("Static")
                     if widget.region.area)  # (not the forms built ahead, hidden)


@pytest.mark.parametrize("lang", list(CASES))
async def test_typing_a_vague_promise_shows_the_finding_at_once(lang):
    set_ui_language(lang)
    typed, quoted, concrete = CASES[lang]
    app = PolicyWizardApp("new", lang=lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f6", *["down"] * 6, "enter")
        await settle(pilot)
        assert app.editor.step == "standards"
        await pilot.press("enter")  # "Add a commitment" has the focus in an empty list
        await settle(pilot)
        await pilot.press(*typed)
        await settle(pilot)
        assert app.editor.data["standards"]["always"] == [typed]
        assert quoted in shown_text(app)
        await pilot.press(*concrete)
        await settle(pilot)
        assert quoted not in shown_text(app)
