"""A whole new policy from the welcome screen to a saved file, with the keyboard only,
in each of the four UI languages."""

from __future__ import annotations

import pytest
import yaml

from tests.app.conftest import focused_text_field, settle
from wizard.app.app import PolicyWizardApp
from wizard.app.ui import STEP_KEYS
from wizard.i18n import set_ui_language

WORDS = {"en": "Harbour", "hr": "Luka Šibenik", "zh": "海港书店", "tr": "Liman Çarşı"}


@pytest.mark.parametrize("ui", ["en", "hr", "zh", "tr"])
async def test_new_policy_with_keys_only(ui, workdir):
    set_ui_language(ui)
    app = PolicyWizardApp()
    typed: list[str] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "WelcomeScreen"
        # The obvious next action has the focus: Enter starts a new policy.
        await pilot.press("enter")
        await settle(pilot)
        editor = app.editor
        assert editor is not None and editor.step == "basics"
        # Each step: type into the field that has the focus (if it is a text field), then Next.
        for number, step in enumerate(STEP_KEYS[:-1]):
            assert editor.step == step
            field = focused_text_field(app)
            if field is not None:
                text = f"{WORDS[ui]} {number}"
                await pilot.press(*text)
                typed.append(text)
            await pilot.press("f8")
            await settle(pilot)
        assert editor.step == "review"
        assert editor.dirty
        assert typed, "no step offered a text field to type into"
        # Save: the policy has no file yet, so the app asks where.
        await pilot.press("ctrl+s")
        await settle(pilot)
        path_input = focused_text_field(app)
        assert path_input is not None
        path_input.value = ""
        await pilot.press(*str(workdir / "policy.yaml"))
        await pilot.press("enter")
        await settle(pilot)
        assert not editor.dirty
        assert editor.path == workdir / "policy.yaml"
    saved = (workdir / "policy.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(saved)
    assert data["schema_version"] == 1
    assert data["language"] == ui
    for text in typed:
        assert text in saved
