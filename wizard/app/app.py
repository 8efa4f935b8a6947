"""The Policy Wizard app and its entry point `run_app`.

Importing this module stays light: the screens, the core (spec, render, check) and
the storage are imported in the actions that need them, after the first frame.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any
from textual import events
from textual.app import App
from textual.binding import Binding
from textual.reactive import Reactive

from wizard.app.forms_ahead import restyled_now
from wizard.app.memory import QuietCollector, spare_long_lived_objects
from wizard.app.catch_up import OPENING_SECONDS, catch_up_with_screen, catch_up_with_typing
from wizard.app.ui import N_, _, language_name, ngettext, translate_bindings, translate_textual_keys
from wizard.app.textual_fixes import install_textual_fixes
from wizard.app.themes import DARK_ANSI, LIGHT_ANSI, readable_light_theme
from wizard.i18n import set_ui_language, ui_language
from wizard.settings import load_settings, save_settings  # noqa: F401 (the screens import them from here)
from wizard.spec.model import LANGUAGES

if TYPE_CHECKING:
    import asyncio

    from textual.worker import Worker

THEMES = {"dark": "textual-dark", "light": "textual-light"}
STYLES = Path(__file__).resolve().parent / "styles"
TOAST_WIDTH, TOAST_FRAME = 60, 4  # Textual's toast: its width, and its border, padding and margin


# ---------------------------------------------------------------------- command palette


def wizard_commands():
    """The command palette's provider, imported when the palette first opens."""
    from wizard.app.commands import WizardCommands

    return WizardCommands


# ---------------------------------------------------------------------- the app


