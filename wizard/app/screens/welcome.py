"""The first screen: start a new policy, open one, reopen a recent one, or recover a draft."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from wizard.app import core
from wizard.app.screens._styled_once import StyledOnce
from wizard.app.ui import N_, _, language_choices, translate_bindings
from wizard.app.widgets.footer import KeysFooter
from wizard.app.widgets.header import WizardHeader
from wizard.spec.model import LANGUAGES
from wizard.i18n import ui_language

BLANK = "-blank-"


def _when(moment: datetime) -> str:
    """A draft's time, in the local time zone, as digits (readable in every language)."""
    try:
        return moment.astimezone().strftime("%Y-%m-%d %H:%M")
    except (ValueError, OSError):
        return str(moment)


class WelcomeScreen(StyledOnce, Screen):
    """What to do first: the primary button starts a new policy."""

    # Focus the primary button at once: by default Textual focuses the first focusable
    # widget (the scrolling container) and the move to the button restyles the whole
    # screen twice before the first frame.
    AUTO_FOCUS = "#new"
    BINDINGS = [
        Binding("ctrl+n", "new", N_("New policy"), id="new"),
        Binding("ctrl+o", "focus_open", N_("Open a file"), id="open"),
        Binding("ctrl+l", "focus_import", N_("Import a document"), id="import"),
    ]

    def __init__(self, lang: str | None = None) -> None:
        super().__init__()
        translate_bindings(self)
        self.doc_lang = lang or ui_language()
        self._presets: dict = {}

    def compose(self) -> ComposeResult:
        # The presets are package data named in the UI language (a few milliseconds): listed
        # at once, so the first frame has them; each compose reads them in the current language.
        self._presets = {preset.key: preset for preset in core.presets()}
        yield WizardHeader(icon="≡")
        with VerticalScroll(id="welcome"):
            yield Static(_("Write your customer service policy"), id="welcome-title")
            yield Static(
                _("Answer one step at a time and watch the document grow beside the form. "
                  "Your work is kept as you type, so you can stop at any moment."),
                id="welcome-intro",
            )
            with Vertical(classes="welcome-box", id="new-box") as box:
                box.border_title = _("Start a new policy")
                with Horizontal(classes="welcome-row"):
                    yield Label(_("Start from"), classes="welcome-label")
                    yield Select(self._preset_options(), value=BLANK, allow_blank=False, id="preset", compact=True)
                with Horizontal(classes="welcome-row"):
                    yield Label(_("Document language"), classes="welcome-label")
                    yield Select(
                        language_choices(),
                        value=self.doc_lang if self.doc_lang in LANGUAGES else "en",
                        allow_blank=False,
                        id="doc-lang",
                        compact=True,
                    )
                yield Static("", id="preset-description", classes="welcome-note")
                with Horizontal(classes="welcome-row welcome-start"):
                    yield Button(_("Start a new policy"), id="new", variant="primary", compact=True)
                    yield Static(_("Press Enter to start"), classes="welcome-note welcome-enter")
            with Vertical(classes="welcome-box", id="open-box") as box:
                box.border_title = _("Open a policy")
                with Horizontal(classes="welcome-row"):
                    yield Input(placeholder=_("Path of a policy file, for example: policy.yaml"), id="open-path", compact=True)
                    yield Button(_("Open"), id="open", compact=True)
            with Vertical(classes="welcome-box", id="import-box") as box:
                box.border_title = _("Import a document")
                yield Static(_("Bring in the policy you already have, from Word (.docx), Markdown, plain "
                               "text or HTML: each part goes to its step, and the review step lists what "
                               "needs a look."), classes="welcome-box-note")
                with Horizontal(classes="welcome-row"):
                    yield Input(placeholder=_("Path of a document, for example: policy.docx"), id="import-path",
                                compact=True)
                    yield Button(_("Import"), id="import", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = _("Policy Wizard")
        self.sub_title = ""
        self.query_one("#new", Button).focus()
        self._show_description()
        # The drafts and the recent files read the user's files: a worker lists them after
        # the first frame, each in its own box that appears when the list is not empty.
        self.call_after_refresh(self._load_lists)

    @work(thread=True, exclusive=True, group="welcome-lists", exit_on_error=False)
    def _load_lists(self) -> None:
        """Drafts and recent files: read off the UI thread, shown when ready."""
        from wizard.app.recent import recent_files

        drafts = self._drafts()
        recent = recent_files()
        self.app.call_from_thread(self._show_lists, drafts, recent)

    def _show_lists(self, drafts: list, recent: list) -> None:
        if not self.is_attached:
            return
        self._show_list("drafts", _("Unsaved work you can recover"),
                        [Option(self._draft_prompt(info), id=info.id) for info in drafts])
        self._show_list("recent", _("Recent files"), [Option(Text(str(path)), id=str(path)) for path in recent])

    def _show_list(self, name: str, title: str, options: list[Option]) -> None:
        """Fill the box `#<name>-box` with `options`: mounted when there are some, removed
        when there are none. Nothing is mounted for an empty list, so a first start styles
        and lays out fewer widgets. Drafts come first of all: after a crash they are what
        the user looks for (below the other boxes they were out of sight at 80x24); recent
        files come last."""
        boxes = self.query(f"#{name}-box")
        if not options:
            boxes.remove()
            return
        if boxes:
            option_list = self.query_one(f"#{name}", OptionList)
            option_list.set_options(options)
        else:
            option_list = OptionList(*options, id=name)
            box = Vertical(option_list, classes="welcome-box", id=f"{name}-box")
            box.border_title = title
            self.query_one("#welcome").mount(box, before=self.query_one("#new-box") if name == "drafts" else None)
        option_list.highlighted = 0

    async def refresh_labels(self) -> None:
        translate_bindings(self)
        self.refresh_bindings()
        await self.recompose()
        self.on_mount()

    # ------------------------------------------------------------------ presets

    def _preset_options(self) -> list[tuple[str, str]]:
        return [(_("A blank policy"), BLANK)] + [(preset.name, preset.key) for preset in self._presets.values()]

    @on(Select.Changed, "#preset")
    def _show_description(self) -> None:
        key = self.query_one("#preset", Select).value
        preset = self._presets.get(key)
        note = self.query_one("#preset-description", Static)
        if preset is None:
            note.update(_("Every section starts empty; the guide beside each step helps you fill it in."))
        else:
            note.update(Text(preset.description))

    @on(Select.Changed, "#preset")
    @on(Select.Changed, "#doc-lang")
    def _chosen(self) -> None:
        """After a choice the Start button has the focus, as "Press Enter to start" says:
        Enter on the drop-down would open it again. (Deferred like the drop-down's own
        `focus()` when it closes, so that it comes after it. The choices shown when the
        screen opens change nothing: Start has the focus then anyway.)"""
        self.app.call_later(self.set_focus, self.query_one("#new", Button))

    # ------------------------------------------------------------------ actions

    @on(Button.Pressed, "#new")
    def action_new(self) -> None:
        preset = self.query_one("#preset", Select).value
        lang = str(self.query_one("#doc-lang", Select).value)
        self.app.start_new(preset=None if preset in (BLANK, Select.NULL) else str(preset), lang=lang)  # type: ignore[attr-defined]

    def action_focus_open(self) -> None:
        # At once, not deferred like `focus()`: the path typed right after Ctrl+O goes here
        # (deferred, its first key went to the Start button when typed at once).
        self.set_focus(self.query_one("#open-path", Input))

    @on(Button.Pressed, "#open")
    @on(Input.Submitted, "#open-path")
    def _open(self) -> None:
        text = self.query_one("#open-path", Input).value.strip()
        if not text:
            self.notify(_("Type the path of a policy file first."), severity="warning")
            self.query_one("#open-path", Input).focus()
            return
        self.app.open_path(Path(text).expanduser())  # type: ignore[attr-defined]

    def action_focus_import(self) -> None:
        self.set_focus(self.query_one("#import-path", Input))  # at once, as `action_focus_open`

    @on(Button.Pressed, "#import")
    @on(Input.Submitted, "#import-path")
    def _import(self) -> None:
        field = self.query_one("#import-path", Input)
        text = field.value.strip()
        if not text:
            self.notify(_("Type the path of a document first."), severity="warning")
            field.focus()
            return
        self.app.import_document(Path(text).expanduser())  # type: ignore[attr-defined]

    @on(OptionList.OptionSelected, "#recent")
    def _recent(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.open_path(Path(event.option.id))  # type: ignore[attr-defined]

    # ------------------------------------------------------------------ drafts

    def _drafts(self) -> list:
        from wizard.storage import DraftStore

        try:
            return [info for info in DraftStore().list() if not info.owner_running]
        except Exception:
            return []

    def _draft_prompt(self, info) -> Text:
        text = Text()
        name = info.title or info.company or _("Untitled policy")
        text.append(name, style="bold")
        text.append("  ")
        where = str(info.target) if info.target else _("never saved")
        text.append(_("%(file)s, last changed %(when)s") % {"file": where, "when": _when(info.saved_at)}, style="dim")
        return text

    @on(OptionList.OptionSelected, "#drafts")
    def _draft_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.recover(event.option.id)

    @work(exclusive=True, group="dialog")
    async def recover(self, draft_id: str) -> None:
        from wizard.storage import DraftStore, changed_sections

        store = DraftStore()
        info = store.info(draft_id)
        data = store.read(draft_id)
        if info is None or data is None:
            self.notify(_("This draft is no longer there."), severity="warning")
            self._load_lists()
            return
        file_data = None
        if info.target is not None and Path(info.target).is_file():
            try:
                file_data = core.load(Path(info.target)).data
            except core.FileProblems:
                file_data = None
        from wizard.app.screens.recover import RecoverDraftScreen
        from wizard.app.unsaved import sections_differing

        differing = sections_differing(changed_sections(data, file_data), info.unsaved)
        choice = await self.app.push_screen_wait(RecoverDraftScreen(info, differing))
        if choice == "restore":
            self.app.open_draft(info, data)  # type: ignore[attr-defined]
        elif choice == "discard":
            store.discard(draft_id)
            self.notify(_("The draft was discarded."))
            self._load_lists()
