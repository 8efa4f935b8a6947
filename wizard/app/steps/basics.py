"""Basics: title, company, owner, contact, effective date, review cycle, document language."""

from __future__ import annotations

from textual.app import ComposeResult

from wizard.app.labels import language_name, unit_label
from wizard.app.steps.form import ChoiceField, DateInput, Form, IntegerField
from wizard.i18n import Translator
from wizard.spec.model import LANGUAGES

_ = Translator("app").gettext


class BasicsForm(Form):
    step_key = "basics"

    def compose_fields(self) -> ComposeResult:
        yield self.text(
            _("Title"),
            ("title",),
            placeholder=_("Customer Service Policy"),
            help=_("Leave it empty to use “Customer Service Policy” in the document's language."),
        )
        yield self.text(
            _("Company"),
            ("company",),
            translatable=False,
            placeholder=_("Your organisation's name"),
        )
        yield self.text(
            _("Owner"),
            ("owner",),
            placeholder=_("Name and role of the person who keeps this policy"),
        )
        yield self.text(
            _("Contact for questions"),
            ("contact",),
            translatable=False,
            placeholder=_("E-mail, phone or web page"),
        )
        yield DateInput(_("Effective date"), ("effective_date",), self.value(("effective_date",)))
        yield IntegerField(
            _("Review every"),
            ("review_every_months",),
            self.value(("review_every_months",)),
            minimum=1,
            maximum=120,
            unit=lambda months: unit_label("month", months),
            placeholder=_("e.g. 12"),
            help=_("Review the policy at least once a year."),
        )
        yield ChoiceField(
            _("Document language"),
            ("language",),
            self.value(("language",)),
            LANGUAGES,
            language_name,
            allow_blank=False,
            help=_("The language you write the policy in; translations can be added later."),
        )
