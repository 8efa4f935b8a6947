"""Autosave: every change reaches a draft in the state folder within two seconds.

The editor screen owns one `Autosaver` for its `PolicySession` (which owns the draft,
its lock and what goes into it) and calls `touch(data, unsaved, place, dismissed)` after
every change (`unsaved`: typed input that is not valid spec data yet; `place`: the step
and field the user is at; `dismissed`: the findings dismissed; all kept in the draft too).
The first change schedules a write (a Textual timer on the owner); changes that come
while one is scheduled join it, so the draft is written at most once per second and
never later than about one second after a change, even while the user types without
pause. The write itself (YAML and fsync) runs in a worker thread, off the typing path;
a snapshot of the data is taken on the UI thread first, and writes land in order.

`flush()` writes now (before quitting, before a risky operation); `discard()` removes
the draft after a clean save or a clean quit. A closed terminal (SIGHUP), a `kill`
(SIGTERM) or an exit through an unhandled error flushes what is pending first, so even
the last second of typing survives; only `kill -9` can take that last second. The owner receives `Autosaver.Saved`
and `Autosaver.Failed` messages (e.g. to show "draft saved" or warn once that the
state folder cannot be written: the edits are still in memory either way).
"""

from __future__ import annotations

import atexit
import copy
import os
import signal
import threading
import time
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from wizard.session import PolicySession
from wizard.storage import DraftInfo, DraftPlace

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.timer import Timer

QUIET_DELAY = 0.3
"""Seconds after a change before the draft is written (short: the promise is 2 s)."""
MIN_INTERVAL = 1.0
"""Seconds between two writes at least."""


