"""Textual's lines of cells (`Strip`) make their caches when first used, not when made.

Every `Strip` made seven small caches in its constructor (`FIFOCache`, for cropping,
styling, dividing...), most of which it never used: a line of a label or a field is drawn
and dropped, or kept as it is. In the editor on the 30 KB policy that was 55,000-78,000
cache objects alive, a quarter of everything the garbage collector walks, and eight new
objects for it to follow with every line drawn: a step switch draws thousands of lines,
so the collector ran more often, and each full collection (300 ms or more) took longer.
Here a cache is made the first time its strip uses it (Textual's `Content` does the same
with its own cache), so a line costs one object besides its segments.

Installed by `wizard.app.textual_fixes` (it replaces `Strip.__init__` and the strip's cache
slots), so only on the Textual releases it was read against.
"""

from __future__ import annotations

from typing import Iterable

from rich.segment import Segment
from textual.cache import FIFOCache
from textual.strip import Strip

# Each cache of a Strip and its size, as Textual's constructor made them (8.2.8).
STRIP_CACHES = {
    "_divide_cache": 4,
    "_crop_cache": 16,
    "_style_cache": 16,
    "_filter_cache": 4,
    "_line_length_cache": 4,
    "_crop_extend_cache": 4,
    "_offsets_cache": 4,
}


class CacheOnFirstUse:
    """A strip's cache slot that fills itself with an empty cache when first read."""

    def __init__(self, slot, maxsize: int) -> None:
        self.slot = slot  # the slot's own descriptor, which stores the value
        self.maxsize = maxsize

    def __get__(self, strip: Strip | None, owner: type | None = None):
        if strip is None:
            return self
        try:
            return self.slot.__get__(strip, owner)
        except AttributeError:
            cache: FIFOCache = FIFOCache(self.maxsize)
            self.slot.__set__(strip, cache)
            return cache

    def __set__(self, strip: Strip, value) -> None:
        self.slot.__set__(strip, value)


def _made_without_caches(self: Strip, segments: Iterable[Segment], cell_length: int | None = None) -> None:
    self._segments = list(segments)
    self._cell_length = cell_length
    self._render_cache = None
    self._link_ids = None
    self._cell_count = None


def make_strip_caches_on_first_use() -> None:
    """Replace the constructor and the cache slots of `Strip` (again is harmless)."""
    if Strip.__init__ is _made_without_caches:
        return
    for name, maxsize in STRIP_CACHES.items():
        setattr(Strip, name, CacheOnFirstUse(Strip.__dict__[name], maxsize))
    Strip.__init__ = _made_without_caches  # type: ignore[method-assign]
