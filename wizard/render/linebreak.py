"""Where a line may break, for every writer that wraps text itself: the plain-text renderer
and the app's preview (through Rich). No UI imports here.

Latin text breaks at breakable white space only: the no-break spaces the formatter puts
between a number and its unit ("3 minute", "10 iş günü") hold, and so does the space after a
number in the author's own text ("u roku od 3 radna dana", "80 %", "2 dakika içinde"), where
no formatter put one. Chinese text may break
between two characters, except (Chinese line-breaking rules, kinsoku):
- never before closing punctuation or a mark that ends a phrase (，。、；：！？）」』”…),
- never after opening punctuation (（「『“),
- never between a number and the character after it ("5个工作日", "30分钟").
Chinese words are not looked up in a dictionary, so a break may still fall between the two
characters of a word, as Chinese typesetting allows.
"""

from __future__ import annotations

import re
from typing import Iterator

from .formatting import cell_len, char_width

# Punctuation that may not start a line, and that may not end one.
NO_BREAK_BEFORE = frozenset("，。、：；！？）」』】》〉〕”’％…—·～‥々〻ー,.;:!?)]}%\u00a0")
NO_BREAK_AFTER = frozenset("（「『【《〈〔“‘([{")
# A word between breakable white space (a no-break space is not), together with a number one
# space before it ("3 radna", "80 %"): no line ends in a number whose unit starts the next.
_SPACE = r" \t\n\r\f\v\u2028\u2029"
_WORD = re.compile(rf"(?:(?<![^{_SPACE}])\d+(?:[.,]\d+)* (?=[^{_SPACE}]))?[^{_SPACE}]+")


def _is_digit(char: str) -> bool:
    return char.isdigit() or char in ".,"


def _may_break(before: str, after: str) -> bool:
    """Whether a line may break between two adjacent characters of one word."""
    if after in NO_BREAK_BEFORE or before in NO_BREAK_AFTER:
        return False
    if before.isdigit() or (after.isdigit() and _is_digit(before)):
        return False
    return char_width(before) == 2 or char_width(after) == 2


def pieces(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each unbreakable piece of `text`, in order. Pieces of one word touch
    (end == next start); white space lies between words."""
    for match in _WORD.finditer(text):
        start, end = match.span()
        if match.group().isascii():
            yield start, end
            continue
        piece_start = start
        for index in range(start + 1, end):
            if _may_break(text[index - 1], text[index]):
                yield piece_start, index
                piece_start = index
        yield piece_start, end


def no_break_space_parts(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A piece cut after each of its no-break spaces: the places to break it when it is wider
    than a whole line ("2 working days" in a narrow table column), before cutting words."""
    part_start = start
    for index in range(start, end):
        if text[index] == "\u00a0" and index + 1 < end:
            yield part_start, index + 1
            part_start = index + 1
    yield part_start, end


def break_offsets(text: str, width: int, fold: bool = True) -> list[int]:
    """Offsets in `text` where its lines start, for lines at most `width` cells wide (as
    Rich's `divide_line`). A piece wider than a line breaks at its no-break spaces, and
    then, if `fold`, is cut at the width."""
    offsets: list[int] = []
    used = 0
    previous_end = None
    for whole_start, whole_end in pieces(text):
        parts = [(whole_start, whole_end)]
        if cell_len(text[whole_start:whole_end]) > width:
            parts = list(no_break_space_parts(text, whole_start, whole_end))
        for start, end in parts:
            size = cell_len(text[start:end].rstrip("\u00a0"))
            gap = cell_len(text[previous_end:start]) if previous_end is not None else cell_len(text[:start])
            if used and used + gap + size > width:
                offsets.append(start)
                used, gap = 0, 0
            if size > width and fold:
                line = used + gap
                for index in range(start, end):
                    cells = char_width(text[index])
                    if line + cells > width and index > start:
                        offsets.append(index)
                        line = 0
                    line += cells
                used = line
            else:
                used += gap + cell_len(text[start:end])
            previous_end = end
    return [offset for offset in offsets if offset > 0]
