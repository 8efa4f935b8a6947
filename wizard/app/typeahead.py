"""Keys typed before the app set the terminal up, read as the user typed them.

Until Textual's driver starts (about 0.2 s after `policy-wizard` is run: the imports), the
terminal is still in the shell's line mode, and the kernel's line discipline changes what
is typed before it reaches the app: Enter (a carriage return) is stored as a line feed, which
Textual reads as Ctrl+J, a key nothing takes. Measured in tmux: "Enter" sent at once to the
welcome screen arrived as ctrl+j and started nothing, and the title typed after it went to
the Start button. (Letters and digits arrive unchanged; the line mode's own editing keys,
Backspace and Ctrl+U, have already been applied, as the user meant them.)

So just before the driver starts, the app reads what is waiting in the terminal itself
(`keys_typed_ahead`), turns each line feed back into the Enter it was, and posts the keys
ahead of everything the driver reads after it. The terminal's settings are left as they
were: the driver saves them to restore when the app ends.
"""

from __future__ import annotations

import os

from textual import events


def keys_typed_ahead(fileno: int) -> list[events.Key]:
    """The keys waiting in the terminal `fileno` (the app's standard input), each line feed
    read as Enter; none when it is not a terminal or cannot be read."""
    data = _waiting_bytes(fileno)
    if not data:
        return []
    text = data.decode("utf-8", errors="replace").replace("\n", "\r")
    from textual._xterm_parser import XTermParser

    parser = XTermParser()
    keys = [event for event in parser.feed(text) if isinstance(event, events.Key)]
    keys += [event for event in parser.feed("") if isinstance(event, events.Key)]  # a lone Escape, last
    return keys


def _waiting_bytes(fileno: int) -> bytes:
    """What the terminal holds for the app to read, without waiting for more: read with the
    line mode off for a moment (in line mode a line not ended yet cannot be read)."""
    try:
        import termios
    except ImportError:  # not a POSIX system: Textual's own driver reads everything
        return b""
    try:
        if not os.isatty(fileno):
            return b""
        before = termios.tcgetattr(fileno)
    except (OSError, termios.error):
        return b""
    if not before[3] & termios.ICANON:
        return b""  # not in line mode: what waits is read unchanged by the driver
    now = list(before)
    now[3] = before[3] & ~(termios.ICANON | termios.ECHO)
    now[6] = list(before[6])
    now[6][termios.VMIN] = 0  # a read returns at once, empty when nothing is waiting
    now[6][termios.VTIME] = 0
    chunks = []
    try:
        termios.tcsetattr(fileno, termios.TCSANOW, now)
        while chunk := os.read(fileno, 4096):
            chunks.append(chunk)
    except (OSError, termios.error):
        pass
    finally:
        try:
            termios.tcsetattr(fileno, termios.TCSANOW, before)
        except termios.error:
            pass
    return b"".join(chunks)
