"""The footer with the keys, rebuilt only when the keys it shows change, and with the
quit key always in sight.

Textual's `Footer` rebuilds all its keys after every change of focus, once per change:
a step switch moves the focus several times, and so does every Tab in a form. Here the
rebuilds asked for before the next frame become one, and it is skipped when the keys,
their labels and their enabled state are what the footer already shows.

Textual's footer cuts the keys that do not fit at its right end, where Quit is: when the
keys need more room than the terminal has, the quit key comes first instead.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from wizard.app.widgets.release import forget_closed_watchers

QUIT_KEY = "ctrl+q"

# The cells Textual's footer styles (8.2.8) put around a key and its description ("^q" and
# "Quit"): the space between them and the margin of a compact key, or the padding of a roomy
# one. The palette's key at the right takes 3 either way (its border, its padding).
KEY_ROOM = {True: 2, False: 3}
PALETTE_KEY_ROOM = 3


class KeysFooter(Footer):
    """A `Footer` that does not rebuild itself for nothing and never hides the quit key."""

    _rebuild_pending = False
    _shown: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_pending:
            self._rebuild_pending = True
            if self.region:
                self.call_after_refresh(self._rebuild)
            else:
                # Not laid out yet (the screen is opening): the keys are built before its
                # first frame, which then shows them. After the frame they came one layout
                # and one repaint later (60 ms of the editor's start on a 30 KB policy).
                self.call_later(self._rebuild)

    def on_resize(self) -> None:
        """Whether the keys fit depends on the width."""
        self.bindings_changed(self.screen)

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

    def _cells_needed(self, keys: tuple) -> int:
        """The width the keys take side by side, as Textual's footer draws them: one key per
        action (a binding of two keys shows the first)."""
        palette = self.app.COMMAND_PALETTE_BINDING
        widths = {}
        for key, display, description, action, *_rest in keys:
            room = PALETTE_KEY_ROOM if key == palette else KEY_ROOM[self.compact]
            widths.setdefault(key if key == palette else action, cell_len(display + description) + room)
        return sum(widths.values())

    def _quit_first(self, keys: tuple) -> bool:
        """Quit leads when not every key fits: a user can always leave, whatever is cut."""
        return self._cells_needed(keys) > self.app.size.width

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        if not self.is_attached:
            return
        keys = self._keys()
        shown = (keys, self._quit_first(keys))
        if shown == self._shown:
            return
        only_dimmed = self._shown is not None and _without_states(shown) == _without_states(self._shown)
        self._shown = shown
        if only_dimmed:
            self._dim_in_place(keys)
            return
        await self.recompose()
        forget_closed_watchers(self, "compact")  # the keys just replaced (Textual issue 6666)

    def _dim_in_place(self, keys: tuple) -> None:
        """Dim or light up the keys already shown (the same keys, only some now do nothing
        here, such as F8 on the last step): rebuilding the footer for that restyled its
        15 keys, 10-25 ms of a switch to or from the first and the last step."""
        enabled = {(key, action): state for key, _display, _label, action, state, _tooltip in keys}
        for footer_key in self.query_children(FooterKey):
            state = enabled.get((footer_key.key, footer_key.action))
            if state is not None and footer_key._disabled == state:
                footer_key._disabled = not state
                footer_key.set_class(not state, "-disabled")
                footer_key.refresh()

    def compose(self) -> ComposeResult:
        """Textual's keys, in their order, with the quit key moved first when they do not fit.
        Each key that follows the footer's style (all but the palette's, which Textual keeps
        compact) is built with it: a FooterKey starts compact and learned the footer's style
        only once mounted, and each change of it restyled the key (twice per key in a roomy
        footer, 15 ms of the editor's start)."""
        keys: list[Widget] = list(super().compose())
        if self._quit_first(self._keys()):
            keys.sort(key=lambda widget: not (isinstance(widget, FooterKey) and widget.key == QUIT_KEY))
        for key in keys:
            if isinstance(key, FooterKey) and not key.has_class("-command-palette"):
                key.set_reactive(FooterKey.compact, self.compact)
                key.set_class(self.compact, "-compact", update=False)
        yield from keys


def _without_states(shown: tuple) -> tuple:
    """What the footer shows, less whether each key is enabled."""
    keys, quit_first = shown
    return tuple(key[:4] + key[5:] for key in keys), quit_first


class FooterStaysInSight:
    """Mixed into the base of the dialogs' screens: their box ends above the last row, where
    the footer of the screen below keeps showing how to quit; a longer box scrolls. (CSS has
    no "100% less a row", and padding on the screen would blank that row: Textual draws the
    screen below only inside the padding.)"""

    def on_resize(self, event: events.Resize) -> None:
        for box in self.children:
            box.styles.max_height = max(event.size.height - 1, 1)
