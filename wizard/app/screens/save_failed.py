"""A save failed (no permission, disk full, folder removed): say so plainly, lose nothing.

`SaveFailedScreen(message)` shows the one-line reason from `wizard.storage.SaveError`,
says that every edit is still kept, and returns "save_as" or None (close / Escape).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from wizard.app.screens._storage_dialog import Choice, StorageDialog
from wizard.i18n import Translator

_ = Translator("app").gettext


class SaveFailedScreen(StorageDialog["str | None"]):
    """The save did not happen; offer to save somewhere else."""

    cancel_result = None
    default_choice = "save_as"

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def title_text(self) -> str:
        return _("The policy was not saved")

    def body(self) -> ComposeResult:
        yield Static(self.message, id="save-failed-reason", markup=False)
        yield Static(
            _("Nothing is lost: every edit is still kept here in the wizard. You can save to another place, or fix the problem and save again."),
            id="save-failed-reassurance",
            markup=False,
        )

    def choices(self) -> list[Choice]:
        return [
            Choice("save_as", _("Save as…"), _("Choose another file name or folder."), variant="primary"),
            Choice("close", _("Close"), _("Go back to editing.")),
        ]

    def chosen(self, value: str) -> None:
        self.dismiss("save_as" if value == "save_as" else None)
