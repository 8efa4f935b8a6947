"""Bugs a tester found in the editor shell, reproduced the way a user meets them: with keys."""

from __future__ import annotations

import asyncio
import shutil

import pytest
from textual import events
from textual.widgets import Input

from tests.app.conftest import focused_text_field, settle
from wizard.app.app import PolicyWizardApp
from wizard.app.widgets.preview import Preview, SectionView


@pytest.fixture
def policy(tmp_path, examples):
    source = next(p for p in examples if p.name.startswith("northwind"))
    target = tmp_path / "policy.yaml"
    shutil.copy(source, target)
    return target


async def type_like_a_terminal(app, text: str) -> None:
    """Keys as the terminal driver delivers them: posted to the app, nothing else. (`pilot.press`
    also wakes every widget after each key, which hides a widget that never wakes up itself.)"""
    for char in text:
        app.post_message(events.Key(char, char))
        await asyncio.sleep(0.02)


async def wait_until(condition, seconds: float = 3.0) -> bool:
    """Wait like a user looking at the screen: no Pilot call that would wake the widgets."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return True
        await asyncio.sleep(0.05)
    return condition()


def preview_text(app, key: str) -> str:
    return app.editor.query_one(Preview).query_one(f"#pv-{key}", SectionView).markdown


async def test_the_preview_follows_typing_in_a_new_policy():
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.editor.query_one(Preview).display
        field = focused_text_field(app)
        assert field is not None
        await type_like_a_terminal(app, "Acme Support Policy")
        assert await wait_until(lambda: "Acme Support Policy" in preview_text(app, "title"))
        await type_like_a_terminal(app, " 2")  # and again: not only the first change gets through
        assert await wait_until(lambda: "Acme Support Policy 2" in preview_text(app, "title"))
        assert app.editor.step == "basics"


async def test_the_preview_follows_an_edit_of_a_file(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert "Northwind" in preview_text(app, "title")
        await pilot.press("tab")  # Title -> Company
        await settle(pilot)
        field = focused_text_field(app)
        assert field is not None and "Northwind" in field.value
        await pilot.press("end")
        await settle(pilot)
        await type_like_a_terminal(app, " Zeta")
        assert await wait_until(lambda: "Zeta" in "".join(
            view.markdown for view in app.editor.query_one(Preview).query(SectionView)))
