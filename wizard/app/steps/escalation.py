"""Escalation: the levels a case goes through, who handles it there, when, and how fast."""

from __future__ import annotations

from typing import Any, Iterable

from textual.app import ComposeResult
from textual.widget import Widget

from wizard.app.steps.form import DurationPicker, Form, ListEditor
from wizard.i18n import Translator
from wizard.spec.model import ESCALATION_KEYS

_ = Translator("app").gettext


class EscalationForm(Form):
    step_key = "escalation"

    def compose_fields(self) -> ComposeResult:
        def build(editor: ListEditor, item: Any) -> Iterable[Widget]:
            item = item if isinstance(item, dict) else {}
            yield self.text(
                _("Who handles it"),
                ("role",),
                item.get("role"),
                absolute=False,
                compact=True,
                placeholder=_("A role, such as Team leader"),
            )
            yield self.text(
                _("When a case goes to this level"),
                ("when",),
                item.get("when"),
                absolute=False,
                compact=True,
            )
            yield DurationPicker(_("Taken up within"), ("within",), item.get("within"))

        yield ListEditor(
            ("escalation",),
            self.value(("escalation",)),
            build,
            label=_("Escalation levels, first to last"),
            new_item=dict,
            describe=self.describe_key("role"),
            renumber="level",
            key_order=ESCALATION_KEYS,
            add_label=_("Add a level"),
            number_label=lambda number: _("Level %(number)s") % {"number": number},
            empty_text=_("No levels yet. Start with whoever takes a case first."),
            classes="-levels",
        )
