"""Training: onboarding, training methods, refresher cycle and resources."""

from __future__ import annotations

from textual.app import ComposeResult

from wizard.app.labels import method_label, unit_label
from wizard.app.steps.form import Checklist, Form, IntegerField
from wizard.i18n import Translator
from wizard.spec.model import TRAINING_METHODS

_ = Translator("app").gettext


class TrainingForm(Form):
    step_key = "training"

    def compose_fields(self) -> ComposeResult:
        yield self.prose(
            _("Onboarding"),
            ("training", "onboarding"),
            placeholder=_("How new staff learn the policy in their first weeks"),
        )
        yield Checklist(
            _("Training methods"),
            ("training", "methods"),
            self.value(("training", "methods")),
            TRAINING_METHODS,
            method_label,
            help=_("Space ticks or unticks the highlighted method."),
        )
        yield IntegerField(
            _("Refresher training every"),
            ("training", "refresher_every_months"),
            self.value(("training", "refresher_every_months")),
            minimum=1,
            maximum=120,
            unit=lambda months: unit_label("month", months),
            placeholder=_("e.g. 12"),
        )
        yield self.text_list(
            ("training", "resources"),
            label=_("Resources"),
            placeholder=_("A manual, a course, a knowledge base…"),
            add_label=_("Add a resource"),
        )
