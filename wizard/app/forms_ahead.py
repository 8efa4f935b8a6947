"""Forms built ahead: while the user pauses, the editor builds the forms of the other steps,
hidden, so that going to a step shows a form that is already there.

Building a form (composing, mounting and styling its widgets) was about 40% of a step
switch: 55-65 ms of the 140-170 ms the service standards took on the 30 KB policy, more on
a step's first visit, when Textual first meets its kinds of widgets. A form built ahead
is shown by laying it out and drawing it, which no form can do without.

What is kept, and why it cannot go wrong:

- One form per step, hidden in the form host, built from the spec as it was then. A form
  is shown only if nothing it shows has changed since: the parts of the spec it reads are
  compared with a copy taken before it was built (an edit, an undo, a reload, a restored
  draft are all seen), and the language written in and the UI language must be the same.
  Otherwise it is thrown away and the step is built as usual.
- The form of the step the user leaves is kept the same way, with a copy of what it showed
  as it was left (`keep`): going back to a step shows the form left there, and leaving a
  step takes nothing apart, so the collector has nothing to walk at the next pause.
- Only the eager part of a form: a long list's rows after the first screen are mounted
  once the form is shown, as for a form built on demand (a hidden list mounts none).
- The review shows the whole policy's findings, states and changes since the last save:
  it is kept only while none of them, nor anything in the spec, has changed (after an
  edit, it is built again once the checks have run and the user pauses).
- Built one form at a time, nearest steps first, only once the user has not typed or
  clicked for `QUIET_SECONDS` and the preview and the checks are done: a key typed while
  a form is being built waits for that one form at most.
"""

from __future__ import annotations

import copy
import time
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Callable, Iterator

from wizard.app.ui import STEP_DATA_KEYS, STEP_KEYS, step_for_path
from wizard.i18n import ui_language

if TYPE_CHECKING:
    from textual.widget import Widget

    from wizard.app.screens.editor import EditorScreen
    from wizard.app.steps.base import StepForm

QUIET_SECONDS = 0.25
# Between two forms, and between two looks at the work that comes first: a frame's time,
# for the keys and the frame that came meanwhile. Keys also stop the building for
# QUIET_SECONDS, so a shorter wait only builds the forms sooner.
BETWEEN_BUILDS = 0.02
# Work that must come first: the preview and the checks the user is waiting for.
BUSY_GROUPS = ("preview", "checks", "forms-left", "list-rows")

# The spec's keys that belong to a step of their own; a form reads no other step's keys
# but those it names here (the service standards offer the channels chosen in scope).
_SECTION_KEYS = {key for keys in STEP_DATA_KEYS.values() for key in keys}
_READS_OTHER_STEPS = {"standards": ("purpose",)}


def read_by(step: str, data: dict) -> dict:
    """The parts of the spec the form of `step` shows or depends on: its own keys, the
    policy-wide ones (the language, the customer's name...) and what `_READS_OTHER_STEPS`
    lists; not the other steps' keys, so an edit there leaves this form as it is."""
    own = set(STEP_DATA_KEYS.get(step, ())) | set(_READS_OTHER_STEPS.get(step, ()))
    return {key: value for key, value in data.items() if key in own or key not in _SECTION_KEYS}


def restyled_now(node: Any) -> Iterator[Any]:
    """`node` and its descendants, but not a form built ahead while it is hidden: restyling
    its hundreds of widgets waits until it is shown (`FormsAhead.take` restyles it then if
    a restyle passed it by). Only such forms are passed over: a widget hidden by its styles
    (a closed drop-down list) must be restyled to be shown."""
    return outside_hidden_forms(node, passed_by=_note_restyle_missed)


def _note_restyle_missed(form: Any) -> None:
    form.restyle_missed = True


def outside_hidden_forms(node: Any, passed_by: Callable[[Any], None] | None = None) -> Iterator[Any]:
    """`node` and its descendants in the DOM's order, but not the forms built ahead while
    they are hidden, nor what is in them (each such form is given to `passed_by`). A plain
    attribute is asked of each widget, not `display`: that climbs through its styles, and
    the key handling walks the screen's widgets this way a few times a key."""
    stack = [node]
    while stack:
        current = stack.pop()
        if getattr(current, "hidden_ahead", False):
            if passed_by is not None:
                passed_by(current)
            continue
        yield current
        stack.extend(reversed(current._nodes))


