"""The command palette: every command of the app, in the UI language."""

from __future__ import annotations

from typing import Any, NamedTuple

from rich.align import Align
from rich.text import Text
from textual.content import Content
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

from wizard.app.labels import OWN_LANGUAGE_NAMES
from wizard.app.ui import STEP_KEYS, _, folded, language_name, pgettext, step_title, translate_textual_bindings
from wizard.i18n import ui_language
from wizard.spec.model import LANGUAGES


class Command(NamedTuple):
    title: str
    help: str
    callback: Any
    keywords: str = ""  # other words a user may search for, in the UI language


class WizardCommands(Provider):
    """Every command of the app, in the UI language: go to a step, save, export, languages, theme.

    Search folds case by the rules of the UI language (Turkish "FARKLI" finds "Farklı"),
    ignores diacritics ("onizleme" finds "Önizleme") and also looks at each command's
    keywords, so other words for the same thing ("按键" for "快捷键") find it."""

    def _commands(self) -> list[Command]:
        app = self.app  # type: ignore[assignment]
        editor = app.editor
        commands: list[Command] = []
        if editor is not None:
            for step in STEP_KEYS:
                commands.append(
                    Command(_("Go to: %(step)s") % {"step": step_title(step)}, _("Show this step of the policy"), _bind(editor.go_to, step))
                )
            commands.append(Command(_("Save"), _("Save the policy to its file (Ctrl+S)"), editor.action_save,
                                    pgettext("palette search keywords", "store write keep")))
            commands.append(Command(_("Save as…"), _("Save the policy under another name"), editor.action_save_as,
                                    pgettext("palette search keywords", "store write copy file name")))
            commands.append(Command(_("Add a revision note"), _("Say what changed, for the policy's revision history"),
                                    editor.action_add_revision_note,
                                    pgettext("palette search keywords", "history changelog version change")))
            from wizard.app.ui import FORMAT_NAMES, FORMATS

            for fmt in FORMATS:
                commands.append(
                    Command(_("Export: %(format)s") % {"format": _(FORMAT_NAMES[fmt])}, _("Write the rendered policy to a file"),
                            _bind(editor.action_export, fmt), pgettext("palette search keywords", "print document save file"))
                )
            commands.append(Command(_("Show or hide the preview"), _("The rendered document beside the form (F2)"),
                                    editor.action_toggle_preview, pgettext("palette search keywords", "document view")))
            for code in LANGUAGES:
                commands.append(
                    Command(_("Preview language: %(language)s") % {"language": language_name(code)}, _("Show the preview in this language"),
                            _bind(editor.action_preview_language, code), OWN_LANGUAGE_NAMES[code])
                )
            for code in LANGUAGES:
                commands.append(
                    Command(_("Write in: %(language)s") % {"language": language_name(code)},
                            _("Edit the text of the policy in this language (a translation when it is not the policy's language)"),
                            _bind(editor.action_edit_language, code), OWN_LANGUAGE_NAMES[code] + " " + pgettext("palette search keywords", "translate translation"))
                )
            commands.append(Command(_("Open a file"), _("Open another policy file"), editor.action_open_file))
        else:
            if hasattr(self.screen, "action_new"):  # the welcome screen
                commands.append(Command(_("New policy"), _("Start a policy with the choices on this screen"), self.screen.action_new))
            commands.append(Command(_("Open a file"), _("Open a policy file to edit it"), app.action_open_file))
        for code in LANGUAGES:
            commands.append(
                Command(_("App language: %(language)s") % {"language": language_name(code)}, _("The language of menus and messages"),
                        _bind(app.set_ui_lang, code), OWN_LANGUAGE_NAMES[code] + " " + pgettext("palette search keywords", "interface menus"))
            )
        colours = pgettext("palette search keywords", "colours colors appearance contrast")
        commands.append(Command(_("Theme: dark"), _("Light text on a dark background"), _bind(app.set_theme, "dark"), colours))
        commands.append(Command(_("Theme: light"), _("Dark text on a light background"), _bind(app.set_theme, "light"), colours))
        commands.append(Command(_("Keys"), _("Show the keys you can press here"), app.action_show_keys,
                                pgettext("palette search keywords", "shortcuts keyboard hotkeys help")))
        commands.append(Command(_("Quit"), _("Leave the app (asks first when there are unsaved changes)"), app.action_quit,
                                pgettext("palette search keywords", "exit close leave")))
        return commands

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.title, command.callback, help=command.help)

    async def search(self, query: str) -> Hits:
        lang = ui_language()
        wanted = folded(query, lang).strip()
        fuzzy = self.matcher(wanted).fuzzy_search
        for command in self._commands():
            score, offsets = fuzzy.match(wanted, folded(command.title, lang))
            title = Content(command.title)
            if score > 0:
                for offset in offsets:
                    title = title.stylize(self.match_style, offset, offset + 1)
            elif wanted and _all_words_found(wanted, folded(f"{command.title} {command.keywords}", lang)):
                score = 0.5  # below any match in the title
            if score > 0:
                yield Hit(score, title, command.callback, help=command.help)


def _all_words_found(wanted: str, words: str) -> bool:
    """Whether each word typed is part of a word of the title or of the keywords (Chinese
    has no spaces: "按键" is found inside "按键")."""
    known = words.split()
    return all(any(typed in word for word in known) for typed in wanted.split())


def _bind(function, *args):
    def call():
        return function(*args)

    return call


class WizardPalette(CommandPalette):
    """Textual's command palette with its own words in the UI language.

    Textual 8.2.8 takes the placeholder as an argument but writes "No matches found" in
    English inside `_start_no_matches_countdown`; that method is repeated here with the
    translated text (Textual is pinned; a test shows the text, so an upgrade that changes
    the method is noticed).
    """

    def __init__(self) -> None:
        super().__init__(placeholder=_("Search for commands…"), id="--command-palette")
        translate_textual_bindings(self)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(_("No command matches what you typed."), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
