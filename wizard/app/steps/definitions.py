"""Definitions: the terms the policy uses, each with its meaning."""

from __future__ import annotations

from wizard.app.steps.fields import Prose, Records, Text
from wizard.app.steps.form import Form
from wizard.i18n import N_
from wizard.spec.model import DEFINITION_KEYS


class DefinitionsForm(Form):
    step_key = "definitions"
    FIELDS = (
        Records(
            ("definitions",),
            fields=(Text(N_("Term"), ("term",)), Prose(N_("Meaning"), ("meaning",))),
            label=N_("Terms and their meaning"),
            key_order=DEFINITION_KEYS,
            add_label=N_("Add a term"),
            empty_text=N_("No terms yet. Define every abbreviation the policy uses, such as SLA."),
            name_key="term",
        ),
    )
