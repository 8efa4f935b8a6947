"""Small dialogs of the app: quit, revision note, export, open a file, a bad file's problems."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from wizard.app.ui import AUDIENCES, FORMAT_NAMES, FORMATS, N_, _, language_choices, ngettext, translate_bindings
from wizard.app.widgets.bullets import Hanging
from wizard.app.widgets.footer import FooterStaysInSight


class Dialog(FooterStaysInSight, ModalScreen):
    """A centred box; Escape cancels (dismisses with None)."""

    CSS_PATH = Path(__file__).resolve().parent.parent / "styles" / "dialogs.tcss"
    # ←/→ move between the buttons as in the storage dialogs (a text field keeps them for its cursor)
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel")),
        Binding("right", "app.focus_next", show=False),
        Binding("left", "app.focus_previous", show=False),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(self)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PathDialog(Dialog):
    """A dialog that asks for a file path: Enter or the "ok" button answers (`_ok` checks the
    path), any other button cancels."""

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self._ok()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._ok()
        else:
            self.dismiss(None)

    def _ok(self) -> None:
        raise NotImplementedError


class QuitScreen(Dialog):
    """Quit with unsaved changes: save, discard, or stay. Returns "save", "discard" or None.
    `unsaved`: how many fields hold typed input that cannot be saved (said, so that "Quit
    without saving" is chosen knowingly)."""

    def __init__(self, unsaved: int = 0) -> None:
        super().__init__()
        self.unsaved = unsaved

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("You have unsaved changes"), classes="dialog-title")
            # (a paragraph that breaks Chinese lines properly: no line starts with "。")
            yield Static(Hanging(_("Save them before you quit? A draft is kept until you decide."), ""), classes="dialog-text")
            if self.unsaved:
                yield Static(
                    Hanging(ngettext(
                        "%(count)d field holds input that is not valid yet and cannot be saved (see “Review and export”).",
                        "%(count)d fields hold input that is not valid yet and cannot be saved (see “Review and export”).",
                        self.unsaved,
                    ) % {"count": self.unsaved}, ""),
                    classes="dialog-text dialog-warning",
                )
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save and quit"), id="save", variant="primary")
                yield Button(_("Quit without saving"), id="discard", variant="error")
                yield Button(_("Keep editing"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "cancel" else event.button.id)


@dataclass
class RevisionNote:
    author: str
    note: str


class RevisionNoteScreen(Dialog):
    """Ask for a short note for the revision history. Returns RevisionNote, "skip", or None (cancel).
    `summary`: the changes since the last save in one line; F5 (or its button) puts it into
    the note as a starting point. `saving`: asked before a save (the buttons say so), else
    from the palette (a note only: no save, nothing to skip)."""

    BINDINGS = [Binding("f5", "use_summary", N_("Use the summary"))]

    def __init__(self, author: str = "", summary: str = "", saving: bool = True) -> None:
        super().__init__()
        self.author = author
        self.summary = summary
        self.saving = saving

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("What did you change?"), classes="dialog-title")
            yield Static(
                _("This policy keeps a revision history. A short note helps readers see what is new."),
                classes="dialog-text",
            )
            yield Label(_("Note"))
            yield Input(placeholder=_("For example: Shorter response time for email."), id="note")
            if self.summary:
                yield Static(_("Changes: %(summary)s") % {"summary": self.summary}, classes="dialog-text", markup=False)
                # F5 is its key; out of the tab order, so Tab still goes from the note to the name
                summary_button = Button(_("Use this summary (F5)"), id="use-summary", compact=True)
                summary_button.can_focus = False
                yield summary_button
            yield Label(_("Your name"))
            yield Input(self.author, id="author")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Add note and save") if self.saving else _("Add note"), id="add", variant="primary")
                if self.saving:
                    yield Button(_("Save without a note"), id="skip")
                yield Button(_("Cancel"), id="cancel")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self._add()  # Enter saves with the note, in either field

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "add":
            self._add()
        elif event.button.id == "use-summary":
            self.action_use_summary()
        else:
            self.dismiss(None if event.button.id == "cancel" else "skip")

    def action_use_summary(self) -> None:
        """Fill the note with the summary of the changes, to be shortened or completed."""
        if not self.summary:
            return
        note = self.query_one("#note", Input)
        note.value = self.summary
        note.cursor_position = len(note.value)
        note.focus()

    def _add(self) -> None:
        note = self.query_one("#note", Input).value.strip()
        author = self.query_one("#author", Input).value.strip()
        if not note:
            self.notify(_("Write a note, or choose “Save without a note”."), severity="warning")
            self.query_one("#note", Input).focus()
            return
        self.dismiss(RevisionNote(author, note))


