"""Input that cannot be saved yet: what the user typed into a date, number or duration
field that is not valid ("2026-13-01", "abc hours").

Such text never reaches the spec (the saved file must stay valid; the spec keeps the
field's last valid value, or nothing). But it is the user's work, so it is never
dropped either: the editor keeps one `UnsavedInput` per field, the field shows it
again when its step comes back, the sidebar and the review step point at it, saving
says which fields were left out, and the autosaved draft carries it (in the draft's
metadata, beside the valid spec data) so the recover flow puts it back into the field.

This module holds the data and its draft form only (no Textual), so the draft store
and the tests can use it without the UI.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable


@dataclass(frozen=True)
class UnsavedInput:
    """One field's typed text that cannot be saved.

    `path`: the spec path the field edits (absolute). `text`: what the user typed, exactly.
    `unit`: for a duration, the unit picked beside the number (else ""). `label`: how the
    field is named to the user ("Effective date", "Email › First response within").
    `message`: why it cannot be saved. Label and message are in the UI language `lang` of
    the moment they were typed; a field shown again renews them, and until then another
    UI language shows the step's title and a general sentence instead (see `describe`).
    """

    path: tuple
    text: str
    label: str = ""
    message: str = ""
    unit: str = ""
    lang: str = ""


def to_draft(entries: Iterable[UnsavedInput]) -> list[dict]:
    """Plain data for the draft's metadata (YAML-safe: lists, strings, ints)."""
    result = []
    for entry in entries:
        item: dict[str, Any] = {"path": list(entry.path), "text": entry.text}
        if entry.unit:
            item["unit"] = entry.unit
        if entry.label:
            item["label"] = entry.label
        if entry.message:
            item["message"] = entry.message
        if entry.lang:
            item["lang"] = entry.lang
        result.append(item)
    return result


def from_draft(raw: Any) -> dict[tuple, UnsavedInput]:
    """The entries of a draft's metadata, by path; anything malformed is skipped (a draft
    edited by hand, or written by another version, must still restore its spec)."""
    entries: dict[tuple, UnsavedInput] = {}
    if not isinstance(raw, (list, tuple)):
        return entries
    for item in raw:
        if not isinstance(item, dict):
            continue
        path, text = item.get("path"), item.get("text")
        if not isinstance(path, list) or not path or not isinstance(text, str) or not text:
            continue
        if not all(isinstance(part, (str, int)) and not isinstance(part, bool) for part in path):
            continue
        strings = {
            key: item.get(key) if isinstance(item.get(key), str) else "" for key in ("label", "message", "unit", "lang")
        }
        entries[tuple(path)] = UnsavedInput(tuple(path), text, **strings)
    return entries


def top_keys(entries: Iterable[UnsavedInput]) -> list[str]:
    """The top-level spec keys the entries belong to (for "sections that differ")."""
    keys: list[str] = []
    for entry in entries:
        head = entry.path[0] if entry.path else None
        if isinstance(head, str) and head not in keys:
            keys.append(head)
    return keys


def sections_differing(changed: list[str], raw: Any) -> list[str]:
    """The sections a draft differs in (`changed`, from `storage.changed_sections`), with
    those where it keeps typed input (`raw`, `DraftInfo.unsaved`) that the file lacks."""
    return list(changed) + [key for key in top_keys(from_draft(raw).values()) if key not in changed]


# -- how an entry is shown (in the UI language, at display time) ------------------------


def typed_text(entry: UnsavedInput) -> str:
    """What the user sees in the field: the text, and for a duration the unit beside it."""
    if not entry.unit:
        return entry.text
    from wizard.app.labels import unit_label

    return f"{entry.text} {unit_label(entry.unit, 2)}"


def _current(entry: UnsavedInput) -> bool:
    """Whether the entry's label and message are in the UI language now."""
    from wizard.i18n import ui_language

    return entry.lang in ("", ui_language())


def describe(entry: UnsavedInput, step_title: str) -> str:
    """One line naming the field and what was typed: "Basics › Effective date: “2026-13-01”"
    (only the step when the label is in another language than the UI's)."""
    from wizard.i18n import Translator

    _ = Translator("app").gettext
    if entry.label and _current(entry):
        return _("%(step)s › %(field)s: “%(text)s”") % {"step": step_title, "field": entry.label, "text": typed_text(entry)}
    return _("%(field)s: “%(text)s”") % {"field": step_title, "text": typed_text(entry)}


def reason(entry: UnsavedInput) -> str:
    """Why the input cannot be saved, in the UI language."""
    from wizard.i18n import Translator

    if entry.message and _current(entry):
        return entry.message
    return Translator("app").gettext("This is not valid yet: open the field to see why.")


def kept_text(value: Any) -> str:
    """What the file holds for the field meanwhile: its last valid value, or nothing."""
    from wizard.i18n import Translator
    from wizard.spec.model import is_empty, parse_duration

    _ = Translator("app").gettext
    if is_empty(value):
        return _("The file leaves this field empty until it is fixed.")
    duration = parse_duration(value) if isinstance(value, str) else None
    if duration is not None:
        from wizard.app.labels import unit_label

        value = f"{duration.amount} {unit_label(duration.unit, duration.amount)}"
    return _("The file keeps the earlier value: %(value)s") % {"value": value}
