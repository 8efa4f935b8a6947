"""A text field: one line (`Input`) or prose (`TextArea`), for plain strings (the company,
the contact) or for translatable text.

Translatable text is shown and edited in the form's edit language. In the spec's own
language the field edits the source text; in another language it edits that language's
entry, shows the source text beside it, says whether the translation is missing or was
made from an older version of the source, and records the source's hash with each
translation (`wizard.spec.model.with_translation`).
"""

from __future__ import annotations

import unicodedata
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, TextArea

from wizard.app.labels import language_name
from wizard.app.widgets.field import FieldInput, FieldTextArea, FormField
from wizard.i18n import Translator
from wizard.spec.model import TRANSLATED_FROM, is_translated, source_hash, text_in, with_translation

_ = Translator("app").gettext

# Translation states a field can be in (CSS classes on the field, counted by the forms).
TRANSLATED, UNTRANSLATED, STALE, NOT_NEEDED = "translated", "untranslated", "stale", "not-needed"


def translation_state(value: Any, lang: str, source: str) -> str:
    """Whether a text value still needs translating into `lang`."""
    if lang == source:
        return NOT_NEEDED
    original = text_in(value, source, source) if not isinstance(value, dict) else value.get(source)
    if not isinstance(original, str) or not original.strip():
        return NOT_NEEDED  # nothing to translate yet
    if not is_translated(value, lang, source):
        return UNTRANSLATED
    hashes = value.get(TRANSLATED_FROM) if isinstance(value, dict) else None
    if isinstance(hashes, dict) and lang in hashes and hashes[lang] != source_hash(original):
        return STALE
    return TRANSLATED


class TextField(FormField):
    """A labelled text input; `multiline` gives a soft-wrapping TextArea for prose."""

    def __init__(
        self,
        label: str,
        path: tuple,
        value: Any = None,
        *,
        source_lang: str = "en",
        edit_lang: str | None = None,
        multiline: bool = False,
        translatable: bool = True,
        placeholder: str = "",
        help: str = "",
        compact: bool = True,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(label, path, value, help=help, id=id, classes=classes)
        self.source_lang = source_lang
        self.edit_lang = edit_lang or source_lang
        self.multiline = multiline
        self.translatable = translatable
        self.placeholder = placeholder
        self.compact = compact
        self.shown = self.text_of(value)
        self.add_class("-multiline" if multiline else "-single")

    @property
    def translating(self) -> bool:
        return self.translatable and self.edit_lang != self.source_lang

    def text_of(self, value: Any) -> str:
        """The text this field shows for a value."""
        if not self.translatable:
            return value if isinstance(value, str) else ("" if value is None else str(value))
        if not self.translating:
            return text_in(value, self.source_lang, self.source_lang) or ""
        if isinstance(value, dict):
            entry = value.get(self.edit_lang)
            return entry if isinstance(entry, str) else ""
        return ""

    def source_text(self) -> str:
        value = self.value
        if isinstance(value, dict):
            entry = value.get(self.source_lang)
            return entry if isinstance(entry, str) else ""
        return value if isinstance(value, str) else ""

    @property
    def translation_state(self) -> str:
        if not self.translating:
            return NOT_NEEDED
        return translation_state(self.value, self.edit_lang, self.source_lang)

    def compose_input(self) -> ComposeResult:
        placeholder = self.placeholder
        if self.translating and self.source_text():
            placeholder = _("Translation into %(language)s") % {"language": language_name(self.edit_lang)}
        if self.multiline:
            yield FieldTextArea(
                self.shown,
                soft_wrap=True,
                tab_behavior="focus",
                placeholder=placeholder,
                compact=self.compact,
                classes="field-input",
            )
        else:
            yield FieldInput(self.shown, placeholder=placeholder, compact=self.compact, classes="field-input")

    def initial_note(self) -> str:
        return self.translation_note()

    def translation_note(self) -> str:
        state = self.translation_state
        self.set_class(state == UNTRANSLATED, "-untranslated")
        self.set_class(state == STALE, "-stale")
        if state == NOT_NEEDED:
            return ""
        source = " ".join(self.source_text().split())
        original = _("%(language)s: %(text)s") % {"language": language_name(self.source_lang), "text": source}
        if state == UNTRANSLATED:
            return _("Not translated yet.") + "\n" + original
        if state == STALE:
            return _("The original changed after this was translated: check the translation.") + "\n" + original
        return original

    def on_value_emitted(self) -> None:
        self.set_note(self.translation_note())

    def new_value(self, text: str) -> Any:
        text = text.strip()
        if not self.translatable:
            return text
        return with_translation(self.value, self.edit_lang, self.source_lang, text)

    @on(Input.Changed, ".field-input")
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._typed(event.value)

    @on(TextArea.Changed, ".field-input")
    def _area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._typed(event.text_area.text)

    def _typed(self, text: str) -> None:
        if text == self.shown:
            return  # Textual's own event for the initial value, or no real change
        self.shown = text
        if text.strip() == self.text_of(self.value).strip():
            return  # only whitespace around the text changed
        self.emit(self.new_value(text))

    @property
    def input_widget(self) -> Input | TextArea:
        return self.query_one(".field-input")  # type: ignore[return-value]

    def insert_example(self, text: str) -> bool:
        """Put an example into the field: an empty field gets the example as it is; in a
        filled field it is appended after what is there (a space in a one-line field, a new
        paragraph in prose), never glued to the last word. The cursor ends after it.
        In a list of texts a filled item is left alone and the example becomes a new item."""
        from wizard.app.widgets.list_editor import ListRow

        row = self.parent
        if isinstance(row, ListRow) and row.editor.enter_adds and self.shown.strip():
            row.editor.call_later(row.editor.add, " ".join(text.split()), row)
            return True
        widget = self.input_widget
        if isinstance(widget, TextArea):
            _append_paragraph(widget, text.strip())
        else:
            kept = widget.value.rstrip()
            added = " ".join(text.split())
            widget.value = kept + _word_gap(kept) + added
            widget.cursor_position = len(widget.value)
        widget.focus()
        return True


def _word_gap(before: str) -> str:
    """What goes between text and an appended sentence on one line: nothing after an empty
    field or after Chinese (which has no spaces between sentences), else one space."""
    if not before:
        return ""
    return "" if unicodedata.east_asian_width(before[-1]) in ("W", "F") else " "


def _append_paragraph(area: TextArea, text: str) -> None:
    """Append `text` to a prose field as a paragraph of its own (one undo step), replacing
    any blank lines or spaces at the end, and put the cursor after it."""
    kept = area.text.rstrip()
    if not kept:
        area.replace(text, (0, 0), area.document.end)
    else:
        lines = kept.split("\n")
        area.replace("\n\n" + text, (len(lines) - 1, len(lines[-1])), area.document.end)
    area.move_cursor(area.document.end)
