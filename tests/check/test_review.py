"""The review cycle and its dates."""

from __future__ import annotations

import datetime

import pytest

from tests.check.support import codes, findings, spec
from wizard.check.rules.review import add_months

TODAY = datetime.date(2026, 11, 23)


def test_missing_review_cycle():
    assert "missing-review-cycle" in codes(spec())
    assert "missing-review-cycle" not in codes(spec(review_every_months=6))


def test_a_cycle_longer_than_a_year_is_a_warning():
    (found,) = findings(spec(review_every_months=24), "long-review-cycle")
    assert found.severity == "warning" and found.path == ("review_every_months",)
    assert found.message == "The policy is reviewed only every two years."  # as the document says it
    (found,) = findings(spec(review_every_months=18), "long-review-cycle")
    assert found.message == "The policy is reviewed only every 18 months."
    assert findings(spec(review_every_months=12), "long-review-cycle") == []


@pytest.mark.parametrize(
    ("data", "path", "message"),
    [
        (dict(review_every_months=12, effective_date="2025-11-01"), ("effective_date",),
         "The policy was last reviewed on 2025-11-01, more than 12 months ago."),
        (dict(review_every_months=6, effective_date="2025-01-01",
              revisions=[{"date": "2026-01-10", "author": "A", "note": "x"}, {"date": "2026-03-01", "author": "A", "note": "y"}]),
         ("revisions", 1, "date"), "The policy was last reviewed on 2026-03-01, more than 6 months ago."),
        (dict(effective_date="2024-05-05"), ("effective_date",),
         "The policy was last reviewed on 2024-05-05, more than 12 months ago."),
    ],
)
def test_an_overdue_review_is_reported_at_the_latest_date(data, path, message):
    (found,) = findings(spec(**data), "review-overdue", today=TODAY)
    assert found.path == path
    assert found.message == message
    assert found.severity == "warning"


@pytest.mark.parametrize(
    "data",
    [
        dict(review_every_months=12, effective_date="2025-11-23"),  # exactly 12 months: due today, not overdue
        dict(review_every_months=12, effective_date="2020-01-01", revisions=[{"date": "2026-06-01", "author": "A"}]),
        dict(review_every_months=6, revisions=[{"date": "2026-01-01", "author": "A"}], effective_date="2026-10-01"),
        dict(review_every_months=12),  # no date to measure from
    ],
)
def test_a_recent_review_is_fine(data):
    assert "review-overdue" not in codes(spec(**data), today=TODAY)


def test_today_defaults_to_the_real_date():
    assert "review-overdue" in codes(spec(effective_date="2001-01-01"), today=None)


def test_months_are_added_on_the_calendar():
    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2024, 2, 29), 12) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2026, 11, 23), 14) == datetime.date(2028, 1, 23)


def test_an_absurdly_long_cycle_does_not_crash():
    found = codes(spec(review_every_months=10**9, effective_date="9999-12-31"), today=TODAY)
    assert "long-review-cycle" in found and "review-overdue" not in found
