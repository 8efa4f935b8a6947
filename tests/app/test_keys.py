"""Keys, the command palette and the footer as a user meets them: real key presses, what the
terminal really sends, and what the screen shows in each UI language."""

from __future__ import annotations

import pytest
from textual._xterm_parser import XTermParser
from textual.command import CommandInput, CommandList
from textual.widgets import Footer, Input, Static, TextArea
from textual.widgets._footer import FooterKey

from tests.app.conftest import first_command, open_palette, opened, run_command, settle, wait_for
from wizard.app.app import PolicyWizardApp
from wizard.app.screens.editor import EditorScreen
from wizard.app.ui import STEP_KEYS
from wizard.app.widgets.guidance import GuidancePanel
from wizard.app.widgets.preview import Preview
from wizard.app.widgets.sidebar import StepList
from wizard.i18n import set_ui_language

UI_LANGUAGES = ("en", "hr", "zh", "tr")

# What tmux, xterm and GNOME Terminal send for the keys the editor uses.
TERMINAL_BYTES = {
    "\x1b[18~": "f7",
    "\x1b[19~": "f8",
    "\x1bOP": "f1",
    "\x1bOQ": "f2",
    "\x1bOR": "f3",
    "\x1bOS": "f4",
    "\x1b[17~": "f6",
    "\x1b[20~": "f9",
    "\x1bn": "alt+n",
    "\x1bp": "alt+p",
    "\x1bg": "alt+g",
    "\x13": "ctrl+s",
    "\x07": "ctrl+g",
    "\x0f": "ctrl+o",
}


def terminal_key(sequence: str) -> str:
    """The key Textual's terminal parser makes of the bytes a terminal sends."""
    parser = XTermParser()
    events = [*parser.feed(sequence), *parser.feed("")]
    assert len(events) == 1, events
    return events[0].key


def editor_keys() -> set[str]:
    return {binding.key for _key, binding in EditorScreen._merged_bindings}


