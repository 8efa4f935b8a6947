"""F9 puts the guide's example into the focused field the way a writer expects: an empty
field gets the example, a filled one keeps its text and gets the example after it."""

from __future__ import annotations

from contextlib import asynccontextmanager

from textual.widgets import TextArea

from tests.app.conftest import focused_text_field, settle
from wizard.app.app import PolicyWizardApp
from wizard.app.guidance import guidance_for
from wizard.i18n import set_ui_language


@asynccontextmanager
async def in_the_owner_field(lang: str = "en"):
    """A new policy in `lang` with the owner field (a one-line field) focused: (app, pilot)."""
    app = PolicyWizardApp("new", lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.editor.form.focus_path(("owner",))
        await pilot.pause()
        yield app, pilot


async def test_f9_appends_the_example_after_a_space_in_a_one_line_field():
    example = guidance_for("basics").examples["owner"]
    async with in_the_owner_field() as (app, pilot):
        await pilot.press(*"Ana Horvat,", "home")  # the cursor is not at the end
        await pilot.press("f9")
        await settle(pilot)
        field = focused_text_field(app)
        assert field.value == f"Ana Horvat, {example}"
        assert field.cursor_position == len(field.value)
        assert app.editor.data["owner"] == f"Ana Horvat, {example}"
        await pilot.press(*" now")  # typing goes on after the example
        assert field.value.endswith(f"{example} now")


async def test_f9_in_an_empty_field_gives_just_the_example():
    example = guidance_for("basics").examples["owner"]
    async with in_the_owner_field() as (app, pilot):
        await pilot.press("f9")
        await settle(pilot)
        assert focused_text_field(app).value == example


async def test_f9_appends_a_new_paragraph_in_prose():
    example = guidance_for("mission").examples["mission"].strip()
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await app.editor.go_to("mission")
        await settle(pilot)
        area = focused_text_field(app)
        assert isinstance(area, TextArea)
        await pilot.press(*"We keep our word.", "enter", "enter", "space")  # trailing blank lines
        await pilot.press("ctrl+home")
        await pilot.press("f9")
        await settle(pilot)
        assert area.text == f"We keep our word.\n\n{example}"
        assert area.cursor_location == area.document.end
        assert app.editor.data["mission"] == f"We keep our word.\n\n{example}"
        await pilot.press("ctrl+z")  # one undo takes the whole example back
        assert example not in area.text and area.text.startswith("We keep our word.")


async def test_f9_after_chinese_text_adds_no_space():
    set_ui_language("zh")
    example = guidance_for("basics", "zh").examples["owner"]
    async with in_the_owner_field("zh") as (app, pilot):
        field = focused_text_field(app)
        field.insert_text_at_cursor("王芳，")
        await pilot.pause()
        await pilot.press("f9")
        await settle(pilot)
        assert field.value == f"王芳，{example}"


async def test_f9_right_after_fast_typing_comes_after_the_typed_text():
    """Keys as a terminal delivers a burst (tmux send-keys, a fast typist): F9 is handled
    after the letters typed before it, not in the middle of them."""
    import asyncio

    from textual import events

    example = guidance_for("basics").examples["owner"]
    async with in_the_owner_field() as (app, pilot):
        for char in "Ana Horvat,":
            app.post_message(events.Key(char, char))
        app.post_message(events.Key("home", None))
        app.post_message(events.Key("f9", None))
        await asyncio.sleep(0.3)
        await settle(pilot)
        assert focused_text_field(app).value == f"Ana Horvat, {example}"
