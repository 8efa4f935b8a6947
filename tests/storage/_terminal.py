"""Run the real program in a pseudo-terminal and read its screen, as a user would see it.

A tiny terminal emulator: enough of VT100/xterm (cursor positioning, erasing, the
alternate screen, wide CJK cells) to rebuild the screen a Textual app draws, so tests
can wait for text to appear and type keys, without tmux or any extra package.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import signal
import struct
import subprocess
import termios
import threading
import time
import unicodedata
from collections.abc import Sequence
from pathlib import Path

KEYS = {
    "enter": "\r",
    "escape": "\x1b",
    "tab": "\t",
    "shift+tab": "\x1b[Z",
    "backspace": "\x7f",
    "up": "\x1b[A",
    "down": "\x1b[B",
    "right": "\x1b[C",
    "left": "\x1b[D",
    "home": "\x1b[H",
    "end": "\x1b[F",
}

_CSI = re.compile(r"\x1b\[([0-9;?<>=!$ ]*)([@-~])")
_OSC = re.compile(r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


class Screen:
    """The cells of a terminal, updated from the bytes a program writes."""

    def __init__(self, columns: int, rows: int) -> None:
        self.columns = columns
        self.rows = rows
        self.clear()

    def clear(self) -> None:
        self.cells = [[" "] * self.columns for _ in range(self.rows)]
        self.x = self.y = 0

    _pending = ""

    def feed(self, text: str) -> None:
        text, self._pending = self._pending + text, ""
        i = 0
        while i < len(text):
            char = text[i]
            if char == "\x1b":
                match = _CSI.match(text, i)
                if match:
                    self._csi(match.group(1), match.group(2))
                    i = match.end()
                    continue
                match = _OSC.match(text, i)
                if match:
                    i = match.end()
                    continue
                rest = text[i:]
                if rest == "\x1b" or (rest[1] in "[]" and len(rest) < 256):
                    self._pending = rest  # a sequence cut in two by the read: finish it next time
                    return
                i += 2  # ESC and one character (ESC 7, ESC =, ...)
                continue
            if char == "\r":
                self.x = 0
            elif char == "\n":
                self.y = min(self.y + 1, self.rows - 1)
            elif char == "\b":
                self.x = max(self.x - 1, 0)
            elif char >= " ":
                self._put(char)
            i += 1

    def _put(self, char: str) -> None:
        if unicodedata.combining(char):
            return
        width = 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if self.x + width > self.columns:
            return
        if 0 <= self.y < self.rows:
            self.cells[self.y][self.x] = char
            if width == 2:
                self.cells[self.y][self.x + 1] = ""
        self.x += width

    def _csi(self, params: str, final: str) -> None:
        if params.startswith(("?", ">", "<", "=")) or "$" in params:
            if final in "hl" and params.lstrip("?") in ("1049", "47", "1047"):
                self.clear()
            return
        numbers = [int(p) if p.isdigit() else 0 for p in params.split(";")] if params else []

        def arg(index: int, default: int) -> int:
            return numbers[index] if len(numbers) > index and numbers[index] else default

        if final in "Hf":
            self.y = min(max(arg(0, 1) - 1, 0), self.rows - 1)
            self.x = min(max(arg(1, 1) - 1, 0), self.columns - 1)
        elif final == "A":
            self.y = max(self.y - arg(0, 1), 0)
        elif final == "B":
            self.y = min(self.y + arg(0, 1), self.rows - 1)
        elif final == "C":
            self.x = min(self.x + arg(0, 1), self.columns - 1)
        elif final == "D":
            self.x = max(self.x - arg(0, 1), 0)
        elif final == "G":
            self.x = min(max(arg(0, 1) - 1, 0), self.columns - 1)
        elif final == "J":
            mode = arg(0, 0)
            if mode == 2 or mode == 3:
                self.cells = [[" "] * self.columns for _ in range(self.rows)]
            elif mode == 0:
                self.cells[self.y][self.x :] = [" "] * (self.columns - self.x)
                for row in range(self.y + 1, self.rows):
                    self.cells[row] = [" "] * self.columns
        elif final == "K":
            mode = arg(0, 0)
            if mode == 0:
                self.cells[self.y][self.x :] = [" "] * (self.columns - self.x)
            elif mode == 1:
                self.cells[self.y][: self.x + 1] = [" "] * (self.x + 1)
            else:
                self.cells[self.y] = [" "] * self.columns

    def find(self, needle: str) -> tuple[int, int] | None:
        """(column, row) of the first cell of `needle` on the screen, 0-based."""
        for y, row in enumerate(self.cells):
            text = ""
            columns = []
            for x, cell in enumerate(row):
                text += cell
                columns.extend([x] * len(cell))
            index = text.find(needle)
            if index >= 0:
                return columns[index], y
        return None

    def lines(self) -> list[str]:
        return ["".join(row).rstrip() for row in self.cells]

    def text(self) -> str:
        return "\n".join(self.lines())


class Terminal:
    """A program running in a pseudo-terminal of `columns` x `rows` cells."""

    def __init__(
        self,
        args: Sequence[str],
        *,
        cwd: Path,
        env: dict[str, str],
        columns: int = 100,
        rows: int = 30,
    ) -> None:
        self.screen = Screen(columns, rows)
        self._lock = threading.Lock()
        self.raw = bytearray()
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        environment = {**env, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)}
        environment.pop("TEXTUAL", None)
        self.process = subprocess.Popen(
            list(args),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=cwd,
            env=environment,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.master = master
        self._decoder_buffer = b""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self._lock:
                self.raw += chunk
                data = self._decoder_buffer + chunk
                # Keep an incomplete UTF-8 sequence for the next chunk.
                cut = len(data)
                for back in range(1, min(4, len(data)) + 1):
                    byte = data[-back]
                    if byte & 0xC0 == 0x80:
                        continue
                    if byte & 0x80:
                        needed = 2 if byte & 0xE0 == 0xC0 else 3 if byte & 0xF0 == 0xE0 else 4
                        if back < needed:
                            cut = len(data) - back
                    break
                self._decoder_buffer = data[cut:]
                self.screen.feed(data[:cut].decode("utf-8", "replace"))

    def text(self) -> str:
        with self._lock:
            return self.screen.text()

    def send(self, text: str) -> None:
        os.write(self.master, text.encode("utf-8"))

    def press(self, *keys: str) -> None:
        for key in keys:
            if key in KEYS:
                code = KEYS[key]
            elif key.startswith("ctrl+") and len(key) == 6:
                code = chr(ord(key[-1].lower()) - ord("a") + 1)
            else:
                code = key
            self.send(code)
            time.sleep(0.15)  # let the app handle one key before the next (an ESC alone needs a pause)

    def click(self, needle: str) -> None:
        """Click (xterm SGR mouse report) in the middle of `needle` on the screen."""
        with self._lock:
            place = self.screen.find(needle)
        assert place is not None, f"not on screen: {needle!r}\n{self.text()}"
        x, y = place[0] + len(needle) // 2 + 1, place[1] + 1
        self.send(f"\x1b[<35;{x};{y}M")  # the pointer arrives
        time.sleep(0.1)
        self.send(f"\x1b[<0;{x};{y}M")
        time.sleep(0.05)
        self.send(f"\x1b[<0;{x};{y}m")
        time.sleep(0.15)

    def type(self, text: str) -> None:
        for char in text:
            self.send(char)
            time.sleep(0.02)

    def wait_for(self, *needles: str, timeout: float = 30.0) -> str:
        """Wait until every needle is on the screen; return the screen text."""
        end = time.monotonic() + timeout
        while True:
            screen = self.text()
            if all(needle in screen for needle in needles):
                return screen
            if self.process.poll() is not None and time.monotonic() > end - timeout + 1:
                raise AssertionError(f"the program ended (code {self.process.returncode}):\n{screen}")
            if time.monotonic() > end:
                raise AssertionError(f"not on screen: {needles!r}\n--- screen ---\n{screen}")
            time.sleep(0.05)

    def wait_exit(self, timeout: float = 15.0) -> int:
        return self.process.wait(timeout)

    def kill(self) -> None:
        """SIGKILL: no chance to clean up, like a crash or a closed terminal that takes the process down."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def close(self) -> None:
        self.kill()
        try:
            os.close(self.master)
        except OSError:
            pass