class FormsAhead:
    """The editor's forms built ahead, by step, and the quiet moments that build them."""

    def __init__(self, editor: EditorScreen) -> None:
        self.editor = editor
        self._forms: dict[str, tuple[StepForm, tuple]] = {}
        self._timer: Any = None

    def _built_from(self, step: str) -> tuple:
        """What the form of `step` shows, as it is now: the form is shown only while it is the
        same (compared with ==, so what is kept must be a copy)."""
        editor = self.editor
        if step == "review":
            return (ui_language(), editor.edit_lang, editor.reviewed())
        return (ui_language(), editor.edit_lang, read_by(step, editor.data))

    def take(self, step: str) -> StepForm | None:
        """The form of `step` built ahead, if it still shows the spec as it is now (it is
        then the caller's to show); None otherwise (a stale one is thrown away)."""
        entry = self._forms.pop(step, None)
        if entry is None:
            return None
        form, built_from = entry
        if built_from != self._built_from(step) or not form.is_attached:
            form.remove()
            return None
        form.hidden_ahead = False
        if form.restyle_missed:
            form.restyle_missed = False
            form.update_node_styles(animate=False)
        return form

    def as_left(self, form: Widget) -> tuple | None:
        """What `form`, on screen as the user leaves it, shows: a copy taken then, so that an
        edit made later can only make the form kept stale (see `keep`). None when it is not
        to be kept: the review (it shows the findings and states of the moment it was
        built) and a form holding typed input that cannot be saved (that input may be
        dropped meanwhile, by a reload or a save, and the form would still show it)."""
        step = getattr(form, "step_key", "")
        if step in ("", "review") or any(step_for_path(path) == step for path in self.editor.unsaved):
            return None
        return copy.deepcopy(self._built_from(step))

    def keep(self, form: StepForm, shows: tuple) -> bool:
        """Keep the form of a step the user has left, hidden, as if it had been built ahead
        from `shows` (`as_left`): coming back shows it at once, and nothing is taken apart,
        so the next pause has no full collection to run (see wizard.app.memory; after each
        switch that walk took 150-700 ms on the 30 and 60 KB policies, and a key typed
        meanwhile waited for it). False, for the caller to remove it, when the user is back
        on its step already (with a form built anew) or another form of it is kept."""
        step = form.step_key
        if step == self.editor.step or step in self._forms or not form.is_attached:
            return False
        form.hidden_ahead = True
        form.scroll_home(animate=False, immediate=True)  # shown again from the top, as a new form
        self._forms[step] = (form, shows)
        return True

    def built(self, step: str) -> StepForm | None:
        """The form of `step` built ahead and still up to date, if there is one."""
        entry = self._forms.get(step)
        if entry is None or entry[1] != self._built_from(step):
            return None
        return entry[0]

    def soon(self, delay: float = QUIET_SECONDS) -> None:
        """Build what is missing or stale at the next quiet moment; called after each switch
        and each form built. (An edit is not a call: a form it made stale is seen as such
        when asked for, and built again after that switch.)"""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.editor.set_timer(delay, self._when_quiet, name="forms ahead")

    def _when_quiet(self) -> None:
        self._timer = None
        editor = self.editor
        if not editor.is_attached or not editor.app.is_running:
            return
        waited = time.monotonic() - editor.app.last_user_action
        if waited < QUIET_SECONDS:
            self.soon(QUIET_SECONDS - waited)
            return
        if editor._switching.locked() or not editor.is_current:  # a switch, a dialog
            self.soon()
            return
        if any(worker.group in BUSY_GROUPS and not worker.is_finished for worker in editor.app.workers):
            self.soon(BETWEEN_BUILDS)  # (the first forms come as soon as the preview and checks are done)
            return
        step = self._next_to_build()
        if step is not None:
            editor.run_worker(self._build(step), group="forms-ahead", exclusive=True)

    def _next_to_build(self) -> str | None:
        """The nearest step to the one shown whose form is missing or stale."""
        current = STEP_KEYS.index(self.editor.step)
        by_distance = sorted(range(len(STEP_KEYS)), key=lambda index: (abs(index - current), index < current))
        for index in by_distance:
            step = STEP_KEYS[index]
            if index == current:
                continue
            if self.built(step) is None:
                return step
        return None

    async def _build(self, step: str) -> None:
        editor = self.editor
        async with editor._switching:  # not while a step is being shown
            if step == editor.step or not editor.is_attached:
                return
            stale = self._forms.pop(step, None)
            if stale is not None:
                stale[0].remove()
            # The copy is taken before the form reads the spec: an edit made while it is
            # being built makes it stale, never the other way round.
            built_from = copy.deepcopy(self._built_from(step))
            form = editor.make_form(step)
            form.display = False
            form.hidden_ahead = True
            with editor.app.batch_update():
                await editor.query_one("#form-host").mount(form)
            self._forms[step] = (form, built_from)
        self.soon(BETWEEN_BUILDS)


@contextmanager
def where_hidden_widgets_were(screen: Any) -> Iterator[None]:
    """Within it, the screen answers where a widget is from its map of every widget as it
    was (a hidden one is nowhere), without arranging the whole screen anew.

    Showing a hidden form (`display = True`) asks where the form is, to mark it for
    drawing; since the last layout Textual's map of every widget, the one that also knows
    those off the screen, is out of date, and it is made again at once: the whole screen
    arranged with the form now shown, each row of its lists and each text area measured.
    That was 50-330 ms for the 94 definitions of the 60 KB policy, kept for the way back
    with all their rows, before the layout of the frame that follows arranged what is on
    the screen again. The form is laid out with that frame, as any form shown. Only on
    the Textual releases the app's fixes were read against (wizard.app.textual_fixes)."""
    from wizard.app.textual_fixes import textual_fixes_apply

    compositor = screen._compositor if textual_fixes_apply() else None
    if compositor is None or not compositor._full_map_invalidated:
        yield
        return
    compositor._full_map_invalidated = False
    try:
        yield
    finally:
        compositor._full_map_invalidated = True
