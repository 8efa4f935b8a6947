"""The guidance of the current step: what the section is for; on demand, what good looks like
and a short example (text from `wizard.app.guidance`, in the UI language)."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from wizard.app.ui import _
from wizard.app.widgets.bullets import Hanging, bullet_list


def load_guidance(step: str):
    """The step's Guidance, or None when there is none."""
    from wizard.app.guidance import guidance_for

    try:
        return guidance_for(step)
    except KeyError:
        return None


class GuideBox(VerticalScroll):
    """The box around the guide: all of it can be read by keys. Longer than the box (the
    whole guide at 80x24), it takes the focus (Shift+Tab from the first field) and scrolls
    with the arrows and PgUp/PgDn; the text was cut at the box's edge before."""

    def allow_focus(self) -> bool:
        return self.max_scroll_y > 0


class GuidancePanel(Static):
    """Short by default (the purpose); F1 shows everything."""

    expanded: reactive[bool] = reactive(False)

    def __init__(self, **kwargs) -> None:
        super().__init__("", **kwargs)
        self.step = ""
        self.guidance = None

    def show_step(self, step: str) -> None:
        self.step = step
        self.guidance = load_guidance(step)
        self._redraw()

    def watch_expanded(self) -> None:
        self._redraw()

    def refresh_labels(self) -> None:
        self.show_step(self.step)

    def _redraw(self) -> None:
        guidance = self.guidance
        self.display = guidance is not None and bool(guidance.purpose)
        if not self.display:
            return
        if self.expanded:
            parts = [Hanging(guidance.purpose, "")]
            if guidance.good:
                parts.append(Text(_("What good looks like:"), style="bold"))
                parts.extend(bullet_list(guidance.good))
            if guidance.example:
                parts.append(Text(_("Example:"), style="bold"))
                parts.append(Hanging(guidance.example, "", style="italic"))
            if guidance.examples:
                parts.append(Hanging(_("Press F9 in a field to insert an example."), "", style="italic"))
        else:
            if guidance.examples:
                hint = _("(F1: more guidance, F9: insert an example)")
            else:
                hint = _("(F1: more guidance)")
            # the key hint stays in one piece, never split over two lines
            parts = [Hanging(guidance.purpose, "", tail=Text(hint, style="italic"))]
        self.update(Group(*parts))
