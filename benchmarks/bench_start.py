"""Start-up and memory of the app (issue 13), measured side by side in one run.

Each app is a fresh process started in a pseudo-terminal of 160x50 (as in tmux: the frames
are really written to a terminal, not thrown away as in headless mode), the two alternating;
the time from starting the process to its first usable frame is taken, and the medians of
`--runs` processes are compared:

- bare: a Textual app with a Header, a Static and a Footer (its first frame with all three);
- welcome: `policy-wizard` (the welcome screen with its buttons, header and footer);
- edit: `policy-wizard edit FILE` on the ~30 KB policy of bench_app.py (the step list and
  the first step's form on screen, the focus in the form).

The apps run through the command line's own entry point (`wizard.cli.main`), as the
`policy-wizard` command does. Goals: welcome at most 1.3x the bare app, edit at most 1.5x.

Memory: each process stays until it is at rest (the editor: the preview drawn and the checks
done), then reports its resident memory (VmRSS) and its peak (VmHWM); with --every-step the
editor then opens every step in turn and reports them again. Goal: under 150 MB.

Run from the repository root:  python benchmarks/bench_start.py [--runs N] [--only NAME] [--every-step]
Where the time goes:            python benchmarks/bench_start.py --profile edit [--top N]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

COLUMNS, LINES = 160, 50

# Every child writes "first <time>" the moment its first usable frame is written to the
# terminal (App._display, once `ready(app)` holds), then "rest <rss> <peak>" once `at_rest`
# holds (checked every 50 ms, at most 20 s), and leaves. Textual is not imported by the
# probe: each app imports it as it does when started (the wizard after it has set itself up
# for its start), and `App._display` is replaced once it is.
PROBE = """
import importlib.abc, importlib.util, os, sys, time

if os.environ.get("BENCH_PROFILE"):
    import cProfile
    PROFILER = cProfile.Profile(time.thread_time)  # the main thread's processor time: not the machine's load
    PROFILER.enable()

REPORT = open(os.environ["BENCH_REPORT"], "w")

def report(line):
    REPORT.write(line + "\\n")
    REPORT.flush()

def memory():
    fields = dict(line.split(":", 1) for line in open("/proc/self/status"))
    return " ".join(fields[name].split()[0] for name in ("VmRSS", "VmHWM"))

class WhenImported(importlib.abc.MetaPathFinder):
    \"\"\"Calls `then(module)` once the module `name` has been imported (by the app).\"\"\"

    def __init__(self, name, then):
        self.name, self.then = name, then

    def find_spec(self, name, path, target=None):
        if name != self.name:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run_module, then = spec.loader.exec_module, self.then

        def exec_module(module):
            run_module(module)
            then(module)

        spec.loader.exec_module = exec_module
        return spec

def probe(ready, at_rest=lambda app: True, afterwards=None):
    sys.meta_path.insert(0, WhenImported("textual.app", lambda module: replace_display(module.App, ready, at_rest, afterwards)))

def replace_display(App, ready, at_rest, afterwards):
    display = App._display

    def timed(app, screen, renderable):
        display(app, screen, renderable)
        if renderable is not None and not getattr(app, "_probe_done", False) and ready(app):
            app._probe_done = True
            report("first %r %r" % (time.time(), time.process_time()))
            if os.environ.get("BENCH_PROFILE"):
                PROFILER.disable()
                PROFILER.dump_stats(os.environ["BENCH_PROFILE"])
            app._probe_started = time.monotonic()
            app.set_interval(0.05, lambda: leave_at_rest(app))

    def leave_at_rest(app):
        if at_rest(app) or time.monotonic() - app._probe_started > 20:
            if not getattr(app, "_probe_left", False):
                app._probe_left = True
                report("rest %s %.3f" % (memory(), time.monotonic() - app._probe_started))
                if afterwards is None or not os.environ.get("BENCH_AFTERWARDS"):
                    app.exit()
                else:
                    app.run_worker(do_afterwards(app), group="bench")

    async def do_afterwards(app):
        await afterwards(app)
        report("afterwards " + memory())
        app.exit()

    App._display = timed
