"""Loading, validating and saving specs as a user sees it: data, lines, messages and bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wizard import i18n
from wizard.spec import Problem, Spec, SpecError, dump_spec, json_schema, load_spec, loads_spec, validate
from wizard.spec import model

HEAD = "schema_version: 1\nlanguage: en\n"


def messages(text: str, filename: str = "policy.yaml") -> list[str]:
    with pytest.raises(SpecError) as caught:
        loads_spec(text, filename)
    return str(caught.value).splitlines()


# --- The examples ----------------------------------------------------------------------------

def test_examples_load_and_round_trip(examples):
    assert len(examples) >= 2
    for path in examples:
        spec = load_spec(path)
        assert spec.path == path
        saved = dump_spec(spec.data)
        again = loads_spec(saved, "saved.yaml")
        assert again.data == spec.data, path
        assert dump_spec(again.data) == saved, path


def test_a_canonical_example_is_saved_byte_for_byte(examples):
    path = next(p for p in examples if p.name == "kava-hr-draft.yaml")
    assert dump_spec(load_spec(path).data) == path.read_text(encoding="utf-8")


def test_example_data_is_exactly_what_was_written(examples):
    data = load_spec(next(p for p in examples if p.name == "northwind-en.yaml")).data
    assert data["schema_version"] == 1
    assert data["effective_date"] == "2026-12-01"
    assert data["review_every_months"] == 12
    assert data["purpose"]["channels"] == ["phone", "email", "live_chat", "social_media", "in_person"]
    assert data["purpose"]["intent"].startswith("This policy makes sure that every employee understands "
                                                "the importance of excellent customer service")
    assert data["mission"]["hr"].startswith("Pružiti našim kupcima")
    assert data["standards"]["metrics"][0] == {"metric": "csat", "target": "90%"}
    assert data["escalation"][1] == {"level": 2, "role": "Supervisor on duty",
                                     "when": "The representative cannot resolve the issue.",
                                     "within": "4 hours"}
    assert data["revisions"] == [{"date": "2026-11-22", "author": "Ana Horvat", "note": "First version."}]


def test_lines_of_the_example(examples):
    spec = load_spec(next(p for p in examples if p.name == "northwind-en.yaml"))
    lines = Path(spec.path).read_text(encoding="utf-8").splitlines()
    assert spec.line_of(("mission", "hr")) == 23
    assert lines[22].startswith("  hr: Pružiti")
    assert spec.line_of(("standards", "service_levels", 1, "first_response")) == 43
    assert lines[42] == "      first_response: 24 hours"
    assert spec.line_of(("escalation", 1)) == 69
    # a path below a value falls back to the nearest ancestor
    assert spec.line_of(("standards", "metrics", 0, "target", "nowhere")) == 50
    assert spec.line_of(()) == 1


# --- Scalars keep what the user wrote --------------------------------------------------------

def test_text_fields_stay_text_whatever_yaml_would_read():
    spec = loads_spec(HEAD + "company: 1984\nmission: yes\nvision: 2026-12-01\nowner: ~owner\n"
                             "contact: 0x1F\ntitle: 3.14\n")
    assert spec.data["company"] == "1984"
    assert spec.data["mission"] == "yes"
    assert spec.data["vision"] == "2026-12-01"
    assert spec.data["owner"] == "~owner"
    assert spec.data["contact"] == "0x1F"
    assert spec.data["title"] == "3.14"
    saved = dump_spec(spec.data)
    assert "company: '1984'\n" in saved
    assert "mission: 'yes'\n" in saved
    assert "vision: '2026-12-01'\n" in saved
    assert loads_spec(saved).data == spec.data


def test_numbers_are_numbers_and_dates_stay_iso_strings():
    spec = loads_spec(HEAD + "effective_date: '2026-12-01'\nreview_every_months: 12\nrevisions:\n"
                             "  - date: 2026-11-22\nescalation:\n  - level: 1\n"
                             "standards:\n  metrics:\n    - metric: nps\n      target: -20\n"
                             "training:\n  refresher_every_months: \"6\"\n")
    assert spec.data["effective_date"] == "2026-12-01"
    assert spec.data["revisions"][0]["date"] == "2026-11-22"
    assert spec.data["review_every_months"] == 12
    assert spec.data["escalation"][0]["level"] == 1
    assert spec.data["standards"]["metrics"][0]["target"] == -20
    assert spec.data["training"]["refresher_every_months"] == 6
    saved = dump_spec(spec.data)
    assert "effective_date: 2026-12-01\n" in saved
    assert "  - date: 2026-11-22\n" in saved
    assert "      target: -20\n" in saved


def test_empty_values_count_as_absent():
    spec = loads_spec(HEAD + "mission:\nvision: ~\npurpose:\n  intent:\n  channels: [phone]\n"
                             "standards:\n  always:\n    - be kind\n    -\n    - be quick\n")
    assert spec.data == {"schema_version": 1, "language": "en", "purpose": {"channels": ["phone"]},
                         "standards": {"always": ["be kind", "be quick"]}}
    assert spec.line_of(("standards", "always", 1)) == 12


def test_a_draft_is_valid():
    assert loads_spec(HEAD).data == {"schema_version": 1, "language": "en"}


def test_bom_and_windows_line_ends_are_read():
    spec = loads_spec(b"\xef\xbb\xbf" + HEAD.replace("\n", "\r\n").encode() + b"mission: Serve.\r\n")
    assert spec.data["mission"] == "Serve."
    assert spec.line_of(("mission",)) == 3


def test_allowed_core_tags_and_anchors():
    spec = loads_spec(HEAD + "company: !!str 2001\nowner: &owner Ana Horvat\nrevisions:\n"
                             "  - date: 2026-01-05\n    author: *owner\n")
    assert spec.data["company"] == "2001"
    assert spec.data["revisions"][0]["author"] == "Ana Horvat"


# --- Messages for each class of mistake --------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    (HEAD + "misison: To serve.\n",
     ["policy.yaml:3: unknown key 'misison' (did you mean 'mission'?)"]),
    (HEAD + "purpose:\n  scope: everyone\n",
     ["policy.yaml:4: unknown key 'scope'; valid keys here: intent, applies_to, channels"]),
    (HEAD + "channels: [phone]\n", ["policy.yaml:3: 'channels' belongs under 'purpose', not here"]),
    (HEAD + "purpose:\n  first_response: 1 hour\n",
     ["policy.yaml:4: 'first_response' belongs in an item of the 'service_levels' list, not here"]),
    (HEAD + "standards:\n  mission: x\n",
     ["policy.yaml:4: 'mission' belongs at the top level of the file, not here"]),
    (HEAD + "mission: [a, b]\n", ["policy.yaml:3: expected text, found a list"]),
    (HEAD + "company:\n  en: Northwind\n",
     ["policy.yaml:3: expected plain text (this field is never translated), found a mapping"]),
    (HEAD + "values: Honesty\n",
     ["policy.yaml:3: expected a list (one item per line, each starting with '- '), found 'Honesty'"]),
    (HEAD + "standards: be kind\n",
     ["policy.yaml:3: expected keys such as 'always:', 'never:' on the lines below, found 'be kind'"]),
    (HEAD + "standards:\n  always:\n    - Note: we answer\n",
     ["policy.yaml:5: expected text, found a mapping: if this is text that contains ': ', put it in "
      "quotes"]),
    (HEAD + "procedures:\n  - kind: refunds\n    resolve_within: 2 fortnights\n",
     ["policy.yaml:5: expected a duration: a whole number from 1 to 9999 and a unit (seconds, minutes, hours, "
      "days, working days, weeks, months), such as '24 hours'; found '2 fortnights'"]),
    (HEAD + "standards:\n  metrics:\n    - metric: csat\n      target: 101%\n",
     ["policy.yaml:6: expected a percentage from 0 to 100, such as '90%'; found '101%'"]),
    (HEAD + "standards:\n  metrics:\n    - metric: nps\n      target: -101\n",
     ["policy.yaml:6: expected a whole number from -100 to 100 for an NPS target, such as 40; found "
      "-101"]),
    (HEAD + "effective_date: 2026-02-29\n",
     ["policy.yaml:3: '2026-02-29' is not a real date: check the month and the day"]),
    (HEAD + "effective_date: 1 December 2026\n",
     ["policy.yaml:3: expected a date written as YYYY-MM-DD, such as 2026-12-01; found "
      "'1 December 2026'"]),
    (HEAD + "review_every_months: 0\n",
     ["policy.yaml:3: expected a whole number of months from 1 to 120, such as 12; found 0"]),
    (HEAD + "escalation:\n  - level: first\n",
     ["policy.yaml:4: expected a whole number from 1 to 99 for the level, such as 1; found 'first'"]),
    (HEAD + "purpose:\n  channels: [fone]\n",
     ["policy.yaml:4: unknown channel 'fone' (did you mean 'phone'?)"]),
    (HEAD + "standards:\n  metrics:\n    - metric: happiness\n",
     ["policy.yaml:5: unknown metric 'happiness'; valid metrics: csat, nps, first_contact_resolution, "
      "sla_compliance, first_response_time, resolution_time, other"]),
    (HEAD + "training:\n  methods: [webinar]\n",
     ["policy.yaml:4: unknown training method 'webinar'; valid methods: role_play, shadowing, "
      "e_learning, workshops, mentoring, knowledge_base"]),
    (HEAD + "procedures:\n  - kind: refund\n",
     ["policy.yaml:4: unknown procedure kind 'refund' (did you mean 'refunds'?)"]),
    ("schema_version: 2\nlanguage: en\n",
     ["policy.yaml:1: unsupported schema_version 2: this version of Policy Wizard reads "
      "schema_version 1"]),
    ("schema_version: 1\nlanguage: de\n",
     ["policy.yaml:2: unsupported language 'de'; valid languages: en, hr, zh, tr"]),
    ("language: en\n",
     ["policy.yaml:1: missing 'schema_version: 1' (every policy file starts with it)"]),
    ("schema_version: 1\n",
     ["policy.yaml:1: missing 'language' (the language the text is written in: en, hr, zh, tr)"]),
    (HEAD + "vision:\n  en: To lead.\n  de: Zu führen.\n",
     ["policy.yaml:5: unknown language code 'de' (valid codes: en, hr, zh, tr)"]),
    (HEAD + "vision:\n  en: To lead.\n  hr: Voditi.\n  translated_from: {hr: 123}\n",
     ["policy.yaml:6: expected the 8-character hash that the wizard writes, such as '5d41402a'; "
      "found '123'"]),
    (HEAD + "standards:\n  service_levels:\n    - channel: other\n      first_response: 1 day\n",
     ["policy.yaml:5: a service level for channel 'other' needs a 'name' (what the channel is "
      "called)"]),
    (HEAD + "standards:\n  service_levels:\n    - channel: phone\n      name: Hotline\n",
     ["policy.yaml:6: 'name' is only for channel 'other': remove it, or write 'channel: other'"]),
    (HEAD + "standards:\n  metrics:\n    - metric: other\n      target: fewer calls\n",
     ["policy.yaml:5: a metric 'other' needs a 'name' (what is measured)"]),
    (HEAD + "procedures:\n  - kind: other\n    steps: [Listen]\n",
     ["policy.yaml:4: a procedure of kind 'other' needs a 'title'"]),
    (HEAD + "standards:\n  service_levels:\n    - first_response: 1 day\n",
     ["policy.yaml:5: missing 'channel' (one of phone, email, live_chat, social_media, in_person, "
      "messaging, other)"]),
    (HEAD + "mission: a\nmission: b\n",
     ["policy.yaml:4: duplicate key 'mission': it is already on line 3, and only one of the two "
      "values can be kept"]),
    ("", ["policy.yaml: the file is empty: a policy starts with 'schema_version: 1' and a 'language' "
          "such as 'language: en'"]),
    ("- a\n", ["policy.yaml:1: the top level must be keys such as 'schema_version: 1' and "
               "'language: en', found a list"]),
    (HEAD + "mission: 'unclosed\n", ["policy.yaml:3: quoted text that is never closed: add the "
                                     "missing quote"]),
    (HEAD + "mission: \"\\u202Eevil\"\n",
     ["policy.yaml:3: invisible bidirectional control character U+202E RIGHT-TO-LEFT OVERRIDE is not "
      "allowed: it can make text display differently from what it says"]),
    (HEAD + "mission: \"ring \\x07\"\n",
     ["policy.yaml:3: control character U+0007 BELL is not allowed in a policy file"]),
    (HEAD + "mission: !!binary aGVsbG8=\n",
     ["policy.yaml:3: the tag '!!binary' is not allowed: a policy file holds only text, numbers, "
      "lists and mappings"]),
    (HEAD + "mission: *nothing\n",
     ["policy.yaml:3: the alias '*nothing' has no anchor '&nothing' before it"]),
    (HEAD + "mission: @home\n",
     ["policy.yaml:3: text that starts with a character such as '@' or '`' must be in quotes"]),
    (HEAD + "mission: \"a \\q\"\n",
     ["policy.yaml:3: unknown escape in double-quoted text: write \\\\ for a backslash, or use "
      "single quotes"]),
])
def test_message(text, expected):
    assert messages(text) == expected


def test_all_problems_are_reported_at_once_in_file_order():
    text = HEAD + ("mission: [x]\nreview_every_months: often\nstandards:\n  always: yes\n"
                   "  metrics:\n    - metric: csat\n      target: lots\nmisison: x\n")
    assert messages(text) == [
        "policy.yaml:3: expected text, found a list",
        "policy.yaml:4: expected a whole number of months from 1 to 120, such as 12; found 'often'",
        "policy.yaml:6: expected a list (one item per line, each starting with '- '), found 'yes'",
        "policy.yaml:9: expected a percentage from 0 to 100, such as '90%'; found 'lots'",
        "policy.yaml:10: unknown key 'misison' (did you mean 'mission'?)",
    ]


def test_invalid_utf8_names_the_line():
    with pytest.raises(SpecError) as caught:
        loads_spec(HEAD.encode() + b"owner: Marko Kova\xe8\n", "policy.yaml")
    assert str(caught.value) == ("policy.yaml:3: the file is not valid UTF-8 text (byte 0xE8 on this "
                                 "line); save it as UTF-8")


def test_problem_and_error_shapes():
    problem = Problem("p.yaml", 3, ("mission",), "oops")
    assert str(problem) == "p.yaml:3: oops"
    assert str(Problem("p.yaml", None, (), "oops")) == "p.yaml: oops"
    with pytest.raises(SpecError) as caught:
        loads_spec(HEAD + "mission: [x]\nvision: [y]\n", "p.yaml")
    assert [p.path for p in caught.value.problems] == [("mission",), ("vision",)]
    assert [p.line for p in caught.value.problems] == [3, 4]


# --- In-memory validation (the app) ------------------------------------------------------------

def test_validate_in_memory_data_gives_the_same_messages_and_paths():
    data = {"schema_version": 1, "language": "en", "review_every_months": "12",
            "standards": {"service_levels": [{"channel": "phone", "first_response": "soon"}]},
            "mission": {"en": "Serve.", "xx": "?"}}
    problems = validate(data)
    assert [(p.file, p.line, p.path) for p in problems] == [
        ("<memory>", None, ("review_every_months",)),
        ("<memory>", None, ("standards", "service_levels", 0, "first_response")),
        ("<memory>", None, ("mission", "xx")),
    ]
    assert problems[0].message == "expected a whole number of months from 1 to 120, such as 12; found '12'"
    assert validate({"schema_version": 1, "language": "en", "mission": "Serve."}) == []


def test_validate_uses_the_lines_it_is_given():
    spec = loads_spec(HEAD + "standards:\n  always:\n    - be kind\n", "policy.yaml")
    spec.data["standards"]["always"][0] = ["not", "text"]
    problems = validate(spec.data, "policy.yaml", spec.lines)
    assert [str(p) for p in problems] == ["policy.yaml:5: expected text, found a list"]


def test_validate_rejects_python_values_yaml_cannot_hold():
    problems = validate({"schema_version": True, "language": "en", "company": 5, "mission": None,
                         "values": [None]})
    assert [p.message for p in problems] == [
        "unsupported schema_version true: this version of Policy Wizard reads schema_version 1",
        "expected text, found 5",
        "expected keys such as 'name:', 'description:' on the lines below, found nothing",
    ]
    assert [p.message for p in validate(["a"])] == [
        "the top level must be keys such as 'schema_version: 1' and 'language: en', found a list"]
    assert [p.message for p in validate({"schema_version": 1, "language": "en",
                                         "mission": "a\r\nb"})] == [
        "control character U+000D CARRIAGE RETURN is not allowed in a policy file"]


# --- Canonical saving --------------------------------------------------------------------------

def test_dump_orders_keys_and_languages_like_the_contract():
    data = {
        "vision": {"translated_from": {"en": "5d41402a"}, "en": "Lead.", "zh": "引领。", "hr": "Voditi."},
        "language": "hr",
        "schema_version": 1,
        "standards": {"metrics": [{"target": "90%", "metric": "csat"}], "always": ["biti ljubazni"]},
        "purpose": {"channels": ["phone", "email"], "intent": "Zašto."},
        "training": {"methods": ["role_play"]},
    }
    assert dump_spec(data) == (
        "schema_version: 1\n"
        "language: hr\n"
        "purpose:\n"
        "  intent: Zašto.\n"
        "  channels: [phone, email]\n"
        "vision:\n"
        "  hr: Voditi.\n"
        "  en: Lead.\n"
        "  zh: 引领。\n"
        "  translated_from: {en: 5d41402a}\n"
        "standards:\n"
        "  always:\n"
        "    - biti ljubazni\n"
        "  metrics:\n"
        "    - metric: csat\n"
        "      target: 90%\n"
        "training:\n"
        "  methods: [role_play]\n"
    )


@pytest.mark.parametrize("text, written", [
    ("Line one.\nLine two.", "mission: |-\n  Line one.\n  Line two.\n"),
    ("Line one.\nLine two.\n", "mission: |\n  Line one.\n  Line two.\n"),
    ("Line one.\n\nLine two.\n\n", "mission: |+\n  Line one.\n\n  Line two.\n\n"),
    ("yes", "mission: 'yes'\n"),
    ("- not a list", "mission: '- not a list'\n"),
    ("key: value", "mission: 'key: value'\n"),
    ("Čćžšđ 客户 İşık", "mission: Čćžšđ 客户 İşık\n"),
    ("# not a comment", "mission: '# not a comment'\n"),
])
def test_dump_writes_text_readably_and_exactly(text, written):
    data = {"schema_version": 1, "language": "en", "mission": text}
    saved = dump_spec(data)
    assert saved == HEAD + written
    assert loads_spec(saved).data == data


def test_long_lines_are_never_folded():
    sentence = "We answer every message within one working day, and we say so when we cannot. " * 8
    saved = dump_spec({"schema_version": 1, "language": "en", "mission": sentence.strip()})
    assert saved == HEAD + f"mission: {sentence.strip()}\n"


def test_dump_is_stable_for_a_hand_written_file():
    text = (HEAD + "title:   Customer   Service\nmission: >\n  Folded\n  text.\n"
                   "purpose:\n  channels:\n  - phone\n  - email\nvision: \"Quoted\"\n")
    data = loads_spec(text).data
    assert data["mission"] == "Folded text.\n"
    saved = dump_spec(data)
    assert loads_spec(saved).data == data
    assert dump_spec(loads_spec(saved).data) == saved


# --- JSON Schema --------------------------------------------------------------------------------

def test_json_schema_describes_the_format():
    schema = json_schema()
    json.dumps(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert list(schema["properties"]) == list(model.TOP_KEYS)
    assert schema["required"] == ["schema_version", "language"]
    assert schema["additionalProperties"] is False
    assert schema["properties"]["language"]["enum"] == list(model.LANGUAGES)
    assert all(prop.get("description") for prop in schema["properties"].values())
    levels = schema["properties"]["standards"]["properties"]["service_levels"]["items"]
    assert levels["properties"]["channel"]["enum"] == list(model.CHANNELS)
    assert levels["properties"]["first_response"]["$ref"] == "#/$defs/duration"
    assert schema["properties"]["effective_date"]["pattern"] == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    assert schema["properties"]["mission"]["$ref"] == "#/$defs/text"
    metric = schema["properties"]["standards"]["properties"]["metrics"]["items"]
    nps = next(rule for rule in metric["allOf"] if rule["if"]["properties"]["metric"].get("const") == "nps")
    assert nps["then"]["properties"]["target"] == {"type": "integer", "minimum": -100, "maximum": 100}


def _schema_patterns():
    """The JSON Schema's duration and percent patterns, compiled."""
    import re

    schema = json_schema()
    metric = schema["properties"]["standards"]["properties"]["metrics"]["items"]
    csat = next(rule for rule in metric["allOf"] if rule["if"]["properties"]["metric"].get("const") == "csat")
    return re.compile(schema["$defs"]["duration"]["pattern"]), re.compile(csat["then"]["properties"]["target"]["pattern"])


