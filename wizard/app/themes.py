"""The two themes, made readable: every text at least 4.5:1 against its background (WCAG AA).

Textual's light theme writes warnings, successes, accents and footer keys in colours meant
for marks on a dark background (orange on light grey is 1.3:1 to 3:1). The light theme is
registered again under its own name with darker values for those variables, and Rich's
named colours ("green", "yellow", "cyan" in the step list, the review and the preview's
Markdown) get a light ANSI palette of dark tones. The dark theme reads at 7:1 and more but
for Textual's dark ANSI red, magenta and blue (headings of the preview, 4:1): lighter ones. `tests/app/test_editor_ux.py` measures every cell of every step in both themes.
"""

from __future__ import annotations

import dataclasses

from rich.terminal_theme import TerminalTheme
from textual.theme import BUILTIN_THEMES, Theme

# At least 4.5:1 on the light theme's darkest background (panel, #D0D0D0).
READABLE_ON_LIGHT = {
    "text-warning": "#7A4F00",
    "text-success": "#1E6232",
    "text-accent": "#7A4F00",
    "footer-key-foreground": "#00559E",
    "text-muted": "#555555",
}

LIGHT_ANSI = TerminalTheme(
    (247, 247, 247),
    (0, 0, 0),
    [(0, 0, 0), (150, 20, 20), (20, 100, 30), (120, 80, 0), (20, 60, 160), (120, 30, 130), (0, 90, 110), (85, 85, 85)],
    [(85, 85, 85), (150, 20, 20), (20, 100, 30), (120, 80, 0), (20, 60, 160), (120, 30, 130), (0, 90, 110), (247, 247, 247)],
)

DARK_ANSI = TerminalTheme(
    (12, 12, 12),
    (217, 217, 217),
    [(26, 26, 26), (255, 110, 150), (152, 224, 36), (253, 151, 31), (180, 140, 255), (255, 110, 150), (88, 209, 235), (196, 197, 181)],
    [(150, 150, 150), (255, 110, 150), (152, 224, 36), (224, 213, 97), (180, 140, 255), (255, 110, 150), (88, 209, 235), (246, 246, 239)],
)


def readable_light_theme() -> Theme:
    """Textual's light theme, under its own name, with the readable colours above."""
    base = BUILTIN_THEMES["textual-light"]
    return dataclasses.replace(base, variables={**base.variables, **READABLE_ON_LIGHT})
