"""Shared helpers of the app tests: start the app, wait until it is idle, read what it shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.keys import _character_to_key, key_to_character
from textual.widgets import Input, TextArea



@pytest.fixture(autouse=True)
def quick_debounce(monkeypatch):
    """Tests wait for the preview and checks anyway: no need for the typing pause."""
    from wizard.app.screens import editor
    from wizard.app.widgets import preview

    monkeypatch.setattr(preview, "DEBOUNCE_SECONDS", 0.01)
    monkeypatch.setattr(editor, "CHECK_DEBOUNCE_SECONDS", 0.01)


BACKGROUND_GROUPS = {"preview", "checks", "welcome-lists", "list-rows"}


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
def workdir(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def burst(app, *keys: str) -> None:
    """Keys as a terminal delivers a burst of them (a fast typist, tmux send-keys): all
    posted to the app before any is handled. Keys are named as for `pilot.press`."""
    for key in keys:
        if len(key) == 1 and not key.isalnum():
            key = _character_to_key(key)
        app.post_message(events.Key(key, key_to_character(key)))

