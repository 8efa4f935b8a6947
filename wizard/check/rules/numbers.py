"""Numbers that contradict each other or cannot be kept.

Durations are compared by their approximate length (a working day counts as a
day, a month as 30 days), which is enough to tell "2 hours" from "1 day".
"""

from __future__ import annotations

from typing import Iterator

from wizard.check.engine import Context, rule
from wizard.check.names import channel_name, duration_text, metric_name, percent_text, procedure_name
from wizard.i18n import N_, Translator
from wizard.spec import model

_ = Translator("check").gettext


@rule(
    "resolution-before-response",
    "error",
    N_("A service level resolves sooner than it first responds."),
)
def resolution_before_response(ctx: Context) -> Iterator[tuple]:
    """A case cannot be solved before anyone has answered it: a resolution target shorter
    than the first response is a typo in one of the two numbers."""
    for index, item in ctx.items("standards", "service_levels"):
        response = model.parse_duration(item.get("first_response"))
        resolution = model.parse_duration(item.get("resolution"))
        if response and resolution and resolution.minutes < response.minutes:
            yield (
                ("standards", "service_levels", index, "resolution"),
                _("The resolution time for “%(channel)s” (%(resolution)s) is shorter than its first response (%(response)s).")
                % {
                    "channel": channel_name(item, ctx.lang),
                    "resolution": duration_text(resolution),
                    "response": duration_text(response),
                },
                _("Check both numbers: the resolution time must be at least as long as the first response."),
            )


@rule(
    "resolve-before-acknowledge",
    "error",
    N_("A procedure resolves sooner than it acknowledges."),
)
def resolve_before_acknowledge(ctx: Context) -> Iterator[tuple]:
    """The seeds' complaint procedure acknowledges first, then resolves: a resolution
    deadline shorter than the acknowledgement deadline contradicts itself."""
    for index, item in ctx.items("procedures"):
        acknowledge = model.parse_duration(item.get("acknowledge_within"))
        resolve = model.parse_duration(item.get("resolve_within"))
        if acknowledge and resolve and resolve.minutes < acknowledge.minutes:
            yield (
                ("procedures", index, "resolve_within"),
                _("%(procedure)s: resolving (%(resolve)s) takes less time than acknowledging (%(acknowledge)s).")
                % {
                    "procedure": procedure_name(item, ctx.lang),
                    "resolve": duration_text(resolve),
                    "acknowledge": duration_text(acknowledge),
                },
                _("Check both numbers: the case is acknowledged first and resolved later."),
            )


@rule("escalation-level-order", "error", N_("Escalation levels that are repeated or out of order."))
def escalation_level_order(ctx: Context) -> Iterator[tuple]:
    """The escalation matrix is read from the first contact upwards; a level number that
    repeats or goes down leaves staff unsure who comes next."""
    previous = None
    for index, item in ctx.items("escalation"):
        level = item.get("level")
        if not isinstance(level, int) or isinstance(level, bool):
            continue
        if previous is not None and level <= previous:
            if level == previous:
                message = _("Level %(level)s appears twice in the escalation matrix.") % {"level": level}
            else:
                message = _("Level %(level)s comes after level %(previous)s.") % {
                    "level": level,
                    "previous": previous,
                }
            yield (
                ("escalation", index, "level"),
                message,
                _("Number the levels 1, 2, 3 … in order, from the first contact upwards."),
            )
        previous = level if previous is None else max(previous, level)


@rule("escalation-time-order", "warning", N_("An escalation level that gets no more time than the one below it."))
def escalation_time_order(ctx: Context) -> Iterator[tuple]:
    """Each step up the matrix handles harder cases and comes later: its time limit should
    grow with the level."""
    previous = None  # (level, duration) of the last level with a time limit
    levels = sorted(
        (item.get("level") if isinstance(item.get("level"), int) else 0, index, item)
        for index, item in ctx.items("escalation")
    )
    for level, index, item in levels:
        within = model.parse_duration(item.get("within"))
        if not within:
            continue
        if previous is not None and previous[0] < level and within.minutes <= previous[1].minutes:
            yield (
                ("escalation", index, "within"),
                _("Level %(level)s gets %(within)s, no more than level %(previous)s (%(previous_within)s).")
                % {
                    "level": level,
                    "within": duration_text(within),
                    "previous": previous[0],
                    "previous_within": duration_text(previous[1]),
                },
                _("Give each level more time than the one below it, or leave its time limit empty."),
            )
        if previous is None or level > previous[0]:
            previous = (level, within)


def _channel_key(item: dict, lang: str) -> str | None:
    channel = item.get("channel")
    if not isinstance(channel, str):
        return None
    if channel == "other":
        name = model.text_in(item.get("name"), lang, lang)
        return f"other:{name.strip().casefold()}" if name else None
    return channel


@rule("duplicate-channel", "error", N_("The same channel has more than one service level."))
def duplicate_channel(ctx: Context) -> Iterator[tuple]:
    """Two response times for one channel contradict each other: which one does a customer
    get?"""
    seen: set[str] = set()
    for index, item in ctx.items("standards", "service_levels"):
        key = _channel_key(item, ctx.lang)
        if key is None:
            continue
        if key in seen:
            name = channel_name(item, ctx.lang)
            yield (
                ("standards", "service_levels", index, "channel"),
                _("The channel “%(channel)s” has more than one service level.") % {"channel": name},
                _("Keep one service level per channel: merge the two or remove one."),
            )
        seen.add(key)


@rule("duplicate-metric", "error", N_("The same metric has more than one target."))
def duplicate_metric(ctx: Context) -> Iterator[tuple]:
    """Two targets for one metric contradict each other and make the policy impossible to
    measure against."""
    seen: set[str] = set()
    for index, item in ctx.items("standards", "metrics"):
        metric = item.get("metric")
        if not isinstance(metric, str):
            continue
        key = metric
        if metric == "other":
            name = model.text_in(item.get("name"), ctx.lang, ctx.lang)
            if not name:
                continue
            key = f"other:{name.strip().casefold()}"
        if key in seen:
            yield (
                ("standards", "metrics", index, "metric"),
                _("The metric “%(metric)s” has more than one target.") % {"metric": metric_name(item, ctx.lang)},
                _("Keep one target per metric: merge the two or remove one."),
            )
        seen.add(key)


@rule("impossible-target", "error", N_("A metric target of 100% (or an NPS of 100) that one miss breaks."))
def impossible_target(ctx: Context) -> Iterator[tuple]:
    """The seeds: be precise but reasonable, and promise only what you can achieve. A 100%
    target is broken by the first unhappy customer and teaches staff to ignore targets."""
    for index, item in ctx.items("standards", "metrics"):
        metric = item.get("metric")
        target = item.get("target")
        name = metric_name(item, ctx.lang)
        if metric in model.PERCENT_METRICS and model.parse_percent(target) == 100:
            message = _("The target for %(metric)s is %(target)s: a single miss breaks it.") % {
                "metric": name,
                "target": percent_text(100),
            }
            example = percent_text(90)
        elif metric == "nps" and isinstance(target, int) and not isinstance(target, bool) and target >= 100:
            message = _("An NPS target of 100 means every single customer must be a promoter.")
            example = "50"  # NPS is a score from -100 to 100, not a percentage
        else:
            continue
        yield (
            ("standards", "metrics", index, "target"),
            message,
            _("Set a target you reach today or can reach with effort, for example %(target)s.")
            % {"target": example},
        )
