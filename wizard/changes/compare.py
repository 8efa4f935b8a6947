"""Compare two versions of a policy and describe each change in one plain sentence.

Structured values (times, levels, channels, metrics, steps, definitions, values, hours,
cycles, owner...) are compared as data and shown exactly as the document shows them:
the renderer's formatting (durations, dates, percentages, lists) and its catalog
(channel and metric names, section headings, the procedures' time sentences). The
sentences that say what changed come from the `changes` catalog, one message per kind
of change so that each language can decline and order the words as it needs (Croatian
"u roku od 1 radnog dana", Turkish "24 saat içinde", Chinese "24小时内"). Free text is
compared word by word.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any, Callable, Iterable

from wizard.i18n import translations
from wizard.render.build import (
    CHANNEL_NAMES,
    CHANNEL_WORDS,
    DASH,
    METHOD_WORDS,
    EveryMonths,
    PROCEDURE_TITLES,
    Words,
    keyed_name,
    metric_name,
    metric_target,
    procedure_times,
    procedure_title,
    say_every_months,
)
from wizard.render.formatting import format_date, format_duration, format_list, format_number, one_line
from wizard.spec.model import CUSTOMER_WORDS, DEFAULT_CUSTOMER_WORD, LANGUAGES, parse_duration

from .notice import Change, Notice, NoticeSection
from .wording import word_difference


def N_(message: str) -> str:
    return message


def _every_months_message() -> EveryMonths:
    """"every N months" agrees with N (Croatian "svaka 2 mjeseca", "svakih 5 mjeseci"); 12 and
    24 months are "every year", "every two years" as a writer says them."""
    ngettext = _mark_plural
    return EveryMonths(
        N_("every month"), N_("every year"), N_("every two years"),
        *ngettext("every %(count)s month", "every %(count)s months"),
    )


def _mark_plural(singular: str, plural: str) -> tuple[str, str]:
    return singular, plural


EVERY_MONTHS = _every_months_message()


class _Vocabulary:
    """The words of a notice in one language: the `changes` catalog for what changed, the
    renderer's words for what the document itself says (one per version, since each
    version's plain text is written in its own `language`)."""

    def __init__(self, lang: str, old: dict, new: dict) -> None:
        self.lang = lang
        catalog = translations(lang, "changes")
        self.gettext = catalog.gettext
        self.ngettext = catalog.ngettext
        self.old = Words(lang, _source(old, lang), _customer_word(old))
        self.new = Words(lang, _source(new, lang), _customer_word(new))

    def render(self, message: str) -> str:
        """A word of the document (a heading, a label), from the renderer's catalog."""
        return self.new.gettext(message)

    def say(self, message: str, **values: str) -> str:
        return self.gettext(message) % values

    def within(self, value: Any) -> str:
        """A time limit in the document's own words ("u roku od 2 radna dana")."""
        return self.new.within(value) or self.gettext("without a time limit")

    def every(self, months: Any) -> str:
        return say_every_months(months, EVERY_MONTHS, self.gettext, self.ngettext, self.lang)

    def field(self, label: str, value: str) -> str:
        return self.new.field_pattern % {"label": label, "value": value}


def _customer_word(data: dict) -> str:
    word = data.get("customer_word")
    return word if word in CUSTOMER_WORDS else DEFAULT_CUSTOMER_WORD


