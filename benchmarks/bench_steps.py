"""How long each step takes to appear in the editor (issue 3, the forms).

A policy is opened in the editor (160x50, preview shown) and every step is opened in turn,
as a user does: with F8 from the step before it ("next"), and by choosing it in the
sidebar from the first step ("jump"). For each step the time is measured from the key
(or the sidebar's choice) to the first frame written once the step's form is mounted and
has the focus: the moment the user sees the form and can type in it. Beside the wall
time, the processor time of the app's thread over the same span is given: on a busy
machine (other processes on the same cores) the wall time grows, the processor time
much less. "all rows" is the wall time until the rows of long lists, mounted after the
form is first drawn, are all there too.

The third way in is the command palette: ctrl+p, the step's "Go to" command typed and
highlighted, then the time from Enter (the palette closes, the command runs) to the form.

Before the switches, the time from the editor's first form to each form built ahead is
noted: a switch before its form is built builds it on demand (`--on-demand` measures only
such switches).

Policies: the largest example in tests/examples, the call-centre preset, the ~30 KB
policy of bench_app.py (44 definitions, 39 extra sections) with eight escalation levels
("big"), and the same grown to ~60 KB ("bigger"). Goal: no step over ~150 ms.

Run from the repository root:  python benchmarks/bench_steps.py [--rounds N] [--policy NAME]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def largest_example() -> tuple[str, dict]:
    from wizard.spec import load_spec

    path = max((ROOT / "tests" / "examples").glob("*.yaml"), key=lambda p: p.stat().st_size)
    return path.name, load_spec(path).data


def call_centre() -> tuple[str, dict]:
    from wizard.presets import load_preset

    return "call-centre preset", load_preset("call-centre", "en")


def big(size: int = 30_000) -> tuple[str, dict]:
    from bench_app import big_policy

    data = big_policy(size)
    levels = list(data.get("escalation") or [])
    roles = ["Agent", "Senior agent", "Team leader", "Shift manager", "Customer service manager",
             "Head of operations", "Legal counsel", "Managing director"]
    for number in range(len(levels) + 1, 9):
        levels.append({"level": number, "role": roles[number - 1],
                       "when": "The case is still open and the customer has asked again.",
                       "within": f"{number * 4} hours"})
    data["escalation"] = levels
    return f"{size // 1000} KB policy, 8 escalation levels", data


def bigger() -> tuple[str, dict]:
    return big(60_000)


def use_fresh_folders(folder: Path) -> None:
    """The app's settings, state, drafts and caches in `folder` (empty: as on a first run),
    and its messages in English."""
    for variable, name in (("XDG_CONFIG_HOME", "config"), ("XDG_STATE_HOME", "state"),
                           ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache")):
        os.environ[variable] = str(folder / name)
    os.environ["LANG"] = "C.UTF-8"
    os.environ.pop("LC_ALL", None)


POLICIES = {"example": largest_example, "preset": call_centre, "big": big, "bigger": bigger}


Timing = tuple[float, float, float]  # wall to the frame, processor to the frame, wall until complete


Timings = dict[str, list[Timing]]


async def measure(data: dict, rounds: int, on_demand: bool = False) -> tuple[Timings, Timings, Timings, dict[str, int], dict[str, float]]:
    from textual import events
    from textual.errors import NoWidget
    from textual.command import CommandInput, CommandList, CommandPalette

    from wizard.app.app import PolicyWizardApp
    from wizard.app.ui import STEP_KEYS, step_title
    from wizard.app.widgets.sidebar import StepList
    from wizard.spec import dump_spec

    nexts: dict[str, list[Timing]] = {step: [] for step in STEP_KEYS}
    jumps: dict[str, list[Timing]] = {step: [] for step in STEP_KEYS}
    palette: dict[str, list[Timing]] = {step: [] for step in STEP_KEYS}
    widgets: dict[str, int] = {}
    ready: dict[str, float] = {}  # seconds from the editor's first form to each form built ahead
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "policy.yaml"
        path.write_text(dump_spec(data), encoding="utf-8")
        app = PolicyWizardApp("edit", path)
        if on_demand:  # no form built ahead: every switch builds its form, as one made at once
            from wizard.app.forms_ahead import FormsAhead

            FormsAhead.soon = lambda self, delay=0.0: None
        # Each frame written: (wall, processor) time, and whether it showed the step awaited
        # with its form mounted and focused. Checked as the frame is written: a poll from
        # another task can miss the first frame and take a later one (after the rows that
        # follow the first frame), which overstated the switches to long lists.
        frames: list[tuple[float, float, bool]] = []
        awaited: list[str] = []
        async with app.run_test(size=(160, 50)) as pilot:
            display = app._display

            def timed_display(screen, renderable):
                display(screen, renderable)
                frames.append((time.perf_counter(), time.thread_time(), bool(awaited) and shown(awaited[-1])))

            app._display = timed_display
            for _ in range(2000):
                await asyncio.sleep(0.01)
                if app.editor is not None and app.editor.is_mounted and app.editor.form is not None:
                    break
            editor = app.editor
            opened = time.perf_counter()
            if not on_demand:  # when each form has been built ahead: a switch before builds it
                while len(ready) < len(STEP_KEYS) - 1 and time.perf_counter() - opened < 10:
                    for step in editor.ahead._forms:
                        ready.setdefault(step, time.perf_counter() - opened)
                    await asyncio.sleep(0.01)
            await pilot.pause(1.0)

            def shown(step: str) -> bool:
                """The step's form is mounted, laid out (so the frame drawn shows it) and holds
                the focus (so typing goes into it). A form built ahead is mounted, and takes
                the focus, before it is laid out: a frame drawn in between shows the previous
                layout."""
                form = editor.form
                if editor.step != step or editor._switching.locked() or form is None or not form.is_mounted:
                    return False
                focused = app.focused
                if focused is None or not (focused is form or form in focused.ancestors):
                    return False
                try:
                    editor.find_widget(form)
                except NoWidget:
                    return False
                return True

            def complete() -> bool:
                """Every row of every list mounted (none pending, none being mounted)."""
                from wizard.app.widgets.list_editor import ListEditor

                return not any(worker.group == "list-rows" for worker in app.workers if not worker.is_finished) \
                    and not any(lists.pending for lists in editor.form.query(ListEditor))

            async def until_shown(step: str, start: float, cpu: float) -> tuple[float, float, float]:
                """(wall, processor) seconds until the first frame that shows the step's form
                with the focus in it, and wall until complete (all rows mounted)."""
                awaited.append(step)
                while not [frame for frame in frames if frame[0] >= start and frame[2]]:
                    if time.perf_counter() - start > 120:
                        raise RuntimeError(f"{step} did not appear")
                    await asyncio.sleep(0.001)
                first = next(frame for frame in frames if frame[0] >= start and frame[2])
                while not complete():
                    await asyncio.sleep(0.001)
                return (first[0] - start, first[1] - cpu, time.perf_counter() - start)

            async def idle() -> None:
                """Let the preview and the checks of the last switch finish (a user reads)."""
                await pilot.pause(0.3)
                for worker in list(app.workers):
                    if worker.group in ("preview", "checks"):
                        try:
                            await worker.wait()
                        except Exception:
                            pass
                await pilot.pause(0.2)

            async def choose_in_palette(step: str) -> None:
                """Open the command palette and type the step's "Go to" command, until it is
                the highlighted choice (Enter then runs it)."""
                app.post_message(events.Key("ctrl+p", None))
                while not isinstance(app.screen, CommandPalette) or not app.screen.query(CommandInput):
                    await asyncio.sleep(0.01)
                title = "Go to: " + step_title(step)
                app.screen.query_one(CommandInput).value = title
                while True:
                    await pilot.pause(0.05)
                    options = app.screen.query_one(CommandList)
                    if options.highlighted is None and options.option_count:
                        await pilot.press("down")
                        continue
                    chosen = options.highlighted_option
                    if chosen is not None and str(chosen.hit.text) == title:
                        return
                    if chosen is not None:
                        await pilot.press("down")

            for _round in range(rounds):
                await editor.go_to(STEP_KEYS[0])
                await idle()
                for step in STEP_KEYS[1:]:
                    start, cpu = time.perf_counter(), time.thread_time()
                    app.post_message(events.Key("f8", None))
                    nexts[step].append(await until_shown(step, start, cpu))
                    await idle()
                    widgets[step] = len(editor.form.query("*"))
                for step in STEP_KEYS[1:]:
                    await editor.go_to(STEP_KEYS[0])
                    await idle()
                    start, cpu = time.perf_counter(), time.thread_time()
                    app.last_user_action = time.monotonic()  # as the click that chooses it
                    editor.query_one(StepList).post_message(StepList.StepChosen(step))
                    jumps[step].append(await until_shown(step, start, cpu))
                    await idle()
                for step in STEP_KEYS[1:]:
                    await editor.go_to(STEP_KEYS[0])
                    await idle()
                    await choose_in_palette(step)
                    start, cpu = time.perf_counter(), time.thread_time()
                    app.post_message(events.Key("enter", None))
                    palette[step].append(await until_shown(step, start, cpu))
                    await idle()
            await editor.go_to(STEP_KEYS[0])
            widgets[STEP_KEYS[0]] = len(editor.form.query("*"))
    return nexts, jumps, palette, widgets, ready


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="passes over the steps (default 3)")
    parser.add_argument("--policy", choices=sorted(POLICIES), action="append",
                        help="which policy (default: example, preset and big)")
    parser.add_argument("--on-demand", action="store_true",
                        help="build no form ahead: the switches made before the editor has paused")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        use_fresh_folders(Path(folder))
        worst_wall = worst_cpu = 0.0
        worst_where = ""
        over: list[str] = []
        for key in args.policy or ["example", "preset", "big"]:
            name, data = POLICIES[key]()
            nexts, jumps, palette, widgets, ready = asyncio.run(measure(data, args.rounds, args.on_demand))
            print(f"\n{name}: ms until the step's form is drawn with the focus, median of {args.rounds}")
            if ready:
                print(f"  (once the policy is open, every form is built ahead by {max(ready.values()) * 1000:.0f} ms, "
                      f"the standards by {ready.get('standards', float('nan')) * 1000:.0f} ms: a switch before that "
                      "builds its form on demand, see --on-demand)")
            print(f"  {'':12s} {'':7s} {'F8 from the previous step':>27s}   {'sidebar, from basics':>27s}"
                  f"   {'palette, from basics':>27s}")
            print(f"  {'step':12s} {'widgets':>7s} " + f"{'wall':>7s} {'cpu':>7s} {'all rows':>9s}   " * 3)
            for step in nexts:
                if not nexts[step]:
                    print(f"  {step:12s} {widgets.get(step, 0):7d}")
                    continue
                cells = []
                for way, timings in (("F8", nexts[step]), ("sidebar", jumps[step]), ("palette", palette[step])):
                    wall, cpu, full = (statistics.median(column) * 1000 for column in zip(*timings))
                    if max(t[0] for t in timings) > worst_wall:
                        worst_wall = max(t[0] for t in timings)
                        slowest_round = [t[0] for t in timings].index(worst_wall) + 1
                        worst_where = f"{way} to {step}, round {slowest_round}, {name.split(',')[0]}"
                    worst_cpu = max(worst_cpu, max(t[1] for t in timings))
                    over += [f"{way} to {step} {t[0] * 1000:.0f} (round {number})"
                             for number, t in enumerate(timings, 1) if t[0] > 0.150]
                    cells.append(f"{wall:7.0f} {cpu:7.0f} {full:9.0f}")
                print(f"  {step:12s} {widgets.get(step, 0):7d} " + "   ".join(cells))
        print(f"\nslowest step switch: {worst_wall * 1000:.0f} ms wall ({worst_where}), "
              f"{worst_cpu * 1000:.0f} ms processor   (goal: about 150 ms or less)")
        print(f"over 150 ms wall: {len(over)}" + (": " + ", ".join(over) if over else ""))


if __name__ == "__main__":
    main()
