"""Ask for a file name to save the policy as.

`SaveAsScreen(initial)` returns the chosen absolute `Path`, or None (Escape / Cancel).
The name may start with `~`; a relative name is taken from the current folder; a name
without an extension gets `.yaml`. A folder is refused, a missing folder is named, and an
existing file is only replaced after a second, explicit confirmation.
"""

from __future__ import annotations

import os
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Input, Label, Static
from textual.widgets.input import Selection

from wizard.app.screens._storage_dialog import Choice, StorageDialog
from wizard.i18n import Translator

_ = Translator("app").gettext

DEFAULT_SUFFIX = ".yaml"


def resolve_name(text: str, cwd: Path | None = None) -> Path | None:
    """The absolute path a typed name stands for (None for an empty name)."""
    text = text.strip()
    if not text:
        return None
    path = Path(os.path.expanduser(text))
    if not path.is_absolute():
        path = (cwd or Path.cwd()) / path
    path = Path(os.path.normpath(path))
    if not path.suffix and not text.endswith(("/", os.sep)) and not path.is_dir():
        path = path.with_name(path.name + DEFAULT_SUFFIX)
    return path


class SaveAsScreen(StorageDialog["Path | None"]):
    """A file name field with Save and Cancel."""

    cancel_result = None
    choices_in_a_row = True

    def __init__(self, initial: Path | str | None = None) -> None:
        super().__init__()
        self.initial = Path(initial) if initial is not None else None
        self._confirm_replace: Path | None = None

    def title_text(self) -> str:
        return _("Save as")

    def body(self) -> ComposeResult:
        with Vertical(id="save-as-field"):
            yield Label(_("File name"), id="save-as-label")
            yield Input(
                value=str(self.initial) if self.initial is not None else "",
                placeholder=_("for example ~/policies/customer-service.yaml"),
                id="save-as-path",
            )
            message = Static("", id="save-as-message", markup=False)
            message.display = False
            yield message

    def choices(self) -> list[Choice]:
        return [
            Choice("save", _("Save"), variant="primary"),
            Choice("cancel", _("Cancel")),
        ]

    def keys_hint(self) -> str:
        return _("Enter save · Esc cancel")

    def focus_default(self) -> None:
        field = self.query_one("#save-as-path", Input)
        field.focus()
        # All of it selected: typing a name replaces the suggestion (not glued to its end),
        # an arrow key keeps it for editing.
        field.selection = Selection(0, len(field.value))

    def _say(self, text: str, kind: str = "error") -> None:
        message = self.query_one("#save-as-message", Static)
        message.update(text)
        message.display = bool(text)
        message.set_class(kind == "error", "-error")
        message.set_class(kind == "warning", "-warning")

    @on(Input.Changed, "#save-as-path")
    def _changed(self) -> None:
        self._confirm_replace = None
        self.query_one("#choice-save", Button).label = _("Save")
        self._say("", "none")

    @on(Input.Submitted, "#save-as-path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._try_save()

    def chosen(self, value: str) -> None:
        if value == "save":
            self._try_save()
        else:
            self.dismiss(None)

    def _try_save(self) -> None:
        text = self.query_one("#save-as-path", Input).value
        path = resolve_name(text)
        if path is None:
            self._say(_("Type a file name."))
            return
        if path.is_dir():
            self._say(_("%(path)s is a folder. Add a file name, for example %(example)s.")
                      % {"path": path, "example": path / ("policy" + DEFAULT_SUFFIX)})
            return
        folder = path.parent
        if not folder.is_dir():
            self._say(_("The folder %(folder)s does not exist.") % {"folder": folder})
            return
        if path.exists() and self._confirm_replace != path:
            self._confirm_replace = path
            self.query_one("#choice-save", Button).label = _("Replace")
            self._say(
                _("%(path)s already exists. Press Enter again to replace it (the old file is kept as a .bak copy).")
                % {"path": path},
                "warning",
            )
            return
        self.dismiss(path)
