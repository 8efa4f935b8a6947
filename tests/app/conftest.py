"""Shared helpers of the app tests: start the app, wait until it is idle, read what it shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from wizard.app.steps.base import StepForm


def forms_available() -> bool:
    try:
        from wizard.app.steps import STEP_FORMS  # noqa: F401
    except ImportError:
        return False
    return True


class StandInForm(StepForm):
    """Only for these tests while the real forms are not merged: one Input per text key of the step."""

    KEYS = {
        "basics": (("title",), ("company",), ("owner",), ("contact",)),
        "purpose": (("purpose", "intent"), ("purpose", "applies_to")),
        "mission": (("mission",),),
        "vision": (("vision",),),
        "enforcement": (("enforcement", "accountable"), ("enforcement", "monitoring")),
    }

    def compose(self):
        from wizard.spec.model import get_at, text_in

        for path in self.KEYS.get(self.step_key, ()):
            value = text_in(get_at(self.data, path), self.edit_lang, self.source_lang) or ""
            field = Input(value, id="f-" + "-".join(path))
            field.spec_path = path
            yield field

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        from wizard.spec.model import get_at, with_translation

        path = event.input.spec_path
        current = get_at(self.data, path)
        value = with_translation(current, self.edit_lang, self.source_lang, event.value)
        if value != current and not (current is None and not event.value):
            self.change(path, value)


@pytest.fixture(autouse=True)
def quick_debounce(monkeypatch):
    """Tests wait for the preview and checks anyway: no need for the typing pause."""
    from wizard.app.screens import editor
    from wizard.app.widgets import preview

    monkeypatch.setattr(preview, "DEBOUNCE_SECONDS", 0.01)
    monkeypatch.setattr(editor, "CHECK_DEBOUNCE_SECONDS", 0.01)


@pytest.fixture(autouse=True)
def stand_in_forms(monkeypatch):
    """Use the stand-in forms when the real registry is not there yet."""
    if forms_available():
        yield
        return
    from wizard.app.screens import editor

    real = editor.form_class

    def form_class(step: str):
        if step == "review":
            return real(step)
        return type(f"StandIn_{step}", (StandInForm,), {"step_key": step})

    monkeypatch.setattr(editor, "form_class", form_class)
    yield


BACKGROUND_GROUPS = {"preview", "checks", "welcome-lists"}


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
        await wait_background(app)
        editor = getattr(app, "editor", None)
        if editor is None:
            continue
        from wizard.app.widgets.preview import Preview

        preview = editor.query_one(Preview)
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
