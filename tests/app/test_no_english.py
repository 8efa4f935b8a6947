"""No English in a Croatian, Chinese or Turkish app: every screen and dialog is walked in
each of those UI languages, everything it shows is collected (the rows of the terminal,
and the words a user meets elsewhere: tooltips, placeholders, drop-down prompts, toasts,
the palette's commands), and any English word of our own catalogs or of Textual's
built-in texts fails the test, with the line it was found in.

A word counts as English when it is a word of an English message (our `.pot` catalogs, or
Textual's own defaults below) and the language's own catalogs never use it (they may keep
names such as "Markdown", "Word" or "Enter" on purpose). The policy is written in the UI
language too (from a preset), so that its own text is not English either.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from textual.command import CommandList
from textual.widgets import Button, Input, OptionList, Select, Static, TextArea

from tests.app.conftest import settle
from tests.app.test_keys import screen_lines
from tests.app.conftest import opened
from wizard.app.app import PolicyWizardApp
from wizard.app.screens.editor import EditorScreen
from wizard.app.ui import STEP_KEYS
from wizard.app.widgets.list_editor import ListRow
from wizard.i18n import set_ui_language

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales"

# What Textual 8.2.8 itself writes on widgets and screens the app uses, in English.
TEXTUAL_DEFAULTS = (
    "Search for commands…", "No matches found", "Select", "Dismiss menu", "palette", "Change theme",
    "Quit the application", "Save screenshot", "Show keys and help panel", "Maximize", "Minimize",
    "Search for themes…", "Focus Next", "Focus Previous", "Copy selected text", "Toggle",
)
WORD = re.compile(r"[^\W\d_]{3,}")  # whole words: "standardının" is not "standard"
# Names printed on the keys themselves, the same in every language.
KEY_NAMES = frozenset({"tab", "shift", "ctrl", "alt", "enter", "esc", "home", "end", "pgup", "pgdn", "space"})
# A file name or folder shown in a dialog is the user's, not a text of the app.
PATH = re.compile(r"[^\s│█▎▊▌]*/[^\s│█▎▊▌]*")


def _catalog_words(texts) -> set[str]:
    return {word.lower() for text in texts for word in WORD.findall(text)}


@cache
def english_words() -> frozenset[str]:
    from babel.messages.pofile import read_po

    texts = list(TEXTUAL_DEFAULTS)
    for template in LOCALES.glob("*.pot"):
        with template.open("rb") as file:
            for message in read_po(file):
                texts += [message.id] if isinstance(message.id, str) else list(message.id)
    return frozenset(_catalog_words(texts))


@cache
def own_words(lang: str) -> frozenset[str]:
    """Latin words the language's catalogs use themselves (names, keys, abbreviations)."""
    from babel.messages.pofile import read_po

    texts = []
    for catalog in (LOCALES / lang / "LC_MESSAGES").glob("*.po"):
        with catalog.open("rb") as file:
            for message in read_po(file):
                texts += [message.string] if isinstance(message.string, str) else list(message.string)
    return frozenset(_catalog_words(texts))


def english_in(texts: list[str], *langs: str) -> list[str]:
    """The lines of `texts` that hold English words, each followed by those words (the
    words of the catalogs of `langs` are not English there)."""
    foreign = english_words() - KEY_NAMES
    for lang in langs:
        foreign -= own_words(lang)
    found = []
    for text in texts:
        for line in text.splitlines():
            words = sorted({word for word in WORD.findall(PATH.sub(" ", line)) if word.lower() in foreign})
            if words:
                found.append(f"{line.strip()}   <- {', '.join(words)}")
    return found


def _plain(content) -> str:
    plain = getattr(content, "plain", None)
    return plain if isinstance(plain, str) else content if isinstance(content, str) else ""


