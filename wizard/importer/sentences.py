"""Our own sentences around numbers, read back: "We acknowledge every complaint within 1 working
day and resolve it within 7 working days." -> ("complaint", "1 working day", "7 working days").

The patterns come from the `render` catalog (every plural form of every "within N <unit>"), and a
match counts only when the renderer writes the values found as exactly that sentence again.
"""

from __future__ import annotations

import re
from functools import cache

from wizard.i18n import translations
from wizard.render import build
from wizard.render.formatting import format_rank

from .values import parse_number, spec_duration, squash, whole_number
from .vocabulary import pattern

# Counts that reach every plural form of the four languages (Croatian one/few/other among them).
_SAMPLE_COUNTS = (0, 1, 2, 3, 5, 11, 21, 22, 25, 101, 111)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")

# Sentences with a number of months: key -> its variants; the review sentence may name the
# document as a policy or by a neutral word (see build.DOCUMENT_PHRASES).
MONTH_SENTENCES = {
    "refresher_every_months": (build.REFRESHER,),
    "review_every_months": build.DOCUMENT_PHRASES["review"],
}
# The counts a month sentence writes in words of their own ("every year").
_FIXED_MONTHS = (1, 12, 24)


def split_sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


@cache
def _within_patterns(lang: str) -> tuple[tuple[str, re.Pattern], ...]:
    catalog = translations(lang, "render")
    found = []
    for unit, (singular, plural) in build.WITHIN.items():
        forms = {catalog.ngettext(singular, plural, n) for n in _SAMPLE_COUNTS}
        found.extend((unit, pattern(form)) for form in forms)
    return tuple(found)


def read_within(phrase: str, lang: str) -> str | None:
    """The spec duration of one of our "within N <unit>" phrases ("u roku od 2 radna dana")."""
    words = build.Words(lang, lang)
    for unit, regex in _within_patterns(lang):
        match = regex.match(phrase.strip())
        if not match:
            continue
        amount = whole_number(parse_number(match.group("count"), lang))
        if amount is None or amount <= 0:
            continue
        duration = spec_duration(amount, unit)
        if squash(words.within(duration)) == squash(phrase):
            return duration
    return None


@cache
def _time_patterns(lang: str) -> tuple[tuple[str, str, re.Pattern], ...]:
    """(family, which of both/acknowledge/resolve, pattern) of every time sentence."""
    gettext = translations(lang, "render").gettext
    return tuple((family, which, pattern(gettext(getattr(sentences, which))))
                 for family, sentences in build.TIME_SENTENCES.items()
                 for which in ("both", "acknowledge", "resolve"))


def read_time_sentence(sentence: str, lang: str) -> tuple[str, str | None, str | None] | None:
    """(family such as "complaint", acknowledge duration, resolve duration) of our sentence."""
    words = build.Words(lang, lang)
    for family, which, regex in _time_patterns(lang):
        match = regex.match(sentence)
        if not match:
            continue
        groups = match.groupdict()
        if which == "both":
            acknowledge, resolve = read_within(groups["acknowledge"], lang), read_within(groups["resolve"], lang)
            if acknowledge is None or resolve is None:
                continue
        else:
            duration = read_within(groups["within"], lang)
            if duration is None:
                continue
            acknowledge, resolve = (duration, None) if which == "acknowledge" else (None, duration)
        if squash(words.time_sentence(family, acknowledge, resolve)) == squash(sentence):
            return family, acknowledge, resolve
    return None


def read_month_sentence(sentence: str, lang: str) -> tuple[str, int] | None:
    """(spec key, months) of a "reviewed every N months" style sentence of ours."""
    catalog = translations(lang, "render")
    words = build.Words(lang, lang)
    for key, variants in MONTH_SENTENCES.items():
        for every in variants:
            for months in _FIXED_MONTHS:
                if squash(catalog.gettext(every.fixed(months))) == squash(sentence):
                    return key, months
            for form in {catalog.ngettext(every.singular, every.plural, n) for n in _SAMPLE_COUNTS}:
                match = pattern(form).match(sentence)
                if not match:
                    continue
                months = whole_number(parse_number(match.group("count"), lang))
                if months and every.fixed(months) is None and \
                        squash(words.every_months(months, every)) == squash(sentence):
                    return key, months
    return None


@cache
def _ranks(lang: str) -> dict[str, int]:
    """Escalation levels as our documents write them ("2", "二级") -> the level."""
    in_context = translations(lang, "render").pgettext  # a render message: not extracted here
    shown = in_context("escalation level", "%(level)s")
    return {squash(shown % {"level": format_rank(level, lang)}): level for level in range(1, 100)}


def read_rank(text: str, lang: str) -> int | None:
    return _ranks(lang).get(squash(text))
