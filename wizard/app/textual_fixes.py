"""Fixes the app makes to Textual's internals, installed once when the app starts.

They replace private Textual functions (the line breaker of its text and TextArea, see
`wizard.app.widgets.bullets`; the compositor's cutting of lines, see
`wizard.app.compositor`; the stylesheet's parse, cached between runs, see
`wizard.app.css_cache`; its matching, shared between alike widgets, see
`wizard.app.style_sharing`; the timer that draws a screen's frames, see
`wizard.app.frames`; the caches of its lines, made on first use, see `wizard.app.strips`;
the arranging of auto-height containers, done once per layout, see `wizard.app.arrange`;
the lookup of a message's handlers, once per class, see `wizard.app.dispatch`; the layout
of the preview alone, see `wizard.app.widgets.preview`), so they are installed only on the
Textual releases they were read against. On another release (pyproject allows any 8.x)
the app keeps Textual's own behaviour, a Chinese line that may start with "，" or a
character drawn as blanks under a toast, rather than risk a crash in code that has changed.
"""

from __future__ import annotations

from pathlib import Path

CHECKED_WITH = ("8.2.8",)


def textual_fixes_apply() -> bool:
    """Whether the installed Textual is one the fixes were read against."""
    return textual_version() in CHECKED_WITH


def textual_version() -> str:
    """The installed Textual's version, from the name of its `textual-X.Y.Z.dist-info` folder
    beside the package: `importlib.metadata` would cost the app's start 10 ms (it imports the
    email and zipfile packages). Asked of `importlib.metadata` where no such folder is."""
    import textual

    prefix, suffix = "textual-", ".dist-info"
    for entry in Path(textual.__file__).resolve().parent.parent.glob(prefix + "*" + suffix):
        return entry.name[len(prefix):-len(suffix)]
    from importlib.metadata import version

    return version("textual")


def install_textual_fixes() -> None:
    """Install the fixes when they apply (again is harmless)."""
    if not textual_fixes_apply():
        return
    from wizard.app.arrange import arrange_auto_height_containers_once
    from wizard.app.compositor import draw_wide_characters_whole
    from wizard.app.css_cache import use_parsed_stylesheet_cache
    from wizard.app.dispatch import find_handlers_once_per_class
    from wizard.app.frames import draw_frames_steadily
    from wizard.app.strips import make_strip_caches_on_first_use
    from wizard.app.style_sharing import share_styles_between_alike_widgets
    from wizard.app.widgets.bullets import use_app_line_breaks

    use_app_line_breaks()
    draw_wide_characters_whole()
    use_parsed_stylesheet_cache()
    share_styles_between_alike_widgets()
    draw_frames_steadily()
    make_strip_caches_on_first_use()
    arrange_auto_height_containers_once()
    find_handlers_once_per_class()
