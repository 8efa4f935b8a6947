"""Missing parts of a policy."""

from __future__ import annotations

import pytest

from tests.check.support import codes, findings, spec

COMPLETE = dict(
    owner="Ana Horvat, Customer Service Manager",
    contact="support@example.com",
    review_every_months=12,
    purpose={"intent": "Consistent service.", "channels": ["phone", "email"]},
    mission="We help every customer.",
    standards={"always": ["be polite"], "service_levels": [
        {"channel": "phone", "first_response": "3 minutes"}, {"channel": "email", "first_response": "24 hours"}],
        "support_hours": "Monday to Friday, 8:00 to 20:00"},
    procedures=[{"kind": "complaints", "steps": ["Log it."], "acknowledge_within": "2 working days"}],
    escalation=[{"level": 1, "role": "Supervisor"}],
    training={"methods": ["role_play"]},
    enforcement={"accountable": "The manager"},
)


def test_a_complete_policy_has_no_missing_parts():
    assert not [code for code in codes(spec(**COMPLETE)) if code.startswith("missing") or "service-level" in code]


@pytest.mark.parametrize(
    ("key", "code", "path"),
    [
        ("owner", "missing-owner", ("owner",)),
        ("contact", "missing-contact", ("contact",)),
        ("review_every_months", "missing-review-cycle", ("review_every_months",)),
        ("purpose", "missing-purpose", ("purpose",)),
        ("mission", "missing-mission", ("mission",)),
        ("standards", "missing-standards", ("standards",)),
        ("procedures", "missing-complaints-procedure", ("procedures",)),
        ("escalation", "missing-escalation", ("escalation",)),
        ("training", "missing-training", ("training",)),
        ("enforcement", "missing-enforcement", ("enforcement",)),
    ],
)
def test_each_missing_part_is_one_warning(key, code, path):
    data = spec(**{name: value for name, value in COMPLETE.items() if name != key})
    found = findings(data, code)
    assert len(found) == 1
    assert found[0].path == path and found[0].severity == "warning"


@pytest.mark.parametrize("empty", ["", "   ", {}, {"en": "  "}, {"translated_from": {"hr": "abcd1234"}}])
def test_blank_text_counts_as_missing(empty):
    assert "missing-mission" in codes(spec(mission=empty))
    assert "missing-owner" in codes(spec(owner=empty))


@pytest.mark.parametrize("empty", [{}, {"always": [], "never": []}, {"always": ["  "]}])
def test_blank_sections_count_as_missing(empty):
    assert "missing-standards" in codes(spec(standards=empty))
    assert "missing-training" in codes(spec(training={"methods": [], "resources": []}))


def test_a_translation_only_mission_is_not_missing():
    assert "missing-mission" not in codes(spec(mission={"hr": "Pomažemo svakom korisniku."}))


def test_other_procedures_do_not_replace_the_complaints_procedure():
    data = spec(**{**COMPLETE, "procedures": [{"kind": "refunds", "steps": ["Refund."]}]})
    assert "missing-complaints-procedure" in codes(data)


def test_a_channel_in_scope_without_service_level():
    data = spec(**{**COMPLETE, "purpose": {"channels": ["phone", "email", "live_chat"]}})
    (found,) = findings(data, "channel-without-service-level")
    assert found.path == ("purpose", "channels", 2)
    assert found.message == "The channel “live chat” is in scope but has no service level."


def test_a_service_level_for_a_channel_out_of_scope():
    data = spec(**{**COMPLETE, "purpose": {"channels": ["phone"]}})
    (found,) = findings(data, "service-level-out-of-scope")
    assert found.path == ("standards", "service_levels", 1, "channel")
    assert "“email”" in found.message


def test_scope_without_channels_accepts_any_service_level():
    data = spec(**{**COMPLETE, "purpose": {"intent": "Consistent service."}})
    assert "service-level-out-of-scope" not in codes(data)
    assert "channel-without-service-level" not in codes(data)


def test_standards_without_any_response_time():
    data = spec(**{**COMPLETE, "purpose": {"intent": "x"}, "standards": {"always": ["be polite"]}})
    assert "missing-service-levels" in codes(data)
    assert "missing-service-levels" not in codes(spec(**COMPLETE))
    assert "missing-service-levels" not in codes(spec())  # missing-standards says it already


def test_response_times_without_support_hours():
    standards = {key: value for key, value in COMPLETE["standards"].items() if key != "support_hours"}
    (found,) = findings(spec(**{**COMPLETE, "standards": standards}), "missing-support-hours")
    assert found.path == ("standards", "support_hours")
    assert "missing-support-hours" not in codes(spec(standards={"always": ["be polite"]}))


def test_a_complaints_procedure_needs_a_deadline():
    data = spec(procedures=[{"kind": "complaints", "steps": ["Log it."]}, {"kind": "refunds", "steps": ["Refund."]}])
    (found,) = findings(data, "complaint-without-deadline")
    assert found.path == ("procedures", 0)
    assert found.message == "The complaints procedure does not say when a complaint is acknowledged or resolved."
    data["procedures"][0]["resolve_within"] = "10 working days"
    assert "complaint-without-deadline" not in codes(data)
