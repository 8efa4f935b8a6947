"""Frames: a screen draws its next frame one frame period after the last one, never two;
and work that waits until the screen has really been drawn.

Textual redraws a screen from a timer (`Screen._update_timer`, 60 times a second) that
runs while something needs redrawing and is paused otherwise. After a pause the first
change is drawn at once, but when the timer then skips the ticks it missed, it counts one
tick too many (`Timer._run`: `count = int((now - start) / interval + 1)`, then waits
until `start + (count + 1) * interval`), so the frame after it came 17-33 ms later
instead of at most 17. Typing shows it: a key is drawn about 4 ms after it is pressed,
and the preview, ready some 13 ms after the key, waited for that next frame (keystroke to
preview 23-40 ms, see benchmarks/README.md "Typing").

Installed by `wizard.app.textual_fixes` (it replaces a private property of Textual's
`Screen`), only on the Textual releases it was read against.
"""

from __future__ import annotations

import asyncio

from textual import _time
from textual.timer import EventTargetGone, Timer


class FrameTimer(Timer):
    """A repeating timer that ticks at most once per interval: at once when its last tick is
    older than that, otherwise one interval after it. Pausing and resuming work as in
    Textual's `Timer` (the screen pauses it whenever nothing is left to draw)."""

    async def _run(self) -> None:
        last_tick = float("-inf")
        count = 0
        while True:
            await self._active.wait()
            wait = last_tick + self._interval - _time.get_time()
            if wait > 0:
                await _time.sleep(wait)
                await self._active.wait()  # paused meanwhile: tick once resumed
            last_tick = _time.get_time()
            count += 1
            try:
                await self._tick(next_timer=last_tick, count=count)
            except EventTargetGone:
                break


def draw_frames_steadily() -> None:
    """Give every screen a `FrameTimer` as its update timer, made as Textual makes its own."""
    from textual.screen import UPDATE_PERIOD, Screen

    def update_timer(screen: Screen) -> Timer:
        timer = screen._Screen__update_timer
        if timer is None:
            timer = FrameTimer(screen, UPDATE_PERIOD, name="screen_update",
                               callback=screen._on_timer_update, pause=True)
            timer._start()
            screen._timers.add(timer)
            screen._Screen__update_timer = timer
        return timer

    Screen._update_timer = property(update_timer, doc="Timer used to perform updates (a FrameTimer).")


async def after_a_frame(widget) -> None:
    """Wait until the screen has been drawn: work that may come after the first frame of a
    step (the rest of a long list, removing the form just left) waits here, and what the
    user types meanwhile shows between two such pieces. A refresh held back by a batch
    update (a step switch still going on) is not a frame.

    Whether the refresh was held back is read when it comes: Textual runs the callbacks of
    a screen that is held back, or not in front yet, at once without drawing it. A step
    chosen in the command palette is shown under the palette's `delay_update`, which ends
    later: read after the wait, the rest of a list was mounted before the form was first
    drawn (90 ms more on the procedures)."""
    while widget.is_attached:
        refreshed = asyncio.Event()
        drawn: list[bool] = []

        def after_refresh() -> None:
            drawn.append(not getattr(widget.app, "_batch_count", 0) and widget.screen.is_current)
            refreshed.set()

        widget.call_after_refresh(after_refresh)
        await refreshed.wait()
        if drawn[0]:
            return
        await asyncio.sleep(1 / 60)  # a frame later: do not spin while it is held back
