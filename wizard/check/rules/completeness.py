"""Missing parts: a complete policy is owned, reachable, scoped and covers the essentials.

The seeds agree on the elements every customer-service policy needs: a purpose
and scope, a short mission, standards with concrete response times per channel,
a complaints procedure, escalation, training, enforcement, an owner, a contact
for questions and a regular review. Each missing element is one warning.
"""

from __future__ import annotations

from typing import Any, Iterator

from wizard.check.engine import Context, rule
from wizard.check.names import CHANNEL_NAMES, channel_name
from wizard.i18n import N_, Translator
from wizard.spec import model

_ = Translator("check").gettext


def has_text(value: Any) -> bool:
    """A text field with something written in any language."""
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return any(
            isinstance(text, str) and text.strip() for lang, text in value.items() if lang in model.LANGUAGES
        )
    return False


def has_content(value: Any) -> bool:
    """A section with at least one written piece of text or one value."""
    if isinstance(value, dict) and any(lang in value for lang in model.LANGUAGES):
        return has_text(value)
    if isinstance(value, dict):
        return any(has_content(item) for key, item in value.items() if key != model.TRANSLATED_FROM)
    if isinstance(value, list):
        return any(has_content(item) for item in value)
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None


@rule("missing-owner", "warning", N_("Nobody is named as the owner of this policy."))
def missing_owner(ctx: Context) -> Iterator[tuple]:
    """A policy that nobody owns is never updated: the seeds name a manager who keeps it,
    answers questions about it and makes sure it is followed."""
    if not has_text(ctx.get("owner")):
        yield (
            ("owner",),
            _("Nobody is named as the owner of this policy."),
            _("Name the person or role who keeps it up to date, for example the customer service manager."),
        )


@rule("missing-contact", "warning", N_("There is no contact for questions about this policy."))
def missing_contact(ctx: Context) -> Iterator[tuple]:
    """Every template in the seeds ends with where to ask: staff and customers need a real
    address, not "please contact us"."""
    if not has_text(ctx.get("contact")):
        yield (
            ("contact",),
            _("There is no contact for questions about this policy."),
            _("Add an email address, a phone number or a web page where questions go."),
        )


@rule("missing-purpose", "warning", N_("The policy does not say what it is for or whom it applies to."))
def missing_purpose(ctx: Context) -> Iterator[tuple]:
    """Intent and scope come first in the seeds' templates: readers must know why the policy
    exists and whether it applies to them."""
    purpose = ctx.mapping("purpose")
    if not has_text(purpose.get("intent")) and not has_text(purpose.get("applies_to")):
        yield (
            ("purpose",),
            _("The policy does not say what it is for or whom it applies to."),
            _("Add one sentence on its purpose and one on who must follow it."),
        )


@rule("missing-mission", "warning", N_("There is no mission statement."))
def missing_mission(ctx: Context) -> Iterator[tuple]:
    """A short mission sets the tone for how staff treat customers (seeds: a few sentences
    on what the company does and why)."""
    if not has_text(ctx.get("mission")):
        yield (
            ("mission",),
            _("There is no mission statement."),
            _("Write two or three sentences: what the company does for its customers, and why."),
        )


@rule("missing-standards", "warning", N_("There are no service standards."))
def missing_standards(ctx: Context) -> Iterator[tuple]:
    """Standards are the heart of the policy: what staff always and never do, and how fast
    each channel answers."""
    if not has_content(ctx.get("standards")):
        yield (
            ("standards",),
            _("There are no service standards."),
            _("Add what staff will always and never do, and a response time for each channel."),
        )


@rule("missing-service-levels", "warning", N_("No channel has a response time."))
def missing_service_levels(ctx: Context) -> Iterator[tuple]:
    """The seeds' first tip is to be precise: "an email response within 24 hours" beats "quick
    service". Reported only when standards exist and no channels are listed in the scope
    (listed channels get their own finding each)."""
    standards = ctx.get("standards")
    channels = ctx.get("purpose", "channels")
    if has_content(standards) and not ctx.items("standards", "service_levels") and not channels:
        yield (
            ("standards", "service_levels"),
            _("No channel has a response time."),
            _("Add a service level for each channel customers use, for example email: first response within 24 hours."),
        )


def _scope_channels(ctx: Context) -> list[str]:
    channels = ctx.get("purpose", "channels")
    if not isinstance(channels, list):
        return []
    return [channel for channel in channels if isinstance(channel, str)]


