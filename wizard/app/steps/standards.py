"""Service standards: commitments (always / never), service levels per channel, support
hours and the metrics the team is measured by."""

from __future__ import annotations

from typing import Any, Iterable

from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Button

from wizard.app.labels import channel_label, metric_label
from wizard.app.steps.form import DurationPicker, Form, IntegerField, PercentField
from wizard.app.widgets.list_editor import ListEditor
from wizard.i18n import Translator
from wizard.spec.model import (
    CHANNELS,
    DURATION_METRICS,
    METRIC_KEYS,
    METRICS,
    PERCENT_METRICS,
    SERVICE_LEVEL_KEYS,
    get_at,
)

_ = Translator("app").gettext


def target_kind(metric: Any) -> str:
    """What a metric's target is: a percent, an NPS score, a duration or free text."""
    if metric in PERCENT_METRICS:
        return "percent"
    if metric == "nps":
        return "nps"
    if metric in DURATION_METRICS:
        return "duration"
    return "text"


class StandardsForm(Form):
    step_key = "standards"

    def compose_fields(self) -> ComposeResult:
        yield self.text_list(
            ("standards", "always"),
            label=_("We will always…"),
            placeholder=_("answer every email within one working day"),
            add_label=_("Add a commitment"),
            id="always",
        )
        yield self.text_list(
            ("standards", "never"),
            label=_("We will never…"),
            placeholder=_("share a customer's details without consent"),
            add_label=_("Add a commitment"),
            id="never",
        )
        yield self.kind_list(
            ("standards", "service_levels"),
            "channel",
            channel_label,
            CHANNELS,
            self.build_service_level,
            other_name=_("Name of the channel (required)"),
            label=_("Service levels per channel"),
            key_order=SERVICE_LEVEL_KEYS,
            add_label=_("Add a channel…"),
            empty_text=_("No service levels yet. Add each channel customers use."),
            eager_rows=3,
            id="service-levels",
        )
        yield Button(_("Add the channels from scope"), id="scope-channels", classes="form-action", compact=True,
                     tooltip=_("A service level for each channel chosen in “Purpose and scope”"))
        yield self.text(
            _("Support hours"),
            ("standards", "support_hours"),
            placeholder=_("Monday to Friday, 8:00 to 18:00"),
        )
        yield self.kind_list(
            ("standards", "metrics"),
            "metric",
            metric_label,
            METRICS,
            self.build_metric,
            other_name=_("Name of the metric (required)"),
            label=_("Metrics and targets"),
            key_order=METRIC_KEYS,
            add_label=_("Add a metric…"),
            empty_text=_("No metrics yet. Pick one or two you already measure."),
            eager_rows=3,
            id="metrics",
        )

    def on_mount(self) -> None:
        self._offer_scope_channels()

    def _channels_without_level(self) -> list[str]:
        """The channels chosen in scope that have no service level yet, in scope's order."""
        channels = get_at(self.data, ("purpose", "channels")) or []
        levels = self.query_one("#service-levels", ListEditor)
        present = {row.item.get("channel") for row in levels.rows if isinstance(row.item, dict)}
        present.update(item.get("channel") for item in levels.pending if isinstance(item, dict))
        return [channel for channel in channels if channel in CHANNELS and channel != "other" and channel not in present]

    def _offer_scope_channels(self) -> None:
        self.query_one("#scope-channels", Button).display = bool(self._channels_without_level())

    @on(Button.Pressed, "#scope-channels")
    async def _add_scope_channels(self, event: Button.Pressed) -> None:
        """Channels customers use (chosen in scope) need their times here: one row each,
        the times still empty, the focus in the first new one."""
        event.stop()
        levels = self.query_one("#service-levels", ListEditor)
        added = [await levels.add({"channel": channel}, focus=False) for channel in self._channels_without_level()]
        self._offer_scope_channels()
        if added:
            added[0].focus_target()

    def build_service_level(self, item: dict) -> Iterable[Widget]:
        """A service level's row, under its channel (and name, for "other")."""
        yield DurationPicker(_("First response within"), ("first_response",), item.get("first_response"))
        yield DurationPicker(_("Resolved within"), ("resolution",), item.get("resolution"), default_unit="working_day")

    def build_metric(self, item: dict) -> Iterable[Widget]:
        """A metric's row: its target, in the form the metric needs."""
        metric = item.get("metric")
        kind = target_kind(metric)
        target = item.get("target")
        if kind == "percent":
            yield PercentField(_("Target"), ("target",), target, compact=True)
        elif kind == "nps":
            yield IntegerField(
                _("Target score (−100 to 100)"),
                ("target",),
                target,
                minimum=-100,
                maximum=100,
                placeholder=_("e.g. 50"),
                compact=True,
            )
        elif kind == "duration":
            yield DurationPicker(_("Target"), ("target",), target)
        else:
            yield self.text(_("Target"), ("target",), target, absolute=False, compact=True)
