"""Text that wraps with a hanging indent: a bullet (or a mark such as "✓") in a column of
its own, the text's later lines under the text's first letter, never under the bullet.

Rich and Textual break lines only at spaces. Chinese has none, so a bulleted Chinese
sentence did not fit beside its bullet, moved whole to the next line and left the bullet
alone on the first; a mixed line ("“as soon as we can”承诺了速度…") broke after the last
space. `Hanging` breaks lines itself: at spaces, and between Chinese characters too,
keeping closing punctuation (，。：） etc.) off the start of a line and opening
punctuation (（“ etc.) off its end. Widths are counted in terminal cells, so double-width
characters line up. It is a Rich renderable: it is laid out at the width the widget
actually has, every time that width changes, at no more cost than a `Static`'s text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from rich.cells import cell_len, get_character_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text

BULLET = "•"

# Characters that must not begin a line (closing punctuation, CJK small marks) and
# that must not end one (opening punctuation), after the Chinese and Japanese rules.
NO_LINE_START = set("，。、；：！？）》」』】〕〉〗”’…‥·～%,.;:!?)]}»›ー々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")
NO_LINE_END = set("（《「『【〔〈〖“‘([{«‹")

# White space a line may break at: a no-break space ("3\u00a0minute", "1\u00a0radni\u00a0dan") holds.
_SPACE = re.compile(r"[^\S\u00a0\u2007\u202f]")
TAIL_GAP = 2  # spaces between the text and its tail


def _wide(char: str) -> bool:
    """A double-width (CJK) character: a line may break before or after it."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def _can_break(before: str, after: str) -> bool:
    """May a line break between these two characters (neither of them a space)?"""
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    if not (_wide(before) or _wide(after)):
        return False  # inside a word of a language that puts spaces between words
    # "24小时", "2条建议": a number stays with the word it counts
    return not (before.isdigit() and _wide(after))


