"""The frame every form field shares: a label, the input itself, an inline error shown as
the user types, a note (translation state, a formatted date, ...) and the quality findings
that concern the field.

Fields never touch the spec. They post `FieldChanged(field, path, value)`, only when the
user changed the value (programmatic updates and Textual's initial `Changed` events are
compared with the value the field holds and dropped), so opening a file and leaving it
alone writes nothing. `path` is absolute for a field placed directly in a form, and
relative to its record when the field sits in a `ListEditor` row; `full_path()` resolves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Label, Static

from wizard.i18n import Translator

_ = Translator("app").gettext


@dataclass
class FieldChanged(Message):
    """The user changed a field: `value` replaces what is at `path` (empty removes it)."""

    field: Widget
    path: tuple
    value: Any


def full_path(widget: Widget) -> tuple | None:
    """The spec path a widget shows: its own `path_part` joined with those of the list rows
    and list editors around it. None when the widget sits in a row not yet in the data
    (a new, still blank list item)."""
    from wizard.app.steps.base import StepForm

    parts: tuple = ()
    node: Any = widget
    while node is not None and not isinstance(node, StepForm):
        part = getattr(node, "path_part", ())
        if part is None:
            return None
        parts = tuple(part) + parts
        node = node.parent
    return parts


class Note(Static):
    """A line of text that disappears when empty; never parses markup (it may hold user text)."""

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        super().__init__(text, markup=False, **kwargs)
        self.set_class(not text, "-empty")

    def show(self, text: str) -> None:
        self.update(text)
        self.set_class(not text, "-empty")


def finding_lines(findings: Iterable[Any]) -> str:
    """Findings (wizard.check.Finding) as the lines shown under a field: message, then hint."""
    lines = []
    for finding in findings:
        severity = getattr(finding, "severity", "warning")
        prefix = _("Error:") if severity == "error" else _("Warning:")
        lines.append(f"{prefix} {finding.message}")
        hint = getattr(finding, "hint", "")
        if hint:
            lines.append(f"  {hint}")
    return "\n".join(lines)


class FindingsNote(Note):
    """The findings of one field, coloured by the worst severity."""

    def show_findings(self, findings: list) -> None:
        self.show(finding_lines(findings))
        self.set_class(any(getattr(f, "severity", "") == "error" for f in findings), "-error")


class FindingTarget:
    """Mixin of widgets that can show findings and take the focus for a path."""

    path_part: tuple | None = ()

    def set_findings(self, findings: list) -> None:
        try:
            self.query_one(FindingsNote).show_findings(findings)  # type: ignore[attr-defined]
        except Exception:  # not mounted yet
            pass

    def focus_target(self, rest: tuple = ()) -> bool:
        """Focus the first input; `rest` is the part of the path below this widget."""
        for widget in self.query("*"):  # type: ignore[attr-defined]
            if widget.focusable:
                widget.focus()
                return True
        return False


class FormField(FindingTarget, Vertical):
    """Base of the fields: label, input (from `compose_input`), error, note and findings."""

    DEFAULT_CLASSES = "form-field"

    def __init__(
        self,
        label: str,
        path: tuple,
        value: Any = None,
        *,
        help: str = "",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.label = label
        self.path = tuple(path)
        self.path_part = self.path
        self.help = help
        self.value = value

    def compose(self) -> ComposeResult:
        if self.label:
            yield Label(self.label, markup=False, classes="field-label")
        yield from self.compose_input()
        if self.help:
            yield Note(self.help, classes="field-help")
        yield Note(classes="field-error")
        yield Note(self.initial_note(), classes="field-note")
        yield FindingsNote(classes="field-findings")

    def compose_input(self) -> ComposeResult:
        raise NotImplementedError

    def initial_note(self) -> str:
        return ""

    def on_click(self, event) -> None:
        if isinstance(event.widget, Label) and "field-label" in event.widget.classes:
            self.focus_target()

    # -- reporting -------------------------------------------------------------------

    def same_value(self, old: Any, new: Any) -> bool:
        """Whether `new` is what the field already holds (then nothing is reported)."""
        return old == new

    def emit(self, value: Any) -> None:
        """Report a user edit, unless it leaves the value as it was."""
        if self.same_value(self.value, value):
            return
        self.value = value
        self.post_message(FieldChanged(self, self.path, value))
        self.on_value_emitted()

    def on_value_emitted(self) -> None:
        """Hook: refresh notes after an edit."""

    def set_error(self, message: str | None) -> None:
        """Show (or clear) the inline error under the input."""
        self.query_one(".field-error", Note).show(message or "")
        self.set_class(bool(message), "-invalid")

    @property
    def error(self) -> str:
        note = self.query_one(".field-error", Note)
        return "" if note.has_class("-empty") else str(note.content)

    def set_note(self, text: str) -> None:
        self.query_one(".field-note", Note).show(text)

    def insert_example(self, text: str) -> bool:
        """Put an example text into the field; False when the field takes no text."""
        return False
