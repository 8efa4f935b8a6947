"""The vocabulary of the policy spec (../shared/policy-spec.md), shared by every layer.

Plain constants and small value parsers only: the loader, the renderer, the
checks and the app all read them, so none of them can drift from the contract.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Union

SCHEMA_VERSION = 1
LANGUAGES = ("en", "hr", "zh", "tr")

CHANNELS = ("phone", "email", "live_chat", "social_media", "in_person", "messaging", "other")
METRICS = (
    "csat",
    "nps",
    "first_contact_resolution",
    "sla_compliance",
    "first_response_time",
    "resolution_time",
    "other",
)
PERCENT_METRICS = ("csat", "first_contact_resolution", "sla_compliance")
DURATION_METRICS = ("first_response_time", "resolution_time")
PROCEDURE_KINDS = ("inquiries", "complaints", "refunds", "closing", "feedback", "other")
TRAINING_METHODS = ("role_play", "shadowing", "e_learning", "workshops", "mentoring", "knowledge_base")
# What the policy calls the people it serves; the first is the default.
CUSTOMER_WORDS = ("customers", "clients", "guests", "users", "members", "patients")
DEFAULT_CUSTOMER_WORD = CUSTOMER_WORDS[0]

# Canonical key order of every mapping, as the contract lists them.
TOP_KEYS = (
    "schema_version",
    "language",
    "title",
    "company",
    "owner",
    "contact",
    "effective_date",
    "review_every_months",
    "customer_word",
    "purpose",
    "definitions",
    "mission",
    "vision",
    "values",
    "standards",
    "procedures",
    "escalation",
    "training",
    "enforcement",
    "sections",
    "revisions",
)
PURPOSE_KEYS = ("intent", "applies_to", "channels")
DEFINITION_KEYS = ("term", "meaning")
VALUE_KEYS = ("name", "description")
STANDARDS_KEYS = ("always", "never", "service_levels", "support_hours", "metrics")
SERVICE_LEVEL_KEYS = ("channel", "name", "first_response", "resolution")
METRIC_KEYS = ("metric", "name", "target")
PROCEDURE_KEYS = ("kind", "title", "steps", "acknowledge_within", "resolve_within")
ESCALATION_KEYS = ("level", "role", "when", "within")
TRAINING_KEYS = ("onboarding", "methods", "refresher_every_months", "resources")
ENFORCEMENT_KEYS = ("accountable", "monitoring", "consequences", "feedback")
SECTION_KEYS = ("title", "body")
REVISION_KEYS = ("date", "author", "note")

# Optional key of our own inside a translated text mapping (documented in the
# README): for each translation, a short hash of the source text it was made
# from, so `check` can tell a stale translation from a current one.
TRANSLATED_FROM = "translated_from"

DURATION_UNITS = ("second", "minute", "hour", "day", "working_day", "week", "month")
_UNIT_SPELLINGS = {
    "second": "second",
    "seconds": "second",
    "minute": "minute",
    "minutes": "minute",
    "hour": "hour",
    "hours": "hour",
    "day": "day",
    "days": "day",
    "working day": "working_day",
    "working days": "working_day",
    "working_day": "working_day",
    "working_days": "working_day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
}
# Numbers are written with the ASCII digits 0-9 only, in every number field: `\d` would also
# take full-width or Arabic-Indic digits, which the rest of the format (months, levels) rejects.
_DURATION_RE = re.compile(r"^([0-9]+) +([a-z_]+(?: [a-z]+)?)$")
_PERCENT_RE = re.compile(r"^([0-9]+(?:\.[0-9]+)?) ?%$")

# The blanks a number may have around it. Not str.strip()'s Unicode whitespace, which also
# takes control characters (U+001C-U+001F, U+0085) and would let "3 days\x85" pass unseen.
NUMBER_BLANKS = " \t\r\n"

# Where the contract's numbers stop meaning anything: beyond these a value is a typo (or an
# attack on the renderer, whose number formatting has limits of its own), never a policy.
MAX_DURATION_AMOUNT = 9999  # "9999 minutes" is a week; a larger number wants a larger unit
MAX_MONTHS = 120  # a review or refresher cycle of more than ten years is no cycle
MAX_LEVEL = 99  # escalation levels

# Rough length of each unit in minutes, only to compare two durations.
_UNIT_MINUTES = {
    "second": 1 / 60,
    "minute": 1,
    "hour": 60,
    "day": 24 * 60,
    "working_day": 24 * 60,
    "week": 7 * 24 * 60,
    "month": 30 * 24 * 60,
}

Text = Union[str, dict]


@dataclass(frozen=True)
class Duration:
    """A parsed duration such as `24 hours`: a positive amount and a canonical unit."""

    amount: int
    unit: str  # one of DURATION_UNITS

    @property
    def minutes(self) -> float:
        """Approximate length, for comparing a resolution target with a first response."""
        return self.amount * _UNIT_MINUTES[self.unit]


def parse_duration(value: Any) -> Duration | None:
    """`"24 hours"` -> Duration(24, "hour"); None when the value is not a valid duration."""
    if not isinstance(value, str):
        return None
    match = _DURATION_RE.match(value.strip(NUMBER_BLANKS))
    if not match:
        return None
    digits, unit = match.group(1).lstrip("0"), _UNIT_SPELLINGS.get(match.group(2))
    if unit is None or not digits or len(digits) > len(str(MAX_DURATION_AMOUNT)):
        return None  # (the length test keeps a 5,000-digit number away from int())
    amount = int(digits)
    return Duration(amount, unit) if amount <= MAX_DURATION_AMOUNT else None


def parse_percent(value: Any) -> float | None:
    """`"92.5%"` -> 92.5; None when the value is not a percentage from 0 to 100."""
    if not isinstance(value, str):
        return None
    match = _PERCENT_RE.match(value.strip(NUMBER_BLANKS))
    if not match:
        return None
    from decimal import Decimal

    # compared exactly: as a float, 100.0000000000000000000001 would round to 100
    number = Decimal(match.group(1))
    return float(number) if number <= 100 else None


def text_in(value: Any, lang: str, fallback: str) -> str | None:
    """The text of a translatable field in `lang`, else in the spec's language `fallback`."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for code in (lang, fallback):
            entry = value.get(code)
            if isinstance(entry, str) and entry.strip():
                return entry
    return None