def screen_lines(app) -> list[str]:
    """The text of every row of the screen, as the terminal shows it."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def test_every_bound_key_is_what_terminals_send():
    bound = editor_keys()
    for sequence, key in TERMINAL_BYTES.items():
        assert terminal_key(sequence) == key
        assert key in bound, key
    # alt+b arrives as ctrl+left (a word to the left in a field): it must not be Back
    assert terminal_key("\x1bb") == "ctrl+left"
    assert "alt+b" not in bound and "ctrl+left" not in bound


@pytest.mark.parametrize("step, kind", [("standards", Input), ("purpose", TextArea)])
async def test_every_editor_key_works_inside_a_focused_field(step, kind):
    """A key the field consumes never reaches the screen: each key is pressed with a one-line
    and a prose field focused, and does what the footer and the keys screen say."""
    from wizard.app.screens.dialogs import PathScreen
    from wizard.app.screens.save_as import SaveAsScreen

    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        editor = app.editor

        async def in_field() -> None:
            await editor.go_to(step)
            await settle(pilot)
            if not isinstance(app.focused, kind):
                editor.form.query(kind).first().focus()
                await pilot.pause()
            assert isinstance(app.focused, kind)

        index = STEP_KEYS.index(step)
        for keys, moved_to in ((("f8", "alt+n"), STEP_KEYS[index + 1]), (("f7", "alt+p"), STEP_KEYS[index - 1])):
            for key in keys:
                await in_field()
                await pilot.press(key)
                await settle(pilot)
                assert editor.step == moved_to, key
        await in_field()
        for key in ("f6", "ctrl+g"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.focused, StepList), key
            await in_field()
        panel = editor.query_one(GuidancePanel)
        for key in ("f1", "alt+g"):
            before = panel.expanded
            await pilot.press(key)
            assert panel.expanded != before, key
        preview = editor.query_one(Preview)
        before = preview.display
        await pilot.press("f2")
        assert preview.display != before
        before = preview.lang
        await pilot.press("f3")
        assert preview.lang != before
        await pilot.press("f4")
        await settle(pilot)
        assert editor.edit_lang != "en"
        for _ in range(3):
            await pilot.press("f4")
            await settle(pilot)
        assert editor.edit_lang == "en"
        await in_field()
        await pilot.press("ctrl+o")  # nothing unsaved yet: asks for a file to open
        await opened(pilot, PathScreen)
        await pilot.press("escape")
        await pilot.pause(0.2)
        await in_field()
        await pilot.press("ctrl+s")  # a new policy: asks where to save it
        await opened(pilot, SaveAsScreen)
        await pilot.press("escape")
        await pilot.pause(0.2)
        await in_field()
        await open_palette(pilot)
        await pilot.press("escape")
        await pilot.pause(0.2)
        await in_field()
        await pilot.press("ctrl+q")  # nothing changed: leaves without asking
        await pilot.pause(0.3)
    assert app.return_code == 0


# ---------------------------------------------------------------------- the palette


PALETTE_WORDS = {
    # placeholder, no matches, a command, the keys command
    "en": ("Search for commands…", "No command matches what you typed.", "Go to: Values", "Keys"),
    "hr": ("Pretražite naredbe…", "Nijedna naredba ne odgovara upisanom tekstu.", "Idi na: Vrijednosti", "Tipkovnički prečaci"),
    "zh": ("搜索命令……", "没有与输入内容匹配的命令。", "转到：核心价值观", "快捷键"),
    "tr": ("Komut arayın…", "Yazdığınızla eşleşen bir komut yok.", "Şu adıma git: Değerlerimiz", "Kısayol tuşları"),
}


def palette_text(app) -> str:
    """Every option of the open palette as plain text (title and help)."""
    import io

    from rich.console import Console

    console = Console(width=200, record=True, file=io.StringIO())
    options = app.screen.query_one(CommandList)
    for index in range(options.option_count):
        console.print(options.get_option_at_index(index).prompt)
    return console.export_text()


@pytest.mark.parametrize("lang", UI_LANGUAGES)
async def test_the_palette_speaks_the_ui_language(lang):
    from wizard.app.ui import step_title

    set_ui_language(lang)
    placeholder, no_matches, go_to_values, keys = PALETTE_WORDS[lang]
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_palette(pilot)
        assert await wait_for(pilot, lambda: first_command(app) != "")  # it lists its commands
        assert app.screen.query_one(CommandInput).placeholder == placeholder
        text = palette_text(app)
        for step in ("basics", "values", "review"):
            assert step_title(step) in text
        assert go_to_values in text
        for english in ("Search for commands", "Theme\n", "Screenshot", "Maximize"):
            assert english not in text or lang == "en" and english == "Theme\n"
        await pilot.press(*"qqxzqq")
        await pilot.pause(1.0)
        assert any(no_matches in line for line in screen_lines(app))
        assert not any("No matches found" in line for line in screen_lines(app))
        await pilot.press("escape")
        await pilot.pause(0.2)


async def test_the_palette_offers_what_the_issue_lists():
    """Go to every step, save, export, preview language, UI language, theme."""
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await open_palette(pilot)
        assert await wait_for(pilot, lambda: first_command(app) != "")
        text = palette_text(app)
        from wizard.app.ui import STEP_KEYS, step_title

        for step in STEP_KEYS:
            assert f"Go to: {step_title(step)}" in text
        for command in ("Save\n", "Save as…", "Export: Markdown (.md)", "Export: Word document (.docx)",
                        "Preview language: Croatian", "App language: Turkish", "Theme: light", "Theme: dark", "Keys"):
            assert command in text, command


@pytest.mark.parametrize("lang", ["hr", "zh"])
async def test_the_keys_screen_lists_the_real_keys_in_the_ui_language(lang):
    from wizard.app.screens.keys import KeysScreen

    set_ui_language(lang)
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await run_command(pilot, PALETTE_WORDS[lang][3])
        await opened(pilot, KeysScreen)
        shown = "\n".join(screen_lines(app))
        assert "F7 / Alt+P" in shown and "F8 / Alt+N" in shown and "F6 / Ctrl+G" in shown
        expected = {"hr": "Sljedeći korak (odgovori ostaju sačuvani)", "zh": "下一步（已填写的内容会保留）"}[lang]
        assert expected in shown
        for english in ("Focus Next", "Copy selected text", "Show help for the focused widget"):
            assert english not in shown
        await pilot.press("escape")
        await opened(pilot, EditorScreen)


@pytest.mark.parametrize("lang", ["hr", "tr"])
async def test_ctrl_c_says_how_to_quit_in_the_ui_language(lang):
    set_ui_language(lang)
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.editor.query_one(StepList).focus()  # not in a field, where ctrl+c copies
        await pilot.press("ctrl+c")
        await pilot.pause(0.3)
        told = [(note.title, note.message) for note in app._notifications]  # the toast's text
        expected = {"hr": ("Želite li izaći?", "Za izlaz pritisnite Ctrl+Q."),
                    "tr": ("Çıkmak istiyor musunuz?", "Çıkmak için Ctrl+Q tuşlarına basın.")}[lang]
        assert told == [expected]


# ---------------------------------------------------------------------- 80 columns


@pytest.mark.parametrize("width, height", [(80, 24), (100, 30)])
@pytest.mark.parametrize("lang", UI_LANGUAGES)
async def test_footer_and_hint_fit_80_columns(lang, width, height):
    """Compact below 100 columns, roomy from there: every key whole either way."""
    from rich.cells import cell_len

    set_ui_language(lang)
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(width, height)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(Footer)
        keys = list(footer.query(FooterKey))
        shown = {key.key for key in keys}
        assert {"ctrl+s", "f7", "f8", "f1", "f9", "ctrl+q", "ctrl+p"} <= shown
        right = 0
        for key in sorted(keys, key=lambda key: key.region.x):
            text = f"{key.key_display} {key.description}"
            assert key.region.x >= right, text  # no key under another
            assert key.region.right <= width, text
            assert key.region.width >= cell_len(text), text  # nothing cut off
            right = key.region.right
        footer_row = screen_lines(app)[-1]
        for key in keys:
            assert key.description in footer_row
        # the hint between Back and Next is whole (wrapped if need be), not cut off
        hint = app.screen.query_one("#nav-hint", Static)
        assert hint_shown(app, hint) == hint.text
        # with the preview beside the form the column narrows: the whole hint on at most
        # two lines, or no hint, never one broken inside its words
        await pilot.press("f2")
        await settle(pilot)
        assert hint_shown(app, hint) in (hint.text, "")


def hint_shown(app, hint) -> str:
    """The words of the hint as the screen shows them, its lines joined again."""
    strips = app.screen._compositor.render_strips()[hint.region.y:hint.region.bottom]
    lines = [strip.crop(hint.region.x, hint.region.right).text.strip() for strip in strips]
    joiner = "" if any(ord(char) > 0x2E80 for char in hint.text) else " "
    return joiner.join(line for line in lines if line)


async def test_the_footer_keeps_its_order_in_a_prose_field():
    """A TextArea binds F7 itself; the footer still reads Save, Back, Next… in every field."""
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        orders = []
        for step in ("basics", "mission"):  # a one-line field, then a prose field
            await app.editor.go_to(step)
            await settle(pilot)
            keys = sorted(app.screen.query_one(Footer).query(FooterKey), key=lambda key: key.region.x)
            orders.append([key.key for key in keys])
        assert isinstance(app.focused, TextArea)
        assert orders[0] == orders[1]
        assert orders[0][:3] == ["ctrl+s", "f7", "f8"]


async def test_the_welcome_palette_starts_or_opens_a_policy(workdir):
    from wizard.app.screens.dialogs import PathScreen

    set_ui_language("hr")
    app = PolicyWizardApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_palette(pilot)
        assert await wait_for(pilot, lambda: first_command(app) != "")
        text = palette_text(app)
        assert "Nova politika" in text and "Otvori datoteku" in text
        await pilot.press(*"Otvori datoteku", "enter")
        await opened(pilot, PathScreen)
        await pilot.press("escape")
        await pilot.pause(0.2)
        await open_palette(pilot)
        await pilot.press(*"Nova politika", "enter")
        await opened(pilot, EditorScreen)


@pytest.mark.parametrize("path, kind", [(("values", 0, "name"), Input), (("values", 0, "description"), TextArea)])
async def test_list_keys_work_inside_a_focused_field(path, kind):
    """The list keys the form and README show (ctrl+t, alt+↑/↓, ctrl+r, ctrl+z) from inside a
    one-line and a prose field of a list item."""
    from wizard.app.widgets.list_editor import ListRow

    data = {"language": "en", "title": "T", "values": [
        {"name": "Honesty", "description": "We tell the truth."}, {"name": "Care", "description": "We listen."}]}
    app = PolicyWizardApp("new", lang="en", data=data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        editor = app.editor
        await editor.go_to("values")
        await settle(pilot)

        def names() -> list:
            return [value.get("name") for value in editor.data["values"]]

        def rows() -> int:
            return len(editor.form.query(ListRow))

        editor.form.focus_path(path)
        await pilot.pause()
        assert isinstance(app.focused, kind)
        await pilot.press("alt+down")
        await settle(pilot)
        assert names() == ["Care", "Honesty"]
        assert isinstance(app.focused, kind)  # still in the moved item
        await pilot.press("alt+up")
        await settle(pilot)
        assert names() == ["Honesty", "Care"]
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert rows() == 3
        await pilot.press("ctrl+r")  # the new, blank item
        await settle(pilot)
        assert rows() == 2
        editor.form.focus_path(path)
        await pilot.pause()
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert names() == ["Care"]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert names() == ["Honesty", "Care"]


@pytest.mark.parametrize("lang, words", [("en", "Dismiss menu"), ("hr", "Zatvori izbornik"), ("tr", "Menüyü kapat")])
async def test_an_open_drop_down_names_its_escape_key_in_the_ui_language(lang, words):
    set_ui_language(lang)
    app = PolicyWizardApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("shift+tab", "shift+tab", "enter")  # the preset drop-down, opened
        await settle(pilot)
        assert words in screen_lines(app)[-1]
        await pilot.press("escape")
        await settle(pilot)
        assert words not in screen_lines(app)[-1]


async def test_arrows_and_enter_still_choose_in_an_open_drop_down():
    """Translating the drop-down's key must keep the keys it inherits (up, down, enter)."""
    set_ui_language("hr")
    app = PolicyWizardApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("shift+tab", "shift+tab", "enter", "down", "enter")
        await settle(pilot)
        assert app.screen.query_one("#preset").value == "shop"


