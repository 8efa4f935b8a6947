"""Names of channels, metrics, procedures and durations in the UI language.

Findings are shown in the UI language, which may differ from the document's: a
Croatian manager may be writing the English edition. These names are therefore
taken from the `check` catalog, not from the document. Language names come from CLDR
(`wizard.i18n.language_name`), like everywhere else in the wizard.
"""

from __future__ import annotations

from typing import Any

from wizard.i18n import N_, Translator, ui_language
from wizard.spec.model import Duration, text_in

_t = Translator("check")
_ = _t.gettext

CHANNEL_NAMES = {
    "phone": N_("phone"),
    "email": N_("email"),
    "live_chat": N_("live chat"),
    "social_media": N_("social media"),
    "in_person": N_("in person"),
    "messaging": N_("messaging apps"),
    "other": N_("other channel"),
}
METRIC_NAMES = {
    "csat": N_("customer satisfaction (CSAT)"),
    "nps": N_("Net Promoter Score (NPS)"),
    "first_contact_resolution": N_("first contact resolution"),
    "sla_compliance": N_("service levels met"),
    "first_response_time": N_("first response time"),
    "resolution_time": N_("resolution time"),
    "other": N_("other metric"),
}
PROCEDURE_NAMES = {
    "inquiries": N_("Handling inquiries"),
    "complaints": N_("Handling complaints"),
    "refunds": N_("Refunds"),
    "closing": N_("Ending an interaction"),
    "feedback": N_("Customer feedback"),
    "other": N_("Other procedure"),
}


def _named(item: dict, key: str, names: dict, lang: str) -> str:
    """The name of `item[key]`: the author's own `name` when the key is `other`, else ours."""
    if item.get(key) == "other":
        name = text_in(item.get("name"), lang, lang)
        if name:
            return name.strip()
    return _(names.get(item.get(key), names["other"]))


def channel_name(item: dict, lang: str) -> str:
    """A service level's channel as the user knows it: the author's name for `other`."""
    return _named(item, "channel", CHANNEL_NAMES, lang)


def metric_name(item: dict, lang: str) -> str:
    """A metric as the user knows it: the author's name for `other`."""
    return _named(item, "metric", METRIC_NAMES, lang)


def procedure_name(item: dict, lang: str) -> str:
    title = text_in(item.get("title"), lang, lang)
    if title and title.strip():
        return title.strip()
    return _(PROCEDURE_NAMES.get(item.get("kind"), PROCEDURE_NAMES["other"]))


def duration_text(duration: Duration) -> str:
    """`24 hours` in the UI language, in the count form ("24 sata", "24 saat", "24小时")."""
    count = duration.amount
    forms = {
        "second": _t.ngettext("%(count)s second", "%(count)s seconds", count),
        "minute": _t.ngettext("%(count)s minute", "%(count)s minutes", count),
        "hour": _t.ngettext("%(count)s hour", "%(count)s hours", count),
        "day": _t.ngettext("%(count)s day", "%(count)s days", count),
        "working_day": _t.ngettext("%(count)s working day", "%(count)s working days", count),
        "week": _t.ngettext("%(count)s week", "%(count)s weeks", count),
        "month": _t.ngettext("%(count)s month", "%(count)s months", count),
    }
    return forms[duration.unit] % {"count": count}


_PERCENT_PATTERNS = {"en": "{}%", "hr": "{}\u00a0%", "tr": "%{}", "zh": "{}%"}


def percent_text(number: float) -> str:
    """A percentage in the UI language's convention: 90%, 90 % (hr), %90 (tr)."""
    text = f"{number:g}"
    if ui_language() in ("hr", "tr"):
        text = text.replace(".", ",")
    return _PERCENT_PATTERNS.get(ui_language(), "{}%").format(text)


def excerpt(text: Any, limit: int = 40) -> str:
    """The start of a text for quoting in a message: one line, at most `limit` characters."""
    if not isinstance(text, str):
        return ""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