def break_points(text: str) -> list[int]:
    """Indexes where a line may start (besides 0): after spaces and between CJK characters."""
    points = []
    for index in range(1, len(text)):
        before, after = text[index - 1], text[index]
        if _SPACE.match(after):
            continue
        if _SPACE.match(before) or _can_break(before, after):
            points.append(index)
    return points


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) of each line of one paragraph at `width` cells; spaces where a line
    breaks are left out. A piece wider than the whole width is cut at the last cell."""
    width = max(width, 2)
    starts = [0, *break_points(text), len(text)]
    lines: list[tuple[int, int]] = []
    line_start, line_width = 0, 0
    for piece_start, piece_end in zip(starts, starts[1:]):
        piece = text[piece_start:piece_end]
        piece_width = cell_len(piece.rstrip())
        if line_width and line_width + piece_width > width:
            lines.append((line_start, _rstrip(text, line_start, piece_start)))
            line_start, line_width = piece_start, 0
        if piece_width > width:  # a word longer than the line: cut it, as the terminal would
            for char_index in range(piece_start, _rstrip(text, piece_start, piece_end)):
                char_width = get_character_cell_size(text[char_index])
                if line_width + char_width > width and char_index > line_start:
                    lines.append((line_start, char_index))
                    line_start, line_width = char_index, 0
                line_width += char_width
            line_width = cell_len(text[line_start:piece_end])
        else:
            line_width += cell_len(piece)
    lines.append((line_start, _rstrip(text, line_start, len(text))))
    return lines


def with_line_breaks(text: str, width: int) -> str:
    """`text` with its lines broken at `width` cells the way `Hanging` breaks them, for a
    widget that wraps by itself (a toast): Chinese lines then never start with "。" or "）",
    and no double-width character is cut at the edge (drawn as blanks). Text without
    double-width characters is returned as it is (its own word wrapping is right)."""
    if not any(_wide(char) for char in text):
        return text
    return "\n".join(
        paragraph[start:end] for paragraph in text.split("\n") for start, end in wrap_offsets(paragraph, width)
    )


def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
    """Where the lines of `text` start at `width` cells, as Rich's `divide_line` says it,
    by the app's rules when the text holds double-width characters (else Rich's own)."""
    if not any(_wide(char) for char in text):
        return _rich_divide_line(text, width, fold)
    return [start for start, _end in wrap_offsets(text, width)[1:]]


def _text_area_wrap_offsets(text: str, width: int, tab_size: int, fold: bool = True,
                            precomputed_tab_sections: list | None = None) -> list[int]:
    """Textual's `compute_wrap_offsets` for a TextArea's lines, by the app's rules for a line
    with double-width characters and no tabs (a tab's width depends on where it falls)."""
    if "\t" in text or not any(_wide(char) for char in text):
        return _textual_wrap_offsets(text, width, tab_size, fold, precomputed_tab_sections)
    return divide_line(text, width, fold)


def use_app_line_breaks() -> None:
    """Make Textual wrap Chinese by the app's rules everywhere: its text (`Content`: labels,
    forms, findings, dialogs, toasts) and its TextArea break lines only at spaces and cut a
    Chinese line at any character, so a line could start with "，" or "。". Called once when
    the app starts; Textual is pinned (8.2.8), and a test shows the wrapping."""
    import textual.content
    import textual.document._wrapped_document as wrapped_document

    textual.content.divide_line = divide_line
    wrapped_document.compute_wrap_offsets = _text_area_wrap_offsets


def _rich_divide_line(text: str, width: int, fold: bool = True) -> list[int]:
    from rich._wrap import divide_line as rich_divide_line

    return rich_divide_line(text, width, fold)


def _textual_wrap_offsets(*args) -> list[int]:
    from textual._wrap import compute_wrap_offsets

    return compute_wrap_offsets(*args)


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and _SPACE.match(text[end - 1]):
        end -= 1
    return end


class Hanging:
    """`text` after `bullet`, later lines indented by the bullet's width plus `gap`.

    `bullet` may be plain or a styled `Text` ("✓" in green); an empty bullet gives a plain
    paragraph that still breaks Chinese properly. Line breaks in `text` start new lines
    at the same indent.
    """

    def __init__(
        self,
        text: str | Text,
        bullet: str | Text = BULLET,
        *,
        gap: int = 1,
        style: str = "",
        tail: Text | None = None,
    ) -> None:
        self.text = text if isinstance(text, Text) else Text(text, style=style)
        self.bullet = bullet if isinstance(bullet, Text) else Text(bullet, style=style)
        self.gap = gap if self.bullet.plain else 0
        # A short aside kept in one piece after the text ("(F1: more guidance)"): at the
        # end of the last line when it fits there, else on a line of its own.
        self.tail = tail

    @property
    def indent(self) -> int:
        return cell_len(self.bullet.plain) + self.gap

    def lines(self, width: int) -> list[Text]:
        """The lines of the text (without the bullet column) at a total width of `width`."""
        room = width - self.indent
        lines: list[Text] = []
        for paragraph in self.text.split("\n", allow_blank=True):
            lines.extend(paragraph[start:end] for start, end in wrap_offsets(paragraph.plain, room))
        tail = self.tail
        if tail is not None and tail.plain:
            if lines and cell_len(lines[-1].plain) + TAIL_GAP + cell_len(tail.plain) <= room:
                lines[-1] = Text.assemble(lines[-1], " " * TAIL_GAP, tail)
            else:
                lines.extend(tail[start:end] for start, end in wrap_offsets(tail.plain, room))
        return lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        first = self.bullet + Text(" " * self.gap)
        rest = Text(" " * self.indent)
        for number, line in enumerate(self.lines(width)):
            yield from (first if number == 0 else rest).render(console, end="")
            yield from line.render(console, end="")
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        plain = self.text.plain + (" " * TAIL_GAP + self.tail.plain if self.tail is not None else "")
        longest_line = max((cell_len(line) for line in plain.split("\n")), default=0)
        starts = [0, *break_points(plain), len(plain)]
        longest_piece = max((cell_len(plain[a:b].rstrip()) for a, b in zip(starts, starts[1:])), default=0)
        return Measurement(self.indent + min(longest_piece, 10), self.indent + longest_line).clamp(
            max_width=options.max_width
        )


def bullet_list(items: Iterable[str | Text], bullet: str | Text = BULLET, *, style: str = "") -> list[Hanging]:
    """One `Hanging` per item, for a `rich.console.Group`."""
    return [Hanging(item, bullet, style=style) for item in items]
