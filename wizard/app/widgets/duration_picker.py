"""A duration as a number and a unit (`24` + `hours` -> `"24 hours"`), checked as it is typed.

The unit comes from a list, so only the number can be wrong, and a wrong number says so
under the field at once ("abc" is not a number). Only valid durations reach the spec: an
invalid entry leaves the last valid value in place until it is fixed; an empty number
removes the duration.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Select

from wizard.app.labels import unit_label
from wizard.app.widgets.field import FormField
from wizard.i18n import Translator
from wizard.spec.model import Duration, parse_duration

_ = Translator("app").gettext

# The units offered, shortest first; seconds only appear when a value already uses them.
PICKER_UNITS = ("minute", "hour", "day", "working_day", "week", "month")
_ENGLISH_UNIT = {"working_day": "working day"}
MAX_AMOUNT = 100_000


def format_duration(duration: Duration) -> str:
    """Duration(24, "hour") -> "24 hours": the spelling the contract shows."""
    unit = _ENGLISH_UNIT.get(duration.unit, duration.unit)
    return f"{duration.amount} {unit}{'' if duration.amount == 1 else 's'}"


def check_amount(text: str) -> tuple[int | None, str]:
    """The number typed in a duration, or the message that explains what is wrong."""
    text = text.strip()
    if not text:
        return None, ""
    if not text.isascii() or not text.isdigit():
        if text.lstrip("-").replace(".", "", 1).replace(",", "", 1).isdigit():
            return None, _("Use a whole number greater than zero, such as 24.")
        return None, _("“%(text)s” is not a number. Type digits, such as 24.") % {"text": text}
    amount = int(text)
    if amount <= 0:
        return None, _("Use a whole number greater than zero, such as 24.")
    if amount > MAX_AMOUNT:
        return None, _("That number is too large. Pick a larger unit instead.")
    return amount, ""


class DurationPicker(FormField):
    """Number input + unit select; `value` is the duration string (or None)."""

    DEFAULT_CLASSES = "form-field duration-picker"

    def __init__(self, label: str, path: tuple, value: Any = None, *, default_unit: str = "hour", **kwargs: Any) -> None:
        super().__init__(label, path, value, **kwargs)
        parsed = parse_duration(value)
        self.amount_text = str(parsed.amount) if parsed else ("" if value is None else str(value))
        self.unit = parsed.unit if parsed else default_unit

    def compose_input(self) -> ComposeResult:
        units = list(PICKER_UNITS)
        if self.unit not in units:
            units.insert(0, self.unit)
        with Horizontal(classes="duration-row"):
            yield Input(
                self.amount_text,
                placeholder=_("number"),
                compact=True,
                classes="duration-amount",
                tooltip=_("A whole number, such as 24"),
            )
            yield Select(
                [(unit_label(unit), unit) for unit in units],
                value=self.unit,
                allow_blank=False,
                compact=True,
                classes="duration-unit",
            )

    def on_mount(self) -> None:
        if self.value is not None and parse_duration(self.value) is None:
            self.set_error(check_amount(self.amount_text)[1] or _("Not a valid duration."))

    def same_value(self, old: Any, new: Any) -> bool:
        if not new and not old:
            return True
        parsed_old, parsed_new = parse_duration(old), parse_duration(new)
        if parsed_new is not None and parsed_new == parsed_old:
            return True
        return old == new

    @on(Input.Changed, ".duration-amount")
    def _amount_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.amount_text = event.value
        self._update()

    @on(Select.Changed, ".duration-unit")
    def _unit_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.value == Select.NULL or event.value == self.unit:
            return
        self.unit = str(event.value)
        self._update()

    def _update(self) -> None:
        amount, error = check_amount(self.amount_text)
        self.set_error(error)
        if error:
            return
        self.emit("" if amount is None else format_duration(Duration(amount, self.unit)))

    def focus_target(self, rest: tuple = ()) -> bool:
        self.query_one(".duration-amount", Input).focus()
        return True

    def insert_example(self, text: str) -> bool:
        parsed = parse_duration(text)
        if parsed is None:
            return False
        self.query_one(".duration-amount", Input).value = str(parsed.amount)
        self.query_one(".duration-unit", Select).value = parsed.unit if parsed.unit in PICKER_UNITS else self.unit
        return True
