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
"""

from __future__ import annotations

import asyncio

from textual._context import active_message_pump
from textual.dom import DOMNode
from textual.message_pump import MessagePump
from textual.screen import Screen

PATIENCE_SECONDS = 2.0


async def _handled(pump: MessagePump, timeout: float) -> None:
    """Wait (at most `timeout`) until `pump` has handled every message queued for it so far."""
    done = asyncio.Event()
    if pump.call_later(done.set):
        try:
            await asyncio.wait_for(done.wait(), timeout)
        except asyncio.TimeoutError:
            pass


async def catch_up_with_typing(node: DOMNode | None) -> None:
    """Wait until `node` (the widget a key went to) and each of its ancestors up to the
    screen have handled what is queued for them, bottom up: a key becomes a change in the
    field, the change bubbles to the form, the form tells the editor."""
    try:
        running = active_message_pump.get()
    except LookupError:
        running = None
    loop = asyncio.get_running_loop()
    deadline = loop.time() + PATIENCE_SECONDS
    while node is not None:
        left = deadline - loop.time()
        if left <= 0:
            return
        if node is not running and node.is_attached:
            await _handled(node, left)
        if isinstance(node, Screen):
            break
        node = node.parent
