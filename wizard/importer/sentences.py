"""Our own sentences around numbers, read back: "We resolve every complaint within 7 working
days." -> ("complaint_resolve", "7 working days").

The patterns come from the `render` catalog (every plural form of every sentence), and a
match counts only when the renderer writes the value found as exactly that sentence again.
"""

from __future__ import annotations

import re
from functools import cache

from wizard.i18n import translations
from wizard.render import build
from wizard.spec.model import DURATION_UNITS

from .values import _integer, parse_number, spec_duration, squash
from .vocabulary import pattern

# Counts that reach every plural form of the four languages (Croatian one/few/other among them).
_SAMPLE_COUNTS = (0, 1, 2, 3, 5, 11, 21, 22, 25, 101, 111)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")

# Sentences with a number of months: key -> (once, singular, plural).
MONTH_SENTENCES = {
    "refresher_every_months": (
        "Everyone takes refresher training every month.",
        "Everyone takes refresher training every %(count)s month.",
        "Everyone takes refresher training every %(count)s months.",
    ),
    "review_every_months": (
        "This policy is reviewed every month.",
        "This policy is reviewed every %(count)s month.",
        "This policy is reviewed every %(count)s months.",
    ),
}


def split_sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


@cache
def _count_patterns(lang: str) -> tuple[tuple[str, str, re.Pattern], ...]:
    catalog = translations(lang, "render")
    found = []
    for (family, unit), (singular, plural) in build.SENTENCES.items():
        forms = {catalog.ngettext(singular, plural, n) for n in _SAMPLE_COUNTS}
        found.extend((family, unit, pattern(form)) for form in forms)
    return tuple(found)


def read_time_sentence(sentence: str, lang: str) -> tuple[str, str] | None:
    """(sentence family such as "complaint_ack", spec duration) of one of our sentences."""
    words = build._Words(lang, lang)
    for family, unit, regex in _count_patterns(lang):
        match = regex.match(sentence)
        if not match:
            continue
        amount = _integer(parse_number(match.group("count"), lang))
        if amount is None or amount <= 0 or unit not in DURATION_UNITS:
            continue
        duration = spec_duration(amount, unit)
        if squash(words.count_sentence(family, duration)) == squash(sentence):
            return family, duration
    return None


def read_month_sentence(sentence: str, lang: str) -> tuple[str, int] | None:
    """(spec key, months) of a "reviewed every N months" style sentence of ours."""
    catalog = translations(lang, "render")
    words = build._Words(lang, lang)
    for key, (once, singular, plural) in MONTH_SENTENCES.items():
        if squash(catalog.gettext(once)) == squash(sentence):
            return key, 1
        for form in {catalog.ngettext(singular, plural, n) for n in _SAMPLE_COUNTS}:
            match = pattern(form).match(sentence)
            if not match:
                continue
            months = _integer(parse_number(match.group("count"), lang))
            if months and months > 1 and squash(words.every_months(months, once, singular, plural)) == squash(sentence):
                return key, months
    return None
