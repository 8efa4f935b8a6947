"""Number fields: a whole number in a range (months, an NPS score) kept as an `int`,
and a percentage kept as the contract's `"92.5%"` string. Checked as typed."""

from __future__ import annotations

from typing import Any, Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label

from wizard.app.widgets.field import FieldInput, FormField
from wizard.i18n import Translator
from wizard.spec.model import parse_percent

_ = Translator("app").gettext


class IntegerField(FormField):
    """A whole number from `minimum` to `maximum`; `unit` is the word shown after the input, or
    a function of the number giving it, so the word agrees as it is typed ("3 mjeseca",
    "12 mjeseci")."""

    DEFAULT_CLASSES = "form-field number-field"

    def __init__(
        self,
        label: str,
        path: tuple,
        value: Any = None,
        *,
        minimum: int = 1,
        maximum: int = 1200,
        unit: str | Callable[[int], str] = "",
        placeholder: str = "",
        compact: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(label, path, value, **kwargs)
        self.minimum, self.maximum, self.unit, self.placeholder = minimum, maximum, unit, placeholder
        self.compact = compact
        self.set_class(compact, "-compact")

    def compose_input(self) -> ComposeResult:
        with Horizontal(classes="number-row"):
            yield FieldInput(
                "" if self.value is None else str(self.value),
                placeholder=self.placeholder,
                compact=self.compact,
                classes="field-input number-text",
            )
            if self.unit:
                yield Label(self._unit_text(self.value), markup=False, classes="number-unit")

    def _unit_text(self, number: Any) -> str:
        if not callable(self.unit):
            return self.unit
        return self.unit(number if isinstance(number, int) else 0)

    def check(self, text: str) -> tuple[int | None, str]:
        text = text.strip()
        if not text:
            return None, ""
        body = text[1:] if text[:1] in "+-" else text
        if not body.isascii() or not body.isdigit():
            return None, _("“%(text)s” is not a whole number.") % {"text": text}
        # (the length test keeps thousands of pasted digits away from int())
        digits = len(str(max(abs(self.minimum), abs(self.maximum))))
        number = int(text) if len(body.lstrip("0")) <= digits else None
        if number is None or not self.minimum <= number <= self.maximum:
            return None, _("Use a number from %(minimum)s to %(maximum)s.") % {
                "minimum": self.minimum,
                "maximum": self.maximum,
            }
        return number, ""

    def on_mount(self) -> None:
        if self.value is not None:
            self.set_error(self.check(str(self.value))[1])

    @on(Input.Changed, ".number-text")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._take(event.value)

    def _take(self, text: str) -> None:
        """A valid number (or none) is the value; other text is kept as input that cannot
        be saved, and the value stays as it was."""
        number, error = self.check(text)
        self.set_invalid(text, error)
        if not error:
            if callable(self.unit):
                self.query_one(".number-unit", Label).update(self._unit_text(number))
            self.emit("" if number is None else number)

    def restore_input(self, text: str, unit: str = "") -> None:
        self.query_one(".number-text", Input).value = text
        self._take(text)

    def same_value(self, old: Any, new: Any) -> bool:
        if old in (None, "") and new in (None, ""):
            return True
        return type(old) is type(new) and old == new

    def insert_example(self, text: str) -> bool:
        number, error = self.check(str(text))
        if error or number is None:
            return False
        self.query_one(".number-text", Input).value = str(number)
        return True


def format_percent(number: str) -> str:
    return f"{number}%"


class PercentField(FormField):
    """A percentage from 0 to 100 (decimals allowed, with a point or a comma)."""

    DEFAULT_CLASSES = "form-field number-field percent-field"

    def __init__(self, label: str, path: tuple, value: Any = None, *, compact: bool = True, **kwargs: Any) -> None:
        super().__init__(label, path, value, **kwargs)
        self.compact = compact
        self.set_class(compact, "-compact")

    def shown_text(self) -> str:
        if isinstance(self.value, str):
            return self.value.strip().rstrip("%").strip()
        return "" if self.value is None else str(self.value)

    def compose_input(self) -> ComposeResult:
        with Horizontal(classes="number-row"):
            yield FieldInput(
                self.shown_text(),
                placeholder=_("e.g. 90"),
                compact=self.compact,
                classes="field-input number-text",
            )
            yield Label("%", classes="number-unit")

    @staticmethod
    def check(text: str) -> tuple[str | None, str]:
        text = text.strip().rstrip("%").strip().replace(",", ".")
        if not text:
            return None, ""
        value = format_percent(text)
        if parse_percent(value) is None:
            return None, _("Use a percentage from 0 to 100, such as 90 or 92.5.")
        return value, ""

    def on_mount(self) -> None:
        if self.value is not None:
            self.set_error(self.check(self.shown_text())[1])

    @on(Input.Changed, ".number-text")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._take(event.value)

    def _take(self, text: str) -> None:
        """As `IntegerField._take`: only a valid percentage (or none) is the value."""
        value, error = self.check(text)
        self.set_invalid(text, error)
        if not error:
            self.emit(value or "")

    def restore_input(self, text: str, unit: str = "") -> None:
        self.query_one(".number-text", Input).value = text
        self._take(text)

    def same_value(self, old: Any, new: Any) -> bool:
        if not old and not new:
            return True
        return old == new or (parse_percent(old) is not None and parse_percent(old) == parse_percent(new))

    def insert_example(self, text: str) -> bool:
        value, error = self.check(str(text))
        if error or value is None:
            return False
        self.query_one(".number-text", Input).value = value.rstrip("%")
        return True
