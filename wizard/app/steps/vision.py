"""Vision: what the company wants to reach."""

from __future__ import annotations

from textual.app import ComposeResult

from wizard.app.steps.form import Form
from wizard.i18n import Translator

_ = Translator("app").gettext


class VisionForm(Form):
    step_key = "vision"

    def compose_fields(self) -> ComposeResult:
        yield self.prose(
            _("Vision"),
            ("vision",),
            placeholder=_("Where you want your customer service to be in a few years"),
        )
