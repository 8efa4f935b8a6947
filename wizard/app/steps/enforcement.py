"""Enforcement and review: who makes sure the policy is followed, how, and what happens."""

from __future__ import annotations

from textual.app import ComposeResult

from wizard.app.steps.form import Form
from wizard.i18n import Translator

_ = Translator("app").gettext


class EnforcementForm(Form):
    step_key = "enforcement"

    def compose_fields(self) -> ComposeResult:
        yield self.text(
            _("Accountable"),
            ("enforcement", "accountable"),
            placeholder=_("Who makes sure the policy is followed"),
        )
        yield self.prose(
            _("Monitoring"),
            ("enforcement", "monitoring"),
            placeholder=_("How you measure that it is followed"),
        )
        yield self.prose(
            _("Consequences"),
            ("enforcement", "consequences"),
            placeholder=_("What happens when it is not followed"),
        )
        yield self.prose(
            _("Feedback from staff"),
            ("enforcement", "feedback"),
            placeholder=_("How staff propose changes to the policy"),
        )
