"""Spec data -> Document: every word that is not the author's comes from the `render` catalog.

The data may be a draft (any key missing) or even slightly wrong while the app is
being typed into: a value that cannot be formatted is shown as typed, never an error.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from wizard.i18n import N_, translations
from wizard.spec.model import LANGUAGES, parse_duration, text_in

from .document import (
    BulletList,
    Definitions,
    Document,
    Fields,
    Heading,
    NumberedList,
    Paragraphs,
    Section,
    Table,
)
from .formatting import (
    format_date,
    format_duration,
    format_list,
    format_number,
    format_percent,
    format_signed,
    one_line,
    parse_date,
    save_memo,
)

AUDIENCES = ("internal", "public")
DASH = "\u2014"  # an empty table cell

# Names of enumerated values, as a table cell or list item (sentence case).
CHANNEL_NAMES = {
    "phone": N_("Phone"),
    "email": N_("Email"),
    "live_chat": N_("Live chat"),
    "social_media": N_("Social media"),
    "in_person": N_("In person"),
    "messaging": N_("Messaging apps"),
    "other": N_("Other channel"),
}


def pgettext(context: str, message: str) -> str:
    """Extraction marker for a message with a context; translated where shown."""
    return message


# The same inside running text ("phone, email and live chat"); context "in a sentence".
CHANNEL_WORDS = {
    "phone": pgettext("in a sentence", "phone"),
    "email": pgettext("in a sentence", "email"),
    "live_chat": pgettext("in a sentence", "live chat"),
    "social_media": pgettext("in a sentence", "social media"),
    "in_person": pgettext("in a sentence", "in person"),
    "messaging": pgettext("in a sentence", "messaging apps"),
    "other": pgettext("in a sentence", "other channels"),
}
METRIC_NAMES = {
    "csat": N_("Customer satisfaction (CSAT)"),
    "nps": N_("Net Promoter Score (NPS)"),
    "first_contact_resolution": N_("First contact resolution (FCR)"),
    "sla_compliance": N_("Service level agreement (SLA) compliance"),
    "first_response_time": N_("First response time"),
    "resolution_time": N_("Resolution time"),
    "other": N_("Other metric"),
}
METHOD_WORDS = {
    "role_play": pgettext("in a sentence", "role-play"),
    "shadowing": pgettext("in a sentence", "shadowing experienced colleagues"),
    "e_learning": pgettext("in a sentence", "e-learning"),
    "workshops": pgettext("in a sentence", "workshops"),
    "mentoring": pgettext("in a sentence", "mentoring"),
    "knowledge_base": pgettext("in a sentence", "the knowledge base"),
}
PROCEDURE_TITLES = {
    "inquiries": N_("Handling inquiries"),
    "complaints": N_("Handling complaints"),
    "refunds": N_("Refunds"),
    "closing": N_("Closing an interaction"),
    "feedback": N_("Handling customer feedback"),
    "other": N_("Other procedure"),
}


def _sentence_messages() -> dict[tuple[str, str], tuple[str, str]]:
    """(sentence, unit) -> (singular, plural): one message per unit, so that each language can
    put the quantity in the case its preposition needs (Croatian "u roku od 1 radnog dana")."""
    ngettext = _mark_plural
    return {
        ("complaint_ack", "second"): ngettext("We acknowledge every complaint within %(count)s second.", "We acknowledge every complaint within %(count)s seconds."),
        ("complaint_ack", "minute"): ngettext("We acknowledge every complaint within %(count)s minute.", "We acknowledge every complaint within %(count)s minutes."),
        ("complaint_ack", "hour"): ngettext("We acknowledge every complaint within %(count)s hour.", "We acknowledge every complaint within %(count)s hours."),
        ("complaint_ack", "day"): ngettext("We acknowledge every complaint within %(count)s day.", "We acknowledge every complaint within %(count)s days."),
        ("complaint_ack", "working_day"): ngettext("We acknowledge every complaint within %(count)s working day.", "We acknowledge every complaint within %(count)s working days."),
        ("complaint_ack", "week"): ngettext("We acknowledge every complaint within %(count)s week.", "We acknowledge every complaint within %(count)s weeks."),
        ("complaint_ack", "month"): ngettext("We acknowledge every complaint within %(count)s month.", "We acknowledge every complaint within %(count)s months."),
        ("complaint_resolve", "second"): ngettext("We resolve every complaint within %(count)s second.", "We resolve every complaint within %(count)s seconds."),
        ("complaint_resolve", "minute"): ngettext("We resolve every complaint within %(count)s minute.", "We resolve every complaint within %(count)s minutes."),
        ("complaint_resolve", "hour"): ngettext("We resolve every complaint within %(count)s hour.", "We resolve every complaint within %(count)s hours."),
        ("complaint_resolve", "day"): ngettext("We resolve every complaint within %(count)s day.", "We resolve every complaint within %(count)s days."),
        ("complaint_resolve", "working_day"): ngettext("We resolve every complaint within %(count)s working day.", "We resolve every complaint within %(count)s working days."),
        ("complaint_resolve", "week"): ngettext("We resolve every complaint within %(count)s week.", "We resolve every complaint within %(count)s weeks."),
        ("complaint_resolve", "month"): ngettext("We resolve every complaint within %(count)s month.", "We resolve every complaint within %(count)s months."),
        ("inquiry_ack", "second"): ngettext("We acknowledge every inquiry within %(count)s second.", "We acknowledge every inquiry within %(count)s seconds."),
        ("inquiry_ack", "minute"): ngettext("We acknowledge every inquiry within %(count)s minute.", "We acknowledge every inquiry within %(count)s minutes."),
        ("inquiry_ack", "hour"): ngettext("We acknowledge every inquiry within %(count)s hour.", "We acknowledge every inquiry within %(count)s hours."),
        ("inquiry_ack", "day"): ngettext("We acknowledge every inquiry within %(count)s day.", "We acknowledge every inquiry within %(count)s days."),
        ("inquiry_ack", "working_day"): ngettext("We acknowledge every inquiry within %(count)s working day.", "We acknowledge every inquiry within %(count)s working days."),
        ("inquiry_ack", "week"): ngettext("We acknowledge every inquiry within %(count)s week.", "We acknowledge every inquiry within %(count)s weeks."),
        ("inquiry_ack", "month"): ngettext("We acknowledge every inquiry within %(count)s month.", "We acknowledge every inquiry within %(count)s months."),
        ("inquiry_resolve", "second"): ngettext("We answer every inquiry within %(count)s second.", "We answer every inquiry within %(count)s seconds."),
        ("inquiry_resolve", "minute"): ngettext("We answer every inquiry within %(count)s minute.", "We answer every inquiry within %(count)s minutes."),
        ("inquiry_resolve", "hour"): ngettext("We answer every inquiry within %(count)s hour.", "We answer every inquiry within %(count)s hours."),
        ("inquiry_resolve", "day"): ngettext("We answer every inquiry within %(count)s day.", "We answer every inquiry within %(count)s days."),
        ("inquiry_resolve", "working_day"): ngettext("We answer every inquiry within %(count)s working day.", "We answer every inquiry within %(count)s working days."),
        ("inquiry_resolve", "week"): ngettext("We answer every inquiry within %(count)s week.", "We answer every inquiry within %(count)s weeks."),
        ("inquiry_resolve", "month"): ngettext("We answer every inquiry within %(count)s month.", "We answer every inquiry within %(count)s months."),
        ("refund_ack", "second"): ngettext("We acknowledge every refund request within %(count)s second.", "We acknowledge every refund request within %(count)s seconds."),
        ("refund_ack", "minute"): ngettext("We acknowledge every refund request within %(count)s minute.", "We acknowledge every refund request within %(count)s minutes."),
        ("refund_ack", "hour"): ngettext("We acknowledge every refund request within %(count)s hour.", "We acknowledge every refund request within %(count)s hours."),
        ("refund_ack", "day"): ngettext("We acknowledge every refund request within %(count)s day.", "We acknowledge every refund request within %(count)s days."),
        ("refund_ack", "working_day"): ngettext("We acknowledge every refund request within %(count)s working day.", "We acknowledge every refund request within %(count)s working days."),
        ("refund_ack", "week"): ngettext("We acknowledge every refund request within %(count)s week.", "We acknowledge every refund request within %(count)s weeks."),
        ("refund_ack", "month"): ngettext("We acknowledge every refund request within %(count)s month.", "We acknowledge every refund request within %(count)s months."),
        ("refund_resolve", "second"): ngettext("We settle every refund request within %(count)s second.", "We settle every refund request within %(count)s seconds."),
        ("refund_resolve", "minute"): ngettext("We settle every refund request within %(count)s minute.", "We settle every refund request within %(count)s minutes."),
        ("refund_resolve", "hour"): ngettext("We settle every refund request within %(count)s hour.", "We settle every refund request within %(count)s hours."),
        ("refund_resolve", "day"): ngettext("We settle every refund request within %(count)s day.", "We settle every refund request within %(count)s days."),
        ("refund_resolve", "working_day"): ngettext("We settle every refund request within %(count)s working day.", "We settle every refund request within %(count)s working days."),
        ("refund_resolve", "week"): ngettext("We settle every refund request within %(count)s week.", "We settle every refund request within %(count)s weeks."),
        ("refund_resolve", "month"): ngettext("We settle every refund request within %(count)s month.", "We settle every refund request within %(count)s months."),
        ("feedback_ack", "second"): ngettext("We acknowledge all feedback within %(count)s second.", "We acknowledge all feedback within %(count)s seconds."),
        ("feedback_ack", "minute"): ngettext("We acknowledge all feedback within %(count)s minute.", "We acknowledge all feedback within %(count)s minutes."),
        ("feedback_ack", "hour"): ngettext("We acknowledge all feedback within %(count)s hour.", "We acknowledge all feedback within %(count)s hours."),
        ("feedback_ack", "day"): ngettext("We acknowledge all feedback within %(count)s day.", "We acknowledge all feedback within %(count)s days."),
        ("feedback_ack", "working_day"): ngettext("We acknowledge all feedback within %(count)s working day.", "We acknowledge all feedback within %(count)s working days."),
        ("feedback_ack", "week"): ngettext("We acknowledge all feedback within %(count)s week.", "We acknowledge all feedback within %(count)s weeks."),
        ("feedback_ack", "month"): ngettext("We acknowledge all feedback within %(count)s month.", "We acknowledge all feedback within %(count)s months."),
        ("feedback_resolve", "second"): ngettext("We respond to all feedback within %(count)s second.", "We respond to all feedback within %(count)s seconds."),
        ("feedback_resolve", "minute"): ngettext("We respond to all feedback within %(count)s minute.", "We respond to all feedback within %(count)s minutes."),
        ("feedback_resolve", "hour"): ngettext("We respond to all feedback within %(count)s hour.", "We respond to all feedback within %(count)s hours."),
        ("feedback_resolve", "day"): ngettext("We respond to all feedback within %(count)s day.", "We respond to all feedback within %(count)s days."),
        ("feedback_resolve", "working_day"): ngettext("We respond to all feedback within %(count)s working day.", "We respond to all feedback within %(count)s working days."),
        ("feedback_resolve", "week"): ngettext("We respond to all feedback within %(count)s week.", "We respond to all feedback within %(count)s weeks."),
        ("feedback_resolve", "month"): ngettext("We respond to all feedback within %(count)s month.", "We respond to all feedback within %(count)s months."),
        ("request_ack", "second"): ngettext("We acknowledge every request within %(count)s second.", "We acknowledge every request within %(count)s seconds."),
        ("request_ack", "minute"): ngettext("We acknowledge every request within %(count)s minute.", "We acknowledge every request within %(count)s minutes."),
        ("request_ack", "hour"): ngettext("We acknowledge every request within %(count)s hour.", "We acknowledge every request within %(count)s hours."),
        ("request_ack", "day"): ngettext("We acknowledge every request within %(count)s day.", "We acknowledge every request within %(count)s days."),
        ("request_ack", "working_day"): ngettext("We acknowledge every request within %(count)s working day.", "We acknowledge every request within %(count)s working days."),
        ("request_ack", "week"): ngettext("We acknowledge every request within %(count)s week.", "We acknowledge every request within %(count)s weeks."),
        ("request_ack", "month"): ngettext("We acknowledge every request within %(count)s month.", "We acknowledge every request within %(count)s months."),
        ("request_resolve", "second"): ngettext("We resolve every request within %(count)s second.", "We resolve every request within %(count)s seconds."),
        ("request_resolve", "minute"): ngettext("We resolve every request within %(count)s minute.", "We resolve every request within %(count)s minutes."),
        ("request_resolve", "hour"): ngettext("We resolve every request within %(count)s hour.", "We resolve every request within %(count)s hours."),
        ("request_resolve", "day"): ngettext("We resolve every request within %(count)s day.", "We resolve every request within %(count)s days."),
        ("request_resolve", "working_day"): ngettext("We resolve every request within %(count)s working day.", "We resolve every request within %(count)s working days."),
        ("request_resolve", "week"): ngettext("We resolve every request within %(count)s week.", "We resolve every request within %(count)s weeks."),
        ("request_resolve", "month"): ngettext("We resolve every request within %(count)s month.", "We resolve every request within %(count)s months."),
    }


def _mark_plural(singular: str, plural: str) -> tuple[str, str]:
    return singular, plural


SENTENCES = _sentence_messages()
# Procedure kind -> the sentences of its acknowledge/resolve targets ("request" for the rest).
SENTENCE_FAMILIES = {"inquiries": "inquiry", "complaints": "complaint", "refunds": "refund", "feedback": "feedback"}


class _Words:
    """The catalog of one document language, with the helpers the builder needs."""

    def __init__(self, lang: str, source: str) -> None:
        self.lang = lang
        self.source = source
        catalog = translations(lang, "render")
        self.gettext = catalog.gettext
        self.ngettext = catalog.ngettext
        self.pgettext = catalog.pgettext
        self.field_pattern = self.gettext("%(label)s: %(value)s")

    def text(self, value: Any) -> str:
        """An author's text field in this language, else in the spec's language; "" if none."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        found = text_in(value, self.lang, self.source)
        if found is None and isinstance(value, dict):  # no entry in either: any language at all
            for code in LANGUAGES:
                entry = value.get(code)
                if isinstance(entry, str) and entry.strip():
                    found = entry
                    break
        return found.strip() if isinstance(found, str) else ""

    def count_sentence(self, family: str, value: Any) -> str:
        duration = parse_duration(value)
        if duration is None:
            return ""
        singular, plural = SENTENCES[(family, duration.unit)]
        return self.ngettext(singular, plural, duration.amount) % {
            "count": format_number(duration.amount, self.lang)
        }

    def every_months(self, months: Any, once: str, singular: str, plural: str) -> str:
        if not isinstance(months, int) or isinstance(months, bool) or months <= 0:
            return ""
        if months == 1:
            return self.gettext(once)
        return self.ngettext(singular, plural, months) % {"count": format_number(months, self.lang)}


