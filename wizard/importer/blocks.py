"""What a reader makes of a document: a flat run of simple blocks, whatever the file format.

The importer never looks at Markdown, DOCX or HTML again after reading: one interpreter
works on these blocks, so every format maps to the policy by the same rules. Each block
remembers where it came from (a line, or a paragraph of a Word file) for the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Item:
    """A paragraph or a list item: its plain text, and the bold words it starts with, if any
    ("**Owner**: Ana" has the label "Owner"), which is how documents write "label: value"."""

    text: str
    label: str = ""


@dataclass(frozen=True)
class Block:
    """One heading, paragraph, list or table.

    kind: "heading" (text, level 1-6), "paragraph" (one Item), "bullets" / "numbered"
    (items), "table" (rows; the first row is the header)."""

    kind: str
    where: int
    text: str = ""
    level: int = 0
    label: str = ""
    items: tuple[Item, ...] = ()
    rows: tuple[tuple[str, ...], ...] = field(default=())

    @property
    def item(self) -> Item:
        return Item(self.text, self.label)


def heading(where: int, text: str, level: int) -> Block:
    return Block("heading", where, text=text.strip(), level=level)


def paragraph(where: int, text: str, label: str = "") -> Block:
    return Block("paragraph", where, text=text.strip(), label=label.strip())


def listing(where: int, items: list[Item], ordered: bool) -> Block:
    return Block("numbered" if ordered else "bullets", where, items=tuple(items))


def table(where: int, rows: list[tuple[str, ...]]) -> Block:
    return Block("table", where, rows=tuple(rows))
