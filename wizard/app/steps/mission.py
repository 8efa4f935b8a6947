"""Mission: a short paragraph on what the company does for its customers and why."""

from __future__ import annotations

from textual.app import ComposeResult

from wizard.app.steps.form import Form
from wizard.i18n import Translator

_ = Translator("app").gettext


class MissionForm(Form):
    step_key = "mission"

    def compose_fields(self) -> ComposeResult:
        yield self.prose(
            _("Mission"),
            ("mission",),
            placeholder=_("Two or three sentences: what you do for your customers, and why"),
        )
