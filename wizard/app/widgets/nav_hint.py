"""The hint between the Back and Next buttons: whole words on at most two lines, or nothing.

The column it sits in narrows when the preview opens beside the form at 80 columns;
a hint broken inside its words ("Odgo / vori") is worse than none, and the buttons
say enough on their own.
"""

from __future__ import annotations

import unicodedata

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

MAX_LINES = 2


def _unbreakable_width(word: str) -> int:
    """The cells a word needs on one line: Chinese may wrap between any two characters."""
    if any(unicodedata.east_asian_width(char) in ("W", "F") for char in word):
        return max((cell_len(char) for char in word), default=0)
    return cell_len(word)


def fits(text: str, width: int, console) -> bool:
    """Whether `text` fits `width` cells on at most two lines without breaking a word."""
    if width <= 0 or any(_unbreakable_width(word) > width for word in text.split()):
        return False
    return len(Text(text).wrap(console, width)) <= MAX_LINES


class NavHint(Static):
    """A one- or two-line hint that disappears when its column is too narrow for it."""

    def __init__(self, text: str, **kwargs) -> None:
        super().__init__("", markup=False, **kwargs)
        self.text = text

    def set_text(self, text: str) -> None:
        self.text = text
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        shown = self.text if fits(self.text, self.content_size.width, self.app.console) else ""
        self.update(shown)
