"""Procedures: how each kind of case is handled, step by step, and how fast."""

from __future__ import annotations

from typing import Any, Iterable

from textual.app import ComposeResult
from textual.widget import Widget

from wizard.app.labels import procedure_label
from textual.widgets import Label

from wizard.app.steps.form import DurationPicker, Form, ListEditor
from wizard.i18n import Translator
from wizard.spec.model import PROCEDURE_KEYS, PROCEDURE_KINDS

_ = Translator("app").gettext


class ProceduresForm(Form):
    step_key = "procedures"

    def compose_fields(self) -> ComposeResult:
        yield ListEditor(
            ("procedures",),
            self.value(("procedures",)),
            self.build_procedure,
            label=_("Procedures"),
            new_item=lambda kind="": {"kind": kind} if kind else {},
            describe=self.describe_procedure,
            key_order=PROCEDURE_KEYS,
            add_label=_("Add a procedure…"),
            add_choices=[(procedure_label(kind), kind) for kind in PROCEDURE_KINDS],
            empty_text=_("No procedures yet. Every policy needs at least one for complaints."),
        )

    def describe_procedure(self, item: Any) -> str:
        if not isinstance(item, dict):
            return ""
        return self.describe_text(item.get("title")) or procedure_label(item.get("kind", ""))

    def build_procedure(self, editor: ListEditor, item: Any) -> Iterable[Widget]:
        item = item if isinstance(item, dict) else {}
        kind = item.get("kind")
        yield Label(procedure_label(kind or ""), markup=False, classes="row-title")
        if kind == "other":
            title_label, placeholder = _("Title (required)"), _("What this procedure is for")
        else:
            title_label = _("Title (optional)")
            placeholder = procedure_label(kind) if kind else ""
        yield self.text(title_label, ("title",), item.get("title"), absolute=False, placeholder=placeholder, compact=True)
        yield self.text_list(
            ("steps",),
            label=_("Steps, in order"),
            placeholder=_("What the employee does"),
            add_label=_("Add a step"),
            items=item.get("steps"),
            nested=True,
        )
        yield DurationPicker(_("Acknowledge within"), ("acknowledge_within",), item.get("acknowledge_within"))
        yield DurationPicker(
            _("Resolve within"), ("resolve_within",), item.get("resolve_within"), default_unit="working_day"
        )
