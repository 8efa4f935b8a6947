"""The main screen: the steps on the left, the form of one step in the middle, the live
preview on the right.

The editor owns the one spec dict; everything about the file (its path, fingerprint,
draft, saving) belongs to its `PolicySession` (wizard.session). Forms post
`StepForm.Changed(path, value)`; the editor applies it with `set_at`, marks the file
unsaved, and schedules autosave, the preview and the checks. None of that runs on the
keystroke itself: the preview and checks are debounced and run in threads, the
autosaver batches.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Static

from wizard.app import core
from wizard.app.autosave import Autosaver
from wizard.app.catch_up import BEFORE_ASKING_SECONDS, catch_up_with_typing
from wizard.app.steps.base import StepForm
from wizard.app.forms_ahead import FormsAhead, where_hidden_widgets_were
from wizard.app.frames import after_a_frame
from wizard.app.screens._styled_once import StyledOnce
from wizard.app.ui import (
    N_,
    STEP_DATA_KEYS,
    STEP_KEYS,
    STEP_SECTION,
    _,
    language_name,
    ngettext,
    step_for_path,
    step_title,
    translate_bindings,
)
from wizard.app.widgets.footer import KeysFooter
from wizard.app.widgets.guidance import GuidancePanel, GuideBox
from wizard.app.widgets.header import WizardHeader
from wizard.app.widgets.nav_hint import NavHint
from wizard.app.memory import hold_collections_for_a_switch, spare_long_lived_objects, spare_what_a_switch_made
from wizard.app.widgets.preview import PREVIEW_LAID_OUT_ALONE, Preview, call_later
from wizard.app.unsaved import UnsavedInput, to_draft
from wizard.app.widgets.sidebar import COMPLETE, EMPTY, FINDINGS, INVALID, NONE, StepList
from wizard.session import FileGoneError, PolicySession, draft_problem_reason
from wizard.spec.model import LANGUAGES, get_at, is_empty, set_at
from wizard.storage import ConflictError, DraftPlace, SaveError, free_name

CHECK_DEBOUNCE_SECONDS = 0.4
WIDE_ENOUGH_FOR_PREVIEW = 110
# Below this width the step list shows only marks and numbers, even without the preview.
WIDE_ENOUGH_FOR_STEP_NAMES = 80
DROP_DOWN_HEIGHT, MIN_DROP_DOWN_HEIGHT = 12, 4  # Textual's, and the least that shows two choices
# Below this width the footer drops its padding: with it, Croatian needs about 93 columns.
WIDE_ENOUGH_FOR_ROOMY_FOOTER = 100


class _Same:
    """Equal to another only when both hold the very same object (and copied as is): the
    last saved version is replaced, never changed, so its identity tells it apart."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.value is self.value

    def __deepcopy__(self, memo: dict) -> _Same:
        return self


def form_class(step: str) -> type[StepForm]:
    """The form of a step, from the forms' registry (the review step is not in it: it edits
    no data of its own)."""
    if step == "review":
        from wizard.app.steps.review import ReviewStep

        return ReviewStep
    from wizard.app.steps import STEP_FORMS

    return STEP_FORMS[step]


def first_field(form: Widget) -> Widget | None:
    """The first widget of `form` that takes the focus, in the form's order from the top (a
    form is laid out in the order of its widgets). Not Textual's focus chain: it sorts each
    container's widgets by where they are on the screen, and finding that out for a form
    just shown arranged every widget of it, 50-125 ms for a list of 94 definitions kept with
    all its rows, where only the first field is needed."""
    stack = list(reversed(form.displayed_children))
    while stack:
        node = stack.pop()
        if node.focusable:
            return node
        if node.is_container and node.allow_focus_children() and not node.disabled:
            stack.extend(reversed(node.displayed_children))
    return None


def step_states(data: dict, findings: list, unsaved: Any = ()) -> dict[str, str]:
    """Progress of each step: has input that cannot be saved (paths in `unsaved`), complete,
    has findings, empty (the review step has none)."""
    with_findings = {step_for_path(tuple(f.path)) for f in findings}
    with_unsaved = {step_for_path(tuple(path)) for path in unsaved}
    states = {}
    for step in STEP_KEYS:
        keys = STEP_DATA_KEYS[step]
        if not keys:
            states[step] = NONE
        elif step in with_unsaved:
            states[step] = INVALID
        elif all(is_empty(data.get(key)) for key in keys):
            states[step] = EMPTY
        elif step in with_findings:
            states[step] = FINDINGS
        else:
            states[step] = COMPLETE
    return states


