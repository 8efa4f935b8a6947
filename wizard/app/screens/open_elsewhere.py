"""The policy is already open in another window: say so before a second editor starts.

`OpenElsewhereScreen(path, windows)` returns "read_only" (also Escape: it risks nothing)
or "edit" (edit anyway: each window keeps its own draft, and whichever saves second is
asked about the other's changes, so no edit is lost either way).
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Static

from wizard.app.screens._storage_dialog import Choice, StorageDialog
from wizard.i18n import Translator

_ = Translator("app").gettext


class OpenElsewhereScreen(StorageDialog[str]):
    """Open read-only, or edit anyway."""

    cancel_result = "read_only"
    default_choice = "read_only"

    def __init__(self, path: Path | str, windows: int = 1) -> None:
        super().__init__()
        self.path = Path(path)
        self.windows = windows

    def title_text(self) -> str:
        return _("This policy is already open in another window")

    def body(self) -> ComposeResult:
        yield Static(
            _("%(file)s is open in another Policy Wizard window. If you edit it here too, each window "
              "keeps its own unsaved changes, and the second one to save is asked what to do.")
            % {"file": self.path},
            id="open-elsewhere-text",
            markup=False,
        )

    def choices(self) -> list[Choice]:
        return [
            Choice("read_only", _("Open read-only"), _("Look without changing the file; saving asks for another name."),
                   variant="primary"),
            Choice("edit", _("Edit anyway"), _("Edit here as well.")),
        ]

    def keys_hint(self) -> str:
        return _("↑↓ choose · Enter confirm · Esc read-only")
