"""How every step looks at 100x30, in English and in Chinese (double-width text must line up).

Regenerate after a deliberate change with `pytest tests/app/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.app.conftest import settle
from wizard.app.app import PolicyWizardApp
from wizard.app.ui import STEP_KEYS
from wizard.i18n import set_ui_language


def _recorded_textual() -> str:
    """The Textual version the snapshots were drawn with: the one CI pins."""
    pins = (Path(__file__).parents[2] / ".ci" / "constraints.txt").read_text(encoding="utf-8")
    return re.search(r"^textual==(\S+)$", pins, re.MULTILINE).group(1)


# Another Textual release draws some cells differently; a snapshot taken with it says nothing
# about this app, so the comparison runs only with the version the snapshots were taken with.
pytestmark = pytest.mark.skipif(
    version("textual") != _recorded_textual(),
    reason=f"snapshots were drawn with Textual {_recorded_textual()}, this is {version('textual')}")


def _no_blink(app) -> None:
    from textual.widgets import Input, TextArea

    for widget in app.screen.query("Input, TextArea"):
        if isinstance(widget, (Input, TextArea)):
            widget.cursor_blink = False


@pytest.mark.parametrize("ui", ["en", "zh"])
@pytest.mark.parametrize("step", STEP_KEYS)
def test_step(snap_compare, policy, step, ui):
    set_ui_language(ui)
    app = PolicyWizardApp("edit", policy, theme="dark")

    async def run_before(pilot) -> None:
        await settle(pilot)
        await app.editor.go_to(step)
        await settle(pilot)
        _no_blink(app)
        # Let soft-wrapped text areas settle on their final width (a scroll bar may come and go).
        await pilot.pause(0.2)
        await settle(pilot)

    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


@pytest.mark.parametrize("ui", ["en", "zh"])
def test_welcome(snap_compare, ui):
    set_ui_language(ui)
    app = PolicyWizardApp(theme="dark")

    async def run_before(pilot) -> None:
        await settle(pilot)
        _no_blink(app)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_light_theme_with_preview(snap_compare, policy):
    app = PolicyWizardApp("edit", policy, theme="light")

    async def run_before(pilot) -> None:
        await settle(pilot)
        await app.editor.go_to("standards")
        await settle(pilot)
        _no_blink(app)

    assert snap_compare(app, terminal_size=(140, 40), run_before=run_before)
