"""The footer with the keys, rebuilt only when the keys it shows change.

Textual's `Footer` rebuilds all its keys after every change of focus, once per change:
a step switch moves the focus several times, and so does every Tab in a form. Here the
rebuilds asked for before the next frame become one, and it is skipped when the keys,
their labels and their enabled state are what the footer already shows.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """A `Footer` that does not rebuild itself for nothing."""

    _rebuild_pending = False
    _shown: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    def _keys(self) -> tuple:
        """What the footer would show: each shown binding's key, label, state and tooltip
        (and the palette's key, shown at the right). The hidden ones change with the field
        in focus (a list's keys) and with the step: comparing them rebuilt the footer, some
        15 widgets each restyled, on every step switch for nothing."""
        app = self.app
        return tuple(
            (binding.key, app.get_key_display(binding), binding.description, binding.action, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == app.COMMAND_PALETTE_BINDING
        )

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        if not self.is_attached:
            return
        keys = self._keys()
        if keys == self._shown:
            return
        self._shown = keys
        await self.recompose()
