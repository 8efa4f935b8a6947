"""`fmt` saves like the app: never over an edit made while it ran, no debris, nothing silent."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from wizard import cli
from wizard.storage import TEMP_SUFFIX

ROOT = Path(__file__).resolve().parents[2]

UNTIDY = "schema_version: 1\nlanguage: en\ntitle:    Harbour Books Policy\n"
TIDY = "schema_version: 1\nlanguage: en\ntitle: Harbour Books Policy\n"


def fmt(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wizard", "--ui-lang", "en", "fmt", *map(str, paths)],
                          capture_output=True, text=True, cwd=ROOT)


def debris(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX))


@pytest.fixture
def policy(tmp_path) -> Path:
    path = tmp_path / "policy.yaml"
    path.write_text(UNTIDY, encoding="utf-8")
    return path


def test_an_edit_saved_while_fmt_runs_is_not_overwritten(policy, monkeypatch, capsys):
    import wizard.spec

    real_dump = wizard.spec.dump_spec
    theirs = UNTIDY + "mission: Saved by a colleague while fmt was busy.\n"

    def dump_while_someone_saves(*args, **kwargs):
        policy.write_text(theirs, encoding="utf-8")
        return real_dump(*args, **kwargs)

    monkeypatch.setattr(wizard.spec, "dump_spec", dump_while_someone_saves)
    assert cli.main(["fmt", str(policy)]) == 2
    assert policy.read_text(encoding="utf-8") == theirs
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "was changed while fmt was running, so nothing was written: run fmt again." in err
    assert debris(policy.parent) == []


def test_a_file_deleted_while_fmt_runs_is_not_written_again(policy, monkeypatch, capsys):
    import wizard.spec

    real_dump = wizard.spec.dump_spec

    def dump_while_someone_deletes(*args, **kwargs):
        policy.unlink()
        return real_dump(*args, **kwargs)

    monkeypatch.setattr(wizard.spec, "dump_spec", dump_while_someone_deletes)
    assert cli.main(["fmt", str(policy)]) == 2
    assert not policy.exists()
    assert "was deleted or moved meanwhile, so nothing was written." in capsys.readouterr().err


def test_a_backup_hard_linked_to_the_file_leaves_no_debris(policy):
    os.link(policy, policy.parent / "policy.yaml.bak")
    result = fmt(policy)
    assert result.returncode == 0, result.stderr
    assert policy.read_text(encoding="utf-8") == TIDY
    assert (policy.parent / "policy.yaml.bak").read_text(encoding="utf-8") == UNTIDY
    assert debris(policy.parent) == []
    assert "hard link" not in result.stdout  # the backup is meant to keep the old text


def test_two_fmt_runs_at_once_leave_one_tidy_file_and_no_debris(policy):
    os.link(policy, policy.parent / "policy.yaml.bak")
    command = [sys.executable, "-m", "wizard", "--ui-lang", "en", "fmt", str(policy)]
    runs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    results = [(run.wait(30), *run.communicate()) for run in runs]
    for code, _out, err in results:
        assert code == 0, err
    assert policy.read_text(encoding="utf-8") == TIDY
    assert debris(policy.parent) == []


def test_fmt_says_when_it_breaks_a_hard_link(policy):
    colleague = policy.parent / "shared-copy.yaml"
    os.link(policy, colleague)
    result = fmt(policy)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        f"Rewrote {policy}",
        f"Note: {policy} had 1 other name (a hard link); that one still shows the previous text.",
    ]
    assert colleague.read_text(encoding="utf-8") == UNTIDY


def test_fmt_says_when_it_rewrote_a_read_only_file(policy):
    policy.chmod(0o444)
    result = fmt(policy)
    assert result.returncode == 0
    assert f"Note: {policy} is read-only; fmt rewrote it all the same and left it read-only." in result.stdout
    assert policy.stat().st_mode & 0o777 == 0o444
    assert policy.read_text(encoding="utf-8") == TIDY


def test_comments_inside_a_list_written_over_several_lines_survive(policy):
    policy.write_text(
        "schema_version: 1\nlanguage: en\npurpose:\n"
        "  channels: [email,   # e-mail first\n"
        "    phone,\n"
        "    live_chat   # chat last\n"
        "  ]\n",
        encoding="utf-8",
    )
    assert fmt(policy).returncode == 0
    text = policy.read_text(encoding="utf-8")
    assert "  channels: [email, phone, live_chat]  # e-mail first # chat last\n" in text
    assert fmt(policy).stdout == ""  # and it stays so


def test_a_comment_on_a_removed_empty_value_stays_where_it_was(policy):
    policy.write_text(
        "schema_version: 1\nlanguage: en\ntitle: T\n"
        "# the mission comes later\n"
        "mission:\n"
        "vision: V\n",
        encoding="utf-8",
    )
    assert fmt(policy).returncode == 0
    assert policy.read_text(encoding="utf-8") == (
        "schema_version: 1\nlanguage: en\ntitle: T\n# the mission comes later\nvision: V\n"
    )


def test_a_comment_whose_neighbours_are_all_removed_goes_to_the_end(policy):
    policy.write_text("schema_version: 1\nlanguage: en\ntitle: T\n# later\nmission:\nvision:\n",
                      encoding="utf-8")
    assert fmt(policy).returncode == 0
    assert policy.read_text(encoding="utf-8") == "schema_version: 1\nlanguage: en\ntitle: T\n# later\n"
