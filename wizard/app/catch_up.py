"""Let keys already typed be handled before a priority key acts on them.

A priority binding (Enter, F8, F7, Ctrl+Q) runs the moment its key reaches the app. The
keys typed just before it may still wait in the focused field's queue, and the change they
make still has to bubble up to the form and the editor. When a burst of keys arrives at
once (a fast typist, a terminal multiplexer, a slow machine), the binding would act on a
field that does not yet show them: Enter would think the item is empty, F8 would remove
the form before its last letters are stored, Ctrl+Q would see no unsaved change. Each of
these first waits here, so what the user typed always lands where they typed it.
"""

from __future__ import annotations

import asyncio

from textual._context import active_message_pump
from textual.dom import DOMNode
from textual.message_pump import MessagePump


async def _handled(pump: MessagePump) -> None:
    """Wait until `pump` has handled every message queued for it so far."""
    done = asyncio.Event()
    if pump.call_later(done.set):
        await done.wait()


async def catch_up_with_typing(node: DOMNode | None) -> None:
    """Wait until `node` (the focused widget) and each of its ancestors up to the screen
    have handled what is queued for them, bottom up: a key becomes a change in the field,
    the change bubbles to the form, the form tells the editor."""
    try:
        running = active_message_pump.get()
    except LookupError:
        running = None
    while node is not None:
        if node is not running and node.is_attached:
            await _handled(node)
        if node is getattr(node, "screen", None):
            break
        node = node.parent
