"""A duration as a number and a unit (`24` + `hours` -> `"24 hours"`), checked as it is typed.

The unit is picked from a fixed set, so only the number can be wrong, and a wrong number says so
under the field at once ("abc" is not a number). Only valid durations reach the spec: an
invalid entry leaves the last valid value in place until it is fixed (the typed text and
its unit are kept as input that cannot be saved, see `wizard.app.unsaved`); an empty
number removes the duration.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static

from wizard.app.labels import unit_label, unit_shorthands
from wizard.app.ui import folded, quoted
from wizard.app.widgets.field import FieldInput, FormField, focus_now
from wizard.i18n import Translator, ui_language
from wizard.spec.model import MAX_DURATION_AMOUNT, Duration, parse_duration

_ = Translator("app").gettext

# The units offered, shortest first; seconds only appear when a value already uses them.
PICKER_UNITS = ("minute", "hour", "day", "working_day", "week", "month")
_ENGLISH_UNIT = {"working_day": "working day"}


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
    # (the length test keeps thousands of pasted digits away from int())
    amount = int(text) if len(text.lstrip("0")) <= len(str(MAX_DURATION_AMOUNT)) else None
    if amount is not None and amount <= 0:
        return None, _("Use a whole number greater than zero, such as 24.")
    if amount is None or amount > MAX_DURATION_AMOUNT:
        return None, _("That number is too large. Pick a larger unit instead.")
    return amount, ""


def units_named(typed: str, units: list[str], amounts: tuple[int, ...], *, inside: bool = False) -> list[str]:
    """The units whose name in the UI language (for any of `amounts`: "hour", "hours")
    starts with `typed`, folded as the palette folds ("h", "gun" for "gün"); failing that,
    and when `inside`, those that hold it (a key in the unit picker: Chinese "个月" and
    "个工作日" share their first character, "月" and "工" tell them apart)."""
    lang = ui_language()
    typed = folded(typed, lang)
    names = {unit: {folded(unit_label(unit, amount), lang) for amount in amounts} for unit in units}
    starting = [unit for unit, forms in names.items() if any(name.startswith(typed) for name in forms)]
    if starting or not inside:
        return starting
    return [unit for unit, forms in names.items() if any(typed in name for name in forms)]


# the amounts whose plural forms name a unit: one, a few (Croatian "2 sata"), many ("5 sati")
PLURAL_AMOUNTS = (1, 2, 5)


def _squashed(text: str, lang: str) -> str:
    """`text` folded as the palette folds, without blanks and dots: "iş günü" -> "isgunu",
    "r. d." -> "rd", so "2 iş g" goes on as the name it starts."""
    return "".join(character for character in folded(text, lang) if not character.isspace() and character != ".")


@cache
def _spellings(lang: str, units: tuple[str, ...]) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """unit -> (its names in every plural form, its other spellings), squashed, in `lang`
    (the UI language, whose catalog these come from)."""
    return {
        unit: (frozenset(_squashed(unit_label(unit, amount), lang) for amount in PLURAL_AMOUNTS),
               frozenset(_squashed(spelling, lang) for spelling in unit_shorthands(unit)) - {""})
        for unit in units
    }


def units_typed(typed: str, units: list[str] | tuple[str, ...]) -> list[str]:
    """The units that `typed`, the letters after a number, names in the UI language: one is
    the unit, several are ambiguous (English "m": minutes or months?), none is no unit.

    A name or spelling typed whole wins ("h", "sa", "时"; Turkish "d" is listed for dakika and
    for gün, so it stays ambiguous); otherwise the start of a unit's name counts ("mi",
    "tj", "gü"), and the start of its other spellings from two letters on ("bu" for
    "business day"; one Latin letter that only starts an abbreviation means nothing yet:
    Turkish "m" is not "min"), or from one Chinese character ("工" for "工作日")."""
    lang = ui_language()
    typed = _squashed(typed, lang)
    if not typed:
        return []
    table = _spellings(lang, tuple(units))
    exact = [unit for unit, (names, others) in table.items() if typed in names or typed in others]
    if exact:
        return exact
    return [unit for unit, (names, others) in table.items()
            if any(name.startswith(typed) for name in names)
            or ((len(typed) > 1 or not typed.isascii()) and any(other.startswith(typed) for other in others))]


def ambiguous_unit_message(typed: str, units: list[str] | tuple[str, ...]) -> str:
    """What to say when `typed` names several units: the spelling to type for each of them
    ("“m” could be more than one unit: type “min” or “mo”."), the shortest that starts with
    what was typed and names that unit alone, else the unit's own name."""
    choices = []
    lang = ui_language()
    for unit in units_typed(typed, units):
        spellings = sorted({unit_label(unit, amount) for amount in PLURAL_AMOUNTS} | set(unit_shorthands(unit)),
                           key=lambda spelling: (len(spelling), spelling))
        alone = [spelling for spelling in spellings if units_typed(spelling, units) == [unit]]
        starting = [spelling for spelling in alone if _squashed(spelling, lang).startswith(_squashed(typed, lang))]
        choices.append(quoted((starting or [unit_label(unit, 2)])[0]))
    from babel.lists import format_list

    return _("“%(text)s” could be more than one unit: type %(choices)s.") % {
        "text": typed, "choices": format_list(choices, style="or", locale=lang)}


