"""Procedures: how each kind of case is handled, step by step, and how fast."""

from __future__ import annotations

from typing import Any, Iterable

from textual.app import ComposeResult
from textual.widget import Widget

from wizard.app.labels import procedure_default_title, procedure_label
from wizard.app.steps.form import DurationPicker, Form
from wizard.i18n import Translator
from wizard.spec.model import PROCEDURE_KEYS, PROCEDURE_KINDS

_ = Translator("app").gettext


class ProceduresForm(Form):
    step_key = "procedures"

    def compose_fields(self) -> ComposeResult:
        yield self.kind_list(
            ("procedures",),
            "kind",
            procedure_label,
            PROCEDURE_KINDS,
            self.build_procedure,
            unique=False,
            label=_("Procedures"),
            describe=self.describe_procedure,
            key_order=PROCEDURE_KEYS,
            add_label=_("Add a procedure…"),
            empty_text=_("No procedures yet. Every policy needs at least one for complaints."),
            eager_rows=2,  # a procedure is tall: two fill the screen, the rest follow at once
        )

    def describe_procedure(self, item: Any) -> str:
        if not isinstance(item, dict):
            return ""
        return self.describe_text(item.get("title")) or self.default_title(item.get("kind", ""))

    def default_title(self, kind: str) -> str:
        """What the document calls a procedure without a title: it follows the policy's customer
        word. A kind the spec does not know is shown as typed."""
        if kind not in PROCEDURE_KINDS:
            return procedure_label(kind)
        return procedure_default_title(kind, self.data.get("customer_word"))

    def build_procedure(self, item: dict) -> Iterable[Widget]:
        """A procedure's row, under its kind: its title, steps and targets."""
        kind = item.get("kind")
        if kind == "other":
            title_label, placeholder = _("Title (required)"), _("What this procedure is for")
        else:
            title_label = _("Title (optional)")
            placeholder = self.default_title(kind) if kind else ""
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
