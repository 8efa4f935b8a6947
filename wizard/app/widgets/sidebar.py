"""The list of steps on the left, with a progress mark per step: ✗ holds input that cannot
be saved, ! has suggestions, ✓ complete, ○ empty."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from wizard.app.ui import STEP_KEYS, step_title

COMPLETE, FINDINGS, EMPTY, NONE = "complete", "findings", "empty", "none"
INVALID = "invalid"

MARKS = {
    COMPLETE: ("✓", "sidebar-complete"),
    FINDINGS: ("!", "sidebar-findings"),
    INVALID: ("✗", "sidebar-invalid"),
    EMPTY: ("○", "sidebar-empty"),
    NONE: ("»", "sidebar-none"),
}


class StepList(OptionList):
    """The steps in order; Enter or a click opens one."""

    class StepChosen(Message):
        def __init__(self, step: str) -> None:
            super().__init__()
            self.step = step

    def __init__(self, steps: tuple[str, ...] = STEP_KEYS, **kwargs) -> None:
        self.steps = steps
        self.states: dict[str, str] = {step: (NONE if step == "review" else EMPTY) for step in steps}
        self.current = steps[0]
        self.icons_only = False
        super().__init__(*[Option(self._prompt(step), id=step) for step in steps], **kwargs)

    def _prompt(self, step: str) -> Text:
        mark, style_class = MARKS[self.states.get(step, EMPTY)]
        styles = {
            "sidebar-complete": "green",
            "sidebar-findings": "bold yellow",
            "sidebar-invalid": "bold red",
            "sidebar-empty": "dim",
            "sidebar-none": "",
        }
        text = Text()
        text.append(f"{mark} ", style=styles[style_class])
        label = str(self.steps.index(step) + 1) if self.icons_only else step_title(step)
        text.append(label, style="bold" if step == self.current else "")
        return text

    def show_icons_only(self, icons_only: bool) -> None:
        """Marks and step numbers only, in a narrow column, when the terminal is too narrow
        for the step names beside the form (the heading above the form names the step)."""
        if icons_only != self.icons_only:
            self.icons_only = icons_only
            self.set_class(icons_only, "-icons")
            self.refresh_labels()

    def set_states(self, states: dict[str, str]) -> None:
        for step, state in states.items():
            if self.states.get(step) != state:
                self.states[step] = state
                self.replace_option_prompt(step, self._prompt(step))

    def set_current(self, step: str) -> None:
        old, self.current = self.current, step
        for key in {old, step}:
            self.replace_option_prompt(key, self._prompt(key))
        self.highlighted = self.steps.index(step)

    def refresh_labels(self) -> None:
        for step in self.steps:
            self.replace_option_prompt(step, self._prompt(step))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.StepChosen(event.option.id))