def check_typed(text: str, units: list[str] | tuple[str, ...]) -> tuple[int | None, str]:
    """`check_amount`, except that a number followed by letters that could be several units
    says so ("30 m": minutes or months?) instead of calling it no number."""
    amount, error = check_amount(text)
    if error:
        letters = split_unit(text)[1]
        if letters and len(units_typed(letters, units)) > 1:
            return None, ambiguous_unit_message(letters, units)
    return amount, error


def split_unit(text: str) -> tuple[str, str]:
    """ "24d" -> ("24", "d"), "5 gün" -> ("5", "gün"): the number typed and the letters after
    it ("", "" when the text does not start with digits followed by something else)."""
    match = re.fullmatch(r"\s*(\d+)\s*(\D.*?)\s*", text)
    return (match[1], match[2].strip()) if match else ("", "")


class UnitPicker(Static, can_focus=True):
    """The unit of a duration: ◂ hours ▸. Arrow keys or space step through the units; a
    click on the left or right half steps back or forward. One light widget rather than a
    drop-down: a form holds many durations, and a menu would cover the fields below."""

    BINDINGS = [
        Binding("left,up", "step(-1)", show=False),
        Binding("right,down,space", "step(1)", show=False),
    ]

    @dataclass
    class Changed(Message):
        picker: "UnitPicker"
        unit: str

    def __init__(self, units: list[str], unit: str, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)
        self.units = units
        self.unit = unit if unit in units else units[0]
        self.amount = 2
        self.tooltip = _("←/→, a click or the unit's first letter changes the unit")

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        self.update(f"◂ {unit_label(self.unit, self.amount)} ▸")

    def set_amount(self, amount: int) -> None:
        """Agree with the number: "1 hour", "2 hours" (and each language's plural forms)."""
        if amount != self.amount:
            self.amount = amount
            if self.is_mounted:
                self._show()

    def select(self, unit: str) -> None:
        if unit in self.units and unit != self.unit:
            self.unit = unit
            self._show()
            self.post_message(self.Changed(self, unit))

    def action_step(self, delta: int) -> None:
        index = (self.units.index(self.unit) + delta) % len(self.units)
        self.select(self.units[index])

    def on_click(self, event: events.Click) -> None:
        self.focus()
        self.action_step(-1 if event.x < self.size.width // 2 else 1)

    def on_key(self, event: events.Key) -> None:
        """Typing the first letter of a unit picks it ("h" hours; "m" minutes, then months).
        A character inside the name picks it too when none starts with it: Chinese "个月"
        and "个工作日" share their first character, "月" and "工" tell them apart. Failing
        both, a one-letter spelling of the language's table does ("h" in Croatian: sati)."""
        char = event.character
        if not char or not char.isprintable() or char.isspace() or event.key.startswith("alt+"):
            return
        matches = units_named(char, self.units, (self.amount,), inside=True)
        if not matches:
            matches = units_typed(char, self.units)
        if not matches:
            return
        event.stop()
        event.prevent_default()
        after = matches.index(self.unit) + 1 if self.unit in matches else 0
        self.select(matches[after % len(matches)])


class DurationPicker(FormField):
    """Number input + unit select; `value` is the duration string (or None)."""

    DEFAULT_CLASSES = "form-field duration-picker"

    def __init__(self, label: str, path: tuple, value: Any = None, *, default_unit: str = "hour", **kwargs: Any) -> None:
        super().__init__(label, path, value, **kwargs)
        parsed = parse_duration(value)
        self.amount_text = str(parsed.amount) if parsed else ("" if value is None else str(value))
        self.unit = parsed.unit if parsed else default_unit
        # the number kept when a unit was typed after it, and the letters typed for the unit
        self._number_kept, self._unit_letters = "", ""

    def compose_input(self) -> ComposeResult:
        units = list(PICKER_UNITS)
        if self.unit not in units:
            units.insert(0, self.unit)
        with Horizontal(classes="duration-row"):
            yield FieldInput(
                self.amount_text,
                placeholder=_("number"),
                compact=True,
                classes="duration-amount",
                tooltip=_("A whole number, such as 24"),
            )
            unit = UnitPicker(units, self.unit, classes="duration-unit")
            amount = check_amount(self.amount_text)[0]
            if amount is not None:
                unit.set_amount(amount)
            yield unit

    def on_mount(self) -> None:
        if self.value is not None and parse_duration(self.value) is None:
            self.set_error(check_typed(self.amount_text, self.query_one(UnitPicker).units)[1] or _("Not a valid duration."))

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
        if self._unit_typed_after_number(event.input):
            return  # the number alone comes back as its own change
        self.amount_text = event.value
        self._update()

    def _unit_typed_after_number(self, field: Input) -> bool:
        """Users write "24d", "4h", "30 min", "3分", "2 sa", "5 gün": when the letters after
        the number name exactly one unit in the UI language (`units_typed`: its name or the
        start of it, or a spelling of the language's table), that unit is picked and the
        number kept, instead of saying that "24d" is not a number; the next letters ("ün",
        "rs" of "hrs") are taken too. Letters that fit several units ("m": minutes or
        months?) stay in the field, which says so. ("3月" is March, not "3个月".)"""
        number, letters = split_unit(field.value)
        if not letters:
            return False
        picker = self.query_one(UnitPicker)
        going_on = [self._unit_letters + letters] if number == self._number_kept else []
        for letters in (*going_on, letters):  # the rest of the unit's name, or a new name
            units = units_typed(letters, picker.units)
            if len(units) == 1:
                break
        else:
            return False
        picker.select(units[0])
        self._number_kept, self._unit_letters = number, letters
        field.value = number
        field.cursor_position = len(number)
        return True

    @on(UnitPicker.Changed)
    def _unit_changed(self, event: UnitPicker.Changed) -> None:
        event.stop()
        self.unit = event.unit
        self._update()

    def _update(self) -> None:
        amount, error = check_typed(self.amount_text, self.query_one(UnitPicker).units)
        self.set_invalid(self.amount_text, error)
        if error:
            return
        if amount is not None:
            self.query_one(UnitPicker).set_amount(amount)
        self.emit("" if amount is None else format_duration(Duration(amount, self.unit)))

    @property
    def unit_of_input(self) -> str:
        return self.unit

    def restore_input(self, text: str, unit: str = "") -> None:
        picker = self.query_one(UnitPicker)
        if unit and unit not in picker.units:
            picker.units.insert(0, unit)
        if unit:
            picker.unit = self.unit = unit
            picker._show()
        self.query_one(".duration-amount", Input).value = text
        self.amount_text = text
        self._update()

    def focus_target(self, rest: tuple = ()) -> bool:
        focus_now(self.query_one(".duration-amount", Input))
        return True

    def insert_example(self, text: str) -> bool:
        parsed = parse_duration(text)
        if parsed is None:
            return False
        self.query_one(".duration-amount", Input).value = str(parsed.amount)
        self.query_one(UnitPicker).select(parsed.unit)
        return True
