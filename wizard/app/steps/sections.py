"""Extra sections: anything the policy needs that the other steps do not cover."""

from __future__ import annotations

from wizard.app.steps.fields import Prose, Records, Text
from wizard.app.steps.form import Form
from wizard.i18n import N_
from wizard.spec.model import SECTION_KEYS


class SectionsForm(Form):
    step_key = "sections"
    FIELDS = (
        Records(
            ("sections",),
            fields=(Text(N_("Heading"), ("title",)), Prose(N_("Text"), ("body",))),
            label=N_("Extra sections"),
            key_order=SECTION_KEYS,
            add_label=N_("Add a section"),
            empty_text=N_("No extra sections. Add one for anything the other steps do not cover."),
            name_key="title",
        ),
    )
