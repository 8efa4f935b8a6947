"""Textual's lines of cells make their caches on first use (wizard.app.strips): a line drawn
once holds no cache, and a line used again gives what Textual's own caches give."""

from __future__ import annotations

import gc

import pytest
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from wizard.app.strips import make_strip_caches_on_first_use
from wizard.app.textual_fixes import textual_fixes_apply

pytestmark = pytest.mark.skipif(not textual_fixes_apply(), reason="the app's fixes to Textual are off on this release")


@pytest.fixture(autouse=True)
def lazy_strips():
    make_strip_caches_on_first_use()


def test_a_line_drawn_once_holds_no_cache_for_the_collector_to_walk():
    from textual.cache import FIFOCache

    line = Strip([Segment("Hello, "), Segment("world", Style(bold=True))])
    assert not [held for held in gc.get_referents(line) if isinstance(held, FIFOCache)]
    assert line.text == "Hello, world" and line.cell_length == 12


def test_a_line_used_again_gives_what_it_gave_the_first_time():
    line = Strip([Segment("Hello, "), Segment("world", Style(bold=True))], 12)
    cropped = line.crop(2, 9)
    assert line.crop(2, 9) is cropped  # the second time from its cache
    assert cropped.text == "llo, wo"
    red = Style(color="red")
    assert line.apply_style(red) is line.apply_style(red)
    assert [strip.text for strip in line.divide([5, 12])] == ["Hello", ", world"]
    assert line.adjust_cell_length(15).cell_length == 15
    assert line.crop_extend(0, 14, None).cell_length == 14
