"""Spec data -> Document: every word that is not the author's comes from the `render` catalog.

The data may be a draft (any key missing) or even slightly wrong while the app is
being typed into: a value that cannot be formatted is shown as typed, never an error.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Callable, NamedTuple

from wizard.i18n import N_, translations
from wizard.spec.model import CUSTOMER_WORDS, DEFAULT_CUSTOMER_WORD, LANGUAGES, parse_duration, text_in

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
    bind_quantity,
    format_date,
    format_duration,
    format_list,
    format_number,
    format_percent,
    format_rank,
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

SERVED_CONTEXT = "people served: %s"  # the contexts below, written out for extraction

# What the policy calls the people it serves (`customer_word`). Every place the document names
# them has one message per word, its context naming the word, so that each language writes there
# the form its grammar needs (Croatian case, Turkish suffixes, the Chinese noun), or a neutral
# wording where that reads better. Grammar stays in the catalogs, never in code.
SERVED_MESSAGES = {
    "title": {
        "customers": pgettext("people served: customers", "Customer Service Policy"),
        "clients": pgettext("people served: clients", "Client Service Policy"),
        "guests": pgettext("people served: guests", "Guest Service Policy"),
        "users": pgettext("people served: users", "User Service Policy"),
        "members": pgettext("people served: members", "Member Service Policy"),
        "patients": pgettext("people served: patients", "Patient Service Policy"),
    },
    "charter": {
        "customers": pgettext("people served: customers", "Customer Service Charter"),
        "clients": pgettext("people served: clients", "Client Service Charter"),
        "guests": pgettext("people served: guests", "Guest Service Charter"),
        "users": pgettext("people served: users", "User Service Charter"),
        "members": pgettext("people served: members", "Member Service Charter"),
        "patients": pgettext("people served: patients", "Patient Service Charter"),
    },
    "csat": {
        "customers": pgettext("people served: customers", "Customer satisfaction (CSAT)"),
        "clients": pgettext("people served: clients", "Client satisfaction (CSAT)"),
        "guests": pgettext("people served: guests", "Guest satisfaction (CSAT)"),
        "users": pgettext("people served: users", "User satisfaction (CSAT)"),
        "members": pgettext("people served: members", "Member satisfaction (CSAT)"),
        "patients": pgettext("people served: patients", "Patient satisfaction (CSAT)"),
    },
    "feedback": {
        "customers": pgettext("people served: customers", "Handling customer feedback"),
        "clients": pgettext("people served: clients", "Handling client feedback"),
        "guests": pgettext("people served: guests", "Handling guest feedback"),
        "users": pgettext("people served: users", "Handling user feedback"),
        "members": pgettext("people served: members", "Handling member feedback"),
        "patients": pgettext("people served: patients", "Handling patient feedback"),
    },
    "closing": {
        "customers": pgettext("people served: customers", "Closing an interaction"),
        "clients": pgettext("people served: clients", "Closing an interaction"),
        "guests": pgettext("people served: guests", "Seeing guests off"),
        "users": pgettext("people served: users", "Closing an interaction"),
        "members": pgettext("people served: members", "Closing an interaction"),
        "patients": pgettext("people served: patients", "Closing a patient visit"),
    },
}


class EveryMonths(NamedTuple):
    """A sentence with a number of months. A writer says "every year" and "every two years",
    not "every 12/24 months" (zh 每年, hr "jednom godišnje", tr "yılda bir"), so those counts,
    like one month, have their own sentence; any other count goes through the plural forms."""

    monthly: str
    yearly: str
    two_yearly: str
    singular: str
    plural: str

    def fixed(self, months: int) -> str | None:
        """The sentence of its own for this many months, None when the count is written out."""
        return {1: self.monthly, 12: self.yearly, 24: self.two_yearly}.get(months)


def say_every_months(
    months: Any, sentence: EveryMonths, gettext: Callable[[str], str], ngettext: Callable[..., str], lang: str
) -> str:
    """`sentence` for this many months in a catalog's words; "" for no valid count. Shared with
    the change notice, which says the same cycles in its own catalog."""
    if not isinstance(months, int) or isinstance(months, bool) or months <= 0:
        return ""
    fixed = sentence.fixed(months)
    if fixed is not None:
        return gettext(fixed)
    return ngettext(sentence.singular, sentence.plural, months) % {"count": format_number(months, lang)}


# Phrases that name the document itself: (as a policy, by a neutral word). The default title is
# a policy, and so is an author's title with the policy noun in it ("Customer Support Policy");
# any other title ("Service charter") may name something else, so the document then calls itself
# by a neutral word and never contradicts it.
DOCUMENT_PHRASES = {
    "owner": (N_("Policy owner"), N_("Document owner")),
    "questions": (N_("Questions about this policy: %(contact)s"), N_("Questions about this document: %(contact)s")),
    "review": (
        EveryMonths(
            N_("This policy is reviewed every month."),
            N_("This policy is reviewed every year."),
            N_("This policy is reviewed every two years."),
            "This policy is reviewed every %(count)s month.",
            "This policy is reviewed every %(count)s months.",
        ),
        EveryMonths(
            N_("This document is reviewed every month."),
            N_("This document is reviewed every year."),
            N_("This document is reviewed every two years."),
            "This document is reviewed every %(count)s month.",
            "This document is reviewed every %(count)s months.",
        ),
    ),
}

REFRESHER = EveryMonths(
    N_("Everyone takes refresher training every month."),
    N_("Everyone takes refresher training every year."),
    N_("Everyone takes refresher training every two years."),
    "Everyone takes refresher training every %(count)s month.",
    "Everyone takes refresher training every %(count)s months.",
)


def _within_messages() -> dict[str, tuple[str, str]]:
    """unit -> (singular, plural) of "within N <unit>": one message per unit, so that each language
    writes the quantity in the case its preposition needs (Croatian "u roku od 1 radnog dana")."""
    ngettext = _mark_plural
    return {
        "second": ngettext("within %(count)s second", "within %(count)s seconds"),
        "minute": ngettext("within %(count)s minute", "within %(count)s minutes"),
        "hour": ngettext("within %(count)s hour", "within %(count)s hours"),
        "day": ngettext("within %(count)s day", "within %(count)s days"),
        "working_day": ngettext("within %(count)s working day", "within %(count)s working days"),
        "week": ngettext("within %(count)s week", "within %(count)s weeks"),
        "month": ngettext("within %(count)s month", "within %(count)s months"),
    }


def _mark_plural(singular: str, plural: str) -> tuple[str, str]:
    return singular, plural


WITHIN = _within_messages()


class _TimeSentences(NamedTuple):
    """The promised times of one kind of case. Both times make ONE sentence: a Chinese rule reads
    "所有投诉须在1个工作日内受理，7个工作日内办结。", never two sentences repeating the subject."""

    both: str
    acknowledge: str
    resolve: str


TIME_SENTENCES = {
    "complaint": _TimeSentences(
        N_("We acknowledge every complaint %(acknowledge)s and resolve it %(resolve)s."),
        N_("We acknowledge every complaint %(within)s."),
        N_("We resolve every complaint %(within)s."),
    ),
    "inquiry": _TimeSentences(
        N_("We acknowledge every inquiry %(acknowledge)s and answer it %(resolve)s."),
        N_("We acknowledge every inquiry %(within)s."),
        N_("We answer every inquiry %(within)s."),
    ),
    "refund": _TimeSentences(
        N_("We acknowledge every refund request %(acknowledge)s and settle it %(resolve)s."),
        N_("We acknowledge every refund request %(within)s."),
        N_("We settle every refund request %(within)s."),
    ),
    "feedback": _TimeSentences(
        N_("We acknowledge all feedback %(acknowledge)s and respond to it %(resolve)s."),
        N_("We acknowledge all feedback %(within)s."),
        N_("We respond to all feedback %(within)s."),
    ),
    # Any other procedure, under whatever title its author gave it ("Emergencies", "Seeing
    # guests off"): a subject that names no kind of case (zh 此类事项, hr "svaki takav slučaj").
    "request": _TimeSentences(
        N_("We acknowledge every such case %(acknowledge)s and resolve it %(resolve)s."),
        N_("We acknowledge every such case %(within)s."),
        N_("We resolve every such case %(within)s."),
    ),
    # The public charter speaks to the customer about their own complaint.
    "your_complaint": _TimeSentences(
        N_("We acknowledge your complaint %(acknowledge)s and resolve it %(resolve)s."),
        N_("We acknowledge your complaint %(within)s."),
        N_("We resolve your complaint %(within)s."),
    ),
}
# Procedure kind -> its family of time sentences ("request" for the rest).
SENTENCE_FAMILIES = {"inquiries": "inquiry", "complaints": "complaint", "refunds": "refund", "feedback": "feedback"}


def served_message(lang: str, word: str, slot: str) -> str:
    """The message of `slot` (a key of SERVED_MESSAGES) in `lang`, for the customer word `word`."""
    return translations(lang, "render").pgettext(SERVED_CONTEXT % word, SERVED_MESSAGES[slot][word])


class Words:
    """The catalog of one document language, with the helpers the builder needs.

    Public: the importer reads our sentences back by writing them again with it, and the
    change notice quotes the document's own wording, so all three share one source of words.

    `customer_word` is what the policy calls the people it serves; `titled_policy` says whether
    the document's title calls it a policy (the default title does)."""

    def __init__(self, lang: str, source: str, customer_word: str = DEFAULT_CUSTOMER_WORD) -> None:
        self.lang = lang
        self.source = source
        self.customer_word = customer_word
        self.titled_policy = True
        catalog = translations(lang, "render")
        self.gettext = catalog.gettext
        self.ngettext = catalog.ngettext
        self.pgettext = catalog.pgettext
        self.field_pattern = self.gettext("%(label)s: %(value)s")
        self.fallbacks: dict[str, str] = {}

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
        if not isinstance(found, str):
            return ""
        found = found.strip()
        if found:
            self._note_language(value, found)
        return found

    def _note_language(self, value: Any, found: str) -> None:
        """Remember a text that is not in the document's language, in each form a block may
        hold it (as typed, on one line, or one paragraph of it)."""
        if isinstance(value, dict):
            if isinstance(value.get(self.lang), str) and value[self.lang].strip():
                return
            code = next((c for c in (self.source, *LANGUAGES) if isinstance(value.get(c), str) and value[c].strip()), self.lang)
        else:
            code = self.source
        if code == self.lang:
            return
        for form in (found, one_line(found), *split_paragraphs(found)):
            self.fallbacks[form] = code

    def served(self, slot: str) -> str:
        """The message of `slot` written for the people this policy serves."""
        return served_message(self.lang, self.customer_word, slot)

    def document_phrase(self, key: str) -> Any:
        """The phrase `key` naming this document: the policy noun only when its title is a policy."""
        return DOCUMENT_PHRASES[key][0 if self.titled_policy else 1]

    def _policy_nouns(self) -> list[str]:
        return self.pgettext("the policy noun in a title: the letters all its forms share, each way it is "
                             "capitalised, separated by |", "policy|Policy").split("|")

    def names_a_policy(self, title: str) -> bool:
        """Whether an author's title calls the document a policy, in this language's own noun.
        The catalog gives the letters every form of it shares, as written in and out of title
        case (hr "politik|Politik", zh "规范"): no case is changed in code."""
        return any(noun and noun in title for noun in self._policy_nouns())

    def charter_title(self, title: str) -> str:
        """The public charter's title made from the author's policy title: customers read a
        charter, not an internal rule ("莲花茶馆服务规范" -> "莲花茶馆服务承诺书", "Customer Service
        Policy of Lotus Tea House" -> "... Charter ..."). The catalog lists the nouns of an
        internal rule with the noun that replaces each, in the one form the swap keeps grammatical
        (hr "Politika=Povelja", tr "Politikası=Sözümüz"); any other form keeps the title."""
        pairs = self.pgettext(
            "the public charter's title: each noun that names an internal rule in a title, '=', the noun "
            "replacing it; pairs separated by |. Write = alone to keep every title unchanged",
            "Policy=Charter|policy=charter",
        )
        for pair in pairs.split("|"):
            noun, _, charter = pair.partition("=")
            whole_noun = _whole_word(noun)
            if noun and charter and whole_noun.search(title):
                return whole_noun.sub(charter, title)
        return title

    def version(self, count: int) -> str:
        """The version number as documents write it (zh "第2版", elsewhere the bare number)."""
        return self.pgettext("the version number of a document", "%(number)s") % {"number": format_number(count, self.lang)}

    def within(self, value: Any) -> str:
        """ "within 2 hours" in this language; "" when `value` is not a duration."""
        duration = parse_duration(value)
        if duration is None:
            return ""
        singular, plural = WITHIN[duration.unit]
        phrase = self.ngettext(singular, plural, duration.amount) % {
            "count": format_number(duration.amount, self.lang)
        }
        return bind_quantity(phrase, duration, self.lang)

    def time_sentence(self, family: str, acknowledge: Any, resolve: Any) -> str:
        """The one sentence promising the times of a kind of case; "" when neither is given."""
        sentences = TIME_SENTENCES[family]
        first, last = self.within(acknowledge), self.within(resolve)
        if first and last:
            return self.gettext(sentences.both) % {"acknowledge": first, "resolve": last}
        if first:
            return self.gettext(sentences.acknowledge) % {"within": first}
        if last:
            return self.gettext(sentences.resolve) % {"within": last}
        return ""

    def every_months(self, months: Any, sentence: EveryMonths) -> str:
        return say_every_months(months, sentence, self.gettext, self.ngettext, self.lang)


