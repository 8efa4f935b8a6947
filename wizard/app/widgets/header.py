"""The app's header: Textual's, with the words Textual gives it in the UI language.

Textual's header icon opens the command palette and says so in a tooltip written in
English ("Open the command palette"); the app speaks the user's language everywhere.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Header
from textual.widgets._header import HeaderIcon

from wizard.app.ui import _


class WizardHeaderIcon(HeaderIcon):
    """Textual's header icon, whose tooltip is in the UI language."""

    def on_mount(self) -> None:
        # Textual's own handler runs after this one and sets its English tooltip: ours follows it
        self.call_later(self.refresh_labels)

    def refresh_labels(self) -> None:
        if not self.disabled:
            self.tooltip = _("Open the command palette")


class WizardHeader(Header):
    """Textual's header with `WizardHeaderIcon` for its icon."""

    def compose(self) -> ComposeResult:
        # Textual 8.2.8's Header.compose, with our icon in place of HeaderIcon
        for child in super().compose():
            yield WizardHeaderIcon().data_bind(Header.icon) if type(child) is HeaderIcon else child

    def refresh_labels(self) -> None:
        """Put the words in the current UI language (after a switch)."""
        for icon in self.query(WizardHeaderIcon):
            icon.refresh_labels()
