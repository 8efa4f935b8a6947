"""Keeping Python's full garbage collections short while the user works.

A full collection walks every object the program tracks: once the editor holds a 30 KB
policy that is about 150,000 objects (modules, catalogs, styles, the screen, the preview)
and 50-110 ms, and mounting a long form started one on most step switches. Nearly all of
them live until the app ends, so once the screen is built they are moved out of the
collector's reach (`gc.freeze`); what is created later (the forms of the steps visited,
the preview's new sections) is collected as before. An object frozen that is dropped
later is not freed if it is part of a reference cycle: that is the first form and the
preview's first render, a few MB at most, once.
"""

from __future__ import annotations

import gc


def spare_long_lived_objects() -> None:
    """Move every object that exists now out of the garbage collector's walks."""
    gc.freeze()