def _source(data: dict, lang: str) -> str:
    language = data.get("language")
    return language if language in LANGUAGES else lang


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _map(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _entries(value: Any) -> list[dict]:
    return [entry for entry in _list(value) if isinstance(entry, dict)]


# ------------------------------------------------------------------ the kinds of change


def _text_change(v: _Vocabulary, label: str, old: str, new: str) -> list[Change]:
    """A free text: added, removed, or reworded (with the words that changed)."""
    old, new = one_line(old), one_line(new)
    if old == new:
        return []
    if not old:
        return [Change(v.say("%(label)s added:", label=label), after=word_difference("", new)[1])]
    if not new:
        return [Change(v.say("%(label)s removed:", label=label), before=word_difference(old, "")[0])]
    before, after = word_difference(old, new)
    return [Change(v.say("%(label)s reworded:", label=label), before=before, after=after)]


def _value_change(v: _Vocabulary, label: str, old: str, new: str) -> list[Change]:
    """A value shown as the document shows it (a date, a name, an e-mail address)."""
    if old == new:
        return []
    if not old:
        return [Change(v.say("%(label)s: %(value)s (new).", label=label, value=new))]
    if not new:
        return [Change(v.say("%(label)s: no longer given (was %(value)s).", label=label, value=old))]
    return [Change(v.say("%(label)s: now %(new)s (was %(old)s).", label=label, new=new, old=old))]


def _time_change(v: _Vocabulary, message: str, old: Any, new: Any, **names: str) -> list[Change]:
    """A time limit ("within 24 hours"), compared as a duration: "24 hours" and "1 day" differ,
    "24 hours" and "24 hour" do not."""
    if parse_duration(old) == parse_duration(new):
        return []
    return [Change(v.say(message, new=v.within(new), old=v.within(old), **names))]


def _text_list_change(
    v: _Vocabulary,
    old: list[str],
    new: list[str],
    added: Callable[[int, str], Change],
    removed: Callable[[int, str], Change],
    label: Callable[[int], str],
) -> list[Change]:
    """A list of texts (commitments, steps, resources): items added, removed or reworded.
    Items are matched by their wording; an item replaced in place is a rewording."""
    changes: list[Change] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for offset in range(pairs):
            changes.extend(_text_change(v, label(j1 + offset + 1), old[i1 + offset], new[j1 + offset]))
        for index in range(i1 + pairs, i2):
            changes.append(removed(index + 1, old[index]))
        for index in range(j1 + pairs, j2):
            changes.append(added(index + 1, new[index]))
    return changes


def _keyed_change(
    old: dict[Any, Any],
    new: dict[Any, Any],
    added: Callable[[Any], list[Change]],
    removed: Callable[[Any], list[Change]],
    changed: Callable[[Any, Any], list[Change]],
) -> list[Change]:
    """Items known by a key (a channel, a level, a term): in the new order, then the removed."""
    changes: list[Change] = []
    for key, entry in new.items():
        changes.extend(changed(old[key], entry) if key in old else added(entry))
    for key, entry in old.items():
        if key not in new:
            changes.extend(removed(entry))
    return changes


def _texts(words: Words, values: Any) -> list[str]:
    return [text for text in (one_line(words.text(value)) for value in _list(values)) if text]


def _by_key(entries: Iterable[dict], key: Callable[[dict], Any]) -> dict[Any, dict]:
    """Entries by their key; a repeated key gets a running number so no entry is lost."""
    keyed: dict[Any, dict] = {}
    for entry in entries:
        base = key(entry)
        name, count = base, 1
        while name in keyed:
            count += 1
            name = (base, count)
        keyed[name] = entry
    return keyed


def _folded(text: str) -> str:
    return one_line(text).casefold()


# ------------------------------------------------------------------ sections


def _general(v: _Vocabulary, old: dict, new: dict) -> list[Change]:
    render = v.render
    changes = _text_change(v, v.gettext("Title"), v.old.text(old.get("title")), v.new.text(new.get("title")))
    changes += _value_change(v, render("Company"), _plain(old.get("company")), _plain(new.get("company")))
    changes += _value_change(v, render("Policy owner"), one_line(v.old.text(old.get("owner"))), one_line(v.new.text(new.get("owner"))))
    changes += _value_change(
        v, render("Effective date"), format_date(old.get("effective_date"), v.lang), format_date(new.get("effective_date"), v.lang)
    )
    return changes


def _plain(value: Any) -> str:
    return one_line(value) if isinstance(value, str) else ""


def _purpose(v: _Vocabulary, old: dict, new: dict) -> list[Change]:
    before, after = _map(old.get("purpose")), _map(new.get("purpose"))
    changes = _text_change(v, v.gettext("Purpose"), v.old.text(before.get("intent")), v.new.text(after.get("intent")))
    changes += _text_change(v, v.render("Applies to"), v.old.text(before.get("applies_to")), v.new.text(after.get("applies_to")))
    old_channels, new_channels = _scope_channels(v.old, before), _scope_channels(v.new, after)
    for name in new_channels:
        if name not in old_channels:
            changes.append(Change(v.say("Channel added to the scope: %(name)s.", name=name)))
    for name in old_channels:
        if name not in new_channels:
            changes.append(Change(v.say("Channel no longer in the scope: %(name)s.", name=name)))
    return changes


def _scope_channels(words: Words, purpose: dict) -> list[str]:
    names = []
    for key in _list(purpose.get("channels")):
        if key in CHANNEL_WORDS:
            names.append(words.pgettext("in a sentence", CHANNEL_WORDS[key]))
        elif isinstance(key, str) and key.strip():
            names.append(key.strip())
    return list(dict.fromkeys(names))


def _named_pairs(v: _Vocabulary, old: Any, new: Any, first: str, second: str, messages: tuple[str, str, str]) -> list[Change]:
    """Definitions (term, meaning) and values (name, description), known by their name."""
    added_message, removed_message, label_message = messages

    def keyed(words: Words, entries: Any) -> dict:
        pairs = [(one_line(words.text(e.get(first))), one_line(words.text(e.get(second)))) for e in _entries(entries)]
        return _by_key([{"name": n, "text": t} for n, t in pairs if n or t], lambda e: _folded(e["name"]))

    def added(entry: dict) -> list[Change]:
        return [Change(v.say(added_message, name=entry["name"]), details=(entry["text"],) if entry["text"] else ())]

    def removed(entry: dict) -> list[Change]:
        return [Change(v.say(removed_message, name=entry["name"]))]

    def changed(before: dict, after: dict) -> list[Change]:
        return _text_change(v, v.say(label_message, name=after["name"]), before["text"], after["text"])

    return _keyed_change(keyed(v.old, old), keyed(v.new, new), added, removed, changed)


def _definitions(v: _Vocabulary, old: dict, new: dict) -> list[Change]:
    messages = (N_("New definition: %(name)s."), N_("Definition removed: %(name)s."), N_("Definition of “%(name)s”"))
    return _named_pairs(v, old.get("definitions"), new.get("definitions"), "term", "meaning", messages)


def _values(v: _Vocabulary, old: dict, new: dict) -> list[Change]:
    messages = (N_("New value: %(name)s."), N_("Value removed: %(name)s."), N_("Value “%(name)s”"))
    return _named_pairs(v, old.get("values"), new.get("values"), "name", "description", messages)


def _text_section(key: str, label: str) -> Callable[[_Vocabulary, dict, dict], list[Change]]:
    def compare(v: _Vocabulary, old: dict, new: dict) -> list[Change]:
        return _text_change(v, v.render(label), v.old.text(old.get(key)), v.new.text(new.get(key)))

    return compare


def _commitments(v: _Vocabulary, old: dict, new: dict) -> list[Change]:
    before, after = _map(old.get("standards")), _map(new.get("standards"))
    changes: list[Change] = []
    for key, added_message, removed_message, label_message in (
        ("always", N_("New commitment (we will always): %(text)s"), N_("Commitment removed (we will always): %(text)s"),
         N_("Commitment %(number)s (we will always)")),
        ("never", N_("New commitment (we will never): %(text)s"), N_("Commitment removed (we will never): %(text)s"),
         N_("Commitment %(number)s (we will never)")),
    ):
        changes += _text_list_change(
            v,
            _texts(v.old, before.get(key)),
            _texts(v.new, after.get(key)),
            lambda number, text, m=added_message: Change(v.say(m, text=text)),
            lambda number, text, m=removed_message: Change(v.say(m, text=text)),
            lambda number, m=label_message: v.say(m, number=format_number(number, v.lang)),
        )
    return changes


def _channel_key(entry: dict) -> Any:
    channel = entry.get("channel")
    return (channel, _folded(str(entry.get("name") or ""))) if channel == "other" else channel


def _service_levels(v: _Vocabulary, old: dict, new: dict) -> list[Change]:
    before = _by_key(_entries(_map(old.get("standards")).get("service_levels")), _channel_key)
    after = _by_key(_entries(_map(new.get("standards")).get("service_levels")), _channel_key)

    def name(words: Words, entry: dict) -> str:
        return keyed_name(words, CHANNEL_NAMES, entry.get("channel"), entry.get("name"), "Other channel")

    def in_sentence(words: Words, entry: dict) -> str:
        """After "New channel:" a channel is a word of the sentence, as the document writes it in
        running text (hr "Novi kanal: e-pošta.", not the table's "E-pošta"); an "other" channel
        is one the author named, so it keeps their name."""
        key = entry.get("channel")
        if key in CHANNEL_WORDS and key != "other":
            return words.pgettext("in a sentence", CHANNEL_WORDS[key])
        return name(words, entry)

    def added(entry: dict) -> list[Change]:
        return [Change(v.say("New channel: %(channel)s.", channel=in_sentence(v.new, entry)), details=_level_details(v, entry))]

    def removed(entry: dict) -> list[Change]:
        return [Change(v.say("Channel removed: %(channel)s.", channel=in_sentence(v.old, entry)))]

    def changed(old_entry: dict, new_entry: dict) -> list[Change]:
        channel = name(v.new, new_entry)
        return _time_change(
            v, N_("%(channel)s: first response now %(new)s (was %(old)s)."),
            old_entry.get("first_response"), new_entry.get("first_response"), channel=channel,
        ) + _time_change(
            v, N_("%(channel)s: resolution now %(new)s (was %(old)s)."),
            old_entry.get("resolution"), new_entry.get("resolution"), channel=channel,
        )

    return _keyed_change(before, after, added, removed, changed)


def _level_details(v: _Vocabulary, entry: dict) -> tuple[str, ...]:
    details = []
    for key, label in (("first_response", "First response"), ("resolution", "Resolution")):
        shown = format_duration(entry.get(key), v.lang)
        if shown:
            details.append(v.field(v.render(label), shown))
    return tuple(details)


def _support_hours(v: _Vocabulary, old: dict, new: dict) -> list[Change]:
    before, after = _map(old.get("standards")), _map(new.get("standards"))
    return _text_change(v, v.render("Support hours"), v.old.text(before.get("support_hours")), v.new.text(after.get("support_hours")))


def _metrics(v: _Vocabulary, old: dict, new: dict) -> list[Change]:
    def key(entry: dict) -> Any:
        metric = entry.get("metric")
        return (metric, _folded(str(entry.get("name") or ""))) if metric == "other" else metric

    before = _by_key(_entries(_map(old.get("standards")).get("metrics")), key)
    after = _by_key(_entries(_map(new.get("standards")).get("metrics")), key)

    def name(words: Words, entry: dict) -> str:
        return metric_name(entry, words)

    def target(words: Words, entry: dict) -> str:
        shown = metric_target(entry, words)
        return "" if shown == DASH else shown

    def added(entry: dict) -> list[Change]:
        shown = target(v.new, entry)
        if not shown:
            return [Change(v.say("New performance target: %(metric)s.", metric=name(v.new, entry)))]
        return [Change(v.say("New performance target: %(metric)s, %(target)s.", metric=name(v.new, entry), target=shown))]

    def removed(entry: dict) -> list[Change]:
        return [Change(v.say("Performance target removed: %(metric)s.", metric=name(v.old, entry)))]

    def changed(old_entry: dict, new_entry: dict) -> list[Change]:
        return _value_change(v, name(v.new, new_entry), target(v.old, old_entry), target(v.new, new_entry))

    return _keyed_change(before, after, added, removed, changed)


def _standards(v: _Vocabulary, old: dict, new: dict) -> list[Change]:
    return _commitments(v, old, new) + _service_levels(v, old, new) + _support_hours(v, old, new) + _metrics(v, old, new)


def _procedure_name(words: Words, procedure: dict) -> str:
    """A procedure's name as the document's heading gives it, on one line."""
    return one_line(procedure_title(procedure, words))


def _procedure_key(procedure: dict) -> Any:
    kind = procedure.get("kind")
    return (kind, _folded(str(procedure.get("title") or ""))) if kind not in PROCEDURE_TITLES or kind == "other" else kind


def _procedure_sentences(words: Words, procedure: dict) -> tuple[str, ...]:
    """The document's own sentence for a procedure's time limits."""
    sentence = procedure_times(procedure, words)
    return (sentence,) if sentence else ()


def _procedures(v: _Vocabulary, old: dict, new: dict) -> list[Change]:
    before = _by_key(_entries(old.get("procedures")), _procedure_key)
    after = _by_key(_entries(new.get("procedures")), _procedure_key)

    def added(procedure: dict) -> list[Change]:
        steps = tuple(f"{format_number(n, v.lang)}. {s}" for n, s in enumerate(_texts(v.new, procedure.get("steps")), 1))
        details = steps + _procedure_sentences(v.new, procedure)
        return [Change(v.say("New procedure: %(name)s.", name=_procedure_name(v.new, procedure)), details=details)]

    def removed(procedure: dict) -> list[Change]:
        return [Change(v.say("Procedure removed: %(name)s.", name=_procedure_name(v.old, procedure)))]

    def changed(old_procedure: dict, new_procedure: dict) -> list[Change]:
        name = _procedure_name(v.new, new_procedure)
        changes = _value_change(v, v.gettext("Procedure title"), _procedure_name(v.old, old_procedure), name)
        changes += _text_list_change(
            v,
            _texts(v.old, old_procedure.get("steps")),
            _texts(v.new, new_procedure.get("steps")),
            lambda number, text: Change(v.say("%(procedure)s: new step %(number)s: %(text)s", procedure=name, number=format_number(number, v.lang), text=text)),
            lambda number, text: Change(v.say("%(procedure)s: step removed: %(text)s", procedure=name, text=text)),
            lambda number: v.say("%(procedure)s, step %(number)s", procedure=name, number=format_number(number, v.lang)),
        )
        changes += _time_change(
            v, N_("%(procedure)s: acknowledgement now %(new)s (was %(old)s)."),
            old_procedure.get("acknowledge_within"), new_procedure.get("acknowledge_within"), procedure=name,
        )
        changes += _time_change(
            v, N_("%(procedure)s: resolution now %(new)s (was %(old)s)."),
            old_procedure.get("resolve_within"), new_procedure.get("resolve_within"), procedure=name,
        )
        return changes

    return _keyed_change(before, after, added, removed, changed)


def _escalation(v: _Vocabulary, old: dict, new: dict) -> list[Change]:
    def key(entry: dict) -> Any:
        level = entry.get("level")
        return level if isinstance(level, int) and not isinstance(level, bool) else str(level)

    before = _by_key(_entries(old.get("escalation")), key)
    after = _by_key(_entries(new.get("escalation")), key)

    def level(entry: dict) -> str:
        value = entry.get("level")
        return format_number(value, v.lang) if isinstance(value, int) and not isinstance(value, bool) else str(value or DASH)

    def added(entry: dict) -> list[Change]:
        role = one_line(v.new.text(entry.get("role"))) or DASH
        details = []
        when = one_line(v.new.text(entry.get("when")))
        if when:
            details.append(v.field(v.render("When to escalate"), when))
        limit = format_duration(entry.get("within"), v.lang)
        if limit:
            details.append(v.field(v.render("Time limit"), limit))
        return [Change(v.say("New escalation level %(level)s: %(role)s.", level=level(entry), role=role), details=tuple(details))]

    def removed(entry: dict) -> list[Change]:
        role = one_line(v.old.text(entry.get("role"))) or DASH
        return [Change(v.say("Escalation level %(level)s removed: %(role)s.", level=level(entry), role=role))]

    def changed(old_entry: dict, new_entry: dict) -> list[Change]:
        number = level(new_entry)
        changes = _value_change(
            v, v.say("Escalation level %(level)s", level=number),
            one_line(v.old.text(old_entry.get("role"))), one_line(v.new.text(new_entry.get("role"))),
        )
        changes += _text_change(
            v, v.say("When a case goes to level %(level)s", level=number),
            v.old.text(old_entry.get("when")), v.new.text(new_entry.get("when")),
        )
        changes += _time_change(
            v, N_("Escalation level %(level)s: time limit now %(new)s (was %(old)s)."),
            old_entry.get("within"), new_entry.get("within"), level=number,
        )
        return changes

    return _keyed_change(before, after, added, removed, changed)


def _training(v: _Vocabulary, old: dict, new: dict) -> list[Change]:
    before, after = _map(old.get("training")), _map(new.get("training"))
    changes = _text_change(v, v.render("Onboarding"), v.old.text(before.get("onboarding")), v.new.text(after.get("onboarding")))
    old_methods = [m for m in _list(before.get("methods")) if m in METHOD_WORDS]
    new_methods = [m for m in _list(after.get("methods")) if m in METHOD_WORDS]
    for method in dict.fromkeys(new_methods):
        if method not in old_methods:
            changes.append(Change(v.say("New training method: %(method)s.", method=v.new.pgettext("in a sentence", METHOD_WORDS[method]))))
    for method in dict.fromkeys(old_methods):
        if method not in new_methods:
            changes.append(Change(v.say("Training method dropped: %(method)s.", method=v.new.pgettext("in a sentence", METHOD_WORDS[method]))))
    changes += _value_change(
        v, v.gettext("Refresher training"), v.every(before.get("refresher_every_months")), v.every(after.get("refresher_every_months"))
    )
    changes += _text_list_change(
        v,
        _texts(v.old, before.get("resources")),
        _texts(v.new, after.get("resources")),
        lambda number, text: Change(v.say("New resource: %(text)s", text=text)),
        lambda number, text: Change(v.say("Resource removed: %(text)s", text=text)),
        lambda number: v.say("Resource %(number)s", number=format_number(number, v.lang)),
    )
    return changes


ENFORCEMENT_LABELS = (
    ("accountable", "Responsible for compliance"),
    ("monitoring", "Monitoring"),
    ("consequences", "Consequences"),
    ("feedback", "Suggestions from staff"),
)


def _enforcement(v: _Vocabulary, old: dict, new: dict) -> list[Change]:
    before, after = _map(old.get("enforcement")), _map(new.get("enforcement"))
    changes: list[Change] = []
    for key, label in ENFORCEMENT_LABELS:
        changes += _text_change(v, v.render(label), v.old.text(before.get(key)), v.new.text(after.get(key)))
    changes += _value_change(v, v.gettext("Review cycle"), v.every(old.get("review_every_months")), v.every(new.get("review_every_months")))
    return changes


def _extra_sections(v: _Vocabulary, old: dict, new: dict) -> list[Change]:
    messages = (N_("New section: %(name)s."), N_("Section removed: %(name)s."), N_("Section “%(name)s”"))
    return _named_pairs(v, old.get("sections"), new.get("sections"), "title", "body", messages)


def _contact(v: _Vocabulary, old: dict, new: dict) -> list[Change]:
    return _value_change(v, v.render("Contact"), _plain(old.get("contact")), _plain(new.get("contact")))


def _revisions(v: _Vocabulary, old: dict, new: dict) -> list[Change]:
    """Entries added to the revision history (the newest last)."""
    before, after = _entries(old.get("revisions")), _entries(new.get("revisions"))
    changes = []
    for entry in after[len(before):]:
        note = one_line(v.new.text(entry.get("note"))) or DASH
        day = format_date(entry.get("date"), v.lang) or DASH
        changes.append(Change(v.say("New revision (%(date)s): %(note)s", date=day, note=note)))
    return changes


def _public_complaints(v: _Vocabulary, old: dict, new: dict) -> list[Change]:
    """The complaint times the public charter promises."""

    def complaints(data: dict) -> dict:
        found = [p for p in _entries(data.get("procedures")) if p.get("kind") == "complaints"]
        return found[0] if found else {}

    before, after = complaints(old), complaints(new)
    name = _procedure_name(v.new, after or before)
    return _time_change(
        v, N_("%(procedure)s: acknowledgement now %(new)s (was %(old)s)."),
        before.get("acknowledge_within"), after.get("acknowledge_within"), procedure=name,
    ) + _time_change(
        v, N_("%(procedure)s: resolution now %(new)s (was %(old)s)."),
        before.get("resolve_within"), after.get("resolve_within"), procedure=name,
    )


def _both(*comparisons):
    def compare(v: _Vocabulary, old: dict, new: dict) -> list[Change]:
        return [change for comparison in comparisons for change in comparison(v, old, new)]

    return compare


# (key, heading: from `changes` when marked N_ here, else the renderer's, comparison)
INTERNAL = (
    ("general", N_("General"), True, _general),
    ("purpose", "Purpose and scope", False, _purpose),
    ("definitions", "Definitions", False, _definitions),
    ("mission", "Mission", False, _text_section("mission", "Mission")),
    ("vision", "Vision", False, _text_section("vision", "Vision")),
    ("values", "Values", False, _values),
    ("standards", "Service standards", False, _standards),
    ("procedures", "Procedures", False, _procedures),
    ("escalation", "Escalation matrix", False, _escalation),
    ("training", "Training and resources", False, _training),
    ("enforcement", "Enforcement and review", False, _enforcement),
    ("sections", N_("Extra sections"), True, _extra_sections),
    ("contact", "Contact", False, _contact),
    ("revisions", "Revision history", False, _revisions),
)
# Only what the customer charter (`render --audience public`) contains.
PUBLIC = (
    ("mission", "Our mission", False, _text_section("mission", "Mission")),
    ("vision", "Our vision", False, _text_section("vision", "Vision")),
    ("values", "Our values", False, _values),
    ("commitments", "Our commitments to you", False, _commitments),
    ("service", "When you can expect an answer", False, _both(_service_levels, _support_hours)),
    ("complaints", "How to complain", False, _public_complaints),
    ("contact", "Contact us", False, _contact),
)


def compare(old: dict, new: dict, lang: str, audience: str = "internal") -> Notice:
    """What changed from `old` to `new`, in `lang`, for staff ("internal") or for customers
    ("public": only what the customer charter contains)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang!r}")
    old = old if isinstance(old, dict) else {}
    new = new if isinstance(new, dict) else {}
    v = _Vocabulary(lang, old, new)
    sections = []
    for key, heading, own, comparison in PUBLIC if audience == "public" else INTERNAL:
        changes = comparison(v, old, new)
        if changes:
            sections.append(NoticeSection(key, v.gettext(heading) if own else v.render(heading), tuple(changes)))
    if audience == "public":
        title = v.gettext("What has changed in our service charter")
    else:
        title = v.gettext("What has changed in the policy")
    return Notice(
        lang,
        title,
        _subtitle(v, old, new),
        tuple(sections),
        before_label=v.gettext("Before: %(text)s"),
        after_label=v.gettext("Now: %(text)s"),
        no_changes=v.gettext("No changes."),
    )


def _subtitle(v: _Vocabulary, old: dict, new: dict) -> str:
    """The versions compared (the number of revisions, as the document counts them)."""
    before, after = len(_entries(old.get("revisions"))), len(_entries(new.get("revisions")))
    if not after or before == after:
        return ""
    if not before:
        return v.say("Version %(new)s", new=format_number(after, v.lang))
    return v.say("Version %(old)s → %(new)s", old=format_number(before, v.lang), new=format_number(after, v.lang))


def first_version_note(lang: str) -> str:
    """The revision note of a policy's first save, in the document's language."""
    return translations(lang, "changes").gettext("First version")


def summary(notice: Notice) -> str:
    """The notice in one line, as a starting point for a revision note: the change itself
    when there is one, else the sections that changed."""
    changes = notice.changes
    if not changes:
        return ""
    if len(changes) == 1:  # a reworded text's sentence leads into its wording: drop the colon
        return changes[0].text.rstrip(":：")
    catalog = translations(notice.lang, "changes")
    headings = [section.heading for section in notice.sections if section.key != "revisions"]
    return catalog.gettext("Changed: %(sections)s.") % {"sections": format_list(headings, notice.lang)}


# Messages formatted with `say`, listed so that extraction sees them.
def _extraction_only(gettext: Callable[[str], str]) -> None:  # pragma: no cover
    gettext("%(label)s added:")
    gettext("%(label)s removed:")
    gettext("%(label)s reworded:")
    gettext("%(label)s: %(value)s (new).")
    gettext("%(label)s: no longer given (was %(value)s).")
    gettext("%(label)s: now %(new)s (was %(old)s).")
    gettext("Channel added to the scope: %(name)s.")
    gettext("Channel no longer in the scope: %(name)s.")
    gettext("New channel: %(channel)s.")
    gettext("Channel removed: %(channel)s.")
    gettext("New performance target: %(metric)s.")
    gettext("New performance target: %(metric)s, %(target)s.")
    gettext("Performance target removed: %(metric)s.")
    gettext("New procedure: %(name)s.")
    gettext("Procedure removed: %(name)s.")
    gettext("%(procedure)s: new step %(number)s: %(text)s")
    gettext("%(procedure)s: step removed: %(text)s")
    gettext("%(procedure)s, step %(number)s")
    gettext("New escalation level %(level)s: %(role)s.")
    gettext("Escalation level %(level)s removed: %(role)s.")
    gettext("Escalation level %(level)s")
    gettext("When a case goes to level %(level)s")
    gettext("New training method: %(method)s.")
    gettext("Training method dropped: %(method)s.")
    gettext("New resource: %(text)s")
    gettext("Resource removed: %(text)s")
    gettext("Resource %(number)s")
    gettext("New revision (%(date)s): %(note)s")
    gettext("Version %(new)s")
    gettext("Version %(old)s → %(new)s")