def test_json_schema_patterns_agree_with_the_parsers():
    duration, percent = _schema_patterns()
    for text in ("3 minutes", "1 working day", "2 working_days", "24 hours", "0 days", "24", "2 hrs",
                 "1 week", "10 months"):
        assert bool(duration.search(text)) == (model.parse_duration(text) is not None), text
    for text in ("90%", "92.5%", "100%", "100.5%", "101%", "0%", "90", "90 %", "-5%"):
        assert bool(percent.search(text)) == (model.parse_percent(text) is not None), text


def test_json_schema_has_the_bounds_and_the_digits_of_the_loader():
    duration, percent = _schema_patterns()
    for text in ("9999 seconds", "10000 seconds", "09999 minutes", "1" * 26 + " hours", "３ hours",
                 "٣ days", "1 day"):
        assert bool(duration.search(text)) == (model.parse_duration(text) is not None), text
    for text in ("100.0000000000000000000001%", "100.000%", "99.9999999999999999999999%", "９０%", "٩٠%"):
        assert bool(percent.search(text)) == (model.parse_percent(text) is not None), text
    properties = json_schema()["properties"]
    assert properties["review_every_months"] | {"description": ""} == {
        "type": "integer", "minimum": 1, "maximum": 120, "description": ""}
    assert properties["training"]["properties"]["refresher_every_months"]["maximum"] == 120
    level = properties["escalation"]["items"]["properties"]["level"]
    assert (level["minimum"], level["maximum"]) == (1, 99)
    for months, problems in ((120, 0), (121, 1), ("１２", 1), (10**30, 1)):
        assert len(validate({"schema_version": 1, "language": "en", "review_every_months": months})) == problems