def translation_languages(data: dict) -> tuple[str, ...]:
    """The languages the author writes translations in: every language that appears as a key
    of a translated text anywhere in the spec, besides the spec's own."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in LANGUAGES and isinstance(value, str):
                    found.add(key)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(data)
    found.discard(data.get("language", "en"))
    return tuple(code for code in LANGUAGES if code in found)


class EditorScreen(*PREVIEW_LAID_OUT_ALONE, StyledOnce, Screen):
    """Edit one policy."""

    # No focus until the first step's form is shown and focuses its first field: keys typed
    # meanwhile wait for it (see `wizard.app.catch_up`) instead of going to the step list.
    # ("", not None: None takes the app's "*", which focused the step list as the screen
    # was composed, and then moved the focus again to the field.)
    AUTO_FOCUS = ""

    # The dialogs' stylesheet comes with the editor: the first dialog (quit, save as...)
    # would otherwise re-parse every stylesheet and restyle the whole editor when it opens.
    CSS_PATH = [
        Path(__file__).resolve().parent.parent / "styles" / "editor.tcss",
        Path(__file__).resolve().parent.parent / "styles" / "forms.tcss",
        Path(__file__).resolve().parent.parent / "styles" / "dialogs.tcss",
    ]

    # Keys that reach the app in common terminals (tmux, xterm, GNOME Terminal): alt+b is not
    # one of them (it arrives as ctrl+left, a word to the left), and F1 opens GNOME Terminal's
    # help. A focused TextArea takes F6 and F7 for itself, so those bindings have priority;
    # the others go through the focused field first, after the keys typed before them
    # (a priority binding runs as the key arrives, before the field has taken those keys).
    # The tooltip is the longer text of the keys screen and of the footer's hover.
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save"), id="save",
                tooltip=N_("Save the policy to its file")),
        Binding("f7,alt+p", "previous_step", N_("Back"), id="back", priority=True,
                tooltip=N_("Previous step (your answers are kept)")),
        Binding("f8,alt+n", "next_step", N_("Next"), id="next", priority=True,
                tooltip=N_("Next step (your answers are kept)")),
        Binding("f1,alt+g", "toggle_guidance", N_("Guide"), id="guide",
                tooltip=N_("Show more or less guidance for this step")),
        Binding("f9", "insert_example", N_("Example"), id="example",
                tooltip=N_("Insert the guide's example into the field you are in")),
        Binding("f5", "dismiss_findings", N_("Dismiss"), id="dismiss", show=False,
                tooltip=N_("Dismiss the suggestions for the field you are in, or show them again (kept in the file)")),
        Binding("f2", "toggle_preview", N_("Preview"), id="preview", priority=True,
                tooltip=N_("Show or hide the preview of the document")),
        Binding("f3", "preview_language", N_("Preview language"), id="preview-language", show=False,
                tooltip=N_("Show the preview in the next language")),
        Binding("f4", "edit_language", N_("Write in"), id="edit-language", show=False,
                tooltip=N_("Write in another language (a translation), or back in the policy's language")),
        Binding("f6,ctrl+g", "focus_steps", N_("Steps"), id="steps", show=False, priority=True,
                tooltip=N_("Go to the list of steps: arrows and Enter open any step")),
        Binding("ctrl+o", "open_file", N_("Open"), id="open", show=False,
                tooltip=N_("Open another policy file")),
    ]

    def __init__(
        self,
        data: dict,
        path: Path | None = None,
        *,
        fingerprint: Any = None,
        dirty: bool = False,
        draft_id: str | None = None,
        unsaved: dict[tuple, UnsavedInput] | None = None,
        session: PolicySession | None = None,
        imported: list | None = None,
        place: DraftPlace | None = None,
        dismissed: dict[tuple, frozenset[str]] | None = None,
    ) -> None:
        """`unsaved`: typed input that could not be saved, restored from a draft. `session`:
        the file's session as opened; by default one is made of `path`, `fingerprint`,
        `dirty` and `draft_id` (a restored draft this window takes over). `imported`: the
        parts of an imported document that found no step of their own (importer.Placement).
        `place`: where the user was, from a restored draft (by default: the first step).
        `dismissed`: the findings dismissed, when the caller has them already (from the file's
        one parse, or a restored draft's); by default they are read from the file."""
        super().__init__()
        translate_bindings(self)
        self.data = data
        self.session = session or PolicySession(path, fingerprint=fingerprint, draft_id=draft_id, dirty=dirty)
        self.step = place.step if place is not None and place.step in STEP_KEYS else STEP_KEYS[0]
        self.edit_lang = place.language if place is not None and place.language in LANGUAGES else data.get("language", "en")
        self._restored_field = place.field if place is not None else ()
        self.findings: list = []
        # Findings the author dismissed, by path: kept in the file as `# check: ignore CODE`.
        self.dismissed: dict[tuple, frozenset[str]] = dict(dismissed or {})
        self._dismissed_known = dismissed is not None
        self._settled = False  # the first preview is drawn (see `_settle_after_first_preview`)
        # Typed text the spec cannot hold yet (an invalid date or number), by path: shown
        # again in its field, listed on the review step, kept in the draft.
        self.unsaved: dict[tuple, UnsavedInput] = dict(unsaved or {})
        self.imported = list(imported or [])
        self.states = step_states(data, [], self.unsaved)
        self.version = 0
        self._checked_version = -1
        self._check_timer: asyncio.TimerHandle | None = None
        self._preview_user_choice: bool | None = None
        self._example_turn: dict[tuple, int] = {}
        self._switching = asyncio.Lock()
        self._revision_noted = False  # the revision note is asked for once per editing session
        self._shown_draft_problem: OSError | None = None  # why no draft can be written, as told
        self._saved: dict | None = None  # the last saved version, read when first needed
        self.autosaver = Autosaver(self, self.session)
        self.ahead = FormsAhead(self)

    # The file's state lives in the session; these are the editor's names for it.

    @property
    def path(self) -> Path | None:
        return self.session.path

    @property
    def fingerprint(self) -> Any:
        return self.session.fingerprint

    @property
    def dirty(self) -> bool:
        return self.session.dirty

    @dirty.setter
    def dirty(self, value: bool) -> None:
        self.session.dirty = value

    @property
    def active_bindings(self) -> dict:
        """The active keys with this screen's own first, in the order they are declared, so
        the footer reads the same in every field: a focused prose field binds F7 itself, and
        Textual would otherwise list the key where the field put it."""
        active = super().active_bindings
        order = {key: index for index, (key, _binding) in enumerate(self._bindings)}
        return dict(sorted(active.items(), key=lambda item: order.get(item[0], len(order))))

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield WizardHeader(icon="≡")
        with Horizontal(id="main"):
            yield StepList(id="steps")
            with Vertical(id="center"):
                yield Static("", id="step-heading")
                with GuideBox(id="guide-box"):
                    yield GuidancePanel(id="guidance")
                yield Static("", id="step-findings", markup=False)
                yield Vertical(id="form-host")
                with Horizontal(id="nav"):
                    yield Button(_("Back"), id="back", compact=True)
                    yield NavHint(self._nav_hint_text(), id="nav-hint")
                    yield Button(_("Next"), id="next", variant="primary", compact=True)
            yield Preview(lang=self.edit_lang, id="preview")
        yield KeysFooter(compact=self.app.size.width < WIDE_ENOUGH_FOR_ROOMY_FOOTER)

    async def on_mount(self) -> None:
        if not self.session.claim():
            self._show_draft_problem(self.session.draft_problem)
        if not self._dismissed_known:
            self.dismissed = await asyncio.to_thread(core.dismissed_in, self.path)
        self._update_title()
        self._apply_preview_visibility()
        await self.show_step(self.step, focus=not self._restored_field)
        if self._closing_down():
            return
        if self._restored_field and self.form is not None:
            self.form.focus_path(self._restored_field)
        # The preview and the checks start once the step list and the form are on screen:
        # started before, their threads took the processor from the first frame.
        self.call_after_refresh(self._start_preview_and_checks)
        if self.unsaved:
            self._touch_autosave()  # a restored draft keeps its typed input

    def _closing_down(self) -> bool:
        """The app is closing (a quit while the editor was still opening): this screen is
        being taken apart, its widgets may never mount, and there is nothing more to show."""
        return not (self.app.is_running and self.is_attached)

    def _start_preview_and_checks(self) -> None:
        self.query_one(Preview).request(self.data, delay=0)
        self._schedule_checks(delay=0)

    @on(Preview.Rendered)
    def _settle_after_first_preview(self) -> None:
        """Once the editor is built and its preview drawn, what exists stays until the app
        ends: out of the collector's walks with it (see wizard.app.memory)."""
        if not self._settled:
            self._settled = True
            spare_long_lived_objects()

    def on_resize(self) -> None:
        self._apply_preview_visibility()
        self.query_one(Footer).compact = self.app.size.width < WIDE_ENOUGH_FOR_ROOMY_FOOTER

    def _apply_preview_visibility(self) -> None:
        preview = self.query_one(Preview)
        wide = self.app.size.width >= WIDE_ENOUGH_FOR_PREVIEW
        preview.display = wide if self._preview_user_choice is None else self._preview_user_choice
        self._give_the_form_room()

    def _give_the_form_room(self) -> None:
        """In a narrow terminal the step list shows only marks and numbers, so that the form
        keeps room to work beside the preview (at 80 columns it had 32 cells)."""
        width = self.app.size.width
        crowded = width < WIDE_ENOUGH_FOR_PREVIEW and (self.query_one(Preview).display or width < WIDE_ENOUGH_FOR_STEP_NAMES)
        self.query_one(StepList).show_icons_only(crowded)

    def on_descendant_focus(self, event) -> None:
        """The focus moved: a draft with unsaved changes learns where the user is now (to be
        restored there). And a drop-down list that opens near the bottom would draw over the
        footer (and hide Quit): it is made short enough to end above the footer."""
        from textual.widgets._select import SelectOverlay

        if self.needs_saving:
            self._touch_autosave()
        overlay = event.widget
        if isinstance(overlay, SelectOverlay) and overlay.parent is not None:
            # the list opens under its drop-down and goes down from there; with no room for
            # it below, it opens upwards (Textual's "inflect")
            room = self.query_one(Footer).region.y - overlay.parent.region.bottom
            below = room >= MIN_DROP_DOWN_HEIGHT
            overlay.styles.constrain_y = "inside" if below else "inflect"
            overlay.styles.max_height = min(DROP_DOWN_HEIGHT, room) if below else DROP_DOWN_HEIGHT

    def refresh_labels(self) -> None:
        """Show every label in the current UI language (after a switch)."""
        translate_bindings(self)
        self.refresh_bindings()
        self.query_one(WizardHeader).refresh_labels()
        self.query_one("#back", Button).label = _("Back")
        self.query_one("#next", Button).label = _("Next")
        self.query_one("#nav-hint", NavHint).set_text(self._nav_hint_text())
        self.query_one(StepList).refresh_labels()
        self.query_one(Preview).refresh_labels()
        self._update_title()
        self.call_later(self.show_step, self.step)
        self._schedule_checks(delay=0)

    # ------------------------------------------------------------------ title

    @property
    def file_label(self) -> str:
        return self.path.name if self.path is not None else _("New policy")

    @property
    def needs_saving(self) -> bool:
        """Whether anything would be lost by closing now: changes not in the file, or typed
        input that cannot be saved yet."""
        return self.dirty or bool(self.unsaved)

    def _update_title(self) -> None:
        self.title = ("● " if self.needs_saving else "") + self.file_label
        written = self.session.written  # a new file's path is only a target
        if self._shown_draft_problem is not None and self.needs_saving:
            self.sub_title = _("unsaved changes, and no draft: save them")
        elif self.session.read_only:
            self.sub_title = _("read-only: saving asks for another name")
        elif self.dirty:
            self.sub_title = _("unsaved changes")
        elif self.unsaved:
            self.sub_title = _("some input is not saved")
        else:
            self.sub_title = _("saved") if written else _("not saved yet")

    # ------------------------------------------------------------------ steps

    @property
    def form(self) -> StepForm | None:
        """The step's form, the form host's child. Asked on every keystroke (for the draft's
        place), so not a query: that matched a selector against each of the form's hundreds
        of widgets, twice, 3-7 ms a key in a long list. (The form just left is hidden until
        it is removed, see `_swap_form`.)"""
        host = self.query_one("#form-host")
        return next((child for child in reversed(host.children) if isinstance(child, StepForm) and child.display), None)

    def make_form(self, step: str) -> StepForm:
        cls = form_class(step)
        if step == "review":
            return cls(self.data, self.edit_lang, states=self.states, findings=self.findings,
                       untranslated=self._untranslated_counts(), unsaved=self.unsaved_list(),
                       imported=self.imported,
                       changes=self.changes_since_saved() if self.fingerprint is not None else None)
        return cls(self.data, self.edit_lang)

    def reviewed(self) -> tuple:
        """What the review step shows besides the spec's texts, for telling whether a review
        built ahead is still up to date (see wizard.app.forms_ahead): the spec, the step
        states, the findings, the input that cannot be saved, the imported parts, and the
        version the changes are counted from (its identity: a save replaces it)."""
        saved = self.saved_version() if self.fingerprint is not None else None
        return (self.data, dict(self.states), tuple(self.findings), tuple(self.unsaved_list()),
                tuple(map(repr, self.imported)), _Same(saved))

    def _untranslated_counts(self) -> dict[str, int]:
        """For each language the author translates into: how many texts still lack it."""
        counts = {}
        for lang in translation_languages(self.data):
            found = core.findings(self.data, (lang,))
            counts[lang] = sum(1 for f in found if f.code == "untranslated")
        return counts

    async def show_step(self, step: str, focus: bool = True) -> None:
        """Show the form of `step` (the data is already in `self.data`: nothing can be lost).
        Quick key presses are served one after the other: one form at a time."""
        async with self._switching:
            await self._show_step(step, focus)

    async def _show_step(self, step: str, focus: bool) -> None:
        # One layout and one repaint for the whole switch: without the batch, the screen is
        # laid out again between the awaits of removing and mounting hundreds of widgets.
        with self.app.batch_update():
            await self._swap_form(step, focus)

    async def _swap_form(self, step: str, focus: bool) -> None:
        self.step = step
        host = self.query_one("#form-host")
        left = [child for child in host.children if child.display]  # (hidden ones are on their way out, or built ahead)
        for old in left:
            old.display = False
        if left:  # (started first: it ends the hold on the collector, whatever happens next)
            held = hold_collections_for_a_switch()
            shows = [self.ahead.as_left(form) for form in left]
            self.run_worker(self._set_left_aside(host, list(zip(left, shows)), held), group="forms-left")
        form = self.ahead.take(step)
        if form is None:
            form = self.make_form(step)
            await host.mount(form)
        else:
            self._show_built_ahead(host, form)
        if self._closing_down():
            return
        if step != "review":
            form.restore_unsaved({path: entry for path, entry in self.unsaved.items() if step_for_path(path) == step})
        self.query_one(Preview).set_class(step == "review", "-reviewing")  # it gets the wider column
        self.query_one(GuidancePanel).show_step(step)
        self._update_heading()
        self._show_step_findings()
        self.run_worker(self._mark_the_step_beside_the_form(), group="beside-form")
        index = STEP_KEYS.index(step)
        self.query_one("#back", Button).disabled = index == 0
        self.query_one("#next", Button).display = index < len(STEP_KEYS) - 1
        if focus:
            self._focus_form(form)
        self.refresh_bindings()
        self.ahead.soon()

    def _show_built_ahead(self, host: Widget, form: StepForm) -> None:
        """Show a form built ahead (see wizard.app.forms_ahead) in the very next frame, as a
        form just mounted would be. Textual keeps the host's arrangement (it shows the form
        just left) until one of the forms asks for a layout at its next idle moment, after
        the screen may have drawn a frame; the host's arrangement is made anew here."""
        with where_hidden_widgets_were(self):
            form.display = True
        host._clear_arrangement_cache()
        self.refresh(layout=True)
        form.shown()

    async def _mark_the_step_beside_the_form(self) -> None:
        """The step list's mark of the step shown and the preview's scroll to its section
        come one frame after the form, which is what the user waits for: drawn with it,
        they were about 8 ms of a switch to the service standards (the step list draws
        all its lines again, the preview the section it scrolls to)."""
        await after_a_frame(self)
        if self._closing_down():
            return
        self.query_one(StepList).set_current(self.step)
        self.query_one(Preview).follow(STEP_SECTION.get(self.step, "title"))

    async def _set_left_aside(self, host: Widget, left: list[tuple[Widget, tuple | None]], collections_held: bool) -> None:
        """Once the new form is drawn, keep each form the user has left (with what it showed
        then, see `FormsAhead.as_left`), hidden, for the way back, or remove it when it
        cannot be kept. It was hidden at once (out of the layout and of the focus chain):
        taking its hundreds of widgets apart first added 40 ms to the switch from the extra
        sections of the 30 KB policy and 85 ms from those of the 60 KB one. What the switch
        made is then set aside from Python's own full collections, which were held until
        now (see wizard.app.memory)."""
        try:
            await after_a_frame(host)
            gone = [form for form, shows in left
                    if shows is None or self._closing_down() or not self.ahead.keep(form, shows)]
            if gone:
                await host.remove_children(gone)
        finally:
            spare_what_a_switch_made(resume=collections_held)

    def _focus_form(self, form: Widget) -> None:
        # At once, not deferred like `focus()`: keys typed right after the switch go here.
        # No scrolling: the first field is at the top, and the form is not laid out yet.
        self.set_focus(first_field(form) or form, scroll_visible=False)

    def _update_heading(self) -> None:
        index = STEP_KEYS.index(self.step)
        heading = Text()
        heading.append(
            _("Step %(number)d of %(total)d: %(title)s") % {"number": index + 1, "total": len(STEP_KEYS), "title": step_title(self.step)},
            style="bold",
        )
        source = self.data.get("language", "en")
        if self.step != "review":
            heading.append("   ")
            if self.edit_lang == source:
                heading.append(_("Writing in %(language)s") % {"language": language_name(source)}, style="dim")
            else:
                heading.append(
                    _("Translating into %(language)s") % {"language": language_name(self.edit_lang)},
                    style="bold magenta",
                )
        self.query_one("#step-heading", Static).update(heading)

    async def go_to(self, step: str, path: tuple = ()) -> None:
        if step not in STEP_KEYS:
            return
        if step != self.step:
            await self.show_step(step, focus=not path)  # (the form's first field would take it later)
        if path and self.form is not None:
            self.form.focus_path(path)

    async def action_next_step(self) -> None:
        await self._move(+1)

    async def action_previous_step(self) -> None:
        await self._move(-1)

    async def _move(self, offset: int) -> None:
        # The target is computed once the previous switch is done, so that three quick
        # presses of F8 move three steps.
        async with self._switching:
            index = STEP_KEYS.index(self.step) + offset
            if 0 <= index < len(STEP_KEYS):
                await self._show_step(STEP_KEYS[index], True)

    @on(Button.Pressed, "#next")
    async def _next_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.action_next_step()

    @on(Button.Pressed, "#back")
    async def _back_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.action_previous_step()

    @on(StepList.StepChosen)
    async def _step_chosen(self, event: StepList.StepChosen) -> None:
        await self.go_to(event.step)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Back on the first step and Next on the last do nothing: their keys are shown
        dimmed in the footer, like the Back button (the footer offered "F8 Next" on the
        review step)."""
        index = STEP_KEYS.index(self.step)
        if (action, index) in (("previous_step", 0), ("next_step", len(STEP_KEYS) - 1)):
            return None
        return True

    def action_focus_steps(self) -> None:
        self.query_one(StepList).focus()

    # ------------------------------------------------------------------ edits

    @on(StepForm.Changed)
    def _form_changed(self, event: StepForm.Changed) -> None:
        event.stop()
        self.apply_change(tuple(event.path), event.value)

    def apply_change(self, path: tuple, value: Any) -> None:
        """Apply one edit to the spec and schedule everything that follows from it."""
        if get_at(self.data, path) == value and not (is_empty(value) and get_at(self.data, path) is None):
            return
        set_at(self.data, path, value)
        self.version += 1
        if not self.dirty:
            self.dirty = True
            self._update_title()
        if path[:1] == ("language",) and self.edit_lang not in LANGUAGES:
            self.edit_lang = self.data.get("language", "en")
        self.query_one(Preview).request(self.data)
        self._schedule_checks()
        self._touch_autosave()

    # ------------------------------------------------------------------ input that cannot be saved

    def unsaved_list(self) -> list[UnsavedInput]:
        """The typed input that cannot be saved, in the order of the steps."""
        order = {step: index for index, step in enumerate(STEP_KEYS)}
        return sorted(self.unsaved.values(), key=lambda entry: order.get(step_for_path(entry.path) or "", 99))

    @on(StepForm.UnsavedChanged)
    def _unsaved_changed(self, event: StepForm.UnsavedChanged) -> None:
        event.stop()
        entries = {path: entry for path, entry in self.unsaved.items() if step_for_path(path) != event.step}
        entries.update(event.entries)
        if entries == self.unsaved:
            return
        self.unsaved = entries
        self._update_title()
        self.states = step_states(self.data, self.findings, self.unsaved)
        self.query_one(StepList).set_states(self.states)
        self._update_step_box()
        self._touch_autosave()

    def _touch_autosave(self) -> None:
        try:
            self.autosaver.touch(self.data, to_draft(self.unsaved_list()), self._place(), self.dismissed)
        except Exception:  # autosave must never break typing
            pass

    def _place(self) -> DraftPlace:
        """Where the user is (step, focused field, language written): kept in the draft, so
        that restoring it continues here."""
        source = self.data.get("language", "en")
        return DraftPlace(self.step, self._focused_path() or (), "" if self.edit_lang == source else self.edit_lang)

    def _focused_path(self) -> tuple | None:
        """The spec path of the field that has the focus (or of the list row it is in)."""
        node, path, form = self.focused, None, self.form
        while node is not None and node is not form and not path:
            path = _path_of(node)
            node = node.parent
        return path

    # ------------------------------------------------------------------ checks

    def _schedule_checks(self, delay: float | None = None) -> None:
        if delay is None:
            delay = CHECK_DEBOUNCE_SECONDS
        if self._check_timer is not None:
            self._check_timer.cancel()
            self._check_timer = None
        if delay <= 0:
            self._start_checks()
        else:
            self._check_timer = call_later(delay, self._start_checks)

    def _start_checks(self) -> None:
        self._check_timer = None
        if self.is_attached:
            self._run_checks(core.snapshot(self.data), self.version, self.checked_languages(), dict(self.dismissed))

    def checked_languages(self) -> tuple[str, ...]:
        """Untranslated text is reported for the language being translated into, only: while
        the author writes in the policy's own language, "not translated" under every field
        would hide the findings that matter."""
        source = self.data.get("language", "en")
        return (self.edit_lang,) if self.edit_lang != source else ()

    def _check_timer_pending(self) -> bool:
        """Whether checks are scheduled or running for an older version of the spec."""
        return self._checked_version != self.version

    @work(exclusive=True, thread=True, group="checks", exit_on_error=False)
    def _run_checks(self, data: dict, version: int, langs: tuple[str, ...] = (), dismissed: dict | None = None) -> None:
        found = core.findings(data, langs, dismissed)
        self.post_message(self._Checked(found, data, version))

    class _Checked(Message):
        def __init__(self, found: list, data: dict, version: int) -> None:
            super().__init__()
            self.found, self.data, self.version = found, data, version

    def on_editor_screen__checked(self, message: _Checked) -> None:
        self._apply_findings(message.found, message.data, message.version)

    def _apply_findings(self, found: list, data: dict, version: int) -> None:
        if version != self.version:
            return  # the spec changed meanwhile: newer checks are on their way
        self.findings = found
        self._checked_version = version
        self.states = step_states(data, found, self.unsaved)
        self.query_one(StepList).set_states(self.states)
        self._show_step_findings()

    def _show_step_findings(self) -> None:
        mine = [f for f in self.findings if step_for_path(tuple(f.path)) == self.step]
        form = self.form
        if form is not None:
            try:
                form.show_findings(self.findings if self.step == "review" else mine)
            except Exception:
                pass
        self._update_step_box(mine)

    def _update_step_box(self, mine: list | None = None) -> None:
        """The line above the form: fields of this step that cannot be saved, suggestions."""
        if mine is None:
            mine = [f for f in self.findings if step_for_path(tuple(f.path)) == self.step]
        box = self.query_one("#step-findings", Static)
        invalid = sum(1 for path in self.unsaved if step_for_path(path) == self.step)
        if self.step == "review" or not (mine or invalid):
            box.display = False
            return
        lines = []
        if invalid:
            # first: in a long form the field may be far below, and this is what is not saved
            lines.append(
                ngettext("%(count)d field on this step cannot be saved yet: see its error below.",
                         "%(count)d fields on this step cannot be saved yet: see their errors below.",
                         invalid) % {"count": invalid}
            )
        if mine:
            lines.append(
                ngettext("%(count)d suggestion for this step (see the fields below).",
                         "%(count)d suggestions for this step (see the fields below).", len(mine)) % {"count": len(mine)}
            )
        box.display = True
        box.update("\n".join(lines))
        box.set_class(bool(invalid) or any(f.severity == "error" for f in mine), "-error")

    # ------------------------------------------------------------------ guidance & examples

    def action_toggle_guidance(self) -> None:
        panel = self.query_one(GuidancePanel)
        panel.expanded = not panel.expanded

    def action_insert_example(self) -> None:
        """F9: insert the guide's example for the field or list item that has the focus (a
        list example goes to the end of the list); pressing again gives the next item."""
        from wizard.app.guidance import example_for

        form = self.form
        node, example, path = self.focused, None, ()
        while form is not None and node is not None and node is not form and example is None:
            path = _path_of(node)
            if path:  # a blank new row has none: its list's example is used
                turn = self._example_turn.get((self.step, path), 0)
                example = example_for(self.step, path, self.data, turn)
            node = node.parent
        if form is None or example is None:
            self.notify(_("There is no example for this place. Move to a field the guide has an example for and press F9 again."), severity="warning")
            return
        self._example_turn[(self.step, path)] = self._example_turn.get((self.step, path), 0) + 1
        if not form.insert_example(example):
            self.notify(_("There is no example for this place. Move to a field the guide has an example for and press F9 again."), severity="warning")

    def action_dismiss_findings(self) -> None:
        """F5: the suggestions for the focused field are not wanted here ("odmah premještamo
        u privatne poruke" is an action, not a vague promise); again to show them again."""
        path = self._focused_path()
        if not path:
            self.notify(_("Move to a field with a suggestion and press F5 again."), severity="warning")
            return
        here = frozenset(f.code for f in self.findings if tuple(f.path) == path)
        if here:
            self.dismissed[path] = self.dismissed.get(path, frozenset()) | here
            message = _("Dismissed here. The file keeps it, so “check” agrees; F5 again shows it.")
        elif self.dismissed.pop(path, None):
            message = _("The suggestions for this field are shown again.")
        else:
            self.notify(_("There is no suggestion for this field."), severity="warning")
            return
        self.dirty = True
        self._update_title()
        self.version += 1
        self._schedule_checks(delay=0)
        self._touch_autosave()  # a crash must not bring the suggestion back
        self.notify(message, timeout=4)

    # ------------------------------------------------------------------ preview & languages

    def action_toggle_preview(self) -> None:
        preview = self.query_one(Preview)
        self._preview_user_choice = not preview.display
        preview.display = self._preview_user_choice
        self._give_the_form_room()
        if preview.display:
            preview.request(self.data, delay=0)

    def action_preview_language(self, lang: str | None = None) -> None:
        preview = self.query_one(Preview)
        if lang is None:
            lang = LANGUAGES[(LANGUAGES.index(preview.lang) + 1) % len(LANGUAGES)]
        if not preview.display:
            self._preview_user_choice = True
            preview.display = True
            self._give_the_form_room()
        preview.lang = lang
        self.notify(_("Preview in %(language)s") % {"language": language_name(lang)}, timeout=2)

    async def action_edit_language(self, lang: str | None = None) -> None:
        """Write in another language (a translation) or back in the spec's language."""
        source = self.data.get("language", "en")
        order = [source] + [code for code in LANGUAGES if code != source]
        if lang is None:
            lang = order[(order.index(self.edit_lang) + 1) % len(order)] if self.edit_lang in order else source
        self.edit_lang = lang
        self.query_one(Preview).lang = lang  # the preview shows what is being written, also after coming back
        self.version += 1  # findings of the other language are out of date
        self._schedule_checks(delay=0)
        await self.show_step(self.step)
        if lang == source:
            self.notify(_("Writing in %(language)s") % {"language": language_name(lang)}, timeout=2)
        else:
            self.notify(
                _("Translating into %(language)s: the original text is shown under each field.") % {"language": language_name(lang)},
                timeout=3,
            )

    # ------------------------------------------------------------------ review

    async def on_review_step_jump(self, event) -> None:
        event.stop()
        await self.go_to(event.step, event.path)

    def on_review_step_export(self, event) -> None:
        event.stop()
        self.action_export(event.fmt, event.lang, event.audience)

    # ------------------------------------------------------------------ export

    def action_export(self, fmt: str = "html", lang: str | None = None, audience: str = "internal") -> None:
        """Ask where to export. The dialog is pushed at once, not from a worker, so that keys
        typed right after the command (the file name) already go to it."""
        from wizard.app.screens.dialogs import ExportScreen

        dialog = ExportScreen(self.path, fmt=fmt, lang=lang or self.data.get("language", "en"), audience=audience)
        self.app.push_screen(dialog, callback=self._export)

    @work(exclusive=True, group="dialog")
    async def _export(self, request) -> None:
        if request is None:
            return
        try:
            content = await asyncio.to_thread(core.render_bytes, core.snapshot(self.data), request.lang, request.fmt, request.audience)
            await asyncio.to_thread(_write_export, request.path, content)
        except SaveError as error:
            self.notify(str(error), severity="error", markup=False, timeout=8)
            return
        except Exception as error:  # a renderer problem: tell the user, keep the editor
            self.notify(_("Could not export: %(error)s") % {"error": error}, severity="error", markup=False, timeout=8)
            return
        self.notify(_("Exported to %(path)s") % {"path": request.path}, markup=False, timeout=6)
        if self.unsaved:
            count = len(self.unsaved)
            self.notify(
                ngettext(
                    "The export leaves out %(count)d field that is not valid yet (see “Review and export”).",
                    "The export leaves out %(count)d fields that are not valid yet (see “Review and export”).",
                    count,
                ) % {"count": count},
                severity="warning",
                markup=False,
                timeout=8,
            )

    # ------------------------------------------------------------------ save

    def action_save(self) -> None:
        self._save_flow()

    def action_save_as(self) -> None:
        self._save_flow(ask_path=True)

    @work(exclusive=True, group="dialog")
    async def _save_flow(self, ask_path: bool = False, then_quit: bool = False) -> bool:
        return await self.save(ask_path=ask_path, then_quit=then_quit)

    async def ask_save_path(self, initial: Path | None) -> Path | None:
        from wizard.app.screens.save_as import SaveAsScreen

        return await self.app.push_screen_wait(SaveAsScreen(initial))

    async def save(self, ask_path: bool = False, then_quit: bool = False) -> bool:
        """Save to the file (asking where when it has none); True when the policy is saved.
        Typed input that cannot be saved is named first: the user fixes it, or saves the rest
        (those fields keep the value the file has). A file changed, deleted or unwritable is
        asked about; nothing is lost whatever the answer."""
        if self.unsaved and not await self._confirm_unsaved_input():
            return False
        session = self.session
        path = self.path
        if path is None or ask_path or session.read_only:
            initial = (free_name(path) if session.read_only else path) if path is not None else Path.cwd() / "policy.yaml"
            path = await self.ask_save_path(initial)
            if path is None:
                return False
        overwrite = recorded = False
        while True:
            try:
                if not recorded:
                    if not await self._record_revision(path, overwrite):
                        return False
                    recorded = True
                saved = session.keep_disk_values(self.data, list(self.unsaved))
                result = await asyncio.to_thread(session.save, saved, to=path, overwrite=overwrite,
                                                 dismissed=self.dismissed)
            except ConflictError as error:
                choice = await self._ask_conflict(path, gone=isinstance(error, FileGoneError))
                if choice == "overwrite":
                    overwrite = True
                    continue
                if choice == "reload":
                    await self.reload()
                    return False
                if choice == "save_as":
                    path = await self.ask_save_path(free_name(Path(path)))
                    if path is None:
                        return False
                    continue
                return False
            except (SaveError, OSError) as error:
                choice = await self._ask_save_failed(str(error))
                if choice == "save_as":
                    path = await self.ask_save_path(session.rescue_path(Path(path), getattr(error, "reason", "other")))
                    if path is None:
                        return False
                    continue
                return False
            break
        for unsaved_path in self.unsaved:  # memory now matches the file
            set_at(self.data, unsaved_path, get_at(saved, unsaved_path))
        self._saved = core.snapshot(saved)
        self._update_title()
        self.autosaver.discard()
        if self.unsaved:
            self._touch_autosave()  # what could not be saved stays in the draft
        if result.links_broken:
            self.notify(
                ngettext(
                    "%(path)s had %(count)d other name (a hard link): it still shows the previous version.",
                    "%(path)s had %(count)d other names (hard links): they still show the previous version.",
                    result.links_broken,
                ) % {"path": self.path, "count": result.links_broken},
                severity="warning",
                markup=False,
                timeout=8,
            )
        from wizard.app.recent import remember

        remember(self.path)
        if self.step == "review":
            await self.show_step(self.step, focus=False)
        if self.unsaved:
            count = len(self.unsaved)
            self.notify(
                ngettext(
                    "Saved to %(path)s, except %(count)d field that is not valid yet. What you typed there is kept: fix it and save again.",
                    "Saved to %(path)s, except %(count)d fields that are not valid yet. What you typed there is kept: fix them and save again.",
                    count,
                ) % {"path": self.path, "count": count},
                severity="warning",
                markup=False,
                timeout=8,
            )
        else:
            self.notify(_("Saved to %(path)s") % {"path": self.path}, markup=False, timeout=4)
        if then_quit:
            self.app.exit()
        return True

    async def _confirm_unsaved_input(self) -> bool:
        """Name the fields whose input cannot be saved, and the value each keeps (the file's);
        True to save the rest. "Go back and fix" puts the cursor into the first of them."""
        from wizard.app.screens.unsaved_input import UnsavedInputScreen

        entries = self.unsaved_list()
        kept = {entry.path: self.session.value_on_disk(entry.path) for entry in entries}
        choice = await self.app.push_screen_wait(UnsavedInputScreen(entries, kept))
        if choice == "save":
            return True
        if choice == "fix":
            first = entries[0]
            await self.go_to(step_for_path(first.path) or self.step, first.path)
        return False

    async def _record_revision(self, path: Path, overwrite: bool) -> bool:
        """The revision history's part of a save; False when the user cancels the save.
        The first save of a new policy records its first version; saving edits of a policy
        that has a file asks for a note, once per editing session."""
        if self.fingerprint is None:
            if not self.data.get("revisions"):
                from wizard.app.app import load_settings

                author = str(load_settings().get("author", ""))
                entry = core.revision_entry(core.first_version_note(self.data.get("language", "en")), author)
                self.apply_change(("revisions",), [entry])
            return True
        if self.dirty and path == self.path and not self._revision_noted:
            # a conflict is asked about first: the note belongs to the save that happens
            if not overwrite:
                await asyncio.to_thread(self.session.check_unchanged, path)
            return await self._ask_revision_note()
        return True

    async def _ask_revision_note(self, saving: bool = True) -> bool:
        """Ask for a note for the revision history (remembered for this editing session);
        False on cancel. The name field offers the user's own name from an earlier note, never
        someone else's; the dialog can start the note from the summary of the changes since
        the last save (a policy never saved has none)."""
        from wizard.app.app import load_settings, save_settings
        from wizard.app.screens.dialogs import RevisionNote, RevisionNoteScreen

        summary = core.change_summary(self.changes_since_saved()) if self.fingerprint is not None else ""
        author = str(load_settings().get("author", ""))
        answer = await self.app.push_screen_wait(RevisionNoteScreen(author, summary, saving=saving))
        if answer is None:
            return False
        self._revision_noted = True
        if isinstance(answer, RevisionNote):
            if answer.author:
                save_settings(author=answer.author)
            entry = core.revision_entry(answer.note, answer.author)
            self.apply_change(("revisions",), list(self.data.get("revisions") or []) + [entry])
        return True

    @work(exclusive=True, group="dialog")
    async def action_add_revision_note(self) -> None:
        """The palette's "Add a revision note": a note now, saved with the next save."""
        if await self._ask_revision_note(saving=False) and self.step == "review":
            await self.show_step(self.step, focus=False)

    def saved_version(self) -> dict:
        """The policy as last saved (empty for a policy never saved): what the changes are
        measured against. The session's copy of the file as it was opened (reading and
        checking the file again made the first visit to the review 10-20 ms slower on a
        30 KB policy), then kept from each save."""
        if self._saved is None:
            on_disk = self.session.value_on_disk(()) if self.path is not None and self.fingerprint is not None else None
            self._saved = on_disk if isinstance(on_disk, dict) else {}
        return self._saved

    def changes_since_saved(self):
        """The change notice from the last saved version to the policy as it is now."""
        return core.change_notice(self.saved_version(), self.data, self.data.get("language", "en"))

    async def _ask_conflict(self, path: Path, gone: bool = False) -> str | None:
        from wizard.app.screens.conflict import ConflictScreen

        return await self.app.push_screen_wait(ConflictScreen(path, gone=gone))

    async def _ask_save_failed(self, message: str) -> str | None:
        from wizard.app.screens.save_failed import SaveFailedScreen

        return await self.app.push_screen_wait(SaveFailedScreen(message))

    async def reload(self) -> None:
        """Replace the edits with the file as it is on disk now."""
        if self.path is None:
            return
        from wizard.spec import SpecError

        try:
            spec = await asyncio.to_thread(self.session.reload)
        except SpecError as error:
            from wizard.app.screens.dialogs import FileProblemsScreen

            await self.app.push_screen_wait(FileProblemsScreen(self.path, [str(p) for p in error.problems] or [str(error)]))
            return
        self.data.clear()
        self.data.update(spec.data)
        self._saved = core.snapshot(spec.data)
        self.dismissed = await asyncio.to_thread(core.dismissed_in, self.path)
        self.unsaved = {}  # typed input goes with the other changes the user chose to drop
        self.autosaver.discard()
        self.version += 1
        self._update_title()
        await self.show_step(self.step)
        self.query_one(Preview).request(self.data, delay=0)
        self._schedule_checks(delay=0)
        self.notify(_("Reloaded %(path)s") % {"path": self.path}, markup=False)

    # ------------------------------------------------------------------ autosave

    def _nav_hint_text(self) -> str:
        if self._shown_draft_problem is not None:
            return _("Your answers are NOT kept: save them.")
        return _("Your answers are kept.")

    @on(Autosaver.Failed)
    def _draft_failed(self, message: Autosaver.Failed) -> None:
        message.stop()
        self._show_draft_problem(message.error if isinstance(message.error, OSError) else OSError(str(message.error)))

    @on(Autosaver.Saved)
    def _draft_saved(self, message: Autosaver.Saved) -> None:
        message.stop()
        if self._shown_draft_problem is not None:
            self._show_draft_problem(None)

    def _show_draft_problem(self, error: OSError | None) -> None:
        """Say at once, and keep saying (the hint under the form, the title), that no draft
        can be written: "your answers are kept" must never be untrue. Said again in a
        notification only when it starts, and when drafts are written again."""
        before, self._shown_draft_problem = self._shown_draft_problem, error
        self.query_one("#nav-hint", NavHint).set_text(self._nav_hint_text())
        self.query_one("#nav-hint", NavHint).set_class(error is not None, "-error")
        self._update_title()
        if error is not None and before is None:
            self.notify(
                _("No draft of your changes can be written to %(folder)s (%(reason)s). If the app closes now, "
                  "your unsaved changes are lost: save them with Ctrl+S.")
                % {"folder": self.session.store.folder, "reason": draft_problem_reason(error)},
                title=_("Your answers are not kept"),
                severity="error",
                markup=False,
                timeout=15,
            )
        elif error is None and before is not None:
            self.notify(_("Drafts are written again: your answers are kept."), timeout=5)

    def on_unmount(self) -> None:
        self.session.release()  # the draft stays when it holds unsaved work

    # ------------------------------------------------------------------ quit & open

    @work(exclusive=True, group="dialog")
    async def confirm_quit(self) -> None:
        """Quit, asking first when there are unsaved changes (or typed input that cannot be
        saved). Input that still cannot be saved after "Save and quit" stays in the draft,
        offered again next time the policy is opened."""
        # Letters typed just before Ctrl+Q may still be on their way to the form when the
        # key queue's patience ran out (a busy machine): whether to ask depends on them.
        await catch_up_with_typing(self.app.focused or self, patience=BEFORE_ASKING_SECONDS)
        choice = None
        if self.needs_saving:
            from wizard.app.screens.dialogs import QuitScreen

            choice = await self.app.push_screen_wait(QuitScreen(unsaved=len(self.unsaved)))
            if choice is None:
                return
            if choice == "save":
                if not await self.save():
                    return
        if self.unsaved and choice == "save":
            self.autosaver.flush()
        else:
            self.autosaver.discard()
        self.session.release()
        self.app.exit()

    def action_open_file(self) -> None:
        if self.dirty:
            self.notify(_("Save your changes first (Ctrl+S), then open another file."), severity="warning")
            return
        if self.unsaved and self.autosaver is not None:
            # saved but for input that cannot be: it waits in the draft, offered with this policy
            try:
                self.autosaver.flush()
            except Exception:
                pass
            count = len(self.unsaved)
            self.notify(
                ngettext(
                    "What you typed in %(count)d field that is not valid yet is kept in a draft: it comes back when you open this policy again.",
                    "What you typed in %(count)d fields that are not valid yet is kept in a draft: it comes back when you open this policy again.",
                    count,
                ) % {"count": count},
                severity="warning",
                markup=False,
                timeout=8,
            )
        self.app.action_open_file()  # type: ignore[attr-defined]


def _path_of(widget: Widget) -> tuple | None:
    from wizard.app.widgets.field import full_path

    try:
        return full_path(widget)
    except Exception:
        return None


def _write_export(path: Path, content: bytes) -> None:
    """Write an exported document safely; no `.bak` beside it, since an export is regenerated."""
    from wizard.storage import save_bytes

    save_bytes(path, content, backup=False)
