"""Our own documents read back exactly: a policy rendered as Markdown or DOCX, in any of the four
languages, imports to a spec that renders to the same document again.

The texts are made of words, so that the property is about the document's structure and our
scaffolding sentences; escaping of odd characters is the renderer's own tests' business."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from wizard.importer import import_file
from wizard.render import build_document, render
from wizard.spec import dump_spec, loads_spec
from wizard.spec.model import CHANNELS, CUSTOMER_WORDS, LANGUAGES, METRICS, PROCEDURE_KINDS, TRAINING_METHODS

WORDS = ["lorem", "ipsum", "dolor", "amet", "čvrsto", "šuma", "ğüzel", "ışık", "İzmir", "服务", "质量",
         "Ana", "ključ", "nota", "42", "7,5", "e-mail", "(note)", "rapid", "zenit"]
UNITS = ["second", "minute", "hour", "day", "working day", "week", "month"]

phrase = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
sentence = phrase.map(lambda p: p[0].upper() + p[1:] + ".")
prose = st.lists(sentence, min_size=1, max_size=3).map(" ".join)
paragraphs = st.lists(prose, min_size=1, max_size=3).map("\n\n".join)
durations = st.builds(lambda n, unit: f"{n} {unit}{'' if n == 1 else 's'}",
                      st.integers(1, 120), st.sampled_from(UNITS))
dates = st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)).map(lambda d: d.isoformat())
percents = st.one_of(st.integers(0, 100).map(lambda n: f"{n}%"),
                     st.decimals(0, 99, places=1).map(lambda d: f"{d}%"))


def _metric(key: str):
    target = {"nps": st.integers(-100, 100), "first_response_time": durations,
              "resolution_time": durations, "other": phrase}.get(key, percents)
    fields = {"metric": st.just(key), "target": target}
    if key == "other":
        fields["name"] = phrase
    return st.fixed_dictionaries(fields)


def _service_level(channel: str):
    fields = {"channel": st.just(channel)}
    if channel == "other":
        fields["name"] = phrase
    return st.fixed_dictionaries(fields, optional={"first_response": durations, "resolution": durations})


def _procedure(kind: str):
    fields = {"kind": st.just(kind), "steps": st.lists(prose, min_size=1, max_size=4)}
    if kind == "other":
        fields["title"] = phrase
    return st.fixed_dictionaries(fields, optional={"acknowledge_within": durations, "resolve_within": durations})


@st.composite
def specs(draw, lang: str):
    levels = draw(st.lists(st.integers(1, 9), unique=True, max_size=4))
    optional = {
        "title": phrase,
        "company": phrase,
        "owner": phrase,
        "contact": st.sampled_from(["help@example.com", "+385 1 2345 678", "https://example.com/help"]),
        "effective_date": dates,
        "review_every_months": st.integers(1, 36),
        "customer_word": st.sampled_from(CUSTOMER_WORDS),
        "purpose": st.fixed_dictionaries({}, optional={
            "intent": paragraphs, "applies_to": phrase,
            "channels": st.lists(st.sampled_from([c for c in CHANNELS if c != "other"]), min_size=1, unique=True)}),
        "definitions": st.lists(st.fixed_dictionaries({"term": phrase, "meaning": prose}), min_size=1, max_size=3),
        "mission": paragraphs,
        "vision": paragraphs,
        "values": st.lists(st.fixed_dictionaries({"name": phrase, "description": prose}), min_size=1, max_size=3),
        "standards": st.fixed_dictionaries({}, optional={
            "always": st.lists(phrase, min_size=1, max_size=3),
            "never": st.lists(phrase, min_size=1, max_size=3),
            "service_levels": st.lists(st.sampled_from(CHANNELS).flatmap(_service_level), min_size=1, max_size=3),
            "support_hours": phrase,
            "metrics": st.lists(st.sampled_from(METRICS).flatmap(_metric), min_size=1, max_size=3)}),
        "procedures": st.lists(st.sampled_from(PROCEDURE_KINDS).flatmap(_procedure), min_size=1, max_size=3),
        "escalation": st.just([]).flatmap(lambda _: st.tuples(*[
            st.fixed_dictionaries({"level": st.just(level), "role": phrase, "when": prose},
                                  optional={"within": durations}) for level in levels]).map(list)),
        "training": st.fixed_dictionaries({}, optional={
            "onboarding": paragraphs,
            "methods": st.lists(st.sampled_from(TRAINING_METHODS), min_size=1, unique=True),
            "refresher_every_months": st.integers(1, 24),
            "resources": st.lists(phrase, min_size=1, max_size=3)}),
        "enforcement": st.fixed_dictionaries({}, optional={
            "accountable": phrase, "monitoring": paragraphs, "consequences": paragraphs, "feedback": paragraphs}),
        "sections": st.lists(st.fixed_dictionaries({"title": phrase, "body": paragraphs}), min_size=1, max_size=2),
        "revisions": st.lists(st.fixed_dictionaries({
            "date": dates, "author": phrase, "note": phrase}), min_size=1, max_size=3),
    }
    data = draw(st.fixed_dictionaries({"schema_version": st.just(1), "language": st.just(lang)}, optional=optional))
    return loads_spec(dump_spec(data)).data  # as a file holds it: valid, canonical


@pytest.mark.parametrize("fmt", ["md", "docx"])
@pytest.mark.parametrize("lang", LANGUAGES)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_our_own_document_reads_back_to_the_same_document(tmp_path, lang, fmt, data):
    spec = data.draw(specs(lang))
    # The language is told by our headings: a document needs a few to have one.
    assume(len(build_document(spec, lang).sections) >= 3)
    document = _write(tmp_path / f"policy.{fmt}", render(spec, lang, fmt))

    imported = import_file(document)

    assert imported.lang == lang
    # a small document may not show that we wrote it: its extra sections are then listed for a look
    assert all(placement.target.startswith("sections[") for placement in imported.unplaced)
    assert build_document(imported.spec, lang) == build_document(spec, lang)
    loads_spec(dump_spec(imported.spec))  # and it is a valid policy file


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_preset_reads_back_from_markdown_and_docx(tmp_path, lang):
    from wizard.presets import list_presets, load_preset

    for preset in list_presets():
        spec = load_preset(preset.key, lang)
        for fmt in ("md", "docx", "html"):
            document = _write(tmp_path / f"{preset.key}.{fmt}", render(spec, lang, fmt))
            imported = import_file(document)
            assert (imported.lang, imported.unplaced) == (lang, []), (preset.key, fmt)
            assert build_document(imported.spec, lang) == build_document(spec, lang), (preset.key, fmt)


def _write(path, output):
    if isinstance(output, bytes):
        path.write_bytes(output)
    else:
        path.write_text(output, encoding="utf-8")
    return path