# --- Messages in the user's language -----------------------------------------------------------

@pytest.mark.parametrize("lang, expected", [
    ("hr", "policy.yaml:3: nepoznat ključ „misison” (jeste li mislili „mission”?)"),
    ("zh", "policy.yaml:3: 未知的键 'misison'（您是否要输入 'mission'？）"),
    ("tr", "policy.yaml:3: bilinmeyen anahtar 'misison' ('mission' mi demek istediniz?)"),
])
def test_messages_follow_the_ui_language(lang, expected):
    i18n.set_ui_language(lang)
    assert messages(HEAD + "misison: x\n") == [expected]


def test_found_values_are_translated_too():
    i18n.set_ui_language("hr")
    assert messages(HEAD + "mission: [a]\n") == ["policy.yaml:3: očekuje se tekst, a ne popis"]
    i18n.set_ui_language("zh")
    assert messages(HEAD + "mission: [a]\n") == ["policy.yaml:3: 应为文本；实际为：列表"]


def test_spec_is_a_plain_dataclass():
    spec = Spec({"schema_version": 1, "language": "en"})
    assert spec.lines == {} and spec.path is None and spec.line_of(("mission",)) is None


# --- Comments ------------------------------------------------------------------------------------

HAND_WRITTEN = """\
# yaml-language-server: $schema=./policy.schema.json
# Kept by Ana.

language: en   # the language we write in
schema_version: 1
mission: |  # short!
  To serve.
  # this line is text, not a comment
# about the vision
vision: To lead.   # bold
owner:    # TODO who owns this?
values:
  # the first value
  - name: Honesty  # our first value
    description: 'We do not lie # ever.'
# the end
"""


def test_comments_are_kept_when_saving():
    spec = loads_spec(HAND_WRITTEN)
    assert spec.data["mission"] == "To serve.\n# this line is text, not a comment\n"
    assert spec.data["values"][0]["description"] == "We do not lie # ever."
    saved = dump_spec(spec.data, comments=spec.comments)
    assert saved == """\
# yaml-language-server: $schema=./policy.schema.json
# Kept by Ana.
schema_version: 1
language: en  # the language we write in
mission: |  # short!
  To serve.
  # this line is text, not a comment
# about the vision
vision: To lead.  # bold
# TODO who owns this?
values:
  # the first value
  - name: Honesty  # our first value
    description: 'We do not lie # ever.'
# the end
"""
    again = loads_spec(saved)
    assert again.data == spec.data
    assert dump_spec(again.data, comments=again.comments) == saved


def test_without_comments_the_dump_is_plain():
    spec = loads_spec(HAND_WRITTEN)
    assert "#" not in dump_spec(spec.data).replace("# this line", "").replace("# ever", "")
