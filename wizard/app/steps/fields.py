"""The fields a step declares, as data: what each field is, where its value lives in the
spec, and its words. `Form.build` turns a declaration into its widget, so every step
builds the same kind of field the same way, and a step module says only what is its own.

Labels, placeholders and help texts are English msgids (domain `app`, marked with `N_`),
translated when the form is built: a form built after a switch of the UI language shows
the new language. In a `Records` list the fields' paths are relative to the item.

Each kind is a `NamedTuple`: read-only records, made when a step's module is imported (the
basics' at start-up). A frozen dataclass costs about 0.75 ms to create, a NamedTuple 0.1:
as dataclasses, these nine were 5 ms of the editor's start. `Form.build` tells them apart
by their class.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Callable, Mapping, NamedTuple


class Text(NamedTuple):
    """A text field: one line, or prose (soft-wrapped, several lines) when `multiline`."""

    label: str
    path: tuple
    placeholder: str = ""
    help: str = ""
    multiline: bool = False
    translatable: bool = True


def Prose(label: str, path: tuple, **kwargs: Any) -> Text:
    """A text field for a paragraph or two."""
    return Text(label, path, multiline=True, **kwargs)


class Duration(NamedTuple):
    """A number and a unit ("24 hours"); `default_unit` is the unit of a new value."""

    label: str
    path: tuple
    default_unit: str = "hour"


class Months(NamedTuple):
    """A cycle in months, 1 to 120 (review, refresher training); the unit word agrees with
    the number as it is typed."""

    label: str
    path: tuple
    help: str = ""


class Date(NamedTuple):
    """A date typed as YYYY-MM-DD."""

    label: str
    path: tuple


class Choice(NamedTuple):
    """One of the spec's fixed keys, each shown as `labeler(key)` (a drop-down); blank
    allowed unless `allow_blank` is False. `prompt` is what a blank choice shows (say, the
    default that applies)."""

    label: str
    path: tuple
    keys: tuple
    labeler: Callable[[str], str]
    help: str = ""
    allow_blank: bool = True
    prompt: str = ""


class Ticks(NamedTuple):
    """Several of the spec's fixed keys, each shown as `labeler(key)` (a checklist)."""

    label: str
    path: tuple
    keys: tuple
    labeler: Callable[[str], str]
    help: str = ""


class TextList(NamedTuple):
    """A list of translatable one-line texts (commitments, resources)."""

    path: tuple
    label: str = ""
    placeholder: str = ""
    add_label: str = ""
    id: str | None = None


class Records(NamedTuple):
    """A list of records (terms, values, levels, sections), each shown with `fields` (paths
    relative to the item) and named in messages by its `name_key` ("Removed “SLA”").
    `options` go to the `ListEditor` as they are (renumbering, a row label, ...)."""

    path: tuple
    fields: tuple
    label: str
    key_order: tuple
    add_label: str
    empty_text: str
    name_key: str
    options: Mapping = MappingProxyType({})
