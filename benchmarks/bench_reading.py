"""Moving through the steps as a reader does (issue 13): a pause on every step, then F8.

A policy is opened in the editor (160x50, preview shown); once its forms are built ahead,
the user goes through every step with F8 and back with F7, twice, reading each step for
`--read` seconds (2 s by default) before the next key. That pause is longer than the app's
quiet moment (wizard.app.memory.QUIET_SECONDS), so whatever the app does in such moments
(its full collection) can meet the next key, as it does for a real reader.

For each switch: the time from the key to the first frame written once the step is shown
(wall time). Beside it, the full collections that ran (Python's oldest generation, the
app's quiet collection among them), how many and how long in all.

Run from the repository root:  python benchmarks/bench_reading.py [--policy big|bigger] [--read S]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


class FullCollections:
    """The full collections Python runs while it is installed: their durations, seconds."""

    def __init__(self) -> None:
        self.durations: list[float] = []
        self._started = 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.durations.append(time.perf_counter() - self._started)


async def read_through(data: dict, read: float, collections: FullCollections) -> list[tuple[str, float]]:
    """(step, seconds from the key to the frame that shows it) for every switch."""
    from textual import events

    from wizard.app.app import PolicyWizardApp
    from wizard.app.ui import STEP_KEYS
    from wizard.spec import dump_spec

    switches: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "policy.yaml"
        path.write_text(dump_spec(data), encoding="utf-8")
        app = PolicyWizardApp("edit", path)
        # Each frame as it is written: when, and whether it shows the step awaited (checked
        # then: a poll from this task could take a later frame).
        frames: list[tuple[float, bool]] = []
        awaited = [""]
        async with app.run_test(size=(160, 50)):
            display = app._display

            def timed_display(screen, renderable):
                display(screen, renderable)
                editor = app.editor
                shown = editor is not None and editor.step == awaited[0] and not editor._switching.locked()
                frames.append((time.perf_counter(), shown))

            app._display = timed_display
            while app.editor is None or not app.editor.is_mounted or app.editor.form is None:
                await asyncio.sleep(0.01)
            editor = app.editor
            opened = time.perf_counter()
            while len(editor.ahead._forms) < len(STEP_KEYS) - 1 and time.perf_counter() - opened < 10:
                await asyncio.sleep(0.05)
            await asyncio.sleep(read)
            collections.durations.clear()
            there_and_back = STEP_KEYS[1:] + STEP_KEYS[-2::-1]
            for _round in range(2):
                for step in there_and_back:
                    key = "f8" if STEP_KEYS.index(step) > STEP_KEYS.index(editor.step) else "f7"
                    awaited[0] = step
                    since, start = len(frames), time.perf_counter()
                    app.post_message(events.Key(key, None))
                    while not any(shown for _written, shown in frames[since:]):
                        await asyncio.sleep(0.001)
                    first = next(written for written, shown in frames[since:] if shown)
                    switches.append((step, first - start))
                    await asyncio.sleep(read)
    return switches


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policy", choices=("big", "bigger"), action="append",
                        help="the 30 KB policy of bench_steps.py (big) or the 60 KB one (bigger); default both")
    parser.add_argument("--read", type=float, default=2.0, help="seconds on each step (default 2)")
    args = parser.parse_args()
    import bench_steps

    with tempfile.TemporaryDirectory() as folder:
        bench_steps.use_fresh_folders(Path(folder))
        collections = FullCollections()
        gc.callbacks.append(collections)
        for key in args.policy or ["big", "bigger"]:
            name, data = getattr(bench_steps, key)()
            switches = asyncio.run(read_through(data, args.read, collections))
            times = sorted(seconds * 1000 for _step, seconds in switches)
            slow = [f"{step} {seconds * 1000:.0f}" for step, seconds in switches if seconds > 0.150]
            print(f"\n{name}, {args.read:g} s on each step, {len(times)} switches:")
            print(f"  key to frame: median {statistics.median(times):.0f} ms, "
                  f"p95 {times[round(0.95 * (len(times) - 1))]:.0f} ms, slowest {times[-1]:.0f} ms")
            print(f"  over 150 ms: {len(slow)}" + (f" ({', '.join(slow)})" if slow else ""))
            walks = collections.durations
            print(f"  full collections: {len(walks)}, {sum(walks) * 1000:.0f} ms in all, "
                  f"the longest {max(walks, default=0) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
