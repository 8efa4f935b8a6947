"""The preview's Markdown drawn block by block, so that a key redraws only the block it changed.

A long section is one view of the preview: the definitions (44 terms) or the extra
sections (39 of them under one heading). Drawing the whole of it with rich's Markdown on
every key took 4-14 ms of the preview's thread (more while competing with the keys' thread
for the interpreter), and turning its lines into the screen's strips 2-5 ms of the keys'
thread. Now a section is parsed once per change (markdown-it, configured as rich's
Markdown configures it), cut into its top-level blocks (a heading, a paragraph, a whole
list, a table, ...), and each block's lines are drawn once per width and kept, under the
block's parsed tokens: a key redraws the one block whose tokens it changed. The screen
keeps each block's strips the same way (`SectionVisual`).

The blocks' lines put together are those of the whole section drawn at once (compared in
tests/app/test_markdown_blocks.py): rich renders the top-level elements one after the other,
each from an empty stack, and the one thing it carries from one to the next is whether the
element closed last asks for a blank line before the next one (`MarkdownElement.new_line`;
at a block's end that is the block's own top-level element). A block is drawn with that
flag as rich would have it there (an element that draws nothing, put in front of the
block, sets it), so the blank line is part of the block's lines. A block whose lines do not
end with a line break (nothing else would keep the next block off its last line) is drawn
together with the next one instead.
"""

from __future__ import annotations

import copy
import threading
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rich.segment import Segment

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions
    from rich.markdown import Markdown

# rich.markdown (with markdown-it and pygments) is imported on first use, in the preview's
# thread: importing it with the editor cost opening a file 28 ms.

Lines = list[list[Segment]]


@lru_cache(maxsize=1)
def _parser():
    """markdown-it as rich's Markdown sets it up (rich builds a new one per Markdown)."""
    from markdown_it import MarkdownIt

    return MarkdownIt().enable("strikethrough").enable("table")


@lru_cache(maxsize=1)
def _empty_markdown() -> "Markdown":
    from rich.markdown import Markdown

    return Markdown("", hyperlinks=False)


@lru_cache(maxsize=1)
def _blank_line_asked():
    """A token no element of rich's draws, whose element (`UnknownElement`) asks for a blank
    line before the next one, as most elements do."""
    from markdown_it.token import Token

    return Token("wizard_blank_line_asked", "", 0)


def _markdown_of(tokens: list, blank_line_asked: bool = False) -> "Markdown":
    """rich's Markdown of tokens parsed already (one block of a section), drawn as if the
    element before it had asked for a blank line or not."""
    markdown = copy.copy(_empty_markdown())
    markdown.parsed = [_blank_line_asked(), *tokens] if blank_line_asked else tokens
    return markdown


def _fingerprint(tokens: list) -> tuple:
    """Everything of the tokens that rich's Markdown reads (and a little more): two blocks
    with the same fingerprint are drawn the same."""
    return tuple(
        (
            token.type,
            token.tag,
            token.nesting,
            token.content,
            token.info,
            token.markup,
            token.hidden,
            tuple(token.attrs.items()) if token.attrs else (),
            _fingerprint(token.children) if token.children else (),
        )
        for token in tokens
    )


def _top_level_blocks(tokens: list) -> list[list]:
    """The tokens cut where a top-level element ends (rich's stack is empty there)."""
    blocks: list[list] = []
    current: list = []
    depth = 0
    for token in tokens:
        current.append(token)
        depth += token.nesting
        if depth <= 0:
            blocks.append(current)
            current, depth = [], 0
    if current:
        blocks.append(current)
    return blocks


def _asks_for_blank_line(block: list) -> bool:
    """Whether rich puts a blank line before what follows this top-level block: the
    `new_line` of its element, the last to close in it."""
    from rich.markdown import Markdown, UnknownElement

    return (Markdown.elements.get(block[0].type) or UnknownElement).new_line


