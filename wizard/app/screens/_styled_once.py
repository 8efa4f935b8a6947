"""What the app's main screens share about being shown the first time."""

from __future__ import annotations

from textual import events


class StyledOnce:
    """Mixed into a screen (before `Screen`): the first time it is shown, Textual restyles it
    and everything on it (`ScreenResume.refresh_styles`), though each of those widgets was
    styled a moment before, when it was mounted, by the same stylesheet; a class or focus
    that changed since restyled its widget then. That second pass was 17 ms of the editor's
    start on a 30 KB policy and 10 ms of the welcome screen's. Later showings (back from a
    dialog, the stylesheet changed meanwhile) restyle as Textual does."""

    _shown_before = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler (the subclass's comes first in the MRO).
        if not self._shown_before:
            self._shown_before = True
            event.refresh_styles = False
