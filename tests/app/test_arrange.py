"""An auto-height container is arranged once per layout (wizard.app.arrange): every widget of
every step is still placed exactly where Textual's own arranging puts it, and a container
whose children depend on its height is still arranged as Textual does."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from tests.app.conftest import settle
from wizard.app import arrange
from wizard.app.app import PolicyWizardApp
from wizard.app.textual_fixes import install_textual_fixes, textual_fixes_apply
from wizard.app.ui import STEP_KEYS
from wizard.presets import load_preset
from wizard.spec import dump_spec

pytestmark = pytest.mark.skipif(not textual_fixes_apply(), reason="the app's fixes to Textual are off on this release")


def places(screen) -> dict[Widget, tuple]:
    """Where each widget on the screen is drawn, and the part of it that shows."""
    return {widget: (widget.region, widget.content_region, widget.virtual_size)
            for widget in screen.walk_children(with_self=False) if widget.display}


async def as_textual_places(pilot, monkeypatch) -> dict[Widget, tuple]:
    """`places`, with the screen laid out again by Textual's own arranging, nothing kept."""
    screen = pilot.app.screen
    with monkeypatch.context() as patched:
        patched.setattr(Widget, "arrange", arrange.TEXTUAL_ARRANGE)
        for widget in screen.walk_children(with_self=True):
            widget._arrangement_cache.clear()
        screen._refresh_layout()
        textual_places = places(screen)
    for widget in screen.walk_children(with_self=True):
        widget._arrangement_cache.clear()
    screen._refresh_layout()
    await settle(pilot)
    return textual_places


async def test_every_step_is_laid_out_as_textual_lays_it_out(tmp_path, monkeypatch):
    install_textual_fixes()
    assert Widget.arrange is arrange.arrange_measured_once
    policy = tmp_path / "policy.yaml"
    policy.write_text(dump_spec(load_preset("call-centre", "en")), "utf-8")
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for step in STEP_KEYS:
            await app.editor.go_to(step)
            await settle(pilot)
            shown = places(app.screen)
            assert shown == await as_textual_places(pilot, monkeypatch), step


class HeightBound(App):
    """Auto-height boxes whose children depend on the box's height in each way the reuse
    must not apply to: a docked child (measured at no height, the foot is placed above the
    box; the box is then exactly as high as that measure), a child in `fr`, a minimum in
    `%`, and such a child one auto-height level down."""

    CSS = """
    Vertical { height: auto; border: solid red; }
    #fraction, #percent { min-height: 6; }
    #docked > .foot { dock: bottom; height: 1; }
    #fraction > .fill { height: 1fr; }
    #percent > .tall { min-height: 50%; }
    #nested > Vertical { border: none; }
    #nested > Vertical > .fill { height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="docked"):
            yield Static("one")
            yield Static("foot", classes="foot")
        with Vertical(id="fraction"):
            yield Static("one")
            yield Static("fill", classes="fill")
        with Vertical(id="percent"):
            yield Static("one")
            yield Static("tall", classes="tall")
        with Vertical(id="nested"):
            with Vertical():
                yield Static("one")
                yield Static("fill", classes="fill")


async def test_boxes_whose_children_follow_their_height_are_arranged_as_textual_does(monkeypatch):
    install_textual_fixes()
    app = HeightBound()
    async with app.run_test(size=(40, 40)) as pilot:
        await settle(pilot)
        assert places(app.screen) == await as_textual_places(pilot, monkeypatch)
