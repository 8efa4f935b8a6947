"""Choosing among the spec's fixed keys: one (a `Select`) or several (a checklist).

Both show localized labels and report keys. A checklist keeps the order the keys had in
the file and adds newly ticked ones at the end, so unticking one key changes nothing else.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from rich.segment import Segment
from rich.style import Style
from textual import on
from textual.app import ComposeResult
from textual.strip import Strip
from textual.widgets import Select, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

from wizard.app.widgets.field import FormField
from wizard.i18n import Translator

_ = Translator("app").gettext


class ChoiceField(FormField):
    """One key out of `keys`; blank allowed unless `allow_blank=False`."""

    DEFAULT_CLASSES = "form-field choice-field"

    def __init__(
        self,
        label: str,
        path: tuple,
        value: Any,
        keys: Sequence[str],
        labeler: Callable[[str], str],
        *,
        allow_blank: bool = True,
        prompt: str = "",
        compact: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(label, path, value, **kwargs)
        self.keys, self.labeler, self.allow_blank = list(keys), labeler, allow_blank
        self.prompt = prompt or _("Choose…")
        self.compact = compact
        if value is not None and value not in self.keys:
            self.keys.append(value)  # keep an unexpected value visible rather than losing it

    def compose_input(self) -> ComposeResult:
        yield Select(
            [(self.labeler(key), key) for key in self.keys],
            value=self.value if self.value in self.keys else Select.NULL,
            allow_blank=self.allow_blank,
            prompt=self.prompt,
            compact=self.compact,
            classes="field-input choice-select",
        )

    @on(Select.Changed, ".choice-select")
    def _changed(self, event: Select.Changed) -> None:
        event.stop()
        value = "" if event.value == Select.NULL else event.value
        self.emit(value)

    def same_value(self, old: Any, new: Any) -> bool:
        return (old or "") == (new or "")


class TickList(SelectionList):
    """A SelectionList whose boxes read "[x]" when ticked and "[ ]" when not: Textual's
    coloured box looks the same either way in a 256-colour terminal or a light theme."""

    TICKED, UNTICKED = "[x]", "[ ]"

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        _x, scroll_y = self.scroll_offset
        index = scroll_y + y
        try:
            option = self.get_option_at_index(index)
        except OptionDoesNotExist:
            return line
        segments = list(line)
        if len(segments) < 4:
            return line
        ticked = option.value in self._selected
        base = segments[3].style or self.rich_style or Style()
        meta = Style(meta={"option": index})
        box = base + meta
        if ticked:
            box += Style(bold=True)
        return Strip([Segment(self.TICKED if ticked else self.UNTICKED, box), *segments[3:]])


class Checklist(FormField):
    """Several keys out of `keys`, ticked with space, Enter or a click."""

    DEFAULT_CLASSES = "form-field checklist-field"

    def __init__(
        self,
        label: str,
        path: tuple,
        value: Any,
        keys: Sequence[str],
        labeler: Callable[[str], str],
        **kwargs: Any,
    ) -> None:
        super().__init__(label, path, value, **kwargs)
        self.keys, self.labeler = list(keys), labeler
        chosen = value if isinstance(value, list) else []
        for key in chosen:
            if isinstance(key, str) and key not in self.keys:
                self.keys.append(key)

    def compose_input(self) -> ComposeResult:
        chosen = self.value if isinstance(self.value, list) else []
        yield TickList(
            *[(self.labeler(key), key, key in chosen) for key in self.keys],
            compact=True,
            classes="field-input checklist",
        )

    @on(SelectionList.SelectedChanged, ".checklist")
    def _changed(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()
        selected = set(event.selection_list.selected)
        old = [key for key in (self.value if isinstance(self.value, list) else [])]
        kept = [key for key in old if key in selected]
        added = [key for key in self.keys if key in selected and key not in kept]
        self.emit(kept + added)

    def same_value(self, old: Any, new: Any) -> bool:
        return list(old or []) == list(new or [])
