"""A container whose height follows its content is arranged once per layout, not twice.

Textual measures such a container (`height: auto`) by arranging its children in a box of
its width and no height, then arranges them again in the box of the height it measured.
The second arrangement is keyed by the new height, so it is made anew, and with it the box
of every child (their own auto heights come from their caches, but each level of the form
is laid out twice). A form is deeply nested: a list, its rows, a row's body, a field, the
input's line; on the service standards' first screen the two arrangements of every level
were a third of the switch.

Where nothing inside the container depends on the height of the box (no child with a
height, minimum or maximum in `fr`, `%` or `h`, no docked, split or offset child, and no
such child further down through auto-height children), the arrangement at the measured
height is the one already made while measuring, and that one is used. Anything else is
arranged as Textual does.
"""

from __future__ import annotations

from textual.css.scalar import Scalar, Unit
from textual.geometry import Size
from textual.widget import Widget

TEXTUAL_ARRANGE = Widget.arrange
_FLOWS = ("vertical", "horizontal")


def arrange_measured_once(widget: Widget, size: Size, optimal: bool = False):
    """Textual's `Widget.arrange`, reusing the arrangement made to measure the height."""
    cache = widget._arrangement_cache
    key = (size, widget._nodes._updates, optimal)
    arrangement = cache.get(key)
    if arrangement is not None:
        return arrangement
    if size.height and widget.styles.is_auto_height and widget.layout.name in _FLOWS:
        measured = cache.get((Size(size.width, 0), widget._nodes._updates, optimal))
        if measured is not None and measured.total_region.height == size.height and height_free(widget):
            cache[key] = measured
            return measured
    return TEXTUAL_ARRANGE(widget, size, optimal)


def height_free(widget: Widget) -> bool:
    """Whether arranging `widget`'s children ignores the height of its box."""
    for child in widget.displayed_children:
        styles = child.styles
        if styles.is_docked or styles.is_split or styles.has_rule("offset"):
            return False
        if any(_relative(value) for value in (styles.height, styles.min_height, styles.max_height)):
            return False
        if styles.is_auto_height and child.is_container and not height_free(child):
            return False
    return True


_RELATIVE_UNITS = frozenset({Unit.FRACTION, Unit.PERCENT, Unit.HEIGHT})


def _relative(scalar: Scalar | None) -> bool:
    """A length that depends on the box it is in (`1fr`, `50%`, `50h`)."""
    return scalar is not None and scalar.unit in _RELATIVE_UNITS


def arrange_auto_height_containers_once() -> None:
    """Install the reuse (see the module's docstring)."""
    Widget.arrange = arrange_measured_once
