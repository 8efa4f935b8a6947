"""Basics: title, company, owner, contact, effective date, review cycle, what the policy calls
the people it serves, document language."""

from __future__ import annotations

from wizard.app.labels import customer_word_label, language_name
from wizard.app.steps.fields import Choice, Date, Months, Text
from wizard.app.steps.form import Form
from wizard.i18n import N_
from wizard.spec.model import CUSTOMER_WORDS, LANGUAGES


class BasicsForm(Form):
    step_key = "basics"
    FIELDS = (
        Text(
            N_("Title"),
            ("title",),
            placeholder=N_("Customer Service Policy"),
            help=N_("Leave it empty for the standard title in the document's language: “Customer Service "
                    "Policy”, or “Guest Service Policy” when you serve guests, and so on."),
        ),
        Text(N_("Company"), ("company",), translatable=False, placeholder=N_("Your organisation's name")),
        Text(N_("Owner"), ("owner",), placeholder=N_("Name and role of the person who keeps this policy")),
        Text(N_("Contact for questions"), ("contact",), translatable=False, placeholder=N_("Email, phone or web page")),
        Date(N_("Effective date"), ("effective_date",)),
        Months(N_("Review every"), ("review_every_months",), help=N_("Review the policy at least once a year.")),
        Choice(
            N_("The people you serve"),
            ("customer_word",),
            CUSTOMER_WORDS,
            customer_word_label,
            prompt=N_("Customers (the default)"),
            help=N_("What the document calls them in its labels and titles: a café serves guests, "
                    "a software help desk users."),
        ),
        Choice(
            N_("Document language"),
            ("language",),
            LANGUAGES,
            language_name,
            allow_blank=False,
            help=N_("The language you write the policy in; translations can be added later."),
        ),
    )
