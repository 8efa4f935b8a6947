"""The frame every form field shares: a label, the input itself, an inline error shown as
the user types, a note (translation state, a formatted date, ...) and the quality findings
that concern the field.

Fields never touch the spec. They post `FieldChanged(field, path, value)`, only when the
user changed the value (programmatic updates and Textual's initial `Changed` events are
compared with the value the field holds and dropped), so opening a file and leaving it
alone writes nothing. `path` is absolute for a field placed directly in a form, and
relative to its record when the field sits in a `ListEditor` row; `full_path()` resolves it.

Text typed into a field that cannot be saved as it is (a date "2026-13-01", a number "abc")
is not a value: the spec keeps the last valid one. The field says why under the input and
posts `FieldInvalid(field, text, message)`, so the step form and the editor keep that text
(see `wizard.app.unsaved`) and can put it back with `restore_input` when the step is shown
again; `FieldInvalid` with an empty text says the field holds no such input any more.
"""

from __future__ import annotations

from typing import Any, Iterable

from rich.console import Group
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

from wizard.app.widgets.bullets import Hanging
from wizard.app.widgets.release import forget_closed_watchers, release_from_screen_signals
from wizard.i18n import Translator

_ = Translator("app").gettext


class FieldChanged(Message):
    """The user changed a field: `value` replaces what is at `path` (empty removes it)."""

    def __init__(self, field: Widget, path: tuple, value: Any) -> None:
        super().__init__()
        self.field, self.path, self.value = field, path, value


class FieldInvalid(Message):
    """The field holds typed `text` that cannot be saved (`message` says why); an empty
    `text` says it holds none any more."""

    def __init__(self, field: Widget, text: str, message: str) -> None:
        super().__init__()
        self.field, self.text, self.message = field, text, message


def alt_key_is_a_command(event: events.Key) -> None:
    """Alt+letter is a command (alt+n next step, alt+p back), never text. A terminal sends
    it as ESC + letter, which Textual reports as "alt+n" with the character "n", and an
    input would type that "n". Without its character the key goes on to the bindings."""
    if event.key.startswith("alt+") and event.character is not None:
        event.character = None


