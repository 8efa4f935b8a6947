"""A small app that hosts one step form the way the editor screen does: it owns the spec
dict, applies every `StepForm.Changed` with `set_at`, and records the changes."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from textual import on
from textual.app import App, ComposeResult

from wizard.app.steps.base import StepForm
from wizard.spec.model import set_at

FORMS_TCSS = Path(__file__).resolve().parents[2] / "wizard" / "app" / "styles" / "forms.tcss"


class FormHarness(App):
    CSS_PATH = str(FORMS_TCSS)

    def __init__(self, form_class: type[StepForm], data: dict, edit_lang: str | None = None) -> None:
        super().__init__()
        self.form_class = form_class
        self.data = data
        self.original = copy.deepcopy(data)
        self.edit_lang = edit_lang or data.get("language", "en")
        self.changes: list[tuple[tuple, Any]] = []

    def compose(self) -> ComposeResult:
        yield self.form_class(self.data, self.edit_lang, id="form")

    @property
    def form(self) -> StepForm:
        return self.query_one("#form", StepForm)

    @on(StepForm.Changed)
    def apply(self, message: StepForm.Changed) -> None:
        self.changes.append((message.path, copy.deepcopy(message.value)))
        set_at(self.data, message.path, copy.deepcopy(message.value))


def load_example(path: Path) -> dict:
    """An example spec as the app gets it: through `wizard.spec` when it is there, else
    plain YAML with dates kept as the strings the user wrote (as the spec loader does)."""
    try:
        from wizard.spec import load_spec
    except ImportError:
        load_spec = None
    if load_spec is not None:
        return load_spec(path).data
    import datetime as dt

    import yaml

    def strings(node: Any) -> Any:
        if isinstance(node, dict):
            return {key: strings(value) for key, value in node.items()}
        if isinstance(node, list):
            return [strings(value) for value in node]
        return node.isoformat() if isinstance(node, dt.date) else node

    return strings(yaml.safe_load(path.read_text("utf-8")))


class SwapHarness(App):
    """One app that shows forms one after another (starting an app per form is slow)."""

    CSS_PATH = str(FORMS_TCSS)

    def __init__(self) -> None:
        super().__init__()
        self.changes: list[tuple[tuple, Any]] = []

    def compose(self) -> ComposeResult:
        from textual.containers import Vertical

        yield Vertical(id="host")

    async def show(self, form: StepForm) -> StepForm:
        host = self.query_one("#host")
        await host.remove_children()
        await host.mount(form)
        return form

    @on(StepForm.Changed)
    def apply(self, message: StepForm.Changed) -> None:
        self.changes.append((message.path, copy.deepcopy(message.value)))