class Block:
    """One top-level block of a section (or a few, drawn together): its tokens, whether the
    block before it asked for a blank line, and what tells its lines apart (`key`)."""

    __slots__ = ("tokens", "blank_line_asked", "key")

    def __init__(self, tokens: list, blank_line_asked: bool) -> None:
        self.tokens = tokens
        self.blank_line_asked = blank_line_asked
        self.key = (blank_line_asked, _fingerprint(tokens))


class BlockLines:
    """The lines of blocks drawn at a width, kept between renders (one per preview).

    Filled by the preview's thread and, for a width it did not draw (a resize), by the
    screen's; the lock keeps the two from dropping each other's lines. Bounded: past
    `limit` entries the older half is forgotten (the blocks on screen are drawn again).
    """

    def __init__(self, console: "Console", options: "ConsoleOptions", limit: int = 4000) -> None:
        self.console = console
        self.options = options
        self.limit = limit
        self._lines: dict[tuple, Lines | None] = {}
        self._lock = threading.Lock()

    def lines(self, block: Block, width: int) -> Lines | None:
        """The block's lines at `width`; None when they do not end with a line break."""
        key = (block.key, width)
        with self._lock:
            if key in self._lines:
                return self._lines[key]
        markdown = _markdown_of(block.tokens, block.blank_line_asked)
        segments = list(self.console.render(markdown, self.options.update_width(width)))
        lines: Lines | None = None
        if not segments or (not segments[-1].control and segments[-1].text.endswith("\n")):
            lines = list(Segment.split_and_crop_lines(segments, width, include_new_lines=False, pad=False))
        with self._lock:
            if len(self._lines) >= self.limit:
                for old in list(self._lines)[: self.limit // 2]:
                    del self._lines[old]
            self._lines[key] = lines
        return lines

    def whole(self, block: Block, width: int) -> Lines:
        """The lines of the last blocks of a section, which need not end with a line break."""
        markdown = _markdown_of(block.tokens, block.blank_line_asked)
        return self.console.render_lines(markdown, self.options.update_width(width), pad=False, new_lines=False)


class DrawnSection:
    """A section's Markdown as blocks whose lines are drawn once per width.

    Made in the preview's thread at the section's width (its height then tells the screen
    whether a layout is needed); the screen asks for other widths when it lays the section
    out at one (a cell more or less was seen, around the current section's accent border).
    """

    def __init__(self, markdown: str, width: int, cache: BlockLines) -> None:
        self.markdown = markdown
        self.cache = cache
        self.blocks = self._blocks(_top_level_blocks(_parser().parse(markdown)))
        self._drawn: dict[int, list[tuple[Any, Lines]]] = {}
        self.height = self.height_at(width)

    @staticmethod
    def _blocks(top_level: list[list]) -> list[Block]:
        blocks = []
        asked = False  # rich starts without a blank line
        for tokens in top_level:
            blocks.append(Block(tokens, asked))
            asked = _asks_for_blank_line(tokens)
        return blocks

    def drawn(self, width: int) -> list[tuple[Any, Lines]]:
        """(key, lines) of each block at `width`."""
        drawn = self._drawn.get(width)
        if drawn is None:
            drawn = self._drawn[width] = self._draw(width)
        return drawn

    def height_at(self, width: int) -> int:
        return sum(len(lines) for _key, lines in self.drawn(width))

    def _draw(self, width: int) -> list[tuple[Any, Lines]]:
        drawn: list[tuple[Any, Lines]] = []
        waiting: Block | None = None  # blocks whose lines run on into the next one's
        for index, block in enumerate(self.blocks):
            if waiting is not None:
                block = Block(waiting.tokens + block.tokens, waiting.blank_line_asked)
            lines = self.cache.lines(block, width)
            if lines is None:
                if index < len(self.blocks) - 1:
                    waiting = block
                    continue
                lines = self.cache.whole(block, width)
            waiting = None
            drawn.append((block.key, lines))
        return drawn

    def lines(self, width: int) -> Lines:
        """All the section's lines at `width`, as rich draws the whole section."""
        return [line for _key, lines in self.drawn(width) for line in lines]