# ------------------------------------------------------------------ helpers


def _whole_word(noun: str) -> re.Pattern:
    """`noun` not followed by more letters: in an alphabet with case, letters after a noun are
    an ending of another case of it (tr "Politikasına", hr "Politikama"), which a swap of the
    noun would break. Chinese nouns take no endings, so there any character may follow."""
    cased = bool(noun) and unicodedata.category(noun[-1]) in ("Lu", "Ll", "Lt")
    ending = r"(?![^\W\d_])" if cased else ""
    return re.compile(re.escape(noun) + ending)


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


def _revisions(data: dict) -> list[dict]:
    return [entry for entry in _list(data.get("revisions")) if isinstance(entry, dict)]


def _texts(words: Words, values: Any) -> tuple[str, ...]:
    return tuple(text for text in (words.text(value) for value in _list(values)) if text)


def _paragraphs(words: Words, value: Any) -> list:
    text = words.text(value)
    return [Paragraphs(split_paragraphs(text))] if text else []


def keyed_name(words: Words, names: dict[str, str], key: Any, custom: Any, default_other: str) -> str:
    """The shown name of a keyed entry (a channel, a metric): the catalog's name of `key`,
    else the author's own name `custom` ("other" or an unknown key), else the key as typed.

    Public because the change notice names entries exactly as the document does."""
    if key == "other" or key not in names:
        own = words.text(custom)
        if own:
            return own
        if key in names:
            return words.gettext(names[key])
        return str(key) if key not in (None, "") else words.gettext(default_other)
    return words.gettext(names[key])


