"""What every step form shares, on top of the `StepForm` contract: field helpers that read
the current values from the spec, reporting field edits as `StepForm.Changed`, placing
findings at their fields, jumping to a path, inserting guidance examples and the summary
of what is still untranslated in the edit language."""

from __future__ import annotations

from typing import Any, Callable, ClassVar, Iterable, Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Input, Label, TextArea

from wizard.app.labels import language_name, unit_label
from wizard.app.steps import fields
from wizard.app.steps.base import StepForm
from wizard.app.ui import list_text, sentences
from wizard.app.widgets.choice import Checklist, ChoiceField
from wizard.app.widgets.date_input import DateInput
from wizard.app.widgets.duration_picker import DurationPicker
from wizard.app.unsaved import UnsavedInput
from wizard.app.widgets.field import (
    FieldChanged,
    FieldInvalid,
    FindingsNote,
    FindingTarget,
    FormField,
    Note,
    full_path,
)
from wizard.app.widgets.list_editor import ListEditor, ListRow
from wizard.app.widgets.number_field import IntegerField, PercentField
from wizard.app.widgets.text_field import STALE, UNTRANSLATED, TextField
from wizard.i18n import Translator, ui_language
from wizard.spec.model import MAX_MONTHS, get_at

_ = Translator("app").gettext
ngettext = Translator("app").ngettext


def _msg(msgid: str) -> str:
    """A declared text in the UI language; an empty one stays empty (gettext("") would give
    the catalog's header)."""
    return _(msgid) if msgid else ""


