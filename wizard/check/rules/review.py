"""Review: a policy is a living document, reviewed at least once a year.

The date a policy was last looked at is the latest of its revision dates and its
effective date (a policy re-issued with a new effective date has been reviewed
then, even when its changelog is older).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterator

from wizard.check.engine import Context, rule
from wizard.i18n import N_, Translator

_t = Translator("check")
_ = _t.gettext

RECOMMENDED_MONTHS = 12


def _months(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    return None


def _date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def add_months(day: date, months: int) -> date:
    """`day` plus a number of calendar months (31 January + 1 month = 28/29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, _days_in_month(year, month)))


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


@rule("missing-review-cycle", "warning", N_("The policy does not say how often it is reviewed."))
def missing_review_cycle(ctx: Context) -> Iterator[tuple]:
    """Products, channels and teams change; the seeds recommend reviewing the policy at least
    once a year, so the cycle should be written down."""
    if _months(ctx.get("review_every_months")) is None:
        yield (
            ("review_every_months",),
            _("The policy does not say how often it is reviewed."),
            _("Set a review cycle of 12 months or less."),
        )


@rule("long-review-cycle", "warning", N_("A review cycle longer than a year."))
def long_review_cycle(ctx: Context) -> Iterator[tuple]:
    """The seeds: "a good general rule is to update your policy at least once a year"."""
    months = _months(ctx.get("review_every_months"))
    if months is not None and months > RECOMMENDED_MONTHS:
        yield (
            ("review_every_months",),
            _long_cycle_message(months),
            _("Review it at least once a year (every 12 months)."),
        )


def _long_cycle_message(months: int) -> str:
    """24 months is "every two years", as the document itself says it; other counts in months."""
    if months == 2 * RECOMMENDED_MONTHS:
        return _("The policy is reviewed only every two years.")
    return _t.ngettext(
        "The policy is reviewed only every %(count)s month.",
        "The policy is reviewed only every %(count)s months.",
        months,
    ) % {"count": months}


@rule("review-overdue", "warning", N_("The last review is older than the review cycle."))
def review_overdue(ctx: Context) -> Iterator[tuple]:
    """A policy past its review date may promise what the team no longer does. Measured from
    the latest revision or effective date, with the policy's cycle (12 months when unset)."""
    months = _months(ctx.get("review_every_months")) or RECOMMENDED_MONTHS
    candidates: list[tuple[date, tuple]] = []
    for index, item in ctx.items("revisions"):
        day = _date(item.get("date"))
        if day:
            candidates.append((day, ("revisions", index, "date")))
    day = _date(ctx.get("effective_date"))
    if day:
        candidates.append((day, ("effective_date",)))
    if not candidates:
        return
    last, path = max(candidates, key=lambda candidate: candidate[0])
    try:
        due = add_months(last, months)
    except (ValueError, OverflowError):
        return  # a cycle of centuries never falls due (long-review-cycle reports it)
    if due < ctx.today:
        yield (
            path,
            _t.ngettext(
                "The policy was last reviewed on %(date)s, more than %(count)s month ago.",
                "The policy was last reviewed on %(date)s, more than %(count)s months ago.",
                months,
            )
            % {"date": last.isoformat(), "count": months},
            _("Review the policy now and add a revision with today's date."),
        )
