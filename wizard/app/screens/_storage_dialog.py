"""The common frame of the storage dialogs (recover, conflict, save failed, save as).

A centred box with a title, a message and a short column of choices. Keyboard first:
the default choice has the focus, Up/Down (and Tab) move between the choices, Enter
picks one, Escape cancels with the dialog's cancel result. Each choice may carry a
one-line explanation beside it, so the user knows what will happen before pressing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from wizard.app.widgets.footer import FooterStaysInSight
from wizard.i18n import Translator

_ = Translator("app").gettext

ResultType = TypeVar("ResultType")


class Choice(Horizontal):
    """One row: a button and what it does."""

    def __init__(self, value: str, label: str, explanation: str = "", *, variant: str = "default") -> None:
        super().__init__(classes="storage-choice")
        self.value = value
        self.label = label
        self.explanation = explanation
        self.variant = variant

    def compose(self) -> ComposeResult:
        yield Button(self.label, id=f"choice-{self.value}", variant=self.variant, compact=True)  # type: ignore[arg-type]
        if self.explanation:
            yield Static(self.explanation, classes="storage-choice-text", markup=False)


class StorageDialog(FooterStaysInSight, ModalScreen[ResultType], Generic[ResultType]):
    """Base of the storage dialogs; subclasses give `title_text`, `body()` and `choices()`."""

    # The dialogs bring their own stylesheet, so they look right in any app (Textual loads
    # a screen's CSS_PATH app-wide when the screen is first used; listing the file in the
    # app's CSS_PATH as well does no harm).
    CSS_PATH = str(Path(__file__).resolve().parent.parent / "styles" / "dialogs.tcss")

    BINDINGS = [
        Binding("escape", "cancel", show=False),
        Binding("down,right", "app.focus_next", show=False),
        Binding("up,left", "app.focus_previous", show=False),
    ]

    #: what Escape returns
    cancel_result: Any = None
    #: the value of the choice that has the focus first
    default_choice: str = ""
    #: lay the choices out side by side (short answers without explanations)
    choices_in_a_row: bool = False

    def __init__(self) -> None:
        super().__init__(classes="storage-dialog")

    def title_text(self) -> str:
        raise NotImplementedError

    def body(self) -> ComposeResult:
        """Widgets between the title and the choices."""
        return iter(())

    def choices(self) -> list[Choice]:
        return []

    def keys_hint(self) -> str:
        return _("↑↓ choose · Enter confirm · Esc cancel")

    def compose(self) -> ComposeResult:
        with Vertical(id="storage-box"):
            yield Static(self.title_text(), id="storage-title", markup=False)
            yield from self.body()
            with Vertical(id="storage-choices", classes="-row" if self.choices_in_a_row else ""):
                yield from self.choices()
            yield Static(self.keys_hint(), id="storage-keys", markup=False)

    def on_mount(self) -> None:
        self.focus_default()

    def focus_default(self) -> None:
        if self.default_choice:
            self.query_one(f"#choice-{self.default_choice}", Button).focus()

    def action_cancel(self) -> None:
        self.dismiss(self.cancel_result)

    def chosen(self, value: str) -> None:
        """A choice was made; by default the dialog returns its value."""
        self.dismiss(value)  # type: ignore[arg-type]

    @on(Button.Pressed, ".storage-choice Button")
    def _choice_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        value = (event.button.id or "").removeprefix("choice-")
        self.chosen(value)
