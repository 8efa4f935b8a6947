"""The format-neutral document: sections of simple blocks, already in the target language.

All values are frozen dataclasses of strings and tuples, so two documents (or two
sections) compare with `==` and hash cheaply: the app re-renders only the sections
that changed. Block text is plain text exactly as it must read; every writer
escapes it for its own format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True)
class Paragraphs:
    """Running text: paragraphs (split at blank lines); single newlines are kept as line breaks."""

    paragraphs: tuple[str, ...]
    kind = "paragraphs"


@dataclass(frozen=True)
class Heading:
    """A sub-heading inside a section (level 3), or a top-level one for extra sections (level 2)."""

    text: str
    level: int = 3
    kind = "heading"


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]
    intro: str = ""  # e.g. "We will always:" (its colon comes from the catalog)
    kind = "bullets"


@dataclass(frozen=True)
class NumberedList:
    items: tuple[str, ...]
    intro: str = ""
    kind = "numbered"


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    kind = "table"


@dataclass(frozen=True)
class Fields:
    """Label: value pairs. `pattern` joins them, from the catalog ("%(label)s: %(value)s"; the
    Chinese catalog writes a full-width colon), so writers can emphasise the label alone."""

    items: tuple[tuple[str, str], ...]
    pattern: str = "%(label)s: %(value)s"
    kind = "fields"


@dataclass(frozen=True)
class Definitions:
    """Terms and their meanings (definitions, values); `pattern` as for Fields."""

    items: tuple[tuple[str, str], ...]
    pattern: str = "%(label)s: %(value)s"
    kind = "definitions"


Block = Union[Paragraphs, Heading, BulletList, NumberedList, Table, Fields, Definitions]


@dataclass(frozen=True)
class Section:
    """One part of the document. `key` is stable across languages and edits (see the contract's
    order); `heading` is empty only for the extra sections, which carry their own headings."""

    key: str
    heading: str
    blocks: tuple[Block, ...] = ()
    level: int = 2  # 1 for the title block


@dataclass(frozen=True)
class Document:
    lang: str
    title: str
    sections: tuple[Section, ...] = field(default_factory=tuple)
    audience: str = "internal"

    def section(self, key: str) -> Section | None:
        for section in self.sections:
            if section.key == key:
                return section
        return None

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(section.key for section in self.sections)