class Autosaver:
    """Writes the editor's data to its draft, debounced; see the module docstring."""

    @dataclass
    class Saved(Message):
        """The draft was written."""

        info: DraftInfo

    @dataclass
    class Failed(Message):
        """The draft could not be written (the edits are still in memory)."""

        error: Exception

    def __init__(
        self,
        owner: DOMNode,
        session: PolicySession,
        *,
        quiet_delay: float = QUIET_DELAY,
        min_interval: float = MIN_INTERVAL,
        threaded: bool = True,
    ) -> None:
        """`owner`: the widget or screen whose timers and workers run the writes (and that
        receives the messages). `session`: the policy's file session, whose own draft is
        written (`PolicySession.write_draft`)."""
        self.owner = owner
        self.session = session
        self.quiet_delay = quiet_delay
        self.min_interval = min_interval
        self.threaded = threaded
        self._data: dict | None = None
        self._unsaved: list = []  # wizard.app.unsaved.to_draft form of the latest touch
        self._place: DraftPlace | None = None  # where the user was at the latest touch
        self._dismissed: dict | None = None  # the findings dismissed at the latest touch
        self._retry: dict | None = None  # a snapshot whose write failed, until a newer one lands
        self._timer: Timer | None = None
        self._last_write = float("-inf")
        self._lock = threading.RLock()
        self._sequence = 0  # bumped by every snapshot
        self._written = 0  # sequence of the newest draft on disk
        self._generation = 0  # bumped by discard(): older pending writes are dropped
        self.last_error: Exception | None = None
        self.writes = 0
        _live.add(self)
        _install_exit_guards()

    # -- the editor's calls ------------------------------------------------

    @property
    def pending(self) -> bool:
        """Whether a change has not reached the draft yet."""
        return self._data is not None or self._retry is not None

    def touch(
        self,
        data: dict,
        unsaved: list | None = None,
        place: DraftPlace | None = None,
        dismissed: dict | None = None,
    ) -> None:
        """The data (or the typed input not valid yet, `unsaved`, where the user is, `place`,
        or what they dismissed, `dismissed`) changed: make sure a draft write is scheduled."""
        self._data = data
        self._unsaved = list(unsaved or [])
        self._place = place
        self._dismissed = dict(dismissed) if dismissed is not None else None
        if self._timer is None:
            wait = max(self.quiet_delay, self._last_write + self.min_interval - time.monotonic())
            self._timer = self.owner.set_timer(wait, self._due, name="autosave")

    def flush(self) -> DraftInfo | None:
        """Write the pending change now, on this thread. Returns the draft, or None when
        there was nothing to write or writing failed (then `last_error` says why)."""
        self._stop_timer()
        if self._data is None:
            if self._retry is None:
                return None
            self._data = self._retry
        job = self._snapshot()
        return self._write(*job)

    def discard(self) -> None:
        """Forget pending changes and delete the draft (after a clean save or quit)."""
        self._stop_timer()
        self._data = None
        with self._lock:
            self._retry = None
            self._generation += 1
            try:
                self.session.discard_draft()
            except OSError as error:
                self.last_error = error

    # -- internals -----------------------------------------------------------

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _snapshot(self) -> tuple[int, int, dict, list, DraftPlace | None, dict | None]:
        data, self._data = self._data, None
        self._sequence += 1
        self._last_write = time.monotonic()
        return (self._sequence, self._generation, copy.deepcopy(data), copy.deepcopy(self._unsaved),
                self._place, copy.copy(self._dismissed))

    def _due(self) -> None:
        self._timer = None
        if self._data is None:
            return
        job = self._snapshot()
        if self.threaded:
            self.owner.run_worker(
                lambda: self._write(*job), thread=True, group="autosave", exit_on_error=False, name="autosave"
            )
        else:
            self._write(*job)

    def _write(
        self,
        sequence: int,
        generation: int,
        data: dict,
        unsaved: list,
        place: DraftPlace | None,
        dismissed: dict | None,
        wait: float = -1,
    ) -> DraftInfo | None:
        if not self._lock.acquire(timeout=wait):
            return None
        try:
            if generation != self._generation or sequence < self._written:
                return None  # discarded meanwhile, or a newer snapshot is already on disk
            try:
                info = self.session.write_draft(data, unsaved, place=place, dismissed=dismissed)
            except Exception as error:  # noqa: BLE001 - autosave must never take the app down
                self.last_error = error
                self._retry = data
                self._post(self.Failed(error))
                return None
            self._written = sequence
            self._retry = None
            self.writes += 1
            self.last_error = None
        finally:
            self._lock.release()
        self._post(self.Saved(info))
        return info

    def _flush_before_exit(self) -> None:
        """Write what is pending, now, without waiting long for a write in progress."""
        if self._data is None and self._retry is None:
            return
        if self._data is None:
            self._data = self._retry
        self._write(*self._snapshot(), wait=2.0)

    def _post(self, message: Message) -> None:
        try:
            self.owner.post_message(message)
        except Exception:  # noqa: BLE001 - the owner may be gone while the app shuts down
            pass


# -- exit guards: flush pending changes when the process is asked to end -------------

_live: weakref.WeakSet[Autosaver] = weakref.WeakSet()
_guards_installed = False


def _flush_all() -> None:
    for saver in list(_live):
        try:
            saver._flush_before_exit()
        except Exception:  # noqa: BLE001 - on the way out, never raise
            pass


def _on_exit_signal(signum: int, frame: object) -> None:
    _flush_all()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)  # then end the way the signal means to


def _install_exit_guards() -> None:
    """Once per process: flush at interpreter exit, on SIGHUP (terminal closed) and SIGTERM.

    Only where nobody else handles those signals, and only from the main thread (Python
    allows signal handlers nowhere else).
    """
    global _guards_installed
    if _guards_installed or threading.current_thread() is not threading.main_thread():
        return
    _guards_installed = True
    atexit.register(_flush_all)
    for name in ("SIGHUP", "SIGTERM"):
        number = getattr(signal, name, None)
        if number is None:
            continue
        try:
            if signal.getsignal(number) in (signal.SIG_DFL, None):
                signal.signal(number, _on_exit_signal)
        except (ValueError, OSError):
            pass
