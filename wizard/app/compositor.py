"""Chinese characters drawn whole where something lies over other widgets (a toast, an open
drop-down, a tooltip, a dialog).

Textual's compositor cuts every line of the screen at the edges of every widget on it,
also of widgets hidden under another, and cuts each widget's line at all of those places.
A double-width character that straddles such a cut is replaced by two spaces (Rich's
`Segment.split_cells`), so an open drop-down showed "公开：客户服务    书" where a button
under it ends, and a toast "中文（    ）" (Textual issue 6357, open in 8.2.8).

Here each widget's line is cut only where another widget's part of the line begins: the
neighbouring pieces it wins anyway are kept as one, so no character is cut inside them.
A character can still be cut where two widgets really meet (nothing else can be drawn
there). Installed once when the app starts; Textual is pinned, and the tests read the
drawn screen (tests/app/test_chinese_line_breaks.py).
"""

from __future__ import annotations

from typing import Callable, Mapping, Sequence

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip

_TAKEN = Strip([])
"""Marks a piece of a line that belongs to the piece before it (removed before drawing)."""


def _render_chops(self: Compositor, crop: Region, is_rendered_line: Callable[[int], bool]) -> Sequence[Mapping[int, Strip]]:
    """Textual's `Compositor._render_chops`, but a widget's neighbouring pieces are one piece."""
    cuts = self.cuts
    chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
    for region, clip, strips in self._get_renders(crop):  # front to back: the first one wins
        render_region = region.intersection(clip)
        render_x = render_region.x
        first_cut, last_cut = render_region.column_span
        for y, strip in zip(render_region.line_range, strips):
            if is_rendered_line(y):
                line_cuts = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
                _take_free_pieces(chops[y], line_cuts, strip, render_x)
    for line in chops:
        for cut in [cut for cut, strip in line.items() if strip is _TAKEN]:
            del line[cut]
    return chops


def _take_free_pieces(line: dict[int, Strip | None], line_cuts: list[int], strip: Strip, render_x: int) -> None:
    """Give each run of neighbouring pieces of `line` that no widget in front took the part
    of `strip` that covers it, cut only at the two ends of the run."""
    run: list[int] | None = None  # [start, end] of the run being collected

    def take(run: list[int]) -> None:
        line[run[0]] = strip.crop(run[0] - render_x, run[1] - render_x)

    for start, end in zip(line_cuts, line_cuts[1:]):
        if line.get(start, _TAKEN) is not None:  # a widget in front has it
            if run is not None:
                take(run)
            run = None
        elif run is None:
            run = [start, end]
        else:
            line[start] = _TAKEN
            run[1] = end
    if run is not None:
        take(run)


def _render_partial_update(self: Compositor) -> ChopsUpdate | None:
    """Textual's `Compositor.render_partial_update`, with each piece's end where the next
    piece of its line begins (a piece may now span several of the screen's cuts)."""
    screen_region = self.size.region
    update_regions = self._dirty_regions.copy()
    self._dirty_regions.clear()
    if not update_regions:
        return None
    crop = Region.from_union(update_regions).intersection(screen_region)
    spans = list(self._regions_to_spans(update_regions))
    is_rendered_line = {y for y, _, _ in spans}.__contains__
    chops = self._render_chops(crop, is_rendered_line)
    chop_ends = [[*list(line)[1:], cut_set[-1]] for line, cut_set in zip(chops, self.cuts)]
    return ChopsUpdate(chops, spans, chop_ends)


def draw_wide_characters_whole() -> None:
    """Install the compositor's changes (once; again is harmless)."""
    Compositor._render_chops = _render_chops
    Compositor.render_partial_update = _render_partial_update
