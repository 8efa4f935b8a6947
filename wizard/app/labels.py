"""Names of the spec's fixed keys (channels, metrics, methods, procedure kinds, duration
units, languages) as the app shows them, in the UI language.

The renderer has its own words for the document (domain `render`, in the document's
language); these are the app's labels (domain `app`, in the UI language), because a
Croatian manager may write an English policy. Each mapping holds N_-marked English
msgids; call the functions below to get the translated label at display time.
"""

from __future__ import annotations

from wizard.i18n import N_, Translator

_ = Translator("app").gettext

CHANNEL_LABELS = {
    "phone": N_("Phone"),
    "email": N_("E-mail"),
    "live_chat": N_("Live chat"),
    "social_media": N_("Social media"),
    "in_person": N_("In person"),
    "messaging": N_("Messaging apps"),
    "other": N_("Other channel"),
}

METRIC_LABELS = {
    "csat": N_("Customer satisfaction (CSAT)"),
    "nps": N_("Net Promoter Score (NPS)"),
    "first_contact_resolution": N_("First contact resolution"),
    "sla_compliance": N_("Service levels met"),
    "first_response_time": N_("Average first response time"),
    "resolution_time": N_("Average resolution time"),
    "other": N_("Other metric"),
}

METHOD_LABELS = {
    "role_play": N_("Role play"),
    "shadowing": N_("Shadowing experienced colleagues"),
    "e_learning": N_("E-learning"),
    "workshops": N_("Workshops"),
    "mentoring": N_("Mentoring"),
    "knowledge_base": N_("Knowledge base"),
}

PROCEDURE_LABELS = {
    "inquiries": N_("Handling inquiries"),
    "complaints": N_("Handling complaints"),
    "refunds": N_("Refunds and returns"),
    "closing": N_("Closing an interaction"),
    "feedback": N_("Collecting feedback"),
    "other": N_("Other procedure"),
}

# Duration units, as shown in the unit picker next to a number.
UNIT_LABELS = {
    "minute": N_("minutes"),
    "hour": N_("hours"),
    "day": N_("days"),
    "working_day": N_("working days"),
    "week": N_("weeks"),
    "month": N_("months"),
    "second": N_("seconds"),
}

# Each language by its own name: a reader finds their language whatever the UI language is.
LANGUAGE_NAMES = {
    "en": "English",
    "hr": "Hrvatski",
    "zh": "中文（简体）",
    "tr": "Türkçe",
}


def channel_label(key: str) -> str:
    return _(CHANNEL_LABELS[key]) if key in CHANNEL_LABELS else key


def metric_label(key: str) -> str:
    return _(METRIC_LABELS[key]) if key in METRIC_LABELS else key


def method_label(key: str) -> str:
    return _(METHOD_LABELS[key]) if key in METHOD_LABELS else key


def procedure_label(key: str) -> str:
    return _(PROCEDURE_LABELS[key]) if key in PROCEDURE_LABELS else key


def unit_label(key: str) -> str:
    return _(UNIT_LABELS[key]) if key in UNIT_LABELS else key


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)