class PolicyWizardApp(App):
    """Write a customer service policy step by step."""

    # What every screen shares and the welcome screen; the editor and the dialogs bring
    # their own stylesheets (CSS_PATH), parsed when first shown, not at start-up.
    CSS_PATH = [STYLES / "app.tcss"]
    TITLE = "Policy Wizard"
    COMMANDS = {wizard_commands}
    BINDINGS = [
        Binding("ctrl+q", "quit", N_("Quit"), priority=True, id="quit",
                tooltip=N_("Leave the app (asks first when there are unsaved changes)")),
        Binding("ctrl+p", "command_palette", N_("Commands"), show=False, priority=True, id="commands",
                tooltip=N_("Search every command: go to a step, save, export, languages, theme")),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]
    # The readable ANSI palettes from the start: set in `on_mount`, each made Textual parse
    # every stylesheet again and restyle the app (and forget the parsed stylesheets, so
    # that the next widget with CSS of its own had them all parsed a third time).
    ansi_theme_dark = Reactive(DARK_ANSI, init=False)
    ansi_theme_light = Reactive(LIGHT_ANSI, init=False)

    def __init__(
        self,
        mode: str | None = None,
        path: Path | str | None = None,
        *,
        data: dict | None = None,
        preset: str | None = None,
        lang: str | None = None,
        theme: str | None = None,
    ) -> None:
        super().__init__()
        translate_bindings(self)
        translate_textual_keys()
        install_textual_fixes()
        self.mode = mode
        self.start_data = data
        self.start_path = Path(path) if path is not None else None
        self.preset = preset
        self.doc_lang = lang
        settings = load_settings()
        self.theme_choice = theme or settings.get("theme", "dark")
        if self.theme_choice not in THEMES:
            self.theme_choice = "dark"
        self._key_in_hand = False
        self._keys_waiting: list[events.Key] = []
        # Keys held until the screen in front can take them (see `_hold_keys`): since when,
        # the task that waits, and what it waits for when no screen of the app is shown yet.
        self._holding_since: float | None = None
        self._holding: Worker | None = None
        self._screen_changed: asyncio.Event | None = None
        # A screen is on its way (a file being read for the editor): the keys typed meanwhile
        # are held for it, not given to the screen it will replace (see `_expect_screen`).
        self._screen_expected = False
        self._first_screen_shown = False
        self._collector = QuietCollector(lambda: self._registry)
        # When the user last typed or clicked: work that can wait (see wizard.app.forms_ahead)
        # waits for a pause.
        self.last_user_action = 0.0
        # The terminal to read the keys typed before the app started from (see
        # `wizard.app.typeahead`): standard input when `run_app` runs the app in a terminal.
        self.typed_ahead_from: int | None = None

    def delay_update(self, delay: float = 0.05) -> None:
        """Textual's command palette holds the screen back for `delay` once a command is
        chosen, so that the palette closing and what the command shows are drawn as one.
        Most commands here are done well before (a step built ahead is shown in about
        15 ms), and the hold was a third of going to a step from the palette: it ends as
        soon as the command chosen has run (it is queued right after this call), or after
        `delay` at the latest (a command that waits for a dialog)."""
        self._begin_batch()
        ended = False

        def end() -> None:
            nonlocal ended
            if not ended:
                ended = True
                self._end_batch()
                if not self._batch_count:
                    self.screen.refresh()

        self.set_timer(delay, end, name="delay_update")
        self.call_later(self.call_later, end)  # queued after the command

    def on_load(self) -> None:
        """Just before Textual's driver takes the terminal: the keys typed so far, posted
        first, as typed (the terminal's line mode turned Enter into Ctrl+J)."""
        if self.typed_ahead_from is not None:
            from wizard.app.typeahead import keys_typed_ahead

            for key in keys_typed_ahead(self.typed_ahead_from):
                key.set_sender(self)
                self.post_message(key)

    def on_mount(self) -> None:
        self.screen_change_signal.subscribe(self, self._note_screen_change, immediate=True)
        self.register_theme(readable_light_theme())
        self.theme = THEMES[self.theme_choice]
        self.title = _("Policy Wizard")
        if self.mode == "edit" and self.start_path is not None:
            self.open_path(self.start_path, from_command_line=True)
        elif self.mode == "new":
            self.start_new(preset=self.preset, lang=self.doc_lang, path=self.start_path, data=self.start_data)
        else:
            self.show_welcome()

    def on_unmount(self) -> None:
        """A hold on Python's collector ends with the app (see wizard.app.memory): the start's,
        if the first screen never came, or a switch's, if the app ended before its frame."""
        gc.enable()

    def update_styles(self, node, animate: bool = True) -> None:
        """Restyle only what is mounted. Textual restyles a widget whenever a class of it
        changes, also while it is being built (an Input's `compact` sets a class in its
        constructor): that styled every field of a new form twice, and was a third of the
        time a long form took to mount. A widget not mounted yet is styled when it is.
        Nor the forms built ahead, hidden, until they are shown (`restyled_now`): with
        them, restyling the editor (on every return from the palette or a dialog) took
        50 ms instead of 6 on the 30 KB policy."""
        from textual.screen import Screen
        from textual.widget import Widget

        if isinstance(node, Widget) and not isinstance(node, Screen) and not self.is_mounted(node):
            return
        if isinstance(node, App):
            super().update_styles(node, animate=animate)
        else:
            self.stylesheet.update_nodes(restyled_now(node), animate=animate)

    def format_title(self, title: str, sub_title: str):
        """The header's "title — state": the state in italics, not dimmed (Textual dims it
        to 4.4:1 in the light theme, below what can be read comfortably)."""
        from textual.content import Content

        if not sub_title:
            return Content(title)
        return Content.assemble(Content(title), (" — ", "italic"), Content(sub_title).stylize("italic"))

    def notify(self, message: str, **options: Any):
        """A toast whose Chinese lines are broken as the rest of the app breaks them (Textual
        cut them anywhere, drew "中文（    ）" with blanks and began lines with "。")."""
        from wizard.app.widgets.bullets import with_line_breaks

        # Textual's toast: 60 cells, at most half the screen, less its border and padding
        width = min(TOAST_WIDTH, self.size.width // 2) - TOAST_FRAME
        return super().notify(with_line_breaks(message, width), **options)

    # ------------------------------------------------------------------ screens

    @property
    def editor(self):
        from wizard.app.screens.editor import EditorScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, EditorScreen):
                return screen
        return None

    def show_welcome(self) -> None:
        from wizard.app.screens.welcome import WelcomeScreen

        screen = WelcomeScreen(lang=self.doc_lang)
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def _show_editor(self, screen) -> None:
        self._read_stylesheets(screen)
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def _read_stylesheets(self, screen) -> None:
        """Read the stylesheets a screen brings (its CSS_PATH) before it is shown. Left to
        Textual, showing it parses every stylesheet of the app again from scratch, widgets'
        included (25 ms of the editor's start); read here, only the new files are parsed.
        What is on screen already is restyled with them, as Textual does."""
        sheet = self.stylesheet
        new = [path for path in screen.css_path if not sheet.has_source(str(path))]
        for path in new:
            sheet.read(path)
        if new:
            sheet.update(self)

    def start_new(self, preset: str | None = None, lang: str | None = None, path: Path | None = None, data: dict | None = None) -> None:
        from wizard.app import core
        from wizard.app.screens.editor import EditorScreen

        lang = lang if lang in LANGUAGES else ui_language()
        if path is not None and path.exists():
            self.notify(_("%(path)s already exists: it is opened for editing.") % {"path": path}, markup=False)
            self.open_path(path, from_command_line=True)
            return
        if data is not None:
            data = dict(data)
        elif preset:
            try:
                data = core.preset_data(preset, lang)
            except Exception:
                self.notify(_("There is no preset called “%(name)s”.") % {"name": preset}, severity="error", markup=False)
                data = core.blank_spec(lang)
        else:
            data = core.blank_spec(lang)
        self._show_editor(EditorScreen(data, path, dirty=bool(preset) or len(data) > 2))

    def import_document(self, source: Path) -> None:
        """Read a document into a new policy and open it; the file is written on the first save.
        A second Enter while the first import runs is the same request, not a new one."""
        if any(worker.group == "import" and worker.is_running for worker in self.workers):
            return
        self._expect_screen()
        self.run_worker(self._expecting_screen(self._import_flow(source)), group="import")

    async def _import_flow(self, source: Path) -> None:
        import asyncio

        from wizard.app.screens.editor import EditorScreen
        from wizard.importer import ImportProblem, import_file

        try:
            imported = await asyncio.to_thread(import_file, source)
        except ImportProblem as problem:
            self.notify(f"{source}: {problem}", severity="error", markup=False, timeout=10)
            return
        target = source.with_suffix(".yaml")
        self.notify(ngettext(
            "Imported %(source)s: %(count)d part needs a look (see the review step).",
            "Imported %(source)s: %(count)d parts need a look (see the review step).",
            len(imported.unplaced)) % {"source": source.name, "count": len(imported.unplaced)}
            if imported.unplaced else _("Imported %(source)s: every part found its step.") % {"source": source.name},
            markup=False)
        # an existing file of that name is never replaced: the first save asks where to write
        self._show_editor(EditorScreen(imported.spec, None if target.exists() else target, dirty=True,
                                       imported=imported.unplaced))

    def open_path(self, path: Path, from_command_line: bool = False) -> None:
        self._open(Path(path), from_command_line)

    def _open(self, path: Path, from_command_line: bool) -> None:
        self._expect_screen()
        self.run_worker(self._open_flow(path, from_command_line), exclusive=True, group="open")

    async def _open_flow(self, path: Path, from_command_line: bool) -> None:
        """Read the file at `path` and show it in the editor (after the questions it raises)."""
        self._expect_screen()  # (again when it follows a dialog: "open another file")
        await self._expecting_screen(self._open_file(path, from_command_line))

    async def _open_file(self, path: Path, from_command_line: bool) -> None:
        import asyncio

        from wizard.app import core
        from wizard.app.screens.editor import EditorScreen
        from wizard.session import PolicySession

        try:
            loaded = await asyncio.to_thread(core.load, path)
        except core.FileProblems as problems:
            from wizard.app.screens.dialogs import FileProblemsScreen, PathScreen

            if self.editor is None and not any(type(s).__name__ == "WelcomeScreen" for s in self.screen_stack):
                self.show_welcome()
            choice = await self.push_screen_wait(FileProblemsScreen(problems.path, problems.problems))
            if choice == "open":
                other = await self.push_screen_wait(PathScreen(_("Open a policy"), button=_("Open")))
                if other is not None:
                    await self._open_flow(other, from_command_line)
            return
        from wizard.app.recent import remember

        remember(path)
        session = loaded.session
        session.read_only = not await self._edit_here(path)
        editor = EditorScreen(loaded.data, path, session=session, dismissed=loaded.dismissed)
        drafts = self._drafts_for(path)
        for number, (info, data) in enumerate(drafts, 1):
            from wizard.app.unsaved import sections_differing
            from wizard.storage import DraftStore, changed_sections

            differing = sections_differing(changed_sections(data, loaded.data), info.unsaved)
            if info.dismissed is not None:
                from wizard.check.dismissals import sections_with_other_dismissals

                differing += [key for key in sections_with_other_dismissals(info.dismissed, loaded.dismissed)
                              if key not in differing]
            if not differing:
                DraftStore().discard(info.id)  # it holds nothing the file does not
                continue
            from wizard.app.screens.recover import RecoverDraftScreen

            if self.editor is not editor:
                self._show_editor(editor)
            choice = await self.push_screen_wait(RecoverDraftScreen(info, differing, number, len(drafts)))
            if choice == "restore":
                # the file as it was when editing began: a change made since then is a conflict
                restored = PolicySession(path, fingerprint=info.base or loaded.fingerprint, on_disk=loaded.data,
                                         draft_id=info.id, dirty=True, read_only=session.read_only)
                self._show_editor(restored_editor(data, info, restored, loaded.dismissed))
                return
            if choice == "discard":
                DraftStore().discard(info.id)
        if self.editor is not editor:
            self._show_editor(editor)

    async def _edit_here(self, path: Path) -> bool:
        """Whether to edit the file in this window: asked when another window has it open."""
        import asyncio

        from wizard.session import PolicySession

        windows = await asyncio.to_thread(PolicySession.windows_on, path)
        if not windows:
            return True
        from wizard.app.screens.open_elsewhere import OpenElsewhereScreen

        return await self.push_screen_wait(OpenElsewhereScreen(path, windows)) == "edit"

    def _drafts_for(self, path: Path) -> list:
        """The drafts of the file that no running window holds, with their data, newest first."""
        from wizard.session import PolicySession
        from wizard.storage import DraftStore

        found = []
        try:
            store = DraftStore()
            for info in PolicySession.drafts_to_recover(path, store):
                data = store.read(info.id)
                if data is not None:
                    found.append((info, data))
        except Exception:  # a draft folder that cannot be read has nothing to offer
            pass
        return found

    def open_draft(self, info, data: dict) -> None:
        """Restore a draft chosen on the welcome screen."""
        from wizard.app import core
        from wizard.session import PolicySession

        fingerprint = None
        target = Path(info.target) if info.target is not None else None
        if target is not None and target.is_file():
            fingerprint = info.base or core.file_fingerprint(target)
        session = PolicySession(target, fingerprint=fingerprint, draft_id=info.id, dirty=True)
        self._show_editor(restored_editor(data, info, session))

    def action_open_file(self) -> None:
        self._expect_screen()
        self.run_worker(self._expecting_screen(self._ask_open()), exclusive=True, group="open")

    async def _ask_open(self) -> None:
        from wizard.app.screens.dialogs import PathScreen

        path = await self.push_screen_wait(PathScreen(_("Open a policy"), button=_("Open")))
        if path is not None:
            await self._open_flow(path, False)

    # ------------------------------------------------------------------ keys, one at a time

    async def on_event(self, event: events.Event) -> None:
        """Hand out keys one at a time (see `wizard.app.catch_up`): a key that arrives while
        another is still being handled waits its turn."""
        if isinstance(event, (events.Key, events.MouseDown)) and not event.is_forwarded:
            self.last_user_action = time.monotonic()
            self._collector.user_acted()  # memory is tidied once the user pauses
        if not isinstance(event, events.Key) or event.is_forwarded:
            await super().on_event(event)
        elif self._key_in_hand:
            self._keys_waiting.append(event)
        else:
            await self._hand_out(event)

    async def _hand_out(self, key: events.Key) -> None:
        self._key_in_hand = True
        if self._must_hold():
            self._keys_waiting.insert(0, key)
            self._hold_keys()
            return
        self._holding_since = None
        if self.focused is None:
            # A screen that has just opened (the editor after "Start"): let it mount and
            # focus its first field before it gets the key, which it would otherwise drop.
            await catch_up_with_typing(self.screen)
        self._focus_open_drop_down()
        target = self.focused or self.screen
        await super().on_event(key)
        await catch_up_with_typing(target)
        await catch_up_with_screen(self, target)
        # A key no widget took comes back to the app for its bindings (Tab, F-keys): it is
        # queued by now, so the next key is handed out after it.
        self.call_later(self._next_key, 0, target)

    def _ready_for_keys(self) -> bool:
        """Whether the screen in front can take a key: a screen of the app (until the first
        one is shown, Textual's blank default screen is in front, with nothing to take a
        key: `edit FILE` shows it while the file is read) that is mounted (the editor
        focuses its first field as it mounts; until then Textual would give the key to the
        screen itself, which drops it)."""
        from textual.app import ScreenStackError

        try:
            screen = self.screen
        except ScreenStackError:  # closing
            return True
        return len(self.screen_stack) > 1 and screen.is_mounted and not self._screen_expected

    def _must_hold(self) -> bool:
        """Whether to hold the keys until the screen in front is ready for them: not when it
        is, nor when it has not been ready for `OPENING_SECONDS` (something went wrong:
        the keys are handed out rather than held for ever)."""
        if self._ready_for_keys():
            return False
        import asyncio

        now = asyncio.get_running_loop().time()
        if self._holding_since is None:
            self._holding_since = now
        return now - self._holding_since < OPENING_SECONDS

    def _hold_keys(self) -> None:
        """Hand the held keys out, in order, once the screen in front is ready for them: a
        worker waits for that (the app goes on handling its other messages meanwhile, and
        the worker ends with the app), then the first key is handed out again through the
        app's queue."""
        if self._holding is None or self._holding.is_finished:
            self._holding = self.run_worker(self._until_ready_for_keys(), group="held-keys", exit_on_error=False)

    async def _until_ready_for_keys(self) -> None:
        import asyncio

        loop = asyncio.get_running_loop()
        deadline = (self._holding_since or loop.time()) + OPENING_SECONDS
        try:
            while not self._ready_for_keys() and (left := deadline - loop.time()) > 0:
                if len(self.screen_stack) > 1 and not self.screen.is_mounted:  # a screen of the app, mounting
                    ready = self.screen._mounted_event.wait()
                else:  # no screen of the app yet, or one on its way: until it is shown
                    if self._screen_changed is None:
                        self._screen_changed = asyncio.Event()
                    self._screen_changed.clear()
                    ready = self._screen_changed.wait()
                try:
                    await asyncio.wait_for(ready, left)
                except asyncio.TimeoutError:
                    break
        finally:
            self.call_later(self._hand_out_held)

    def _expect_screen(self) -> None:
        """A screen is on its way: a file or document is being read for the editor, in a
        worker. Until a screen changes (the editor, or a question about the file) or the
        reading ends (a problem told in a toast), keys are held for it: given to the screen
        in front they went, say, into the welcome screen's path field, which the editor then
        replaced, and an Enter among them opened the path again with the letters added."""
        self._screen_expected = True

    async def _expecting_screen(self, flow) -> None:
        """Run `flow` (that shows a screen, see `_expect_screen`); when it ends, however it
        ends, keys are no longer held for the screen it was to show."""
        try:
            await flow
        finally:
            self._note_screen_change()

    def _note_screen_change(self, _screen=None) -> None:
        self._screen_expected = False
        if self._screen_changed is not None:
            self._screen_changed.set()
        if not self._first_screen_shown:  # the modules and the first screen, once it is drawn
            self._first_screen_shown = True
            self.call_after_refresh(spare_long_lived_objects)

    async def _hand_out_held(self) -> None:
        self._key_in_hand = False
        if self._keys_waiting:
            await self._hand_out(self._keys_waiting.pop(0))

    def _focus_open_drop_down(self) -> None:
        """A drop-down that has just opened gives the focus to its list later (`focus()` is
        deferred): the keys typed meanwhile (Enter to take the first choice) belong to it."""
        focused = self.focused
        if getattr(focused, "expanded", False):
            from textual.widgets._select import Select, SelectOverlay

            if isinstance(focused, Select):
                self.screen.set_focus(focused.query_one(SelectOverlay), scroll_visible=False)

    async def _next_key(self, turns: int = 0, target=None) -> None:
        """Hand out the next waiting key once what the last one (sent to `target`) set in
        motion is done."""
        # A binding that ran at the app (Enter on a button) may have set more in motion; a
        # key that arrives meanwhile waits for it too (it went to the button before).
        await catch_up_with_typing(self.focused or self.screen)
        # (from where the key went: the focus may be nowhere while a drop-down closes)
        await catch_up_with_screen(self, target)
        if not self._message_queue.empty() and turns < 8:
            # ... and asked the app for more (the palette runs its command later): after that
            self.call_later(self._next_key, turns + 1, target)
            return
        self._key_in_hand = False
        if self._keys_waiting:
            await self._hand_out(self._keys_waiting.pop(0))

    # ------------------------------------------------------------------ quit

    async def action_quit(self) -> None:
        editor = self.editor
        if editor is not None:
            editor.confirm_quit()
        else:
            self.exit()

    # ------------------------------------------------------------------ palette & keys

    def action_command_palette(self) -> None:
        """Textual's palette, with its placeholder and messages in the UI language."""
        from textual.command import CommandPalette

        from wizard.app.commands import WizardPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(WizardPalette())

    def action_show_keys(self) -> None:
        """Every key of the screen in use, explained in the UI language (Textual's own keys
        panel would show its widgets' English descriptions)."""
        from wizard.app.screens.keys import KeysScreen

        if not isinstance(self.screen, KeysScreen):
            self.push_screen(KeysScreen(self.screen))

    def action_help_quit(self) -> None:
        """Ctrl+C copies: say how to quit instead (Textual's own message is English)."""
        self.notify(_("Press Ctrl+Q to quit."), title=_("Do you want to quit?"))

    # ------------------------------------------------------------------ look & language

    def set_theme(self, name: str) -> None:
        self.theme_choice = name
        self.theme = THEMES[name]
        save_settings(theme=name)

    def set_ui_lang(self, lang: str) -> None:
        """Switch the language of the app while it runs, and keep it for the next start (and
        for the command line's messages)."""
        set_ui_language(lang)
        save_settings(ui_lang=lang)
        translate_bindings(self)
        translate_textual_keys()
        self.title = _("Policy Wizard")
        for screen in self.screen_stack:
            refresh = getattr(screen, "refresh_labels", None)
            if refresh is not None:
                self.call_later(refresh)
        self.refresh_bindings()
        self.notify(_("The app now speaks %(language)s.") % {"language": language_name(lang)}, timeout=3)