# ------------------------------------------------------------------ helpers

_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Author text -> paragraphs (blank lines separate them); lines inside keep their breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return ()
    return tuple(
        "\n".join(line.rstrip() for line in part.split("\n")) for part in _BLANK_LINES.split(text)
    )


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _map(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _texts(words: _Words, values: Any) -> tuple[str, ...]:
    return tuple(text for text in (words.text(value) for value in _list(values)) if text)


def _paragraphs(words: _Words, value: Any) -> list:
    text = words.text(value)
    return [Paragraphs(split_paragraphs(text))] if text else []


def _keyed_names(words: _Words, names: dict[str, str], key: Any, custom: Any, default_other: str) -> str:
    if key == "other" or key not in names:
        own = words.text(custom)
        if own:
            return own
        if key in names:
            return words.gettext(names[key])
        return str(key) if key not in (None, "") else words.gettext(default_other)
    return words.gettext(names[key])


# ------------------------------------------------------------------ sections (internal)


def _title_section(data: dict, words: _Words, title: str) -> Section:
    _ = words.gettext
    items: list[tuple[str, str]] = []
    company = data.get("company")
    if isinstance(company, str) and company.strip():
        items.append((_("Company"), company.strip()))
    if data.get("effective_date"):
        items.append((_("Effective date"), format_date(data["effective_date"], words.lang)))
    owner = words.text(data.get("owner"))
    if owner:
        items.append((_("Policy owner"), owner))
    revisions = [r for r in _list(data.get("revisions")) if isinstance(r, dict)]
    if revisions:
        items.append((_("Version"), format_number(len(revisions), words.lang)))
    blocks = (Fields(tuple(items), words.field_pattern),) if items else ()
    return Section("title", title, blocks, level=1)


def _other_channel_names(data: dict, words: _Words) -> list[str]:
    """The names the service-level table gives its `other` channels: the scope list names the
    same channel ("community forum") instead of a vague "other channels" next to the table."""
    levels = _list(_map(data.get("standards")).get("service_levels"))
    names = (words.text(entry.get("name")) for entry in levels if isinstance(entry, dict) and entry.get("channel") == "other")
    return [name for name in names if name]


def _purpose_section(data: dict, words: _Words) -> Section | None:
    _ = words.gettext
    purpose = _map(data.get("purpose"))
    blocks: list = _paragraphs(words, purpose.get("intent"))
    fields: list[tuple[str, str]] = []
    applies = words.text(purpose.get("applies_to"))
    if applies:
        fields.append((_("Applies to"), applies))
    channels = []
    for key in _list(purpose.get("channels")):
        if key == "other" and _other_channel_names(data, words):
            channels.extend(_other_channel_names(data, words))
        elif key in CHANNEL_WORDS:
            channels.append(words.pgettext("in a sentence", CHANNEL_WORDS[key]))
        elif isinstance(key, str) and key.strip():
            channels.append(key.strip())
    if channels:
        fields.append((_("Channels in scope"), format_list(dict.fromkeys(channels), words.lang)))
    if fields:
        blocks.append(Fields(tuple(fields), words.field_pattern))
    if not blocks:
        return None
    return Section("purpose", _("Purpose and scope"), tuple(blocks))


def _pairs(words: _Words, entries: Any, first: str, second: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for entry in _list(entries):
        if not isinstance(entry, dict):
            continue
        term, meaning = words.text(entry.get(first)), words.text(entry.get(second))
        if term or meaning:
            pairs.append((term, one_line(meaning)))
    return tuple(pairs)


def _definitions_section(data: dict, words: _Words) -> Section | None:
    pairs = _pairs(words, data.get("definitions"), "term", "meaning")
    if not pairs:
        return None
    return Section("definitions", words.gettext("Definitions"), (Definitions(pairs, words.field_pattern),))


def _text_section(key: str, heading: str, data: dict, words: _Words) -> Section | None:
    blocks = _paragraphs(words, data.get(key))
    return Section(key, heading, tuple(blocks)) if blocks else None


def _values_section(data: dict, words: _Words, heading: str) -> Section | None:
    pairs = _pairs(words, data.get("values"), "name", "description")
    if not pairs:
        return None
    return Section("values", heading, (Definitions(pairs, words.field_pattern),))


def _commitment_blocks(standards: dict, words: _Words) -> list:
    _ = words.gettext
    blocks: list = []
    always = _texts(words, standards.get("always"))
    if always:
        blocks.append(BulletList(always, _("We will always:")))
    never = _texts(words, standards.get("never"))
    if never:
        blocks.append(BulletList(never, _("We will never:")))
    return blocks


def _service_level_table(standards: dict, words: _Words, header: tuple[str, str, str], caption: str = "") -> Table | None:
    rows = []
    for entry in _list(standards.get("service_levels")):
        if not isinstance(entry, dict):
            continue
        channel = _keyed_names(words, CHANNEL_NAMES, entry.get("channel"), entry.get("name"), "Other channel")
        first = format_duration(entry.get("first_response"), words.lang) or DASH
        resolution = format_duration(entry.get("resolution"), words.lang) or DASH
        rows.append((channel, first, resolution))
    if not rows:
        return None
    # A column no channel fills (a draft with first responses only) is left out.
    keep = [0] + [index for index in (1, 2) if any(row[index] != DASH for row in rows)]
    if len(keep) == 1:
        keep = [0, 1, 2]
    return Table(tuple(header[i] for i in keep), tuple(tuple(row[i] for i in keep) for row in rows), caption)


def _metric_target(entry: dict, words: _Words) -> str:
    metric, target = entry.get("metric"), entry.get("target")
    if target is None or target == "":
        return DASH
    if isinstance(target, int) and not isinstance(target, bool):
        return format_signed(target, words.lang) if metric == "nps" else format_number(target, words.lang)
    if isinstance(target, str):
        if parse_duration(target) is not None:
            return format_duration(target, words.lang)
        percent = format_percent(target, words.lang)
        if percent != target:
            return percent
    return words.text(target) or str(target)


def _standards_section(data: dict, words: _Words) -> Section | None:
    _ = words.gettext
    standards = _map(data.get("standards"))
    blocks = _commitment_blocks(standards, words)
    table = _service_level_table(standards, words, (_("Channel"), _("First response"), _("Resolution")), _("Service levels"))
    if table:
        blocks.append(Heading(_("Service levels")))
        blocks.append(table)
    hours = words.text(standards.get("support_hours"))
    if hours:
        blocks.append(Fields(((_("Support hours"), one_line(hours)),), words.field_pattern))
    rows = []
    for entry in _list(standards.get("metrics")):
        if not isinstance(entry, dict):
            continue
        name = _keyed_names(words, METRIC_NAMES, entry.get("metric"), entry.get("name"), "Other metric")
        rows.append((name, _metric_target(entry, words)))
    if rows:
        blocks.append(Heading(_("Performance targets")))
        blocks.append(Table((_("Metric"), _("Target")), tuple(rows), _("Performance targets")))
    if not blocks:
        return None
    return Section("standards", _("Service standards"), tuple(blocks))


def _procedure_blocks(procedure: dict, words: _Words) -> list:
    kind = procedure.get("kind")
    title = words.text(procedure.get("title"))
    if not title:
        title = words.gettext(PROCEDURE_TITLES.get(kind, PROCEDURE_TITLES["other"]))
    body: list = []
    steps = _texts(words, procedure.get("steps"))
    if steps:
        body.append(NumberedList(tuple(one_line(step) for step in steps)))
    family = SENTENCE_FAMILIES.get(kind, "request")
    sentences = [
        words.count_sentence(f"{family}_ack", procedure.get("acknowledge_within")),
        words.count_sentence(f"{family}_resolve", procedure.get("resolve_within")),
    ]
    sentences = [s for s in sentences if s]
    if sentences:
        body.append(Paragraphs((" ".join(sentences),) if words.lang != "zh" else ("".join(sentences),)))
    return [Heading(title), *body] if body else []


def _procedures_section(data: dict, words: _Words) -> Section | None:
    blocks: list = []
    for procedure in _list(data.get("procedures")):
        if isinstance(procedure, dict):
            blocks.extend(_procedure_blocks(procedure, words))
    if not blocks:
        return None
    return Section("procedures", words.gettext("Procedures"), tuple(blocks))


def _escalation_section(data: dict, words: _Words) -> Section | None:
    _ = words.gettext
    levels = [entry for entry in _list(data.get("escalation")) if isinstance(entry, dict)]
    if not levels:
        return None
    with_time = any(entry.get("within") for entry in levels)
    rows = []
    for entry in levels:
        level = entry.get("level")
        level_text = format_number(level, words.lang) if isinstance(level, int) and not isinstance(level, bool) else words.text(level)
        row = [level_text or DASH, words.text(entry.get("role")) or DASH, one_line(words.text(entry.get("when"))) or DASH]
        if with_time:
            row.append(format_duration(entry.get("within"), words.lang) or DASH)
        rows.append(tuple(row))
    header = [_("Level"), _("Role"), _("When a case goes to this level")]
    if with_time:
        header.append(_("Time limit"))
    return Section("escalation", _("Escalation matrix"), (Table(tuple(header), tuple(rows), _("Escalation matrix")),))


def _training_section(data: dict, words: _Words) -> Section | None:
    _ = words.gettext
    training = _map(data.get("training"))
    blocks: list = []
    onboarding = _paragraphs(words, training.get("onboarding"))
    if onboarding:
        blocks.append(Heading(_("Onboarding")))
        blocks.extend(onboarding)
    methods = []
    for key in _list(training.get("methods")):
        if key in METHOD_WORDS:
            methods.append(words.pgettext("in a sentence", METHOD_WORDS[key]))
    sentences = []
    if methods:
        sentences.append(_("We train through %(methods)s.") % {"methods": format_list(dict.fromkeys(methods), words.lang)})
    refresher = words.every_months(
        training.get("refresher_every_months"),
        N_("Everyone takes refresher training every month."),
        "Everyone takes refresher training every %(count)s month.",
        "Everyone takes refresher training every %(count)s months.",
    )
    if refresher:
        sentences.append(refresher)
    if sentences:
        blocks.append(Heading(_("Ongoing training")))
        blocks.append(Paragraphs((("" if words.lang == "zh" else " ").join(sentences),)))
    resources = _texts(words, training.get("resources"))
    if resources:
        blocks.append(Heading(_("Resources")))
        blocks.append(BulletList(tuple(one_line(r) for r in resources)))
    if not blocks:
        return None
    return Section("training", _("Training and resources"), tuple(blocks))


def _enforcement_section(data: dict, words: _Words) -> Section | None:
    _ = words.gettext
    enforcement = _map(data.get("enforcement"))
    blocks: list = []
    accountable = words.text(enforcement.get("accountable"))
    if accountable:
        blocks.append(Fields(((_("Responsible for compliance"), one_line(accountable)),), words.field_pattern))
    for key, label in (
        ("monitoring", N_("Monitoring")),
        ("consequences", N_("Consequences")),
        ("feedback", N_("Suggestions from staff")),
    ):
        paragraphs = _paragraphs(words, enforcement.get(key))
        if paragraphs:
            blocks.append(Heading(_(label)))
            blocks.extend(paragraphs)
    review = words.every_months(
        data.get("review_every_months"),
        N_("This policy is reviewed every month."),
        "This policy is reviewed every %(count)s month.",
        "This policy is reviewed every %(count)s months.",
    )
    if review:
        blocks.append(Heading(_("Review")))
        blocks.append(Paragraphs((review,)))
    if not blocks:
        return None
    return Section("enforcement", _("Enforcement and review"), tuple(blocks))


def _extra_sections(data: dict, words: _Words) -> Section | None:
    blocks: list = []
    for entry in _list(data.get("sections")):
        if not isinstance(entry, dict):
            continue
        title, body = words.text(entry.get("title")), words.text(entry.get("body"))
        if not title and not body:
            continue
        blocks.append(Heading(title or words.gettext("Additional provisions"), level=2))
        if body:
            blocks.append(Paragraphs(split_paragraphs(body)))
    return Section("sections", "", tuple(blocks)) if blocks else None


def _contact_section(data: dict, words: _Words, heading: str, sentence: str) -> Section | None:
    contact = data.get("contact")
    if not isinstance(contact, str) or not contact.strip():
        return None
    return Section("contact", heading, (Paragraphs((words.gettext(sentence) % {"contact": one_line(contact)},)),))


def _revisions_section(data: dict, words: _Words) -> Section | None:
    _ = words.gettext
    revisions = [entry for entry in _list(data.get("revisions")) if isinstance(entry, dict)]
    if not revisions:
        return None
    blocks: list = []
    dates = [parse_date(entry.get("date")) for entry in revisions]
    known = [day for day in dates if day is not None]
    if known:
        blocks.append(Fields(((_("Last revised"), format_date(max(known), words.lang)),), words.field_pattern))
    rows = []
    for entry in revisions:
        author = entry.get("author")
        rows.append(
            (
                format_date(entry.get("date"), words.lang) or DASH,
                (author.strip() if isinstance(author, str) else "") or DASH,
                one_line(words.text(entry.get("note"))) or DASH,
            )
        )
    blocks.append(Table((_("Date"), _("Author"), _("Change")), tuple(rows), _("Changelog")))
    return Section("revisions", _("Revision history"), tuple(blocks))


# ------------------------------------------------------------------ public charter


def _public_sections(data: dict, words: _Words) -> list[Section | None]:
    _ = words.gettext
    standards = _map(data.get("standards"))
    sections: list[Section | None] = [
        _text_section("mission", _("Our mission"), data, words),
        _text_section("vision", _("Our vision"), data, words),
        _values_section(data, words, _("Our values")),
    ]
    commitments = _commitment_blocks(standards, words)
    if commitments:
        sections.append(Section("commitments", _("Our commitments to you"), tuple(commitments)))
    service: list = []
    table = _service_level_table(standards, words, (_("Channel"), _("First response"), _("Resolution")), _("Response times"))
    if table:
        service.append(table)
    hours = words.text(standards.get("support_hours"))
    if hours:
        service.append(Fields(((_("Support hours"), one_line(hours)),), words.field_pattern))
    if service:
        sections.append(Section("service", _("When you can expect an answer"), tuple(service)))
    complaints = [p for p in _list(data.get("procedures")) if isinstance(p, dict) and p.get("kind") == "complaints"]
    if complaints:
        procedure = complaints[0]
        sentences = [_("If something goes wrong, please tell us: every complaint is recorded and answered.")]
        sentences.append(words.count_sentence("complaint_ack", procedure.get("acknowledge_within")))
        sentences.append(words.count_sentence("complaint_resolve", procedure.get("resolve_within")))
        joiner = "" if words.lang == "zh" else " "
        blocks: list = [Paragraphs((joiner.join(s for s in sentences if s),))]
        escalation = [e for e in _list(data.get("escalation")) if isinstance(e, dict)]
        if len(escalation) > 1:
            blocks.append(Paragraphs((_("If you are not satisfied with the answer, you can ask for your complaint to be reviewed by a more senior member of our team."),)))
        sections.append(Section("complaints", _("How to complain"), tuple(blocks)))
    sections.append(_contact_section(data, words, _("Contact us"), N_("We are here to help: %(contact)s")))
    return sections


# ------------------------------------------------------------------ entry point


def _is_own_entry(value: Any, lang: str) -> bool:
    return isinstance(value, dict) and isinstance(value.get(lang), str) and bool(value[lang].strip())


def build_document(data: dict, lang: str, audience: str = "internal") -> Document:
    """The document of `data` in `lang` for `audience` ("internal": the whole policy;
    "public": the short customer-facing charter). Empty sections are left out."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang!r}")
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience: {audience!r}")
    if not isinstance(data, dict):
        data = {}
    source = data.get("language") if data.get("language") in LANGUAGES else lang
    words = _Words(lang, source)
    _ = words.gettext
    if audience == "public":
        title = _("Customer Service Charter")
        company = data.get("company")
        intro = _("This charter sets out what you can expect from us whenever you contact us.")
        # For customers the company is the subtitle, not a labelled field.
        lead = (one_line(company), intro) if isinstance(company, str) and company.strip() else (intro,)
        blocks: list = [Paragraphs(lead)]
        sections = [Section("title", title, tuple(blocks), level=1), *_public_sections(data, words)]
    else:
        title = words.text(data.get("title"))
        default = _("Customer Service Policy")
        if not title or (
            not _is_own_entry(data.get("title"), lang)
            and title == translations(source, "render").gettext("Customer Service Policy")
        ):
            title = default  # the default title, untouched, reads in the document's language
        title = one_line(title)
        sections = [
            _title_section(data, words, title),
            _purpose_section(data, words),
            _definitions_section(data, words),
            _text_section("mission", _("Mission"), data, words),
            _text_section("vision", _("Vision"), data, words),
            _values_section(data, words, _("Values")),
            _standards_section(data, words),
            _procedures_section(data, words),
            _escalation_section(data, words),
            _training_section(data, words),
            _enforcement_section(data, words),
            _extra_sections(data, words),
            _contact_section(data, words, _("Contact"), N_("Questions about this policy: %(contact)s")),
            _revisions_section(data, words),
        ]
    save_memo()
    return Document(lang, title, tuple(s for s in sections if s is not None), audience)


# Plural messages built at run time, listed here so extraction sees them.
def _extraction_only(ngettext: Callable[..., str]) -> None:  # pragma: no cover
    ngettext("Everyone takes refresher training every %(count)s month.", "Everyone takes refresher training every %(count)s months.", 1)
    ngettext("This policy is reviewed every %(count)s month.", "This policy is reviewed every %(count)s months.", 1)