class FieldInput(Input):
    """An `Input` whose typing does not re-lay out the whole screen.

    Textual's Input sets its virtual width to the text's width on every keystroke, and a
    changed virtual size asks for a layout of the whole screen: in a form of a few hundred
    widgets that costs 20-40 ms per key. The box of a one-line field never depends on its
    text (its width comes from its container, its height is one line), and it scrolls its
    text itself, so here a new virtual size only redraws the field. (Earlier the virtual
    width was kept at the box's width while the text fitted; every key typed past the end
    of the box still laid out the screen.)

    Focus puts the cursor at the end of the text rather than selecting all of it (the
    first key typed would replace a whole company name), and a field without the focus
    shows the beginning of its text: a long list item is read from its start, not from
    wherever the cursor left it.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)

    virtual_size = Reactive(Size(0, 0), layout=False)

    def _on_key(self, event: events.Key) -> None:
        alt_key_is_a_command(event)  # (Input's own handler runs after this one)

    _cursor_on_blur = 0

    def _on_unmount(self) -> None:
        release_from_screen_signals(self)

    def _on_focus(self, event: events.Focus) -> None:
        # (Input's own handler runs after this one.) A click places the cursor itself;
        # back from another window (the terminal lost the focus), the cursor is where it was.
        if event.from_app_focus:
            self.cursor_position = min(self._cursor_on_blur, len(self.value))
        elif not self._selecting:
            self.cursor_position = len(self.value)

    def _on_blur(self, event: events.Blur) -> None:
        self._cursor_on_blur = self.cursor_position
        self.cursor_position = 0  # scrolls back to the start of the text


def focus_now(widget: Widget) -> None:
    """Move the focus at once. `Widget.focus()` defers it, so keys typed right after (say
    after Enter adds an item) would still go to the old field."""
    try:
        widget.screen.set_focus(widget)
    except Exception:  # not on a screen (yet)
        widget.focus()


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
        self.text = text
        self.set_class(not text, "-empty")

    def show(self, text: str) -> None:
        if text == self.text:
            return  # an update re-lays out the screen: never redo one for nothing
        self.text = text
        self.update(text)
        self.set_class(not text, "-empty")


def finding_lines(findings: Iterable[Any]) -> str:
    """Findings (wizard.check.Finding) as the lines shown under a field: message, then hint."""
    lines = []
    for finding in findings:
        # One string with its label, so each language punctuates it its own way
        # (Chinese: "警告：…" with a full-width colon and no space).
        if finding.severity == "error":
            template = _("Error: %(message)s")
        else:
            template = _("Warning: %(message)s")
        lines.append(template % {"message": finding.message})
        if finding.hint:
            lines.append(f"  {finding.hint}")
    return "\n".join(lines)


class FindingsNote(Note):
    """The findings of one field, coloured by the worst severity; a long hint wraps under
    its own first letter, not back to the margin."""

    def show_findings(self, findings: list) -> None:
        text = finding_lines(findings)
        if text != self.text:
            self.text = text
            self.update(Group(*(_hanging_line(line) for line in text.splitlines())) if text else "")
            self.set_class(not text, "-empty")
        self.set_class(any(f.severity == "error" for f in findings), "-error")


def _hanging_line(line: str) -> Hanging:
    """One line of `finding_lines`: a message, or a hint (indented two cells) that keeps
    its indent when it wraps."""
    if line.startswith("  "):
        return Hanging(line[2:], " ")
    return Hanging(line, "")


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
                focus_now(widget)
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
        self.add_class(*self.DEFAULT_CLASSES.split())  # `classes` replaces DEFAULT_CLASSES
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
        note = self.initial_note()
        if note:
            yield Note(note, classes="field-note")

    # The lines under the input are mounted when first needed: a form has dozens of
    # fields, and fewer widgets keep it quick to open.
    _LINES = ("field-help", "field-error", "field-note", "field-findings")

    def line(self, kind: str, create: bool = True) -> Note | None:
        """The note line of a kind ("field-error", ...), mounted in its place on demand."""
        for child in self.children:
            if child.has_class(kind):
                return child  # type: ignore[return-value]
        if not create:
            return None
        note = FindingsNote(classes=kind) if kind == "field-findings" else Note(classes=kind)
        order = self._LINES.index(kind)
        later = [
            child
            for child in self.children
            if any(child.has_class(name) for name in self._LINES[order + 1 :])
        ]
        if later:
            self.mount(note, before=later[0])
        else:
            self.mount(note)
        return note

    def set_findings(self, findings: list) -> None:
        note = self.line("field-findings", create=bool(findings))
        if note is not None:
            note.show_findings(findings)  # type: ignore[attr-defined]

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

    # -- input that cannot be saved ----------------------------------------------------

    #: what the user typed that cannot be saved, and why ("" and "" when there is none)
    invalid_text = ""
    invalid_message = ""

    def set_invalid(self, text: str, message: str) -> None:
        """Show why the typed `text` cannot be saved (`message`), or that all is well (an
        empty message), and tell the form when that changes, so the text is kept."""
        self.set_error(message)
        text = text if message else ""
        state = (text, self.unit_of_input if text else "", message)
        if state == self._invalid_state:
            return
        self._invalid_state = state
        self.invalid_text, self.invalid_unit, self.invalid_message = state
        self.post_message(FieldInvalid(self, text, message))

    _invalid_state = ("", "", "")
    invalid_unit = ""

    @property
    def unit_of_input(self) -> str:
        """The unit picked beside the number typed (durations), kept with an invalid text."""
        return ""

    def restore_input(self, text: str, unit: str = "") -> None:
        """Put back text typed earlier that could not be saved (the step is shown again, or
        a draft was restored): shown in the input with its error, as when it was typed."""

    def set_error(self, message: str | None) -> None:
        """Show (or clear) the inline error under the input."""
        note = self.line("field-error", create=bool(message))
        if note is not None:
            note.show(message or "")
        self.set_class(bool(message), "-invalid")

    @property
    def error(self) -> str:
        note = self.line("field-error", create=False)
        return "" if note is None else note.text

    def set_note(self, text: str) -> None:
        note = self.line("field-note", create=bool(text))
        if note is not None:
            note.show(text)

    @property
    def note(self) -> str:
        note = self.line("field-note", create=False)
        return "" if note is None else note.text

    @property
    def findings_text(self) -> str:
        note = self.line("field-findings", create=False)
        return "" if note is None else note.text

    def insert_example(self, text: str) -> bool:
        """Put an example text into the field; False when the field takes no text."""
        return False


class FieldTextArea(TextArea):
    """A `TextArea` for prose in a form: alt+letter keys reach the screen's bindings, and
    the focus (from the keyboard) puts the cursor at the end of the text, as in `FieldInput`:
    typing goes on from where the text stops instead of landing before it."""

    def _on_key(self, event: events.Key) -> None:
        alt_key_is_a_command(event)  # (TextArea's own handler runs after this one)

    def render_lines(self, crop: Region) -> list[Strip]:
        # Textual 8.2.8 can wrap a text area before it has its width (at width 0, that is
        # not at all) and, under load, miss the resize that follows: the text then runs
        # past the edge ("…every person wit"). Re-wrap whenever the width is stale.
        if self.soft_wrap and self.wrapped_document._width != self.wrap_width:
            self._rewrap_and_refresh_virtual_size()
        return super().render_lines(crop)

    def _on_unmount(self) -> None:
        release_from_screen_signals(self)
        forget_closed_watchers(self.app, "theme")  # (this one is closing already)

    def _on_focus(self, event: events.Focus) -> None:
        if event.from_app_focus:
            self.scroll_cursor_visible()  # back from another window: where it was
        elif not self._selecting:
            self.move_cursor(self.document.end)

    def _on_blur(self, event: events.Blur) -> None:
        self.scroll_to(0, 0, animate=False)  # shows the start of a long text