def restored_editor(data: dict, info: Any, session: Any, file_dismissed: dict | None = None) -> Any:
    """The editor of a restored draft (`info`, a DraftInfo, whose data is `data`): with the
    typed input not valid yet, at the step and field where the user was, with the findings
    they had dismissed (a draft from before drafts kept them: those of the file,
    `file_dismissed` when the caller has read them, else read by the editor)."""
    from wizard.app.screens.editor import EditorScreen
    from wizard.app.unsaved import from_draft

    dismissed = info.dismissed if info.dismissed is not None else file_dismissed
    return EditorScreen(data, session.path, session=session, unsaved=from_draft(info.unsaved),
                        place=info.place, dismissed=dismissed)


def run_app(
    mode: str | None = None,
    path: Path | str | None = None,
    *,
    data: dict | None = None,
    preset: str | None = None,
    lang: str | None = None,
    ui_lang: str | None = None,
) -> int:
    """Start the app.

    `mode`: "new" (optional target `path`; the starting spec `data`, or a `preset` key and a
    document `lang`), "edit" (`path`), or "welcome"/None for the welcome screen.
    `ui_lang`: the app's language; when None the language already set (by the command line,
    from `--ui-lang`, the language chosen in the app, or the locale variables) is kept.
    """
    if ui_lang in LANGUAGES:
        set_ui_language(ui_lang)
    app = PolicyWizardApp(mode, path, data=data, preset=preset, lang=lang)
    app.typed_ahead_from = _standard_input()
    app.run()
    from wizard.app.css_cache import save_parsed_stylesheets
    from wizard.app.style_sharing import save_style_matches
    from wizard.render.formatting import save_memo

    save_memo()  # what Babel answered (the languages' names), for a quicker next start
    save_parsed_stylesheets()  # the stylesheets Textual parsed, likewise
    save_style_matches()  # and how they styled each kind of widget
    return app.return_code or 0


def _standard_input() -> int | None:
    """The file number Textual's driver reads keys from (None: no standard input)."""
    import sys

    try:
        return sys.__stdin__.fileno() if sys.__stdin__ is not None else None
    except (OSError, ValueError):
        return None
