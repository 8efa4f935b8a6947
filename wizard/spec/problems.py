"""What is wrong with a spec: one `Problem` per message, all of them in one `SpecError`."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

MAX_PROBLEMS = 50
QUOTE_LIMIT = 60  # characters of the user's text a message quotes before it cuts with "…"

_NAMED_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def shown(text: object, limit: int | None = QUOTE_LIMIT) -> str:
    """User text (a key, a value, a file name) as a message quotes it.

    Every message quotes the file through here, so that no file can write to the user's
    terminal through a message: controls and escapes are written out (`\\x1b`, `\\n`), and
    invisible characters are named (`<U+200B>`), so a key that only looks like the suggested
    one shows why it differs. Text beyond `limit` characters is cut with "…", so a 2 MB key
    still gives one short line."""
    pieces: list[str] = []
    length = 0
    for char in str(text):
        piece = _visible(char)
        length += len(piece)
        if limit is not None and length > limit:
            pieces.append("…")
            break
        pieces.append(piece)
    return "".join(pieces)


def _visible(char: str) -> str:
    """A character as a message shows it. Python calls every character but the space that a
    terminal would not simply draw (controls, format characters such as zero-width and bidi
    marks, separators and other spaces, unassigned code points) not printable."""
    if char == " " or char.isprintable():
        return char
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    if unicodedata.category(char) == "Cc":
        return f"\\x{ord(char):02x}"
    return f"<U+{ord(char):04X}>"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a spec, in the UI language, at a line of a file when known."""

    file: str
    line: int | None
    path: tuple
    message: str

    def __str__(self) -> str:
        name = shown(self.file, limit=None)
        if self.line is None:
            return f"{name}: {self.message}"
        return f"{name}:{self.line}: {self.message}"


class SpecError(Exception):
    """A spec that cannot be used; `problems` lists every reason (at most MAX_PROBLEMS + 1 lines)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)