@pytest.mark.parametrize("lang", UI_LANGUAGES)
async def test_every_row_of_the_keys_screen_reads_whole_at_80x24_and_the_last_is_in_reach(lang):
    from textual.geometry import Region

    from wizard.app.screens.keys import KeysScreen

    set_ui_language(lang)
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.action_show_keys()
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, KeysScreen)
        shown = ""
        for table in screen.query(".keys-table"):
            assert table.region.right <= 80
            lines = table.render_lines(Region(0, 0, *table.outer_size))
            shown += "".join("".join(strip.text.split()) for strip in lines)
        rows = [row for _title, section in screen.sections for row in section]
        for keys, text in rows:  # each row whole: its keys, and its text (wrapped lines joined)
            assert "".join(keys.split()) + "".join(text.split()) in shown, (keys, text)
        await pilot.press("end")  # the list has the focus: the last row comes into view
        await settle(pilot)
        last_keys, last_text = rows[-1]
        visible = screen_lines(app)
        close = screen.query_one("#close").region
        [row] = [y for y, line in enumerate(visible) if last_keys in line]
        assert row < close.y
        assert "".join(last_text.split())[-3:] in "".join("".join(visible[row:close.y]).split())


async def test_back_on_the_first_step_and_next_on_the_last_are_shown_dimmed():
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)

        def disabled() -> set[str]:
            return {key.key for key in app.screen.query_one(Footer).query(FooterKey) if key.has_class("-disabled")}

        assert disabled() == {"f7"}
        await pilot.press("f8")
        await settle(pilot)
        assert disabled() == set()
        await app.editor.go_to("review")
        await settle(pilot)
        assert disabled() == {"f8"}
        await pilot.press("f8")  # does nothing
        await settle(pilot)
        assert app.editor.step == "review"

        def footer_key(name: str) -> FooterKey:
            return next(key for key in app.screen.query_one(Footer).query(FooterKey) if key.key == name)

        # the keys dimmed and lit again in place act as they look, by the mouse too
        await pilot.click(footer_key("f8"))
        await settle(pilot)
        assert app.editor.step == "review"
        await pilot.click(footer_key("f7"))
        await settle(pilot)
        assert app.editor.step != "review" and disabled() == set()
        await pilot.click(footer_key("f8"))
        await settle(pilot)
        assert app.editor.step == "review" and disabled() == {"f8"}