@rule(
    "channel-without-service-level",
    "warning",
    N_("A channel in scope has no service level."),
)
def channel_without_service_level(ctx: Context) -> Iterator[tuple]:
    """Customers judge each channel by how fast it answers: every channel the policy covers
    needs a first-response target."""
    covered = {item.get("channel") for _index, item in ctx.items("standards", "service_levels")}
    for index, channel in enumerate(_scope_channels(ctx)):
        if channel not in covered and channel in CHANNEL_NAMES:
            name = _(CHANNEL_NAMES[channel])
            yield (
                ("purpose", "channels", index),
                _("The channel “%(channel)s” is in scope but has no service level.") % {"channel": name},
                _("Add a service level for “%(channel)s” with a first response time.") % {"channel": name},
            )


@rule(
    "service-level-out-of-scope",
    "warning",
    N_("A service level is set for a channel that is not in scope."),
)
def service_level_out_of_scope(ctx: Context) -> Iterator[tuple]:
    """The scope lists the channels the policy covers; a target for a channel outside it is
    either a forgotten channel or a leftover. Only checked when the scope lists channels."""
    scope = set(_scope_channels(ctx))
    if not scope:
        return
    for index, item in ctx.items("standards", "service_levels"):
        channel = item.get("channel")
        if isinstance(channel, str) and channel not in scope:
            name = channel_name(item, ctx.lang)
            yield (
                ("standards", "service_levels", index, "channel"),
                _("The channel “%(channel)s” has a service level but is not in the scope's list of channels.")
                % {"channel": name},
                _("Add “%(channel)s” to the channels under purpose and scope, or remove this service level.")
                % {"channel": name},
            )


@rule("missing-support-hours", "warning", N_("Response times are set but not the hours when they apply."))
def missing_support_hours(ctx: Context) -> Iterator[tuple]:
    """"An answer within 3 minutes" means little until customers know when the team is there:
    the seeds pair response times with support hours."""
    standards = ctx.mapping("standards")
    if ctx.items("standards", "service_levels") and not has_text(standards.get("support_hours")):
        yield (
            ("standards", "support_hours"),
            _("The response times do not say when they apply: there are no support hours."),
            _("Add the days and hours customers can reach the team, for example Monday to Friday, 8:00 to 20:00."),
        )


@rule("missing-complaints-procedure", "warning", N_("There is no complaints procedure."))
def missing_complaints_procedure(ctx: Context) -> Iterator[tuple]:
    """Complaints are inevitable; the seeds spell out logging them, acknowledging them within
    a set time and resolving them within another."""
    # A draft may hold anything under `kind` (a list, a mapping): compare, do not hash.
    if not any(item.get("kind") == "complaints" for _index, item in ctx.items("procedures")):
        yield (
            ("procedures",),
            _("There is no complaints procedure."),
            _("Add a complaints procedure: how a complaint is logged, when it is acknowledged and when it is resolved."),
        )


@rule("complaint-without-deadline", "warning", N_("A complaints procedure without a time to acknowledge or resolve."))
def complaint_without_deadline(ctx: Context) -> Iterator[tuple]:
    """The seeds' complaint procedure acknowledges a complaint within a set number of working
    days and says when a full answer follows; without those times the customer cannot tell
    whether the complaint is being handled."""
    for index, item in ctx.items("procedures"):
        if item.get("kind") != "complaints":
            continue
        if not model.parse_duration(item.get("acknowledge_within")) and not model.parse_duration(item.get("resolve_within")):
            yield (
                ("procedures", index),
                _("The complaints procedure does not say when a complaint is acknowledged or resolved."),
                _("Add both times, for example acknowledged within 2 working days and resolved within 10 working days."),
            )


@rule("missing-escalation", "warning", N_("There is no escalation matrix."))
def missing_escalation(ctx: Context) -> Iterator[tuple]:
    """Staff must know who takes over when they cannot solve a problem (the seeds' escalation
    matrix)."""
    if not ctx.items("escalation"):
        yield (
            ("escalation",),
            _("There is no escalation matrix."),
            _("Say who takes over when a representative cannot solve a problem, and within what time."),
        )


@rule("missing-training", "warning", N_("The policy says nothing about training."))
def missing_training(ctx: Context) -> Iterator[tuple]:
    """A policy nobody is trained on stays on paper: the seeds put it into onboarding and
    regular refresher sessions."""
    if not has_content(ctx.get("training")):
        yield (
            ("training",),
            _("The policy says nothing about training."),
            _("Describe how new staff learn the policy and how often training is refreshed."),
        )


@rule("missing-enforcement", "warning", N_("The policy does not say who makes sure it is followed."))
def missing_enforcement(ctx: Context) -> Iterator[tuple]:
    """The seeds insist on a section about enforcement so that everyone is accountable, not
    just another document."""
    if not has_content(ctx.get("enforcement")):
        yield (
            ("enforcement",),
            _("The policy does not say who makes sure it is followed."),
            _("Name who is accountable and how compliance is monitored."),
        )
