"""The change notice as data: sections of one-sentence changes, already in the notice's language.

A reworded text carries its old and new wording split into segments, each marked
changed or not, so every writer (Markdown, HTML, plain text, the app) can show the
words that changed in its own way.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """A run of text in a reworded passage; `changed` when it was removed (old) or added (new)."""

    text: str
    changed: bool


@dataclass(frozen=True)
class Change:
    """One change, as one sentence; a reworded text also has its `before` and `after`
    wording, and an added item the `details` a reader needs (its fields)."""

    text: str
    before: tuple[Segment, ...] = ()
    after: tuple[Segment, ...] = ()
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class NoticeSection:
    key: str
    heading: str
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Notice:
    """What changed between two versions of a policy, section by section."""

    lang: str
    title: str
    subtitle: str
    sections: tuple[NoticeSection, ...]
    # Labels of the reworded passages ("Before: %(text)s"), in the notice's language.
    before_label: str = "%(text)s"
    after_label: str = "%(text)s"
    no_changes: str = ""

    @property
    def empty(self) -> bool:
        return not self.sections

    @property
    def changes(self) -> list[Change]:
        return [change for section in self.sections for change in section.changes]
