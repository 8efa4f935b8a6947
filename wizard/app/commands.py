"""The command palette: every command of the app, in the UI language."""

from __future__ import annotations

from typing import Any

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

from wizard.app.ui import LANGUAGE_NAMES, STEP_KEYS, _, step_title


class WizardCommands(Provider):
    """Every command of the app, in the UI language: go to a step, save, export, languages, theme."""

    def _commands(self) -> list[tuple[str, str, Any]]:
        app = self.app  # type: ignore[assignment]
        editor = app.editor
        commands: list[tuple[str, str, Any]] = []
        if editor is not None:
            for step in STEP_KEYS:
                commands.append(
                    (_("Go to: %(step)s") % {"step": step_title(step)}, _("Show this step of the policy"), _bind(editor.go_to, step))
                )
            commands.append((_("Save"), _("Save the policy to its file (Ctrl+S)"), editor.action_save))
            commands.append((_("Save as…"), _("Save the policy under another name"), editor.action_save_as))
            commands.append((_("Add a revision note"), _("Say what changed, for the policy's revision history"), editor.action_add_revision_note))
            from wizard.app.ui import FORMAT_NAMES, FORMATS

            for fmt in FORMATS:
                commands.append(
                    (_("Export: %(format)s") % {"format": _(FORMAT_NAMES[fmt])}, _("Write the rendered policy to a file"), _bind(editor.action_export, fmt))
                )
            commands.append((_("Show or hide the preview"), _("The rendered document beside the form (F2)"), editor.action_toggle_preview))
            for code, name in LANGUAGE_NAMES.items():
                commands.append(
                    (_("Preview language: %(language)s") % {"language": name}, _("Show the preview in this language"), _bind(editor.action_preview_language, code))
                )
            for code, name in LANGUAGE_NAMES.items():
                commands.append(
                    (_("Write in: %(language)s") % {"language": name}, _("Edit the text of the policy in this language (a translation when it is not the policy's language)"), _bind(editor.action_edit_language, code))
                )
            commands.append((_("Open a file"), _("Open another policy file"), editor.action_open_file))
        else:
            if hasattr(self.screen, "action_new"):  # the welcome screen
                commands.append((_("New policy"), _("Start a policy with the choices on this screen"), self.screen.action_new))
            commands.append((_("Open a file"), _("Open a policy file to edit it"), app.action_open_file))
        for code, name in LANGUAGE_NAMES.items():
            commands.append(
                (_("App language: %(language)s") % {"language": name}, _("The language of menus and messages"), _bind(app.set_ui_lang, code))
            )
        commands.append((_("Theme: dark"), _("Light text on a dark background"), _bind(app.set_theme, "dark")))
        commands.append((_("Theme: light"), _("Dark text on a light background"), _bind(app.set_theme, "light")))
        commands.append((_("Keys"), _("Show the keys you can press here"), app.action_show_keys))
        commands.append((_("Quit"), _("Leave the app (asks first when there are unsaved changes)"), app.action_quit))
        return commands

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)


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
