"""Property: any valid spec (drafts included) renders in every language and format."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.render import build_document, render
from wizard.render.formatting import cell_len
from wizard.spec import validate
from wizard.spec.format import BIDI
from wizard.spec.model import CHANNELS, LANGUAGES, METRICS, PROCEDURE_KINDS, TRAINING_METHODS

UNITS = ["second", "minute", "hour", "day", "working day", "week", "month"]

plain_text = st.text(
    alphabet=st.one_of(
        # a valid spec holds no bidirectional controls (the loader refuses them, "Trojan source")
        st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="".join(BIDI)),
        st.sampled_from(list("\n #-*_|<>&{}[]`1.客户çşğ")),
    ),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip())


def text_field(source: str):
    translated = st.fixed_dictionaries(
        {source: plain_text},
        optional={lang: plain_text for lang in LANGUAGES if lang != source},
    )
    return st.one_of(plain_text, translated)


durations = st.builds(
    lambda n, unit: f"{n} {unit}{'' if n == 1 else 's'}", st.integers(1, 1000), st.sampled_from(UNITS)
)
percents = st.builds(lambda x: f"{x}%", st.one_of(st.integers(0, 100), st.decimals(0, 100, places=1).map(str)))
dates = st.dates().map(lambda d: d.isoformat())


@st.composite
def specs(draw):
    source = draw(st.sampled_from(LANGUAGES))
    text = text_field(source)
    lists = lambda element: st.lists(element, max_size=4)  # noqa: E731
    metric = st.sampled_from(METRICS).flatmap(
        lambda key: st.fixed_dictionaries(
            {
                "metric": st.just(key),
                **({"name": text} if key == "other" else {}),
                "target": {
                    "nps": st.integers(-100, 100),
                    "first_response_time": durations,
                    "resolution_time": durations,
                    "other": text,
                }.get(key, percents),
            },
        )
    )
    service_level = st.sampled_from(CHANNELS).flatmap(
        lambda key: st.fixed_dictionaries(
            {"channel": st.just(key), **({"name": text} if key == "other" else {})},
            optional={"first_response": durations, "resolution": durations},
        )
    )
    procedure = st.sampled_from(PROCEDURE_KINDS).flatmap(
        lambda kind: st.fixed_dictionaries(
            {"kind": st.just(kind), **({"title": text} if kind == "other" else {})},
            optional={**({} if kind == "other" else {"title": text}), "steps": lists(text),
                      "acknowledge_within": durations, "resolve_within": durations},
        )
    )
    optional = {
        "title": text,
        "company": plain_text,
        "owner": text,
        "contact": plain_text,
        "effective_date": dates,
        "review_every_months": st.integers(1, 120),
        "purpose": st.fixed_dictionaries({}, optional={"intent": text, "applies_to": text, "channels": st.lists(st.sampled_from(CHANNELS), unique=True)}),
        "definitions": lists(st.fixed_dictionaries({"term": text, "meaning": text})),
        "mission": text,
        "vision": text,
        "values": lists(st.fixed_dictionaries({"name": text}, optional={"description": text})),
        "standards": st.fixed_dictionaries({}, optional={
            "always": lists(text), "never": lists(text), "service_levels": lists(service_level),
            "support_hours": text, "metrics": lists(metric)}),
        "procedures": lists(procedure),
        "escalation": lists(st.fixed_dictionaries({"level": st.integers(1, 9), "role": text, "when": text}, optional={"within": durations})),
        "training": st.fixed_dictionaries({}, optional={
            "onboarding": text, "methods": st.lists(st.sampled_from(TRAINING_METHODS), unique=True),
            "refresher_every_months": st.integers(1, 60), "resources": lists(text)}),
        "enforcement": st.fixed_dictionaries({}, optional={k: text for k in ("accountable", "monitoring", "consequences", "feedback")}),
        "sections": lists(st.fixed_dictionaries({"title": text, "body": text})),
        "revisions": lists(st.fixed_dictionaries({"date": dates, "author": plain_text, "note": text})),
    }
    return draw(st.fixed_dictionaries({"schema_version": st.just(1), "language": st.just(source)}, optional=optional))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=specs(), audience=st.sampled_from(["internal", "public"]))
def test_any_valid_spec_renders_in_every_language_and_text_format(data, audience):
    assert validate(data) == []  # the strategy makes valid specs only
    for lang in LANGUAGES:
        document = build_document(data, lang, audience)
        assert document.sections[0].key == "title"
        for fmt in ("md", "html", "txt"):
            output = render(data, lang, fmt, audience)
            assert isinstance(output, str) and output.strip()
            assert "duration-" not in output
        for line in render(data, lang, "txt", audience).splitlines():
            assert cell_len(line) <= 78, line


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=specs(), lang=st.sampled_from(LANGUAGES))
def test_any_valid_spec_renders_as_docx(data, lang):
    from docx import Document

    document = Document(io.BytesIO(render(data, lang, "docx")))
    assert document.paragraphs[0].style.name == "Title"


INNER_KEYS = [
    "en", "hr", "zh", "tr", "translated_from", "name", "term", "meaning", "description", "channel", "metric",
    "kind", "level", "target", "steps", "title", "body", "always", "never", "service_levels", "metrics",
    "support_hours", "first_response", "resolution", "channels", "intent", "applies_to", "methods",
    "refresher_every_months", "resources", "onboarding", "accountable", "monitoring", "date", "author", "note",
    "role", "when", "within", "acknowledge_within", "resolve_within",
]
junk = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(allow_nan=False), plain_text, durations, dates),
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(st.sampled_from(INNER_KEYS), children, max_size=3),
    ),
    max_leaves=12,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.dictionaries(st.sampled_from(["title", "company", "owner", "contact", "effective_date", "review_every_months",
                                             "purpose", "definitions", "mission", "values", "standards", "procedures",
                                             "escalation", "training", "enforcement", "sections", "revisions", "language"]),
                            junk, max_size=8),
       lang=st.sampled_from(LANGUAGES))
def test_a_half_typed_draft_never_breaks_the_preview(data, lang):
    """The app renders in-memory data while the author types: wrong types are skipped or shown as typed."""
    for fmt in ("md", "html", "txt"):
        assert isinstance(render(data, lang, fmt), str)
    for audience in ("internal", "public"):
        build_document(data, lang, audience)