def is_translated(value: Any, lang: str, source: str) -> bool:
    """Whether a text field has its own entry for `lang` (the source language always has)."""
    if lang == source:
        return True
    return isinstance(value, dict) and isinstance(value.get(lang), str) and bool(value[lang].strip())


def source_hash(text: str) -> str:
    """Eight hex digits identifying a source text, stored beside a translation made from it."""
    normalized = unicodedata.normalize("NFC", text.strip())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:8]


def with_translation(value: Any, lang: str, source: str, text: str) -> Any:
    """A text field after writing `text` in `lang`: a plain string stays plain in the source
    language; a translation turns it into a mapping and records which source text it was made from."""
    text = text.strip("\n")
    if lang == source:
        if isinstance(value, dict):
            updated = dict(value)
            updated[source] = text
            return updated
        return text
    base = value if isinstance(value, dict) else ({source: value} if isinstance(value, str) else {})
    updated = {key: entry for key, entry in base.items()}
    if text:
        updated[lang] = text
        origin = base.get(source)
        if isinstance(origin, str):
            hashes = dict(updated.get(TRANSLATED_FROM) or {})
            hashes[lang] = source_hash(origin)
            updated[TRANSLATED_FROM] = hashes
    else:
        updated.pop(lang, None)
        hashes = dict(updated.get(TRANSLATED_FROM) or {})
        hashes.pop(lang, None)
        if hashes:
            updated[TRANSLATED_FROM] = hashes
        else:
            updated.pop(TRANSLATED_FROM, None)
    languages = [key for key in updated if key != TRANSLATED_FROM]
    if languages == [source] and TRANSLATED_FROM not in updated:
        return updated[source]
    return updated


def get_at(data: Any, path: tuple) -> Any:
    """The value at `path` (keys and list indexes), or None when any step is missing."""
    for step in path:
        if isinstance(data, dict) and step in data:
            data = data[step]
        elif isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data):
            data = data[step]
        else:
            return None
    return data


def is_empty(value: Any) -> bool:
    """Blank text, empty lists and mappings count as absent: the contract leaves them out."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, dict)):
        return len(value) == 0
    return False


def set_at(data: dict, path: tuple, value: Any) -> None:
    """Set the value at `path`, creating mappings on the way; an empty value removes the key
    (and any mapping it leaves empty), so a cleared field never lingers as `key: ''`."""
    if not path:
        raise ValueError("empty path")
    parents = [data]
    node: Any = data
    for step in path[:-1]:
        if isinstance(node, list):
            node = node[step]
        else:
            if not isinstance(node.get(step), (dict, list)):
                if is_empty(value):
                    return
                node[step] = {}
            node = node[step]
        parents.append(node)
    last = path[-1]
    if is_empty(value):
        if isinstance(node, dict):
            node.pop(last, None)
        else:
            node[last] = value
        for depth in range(len(path) - 1, 0, -1):
            parent, child = parents[depth - 1], parents[depth]
            if isinstance(parent, dict) and isinstance(child, dict) and not child:
                parent.pop(path[depth - 1], None)
            else:
                break
    elif isinstance(node, list):
        node[last] = value
    else:
        node[last] = value
