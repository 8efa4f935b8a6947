"""Purpose and scope: why the policy exists, whom it applies to, and the channels it covers."""

from __future__ import annotations

from wizard.app.labels import channel_label
from wizard.app.steps.fields import Prose, Ticks
from wizard.app.steps.form import Form
from wizard.i18n import N_
from wizard.spec.model import CHANNELS


class PurposeForm(Form):
    step_key = "purpose"
    FIELDS = (
        Prose(N_("Purpose"), ("purpose", "intent"), placeholder=N_("What this policy makes sure of")),
        Prose(N_("Applies to"), ("purpose", "applies_to"), placeholder=N_("Which teams and roles must follow it")),
        Ticks(
            N_("Channels customers use to reach you"),
            ("purpose", "channels"),
            CHANNELS,
            channel_label,
            help=N_("Space ticks or unticks the highlighted channel."),
        ),
    )
