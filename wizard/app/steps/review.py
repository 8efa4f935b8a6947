"""The last step: input that cannot be saved (each field, with a button that puts the
cursor into it), every section with its state and findings, jump to edit one, export."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Label, Select, Static

from wizard.app.steps.base import StepForm
from wizard.app.ui import (
    AUDIENCES,
    FORMAT_NAMES,
    FORMATS,
    language_choices,
    language_name,
    STEP_KEYS,
    _,
    ngettext,
    step_for_path,
    step_title,
)
from wizard.app.unsaved import UnsavedInput, describe, reason
from wizard.app.widgets.bullets import Hanging


# Findings listed per section; the rest are counted (Edit shows each at its field).
SHOWN_FINDINGS = 5


class ReviewStep(StepForm):
    """Review and export (the editor gives it the step states and findings)."""

    step_key = "review"

    class Jump(Message):
        def __init__(self, step: str, path: tuple = ()) -> None:
            super().__init__()
            self.step = step
            self.path = path

    class Export(Message):
        def __init__(self, fmt: str, lang: str, audience: str) -> None:
            super().__init__()
            self.fmt, self.lang, self.audience = fmt, lang, audience

    def __init__(
        self,
        data: dict,
        edit_lang: str,
        states: dict | None = None,
        findings: list | None = None,
        untranslated: dict[str, int] | None = None,
        unsaved: list[UnsavedInput] | None = None,
        **kwargs,
    ) -> None:
        super().__init__(data, edit_lang, **kwargs)
        self.states = states or {}
        self.findings = findings or []
        self.untranslated = untranslated or {}
        self.unsaved = list(unsaved or [])

    def compose(self) -> ComposeResult:
        yield Static(_("Check each section, then export the policy."), classes="step-intro")
        if self.unsaved:
            yield from self._unsaved_rows()
        with Vertical(id="review-sections"):
            yield from self._section_rows()
        for lang, count in self.untranslated.items():
            name = language_name(lang)
            if count:
                text = ngettext(
                    "%(language)s: %(count)d text is not translated yet (F4 switches the language you write in).",
                    "%(language)s: %(count)d texts are not translated yet (F4 switches the language you write in).",
                    count,
                ) % {"language": name, "count": count}
            else:
                text = _("%(language)s: everything is translated.") % {"language": name}
            yield Static(Hanging(text, ""), classes="review-translation")
        yield Static(_("Export"), classes="review-heading")
        # A label column and a column of pickers, one picker a row: side by side the two
        # pickers were too narrow for "Internal: the whole policy" in every language.
        with Container(classes="review-export-options"):
            yield Label(_("Language"))
            yield Select(
                language_choices(),
                value=self.source_lang,
                allow_blank=False,
                id="export-lang",
            )
            yield Label(_("Audience"))
            yield Select([(_(label), key) for key, label in AUDIENCES.items()], value="internal", allow_blank=False, id="export-audience")
        with Horizontal(classes="review-export-buttons"):
            for fmt in FORMATS:
                yield Button(_(FORMAT_NAMES[fmt]), id=f"export-{fmt}", classes="export-button")

    def _unsaved_rows(self):
        """Each field whose typed input cannot be saved: where, what, why, and "Fix"."""
        yield Static(_("Not saved: fix these fields"), classes="review-heading review-unsaved-heading")
        for index, entry in enumerate(self.unsaved):
            with Vertical(classes="review-row review-unsaved"):
                with Horizontal(classes="review-head"):
                    where = describe(entry, step_title(step_for_path(entry.path) or ""))
                    yield Static(Hanging(where, Text("✗", style="bold red")), classes="review-title")
                    yield Button(_("Fix"), id=f"fix-{index}", classes="review-edit", variant="error")
                yield Static(Hanging(reason(entry)), classes="review-finding")

    def _section_rows(self):
        for step in STEP_KEYS:
            if step == "review":
                continue
            state = self.states.get(step, "empty")
            step_findings = [f for f in self.findings if _step_of(f) == step]
            mark, mark_style = {
                "complete": ("✓", "green"),
                "findings": ("!", "bold yellow"),
                "empty": ("○", "dim"),
                "invalid": ("✗", "bold red"),
            }.get(state, (" ", ""))
            step_unsaved = [entry for entry in self.unsaved if step_for_path(entry.path) == step]
            title = Text()
            title.append(step_title(step), style="bold")
            title.append("  ")
            if step_unsaved:
                title.append(
                    ngettext(
                        "%(count)d field cannot be saved",
                        "%(count)d fields cannot be saved",
                        len(step_unsaved),
                    ) % {"count": len(step_unsaved)},
                    style="bold red",
                )
            elif state == "empty":
                title.append(_("empty"), style="dim")
            elif step_findings:
                title.append(
                    ngettext("%(count)d suggestion", "%(count)d suggestions", len(step_findings)) % {"count": len(step_findings)},
                    style="yellow",
                )
            else:
                title.append(_("complete"), style="green")
            # The findings run under the Edit button too: beside it they had ten cells
            # less and wrapped twice as often.
            with Vertical(classes="review-row"):
                with Horizontal(classes="review-head"):
                    yield Static(Hanging(title, Text(mark, style=mark_style)), classes="review-title")
                    yield Button(_("Edit"), id=f"edit-{step}", classes="review-edit")
                for finding in step_findings[:SHOWN_FINDINGS]:
                    yield Static(Hanging(finding.message), classes="review-finding")
                hidden = len(step_findings) - SHOWN_FINDINGS
                if hidden > 0:  # say so, rather than let the list end as if it were complete
                    more = ngettext(
                        "%(count)d more suggestion on this step.", "%(count)d more suggestions on this step.", hidden
                    ) % {"count": hidden}
                    yield Static(Hanging(more, ""), classes="review-more")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        button_id = event.button.id or ""
        event.stop()
        if button_id.startswith("edit-"):
            self.post_message(self.Jump(button_id.removeprefix("edit-")))
        elif button_id.startswith("fix-"):
            entry = self.unsaved[int(button_id.removeprefix("fix-"))]
            self.post_message(self.Jump(step_for_path(entry.path) or "basics", entry.path))
        elif button_id.startswith("export-"):
            lang = self.query_one("#export-lang", Select).value
            audience = self.query_one("#export-audience", Select).value
            self.post_message(self.Export(button_id.removeprefix("export-"), str(lang), str(audience)))

    def show_findings(self, findings: list) -> None:
        """The review step shows all findings; the editor re-creates it when they change."""
        self.findings = list(findings)


def _step_of(finding) -> str | None:
    from wizard.app.ui import step_for_path

    return step_for_path(tuple(getattr(finding, "path", ()) or ()))
