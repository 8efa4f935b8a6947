"""Rendering speed, the two goals of issue 2 (a benchmark, not a test: run it by hand or in CI).

1. Rendering one example policy takes at most 2x `python -c "import yaml, jinja2, babel"`,
   both measured here side by side, as whole processes, interleaved.
2. Cost grows linearly: a spec with 5,000 list items rendered in all four languages takes
   at most 6x a spec with 50 items.
3. DOCX of very long lists is linear and quick (issue 9): 100,000 procedure steps and 30,000
   table rows each render to DOCX in at most 4x the time of the same spec as Markdown
   (before the writer built its XML in one string: ~28 s and ~23 s).

Whole processes run `python -m wizard render ...` when the command line has a `render`
command, else a small script that loads the YAML and calls `wizard.render.render` (the same
work minus argument parsing). Each process runs with a warmed, private cache folder (compiled
catalogs, templates and Babel values) and compiled modules, as on a user's machine after the
first run.

    python benchmarks/bench_render.py [--runs 15] [--format md] [--docx-runs 3]

Prints both ratios, by wall-clock and by CPU time of the processes, and exits 1 if a goal is
missed by CPU time (on a busy machine, wall time mostly measures the other processes; on an
idle one the two agree).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "examples" / "northwind-en.yaml"
LANGS = ("en", "hr", "zh", "tr")

SCRIPT = """
import sys
from pathlib import Path
from wizard.render import render
try:
    from wizard.spec import loads_spec
except ImportError:
    loads_spec = None
path, langs, fmt, out = sys.argv[1], sys.argv[2].split(","), sys.argv[3], sys.argv[4]
text = Path(path).read_text(encoding="utf-8")
if loads_spec is not None:
    data = loads_spec(text, path).data
else:
    import datetime, yaml
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    def plain(value):
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, datetime.date):
            return value.isoformat()
        return value
    data = plain(yaml.load(text, Loader=loader))
for lang in langs:
    result = render(data, lang, fmt)
    if out == "-":
        sys.stdout.write(result)
    else:
        Path(out, f"policy.{lang}.{fmt}").write_text(result, encoding="utf-8")
"""


def cli_has_render() -> bool:
    cli = ROOT / "wizard" / "cli.py"
    return cli.is_file() and '"render"' in cli.read_text(encoding="utf-8")


def render_command(spec: Path, langs: tuple[str, ...], fmt: str, out: Path) -> list[str]:
    if cli_has_render():
        if len(langs) == 1:
            return [sys.executable, "-m", "wizard", "render", str(spec), "--lang", langs[0], "--format", fmt]
        return [sys.executable, "-m", "wizard", "render", str(spec), "--lang", "all", "--format", fmt, "-o", str(out)]
    return [sys.executable, "-c", SCRIPT, str(spec), ",".join(langs), fmt, "-" if len(langs) == 1 else str(out)]


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode != 0:
        sys.exit(f"command failed ({completed.returncode}): {' '.join(command)}\n{completed.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def big_spec(items: int) -> dict:
    """A valid spec whose lists hold `items` entries in all, spread over every kind of list."""
    kinds = 10
    each, extra = divmod(items, kinds)
    counts = [each + (1 if index < extra else 0) for index in range(kinds)]
    units = ["minutes", "hours", "working days", "days"]
    return {
        "schema_version": 1,
        "language": "en",
        "company": "Benchmark Ltd.",
        "owner": "Quality team",
        "contact": "quality@example.com",
        "effective_date": "2026-12-01",
        "review_every_months": 12,
        "purpose": {"intent": "A large policy for measuring speed.", "channels": ["phone", "email"]},
        "definitions": [{"term": f"Term {n}", "meaning": f"The meaning of term {n}, in a sentence of ordinary length."} for n in range(counts[0])],
        "mission": "To measure how rendering grows with the size of a policy.",
        "values": [{"name": f"Value {n}", "description": f"What value {n} means to us every day."} for n in range(counts[1])],
        "standards": {
            "always": [f"keep promise number {n} to every customer" for n in range(counts[2])],
            "never": [f"break promise number {n}" for n in range(counts[3])],
            "service_levels": [
                {"channel": "other", "name": f"Channel {n}", "first_response": f"{n % 50 + 1} {units[n % 4]}", "resolution": f"{n % 9 + 2} working days"}
                for n in range(counts[4])
            ],
            "support_hours": "Monday to Friday, 08:00 to 20:00",
        },
        "procedures": [
            {"kind": "other", "title": "Long procedure", "steps": [f"Do step {n} carefully and write it down." for n in range(counts[5])], "acknowledge_within": "2 working days"}
        ],
        "escalation": [{"level": n + 1, "role": f"Role {n}", "when": f"Condition {n} is met.", "within": f"{n % 24 + 1} hours"} for n in range(counts[6])],
        "training": {"methods": ["role_play", "mentoring"], "refresher_every_months": 6, "resources": [f"Resource {n}" for n in range(counts[7])]},
        "sections": [{"title": f"Extra section {n}", "body": f"The body of extra section {n}."} for n in range(counts[8])],
        "revisions": [{"date": f"2026-{n % 12 + 1:02d}-{n % 28 + 1:02d}", "author": "Ana Horvat", "note": f"Change {n}."} for n in range(counts[9])],
    }


def long_lists_spec(steps: int = 0, rows: int = 0) -> dict:
    """A small spec with one very long procedure and/or a very long escalation table."""
    data = big_spec(50)
    if steps:
        data["procedures"][0]["steps"] = [f"Do step {n} carefully and write it down." for n in range(steps)]
    if rows:
        data["escalation"] = [
            {"level": n + 1, "role": f"Role {n}", "when": f"Condition {n} is met.", "within": f"{n % 24 + 1} hours"}
            for n in range(rows)
        ]
    return data


# A long-list spec is larger than the 2 MB a policy file may have: it is built in the process.
LONG_SCRIPT = """
import sys
sys.path.insert(0, sys.argv[1])
from bench_render import long_lists_spec
from wizard.render import render
steps, rows, fmt, out = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
result = render(long_lists_spec(steps=steps, rows=rows), "en", fmt)
with open(out, "wb") as handle:
    handle.write(result if isinstance(result, bytes) else result.encode("utf-8"))
