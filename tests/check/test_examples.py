"""The contract's examples get the advice a careful reviewer would give."""

from __future__ import annotations

import datetime

import pytest

from tests.check.support import load
from wizard.check import run_checks

TODAY = datetime.date(2026, 11, 23)


def _summary(found):
    return [(finding.code, finding.path) for finding in found]


def test_northwind_is_complete_and_only_its_vague_words_are_flagged(example_data):
    found = run_checks(example_data["northwind-en"], today=TODAY)
    assert not [finding for finding in found if finding.severity == "error"]
    assert _summary(found) == [
        ("channel-without-service-level", ("purpose", "channels", 3)),
        ("channel-without-service-level", ("purpose", "channels", 4)),
        ("vague-time", ("mission", "en")),
        ("vague-time", ("mission", "hr")),
        ("vague-time", ("standards", "always", 1)),
        ("vague-time", ("procedures", 0, "steps", 1)),
    ]
    messages = [finding.message for finding in found]
    assert "“as soon as we can” promises speed without saying how fast." in messages
    assert "“što prije” promises speed without saying how fast." in messages
    assert "“promptly” promises speed without saying how fast." in messages
    assert "“immediately” promises speed without saying how fast." in messages
    assert "The channel “social media” is in scope but has no service level." in messages
    # "promptly" handling complaints: the hint points at the complaint procedure's own target
    promptly = next(finding for finding in found if "promptly" in finding.message)
    assert promptly.hint == "Use the time this policy already sets, for example “within 2 working days”."


def test_northwind_in_other_languages_lists_every_untranslated_field(example_data):
    found = run_checks(example_data["northwind-en"], langs=["hr"], today=TODAY)
    untranslated = [finding.path for finding in found if finding.code == "untranslated"]
    assert ("vision",) in untranslated and ("standards", "always", 0) in untranslated
    assert ("mission",) not in untranslated  # it has a Croatian entry


def test_northwind_review_falls_due_a_year_after_it_takes_effect(example_data):
    # effective 2026-12-01, later than its only revision (2026-11-22): the year runs from then
    data = example_data["northwind-en"]
    assert "review-overdue" not in [finding.code for finding in run_checks(data, today=datetime.date(2027, 12, 1))]
    found = run_checks(data, today=datetime.date(2027, 12, 2))
    (overdue,) = [finding for finding in found if finding.code == "review-overdue"]
    assert overdue.path == ("effective_date",)
    assert overdue.message == "The policy was last reviewed on 2026-12-01, more than 12 months ago."


def test_the_croatian_draft_is_told_what_is_missing(example_data):
    found = run_checks(example_data["kava-hr-draft"], today=TODAY)
    assert not [finding for finding in found if finding.severity == "error"]
    assert [finding.code for finding in found] == [
        "missing-contact",
        "missing-review-cycle",
        "missing-purpose",
        "vague-time",
        "missing-support-hours",
        "missing-complaints-procedure",
        "missing-escalation",
        "missing-training",
        "missing-enforcement",
    ]
    vague = next(finding for finding in found if finding.code == "vague-time")
    assert vague.message == "“brzu” promises speed without saying how fast."
    assert "“u roku od 24 sata”" in vague.hint


@pytest.mark.parametrize("ui", ["en", "hr", "zh", "tr"])
def test_examples_check_in_every_ui_language(example_data, ui):
    from wizard.i18n import set_ui_language

    set_ui_language(ui)
    for data in example_data.values():
        for finding in run_checks(data, langs=["en", "hr", "zh", "tr"], today=TODAY):
            assert finding.message and finding.hint
