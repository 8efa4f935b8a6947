"""How the policy is written: precise, honest, plain and short.

Every text is read in its own language: a Croatian translation with the Croatian
vocabulary, a Chinese one with the Chinese vocabulary (see `wizard.check.language`).

Design decision on vague words next to numbers: a vague time word in a sentence
that also gives a concrete time ("within 2 hours, as soon as possible", "we
reply promptly, always within one working day") is *not* reported. The number
is the promise the reader can hold the company to; the vague word only sets the
tone. A vague word alone in its sentence is reported.
"""

from __future__ import annotations

import re
from typing import Iterator

from wizard.check import language
from wizard.check.engine import Context, rule
from wizard.check.texts import TextEntry, iter_plain_strings, iter_text_fields
from wizard.i18n import N_, Translator
from wizard.spec import model
from wizard.spec.problems import shown

_t = Translator("check")
_ = _t.gettext

DEFAULT_TARGET = model.Duration(24, "hour")
IMMEDIATE_TARGET = model.Duration(1, "hour")


def _sentence_of(spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    for start, end in spans:
        if start <= offset < end:
            return start, end
    return 0, 0


def _is_promise(entry: TextEntry) -> bool:
    """Revision notes and defined terms describe the policy; they promise nothing to anyone."""
    return entry.field[0] != "revisions" and not (entry.field[0] == "definitions" and entry.field[-1] == "term")


def _matches(entry: TextEntry, table: str) -> Iterator[tuple[str, str]]:
    """`(phrase as written, folded sentence)` for each distinct match of a vocabulary in an entry."""
    pattern = language.compiled(table, entry.lang)
    if pattern is None:
        return
    folded = language.fold(entry.text, entry.lang)
    spans = language.sentence_spans(entry.text)
    seen: set[str] = set()
    for match in pattern.finditer(folded):
        start, end = _sentence_of(spans, match.start())
        phrase = entry.text[match.start() : match.end()]
        key = folded[match.start() : match.end()]
        if key in seen:
            continue
        seen.add(key)
        yield phrase, folded[start:end]


@rule("placeholder", "error", N_("Unfilled placeholders such as [Company], [X], TBD or “...”."))
def placeholder(ctx: Context) -> Iterator[tuple]:
    """Templates in the seeds are full of [X], [Company] and [insert ...]: left in, they
    make the policy unusable and look careless to every reader."""
    candidates = [(entry.path, entry.text) for entry in ctx.texts]
    candidates += list(iter_plain_strings(ctx.data))
    for path, text in candidates:
        seen: set[str] = set()
        for token, _offset in language.placeholders(text):
            if token in seen:
                continue
            seen.add(token)
            yield (
                path,
                _("Unfilled placeholder “%(placeholder)s”.") % {"placeholder": shown(token)},
                _("Replace it with the real detail, or delete the sentence if it does not apply."),
            )


def _suggestion(ctx: Context, entry: TextEntry, sentence: str, immediate: bool) -> tuple[model.Duration | None, bool]:
    """A concrete time to suggest: the policy's own target for what the sentence is about
    (`True`), or None. "Immediately" inside a procedure is an internal hand-over, not the
    procedure's deadline, so it only borrows a channel's first response."""
    field = entry.field
    if field and field[0] == "procedures" and len(field) > 1 and not immediate:
        procedure = ctx.get("procedures", field[1])
        if isinstance(procedure, dict):
            for key in ("acknowledge_within", "resolve_within"):
                duration = model.parse_duration(procedure.get(key))
                if duration:
                    return duration, True
    complaint = language.topic_pattern("complaints", entry.lang)
    if complaint is not None and complaint.search(sentence) and not immediate:
        for _index, procedure in ctx.items("procedures"):
            if procedure.get("kind") == "complaints":
                duration = model.parse_duration(procedure.get("acknowledge_within"))
                if duration:
                    return duration, True
    for _index, level in ctx.items("standards", "service_levels"):
        pattern = language.topic_pattern(str(level.get("channel")), entry.lang)
        duration = model.parse_duration(level.get("first_response"))
        if pattern is not None and duration and pattern.search(sentence):
            return duration, True
    return None, False


@rule("vague-time", "warning", N_("Time promises without a number, such as “quickly” or “as soon as possible”."))
def vague_time(ctx: Context) -> Iterator[tuple]:
    """The seeds' first rule for a good policy: be precise. "An email response within 24
    hours" can be measured and kept; "quickly" means something else to every reader."""
    for entry in filter(_is_promise, ctx.texts):
        concrete = language.compiled_single("concrete", entry.lang)
        for phrase, sentence in _matches(entry, "vague"):
            if concrete is not None and concrete.search(sentence):
                continue  # the sentence already names a time (see the module doc)
            immediate = bool(re.fullmatch(language.IMMEDIATE[entry.lang], language.fold(phrase, entry.lang)))
            duration, own = _suggestion(ctx, entry, sentence, immediate)
            default = IMMEDIATE_TARGET if immediate else DEFAULT_TARGET
            example = language.within(duration or default, entry.lang)
            if own:
                hint = _("Use the time this policy already sets, for example “%(example)s”.")
            else:
                hint = _("Say how fast with a number you can measure and keep, for example “%(example)s”.")
            yield (
                entry.path,
                _("“%(phrase)s” promises speed without saying how fast.") % {"phrase": shown(phrase)},
                hint % {"example": example},
            )


@rule("absolute-promise", "warning", N_("Absolute promises nobody can always keep (“guarantee”, “100%”, “never fail”)."))
def absolute_promise(ctx: Context) -> Iterator[tuple]:
    """The seeds warn that promises must be realistic: a document of promises the team cannot
    keep means nothing to staff or customers. Refund and warranty sentences are left alone:
    a "money-back guarantee" is a real, keepable promise."""
    for entry in filter(_is_promise, ctx.texts):
        refund = language.compiled_single("refund", entry.lang)
        for phrase, sentence in _matches(entry, "absolute"):
            if refund is not None and refund.search(sentence):
                continue
            yield (
                entry.path,
                _("“%(phrase)s” is an absolute promise that nobody can always keep.") % {"phrase": shown(phrase)},
                _("Promise what you will do and by when, for example a reply within 24 hours; leave guarantees to your terms and conditions."),
            )


def _explained_acronyms(ctx: Context) -> set[str]:
    """Acronyms that appear in a definition's term, spelled out in parentheses somewhere
    ("service level agreement (SLA)"), or in the company's name."""
    explained: set[str] = set()
    for index, item in ctx.items("definitions"):
        term = item.get("term")
        values = term.values() if isinstance(term, dict) else [term]
        for text in values:
            if isinstance(text, str):
                explained.update(token for token, _offset in language.acronyms(text))
    company = ctx.get("company")
    if isinstance(company, str):
        explained.update(token for token, _offset in language.acronyms(company))
    for entry in ctx.texts:
        for token, offset in language.acronyms(entry.text):
            before = entry.text[:offset].rstrip()
            after = entry.text[offset + len(token) :].lstrip()
            if before.endswith(("(", "（")) and after.startswith((")", "）", "s)")) and len(before) > 1:
                explained.add(token)
    return explained


def _is_shouted_word(token: str, lang: str) -> bool:
    """A word of the vocabularies written in capitals ("HIZLI", "ASAP") is reported by its own
    rule, not as an abbreviation."""
    folded = language.fold(token, lang)
    for table in ("vague", "absolute"):
        pattern = language.compiled(table, lang)
        if pattern is not None and pattern.fullmatch(folded):
            return True
    return False


@rule("undefined-acronym", "warning", N_("Abbreviations (SLA, CSAT, NPS, ...) used but not explained."))
def undefined_acronym(ctx: Context) -> Iterator[tuple]:
    """The seeds ask for plain words without industry jargon: a new employee or a customer
    may not know what SLA or FCR means. Each unexplained abbreviation is reported once, where
    it first appears."""
    explained = _explained_acronyms(ctx)
    reported: set[str] = set()
    for entry in ctx.texts:
        if entry.field[0] == "definitions" and entry.field[-1] == "term":
            continue
        for token, _offset in language.acronyms(entry.text):
            if token in explained or token in reported or _is_shouted_word(token, entry.lang):
                continue
            reported.add(token)
            yield (
                entry.path,
                _("“%(acronym)s” is not explained anywhere in the policy.") % {"acronym": shown(token)},
                _("Write it out in full, or add “%(acronym)s” to the definitions.") % {"acronym": shown(token)},
            )


MAX_MISSION_SENTENCES = 3


@rule("long-mission", "warning", N_("A mission statement longer than three sentences."))
def long_mission(ctx: Context) -> Iterator[tuple]:
    """The seeds: a mission is a short paragraph, "no longer than a few sentences", often
    one or two lines. Longer ones are not remembered."""
    for entry in ctx.texts:
        if entry.field != ("mission",):
            continue
        count = len(language.sentences(entry.text))
        if count > MAX_MISSION_SENTENCES:
            yield (
                entry.path,
                _t.ngettext(
                    "The mission has %(count)s sentence.", "The mission has %(count)s sentences.", count
                )
                % {"count": count},
                _("Keep the mission to two or three sentences; move details to the standards or procedures."),
            )


# About two printed A4 pages with headings and tables: words of Western text, characters of Chinese text (a Chinese
# page holds roughly 1.8 characters per English word). Turkish packs more into each word.
PAGE_LIMIT_WORDS = {"en": 1400, "hr": 1300, "tr": 1150}
PAGE_LIMIT_CHARACTERS = 2500
# Table rows the renderer adds around the author's text ("Phone | 3 minutes | 2 working days").
_WORDS_PER_ROW = 6


@rule("long-document", "warning", N_("A policy longer than about two pages."))
def long_document(ctx: Context) -> Iterator[tuple]:
    """The seeds: keep it simple, one or two pages is fine. A long policy is not read; details
    such as scripts belong in the knowledge base. Counts the text in the spec's language plus
    the rows the document adds (service levels, metrics, escalation levels)."""
    words = characters = 0
    for _path, value in iter_text_fields(ctx.data):
        count_words, count_chars = language.word_count(ctx.source_text(value))
        words += count_words
        characters += count_chars
    rows = len(ctx.items("standards", "service_levels")) + len(ctx.items("standards", "metrics"))
    rows += len(ctx.items("escalation")) + len(ctx.items("procedures"))
    structure = _WORDS_PER_ROW * rows
    if ctx.lang == "zh":
        total = characters + 2 * (words + structure)
        if total > PAGE_LIMIT_CHARACTERS:
            yield (
                (),
                _t.ngettext(
                    "The policy is about %(count)s character long, more than about two pages.",
                    "The policy is about %(count)s characters long, more than about two pages.",
                    total,
                )
                % {"count": total},
                _("Keep it to one or two pages: cut repetition and move detailed scripts to the knowledge base."),
            )
        return
    total = words + structure + characters
    if total > PAGE_LIMIT_WORDS.get(ctx.lang, 1000):
        yield (
            (),
            _t.ngettext(
                "The policy is about %(count)s word long, more than about two pages.",
                "The policy is about %(count)s words long, more than about two pages.",
                total,
            )
            % {"count": total},
            _("Keep it to one or two pages: cut repetition and move detailed scripts to the knowledge base."),
        )

