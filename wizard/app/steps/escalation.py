"""Escalation: the levels a case goes through, who handles it there, when, and how fast."""

from __future__ import annotations

from wizard.app.steps.fields import Duration, Records, Text
from wizard.app.steps.form import Form
from wizard.i18n import N_, Translator
from wizard.spec.model import ESCALATION_KEYS

_ = Translator("app").gettext


def level_label(number: int) -> str:
    """The number shown beside a level ("Level 2"), in the UI language."""
    return _("Level %(number)s") % {"number": number}


class EscalationForm(Form):
    step_key = "escalation"
    FIELDS = (
        Records(
            ("escalation",),
            fields=(
                Text(N_("Who handles it"), ("role",), placeholder=N_("A role, such as Team leader")),
                Text(N_("When a case goes to this level"), ("when",)),
                Duration(N_("Taken up within"), ("within",)),
            ),
            label=N_("Escalation levels, first to last"),
            key_order=ESCALATION_KEYS,
            add_label=N_("Add a level"),
            empty_text=N_("No levels yet. Start with whoever takes a case first."),
            name_key="role",
            # levels are numbered in the data; a level is tall: four fill the screen
            options={"renumber": "level", "number_label": level_label, "eager_rows": 4, "classes": "-levels"},
        ),
    )
