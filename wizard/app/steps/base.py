"""The contract between the editor screen and the form of each step.

A step form shows part of the spec and never changes the spec itself: it posts
`StepForm.Changed` and the editor screen, which owns the one spec dict, applies it.
That keeps one source of truth, one place that marks the file unsaved, schedules
autosave, the preview and the checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from textual.containers import VerticalScroll
from textual.message import Message


class StepForm(VerticalScroll):
    """Base of every step's form: `wizard/app/steps/<step_key>.py` defines one subclass."""

    step_key: ClassVar[str] = ""
    # A form built ahead and still hidden (see wizard.app.forms_ahead): restyles and the key
    # handling's walks of the screen pass it over; and whether a restyle passed it by meanwhile.
    hidden_ahead: bool = False
    restyle_missed: bool = False

    @dataclass
    class Changed(Message):
        """The user changed the value at `path` (an empty value removes it)."""

        path: tuple
        value: Any

    @dataclass
    class UnsavedChanged(Message):
        """The typed input of this step that cannot be saved changed: `entries` is all of
        it now (`wizard.app.unsaved.UnsavedInput` by path), replacing the step's earlier set."""

        step: str
        entries: dict

    def __init__(self, data: dict, edit_lang: str, **kwargs: Any) -> None:
        """`data` is the spec (read only here); `edit_lang` is the language text is typed in:
        the spec's `language`, or a translation language the author switched to."""
        super().__init__(**kwargs)
        self.data = data
        self.edit_lang = edit_lang

    @property
    def source_lang(self) -> str:
        return self.data.get("language", "en")

    def change(self, path: tuple, value: Any) -> None:
        """Report an edit to the editor screen."""
        self.post_message(self.Changed(path, value))

    def shown(self) -> None:
        """The form, built ahead while hidden (see wizard.app.forms_ahead), is shown: what
        waits until then starts."""

    def focus_path(self, path: tuple) -> None:
        """Move the focus to the field that shows `path` (used to jump to a finding)."""

    def show_findings(self, findings: list) -> None:
        """Show quality findings (wizard.check.Finding) at the fields they concern."""

    def restore_unsaved(self, entries: dict) -> None:
        """Put typed input that could not be saved back into its fields (the step is shown
        again, or a draft was restored); `entries` are `UnsavedInput` by path."""
