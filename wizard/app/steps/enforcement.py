"""Enforcement and review: who makes sure the policy is followed, how, and what happens."""

from __future__ import annotations

from wizard.app.steps.fields import Prose, Text
from wizard.app.steps.form import Form
from wizard.i18n import N_


class EnforcementForm(Form):
    step_key = "enforcement"
    FIELDS = (
        Text(N_("Accountable"), ("enforcement", "accountable"), placeholder=N_("Who makes sure the policy is followed")),
        Prose(N_("Monitoring"), ("enforcement", "monitoring"), placeholder=N_("How you measure that it is followed")),
        Prose(N_("Consequences"), ("enforcement", "consequences"), placeholder=N_("What happens when it is not followed")),
        Prose(N_("Feedback from staff"), ("enforcement", "feedback"), placeholder=N_("How staff propose changes to the policy")),
    )