# ------------------------------------------------------------------ sections (internal)


def _title_section(data: dict, words: Words, title: str) -> Section:
    _ = words.gettext
    items: list[tuple[str, str]] = []
    company = data.get("company")
    if isinstance(company, str) and company.strip():
        items.append((_("Company"), company.strip()))
    if data.get("effective_date"):
        items.append((_("Effective date"), format_date(data["effective_date"], words.lang)))
    owner = words.text(data.get("owner"))
    if owner:
        items.append((_(words.document_phrase("owner")), owner))
    revisions = _revisions(data)
    if revisions:
        items.append((_("Version"), words.version(len(revisions))))
    blocks = (Fields(tuple(items), words.field_pattern),) if items else ()
    return Section("title", title, blocks, level=1)


def _channels_in_scope(data: dict, words: Words) -> list[str]:
    """The scope's channels in a sentence, in the author's order but with "other" last (a list
    never goes on after "other channels", A18 of the zh review)."""
    named, others = [], []
    for key in _list(_map(data.get("purpose")).get("channels")):
        word = words.pgettext("in a sentence", CHANNEL_WORDS[key]) if key in CHANNEL_WORDS else ""
        if key == "other":
            others.extend(_other_channel_names(data, words) or [word])
        elif word:
            named.append(word)
        elif isinstance(key, str) and key.strip():
            named.append(key.strip())
    return list(dict.fromkeys(named + others))


