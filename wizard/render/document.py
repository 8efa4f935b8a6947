"""The format-neutral document: sections of simple blocks, already in the target language.

All values are immutable records of strings and tuples, so two documents (or two
sections) compare with `==` and hash cheaply: the app re-renders only the sections
that changed. Block text is plain text exactly as it must read; every writer
escapes it for its own format.
"""

from __future__ import annotations

from typing import Any, Union


class _Record:
    """A small immutable value: its fields are its `__slots__`; it compares and hashes by type
    and fields (like a frozen dataclass, without the import-time cost of generating one)."""

    __slots__: tuple[str, ...] = ()
    _defaults: dict[str, Any] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        names = self.__slots__
        if len(args) > len(names):
            raise TypeError(f"{type(self).__name__} takes at most {len(names)} arguments")
        values = dict(self._defaults)
        values.update(zip(names, args))
        for name, value in kwargs.items():
            if name not in names or names.index(name) < len(args):
                raise TypeError(f"{type(self).__name__}: unexpected or repeated argument {name!r}")
            values[name] = value
        for name in names:
            if name not in values:
                raise TypeError(f"{type(self).__name__}: missing argument {name!r}")
            object.__setattr__(self, name, values[name])

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def _fields(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._fields() == other._fields()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._fields()))

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({inner})"


class Paragraphs(_Record):
    """Running text: paragraphs (split at blank lines); single newlines are kept as line breaks."""

    __slots__ = ("paragraphs",)
    kind = "paragraphs"
    paragraphs: tuple[str, ...]


class Heading(_Record):
    """A sub-heading inside a section (level 3), or a top-level one for extra sections (level 2)."""

    __slots__ = ("text", "level")
    _defaults = {"level": 3}
    kind = "heading"
    text: str
    level: int


class BulletList(_Record):
    __slots__ = ("items", "intro")
    _defaults = {"intro": ""}  # e.g. "We will always:" (its colon comes from the catalog)
    kind = "bullets"
    items: tuple[str, ...]
    intro: str


class NumberedList(_Record):
    __slots__ = ("items", "intro")
    _defaults = {"intro": ""}
    kind = "numbered"
    items: tuple[str, ...]
    intro: str


class Table(_Record):
    """A table with one header row; `caption` names it for screen readers (HTML)."""

    __slots__ = ("header", "rows", "caption")
    _defaults = {"caption": ""}
    kind = "table"
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str


class Fields(_Record):
    """Label: value pairs. `pattern` joins them, from the catalog ("%(label)s: %(value)s"; the
    Chinese catalog writes a full-width colon), so writers can emphasise the label alone."""

    __slots__ = ("items", "pattern")
    _defaults = {"pattern": "%(label)s: %(value)s"}
    kind = "fields"
    items: tuple[tuple[str, str], ...]
    pattern: str


class Definitions(_Record):
    """Terms and their meanings (definitions, values); `pattern` as for Fields."""

    __slots__ = ("items", "pattern")
    _defaults = {"pattern": "%(label)s: %(value)s"}
    kind = "definitions"
    items: tuple[tuple[str, str], ...]
    pattern: str


Block = Union[Paragraphs, Heading, BulletList, NumberedList, Table, Fields, Definitions]


class Section(_Record):
    """One part of the document. `key` is stable across languages and edits (see the contract's
    order); `heading` is empty only for the extra sections, which carry their own headings."""

    __slots__ = ("key", "heading", "blocks", "level")
    _defaults = {"blocks": (), "level": 2}  # level 1 for the title block
    key: str
    heading: str
    blocks: tuple[Block, ...]
    level: int


class Document(_Record):
    """`owner` and `version` (formatted) are for the file's properties and page footers.
    `fallbacks` pairs each author text that is not in the document's language (a field with
    no translation, shown in the spec's own language) with the language it is in, so that
    writers can mark it (HTML `lang`, Word `w:lang`) for spelling, speech and fonts."""

    __slots__ = ("lang", "title", "sections", "audience", "owner", "version", "fallbacks")
    _defaults = {"sections": (), "audience": "internal", "owner": "", "version": "", "fallbacks": ()}
    lang: str
    title: str
    sections: tuple[Section, ...]
    audience: str
    owner: str
    version: str
    fallbacks: tuple[tuple[str, str], ...]

    def fallback_languages(self) -> dict[str, str]:
        """Text -> the language it is in, for the texts shown in another language."""
        return dict(self.fallbacks)

    def section(self, key: str) -> Section | None:
        for section in self.sections:
            if section.key == key:
                return section
        return None

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(section.key for section in self.sections)
