"""Where a line may break, for every writer that wraps text itself: the plain-text renderer
and the app's preview (through Rich). No UI imports here.

Latin text breaks at breakable white space only: the no-break spaces the formatter puts
between a number and its unit ("3 minute", "10 iş günü") hold, and so does the space after a
number in the author's own text ("u roku od 3 radna dana", "80 %", "2 dakika içinde"), where
no formatter put one. Chinese text has no spaces: a line may break between two words, except
(Chinese line-breaking rules, kinsoku):
- never before closing punctuation or a mark that ends a phrase (，。、；：！？）」』”…),
- never after opening punctuation (（「『“),
- never between a number and the character after it ("5个工作日", "30分钟"),
- never inside a date or a range, where one character joins two numbers ("2026年12月1日",
  "9:00至18:00").
Where the words are comes from a dictionary segmenter (jieba, through rjieba: the dictionary
Chinese search and text tools use, compiled, a few milliseconds for a whole policy). Breaking
between any two characters, as the rules above alone allow, splits words ("工作|日", "负责|人",
"客|户"), which a Chinese reader sees at once; a line breaker of its own would need a
dictionary anyway. The segmenter also learns our own words from the render catalog (labels
such as "首次响应时限", units after a number such as "个工作日内"), so that scaffolding never
breaks inside a term, whatever the dictionary thinks of it.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from types import ModuleType
from typing import Iterator

from wizard.i18n import translated_messages
from wizard.spec.model import DURATION_UNITS

from .formatting import cell_len, char_width, format_duration

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


_HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_FIRST_HAN = "\u3400"
# A term of a label: Chinese characters, with the Latin letters and digits written into it
# ("SLA达成率"); a label's punctuation, brackets and spaces separate its terms.
_TERM = "[0-9A-Za-z" + _HAN_RANGES + "]+"
_HAN = "[" + _HAN_RANGES + "]"
_UNIT_AFTER_COUNT = r"%\(count\)s(" + _TERM + ")"
_SENTENCE_MARKS = frozenset("。，；！？%")


@cache
def _compiled(pattern: str) -> re.Pattern:
    """A pattern compiled on first use: those spanning the Chinese planes take milliseconds
    to compile, and the app's first frame does not need them (see `_has_han`)."""
    return re.compile(pattern)


def _has_han(text: str) -> bool:
    """Whether `text` holds a Chinese character. Text without any character from the first
    Chinese block up (every Latin, Croatian and Turkish word) is told at once."""
    return max(text, default="") >= _FIRST_HAN and _compiled(_HAN).search(text) is not None


def _scaffolding_words() -> set[str]:
    """The Chinese words of our own text that a line never splits: every label of the render
    catalog ("首次响应时限", "SLA达成率"), each unit of a quantity ("%(count)s个工作日内" gives
    "个工作日内") and the units of the formatted durations ("个月")."""
    words: set[str] = set()
    for message in translated_messages("zh", "render"):
        unit = _compiled(_UNIT_AFTER_COUNT).fullmatch(message)
        if unit:
            words.add(unit.group(1))
        elif _SENTENCE_MARKS.isdisjoint(message):
            words.update(_compiled(_TERM).findall(message))
    for unit in DURATION_UNITS:
        words.update(_compiled(_TERM).findall(format_duration(f"2 {unit}", "zh").lstrip("2")))
    return {word for word in words if len(word) > 1 and _has_han(word)}


@cache
def _segmenter() -> ModuleType:
    """jieba's dictionary with our own words added. Imported on first use (rjieba loads its
    dictionary at import, about 0.4 s), so that nothing without Chinese text pays for it; its
    one shared instance is used, as a second one would load the dictionary again."""
    import rjieba

    for word in sorted(_scaffolding_words()):
        rjieba.add_word(word, None, None)
    return rjieba


@lru_cache(maxsize=4096)
def _word_starts(word: str) -> frozenset[int] | range:
    """Offsets inside `word` (a run without breakable white space) where a Chinese word starts;
    every offset when there is no Chinese in it (nothing to look up). Cached: the preview lays
    out the same paragraphs again on every keystroke."""
    if not _has_han(word):
        return range(len(word))
    starts, offset = set(), 0
    for token in _segmenter().cut(word):
        starts.add(offset)
        offset += len(token)
    return frozenset(starts)


def _joins_numbers(text: str, index: int) -> bool:
    """Whether `index` falls after a character that joins two numbers: a date or a range reads
    as one quantity ("2026年12月1日", "9:00至18:00", "1至5个工作日") and stays on one line."""
    return index >= 2 and text[index].isdigit() and text[index - 2].isdigit() and char_width(text[index - 1]) == 2


def pieces(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each unbreakable piece of `text`, in order. Pieces of one word touch
    (end == next start); white space lies between words."""
    for match in _WORD.finditer(text):
        start, end = match.span()
        if match.group().isascii():
            yield start, end
            continue
        word_starts = _word_starts(match.group())
        piece_start = start
        for index in range(start + 1, end):
            if index - start in word_starts and _may_break(text[index - 1], text[index]) and not _joins_numbers(text, index):
                yield piece_start, index
                piece_start = index
        yield piece_start, end


def long_piece_parts(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A piece wider than a whole line ("2 working days" in a narrow table column, a Chinese
    term longer than its column) cut where a line may break when words are not looked at:
    after each of its no-break spaces, and between two Chinese characters where punctuation
    and numbers allow it. Only a part still too wide is then cut anywhere."""
    part_start = start
    for index in range(start + 1, end):
        if text[index - 1] == "\u00a0" or _may_break(text[index - 1], text[index]):
            yield part_start, index
            part_start = index
    yield part_start, end


def break_offsets(text: str, width: int, fold: bool = True) -> list[int]:
    """Offsets in `text` where its lines start, for lines at most `width` cells wide (as
    Rich's `divide_line`). A piece wider than a line breaks where `long_piece_parts` says,
    and then, if `fold`, is cut at the width."""
    offsets: list[int] = []
    used = 0
    previous_end = None
    for whole_start, whole_end in pieces(text):
        parts = [(whole_start, whole_end)]
        if cell_len(text[whole_start:whole_end]) > width:
            parts = list(long_piece_parts(text, whole_start, whole_end))
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
