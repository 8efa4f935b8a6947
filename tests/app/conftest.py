"""Shared helpers of the app tests: start the app, wait until it is idle, read what it shows."""

from __future__ import annotations

import asyncio
import shutil
import unicodedata
from pathlib import Path

import pytest
from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key, key_to_character
from textual.widgets import Input, TextArea



@pytest.fixture(autouse=True)
def quick_debounce(monkeypatch):
    """Tests wait for the preview and checks anyway: no need for the typing pause."""
    from wizard.app.screens import editor
    from wizard.app.widgets import preview

    monkeypatch.setattr(preview, "DEBOUNCE_SECONDS", 0.01)
    monkeypatch.setattr(editor, "CHECK_DEBOUNCE_SECONDS", 0.01)


BACKGROUND_GROUPS = {"preview", "checks", "welcome-lists", "list-rows", "forms-left"}


async def wait_background(app) -> None:
    """Wait for the preview and checks workers (not for dialogs, which wait for the user)."""
    from textual.worker import WorkerCancelled, WorkerFailed

    for worker in [w for w in app.workers if w.group in BACKGROUND_GROUPS]:
        try:
            await worker.wait()
        except (WorkerCancelled, WorkerFailed):
            pass


async def settle(pilot, rounds: int = 1) -> None:
    """Wait until the app is idle: the preview shows the latest data, checks are done."""
    app = pilot.app
    for _ in range(rounds):
        await pilot.pause()
        for _ in range(100):  # keys typed in a burst are handed out one at a time
            if not (getattr(app, "_key_in_hand", False) or getattr(app, "_keys_waiting", None)):
                break
            await pilot.pause(0.05)
        await wait_background(app)
        editor = getattr(app, "editor", None)
        if editor is None:
            continue
        from wizard.app.widgets.preview import Preview

        previews = editor.query(Preview)
        if not previews:
            continue  # the editor is still being put together: nothing runs in it yet
        preview = previews.first()
        for _ in range(200):
            await wait_background(app)
            busy = preview.pending or editor._check_timer_pending()
            if not busy:
                break
            await pilot.pause(0.05)
        await pilot.pause()


def focused_text_field(app):
    focused = app.focused
    return focused if isinstance(focused, (Input, TextArea)) else None


@pytest.fixture
def policy(tmp_path, examples) -> Path:
    """A copy of the English example (Northwind) that a test may edit and save over.
    Test files that need another policy define their own `policy`."""
    target = tmp_path / "policy.yaml"
    shutil.copy(next(path for path in examples if path.name.startswith("northwind")), target)
    return target


async def wait_for(pilot, condition, seconds: float = 10.0) -> bool:
    """Let the app run until `condition()` holds (True), or `seconds` have passed (False).
    The limit is generous: on a busy machine a worker may take seconds to be scheduled."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


async def wait_until(condition, seconds: float = 10.0) -> bool:
    """Wait like a user looking at the screen: no Pilot call that would wake the widgets
    (unlike `wait_for`), so a widget that never wakes up by itself is caught. The limit is
    generous: opening the editor took up to 2.4 s on the loaded 2-core machine, and the
    former 3 s limit failed now and then under load."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return True
        await asyncio.sleep(0.05)
    return condition()


async def opened(pilot, screen_type=None):
    """Wait until the app shows a screen of `screen_type` (the editor by default: the file is
    loaded in a worker; a dialog after a key) and return it. A fixed pause before looking is
    too short when the machine is busy."""
    if screen_type is None:
        from wizard.app.screens.editor import EditorScreen as screen_type
    for _attempt in range(100):
        await settle(pilot)
        if isinstance(pilot.app.screen, screen_type):
            return pilot.app.screen
        await pilot.pause(0.05)
    raise AssertionError(f"{screen_type.__name__} did not open: {pilot.app.screen!r}")


async def type_at_end(pilot, text: str) -> None:
    """Type `text` at the end of the focused field and wait until the app has taken it in
    (the usual way to make an unsaved change: the editor starts in the title)."""
    await pilot.press("end", *text)
    await settle(pilot)


def first_command(app) -> str:
    """The plain text of the palette's first hit ("" while it has none)."""
    from textual.command import CommandList, CommandPalette

    if not CommandPalette.is_open(app) or not app.screen.query(CommandList):
        return ""
    commands = app.screen.query_one(CommandList)
    if not commands.option_count:
        return ""
    prompt = commands.get_option_at_index(0).prompt
    return getattr(prompt, "plain", str(prompt))


async def open_palette(pilot) -> None:
    """Ctrl+P, and wait until the command palette is open (what is typed next goes into it)."""
    from textual.command import CommandPalette

    await pilot.press("ctrl+p")
    assert await wait_for(pilot, lambda: CommandPalette.is_open(pilot.app)), "the palette did not open"


async def run_command(pilot, typed: str, shown: str = "") -> None:
    """Run a command of the palette as a user does: ctrl+p, type, wait until the search shows
    the command first (its title starts with `shown`, by default what was typed), Enter.
    Waiting on the hit, not for a fixed time, keeps the test right on a busy machine, where
    the search may finish after any fixed pause."""
    app = pilot.app
    await open_palette(pilot)
    shown = shown or typed
    await pilot.press(*typed)
    assert await wait_for(pilot, lambda: first_command(app).startswith(shown)), (
        f"the palette does not offer {shown!r} first: {first_command(app)!r}")
    await pilot.press("enter")
    await settle(pilot)


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def burst(app, *keys: str) -> None:
    """Keys as a terminal delivers a burst of them (a fast typist, tmux send-keys): all
    posted to the app before any is handled. Keys are named as for `pilot.press`, and get
    their character as Pilot gives it (`key_to_character` has none for "/", "slash")."""
    for key in keys:
        if len(key) == 1 and not key.isalnum():
            key = _character_to_key(key)
        try:
            char = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
        except KeyError:
            char = key_to_character(key)
        app.post_message(events.Key(key, char))