"""

BARE = PROBE + """
probe(lambda app: bool(app.screen.query("HeaderTitle")) and bool(app.screen.query("FooterKey")))

from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("Hello")
        yield Footer()

Bare().run()
"""

WELCOME = PROBE + """
from wizard.cli import main

probe(lambda app: type(app.screen).__name__ == "WelcomeScreen" and bool(app.screen.query("HeaderTitle"))
      and bool(app.screen.query("FooterKey")) and bool(app.screen.query("#new")))
sys.exit(main([]))
"""

EDIT = PROBE + """
from wizard.cli import main

def usable(app):
    screen = app.screen
    if type(screen).__name__ != "EditorScreen" or not screen.query("#form-host > StepForm"):
        return False
    focused = app.focused
    return (focused is not None and screen.query_one("#form-host") in focused.ancestors
            and bool(screen.query("#steps")) and bool(screen.query("FooterKey")))

def at_rest(app):
    from wizard.app.widgets.preview import Preview, SectionView

    screen = app.screen
    preview = screen.query_one(Preview)
    return (not preview.pending and bool(preview.query(SectionView))
            and screen._checked_version == screen.version
            and not any(worker.is_running and worker.group != "bench" for worker in app.workers))

async def every_step(app):
    # every step in turn, as a user going through the policy, each until at rest
    import asyncio
    from wizard.app.ui import STEP_KEYS

    screen = app.screen
    for step in STEP_KEYS:
        await screen.go_to(step)
        while not at_rest(app):
            await asyncio.sleep(0.05)

probe(usable, at_rest, every_step)
sys.exit(main(["edit", os.environ["BENCH_FILE"]]))
"""

APPS = {"bare": BARE, "welcome": WELCOME, "edit": EDIT}


def environment(home: Path) -> dict[str, str]:
    """A user of their own (config, state, data, cache) in `home`, English, 160x50."""
    env = dict(os.environ)
    for variable, folder in (("XDG_CONFIG_HOME", "config"), ("XDG_STATE_HOME", "state"),
                             ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache")):
        env[variable] = str(home / folder)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("LC_ALL", None)
    env["LANG"] = "C.UTF-8"
    env["TERM"] = "xterm-256color"
    env["COLUMNS"], env["LINES"] = str(COLUMNS), str(LINES)
    env.pop("TEXTUAL", None)
    # As on an installed copy: modules compiled once (.pyc, kept in the temporary folder).
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _drain(fd: int) -> None:
    """Read what the app writes to its terminal (a full terminal would stop it)."""
    while True:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


@dataclass
class Run:
    """One start of an app: wall seconds to its first usable frame, processor seconds spent
    by then, at rest its resident memory and peak (kB) and the seconds since that frame, and
    (with --every-step) the resident memory and peak after every step was opened."""

    wall: float
    processor: float
    rss: int
    peak: int
    rest: float
    steps_rss: int = 0
    steps_peak: int = 0


def run_once(code: str, env: dict[str, str]) -> Run:
    """One fresh process in a pseudo-terminal."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report"
        env = dict(env, BENCH_REPORT=str(report))
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        reader = threading.Thread(target=_drain, args=(master,), daemon=True)
        reader.start()
        start = time.time()
        child = subprocess.Popen([sys.executable, "-c", code], env=env, cwd=ROOT, stdin=slave,
                                 stdout=slave, stderr=slave, start_new_session=True)
        os.close(slave)
        try:
            child.wait(timeout=60)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
            os.close(master)
            reader.join(timeout=1)
        lines = dict(line.split(" ", 1) for line in report.read_text().splitlines())
    if "first" not in lines:
        raise RuntimeError("the app never showed its first usable screen")
    moment, processor = lines["first"].split()
    rss, peak, rest = lines.get("rest", "0 0 0").split()
    steps_rss, steps_peak = lines.get("afterwards", "0 0").split()
    return Run(float(moment) - start, float(processor), int(rss), int(peak), float(rest),
               int(steps_rss), int(steps_peak))


