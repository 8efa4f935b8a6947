"""Keys typed the moment the app starts, before its first screen is ready, are kept: each one
reaches the field that gets the focus, in order (a manager who starts the tool and types at
once, or pastes). Measured in tmux: the terminal driver reads such keys about 0.2 s after the
start, before the app's first screen exists; `policy-wizard edit FILE` then showed Textual's
blank default screen while the file was read, and every key went to it and was lost."""

from __future__ import annotations

import os
import select
import shutil
from pathlib import Path

import pytest

from tests.app.conftest import burst, opened, settle, wait_until
from wizard.app.app import PolicyWizardApp

TITLE = "Customer Service Policy"  # the example's title
DOCUMENTS = Path(__file__).parents[1] / "importer" / "documents"


class TypedAtOnce(PolicyWizardApp):
    """The app with keys that were typed before it started: posted to it as the terminal
    driver posts them, when nothing of the app is on screen yet."""

    def __init__(self, *args, keys: tuple[str, ...] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.early_keys = keys

    def on_load(self) -> None:
        burst(self, *self.early_keys)


async def test_keys_typed_before_the_file_is_read_go_into_the_first_field(policy):
    app = TypedAtOnce("edit", policy, keys=(*" v2", "left", "left", *"2026"))
    async with app.run_test(size=(120, 36)) as pilot:
        await opened(pilot)
        await settle(pilot)
        assert app.editor.data["title"] == f"{TITLE} 2026v2"


async def test_keys_typed_while_the_editor_opens_go_into_the_first_field(policy):
    """Typed a moment later: the app runs, but the file is still being read."""
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.editor is None  # what the keys meet: nothing is shown yet
        burst(app, *" (draft)")
        await opened(pilot)
        await settle(pilot)
        assert app.editor.data["title"] == f"{TITLE} (draft)"


async def test_keys_typed_before_a_new_policy_opens_go_into_its_title():
    app = TypedAtOnce("new", lang="en", keys=tuple("Acme policy"))
    async with app.run_test(size=(120, 36)) as pilot:
        await opened(pilot)
        await settle(pilot)
        assert app.editor.data.get("title") == "Acme policy"


async def test_enter_and_a_title_typed_before_the_welcome_screen_shows_start_a_policy():
    app = TypedAtOnce(keys=("enter", *"Acme policy"))
    async with app.run_test(size=(120, 36)) as pilot:
        assert await wait_until(lambda: app.editor is not None and app.editor.data.get("title") == "Acme policy")
        await settle(pilot)
        assert app.editor.data.get("title") == "Acme policy"


async def test_a_path_typed_before_the_welcome_screen_shows_opens_the_file(policy):
    """Ctrl+O, the path, Enter and more typing: the file opens, and what was typed while it
    was read goes into the editor's first field (it went into the welcome screen's path
    field, which the editor then replaced)."""
    app = TypedAtOnce(keys=("ctrl+o", *str(policy), "enter", *" v2"))
    async with app.run_test(size=(120, 36)) as pilot:
        editor = await opened(pilot)
        await settle(pilot)
        assert editor.path == policy
        assert editor.data["title"] == f"{TITLE} v2"


async def test_typing_while_a_file_opens_from_the_welcome_screen_goes_into_the_editor(policy):
    app = PolicyWizardApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        burst(app, "ctrl+o", *str(policy), "enter", *" v2", "enter", *"Acme")
        editor = await opened(pilot)
        await settle(pilot)
        assert editor.data["title"] == f"{TITLE} v2"
        assert editor.data["company"] == "Northwind Goods Ltd.Acme"  # Enter went on to the next field


async def test_typing_while_a_document_is_imported_goes_into_the_editor(tmp_path):
    source = tmp_path / "harbour.md"
    shutil.copy(DOCUMENTS / "harbour-books-en.md", source)
    app = PolicyWizardApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        burst(app, "ctrl+l", *str(source), "enter", *" 2027")
        editor = await opened(pilot)
        await settle(pilot)
        assert editor.data["title"] == "Harbour Books – Customer Care Policy 2027"


@pytest.mark.parametrize("width", [80, 120])
async def test_a_quit_typed_at_once_comes_after_the_letters_before_it(policy, width):
    """Ctrl+Q is handed out in its turn, after the letters: it asks whether to save them."""
    from wizard.app.screens.dialogs import QuitScreen

    app = TypedAtOnce("edit", policy, keys=(*"!", "ctrl+q"))
    async with app.run_test(size=(width, 30)) as pilot:
        assert await wait_until(lambda: isinstance(app.screen, QuitScreen))
        assert app.editor.data["title"] == f"{TITLE}!"



async def test_the_editor_gives_the_focus_to_its_first_field_only(policy, monkeypatch):
    """Nothing else has the focus on the way (Textual's auto focus gave it to the step list
    first): a key handed out meanwhile would go there, and the focus moved twice."""
    from textual.screen import Screen

    from wizard.app.screens.editor import EditorScreen
    from wizard.app.widgets.field import FieldInput

    given = []
    set_focus = Screen.set_focus

    def noting(screen, widget, *args, **kwargs):
        if isinstance(screen, EditorScreen) and widget is not None:
            given.append(type(widget).__name__)
        return set_focus(screen, widget, *args, **kwargs)

    monkeypatch.setattr(Screen, "set_focus", noting)
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        await opened(pilot)
        await settle(pilot)
        assert isinstance(app.focused, FieldInput)
        assert given == ["FieldInput"]


def terminal_with_typed_ahead(typed: bytes) -> tuple[int, int]:
    """A terminal (a pseudo-terminal's two ends: the terminal's, the app's) in the shell's
    line mode, as the app finds it when it starts, with `typed` typed into it. Returned once
    the terminal has taken in every key (it echoes them back)."""
    import termios

    terminal, app_end = os.openpty()
    assert termios.tcgetattr(app_end)[3] & termios.ICANON  # line mode, as a shell leaves it
    os.write(terminal, typed)
    echoed = b""
    while len(echoed.replace(b"\r\n", b"\n")) < len(typed):
        assert select.select([terminal], [], [], 5)[0], f"the terminal echoed only {echoed!r}"
        echoed += os.read(terminal, 1024)
    return terminal, app_end


def test_keys_waiting_in_the_terminal_are_read_as_typed():
    """In line mode the terminal stores Enter as a line feed (Textual would read Ctrl+J, which
    nothing takes); read ahead, it is Enter again. The terminal's settings are left as they
    were (Textual's driver saves them, to restore them when the app ends)."""
    import termios

    from wizard.app.typeahead import keys_typed_ahead

    terminal, app_end = terminal_with_typed_ahead(b"Acme\rpolicy \xc5\xa1")
    try:
        settings = termios.tcgetattr(app_end)
        keys = keys_typed_ahead(app_end)
        assert [key.key for key in keys] == [*"Acme", "enter", *"policy", "space", "š"]
        assert termios.tcgetattr(app_end) == settings
        assert keys_typed_ahead(app_end) == []  # read once
    finally:
        os.close(terminal)
        os.close(app_end)


async def test_enter_typed_before_the_app_set_the_terminal_up_starts_a_policy():
    """Enter and a title typed while `policy-wizard` was still starting, in the shell's line
    mode: Enter starts a new policy, the title goes into its first field."""
    terminal, app_end = terminal_with_typed_ahead(b"\rAcme policy")
    try:
        app = PolicyWizardApp()
        app.typed_ahead_from = app_end
        async with app.run_test(size=(120, 36)) as pilot:
            assert await wait_until(lambda: app.editor is not None and app.editor.data.get("title") == "Acme policy")
            await settle(pilot)
            assert app.editor.data.get("title") == "Acme policy"
    finally:
        os.close(terminal)
        os.close(app_end)
