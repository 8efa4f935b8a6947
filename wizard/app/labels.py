"""Names of the spec's fixed keys (channels, metrics, methods, procedure kinds, duration
units, languages) as the app shows them, in the UI language.

Channels, metrics and procedure kinds use the renderer's own names (`wizard.render.build`,
domain `render`), translated into the UI language, so the form and the document call
them the same. Training methods (the renderer only has them in running text) and the
duration units of the unit picker are the app's (domain `app`). Call the functions at
display time: they follow the current UI language.
"""

from __future__ import annotations

import re
from functools import cache

from wizard.i18n import N_, Translator, language_name, translations, ui_language  # noqa: F401 (language_name for the screens)

_ = Translator("app").gettext
ngettext = Translator("app").ngettext


@cache
def _render_names() -> tuple[dict, dict, dict]:
    from wizard.render.build import CHANNEL_NAMES, METRIC_NAMES, PROCEDURE_TITLES

    return CHANNEL_NAMES, METRIC_NAMES, PROCEDURE_TITLES


def _render_label(table: int, key: str) -> str:
    names = _render_names()[table]
    if key not in names:
        return key
    return translations(ui_language(), "render").gettext(names[key])


METHOD_LABELS = {
    "role_play": N_("Role play"),
    "shadowing": N_("Shadowing experienced colleagues"),
    "e_learning": N_("E-learning"),
    "workshops": N_("Workshops"),
    "mentoring": N_("Mentoring"),
    "knowledge_base": N_("Knowledge base"),
}

CUSTOMER_WORD_LABELS = {
    "customers": N_("Customers"),
    "clients": N_("Clients"),
    "guests": N_("Guests"),
    "users": N_("Users"),
    "members": N_("Members"),
    "patients": N_("Patients"),
}

# Each language by its own name: the palette finds a language by it whatever the UI language is.
OWN_LANGUAGE_NAMES = {
    "en": "English",
    "hr": "Hrvatski",
    "zh": "中文（简体）",
    "tr": "Türkçe",
}


def channel_label(key: str) -> str:
    return _render_label(0, key)


def metric_label(key: str) -> str:
    return _render_label(1, key)


def method_label(key: str) -> str:
    return _(METHOD_LABELS[key]) if key in METHOD_LABELS else key


def procedure_label(key: str) -> str:
    return _render_label(2, key)


def procedure_default_title(kind: str, customer_word: object) -> str:
    """The heading the document gives a procedure of `kind` without a title of its own, in the
    UI language: the renderer's own function, so a café's closing procedure shows "Seeing
    guests off" here as in its document, not the title for customers."""
    from wizard.render.build import Words, procedure_title
    from wizard.spec.model import CUSTOMER_WORDS, DEFAULT_CUSTOMER_WORD

    word = customer_word if customer_word in CUSTOMER_WORDS else DEFAULT_CUSTOMER_WORD
    language = ui_language()
    return procedure_title({"kind": kind}, Words(language, language, word))


def _unit_words() -> dict[str, tuple[str, str]]:
    """Duration unit -> (singular, plural) msgids. The local `ngettext` only pairs them, so that
    extraction finds each pair as a plural message; `unit_label` translates them."""

    def ngettext(singular: str, plural: str) -> tuple[str, str]:
        return singular, plural

    return {
        "second": ngettext("second", "seconds"),
        "minute": ngettext("minute", "minutes"),
        "hour": ngettext("hour", "hours"),
        "day": ngettext("day", "days"),
        "working_day": ngettext("working day", "working days"),
        "week": ngettext("week", "weeks"),
        "month": ngettext("month", "months"),
    }


UNIT_WORDS = _unit_words()


def _unit_shorthands() -> dict[str, tuple[str, str]]:
    """Duration unit -> (context, msgid) of the other spellings a user types after a number
    ("4h", "30 min", "2 sa", "3小时"), comma-separated: each language's catalog is its table
    (its own abbreviations and the symbols used everywhere, h, min, d), and a spelling that it
    gives two units is refused as ambiguous (Turkish "d": dakika or gün?). The unit's own name
    in every plural form is taken anyway. The local `pgettext` only pairs them for extraction."""

    def pgettext(context: str, message: str) -> tuple[str, str]:
        return context, message

    return {
        "second": pgettext("seconds typed after a number: other spellings, comma-separated", "s, sec, secs"),
        "minute": pgettext("minutes typed after a number: other spellings, comma-separated", "min, mins"),
        "hour": pgettext("hours typed after a number: other spellings, comma-separated", "h, hr, hrs"),
        "day": pgettext("days typed after a number: other spellings, comma-separated", "d"),
        "working_day": pgettext("working days typed after a number: other spellings, comma-separated",
                                "wd, workday, workdays, business day, business days"),
        "week": pgettext("weeks typed after a number: other spellings, comma-separated", "w, wk, wks"),
        "month": pgettext("months typed after a number: other spellings, comma-separated", "mo, mos, mth, mths"),
    }


UNIT_SHORTHANDS = _unit_shorthands()


def unit_shorthands(key: str) -> list[str]:
    """The other spellings of a duration unit typed after a number, in the UI language
    ("h", "hr", "hrs"; Croatian "h"; Chinese "时", "h"), in the catalog's order."""
    if key not in UNIT_SHORTHANDS:
        return []
    listed = Translator("app").pgettext(*UNIT_SHORTHANDS[key])
    return [part.strip() for part in re.split(r"[,，、]", listed) if part.strip()]


def unit_label(key: str, amount: int = 2) -> str:
    """A duration unit as shown after a number: "1 hour", "24 hours" (each language's plural)."""
    if key not in UNIT_WORDS:
        return key
    return ngettext(*UNIT_WORDS[key], amount)


def customer_word_label(key: str) -> str:
    return _(CUSTOMER_WORD_LABELS[key]) if key in CUSTOMER_WORD_LABELS else key


def language_choices() -> list[tuple[str, str]]:
    """(name, code) of each language of a policy, for a drop-down, named in the UI language."""
    from wizard.spec.model import LANGUAGES

    return [(language_name(code), code) for code in LANGUAGES]
