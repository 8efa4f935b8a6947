"""Vision: what the company wants to reach."""

from __future__ import annotations

from wizard.app.steps.fields import Prose
from wizard.app.steps.form import Form
from wizard.i18n import N_


class VisionForm(Form):
    step_key = "vision"
    FIELDS = (
        Prose(N_("Vision"), ("vision",), placeholder=N_("Where you want your customer service to be in a few years")),
    )
