"""Property tests: any valid spec saves and loads back equal, saving is idempotent, and no input
whatsoever makes loading raise anything but SpecError."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.spec import SpecError, dump_spec, loads_spec, validate
from wizard.spec import model

# SPEC_EXAMPLES=3000 for a long local run; the default keeps the suite quick.
SETTINGS = settings(max_examples=int(os.environ.get("SPEC_EXAMPLES", "100")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Text a user can type: any letter, digit, punctuation, space, symbol, with tabs and line breaks,
# but no control, bidi or surrogate characters (those are rejected, see test_errors).
_chars = st.characters(
    blacklist_categories=("Cc", "Cs", "Zl", "Zp"),
    blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff",
) | st.sampled_from(["\n", "\t", " ", ":", "#", "-", "'", '"', "|", ">", "*", "&", "!", "%", "@"])
tricky = st.sampled_from([
    "yes", "no", "on", "off", "true", "null", "~", "1984", "0x1F", "1e3", "12:30", "2026-12-01",
    "- item", ": colon", "key: value", "# comment", "[a, b]", "{a: b}", "&anchor", "*alias",
    "!tag", "'quoted'", '"double"', "line\n", "two\nlines", "trailing\n\n", "\nleading", " space",
    "space ", "a  b", "tab\there", "ends with colon:", "@at", "`tick`", "%percent", "|pipe",
    ">fold", "Müşteri hizmetleri", "客户服务政策", "Politika korisničke službe", "=", "?", "",
    "x\n  indented\nback", "  \n", "a\r", "\u00a0nbsp", "…", "a\n\n\nb\n",
])
plain_text = tricky | st.text(_chars, max_size=60)
text_value = plain_text.filter(lambda s: "\r" not in s)
hashes = st.text("0123456789abcdef", min_size=8, max_size=8)


def translated(lang: str):
    others = [code for code in model.LANGUAGES]
    return st.one_of(
        text_value,
        st.dictionaries(st.sampled_from(others), text_value, min_size=1).flatmap(
            lambda entries: st.one_of(
                st.just(entries),
                st.dictionaries(st.sampled_from(model.LANGUAGES), hashes, min_size=1).map(
                    lambda h: {**entries, model.TRANSLATED_FROM: h}),
            )),
    )


durations = st.builds(lambda n, unit: f"{n} {unit}", st.integers(1, 999), st.sampled_from([
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "working day",
    "working days", "working_day", "working_days", "week", "weeks", "month", "months"]))
percents = st.one_of(st.integers(0, 100).map(lambda n: f"{n}%"),
                     st.decimals(0, 100, places=1).map(lambda d: f"{d}%"))
dates = st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10)
months = st.integers(1, 120)


def records(**fields):
    """A mapping with any subset of `fields` (each a strategy), in random order."""
    return st.fixed_dictionaries({}, optional=fields).flatmap(
        lambda d: st.permutations(list(d.items())).map(dict))


def spec_strategy():
    return st.sampled_from(model.LANGUAGES).flatmap(_spec_in)


def _spec_in(lang: str):
    text = translated(lang)
    service_level = st.one_of(
        records(first_response=durations, resolution=durations).flatmap(
            lambda r: st.sampled_from(model.CHANNELS[:-1]).map(lambda c: {"channel": c, **r})),
        records(first_response=durations, resolution=durations).flatmap(
            lambda r: text.map(lambda n: {"channel": "other", "name": n, **r})),
    ).filter(lambda r: not (r["channel"] == "other" and model.is_empty(r.get("name"))))
    metric = st.one_of(
        st.builds(lambda m, t: {"metric": m, "target": t}, st.sampled_from(model.PERCENT_METRICS),
                  percents),
        st.builds(lambda m, t: {"metric": m, "target": t}, st.sampled_from(model.DURATION_METRICS),
                  durations),
        st.builds(lambda t: {"metric": "nps", "target": t}, st.integers(-100, 100)),
        st.builds(lambda n, t: {"metric": "other", "name": n, "target": t}, text, text),
        st.sampled_from(model.METRICS[:-1]).map(lambda m: {"metric": m}),
    ).filter(lambda r: not (r["metric"] == "other" and model.is_empty(r.get("name"))))
    procedure = st.one_of(
        st.sampled_from(model.PROCEDURE_KINDS[:-1]).map(lambda k: {"kind": k}),
        text.filter(lambda t: not model.is_empty(t)).map(lambda t: {"kind": "other", "title": t}),
    ).flatmap(lambda base: records(steps=st.lists(text, max_size=3), acknowledge_within=durations,
                                   resolve_within=durations).map(lambda r: {**base, **r}))
    return records(
        title=text, company=text_value, owner=text, contact=text_value, effective_date=dates,
        review_every_months=months,
        purpose=records(intent=text, applies_to=text,
                        channels=st.lists(st.sampled_from(model.CHANNELS), max_size=4)),
        definitions=st.lists(records(term=text, meaning=text), max_size=2),
        mission=text, vision=text,
        values=st.lists(records(name=text, description=text), max_size=2),
        standards=records(always=st.lists(text, max_size=3), never=st.lists(text, max_size=2),
                          service_levels=st.lists(service_level, max_size=2), support_hours=text,
                          metrics=st.lists(metric, max_size=3)),
        procedures=st.lists(procedure, max_size=2),
        escalation=st.lists(records(level=st.integers(1, 9), role=text, when=text, within=durations),
                            max_size=2),
        training=records(onboarding=text, methods=st.lists(st.sampled_from(model.TRAINING_METHODS),
                                                           max_size=3),
                         refresher_every_months=months, resources=st.lists(text, max_size=2)),
        enforcement=records(accountable=text, monitoring=text, consequences=text, feedback=text),
        sections=st.lists(records(title=text, body=text), max_size=2),
        revisions=st.lists(records(date=dates, author=text_value, note=text), max_size=2),
    ).map(lambda rest: {"schema_version": 1, "language": lang, **rest})


@SETTINGS
@given(spec_strategy())
def test_generated_specs_are_valid_and_round_trip(data):
    assert validate(data) == []
    saved = dump_spec(data)
    loaded = loads_spec(saved, "generated.yaml")
    assert loaded.data == data
    assert dump_spec(loaded.data) == saved
    # the canonical order does not depend on the order the keys were set in
    assert list(loaded.data) == [k for k in model.TOP_KEYS if k in data]


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_load_or_raise_spec_error(raw):
    try:
        loads_spec(raw, "fuzz.yaml")
    except SpecError as error:
        assert error.problems
        assert all(str(p).startswith("fuzz.yaml") and "\n" not in str(p) for p in error.problems)


_tokens = list("ab :-\n\t[]{},'\"|>&*!%@#?~0123456789\\") + [
    "schema_version: 1\n", "language: en\n", "mission: ", "  ", "- ", "&x ", "*x", "!!str ", "---\n",
    " # note\n", "# about\n", "vision: |\n", "values:\n", "  - name: ", "standards:\n", "  always:\n",
    "    - "]
yamlish = st.lists(st.sampled_from(_tokens), max_size=60).map("".join)


@SETTINGS
@given(st.one_of(yamlish, st.text(max_size=200)))
def test_any_text_loads_or_raises_spec_error(text):
    try:
        spec = loads_spec(text, "fuzz.yaml")
    except SpecError as error:
        assert error.problems
        assert all("\n" not in p.message for p in error.problems)
    else:
        assert validate(spec.data) == []
        assert loads_spec(dump_spec(spec.data)).data == spec.data
        # with its comments, the file saves stably too
        saved = dump_spec(spec.data, comments=spec.comments)
        again = loads_spec(saved)
        assert again.data == spec.data
        assert dump_spec(again.data, comments=again.comments) == saved
        assert len(again.comments) == len(spec.comments)


@SETTINGS
@given(spec_strategy(), st.data())
def test_mutated_specs_validate_without_crashing(data, draw):
    """Wrong types anywhere: validate reports problems, dump still writes something that loads."""
    junk = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), text_value,
                     st.lists(st.integers(), max_size=2), st.dictionaries(text_value, st.integers(),
                                                                            max_size=2))
    key = draw.draw(st.sampled_from(model.TOP_KEYS))
    data = {**data, key: draw.draw(junk)}
    problems = validate(data, "mutated.yaml")
    assert all(p.file == "mutated.yaml" for p in problems)
    saved = dump_spec(data)
    try:
        loads_spec(saved, "mutated.yaml")
    except SpecError:
        pass


@SETTINGS
@given(spec_strategy(), st.data())
def test_comments_survive_saving(data, draw):
    """Comments added anywhere in a saved file are kept, beside the same values, stably."""
    from hypothesis import assume

    rows = dump_spec(data).split("\n")[:-1]
    positions = draw.draw(st.lists(st.tuples(st.integers(0, len(rows)), st.booleans()), max_size=6,
                                   unique_by=lambda p: p[0]))
    for number, (index, inline) in enumerate(sorted(positions, reverse=True)):
        if inline and index < len(rows):
            rows[index] += f"  # note {number}"
        else:
            indent = draw.draw(st.sampled_from(["", "  ", "    "]))
            rows.insert(index, f"{indent}# note {number}")
    text = "\n".join(rows) + "\n"
    try:
        spec = loads_spec(text)
    except SpecError:
        assume(False)
    assume(spec.data == data)
    notes = sorted(c[2] for c in spec.comments)
    assert notes == sorted(f"# note {n}" for n in range(len(positions)))
    saved = dump_spec(spec.data, comments=spec.comments)
    again = loads_spec(saved)
    assert again.data == data
    assert sorted(c[2] for c in again.comments) == notes
    assert dump_spec(again.data, comments=again.comments) == saved


# --- Hostile text and numbers: messages stay one visible line; numbers never crash ----------

any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80) | st.sampled_from([
    "\x1b[2J\x1b[31m", "\x1b]0;title\x07", "\x1b]8;;http://x\x1b\\link", "mis\u200bsion", "vis\nion",
    "\u202ephone", "\x9b31m", "\x00", "\u2028", "\ufeffkey", "a\u00a0b", "\r", "x" * 5000,
])

# Each place the format quotes the user's text in a message, as in-memory data.
QUOTING_FIELDS = [
    lambda v: {v: "x"},
    lambda v: {"purpose": {v: "x"}},
    lambda v: {"language": v},
    lambda v: {"purpose": {"channels": [v]}},
    lambda v: {"procedures": [{"kind": v}]},
    lambda v: {"training": {"methods": [v]}},
    lambda v: {"standards": {"metrics": [{"metric": v}]}},
    lambda v: {"effective_date": v},
    lambda v: {"revisions": [{"date": v}]},
    lambda v: {"procedures": [{"kind": "refunds", "resolve_within": v}]},
    lambda v: {"standards": {"metrics": [{"metric": "csat", "target": v}]}},
    lambda v: {"standards": {"metrics": [{"metric": "nps", "target": v}]}},
    lambda v: {"review_every_months": v},
    lambda v: {"escalation": [{"level": v}]},
    lambda v: {"title": {"en": "Policy", v: "x"}},
    lambda v: {"title": {"en": "Policy", "translated_from": {v: "5d41402a"}}},
    lambda v: {"title": {"en": "Policy", "translated_from": {"hr": v}}},
]


def _one_visible_line(problem) -> bool:
    return str(problem).isprintable() and len(problem.message) < 600


@SETTINGS
@given(st.sampled_from(QUOTING_FIELDS), any_text)
def test_no_message_carries_a_control_or_invisible_character(field, value):
    import json

    data = {"schema_version": 1, "language": "en", **field(value)}
    assert all(_one_visible_line(p) for p in validate(data))
    try:
        loads_spec(json.dumps(data, ensure_ascii=False), "hostile.yaml")
    except SpecError as error:
        assert all(_one_visible_line(p) for p in error.problems)


NUMBER_FIELDS = [
    "schema_version: {n}\nlanguage: en\n",
    "schema_version: 1\nlanguage: en\nreview_every_months: {n}\n",
    "schema_version: 1\nlanguage: en\ntraining:\n  refresher_every_months: {n}\n",
    "schema_version: 1\nlanguage: en\nescalation:\n  - level: {n}\n",
    "schema_version: 1\nlanguage: en\nstandards:\n  metrics:\n    - metric: nps\n      target: {n}\n",
    "schema_version: 1\nlanguage: en\nstandards:\n  metrics:\n    - metric: csat\n      target: '{n}%'\n",
    "schema_version: 1\nlanguage: en\nstandards:\n  metrics:\n    - metric: csat\n      target: '99.{n}%'\n",
    "schema_version: 1\nlanguage: en\nprocedures:\n  - kind: refunds\n    resolve_within: {n} days\n",
    "schema_version: 1\nlanguage: en\nescalation:\n  - level: 1\n    within: {n} minutes\n",
]
numbers = st.one_of(
    st.integers(-10**30, 10**30).map(str),
    st.integers(-200, 10_100).map(str),
    st.text("0123456789", min_size=4000, max_size=5000),  # past int()'s 4,300-digit limit
    st.builds(lambda zeros, n: "0" * zeros + str(n), st.integers(1, 30), st.integers(0, 200)),
    st.text(st.characters(whitelist_categories=("Nd",)), min_size=1, max_size=4),  # any script's digits
)


@SETTINGS
@given(st.sampled_from(NUMBER_FIELDS), numbers)
def test_any_number_in_any_number_field_loads_and_renders_or_gives_one_line(template, number):
    """A number either is within the contract's bounds, and then renders in every language,
    or it is one message: never int()'s digit limit, never a Babel error on render."""
    from wizard.render import render

    try:
        spec = loads_spec(template.format(n=number), "numbers.yaml")
    except SpecError as error:
        assert all(_one_visible_line(p) for p in error.problems)
        return
    for lang in model.LANGUAGES:
        assert render(spec.data, lang, "txt")
