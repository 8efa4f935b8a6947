"""A date typed as YYYY-MM-DD, checked as it is typed and confirmed in words below the input
(in the UI language), so "2026-03-04" cannot be misread as 3 April."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input

from wizard.app.widgets.field import FieldInput, FormField
from wizard.i18n import Translator, ui_language

_ = Translator("app").gettext

_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_PARTIAL_RE = re.compile(r"^\d{0,4}(-(\d{0,2}(-\d{0,2})?)?)?$")


def check_date(text: str) -> tuple[dt.date | None, str]:
    """The date typed, or a message saying what is wrong with it."""
    text = text.strip()
    if not text:
        return None, ""
    match = _DATE_RE.match(text)
    if not match:
        if _PARTIAL_RE.match(text):
            return None, _("Keep typing: the date is written as YYYY-MM-DD, such as 2026-12-01.")
        return None, _("Write the date as YYYY-MM-DD, such as 2026-12-01.")
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        return None, _("There is no month %(month)s: months go from 01 to 12.") % {"month": match.group(2)}
    try:
        return dt.date(year, month, day), ""
    except ValueError:
        return None, _("This month has no day %(day)s.") % {"day": match.group(3)}


def long_date(date: dt.date) -> str:
    """The date in words in the UI language (Babel), e.g. "1 December 2026"."""
    from babel.dates import format_date

    locale = {"zh": "zh_Hans_CN", "hr": "hr_HR", "tr": "tr_TR"}.get(ui_language(), "en_GB")
    return format_date(date, format="full", locale=locale)


class DateInput(FormField):
    """An ISO date field; `value` is the date string (or None)."""

    DEFAULT_CLASSES = "form-field date-input"

    def __init__(self, label: str, path: tuple, value: Any = None, **kwargs: Any) -> None:
        if isinstance(value, dt.date):
            value = value.isoformat()
        super().__init__(label, path, value, **kwargs)

    def compose_input(self) -> ComposeResult:
        yield FieldInput(
            "" if self.value is None else str(self.value),
            placeholder=_("YYYY-MM-DD"),
            max_length=10,
            compact=True,
            classes="field-input date-text",
        )

    def initial_note(self) -> str:
        date, _error = check_date("" if self.value is None else str(self.value))
        return long_date(date) if date else ""

    def on_mount(self) -> None:
        if self.value:
            self.set_error(check_date(str(self.value))[1])

    @on(Input.Changed, ".date-text")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._take(event.value)

    def _take(self, text: str) -> None:
        """Check the text typed: a valid date (or none) is the value; anything else is kept
        as input that cannot be saved, and the value stays as it was."""
        date, error = check_date(text)
        self.set_invalid(text, error)
        self.set_note(long_date(date) if date else "")
        if not error:
            self.emit(text.strip())

    def restore_input(self, text: str, unit: str = "") -> None:
        self.query_one(".date-text", Input).value = text
        self._take(text)

    def same_value(self, old: Any, new: Any) -> bool:
        return (old or "") == (new or "")

    def insert_example(self, text: str) -> bool:
        date, error = check_date(text)
        if error or date is None:
            return False
        self.query_one(".date-text", Input).value = text.strip()
        return True