class Form(StepForm):
    """A step form built from field widgets: a subclass declares its `FIELDS` (see
    `wizard.app.steps.fields`) or, for what no declaration covers, `compose_fields`."""

    DEFAULT_CLASSES = "step-form"
    FIELDS: ClassVar[tuple] = ()

    # While the form is being built: the lines of the screen its lists still have to fill
    # (see `ListEditor.rows_in_first_frame`); None once it is mounted.
    lines_to_fill: int | None = None

    def compose(self) -> ComposeResult:
        self.lines_to_fill = (self.parent.size.height if self.parent is not None else 0) or self.app.size.height
        yield Note(classes="form-translation")
        yield FindingsNote(classes="form-findings")
        yield from self.compose_fields()

    def compose_fields(self) -> ComposeResult:
        for declared in self.FIELDS:
            yield self.build(declared)

    def on_mount(self) -> None:
        self.lines_to_fill = None  # lists added from now on come whole
        self.update_translation_summary()

    def shown(self) -> None:
        """The rows of long lists that wait for the form to be shown come after its first frame."""
        for lists in self.query(ListEditor):
            lists.mount_rows_left()

    # -- building fields ---------------------------------------------------------------

    def value(self, path: tuple) -> Any:
        return get_at(self.data, tuple(path))

    def build(self, declared: Any, item: Any = None, relative: bool = False) -> Widget:
        """The widget of a declared field; `relative` in a list row, whose `item` holds the value."""
        path = tuple(declared.path)
        value = get_at(item, path) if relative else self.value(path)
        if isinstance(declared, fields.Text):
            return self.text(
                _(declared.label),
                path,
                value,
                multiline=declared.multiline,
                translatable=declared.translatable,
                placeholder=_msg(declared.placeholder),
                help=_msg(declared.help),
                absolute=not relative,
            )
        if isinstance(declared, fields.Duration):
            return DurationPicker(_(declared.label), path, value, default_unit=declared.default_unit)
        if isinstance(declared, fields.Months):
            return IntegerField(
                _(declared.label),
                path,
                value,
                minimum=1,
                maximum=MAX_MONTHS,
                unit=lambda months: unit_label("month", months),
                placeholder=_("e.g. 12"),
                help=_msg(declared.help),
            )
        if isinstance(declared, fields.Date):
            return DateInput(_(declared.label), path, value)
        if isinstance(declared, fields.Choice):
            return ChoiceField(
                _(declared.label),
                path,
                value,
                declared.keys,
                declared.labeler,
                allow_blank=declared.allow_blank,
                prompt=_msg(declared.prompt),
                help=_msg(declared.help),
            )
        if isinstance(declared, fields.Ticks):
            return Checklist(_(declared.label), path, value, declared.keys, declared.labeler, help=_msg(declared.help))
        if isinstance(declared, fields.TextList):
            return self.text_list(
                path,
                label=_msg(declared.label),
                placeholder=_msg(declared.placeholder),
                add_label=_msg(declared.add_label),
                id=declared.id,
            )
        if isinstance(declared, fields.Records):
            return self.records(declared)
        raise TypeError(f"not a field declaration: {declared!r}")

    def records(self, declared: fields.Records) -> ListEditor:
        """A list of records whose rows show the declared fields of each item."""

        def build(editor: ListEditor, item: Any) -> Iterable[Widget]:
            item = item if isinstance(item, dict) else {}
            for row_field in declared.fields:
                yield self.build(row_field, item, relative=True)

        return ListEditor(
            declared.path,
            self.value(declared.path),
            build,
            label=_(declared.label),
            new_item=dict,
            describe=self.describe_key(declared.name_key),
            key_order=declared.key_order,
            add_label=_(declared.add_label),
            empty_text=_(declared.empty_text),
            **declared.options,
        )

    def kind_list(
        self,
        path: tuple,
        kind_key: str,
        labeler: Callable[[str], str],
        kinds: Sequence[str],
        build: Callable[[dict], Iterable[Widget]],
        *,
        unique: bool = True,
        other_name: str = "",
        **options: Any,
    ) -> ListEditor:
        """A list of records of a kind picked when adding one (a channel, a metric, a kind
        of procedure): the add menu offers the kinds (each once when `unique`, "other" any
        number of times), each row is headed by its kind, and an "other" row asks for its
        name when `other_name` labels that field. `build` yields the rest of a row."""

        def row(editor: ListEditor, item: Any) -> Iterable[Widget]:
            item = item if isinstance(item, dict) else {}
            yield Label(labeler(item.get(kind_key) or ""), markup=False, classes="row-title")
            if other_name and item.get(kind_key) == "other":
                yield self.text(other_name, ("name",), item.get("name"), absolute=False, compact=True)
            yield from build(item)

        options.setdefault("describe", lambda item: labeler(item.get(kind_key, "")) if isinstance(item, dict) else "")
        return ListEditor(
            path,
            self.value(path),
            row,
            new_item=lambda kind="": {kind_key: kind} if kind else {},
            add_choices=[(labeler(key), key) for key in kinds],
            unique_key=kind_key if unique else None,
            **options,
        )

    def text(
        self,
        label: str,
        path: tuple,
        value: Any = None,
        *,
        multiline: bool = False,
        translatable: bool = True,
        placeholder: str = "",
        help: str = "",
        absolute: bool = True,
        compact: bool = True,
    ) -> TextField:
        """A text field; in a list row pass the item's value and a relative path."""
        return TextField(
            label,
            path,
            self.value(path) if absolute else value,
            source_lang=self.source_lang,
            edit_lang=self.edit_lang,
            multiline=multiline,
            translatable=translatable,
            placeholder=placeholder,
            help=help,
            compact=compact,
        )

    def text_list(
        self,
        path: tuple,
        *,
        label: str = "",
        placeholder: str = "",
        add_label: str = "",
        empty_text: str = "",
        id: str | None = None,
        items: Any = None,
        nested: bool = False,
    ) -> ListEditor:
        """A list of translatable one-line texts (commitments, steps, resources); `nested`
        lists sit in a record's row: `path` is relative and `items` the record's value."""

        def build(editor: ListEditor, item: Any) -> Iterable[Widget]:
            yield self.text("", (), item, absolute=False, placeholder=placeholder, compact=True)

        return ListEditor(
            path,
            items if nested else self.value(path),
            build,
            label=label,
            new_item=str,
            describe=self.describe_text,
            add_label=add_label,
            enter_adds=True,
            empty_text=empty_text,
            id=id,
        )

    def describe_text(self, value: Any) -> str:
        from wizard.spec.model import text_in

        return text_in(value, self.edit_lang, self.source_lang) or ""

    def describe_key(self, key: str) -> Callable[[Any], str]:
        return lambda item: self.describe_text(item.get(key)) if isinstance(item, dict) else ""

    # -- edits -------------------------------------------------------------------------

    @on(FieldChanged)
    def _field_changed(self, event: FieldChanged) -> None:
        event.stop()
        path = full_path(event.field) if event.field is not None else None
        self.change(path if path is not None else tuple(event.path), event.value)
        self.call_after_refresh(self.update_translation_summary)
        if event.field is not None and isinstance(event.field, ListEditor) and self._reported_unsaved:
            # a row moved or went away: the paths of the input kept in its fields changed (or
            # an item was renamed: the labels). Only while the step holds such input: a field
            # that takes some tells the form itself (FieldInvalid), and collecting from every
            # field of a long list took 4-7 ms on each key typed into it.
            self.call_after_refresh(self.report_unsaved)

    # -- input that cannot be saved ----------------------------------------------------

    _reported_unsaved: dict | None = None

    @on(FieldInvalid)
    def _field_invalid(self, event: FieldInvalid) -> None:
        event.stop()
        self.report_unsaved()

    def unsaved_inputs(self) -> dict[tuple, UnsavedInput]:
        """What the fields of this step hold that cannot be saved, by path."""
        entries: dict[tuple, UnsavedInput] = {}
        for field in self.query(FormField):
            if not field.invalid_text:
                continue
            path = full_path(field)
            if path:
                entries[path] = UnsavedInput(
                    path,
                    field.invalid_text,
                    self.unsaved_label(field),
                    field.invalid_message,
                    field.invalid_unit,
                    ui_language(),
                )
        for path, entry in self._unsaved_waiting.items():
            entries.setdefault(path, entry)
        return entries

    def report_unsaved(self) -> None:
        """Tell the editor what this step holds that cannot be saved, when that changed."""
        if not self.is_attached:
            return
        entries = self.unsaved_inputs()
        if entries != self._reported_unsaved:
            self._reported_unsaved = entries
            self.post_message(self.UnsavedChanged(self.step_key, entries))

    def unsaved_label(self, field: FormField) -> str:
        """How the review names a field: its label, after its item's name in a list
        ("Email › First response within")."""
        row = _ancestor(field, ListRow, self)
        if row is None:
            return field.label
        item = row.editor.describe(row.item) or row.editor.number_label(row.number)  # "Level 2"
        return _("%(item)s › %(field)s") % {"item": item, "field": field.label} if field.label else item

    def restore_unsaved(self, entries: dict) -> None:
        self._restore_input(entries)
        # The step's set as its fields hold it now (renewed labels, or without an entry
        # whose field is gone); told only when it differs, so a plain step change costs nothing.
        self._reported_unsaved = dict(entries)
        self.report_unsaved()

    # Input kept for fields in rows not mounted yet (a long list's rows come just after the
    # first frame): it is theirs once they are there, and counts as the step's meanwhile.
    _unsaved_waiting: dict = {}

    def _restore_input(self, entries: dict) -> None:
        if not entries:  # (the usual case: no walk over every field of the step)
            self._unsaved_waiting = {}
            return
        waiting = dict(entries)
        for field in self.query(FormField):
            path = full_path(field)
            entry = waiting.pop(path, None) if path else None
            if entry is not None:
                field.restore_input(entry.text, entry.unit)
        self._unsaved_waiting = {path: entry for path, entry in waiting.items() if self._in_rows_to_come(path)}

    def _in_rows_to_come(self, path: tuple) -> bool:
        """Whether `path` leads into an item whose row is not mounted yet."""
        for editor in self.query(ListEditor):
            base = full_path(editor)
            if editor.pending and base is not None and tuple(path[: len(base)]) == base:
                return True
        return False

    # Enter in a one-line field goes on to the next field (in a list of texts: adds the
    # next item). A priority binding, not `Input.Submitted`: the binding runs as the key
    # arrives, so keys typed right after Enter already go to the next field, where a
    # message would be handled after them and they would land in the old field.
    BINDINGS = [Binding("enter", "enter_key", show=False, priority=True)]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "enter_key":
            focused = self.screen.focused if self.is_attached else None
            return isinstance(focused, Input) and _ancestor(focused, Form, None) is self
        return True

    async def action_enter_key(self) -> None:
        focused = self.screen.focused
        row = _ancestor(focused, ListRow, self)
        if row is not None and row.editor.enter_adds:
            if await row.editor.enter_in(row, focused.value):
                return
            # Enter on an empty last item: on past the list (and its own Add button)
            self.screen.focus_next()
            for _attempt in range(3):  # the list's Add button, then what follows the list
                if _ancestor(self.screen.focused, ListEditor, self) is not row.editor:
                    break
                self.screen.focus_next()
            return
        self.screen.focus_next()

    # -- translations ------------------------------------------------------------------

    def text_fields(self) -> list[TextField]:
        return [field for field in self.query(TextField) if field.translatable]

    def untranslated(self) -> list[TextField]:
        return [field for field in self.text_fields() if field.translation_state in (UNTRANSLATED, STALE)]

    def update_translation_summary(self) -> None:
        notes = self.query_children(".form-translation")
        if not notes:  # called after a change, when the user has already moved on
            return
        note = notes.first(Note)
        if self.edit_lang == self.source_lang:
            note.show("")
            return
        missing = [f for f in self.text_fields() if f.translation_state == UNTRANSLATED]
        stale = [f for f in self.text_fields() if f.translation_state == STALE]
        language = language_name(self.edit_lang)
        parts = []
        if missing:
            parts.append(
                ngettext(
                    "%(count)s text on this step is not translated into %(language)s yet.",
                    "%(count)s texts on this step are not translated into %(language)s yet.",
                    len(missing),
                )
                % {"count": len(missing), "language": language}
            )
        if stale:
            parts.append(
                ngettext(
                    "%(count)s translation is older than its original.",
                    "%(count)s translations are older than their originals.",
                    len(stale),
                )
                % {"count": len(stale)}
            )
        if not parts:
            parts.append(_("Everything on this step is translated into %(language)s.") % {"language": language})
        else:
            names = [self.field_name(field) for field in missing + stale]
            shown = list_text(list(dict.fromkeys(name for name in names if name)))
            if shown:
                parts.append(_("To do: %(fields)s.") % {"fields": shown})
            parts.append(
                _("The original text is shown under each field.")
            )
        note.show(sentences(parts))
        note.set_class(bool(missing or stale), "-pending")

    def field_name(self, field: TextField) -> str:
        """How the translation summary names a field: its label, with the item number
        ("Value 2") inside a list."""
        row = _ancestor(field, ListRow, self)
        if row is None:
            return field.label
        number = row.number or 0
        label = field.label or row.editor.label
        return _("%(field)s %(number)s") % {"field": label, "number": number} if label else ""

    # -- findings and focus ------------------------------------------------------------

    def _targets(self) -> list[tuple[tuple, Widget]]:
        targets = []
        for widget in self.query("*"):
            if isinstance(widget, FindingTarget):
                path = full_path(widget)
                if path is not None and path:
                    targets.append((path, widget))
        return targets

    def _target_for(self, path: tuple, targets: list[tuple[tuple, Widget]]) -> tuple[tuple, Widget] | None:
        best = None
        for target_path, widget in targets:
            if tuple(path[: len(target_path)]) == target_path:
                if best is None or len(target_path) >= len(best[0]):  # ties: the innermost widget
                    best = (target_path, widget)
        return best

    _findings: list = []

    @on(ListEditor.RowsMounted)
    def _rows_mounted(self, event: ListEditor.RowsMounted) -> None:
        """Rows of a long list arrived after the form was shown: their translation state
        and findings count now."""
        event.stop()
        if self._unsaved_waiting:
            self._restore_input(self._unsaved_waiting)
            self.report_unsaved()
        self.update_translation_summary()
        if self._findings:
            self.show_findings(self._findings)

    def show_findings(self, findings: list) -> None:
        self._findings = list(findings)
        targets = self._targets()
        placed: dict[int, list] = {id(widget): [] for _path, widget in targets}
        general: list = []
        for finding in findings:
            match = self._target_for(tuple(getattr(finding, "path", ()) or ()), targets)
            if match is None:
                general.append(finding)
            else:
                placed[id(match[1])].append(finding)
        for _path, widget in targets:
            widget.set_findings(placed[id(widget)])  # type: ignore[attr-defined]
        self.query_children(".form-findings").first(FindingsNote).show_findings(general)

    def focus_path(self, path: tuple) -> None:
        match = self._target_for(tuple(path), self._targets())
        if match is None:
            for widget in self.query("*"):
                if widget.focusable:
                    widget.focus()
                    return
            return
        target_path, widget = match
        widget.focus_target(tuple(path[len(target_path) :]))  # type: ignore[attr-defined]
        widget.scroll_visible()
        # a form just shown has no layout yet: scroll again once it has one
        self.call_after_refresh(widget.scroll_visible, animate=False)

    # -- guidance examples --------------------------------------------------------------

    def primary_list(self) -> ListEditor | None:
        """The list that example items go to when no list has the focus."""
        editors = list(self.query(ListEditor))
        return editors[0] if editors else None

    def insert_example(self, text_or_items: str | Sequence[Any]) -> bool:
        """Insert an example: text into the focused text field (else the first empty one),
        items at the end of the focused list (else the step's main list)."""
        focused = self.screen.focused if self.is_mounted else None
        if isinstance(text_or_items, str):
            field = _ancestor(focused, FormField, self)
            if field is None:
                empty = [f for f in self.query(TextField) if not f.shown.strip()]
                field = empty[0] if empty else next(iter(self.query(TextField)), None)
            return bool(field is not None and field.insert_example(text_or_items))
        editor = _ancestor(focused, ListEditor, self) or self.primary_list()
        if editor is None:
            return False
        editor.insert_items(list(text_or_items))
        return True


def _ancestor(widget: Widget | None, kind: type, stop: Widget) -> Any:
    node = widget
    while node is not None and node is not stop:
        if isinstance(node, kind):
            return node
        node = node.parent
    return None


__all__ = [
    "Form",
    "TextField",
    "DurationPicker",
    "DateInput",
    "IntegerField",
    "PercentField",
    "ChoiceField",
    "Checklist",
    "ListEditor",
    "ListRow",
    "Input",
    "TextArea",
]
