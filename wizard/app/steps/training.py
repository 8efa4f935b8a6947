"""Training: onboarding, training methods, refresher cycle and resources."""

from __future__ import annotations

from wizard.app.labels import method_label
from wizard.app.steps.fields import Months, Prose, TextList, Ticks
from wizard.app.steps.form import Form
from wizard.i18n import N_
from wizard.spec.model import TRAINING_METHODS


class TrainingForm(Form):
    step_key = "training"
    FIELDS = (
        Prose(N_("Onboarding"), ("training", "onboarding"), placeholder=N_("How new staff learn the policy in their first weeks")),
        Ticks(
            N_("Training methods"),
            ("training", "methods"),
            TRAINING_METHODS,
            method_label,
            help=N_("Space ticks or unticks the highlighted method."),
        ),
        Months(N_("Refresher training every"), ("training", "refresher_every_months")),
        TextList(
            ("training", "resources"),
            label=N_("Resources"),
            placeholder=N_("A manual, a course, a knowledge base…"),
            add_label=N_("Add a resource"),
        ),
    )
