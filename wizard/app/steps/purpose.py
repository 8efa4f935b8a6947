"""Purpose and scope: why the policy exists, whom it applies to, and the channels it covers."""

from __future__ import annotations

from textual.app import ComposeResult

from wizard.app.labels import channel_label
from wizard.app.steps.form import Checklist, Form
from wizard.i18n import Translator
from wizard.spec.model import CHANNELS

_ = Translator("app").gettext


class PurposeForm(Form):
    step_key = "purpose"

    def compose_fields(self) -> ComposeResult:
        yield self.prose(
            _("Purpose"),
            ("purpose", "intent"),
            placeholder=_("What this policy makes sure of"),
        )
        yield self.prose(
            _("Applies to"),
            ("purpose", "applies_to"),
            placeholder=_("Which teams and roles must follow it"),
        )
        yield Checklist(
            _("Channels customers use to reach you"),
            ("purpose", "channels"),
            self.value(("purpose", "channels")),
            CHANNELS,
            channel_label,
            help=_("Space ticks or unticks the highlighted channel."),
        )
