"""Numbers that contradict each other or cannot be kept."""

from __future__ import annotations

from tests.check.support import codes, findings, spec


def _levels(*rows):
    return spec(standards={"service_levels": [dict(row) for row in rows]})


def test_resolution_shorter_than_first_response_is_an_error():
    (found,) = findings(_levels({"channel": "phone", "first_response": "2 hours", "resolution": "30 minutes"}),
                        "resolution-before-response")
    assert found.severity == "error"
    assert found.path == ("standards", "service_levels", 0, "resolution")
    assert found.message == (
        "The resolution time for “phone” (30 minutes) is shorter than its first response (2 hours)."
    )


def test_resolution_at_least_as_long_as_response_is_fine():
    data = _levels(
        {"channel": "phone", "first_response": "3 minutes", "resolution": "2 working days"},
        {"channel": "live_chat", "first_response": "1 minute", "resolution": "1 minute"},
        {"channel": "email", "first_response": "24 hours"},
    )
    assert "resolution-before-response" not in codes(data)


def test_other_channel_is_named_by_the_author():
    data = _levels({"channel": "other", "name": "Kiosk", "first_response": "1 day", "resolution": "1 hour"})
    (found,) = findings(data, "resolution-before-response")
    assert "“Kiosk”" in found.message


def test_procedure_resolving_before_acknowledging_is_an_error():
    data = spec(procedures=[{"kind": "complaints", "acknowledge_within": "2 working days", "resolve_within": "1 day"}])
    (found,) = findings(data, "resolve-before-acknowledge")
    assert found.severity == "error"
    assert found.path == ("procedures", 0, "resolve_within")
    assert found.message == (
        "Handling complaints: resolving (1 day) takes less time than acknowledging (2 working days)."
    )


def test_procedure_in_the_right_order_is_fine():
    data = spec(procedures=[{"kind": "refunds", "acknowledge_within": "1 day", "resolve_within": "14 days"},
                            {"kind": "other", "title": "Returns", "resolve_within": "1 hour"}])
    assert "resolve-before-acknowledge" not in codes(data)


def test_escalation_levels_out_of_order_or_repeated():
    data = spec(escalation=[{"level": 1, "role": "Agent"}, {"level": 3, "role": "Manager"},
                            {"level": 2, "role": "Supervisor"}, {"level": 3, "role": "Director"}])
    found = findings(data, "escalation-level-order")
    assert [(finding.path, finding.message) for finding in found] == [
        (("escalation", 2, "level"), "Level 2 comes after level 3."),
        (("escalation", 3, "level"), "Level 3 appears twice in the escalation matrix."),
    ]
    assert all(finding.severity == "error" for finding in found)


def test_escalation_levels_in_order_with_gaps_are_fine():
    data = spec(escalation=[{"level": 1, "role": "Agent"}, {"level": 2, "role": "Lead"}, {"level": 4, "role": "CEO"}])
    assert "escalation-level-order" not in codes(data)


def test_escalation_time_must_grow_with_the_level():
    data = spec(escalation=[
        {"level": 1, "role": "Agent", "within": "1 hour"},
        {"level": 2, "role": "Supervisor", "within": "4 hours"},
        {"level": 3, "role": "Manager", "within": "4 hours"},
        {"level": 4, "role": "Director", "within": "2 hours"},
    ])
    found = findings(data, "escalation-time-order")
    assert [finding.path for finding in found] == [("escalation", 2, "within"), ("escalation", 3, "within")]
    assert found[0].message == "Level 3 gets 4 hours, no more than level 2 (4 hours)."
    assert found[1].message == "Level 4 gets 2 hours, no more than level 3 (4 hours)."
    assert found[0].severity == "warning"


def test_growing_escalation_times_and_levels_without_time_are_fine():
    data = spec(escalation=[
        {"level": 1, "role": "Agent"},
        {"level": 2, "role": "Supervisor", "within": "4 hours"},
        {"level": 3, "role": "Manager"},
        {"level": 4, "role": "Director", "within": "2 working days"},
    ])
    assert "escalation-time-order" not in codes(data)


def test_the_same_channel_twice_is_an_error():
    data = _levels({"channel": "email", "first_response": "24 hours"}, {"channel": "phone", "first_response": "3 minutes"},
                   {"channel": "email", "first_response": "4 hours"})
    (found,) = findings(data, "duplicate-channel")
    assert found.path == ("standards", "service_levels", 2, "channel")
    assert found.message == "The channel “email” has more than one service level."
    assert found.severity == "error"


def test_two_differently_named_other_channels_are_fine():
    data = _levels({"channel": "other", "name": "Kiosk", "first_response": "1 minute"},
                   {"channel": "other", "name": "Post", "first_response": "5 days"})
    assert "duplicate-channel" not in codes(data)
    data["standards"]["service_levels"][1]["name"] = "kiosk"
    assert "duplicate-channel" in codes(data)


def test_the_same_metric_twice_is_an_error():
    data = spec(standards={"metrics": [{"metric": "csat", "target": "90%"}, {"metric": "nps", "target": 40},
                                       {"metric": "csat", "target": "85%"}]})
    (found,) = findings(data, "duplicate-metric")
    assert found.path == ("standards", "metrics", 2, "metric")
    assert found.message == "The metric “customer satisfaction (CSAT)” has more than one target."


def test_different_metrics_are_fine():
    data = spec(standards={"metrics": [{"metric": "csat", "target": "90%"},
                                       {"metric": "other", "name": "Callbacks", "target": "Same day"},
                                       {"metric": "other", "name": "Reviews", "target": "4.5 stars"}]})
    assert "duplicate-metric" not in codes(data)


def test_a_100_percent_target_is_an_error():
    data = spec(standards={"metrics": [{"metric": "first_contact_resolution", "target": "100%"},
                                       {"metric": "nps", "target": 100}]})
    found = findings(data, "impossible-target")
    assert [finding.message for finding in found] == [
        "The target for first contact resolution is 100%: a single miss breaks it.",
        "An NPS target of 100 means every single customer must be a promoter.",
    ]
    assert found[0].path == ("standards", "metrics", 0, "target")
    assert found[0].hint == "Set a target you reach today or can reach with effort, for example 90%."
    assert found[1].hint == "Set a target you reach today or can reach with effort, for example 50.", "NPS is a score"


def test_realistic_targets_are_fine():
    data = spec(standards={"metrics": [{"metric": "csat", "target": "99.5%"}, {"metric": "nps", "target": 60},
                                       {"metric": "first_response_time", "target": "4 hours"}]})
    assert "impossible-target" not in codes(data)
