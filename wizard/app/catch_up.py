"""One key at a time: each key typed is handled to the end before the next is handed out.

Textual hands every key to the widget that has the focus *when the key is read*, and the
widget handles it later, in its own queue. When keys arrive in a burst (a fast typist, a
paste of keys from a terminal multiplexer, a slow machine), the keys after Enter, Tab or
F8 are handed to the old field before Enter has added the next item, Tab has moved the
focus, or F8 has opened the next step: they land in the wrong field, on a button (lost),
or in a form that is being removed (lost). And a priority key such as Ctrl+Q would act
before the letters just typed have marked the policy as changed.

So the app waits, after handing out a key, until the widget and each of its ancestors up
to the screen have handled what is queued for them (the key, the change it makes bubbling
up to the form and the editor, a new item being mounted). A handler that takes longer than
`PATIENCE_SECONDS` (one that waits for the user, say) does not hold the keys back longer.

A key may also set things in motion outside that line of ancestors: Enter in the command
palette selects in its list, the palette closes and its command opens a dialog; choosing
in a drop-down posts to the drop-down, which tells the list that mounts a new row. So the
app then waits until no widget of the screen in front (which may by now be another one)
has a message waiting (`catch_up_with_screen`); what the app itself was asked to do
meanwhile runs before the next key is handed out.

Keys that arrive before the screen that should take them is ready are held, in order, until
it is (`PolicyWizardApp._hold_keys`): at start-up Textual's blank default screen is in front
until the app shows its first screen (`edit FILE` reads the file first), a screen that is
still mounting has no focus yet (either would drop the key), and while a file or document
is read for the editor the screen in front is about to be replaced. Keys typed before the
app even set the terminal up are read as typed, see `wizard.app.typeahead`.
"""

from __future__ import annotations

import asyncio

from textual._context import active_message_pump
from textual.app import App, ScreenStackError
from textual.dom import DOMNode
from textual.message_pump import MessagePump
from textual.screen import Screen

from wizard.app.forms_ahead import outside_hidden_forms

PATIENCE_SECONDS = 2.0
# Before a question whose answer depends on what was typed (quit: save or not?), the app
# waits for the keys already typed however busy the machine is, but not forever.
BEFORE_ASKING_SECONDS = 30.0
# Keys typed before the screen that takes them is ready (the app starting, the editor
# opening) are held for it, but not for ever: a screen that has not opened by then never will.
OPENING_SECONDS = 30.0
HOPS = 12  # enough for the longest chain seen: Enter in the palette, up to the dialog its command opens


async def _handled(pump: MessagePump, timeout: float) -> None:
    """Wait (at most `timeout`) until `pump` has handled every message queued for it so far."""
    done = asyncio.Event()
    if pump.call_later(done.set):
        try:
            await asyncio.wait_for(done.wait(), timeout)
        except asyncio.TimeoutError:
            pass


async def catch_up_with_typing(node: DOMNode | None, patience: float | None = None) -> None:
    """Wait until `node` (the widget a key went to) and each of its ancestors up to the
    screen have handled what is queued for them, bottom up: a key becomes a change in the
    field, the change bubbles to the form, the form tells the editor. At most `patience`
    seconds (`PATIENCE_SECONDS` unless said)."""
    try:
        running = active_message_pump.get()
    except LookupError:
        running = None
    loop = asyncio.get_running_loop()
    deadline = loop.time() + (PATIENCE_SECONDS if patience is None else patience)
    while node is not None:
        left = deadline - loop.time()
        if left <= 0:
            return
        if node is not running and node.is_attached:
            await _handled(node, left)
        if isinstance(node, Screen):
            break
        node = node.parent


async def catch_up_with_screen(app: App, target: DOMNode | None = None) -> None:
    """Wait, a few hops deep, until no widget of the screen in front has a message waiting:
    what a key set in motion away from the widget it went to (a palette command that opens
    a dialog, a choice that mounts a new row) is done before the next key. Each hop also
    lets the widgets between `target` (or the focus) and the screen finish the message they
    are handling, which may be about to post the next one. A few hops, not "until all is
    quiet": a blinking cursor is never quiet."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + PATIENCE_SECONDS
    for _hop in range(HOPS):
        left = deadline - loop.time()
        waiting = _waiting(app)
        if waiting is None or left <= 0:
            return
        busy = {*waiting, *_line_to_screen(target), *_line_to_screen(app.focused)}
        await asyncio.gather(*(_handled(pump, left) for pump in busy))
        if not waiting and not _waiting(app):
            return  # a whole hop found nothing waiting, and the line had nothing more to post


def _waiting(app: App) -> list[MessagePump] | None:
    """The widgets of the screen in front that have a message waiting (None: no screen).
    Not the app: this runs in its handler; what it has queued runs before the next key.
    The queue is looked at first: `is_attached` climbs to the app, and asked of each of the
    hundreds of widgets of a long list it cost 1-1.5 ms, five times a key. Not the forms
    built ahead either (see wizard.app.forms_ahead): hidden, their hundreds of widgets take
    no keys."""
    try:
        screen = app.screen
    except ScreenStackError:  # closing
        return None
    return [pump for pump in outside_hidden_forms(screen) if not pump._message_queue.empty() and pump.is_attached]


def _line_to_screen(node: DOMNode | None) -> list[DOMNode]:
    """`node` and its ancestors up to its screen (that are still attached)."""
    line = []
    while node is not None and node.is_attached:
        line.append(node)
        if isinstance(node, Screen):
            break
        node = node.parent
    return line