def _other_channel_names(data: dict, words: Words) -> list[str]:
    """The names the service-level table gives its `other` channels: the scope list names the
    same channel ("community forum") instead of a vague "other channels" next to the table."""
    levels = _list(_map(data.get("standards")).get("service_levels"))
    names = (words.text(entry.get("name")) for entry in levels if isinstance(entry, dict) and entry.get("channel") == "other")
    return [name for name in names if name]


def _purpose_section(data: dict, words: Words) -> Section | None:
    _ = words.gettext
    purpose = _map(data.get("purpose"))
    blocks: list = _paragraphs(words, purpose.get("intent"))
    fields: list[tuple[str, str]] = []
    applies = words.text(purpose.get("applies_to"))
    if applies:
        fields.append((_("Applies to"), applies))
    channels = _channels_in_scope(data, words)
    if channels:
        fields.append((_("Channels in scope"), format_list(channels, words.lang)))
    if fields:
        blocks.append(Fields(tuple(fields), words.field_pattern))
    if not blocks:
        return None
    return Section("purpose", _("Purpose and scope"), tuple(blocks))


def _pairs(words: Words, entries: Any, first: str, second: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for entry in _list(entries):
        if not isinstance(entry, dict):
            continue
        term, meaning = words.text(entry.get(first)), words.text(entry.get(second))
        if term or meaning:
            pairs.append((term, one_line(meaning)))
    return tuple(pairs)


def _definitions_section(data: dict, words: Words) -> Section | None:
    pairs = _pairs(words, data.get("definitions"), "term", "meaning")
    if not pairs:
        return None
    return Section("definitions", words.gettext("Definitions"), (Definitions(pairs, words.field_pattern),))


def _text_section(key: str, heading: str, data: dict, words: Words) -> Section | None:
    blocks = _paragraphs(words, data.get(key))
    return Section(key, heading, tuple(blocks)) if blocks else None


def _values_section(data: dict, words: Words, heading: str) -> Section | None:
    pairs = _pairs(words, data.get("values"), "name", "description")
    if not pairs:
        return None
    return Section("values", heading, (Definitions(pairs, words.field_pattern),))


def _commitment_blocks(standards: dict, words: Words) -> list:
    _ = words.gettext
    blocks: list = []
    always = _texts(words, standards.get("always"))
    if always:
        blocks.append(BulletList(always, _("We will always:")))
    never = _texts(words, standards.get("never"))
    if never:
        blocks.append(BulletList(never, _("We will never:")))
    return blocks


def _service_level_table(standards: dict, words: Words, header: tuple[str, str, str], caption: str = "") -> Table | None:
    rows = []
    for entry in _list(standards.get("service_levels")):
        if not isinstance(entry, dict):
            continue
        channel = keyed_name(words, CHANNEL_NAMES, entry.get("channel"), entry.get("name"), "Other channel")
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


def metric_target(entry: dict, words: Words) -> str:
    """A metric's target as the document shows it (a duration, a percentage, a signed NPS);
    DASH when there is none. Public so that the change notice quotes the same text."""
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


def metric_name(entry: dict, words: Words) -> str:
    """A metric's name as the document shows it; CSAT names the people this policy serves."""
    if entry.get("metric") == "csat":  # whose satisfaction
        return words.served("csat")
    return keyed_name(words, METRIC_NAMES, entry.get("metric"), entry.get("name"), "Other metric")


def _standards_section(data: dict, words: Words) -> Section | None:
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
        rows.append((metric_name(entry, words), metric_target(entry, words)))
    if rows:
        blocks.append(Heading(_("Performance targets")))
        blocks.append(Table((_("Metric"), _("Target")), tuple(rows), _("Performance targets")))
    if not blocks:
        return None
    return Section("standards", _("Service standards"), tuple(blocks))


def _procedure_kind(procedure: dict) -> str | None:
    kind = procedure.get("kind")
    return kind if isinstance(kind, str) else None  # a draft may hold anything while it is typed


def procedure_title(procedure: dict, words: Words) -> str:
    """A procedure's heading: the author's title, else ours for its kind (feedback and
    closing name the people served). Public so that the change notice names it the same."""
    title = words.text(procedure.get("title"))
    if title:
        return title
    kind = _procedure_kind(procedure)
    if kind in ("feedback", "closing"):
        return words.served(kind)
    return words.gettext(PROCEDURE_TITLES.get(kind, PROCEDURE_TITLES["other"]))


def procedure_times(procedure: dict, words: Words) -> str:
    """The one sentence promising a procedure's times ("" when it sets none). Public so that
    the change notice quotes the document's own sentence."""
    family = SENTENCE_FAMILIES.get(_procedure_kind(procedure), "request")
    return words.time_sentence(family, procedure.get("acknowledge_within"), procedure.get("resolve_within"))


def _procedure_blocks(procedure: dict, words: Words) -> list:
    body: list = []
    steps = _texts(words, procedure.get("steps"))
    if steps:
        body.append(NumberedList(tuple(one_line(step) for step in steps)))
    times = procedure_times(procedure, words)
    if times:
        body.append(Paragraphs((times,)))
    return [Heading(procedure_title(procedure, words)), *body] if body else []


def _procedures_section(data: dict, words: Words) -> Section | None:
    blocks: list = []
    for procedure in _list(data.get("procedures")):
        if isinstance(procedure, dict):
            blocks.extend(_procedure_blocks(procedure, words))
    if not blocks:
        return None
    return Section("procedures", words.gettext("Procedures"), tuple(blocks))


def _escalation_section(data: dict, words: Words) -> Section | None:
    _ = words.gettext
    levels = [entry for entry in _list(data.get("escalation")) if isinstance(entry, dict)]
    if not levels:
        return None
    with_time = any(entry.get("within") for entry in levels)
    rows = []
    for entry in levels:
        level = entry.get("level")
        level_text = words.text(level)
        if isinstance(level, int) and not isinstance(level, bool):
            level_text = words.pgettext("escalation level", "%(level)s") % {"level": format_rank(level, words.lang)}
        row = [level_text or DASH, words.text(entry.get("role")) or DASH, one_line(words.text(entry.get("when"))) or DASH]
        if with_time:
            row.append(format_duration(entry.get("within"), words.lang) or DASH)
        rows.append(tuple(row))
    header = [_("Level"), _("Role"), _("When a case goes to this level")]
    if with_time:
        header.append(_("Time limit"))
    return Section("escalation", _("Escalation matrix"), (Table(tuple(header), tuple(rows), _("Escalation matrix")),))


def _training_section(data: dict, words: Words) -> Section | None:
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
    refresher = words.every_months(training.get("refresher_every_months"), REFRESHER)
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


def _enforcement_section(data: dict, words: Words) -> Section | None:
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
    review = words.every_months(data.get("review_every_months"), words.document_phrase("review"))
    if review:
        blocks.append(Heading(_("Review")))
        blocks.append(Paragraphs((review,)))
    if not blocks:
        return None
    return Section("enforcement", _("Enforcement and review"), tuple(blocks))


def _extra_sections(data: dict, words: Words) -> Section | None:
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


def _contact_section(data: dict, words: Words, heading: str, sentence: str) -> Section | None:
    contact = data.get("contact")
    if not isinstance(contact, str) or not contact.strip():
        return None
    return Section("contact", heading, (Paragraphs((words.gettext(sentence) % {"contact": one_line(contact)},)),))


def _revisions_section(data: dict, words: Words) -> Section | None:
    _ = words.gettext
    revisions = _revisions(data)
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


def _public_sections(data: dict, words: Words) -> list[Section | None]:
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
        sentences.append(words.time_sentence("your_complaint", procedure.get("acknowledge_within"), procedure.get("resolve_within")))
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


def _author_title(data: dict, words: Words) -> str:
    """The author's own title in the document's language; "" when there is none.

    A title equal to a default title of the source language (for any customer word: a preset's
    title stays a default when the word is changed) is that default, untouched: it reads in the
    document's language and follows the customer word, like no title at all."""
    title = one_line(words.text(data.get("title")))
    if title == words.served("title"):
        return ""
    untouched_defaults = {served_message(words.source, word, "title") for word in CUSTOMER_WORDS}
    if title in untouched_defaults and not _is_own_entry(data.get("title"), words.lang):
        return ""
    return title


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
    word = data.get("customer_word") if data.get("customer_word") in CUSTOMER_WORDS else DEFAULT_CUSTOMER_WORD
    words = Words(lang, source, word)
    _ = words.gettext
    title = _author_title(data, words)
    words.titled_policy = not title or words.names_a_policy(title)
    if audience == "public":
        title = words.charter_title(title) if title else words.served("charter")
        company = data.get("company")
        intro = _("Here is what you can expect from us whenever you contact us.")
        # For customers the company is the subtitle, not a labelled field.
        lead = (one_line(company), intro) if isinstance(company, str) and company.strip() else (intro,)
        blocks: list = [Paragraphs(lead)]
        sections = [Section("title", title, tuple(blocks), level=1), *_public_sections(data, words)]
    else:
        title = title or words.served("title")
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
            _contact_section(data, words, _("Contact"), words.document_phrase("questions")),
            _revisions_section(data, words),
        ]
    save_memo()
    revisions = _revisions(data)
    return Document(
        lang,
        title,
        tuple(s for s in sections if s is not None),
        audience,
        owner=one_line(words.text(data.get("owner"))),
        version=words.version(len(revisions)) if revisions and audience == "internal" else "",
        fallbacks=tuple(sorted(words.fallbacks.items())),
    )


# Plural messages built at run time, listed here so extraction sees them.
def _extraction_only(ngettext: Callable[..., str]) -> None:  # pragma: no cover
    ngettext("Everyone takes refresher training every %(count)s month.", "Everyone takes refresher training every %(count)s months.", 1)
    ngettext("This policy is reviewed every %(count)s month.", "This policy is reviewed every %(count)s months.", 1)
    ngettext("This document is reviewed every %(count)s month.", "This document is reviewed every %(count)s months.", 1)
