"""The keys screen: every key of the screen it is opened from, explained in the UI language.

Textual's keys panel lists the focused widget's own bindings with their English
descriptions; this screen lists what a manager needs instead. The screen's and the app's
rows are read from their bindings (so they cannot drift from the keys that work), the
rows for fields and lists are the keys of Textual's inputs and of the list editor.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from wizard.app.screens.dialogs import Dialog
from wizard.app.ui import N_, _

# Keys of the fields and lists, which belong to widgets rather than to a screen.
FIELD_KEYS = (
    (("tab", "shift+tab"), N_("Next or previous field")),
    (("enter",), N_("In a one-line field: the next field; in a list of texts: a new item")),
)
LIST_KEYS = (
    (("ctrl+t",), N_("Add an item to the list")),
    (("alt+up", "alt+down"), N_("Move the item up or down")),
    (("ctrl+r",), N_("Remove the item")),
    (("ctrl+z",), N_("Bring back the item you removed")),
)
KEY_NAMES = {"up": "↑", "down": "↓", "left": "←", "right": "→", "pageup": "PgUp", "pagedown": "PgDn"}


def key_label(key: str) -> str:
    """A key as keyboards print it: `ctrl+s` → `Ctrl+S`, `f8` → `F8`, `alt+up` → `Alt+↑`."""
    parts = key.split("+")
    words = [part.capitalize() for part in parts[:-1]]
    last = parts[-1]
    words.append(KEY_NAMES.get(last, last.upper() if len(last) == 1 or last[0] == "f" else last.capitalize()))
    return "+".join(words)


def binding_rows(bindings: list[Binding]) -> list[tuple[str, str]]:
    """One row per action: all its keys, and its longer text (the tooltip) or its name.
    Only the app's own bindings (they have an id); Textual's inherited ones are English."""
    rows: dict[str, tuple[list[str], str]] = {}
    for binding in bindings:
        if binding.system or not binding.description or not binding.id:
            continue
        keys, text = rows.setdefault(binding.action, ([], binding.tooltip or binding.description))
        keys.append(key_label(binding.key))
    return [(" / ".join(keys), text) for keys, text in rows.values()]


def screen_rows(screen: Screen) -> list[tuple[str, str]]:
    """The keys of `screen` and of the app, as the screen has them now (in the UI language)."""
    bindings = [binding for _key, binding in screen._bindings]
    bindings += [binding for _key, binding in screen.app._bindings]
    return binding_rows(bindings)


def fixed_rows(keys: tuple) -> list[tuple[str, str]]:
    return [(" / ".join(key_label(key) for key in names), _(text)) for names, text in keys]


class KeysScreen(Dialog):
    """A table of keys in the UI language; Escape or the button closes it."""

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        from wizard.app.screens.editor import EditorScreen

        self.sections = [(_("On this screen"), screen_rows(screen))]
        if isinstance(screen, EditorScreen):
            self.sections.append((_("In the form"), fixed_rows(FIELD_KEYS)))
            self.sections.append((_("In a list"), fixed_rows(LIST_KEYS)))

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="keys-box"):
            yield Static(_("Keys"), classes="dialog-title")
            with VerticalScroll(id="keys-list"):
                for title, rows in self.sections:
                    yield Static(self._table(title, rows), classes="keys-table")
            yield Button(_("Close"), id="close", variant="primary", compact=True)

    @staticmethod
    def _table(title: str, rows: list[tuple[str, str]]) -> Table:
        table = Table(title=Text(title, style="bold"), title_justify="left", show_header=False,
                      box=None, padding=(0, 2, 0, 0), expand=True)
        table.add_column(no_wrap=True, style="bold")
        table.add_column(ratio=1)
        for keys, text in rows:
            table.add_row(keys, text)
        return table

    # The list has the focus: ↑/↓ and PgUp/PgDn scroll to its last line at once (it went
    # on below the Close button, out of reach of the keys); Escape or Tab and Enter close.
    AUTO_FOCUS = "#keys-list"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)
