"""The file changed on disk since it was opened: never overwrite it silently.

`ConflictScreen(path)` asks what to do and returns "overwrite", "reload", "save_as" or
"cancel" (Escape). "Save as" has the focus: it is the one answer that loses nothing.
`ConflictScreen(path, gone=True)`: the file was deleted or moved away meanwhile; writing
it again ("overwrite") is asked, not done silently, and there is nothing to reload.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.widgets import Static

from wizard.app.screens._storage_dialog import Choice, StorageDialog
from wizard.i18n import Translator
from wizard.storage import BACKUP_SUFFIX

_ = Translator("app").gettext


class ConflictScreen(StorageDialog[str]):
    """Overwrite, reload, save as, or cancel."""

    cancel_result = "cancel"
    default_choice = "save_as"

    def __init__(self, path: Path | str, gone: bool = False) -> None:
        super().__init__()
        self.path = Path(path)
        self.gone = gone

    def title_text(self) -> str:
        if self.gone:
            return _("The file is no longer there")
        return _("The file was changed by someone else")

    def body(self) -> ComposeResult:
        if self.gone:
            yield Static(
                _("%(file)s was deleted or moved after you opened it. Your changes are not saved yet.")
                % {"file": self.path},
                id="conflict-text",
                markup=False,
            )
            return
        yield Static(
            _(
                "%(file)s was changed on disk after you opened it: by a colleague, "
                "another program or a version-control tool. Your changes are not saved yet."
            )
            % {"file": self.path},
            id="conflict-text",
            markup=False,
        )

    def choices(self) -> list[Choice]:
        if self.gone:
            return [
                Choice("save_as", _("Save as…"), _("Save your version under another name."), variant="primary"),
                Choice("overwrite", _("Save it again"), _("Write the file again where it was."), variant="warning"),
                Choice("cancel", _("Cancel"), _("Save nothing now and keep editing.")),
            ]
        backup = self.path.name + BACKUP_SUFFIX
        return [
            Choice("save_as", _("Save as…"), _("Save your version as another file; both are kept."), variant="primary"),
            Choice(
                "overwrite",
                _("Overwrite"),
                _("Replace the file with your version; the other one is kept as %(backup)s.") % {"backup": backup},
                variant="warning",
            ),
            Choice("reload", _("Reload"), _("Open the file as it is now; your changes here are dropped."), variant="error"),
            Choice("cancel", _("Cancel"), _("Save nothing now and keep editing.")),
        ]
