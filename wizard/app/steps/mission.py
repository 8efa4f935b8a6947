"""Mission: a short paragraph on what the company does for its customers and why."""

from __future__ import annotations

from wizard.app.steps.fields import Prose
from wizard.app.steps.form import Form
from wizard.i18n import N_


class MissionForm(Form):
    step_key = "mission"
    FIELDS = (
        Prose(N_("Mission"), ("mission",), placeholder=N_("Two or three sentences: what you do for your customers, and why")),
    )