def profile(name: str, env: dict[str, str], output: Path, top: int) -> None:
    """Start the app twice (the first compiles and warms the caches), profiling the second,
    and print the functions that took the most time until its first usable frame."""
    import pstats

    run_once(APPS[name], env)
    run = run_once(APPS[name], dict(env, BENCH_PROFILE=str(output)))
    print(f"{name}: first usable frame after {run.wall * 1000:.0f} ms (profiled: slower than usual)")
    pstats.Stats(str(output)).sort_stats("cumulative").print_stats(top)


def median(runs: list[Run], field: str) -> float:
    return statistics.median(getattr(run, field) for run in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="start-ups of each app (default 9)")
    parser.add_argument("--only", choices=("welcome", "edit"), help="measure one of the two against the bare app")
    parser.add_argument("--profile", choices=tuple(APPS), help="instead: profile one start of this app (cProfile of"
                        " its main thread until the first usable frame) and list where the time goes")
    parser.add_argument("--top", type=int, default=40, help="functions listed by --profile (default 40)")
    parser.add_argument("--keep", type=Path, help="where --profile keeps the profile (pstats file)")
    parser.add_argument("--every-step", action="store_true", help="also: the editor's memory after it opened every"
                        " step in turn (each edit process then stays longer; its start-up is measured as before)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    from bench_app import big_policy
    from wizard.spec import dump_spec

    apps = ["bare"] + ([args.only] if args.only else ["welcome", "edit"])
    with tempfile.TemporaryDirectory() as folder:
        policy = Path(folder) / "policy.yaml"
        policy.write_text(dump_spec(big_policy()), encoding="utf-8")
        env = dict(environment(Path(folder)), BENCH_FILE=str(policy))
        if args.every_step:
            env["BENCH_AFTERWARDS"] = "1"
        if args.profile:
            profile(args.profile, env, args.keep or Path(folder) / "profile", args.top)
            return
        for name in apps:  # compile the modules and warm the caches (catalogs, templates, files) once
            run_once(APPS[name], env)
        runs: dict[str, list[Run]] = {name: [] for name in apps}
        for _ in range(args.runs):
            for name in apps:
                runs[name].append(run_once(APPS[name], env))
        size = policy.stat().st_size

    labels = {"bare": "bare Textual app (Header+Static+Footer)", "welcome": "policy-wizard (welcome screen)",
              "edit": f"policy-wizard edit ({size / 1024:.1f} KB policy)"}
    goals = {"welcome": 1.3, "edit": 1.5}
    print(f"First usable screen (median of {args.runs} fresh processes in a {COLUMNS}x{LINES} terminal;"
          " wall time, and the processor time the app used by then):")
    for name in apps:
        wall, processor = median(runs[name], "wall"), median(runs[name], "processor")
        line = f"  {labels[name]:42s} wall {wall * 1000:6.0f} ms   processor {processor * 1000:6.0f} ms"
        if name != "bare":
            line += (f"   {wall / median(runs['bare'], 'wall'):.2f}x / "
                     f"{processor / median(runs['bare'], 'processor'):.2f}x  (goal <= {goals[name]}x)")
        print(line)
    print("At rest (preview drawn, checks done): resident memory (VmRSS), its peak (VmHWM), and when:")
    for name in apps:
        print(f"  {labels[name]:42s} {median(runs[name], 'rss') / 1024:6.1f} MB, peak "
              f"{median(runs[name], 'peak') / 1024:6.1f} MB, {median(runs[name], 'rest') * 1000:5.0f} ms "
              "after the first screen")
    if args.every_step and "edit" in runs:
        print(f"After opening every step: {median(runs['edit'], 'steps_rss') / 1024:6.1f} MB resident, peak "
              f"{median(runs['edit'], 'steps_peak') / 1024:6.1f} MB")


if __name__ == "__main__":
    main()