class PathScreen(PathDialog):
    """Ask for the path of an existing file (to open it). Returns a Path or None."""

    def __init__(self, title: str, initial: str = "", button: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.initial = initial
        self.button_text = button or _("OK")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title")
            yield Label(_("File path"))
            yield Input(self.initial, id="path", placeholder=_("for example: policy.yaml"))
            yield Static("", id="path-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.button_text, id="ok", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    def _ok(self) -> None:
        text = self.query_one("#path", Input).value.strip()
        error = self.query_one("#path-error", Static)
        if not text:
            error.update(_("Type the path of a file."))
            return
        path = Path(text).expanduser()
        if not path.is_file():
            error.update(_("There is no file at %(path)s.") % {"path": path})
            return
        self.dismiss(path)


@dataclass
class ExportRequest:
    fmt: str
    lang: str
    audience: str
    path: Path


def export_path(base: Path | None, lang: str, fmt: str, audience: str) -> Path:
    """A default file name for an export: `policy.en.html`, `policy.public.hr.md`."""
    stem = base.stem if base is not None else "policy"
    folder = base.parent if base is not None else Path.cwd()
    middle = f".{audience}" if audience == "public" else ""
    return folder / f"{stem}{middle}.{lang}.{fmt}"


class ExportScreen(PathDialog):
    """Choose format, language, audience and file; returns an ExportRequest or None."""

    def __init__(self, base: Path | None, fmt: str = "html", lang: str = "en", audience: str = "internal") -> None:
        super().__init__()
        self.base = base
        self.fmt, self.lang, self.audience = fmt, lang, audience
        self._path_touched = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Export the policy"), classes="dialog-title")
            with Grid(classes="export-grid"):
                yield Label(_("Format"))
                yield Select([(_(FORMAT_NAMES[f]), f) for f in FORMATS], value=self.fmt, allow_blank=False, id="fmt", compact=True)
                yield Label(_("Language"))
                yield Select(language_choices(), value=self.lang, allow_blank=False, id="lang", compact=True)
                yield Label(_("Audience"))
                yield Select([(_(label), key) for key, label in AUDIENCES.items()], value=self.audience, allow_blank=False, id="audience", compact=True)
            yield Label(_("File path"))
            yield Input(str(self._default()), id="path")
            yield Static("", id="path-error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Export"), id="ok", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    # The file name has the focus (all of it selected): a name typed at once replaces the
    # default, and Enter exports; on the Export button the typed name was lost.
    AUTO_FOCUS = "#path"

    def _default(self) -> Path:
        return export_path(self.base, self.lang, self.fmt, self.audience)

    @on(Select.Changed)
    def _changed(self, event: Select.Changed) -> None:
        if event.value is Select.NULL:
            return
        setattr(self, {"fmt": "fmt", "lang": "lang", "audience": "audience"}[event.select.id], event.value)
        if not self._path_touched:
            path_input = self.query_one("#path", Input)
            path_input.value = str(self._default())

    @on(Input.Changed, "#path")
    def _typed(self, event: Input.Changed) -> None:
        if event.value != str(self._default()):
            self._path_touched = True

    def _ok(self) -> None:
        text = self.query_one("#path", Input).value.strip()
        if not text or Path(text).expanduser().is_dir():
            self.query_one("#path-error", Static).update(_("Type the path of the file to write."))
            return
        self.dismiss(ExportRequest(self.fmt, self.lang, self.audience, Path(text).expanduser()))


class FileProblemsScreen(Dialog):
    """A file that cannot be opened: its problems, one `FILE:LINE: message` per line.
    Returns "open" (open another file) or None (back)."""

    AUTO_FOCUS = "#open"

    def __init__(self, path: Path, problems: list[str]) -> None:
        super().__init__()
        self.path = path
        self.problems = problems

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide"):
            yield Static(_("This file cannot be opened"), classes="dialog-title")
            yield Static(
                Hanging(_("%(path)s has problems. Fix them in a text editor, or open another file.") % {"path": self.path}, ""),
                classes="dialog-text",
            )
            with VerticalScroll(id="problems"):
                for problem in self.problems:
                    yield Static(problem, classes="problem", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Open another file"), id="open", variant="primary")
                yield Button(_("Back"), id="back")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss("open" if event.button.id == "open" else None)
