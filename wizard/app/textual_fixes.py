"""Fixes the app makes to Textual's internals, installed once when the app starts.

Both replace private Textual functions (the line breaker of its text and TextArea, see
`wizard.app.widgets.bullets`; the compositor's cutting of lines, see
`wizard.app.compositor`), so they are installed only on the Textual releases they were read
against. On another release (pyproject allows any 8.x) the app keeps Textual's own
behaviour, a Chinese line that may start with "，" or a character drawn as blanks under a
toast, rather than risk a crash in code that has changed.
"""

from __future__ import annotations

from importlib.metadata import version

CHECKED_WITH = ("8.2.8",)


def textual_fixes_apply() -> bool:
    """Whether the installed Textual is one the fixes were read against."""
    return version("textual") in CHECKED_WITH


def install_textual_fixes() -> None:
    """Install the fixes when they apply (again is harmless)."""
    if not textual_fixes_apply():
        return
    from wizard.app.compositor import draw_wide_characters_whole
    from wizard.app.widgets.bullets import use_app_line_breaks

    use_app_line_breaks()
    draw_wide_characters_whole()
