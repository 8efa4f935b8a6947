"""Saving while some fields hold input that cannot be saved (a date "2026-13-01", a number
"abc"): never drop it silently.

`UnsavedInputScreen(entries, kept)` names each such field (step, label, what was typed,
why, and what the file holds instead) and returns "fix" (the default: the editor puts the
cursor into the first of them), "save" (save everything else; the typed text stays in its
field and in the draft) or None (Escape: save nothing, stay where you were).
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from wizard.app.screens._storage_dialog import Choice, StorageDialog
from wizard.app.ui import _, ngettext, step_for_path, step_title
from wizard.app.unsaved import UnsavedInput, describe, kept_text, reason


class UnsavedInputScreen(StorageDialog[str]):
    """Go back and fix, or save the rest."""

    cancel_result = None
    default_choice = "fix"

    def __init__(self, entries: list[UnsavedInput], kept: dict[tuple, Any]) -> None:
        """`kept`: the value the file holds for each entry's path (its last valid one)."""
        super().__init__()
        self.entries = list(entries)
        self.kept = kept

    def title_text(self) -> str:
        return ngettext(
            "%(count)d field cannot be saved yet",
            "%(count)d fields cannot be saved yet",
            len(self.entries),
        ) % {"count": len(self.entries)}

    def body(self) -> ComposeResult:
        yield Static(
            _("What you typed here is not valid yet, so it cannot go into the file:"),
            id="unsaved-intro",
            markup=False,
        )
        for entry in self.entries:
            with Vertical(classes="unsaved-entry"):
                yield Static(describe(entry, step_title(step_for_path(entry.path) or "")), classes="unsaved-field", markup=False)
                yield Static(reason(entry), classes="unsaved-why", markup=False)
                yield Static(kept_text(self.kept.get(entry.path)), classes="unsaved-kept", markup=False)

    def choices(self) -> list[Choice]:
        return [
            Choice("fix", _("Go back and fix"), _("Put the cursor into the first of these fields."), variant="primary"),
            Choice(
                "save",
                _("Save the rest"),
                _("Save everything else now. What you typed stays in its field until you fix it."),
            ),
        ]
