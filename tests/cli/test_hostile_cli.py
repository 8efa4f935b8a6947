"""Hostile input and a hostile environment, as a user meets them: a real process, its exit code
and the exact one line it prints. No traceback, nothing written where it must not be."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "examples" / "northwind-en.yaml"


def run(*args: str, cwd: Path | None = None, stdout=subprocess.PIPE, env: dict | None = None,
        close_stdout: bool = False) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "wizard", *args], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, env=environment, cwd=cwd, timeout=60,
                          preexec_fn=(lambda: os.close(1)) if close_stdout else None)


# --- numbers ------------------------------------------------------------------------------

HUGE = ("schema_version: 1\nlanguage: en\nreview_every_months: 12345678901234567890123456\n"
        "procedures:\n  - kind: refunds\n    resolve_within: " + "7" * 5000 + " days\n")
HUGE_MESSAGES = [
    "huge.yaml:3: expected a whole number of months from 1 to 120, such as 12; found "
    "'12345678901234567890123456'",
    "huge.yaml:6: expected a duration: a whole number from 1 to 9999 and a unit (seconds, minutes, "
    "hours, days, working days, weeks, months), such as '24 hours'; found '" + "7" * 60 + "…'",
]


@pytest.mark.parametrize("command", ["check", "render", "fmt", "preview"])
def test_huge_numbers_give_one_line_each_in_every_command(command: str, tmp_path: Path) -> None:
    (tmp_path / "huge.yaml").write_text(HUGE, encoding="utf-8")
    result = run(command, "huge.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == HUGE_MESSAGES
    assert (tmp_path / "huge.yaml").read_text(encoding="utf-8") == HUGE


def test_the_largest_numbers_allowed_render_in_every_language(tmp_path: Path) -> None:
    policy = tmp_path / "big.yaml"
    policy.write_text("schema_version: 1\nlanguage: en\nreview_every_months: 120\nescalation:\n"
                      "  - level: 99\n    within: 9999 seconds\n", encoding="utf-8")
    for lang in ("en", "hr", "zh", "tr"):
        result = run("render", str(policy), "--lang", lang, "--format", "txt")
        assert result.returncode == 0, result.stderr


# --- terminal escapes -------------------------------------------------------------------------

def test_escapes_in_the_file_never_reach_the_terminal(tmp_path: Path) -> None:
    (tmp_path / "escape.yaml").write_text(
        'schema_version: 1\nlanguage: "\\e[2J\\e[31men"\n"mis\\u200bsion": x\n', encoding="utf-8")
    result = run("check", "escape.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "escape.yaml:2: unsupported language '\\x1b[2J\\x1b[31men'; valid languages: en, hr, zh, tr",
        "escape.yaml:3: unknown key 'mis<U+200B>sion' (did you mean 'mission'?)",
    ]


# --- files that are not what they seem ---------------------------------------------------------

@pytest.mark.parametrize("args", [["check"], ["render"], ["fmt"], ["edit"], ["new", "--no-edit"]],
                         ids=lambda args: args[0])
def test_a_symbolic_link_loop_is_named(args: list[str], tmp_path: Path) -> None:
    os.symlink("b.yaml", tmp_path / "a.yaml")
    os.symlink("a.yaml", tmp_path / "b.yaml")
    result = run(args[0], "a.yaml", *args[1:], cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "a.yaml: this is a symbolic link that leads back to itself (a loop), not to a file\n"


# --- standard output that fails -----------------------------------------------------------------

PRINTING = [["schema"], ["presets"], ["--help"], ["check", str(EXAMPLE)], ["render", str(EXAMPLE)],
            ["render", str(EXAMPLE), "--format", "html"], ["preview", str(EXAMPLE)]]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", PRINTING, ids=lambda args: " ".join(args[:1] + args[2:]))
def test_a_full_disk_on_standard_output_is_one_line(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = run(*args, stdout=full)
    assert result.returncode == 2
    assert result.stderr == "policy-wizard: cannot write to standard output (No space left on device)\n"


@pytest.mark.parametrize("args", PRINTING, ids=lambda args: " ".join(args[:1] + args[2:]))
def test_a_closed_standard_output_is_one_line(args: list[str]) -> None:
    result = run(*args, stdout=None, close_stdout=True)
    assert result.returncode == 2
    assert result.stderr == "policy-wizard: cannot write to standard output (Bad file descriptor)\n"


def test_commands_that_write_a_file_and_then_report_it_say_when_the_report_fails(tmp_path: Path) -> None:
    """`fmt` and `new --no-edit` do their work, then cannot say so: one line and exit 2, so a
    script does not take the silence for success."""
    messy = tmp_path / "messy.yaml"
    messy.write_text("language: en\nschema_version: 1\n", encoding="utf-8")
    for args in (("fmt", "messy.yaml"), ("new", "new.yaml", "--no-edit", "--lang", "en")):
        result = run(*args, cwd=tmp_path, stdout=None, close_stdout=True)
        assert result.returncode == 2
        assert result.stderr == "policy-wizard: cannot write to standard output (Bad file descriptor)\n"
    assert messy.read_text(encoding="utf-8").startswith("schema_version: 1\n")
    assert (tmp_path / "new.yaml").is_file()


# --- render -o never replaces a policy -----------------------------------------------------------

REFUSED = ("policy-wizard: {path} is a policy file, and writing there would replace it: name another output "
           "file, or add --force to replace it\n")


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    path = tmp_path / "policy.yaml"
    path.write_bytes(EXAMPLE.read_bytes())
    return path


def test_render_refuses_to_write_over_its_own_input(policy: Path) -> None:
    result = run("render", "policy.yaml", "-o", "policy.yaml", cwd=policy.parent)
    assert result.returncode == 2
    assert result.stderr == REFUSED.format(path="policy.yaml")
    assert policy.read_bytes() == EXAMPLE.read_bytes()


@pytest.mark.parametrize("other", [
    "schema_version: 1\nlanguage: en\nmission: Another policy.\n",
    "schema_version: 7\nlanguage: de\n",  # a policy with mistakes is still a policy
])
def test_render_refuses_to_write_over_another_policy(policy: Path, other: str) -> None:
    target = policy.parent / "other.yaml"
    target.write_text(other, encoding="utf-8")
    result = run("render", "policy.yaml", "--format", "docx", "-o", "other.yaml", cwd=policy.parent)
    assert result.returncode == 2
    assert result.stderr == REFUSED.format(path="other.yaml")
    assert target.read_text(encoding="utf-8") == other


def test_render_force_writes_over_a_policy_and_any_other_file_needs_no_force(policy: Path) -> None:
    folder = policy.parent
    (folder / "old.md").write_text("# An older render\n", encoding="utf-8")
    assert run("render", "policy.yaml", "-o", "old.md", cwd=folder).returncode == 0
    assert (folder / "old.md").read_text(encoding="utf-8").startswith("# Customer Service Policy")
    result = run("render", "policy.yaml", "-o", "policy.yaml", "--force", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert policy.read_text(encoding="utf-8").startswith("# Customer Service Policy")


def test_render_all_languages_writes_nothing_when_one_target_is_a_policy(policy: Path) -> None:
    out = policy.parent / "out"
    out.mkdir()
    (out / "policy.hr.md").write_bytes(EXAMPLE.read_bytes())
    result = run("render", "policy.yaml", "--lang", "all", "-o", "out", cwd=policy.parent)
    assert result.returncode == 2
    assert result.stderr == REFUSED.format(path=os.path.join("out", "policy.hr.md"))
    assert sorted(p.name for p in out.iterdir()) == ["policy.hr.md"]


# --- a damaged cache --------------------------------------------------------------------------------

@pytest.mark.parametrize("damage", [lambda data: data[:50], lambda data: b"", lambda data: bytes(reversed(data))],
                         ids=["truncated", "empty", "scrambled"])
def test_a_damaged_cache_is_rebuilt(damage, tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    args = ("render", str(EXAMPLE), "--lang", "hr", "--format", "html", "--ui-lang", "tr")
    first = run(*args, env=env)
    assert first.returncode == 0, first.stderr
    cached = [path for path in (tmp_path / "cache").rglob("*") if path.is_file()]
    assert {path.parent.name for path in cached} >= {"catalogs", "jinja"}
    for path in cached:
        path.write_bytes(damage(path.read_bytes()))
    again = run(*args, env=env)
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout
    third = run(*args, env=env)  # from the rebuilt cache
    # the same output and the same words on stderr (the note on untranslated text), nothing else
    assert (third.returncode, third.stdout, third.stderr) == (0, first.stdout, first.stderr)