def shown_texts(app) -> list[str]:
    """What the active screen shows or can show: its rows, and the words of its widgets that
    are scrolled away, not drawn yet or only shown on hover (tooltips, placeholders, prompts,
    options, the keys' tooltips), and the toasts."""
    screen = app.screen
    texts = list(screen_lines(app))
    for widget in screen.query("*"):
        texts.append(_plain(widget.tooltip))
        if isinstance(widget, ListRow):  # drawn by the row; its tooltip is set on hover
            texts += [_plain(widget.render()), widget.links_tooltip]
        if isinstance(widget, Static) and not isinstance(widget, Button):
            texts.append(_plain(widget.render()))
        if isinstance(widget, Button):
            texts.append(_plain(widget.label))
        if isinstance(widget, (Input, TextArea)):
            texts.append(_plain(widget.placeholder))
        if isinstance(widget, Select) and widget._allow_blank:  # else the prompt is never shown
            texts.append(widget.prompt)
        if isinstance(widget, OptionList) and not isinstance(widget, CommandList):
            texts += [_plain(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]
    for active in screen.active_bindings.values():  # the keys in the footer, and their tooltips
        if active.binding.show:
            texts += [active.binding.description, active.binding.tooltip]
    for note in app._notifications:
        texts += [note.title, note.message]
    return [text for text in texts if text]


class Walk:
    """Collects the English found on every screen visited, by screen."""

    def __init__(self, app, lang: str) -> None:
        self.app, self.lang = app, lang
        self.also: tuple[str, ...] = ()  # the language being translated into, shown beside
        self.found: dict[str, list[str]] = {}

    async def look(self, pilot, where: str) -> None:
        await settle(pilot)
        english = english_in(shown_texts(self.app), self.lang, *self.also)
        if english:
            self.found[where] = english

    async def look_at_palette(self, pilot) -> None:
        """The palette's commands, also those scrolled out of its list."""
        import io

        from rich.console import Console

        console = Console(width=200, record=True, file=io.StringIO())
        commands = self.app.screen.query_one(CommandList)
        for index in range(commands.option_count):
            console.print(commands.get_option_at_index(index).prompt)
        english = english_in([console.export_text()], self.lang)
        if english:
            self.found["palette commands"] = english

    def report(self) -> str:
        return "\n".join(f"[{where}]\n  " + "\n  ".join(lines) for where, lines in self.found.items())


PRESETS = {"hr": "shop", "zh": "online-store", "tr": "call-centre"}


@pytest.mark.parametrize("lang", ["hr", "zh", "tr"])
async def test_welcome_and_every_step_speak_only_the_ui_language(tmp_path, lang):
    set_ui_language(lang)
    app = PolicyWizardApp()
    async with app.run_test(size=(140, 40)) as pilot:
        walk = Walk(app, lang)
        await walk.look(pilot, "welcome")
        await pilot.click("#preset")  # the drop-down open, with its own key in the footer
        await walk.look(pilot, "welcome, presets open")
        await pilot.press("escape")

    app = PolicyWizardApp("new", tmp_path / "policy.yaml", preset=PRESETS[lang], lang=lang)
    async with app.run_test(size=(140, 40)) as pilot:
        walk.app = app
        editor = await opened(pilot, EditorScreen)
        editor.action_toggle_guidance()  # the whole guide of each step
        for step in STEP_KEYS:
            await editor.go_to(step)
            await walk.look(pilot, f"step {step}")
        # translating (into a language that is not English, whose preview is not UI text):
        # the original under each field
        walk.also = ("tr" if lang == "hr" else "hr",)
        await editor.action_edit_language(walk.also[0])
        for step in ("basics", "standards", "procedures"):
            await editor.go_to(step)
            await walk.look(pilot, f"step {step}, translating")
    assert not walk.found, "English on screen:\n" + walk.report()


async def look_at_dialog(pilot, walk, screen, where: str):
    """Open `screen` over the editor, look, and close it (Escape)."""
    pilot.app.push_screen(screen)
    await walk.look(pilot, where)
    await pilot.press("escape")
    await settle(pilot)


@pytest.mark.parametrize("lang", ["hr", "zh", "tr"])
async def test_every_dialog_the_palette_the_keys_and_the_toasts_speak_only_the_ui_language(tmp_path, lang):
    from datetime import datetime, timezone

    from wizard.app.screens.conflict import ConflictScreen
    from wizard.app.screens.dialogs import FileProblemsScreen, PathScreen, RevisionNoteScreen
    from wizard.app.screens.open_elsewhere import OpenElsewhereScreen
    from wizard.app.screens.recover import RecoverDraftScreen
    from wizard.app.screens.save_as import SaveAsScreen
    from wizard.app.screens.save_failed import SaveFailedScreen
    from wizard.app.widgets.date_input import DateInput
    from wizard.storage import DraftInfo

    set_ui_language(lang)
    policy = tmp_path / "policy.yaml"
    app = PolicyWizardApp("new", policy, preset=PRESETS[lang], lang=lang)
    async with app.run_test(size=(120, 36)) as pilot:
        walk = Walk(app, lang)
        editor = await opened(pilot, EditorScreen)
        await pilot.press("ctrl+p")  # every command, then one that matches nothing
        await walk.look(pilot, "palette")
        await walk.look_at_palette(pilot)
        await pilot.press(*"qqxzqq")
        await pilot.pause(1.0)
        await walk.look(pilot, "palette, no match")
        await pilot.press("escape")
        app.action_show_keys()
        await walk.look(pilot, "keys")
        await pilot.press("escape")
        await pilot.press("ctrl+q")  # unsaved: the quit dialog
        await walk.look(pilot, "quit")
        await pilot.press("escape")
        editor.action_export()
        await walk.look(pilot, "export")
        await pilot.press("escape")
        await editor.go_to("basics")
        editor.form.query_one(Select).focus()  # a drop-down, open: its key in the footer
        await pilot.press("enter")
        await walk.look(pilot, "drop-down open")
        await pilot.press("escape")
        # their toasts (F3 four times: the preview is back in the policy's language)
        for key in ("f3", "f3", "f3", "f3", "f5", "f9", "ctrl+c"):
            await pilot.press(key)
        await walk.look(pilot, "toasts")
        date = editor.form.query_one(DateInput).query_one(Input)
        date.focus()
        await pilot.press("end", "shift+home", *"2026-13-01", "ctrl+s")  # a field that cannot be saved
        await walk.look(pilot, "unsaved input")
        await pilot.press("escape")
        draft = DraftInfo("x", policy, datetime.now(timezone.utc), "Naslov", "Tvrtka", lang, 1, tmp_path / "x",
                          unsaved=({"path": ["effective_date"], "text": "2026-13-01"},))
        for where, screen in (
            ("save as", SaveAsScreen(policy)),
            ("conflict", ConflictScreen(policy)),
            ("conflict, file gone", ConflictScreen(policy, gone=True)),
            ("open elsewhere", OpenElsewhereScreen(policy, 2)),
            ("recover", RecoverDraftScreen(draft, ["title", "standards", "revisions"], 1, 2)),
            ("save failed", SaveFailedScreen("—")),
            ("revision note", RevisionNoteScreen("Ana", "—")),
            ("open a file", PathScreen("—")),
            ("file problems", FileProblemsScreen(policy, ["policy.yaml:3: —"])),
        ):
            await look_at_dialog(pilot, walk, screen, where)
        await pilot.press("ctrl+a", "ctrl+k", *"2026-12-01", "ctrl+s")  # saving: its toast
        await walk.look(pilot, "saved")
    assert not walk.found, "English on screen:\n" + walk.report()
