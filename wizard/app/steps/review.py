"""The last step: input that cannot be saved (each field, with a button that puts the
cursor into it), every section with its state and findings, jump to edit one, the revision
history (the latest note editable), the changes since the last save, export."""

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
from wizard.app.widgets.field import FieldChanged
from wizard.app.widgets.text_field import TextField
from wizard.spec.model import text_in


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
        imported: list | None = None,
        changes=None,
        **kwargs,
    ) -> None:
        """`changes`: the change notice since the last save (wizard.changes.Notice); None
        for a policy that was never saved."""
        super().__init__(data, edit_lang, **kwargs)
        self.imported = list(imported or [])
        self.states = states or {}
        self.findings = findings or []
        self.untranslated = untranslated or {}
        self.unsaved = list(unsaved or [])
        self.changes = changes

    def compose(self) -> ComposeResult:
        yield Static(_("Check each section, then export the policy."), classes="step-intro")
        if self.unsaved:
            yield from self._unsaved_rows()
        if self.imported:
            yield from self._imported_rows()
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
        yield from self._revision_rows()
        if self.changes is not None:
            yield from self._change_rows(self.changes)
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

    def _imported_rows(self):
        """Each part of an imported document that found no step: kept as an extra section,
        with a button that opens it there."""
        yield Static(_("From the imported document: check these"), classes="review-heading")
        for index, placement in enumerate(self.imported):
            with Vertical(classes="review-row review-imported"):
                with Horizontal(classes="review-head"):
                    where = _("Line or paragraph %(number)s: “%(text)s”") % {
                        "number": placement.where, "text": placement.excerpt}
                    yield Static(Hanging(where, Text("?", style="bold")), classes="review-title")
                    yield Button(_("Check"), id=f"imported-{index}", classes="review-edit")
                yield Static(Hanging(_("Kept as an extra section: move its text to the step it belongs "
                                       "to, or keep it there.")), classes="review-finding")

    def _revision_rows(self):
        """The revision history, newest last; the latest note can be edited here."""
        revisions = [(i, r) for i, r in enumerate(self.data.get("revisions") or []) if isinstance(r, dict)]
        yield Static(_("Revision history"), classes="review-heading")
        if not revisions:
            text = _("No revisions yet: saving records the first version.")
            yield Static(Hanging(text, ""), classes="review-revision")
            return
        for _index, entry in revisions:
            yield Static(Hanging(_revision_line(entry, self.source_lang), ""), classes="review-revision")
        index, latest = revisions[-1]
        yield TextField(
            _("Note of the latest revision"),
            ("revisions", index, "note"),
            latest.get("note"),
            source_lang=self.source_lang,
            edit_lang=self.edit_lang,
            id="latest-note",
        )

    def _change_rows(self, notice):
        """The change notice since the last save: one line a change; a reworded text shows
        its old and new wording with the changed words marked."""
        yield Static(_("Changes since the last saved version"), classes="review-heading")
        if notice.empty:
            yield Static(Hanging(notice.no_changes, ""), classes="review-change")
            return
        for section in notice.sections:
            yield Static(Text(section.heading, style="bold"), classes="review-change-section")
            for change in section.changes:
                yield Static(Hanging(change.text), classes="review-change")
                for detail in change.details:
                    yield Static(Hanging(detail, ""), classes="review-change-detail")
                for label, segments, style in (
                    (notice.before_label, change.before, "strike red"),
                    (notice.after_label, change.after, "bold green"),
                ):
                    if segments:
                        yield Static(Hanging(_marked(label, segments, style), ""), classes="review-change-detail")

    @on(FieldChanged)
    def _note_changed(self, event: FieldChanged) -> None:
        """The latest revision note, edited here (the only field of this step)."""
        event.stop()
        self.change(tuple(event.path), event.value)

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
        elif button_id.startswith("imported-"):
            placement = self.imported[int(button_id.removeprefix("imported-"))]
            self.post_message(self.Jump("sections", _spec_path(placement.target)))
        elif button_id.startswith("export-"):
            lang = self.query_one("#export-lang", Select).value
            audience = self.query_one("#export-audience", Select).value
            self.post_message(self.Export(button_id.removeprefix("export-"), str(lang), str(audience)))

    def show_findings(self, findings: list) -> None:
        """The review step shows all findings; the editor re-creates it when they change."""
        self.findings = list(findings)


def _spec_path(target: str) -> tuple:
    """ "sections[2]" (numbered from 1, as the report says) -> ("sections", 1)."""
    key, _bracket, rest = target.partition("[")
    return (key, int(rest.split("]")[0]) - 1) if rest else (key,)


def _step_of(finding) -> str | None:
    from wizard.app.ui import step_for_path

    return step_for_path(tuple(getattr(finding, "path", ()) or ()))


def _revision_line(entry: dict, source: str) -> str:
    """One entry of the history: "2026-12-04 · Ana Horvat · First version"."""
    parts = [str(entry.get("date") or "—")]
    author = entry.get("author")
    if isinstance(author, str) and author.strip():
        parts.append(author.strip())
    parts.append(text_in(entry.get("note"), source, source) or "—")
    return " · ".join(parts)


def _marked(label: str, segments, style: str) -> Text:
    """`label` ("Before: %(text)s") around the wording, the changed words in `style`."""
    wording = Text()
    for segment in segments:
        wording.append(segment.text, style=style if segment.changed else "")
    head, _middle, tail = label.partition("%(text)s")
    return Text.assemble(head, wording, tail)
