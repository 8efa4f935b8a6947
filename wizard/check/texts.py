"""Walk every piece of prose in a spec, with the language it is written in.

A text field (see the contract) is a plain string in the spec's language or a
mapping `{lang: text, ..., translated_from: {...}}`. `iter_text_fields` yields
each field once (path, raw value); `iter_texts` yields one `TextEntry` per
written language, so a Croatian translation is read with Croatian vocabulary.
Plain strings that are not translatable (company, contact, revision authors)
come from `iter_plain_strings`: placeholders hide there too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from wizard.spec import model


@dataclass(frozen=True)
class TextEntry:
    path: tuple  # most specific: ("mission",) or ("mission", "hr")
    field: tuple  # the text field: ("mission",)
    text: str
    lang: str
    source: bool  # written in the spec's own language


def _list(data: Any, key: str) -> list:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, list) else []


def _dict(data: Any, key: str) -> dict:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, dict) else {}


def iter_text_fields(data: dict) -> Iterator[tuple[tuple, Any]]:
    """`(path, value)` of every translatable text field that is present, in document order."""

    def field(path: tuple, value: Any) -> Iterator[tuple[tuple, Any]]:
        if isinstance(value, (str, dict)):
            yield path, value

    yield from field(("title",), data.get("title"))
    yield from field(("owner",), data.get("owner"))
    purpose = _dict(data, "purpose")
    for key in ("intent", "applies_to"):
        yield from field(("purpose", key), purpose.get(key))
    for index, item in enumerate(_list(data, "definitions")):
        if isinstance(item, dict):
            for key in model.DEFINITION_KEYS:
                yield from field(("definitions", index, key), item.get(key))
    yield from field(("mission",), data.get("mission"))
    yield from field(("vision",), data.get("vision"))
    for index, item in enumerate(_list(data, "values")):
        if isinstance(item, dict):
            for key in model.VALUE_KEYS:
                yield from field(("values", index, key), item.get(key))
    standards = _dict(data, "standards")
    for key in ("always", "never"):
        for index, item in enumerate(_list(standards, key)):
            yield from field(("standards", key, index), item)
    for index, item in enumerate(_list(standards, "service_levels")):
        if isinstance(item, dict):
            yield from field(("standards", "service_levels", index, "name"), item.get("name"))
    yield from field(("standards", "support_hours"), standards.get("support_hours"))
    for index, item in enumerate(_list(standards, "metrics")):
        if isinstance(item, dict):
            yield from field(("standards", "metrics", index, "name"), item.get("name"))
            if item.get("metric") == "other":
                yield from field(("standards", "metrics", index, "target"), item.get("target"))
    for index, item in enumerate(_list(data, "procedures")):
        if isinstance(item, dict):
            yield from field(("procedures", index, "title"), item.get("title"))
            for step, text in enumerate(_list(item, "steps")):
                yield from field(("procedures", index, "steps", step), text)
    for index, item in enumerate(_list(data, "escalation")):
        if isinstance(item, dict):
            for key in ("role", "when"):
                yield from field(("escalation", index, key), item.get(key))
    training = _dict(data, "training")
    yield from field(("training", "onboarding"), training.get("onboarding"))
    for index, item in enumerate(_list(training, "resources")):
        yield from field(("training", "resources", index), item)
    enforcement = _dict(data, "enforcement")
    for key in model.ENFORCEMENT_KEYS:
        yield from field(("enforcement", key), enforcement.get(key))
    for index, item in enumerate(_list(data, "sections")):
        if isinstance(item, dict):
            for key in model.SECTION_KEYS:
                yield from field(("sections", index, key), item.get(key))
    for index, item in enumerate(_list(data, "revisions")):
        if isinstance(item, dict):
            yield from field(("revisions", index, "note"), item.get("note"))


def entries_of(path: tuple, value: Any, source_lang: str) -> Iterator[TextEntry]:
    """The written entries of one text field, source language first."""
    if isinstance(value, str):
        if value.strip():
            yield TextEntry(path, path, value, source_lang, True)
        return
    if not isinstance(value, dict):
        return
    order = [source_lang] + [lang for lang in model.LANGUAGES if lang != source_lang]
    for lang in order:
        text = value.get(lang)
        if isinstance(text, str) and text.strip():
            yield TextEntry((*path, lang), path, text, lang, lang == source_lang)


def iter_texts(data: dict, source_lang: str) -> Iterator[TextEntry]:
    """Every written text of the spec, each with the language it is written in."""
    for path, value in iter_text_fields(data):
        yield from entries_of(path, value, source_lang)


def iter_plain_strings(data: dict) -> Iterator[tuple[tuple, str]]:
    """Untranslated strings the author typed: company, contact, revision authors."""
    for key in ("company", "contact"):
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            yield (key,), value
    for index, item in enumerate(_list(data, "revisions")):
        if isinstance(item, dict) and isinstance(item.get("author"), str):
            yield ("revisions", index, "author"), item["author"]