"""


def measure_docx(env: dict[str, str], out: Path, runs: int) -> list[str]:
    """DOCX against Markdown of the same long lists, whole processes; returns the goals missed."""
    failed = []
    for label, steps, rows in (("100,000 steps", 100_000, 0), ("30,000 table rows", 0, 30_000)):
        commands = {
            fmt: [sys.executable, "-c", LONG_SCRIPT, str(ROOT / "benchmarks"), str(steps), str(rows), fmt, str(out / f"long.{fmt}")]
            for fmt in ("md", "docx")
        }
        times = measure(commands, env, runs)
        ratio = times["docx"][1] / times["md"][1]
        print(f"{label + ', DOCX':<30} wall {times['docx'][0] * 1000:7.1f} ms   CPU {times['docx'][1] * 1000:7.1f} ms"
              f"   {ratio:.2f}x Markdown's CPU {times['md'][1] * 1000:.1f} ms (goal <= 4)")
        if ratio > 4:
            failed.append(f"DOCX of {label} takes more than 4x Markdown")
    return failed


def write_spec(data: dict, path: Path) -> Path:
    import yaml

    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def measure(commands: dict[str, list[str]], env: dict[str, str], runs: int) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of each command."""
    for command in commands.values():  # warm the caches (catalogs, template bytecode, .pyc)
        run(command, env)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():  # interleaved, so load changes hit both alike
            times[name].append(run(command, env))
    return {
        name: (statistics.median(w for w, _ in values), statistics.median(c for _, c in values))
        for name, values in times.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--format", default="md", choices=["md", "html", "txt"])
    parser.add_argument("--docx-runs", type=int, default=3, help="runs of the long-list DOCX measurement (0: skip it)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        # As on an installed copy: modules compiled once (.pyc, kept in the temporary folder).
        env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(ROOT),
                   PYTHONPYCACHEPREFIX=str(tmp_path / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        out = tmp_path / "out"
        out.mkdir()
        small = write_spec(big_spec(50), tmp_path / "small.yaml")
        large = write_spec(big_spec(5000), tmp_path / "large.yaml")
        how = "python -m wizard render" if cli_has_render() else "a script calling wizard.render.render"
        print(f"processes: {how}; format {args.format}; median of {args.runs} runs")

        first = measure(
            {
                "baseline": [sys.executable, "-c", "import yaml, jinja2, babel"],
                "render": render_command(EXAMPLE, ("hr",), args.format, out),
            },
            env,
            args.runs,
        )
        second = measure(
            {
                "50 items": render_command(small, LANGS, args.format, out),
                "5000 items": render_command(large, LANGS, args.format, out),
            },
            env,
            max(3, args.runs // 3),
        )
        docx_failed = measure_docx(env, out, args.docx_runs) if args.docx_runs else []

    def row(label: str, value: tuple[float, float], ratio: tuple[float, float] | None = None, goal: str = "") -> None:
        text = f"{label:<30} wall {value[0] * 1000:7.1f} ms   CPU {value[1] * 1000:7.1f} ms"
        if ratio:
            text += f"   ratio wall {ratio[0]:.2f}, CPU {ratio[1]:.2f} (goal <= {goal})"
        print(text)

    one = (first["render"][0] / first["baseline"][0], first["render"][1] / first["baseline"][1])
    grow = (second["5000 items"][0] / second["50 items"][0], second["5000 items"][1] / second["50 items"][1])
    row("import yaml, jinja2, babel", first["baseline"])
    row("render one example (hr)", first["render"], one, "2")
    row("50 items, 4 languages", second["50 items"])
    row("5,000 items, 4 languages", second["5000 items"], grow, "6")
    # CPU time decides: on a busy machine wall time mostly measures the other processes.
    one_ratio, growth = one[1], grow[1]

    failed = list(docx_failed)
    if one_ratio > 2:
        failed.append("one example takes more than 2x the imports")
    if growth > 6:
        failed.append("5,000 items take more than 6x 50 items")
    for problem in failed:
        print(f"GOAL MISSED: {problem}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