def terminal_strips(app) -> list:
    """Every row as the terminal shows it: under a dialog, the screen below it too."""
    from textual._context import visible_screen_stack

    visible_screen_stack.set(app._background_screens)
    return app.screen._compositor.render_strips()


def terminal_lines(app) -> list[str]:
    return [strip.text for strip in terminal_strips(app)]


@pytest.mark.parametrize("width, height", [(80, 24), (60, 20)])
@pytest.mark.parametrize("lang", UI_LANGUAGES)
async def test_the_footer_shows_how_to_quit_on_every_screen(lang, width, height):
    """The welcome screen (with its drop-down open too), a dialog over it, each step of the
    editor, a drop-down there and its dialogs: the last row always shows the quit key."""
    from textual.widgets import Select

    from wizard.app.screens.dialogs import PathScreen, QuitScreen
    from wizard.app.screens.keys import KeysScreen
    from wizard.app.ui import _

    set_ui_language(lang)
    quit_key = f"^q {_('Quit')}"
    app = PolicyWizardApp()

    def footer_row(where: str) -> None:
        row = terminal_lines(app)[-1]
        assert quit_key in row, f"{where}: {row!r}"

    async with app.run_test(size=(width, height)) as pilot:
        await settle(pilot)
        footer_row("welcome")
        await pilot.click("#preset")  # the drop-down open: its "esc" key joins the footer
        await pilot.pause(0.3)
        footer_row("welcome, drop-down open")
        await pilot.press("escape")
        await run_command(pilot, _("Keys"))
        await opened(pilot, KeysScreen)
        footer_row("welcome, keys dialog")
        await pilot.press("escape")
        await pilot.press("ctrl+n")
        editor = await opened(pilot)
        for number in range(1, len(STEP_KEYS) + 1):
            footer_row(f"step {number}")
            await pilot.press("f8")
            await settle(pilot)
        await editor.go_to("standards")
        await settle(pilot)
        adder = editor.form.query_one("#service-levels").query_one(".list-add-choice", Select)
        adder.scroll_visible(animate=False, top=False)
        editor.set_focus(adder)
        await pilot.press("enter")  # its list of channels
        await pilot.pause(0.3)
        footer_row("editor, drop-down open")
        await pilot.press("escape")
        await pilot.press("ctrl+o")
        await opened(pilot, PathScreen)
        footer_row("editor, open dialog")
        await pilot.press("escape")
        await editor.go_to("basics")
        await settle(pilot)
        await pilot.press(*"Acme", "ctrl+q")
        await opened(pilot, QuitScreen)
        footer_row("editor, quit dialog")


@pytest.mark.parametrize("width, height", [(120, 36), (80, 24)])
@pytest.mark.parametrize("lang", UI_LANGUAGES)
async def test_every_step_name_has_room_before_the_step_lists_border(lang, width, height):
    """The current step's mark and name ("» Kontrol ve dışa aktarma") end at least a cell
    before the border, or are cut with an ellipsis: never touching it."""
    set_ui_language(lang)
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(width, height)) as pilot:
        await settle(pilot)
        steps = app.editor.query_one(StepList)
        await pilot.press("f6", "end", "enter")  # the last step, the review, is the current one
        await settle(pilot)
        assert steps.current == STEP_KEYS[-1]
        strips = terminal_strips(app)[steps.region.y:steps.region.y + len(STEP_KEYS)]
        for strip in strips:
            name = strip.crop(steps.region.x, steps.region.right - 1).text  # up to the border
            assert name[:1] in "✓!✗○»", f"{name!r}: a name on two lines"
            assert name.endswith(" ") or name.rstrip().endswith("…"), f"{name!r}|"
