"""Values: what the team stands for, each with a short description."""

from __future__ import annotations

from wizard.app.steps.fields import Prose, Records, Text
from wizard.app.steps.form import Form
from wizard.i18n import N_
from wizard.spec.model import VALUE_KEYS


class ValuesForm(Form):
    step_key = "values"
    FIELDS = (
        Records(
            ("values",),
            fields=(Text(N_("Value"), ("name",)), Prose(N_("What it means in practice"), ("description",))),
            label=N_("Values"),
            key_order=VALUE_KEYS,
            add_label=N_("Add a value"),
            empty_text=N_("No values yet. Three to five are plenty."),
            name_key="name",
        ),
    )
