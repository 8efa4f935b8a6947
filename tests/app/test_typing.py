"""Typing as the terminal sees it: every key, and the preview that follows it, reaches the
frames the app writes (not only the widgets' state). The screen's frames are drawn by the
app's own frame timer (wizard.app.frames); how soon is timed in benchmarks/bench_app.py."""

from __future__ import annotations

import asyncio

from rich.cells import cell_len
from rich.segment import ControlType
from textual import events
from textual.geometry import Region

from tests.app.conftest import focused_text_field, settle, wait_until
from wizard.app.app import PolicyWizardApp
from wizard.app.widgets.preview import Preview, SectionView


class Terminal:
    """The cells of a terminal that receives every frame the app writes (what a user sees)."""

    def __init__(self, app: PolicyWizardApp, width: int, height: int) -> None:
        self.rows = [[" "] * width for _ in range(height)]
        self.frames = 0
        display = app._display

        def written(screen, renderable) -> None:
            display(screen, renderable)
            if renderable is not None:
                self.frames += 1
                self._apply(app, renderable)

        app._display = written

    def _apply(self, app: PolicyWizardApp, renderable) -> None:
        x = y = 0
        for segment in app.console.render(renderable):
            if segment.control:
                for control in segment.control:
                    if control[0] == ControlType.CURSOR_MOVE_TO:
                        x, y = control[1], control[2]
                continue
            for char in segment.text:
                if char == "\n":
                    x, y = 0, y + 1
                elif 0 <= y < len(self.rows) and 0 <= x < len(self.rows[y]):
                    self.rows[y][x] = char
                    x += max(1, cell_len(char))

    def text(self, region: Region) -> str:
        """The text shown in `region`, its lines joined by spaces."""
        return " ".join("".join(row[region.x:region.right]).strip() for row in self.rows[region.y:region.bottom])


async def type_like_a_terminal(app, text: str) -> None:
    """Keys posted as the terminal driver posts them, a quick typist's pace."""
    for char in text:
        app.post_message(events.Key("space" if char == " " else char, char))
        await asyncio.sleep(0.03)


async def at_the_end_of_the_mission(pilot):
    """Open the mission and put the cursor after its text, as a user about to add to it:
    the mission's field and the preview."""
    app = pilot.app
    await settle(pilot)
    await app.editor.go_to("mission")
    await settle(pilot)
    field = focused_text_field(app)
    field.move_cursor(field.document.end)
    return field, app.editor.query_one(Preview)


async def test_the_terminal_shows_each_burst_of_typing_in_the_field_and_in_the_preview(policy):
    app = PolicyWizardApp("edit", policy)
    terminal = Terminal(app, 140, 40)
    async with app.run_test(size=(140, 40)) as pilot:
        field, preview = await at_the_end_of_the_mission(pilot)

        def shown(word: str) -> bool:
            view = preview.query_one("#pv-mission", SectionView)
            return (word in terminal.text(field.content_region)
                    and word in terminal.text(view.region.intersection(preview.content_region)))

        for word in ("Zeta", "Omega"):  # and again after a pause: not only the first burst
            await type_like_a_terminal(app, " " + word)
            assert await wait_until(lambda: shown(word)), terminal.text(app.screen.region)


async def test_text_typed_past_the_end_of_a_field_scrolls_into_view_on_the_terminal(policy):
    app = PolicyWizardApp("edit", policy)
    terminal = Terminal(app, 100, 30)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        field = focused_text_field(app)  # the title, one line
        field.cursor_position = len(field.value)
        await type_like_a_terminal(app, " for every shop, every call and every letter we answer")
        assert await wait_until(lambda: "letter we answer" in terminal.text(field.content_region)), \
            terminal.text(field.content_region)
        assert field.value.endswith("every letter we answer")
        assert len(field.value) > field.content_region.width  # it did go past the end


async def test_the_preview_drawn_ahead_is_drawn_again_at_a_new_width(policy):
    """The preview's thread draws a changed section at the width it has; after the window
    is resized, the terminal shows the section wrapped at its new width."""
    app = PolicyWizardApp("edit", policy)
    terminal = Terminal(app, 140, 40)
    async with app.run_test(size=(140, 40)) as pilot:
        field, preview = await at_the_end_of_the_mission(pilot)
        await type_like_a_terminal(app, " Zeta")

        def preview_lines() -> list[str]:
            view = preview.query_one("#pv-mission", SectionView)
            region = view.content_region.intersection(preview.content_region)
            return ["".join(row[region.x:region.right]).rstrip() for row in terminal.rows[region.y:region.bottom]]

        def whole_text_shown() -> bool:  # every word, none cut at the right edge
            return " ".join(field.text.split()) in " ".join(" ".join(preview_lines()).split())

        assert await wait_until(whole_text_shown)
        width = preview.query_one("#pv-mission", SectionView).content_region.width
        await pilot.resize_terminal(110, 40)
        await settle(pilot)
        assert preview.query_one("#pv-mission", SectionView).content_region.width < width
        assert await wait_until(whole_text_shown), preview_lines()
