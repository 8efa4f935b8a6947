"""Keeping Python's full garbage collections out of the moments the user waits for.

A full collection walks every object the program tracks. Once the editor holds a 30 KB
policy that is 150,000 to 250,000 objects and 100-300 ms, and Python started one on most
switches to a long form (mounting a form of 400 widgets creates about 90,000 objects, and a
full collection comes after every ten younger ones). What follows is about when the work
is done, not whether:

- No collection at all while the app starts (`hold_collections_until_first_screen`): the
  objects made then (Textual's and the app's modules, the styles, the first screen) live
  until the app ends, so walking them frees nothing, and Python walked them some 165 times
  before the editor's first frame, about 20 ms of its 330 (half of it in Textual's import).
- What exists once the first screen is drawn (modules, catalogs, styles, the screen) lives
  until the app ends, so it is moved out of the collector's walks (`gc.freeze`). An object
  frozen that is dropped later is not freed if it is part of a reference cycle: that is the
  first form and the preview's first render, once, a few MB at most.
- Python starts a full collection by itself ten times less often, and the app runs one
  when the user has paused (no key or click for `QUIET_SECONDS`), the moment a form
  taken apart is freed; only if a widget was taken apart since the last one (or a minute
  has passed), not at every pause in typing, nor after most switches: the form of a step
  left is kept for the way back (wizard.app.forms_ahead), and taken apart only once it no
  longer shows the spec as it is. The younger generations are collected as before.
- That quiet collection walks everything (what was frozen too, so a form frozen while it
  was shown is freed once taken apart), then freezes what survived: a full collection Python
  starts by itself later walks only what was made since the user last paused, not the
  whole session (a full walk was 300-500 ms once the user had been through every step).
- A user who goes through step after step without such a pause (F8 held, or the benchmark,
  which pauses 0.5 s) made Python's own full collection walk everything made since the
  start: 650-900 ms in one switch, on the 30 KB and 60 KB policies. So what exists once a
  switch has set the old form aside is frozen too (`spare_what_a_switch_made`): that walk
  covers one switch's objects at most. The garbage frozen with it (the cycles of forms
  taken apart) waits for the quiet collection, which unfreezes first.
- No collection while a switch builds and draws its form (`hold_collections_for_a_switch`),
  for the same reason as at the start: until it is drawn and frozen with the rest. A hold
  whose end never came (the app ended first) is ended by the app's end.
"""

from __future__ import annotations

import asyncio
import gc
import time
import weakref
from typing import Any, Callable, Collection

QUIET_SECONDS = 1.5
FULL_COLLECTION_EVERY = 100  # collections of the middle generation (Python's own: 10)
WALK_AT_LEAST_EVERY = 60.0  # seconds: the quiet collection's full walk, even with no widget gone


def hold_collections_until_first_screen() -> None:
    """No collection until `spare_long_lived_objects` (called once the app's first screen
    is drawn): called by the command line before it imports the app."""
    gc.disable()


def spare_long_lived_objects() -> None:
    """Move every object that exists now out of the collector's walks, collect again if
    the start held collections back, and leave full collections to quiet moments
    (`QuietCollector`)."""
    gc.freeze()
    gc.enable()
    young, middle, _old = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)


def hold_collections_for_a_switch() -> bool:
    """No collection while a step's form is built and first drawn (`EditorScreen._swap_form`):
    what a switch makes is the new form, alive while it is shown, so walking it frees
    nothing. Python walked it some forty times in a switch to the service standards, 8-10 ms
    of about 125. True if this turned the collector off: the caller then turns it back on
    with `spare_what_a_switch_made(resume=True)`, once the form is drawn. (It is already off
    while the app starts, until its first screen is drawn: that hold is left as it is.)"""
    if not gc.isenabled():
        return False
    gc.disable()
    return True


def spare_what_a_switch_made(resume: bool = False) -> None:
    """Move what exists now out of the collector's walks, without a collection (it would
    cost the switch what it saves); the next quiet collection walks it again. `resume`
    turns the collector back on (after `hold_collections_for_a_switch`)."""
    gc.freeze()
    if resume:
        gc.enable()


class QuietCollector:
    """Runs a full collection once the user has paused (each key or click postpones it), if
    a widget was taken apart since the last one: what it leaves is what only a full
    collection frees (widgets hold one another in cycles, and were frozen with the rest).
    Typing alone leaves nothing of the kind (what it makes is younger than the last freeze,
    the younger generations' work): with every form built ahead and each step visited, a
    full walk takes 150-500 ms on the 30 KB policy, and a key typed during it waits. A full
    collection still runs at a pause once `WALK_AT_LEAST_EVERY` seconds have passed."""

    def __init__(self, registry: Callable[[], Collection[Any]]) -> None:
        """`registry`: the app's widgets now (Textual's `App._registry`)."""
        self._pending: asyncio.TimerHandle | None = None
        self._registry = registry
        self._walked_at = float("-inf")
        self._widgets_then: weakref.WeakSet = weakref.WeakSet()  # registered at the last walk
        self._count_then = 0

    def user_acted(self) -> None:
        if self._pending is not None:
            self._pending.cancel()
        self._pending = asyncio.get_running_loop().call_later(QUIET_SECONDS, self._collect)

    def _collect(self) -> None:
        self._pending = None
        if not self._worth_a_full_walk():
            return
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self._walked_at = time.monotonic()
        self._widgets_then = weakref.WeakSet(self._registry())
        self._count_then = len(self._widgets_then)

    def _worth_a_full_walk(self) -> bool:
        """A widget registered at the last walk is gone (freed, or unregistered and waiting
        in a cycle), or that walk is old."""
        if time.monotonic() - self._walked_at > WALK_AT_LEAST_EVERY:
            return True
        if len(self._widgets_then) != self._count_then:
            return True
        registry = self._registry()
        return any(widget not in registry for widget in self._widgets_then)
