"""The real program in a real (pseudo-)terminal: killed, failing to save, surprised by a colleague.

Each test starts `python -m wizard edit FILE` as its own process, types like a user,
reads the screen, and checks the files on disk. Nothing here is Pilot: a `kill -9`
gives the app no chance to tidy up, which is the point.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest
import yaml

from tests.storage._terminal import Terminal
from wizard.storage import DraftStore

ROOT = Path(__file__).resolve().parents[2]

POLICY = """\
schema_version: 1
language: en
title: Customer Service Policy
company: Northwind Traders
mission: We help our customers.
"""

AUTOSAVE_PROMISE = 2.0  # seconds: every change reaches the draft within this time


@pytest.fixture
def policy(tmp_path) -> Path:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "policy.yaml"
    path.write_text(POLICY, encoding="utf-8")
    return path


@pytest.fixture
def start(tmp_path):
    terminals: list[Terminal] = []

    def start(*args: str) -> Terminal:
        terminal = Terminal(
            [sys.executable, "-m", "wizard", "--ui-lang", "en", *args],
            cwd=ROOT,
            env=dict(os.environ),
        )
        terminals.append(terminal)
        return terminal

    yield start
    for terminal in terminals:
        terminal.close()


def open_editor(start, policy: Path) -> Terminal:
    terminal = start("edit", str(policy))
    terminal.wait_for("policy.yaml", "Title", "Company")
    time.sleep(0.5)  # the form takes the focus once the step is shown
    return terminal


def edit_title(terminal: Terminal, text: str) -> None:
    """Replace the title (the first field of the first step has the focus) with `text`."""
    terminal.press("ctrl+a", "ctrl+k")
    terminal.wait_for("unsaved changes")  # the cleared field has reached the app
    time.sleep(0.3)
    terminal.type(text)
    terminal.wait_for(text)


def answer_revision_note(terminal: Terminal, note: str) -> None:
    """Saving edits of an existing policy asks for a note for its revision history."""
    terminal.wait_for("What did you change?")
    terminal.type(note)
    terminal.wait_for(note)
    terminal.press("enter")


def title_on_disk(path: Path) -> str:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["title"]


def wait_for_title_on_disk(terminal: Terminal, path: Path, title: str) -> None:
    """Wait until the file at `path` holds a policy titled `title`: the app saves after the
    keys that ask it to, in its own time (a generous limit, not a timing assertion)."""
    deadline = time.monotonic() + 10
    while not path.exists() or title_on_disk(path) != title:
        assert time.monotonic() < deadline, f"{path.name} was not saved with the title {title!r}:\n{terminal.text()}"
        time.sleep(0.1)


def save_as(terminal: Terminal, target: Path) -> None:
    """Answer the file-name dialog: the suggested name replaced by `target`, then Enter."""
    terminal.press("ctrl+a", "ctrl+k")
    terminal.type(str(target))
    terminal.press("enter")


def test_killed_app_offers_to_restore_the_edit(start, policy):
    terminal = open_editor(start, policy)
    edit_title(terminal, "Kava Policy After Crash")
    time.sleep(AUTOSAVE_PROMISE + 0.5)
    terminal.kill()  # kill -9: no clean-up, no chance to save
    assert title_on_disk(policy) == "Customer Service Policy"  # the user's file is written only on save

    again = start("edit", str(policy))  # the draft's question shows with the editor
    screen = again.wait_for("Unsaved work was found", "Last changed:")
    assert "Policy Wizard kept your unsaved changes to" in " ".join(screen.split())
    assert "Last changed:" in screen
    assert "Sections that differ from the file: “Basics”" in screen
    again.press("enter")  # Restore (the default)
    again.wait_for("unsaved changes")
    time.sleep(0.5)  # the restored editor replaces the first one; let it settle, as a person would
    again.press("ctrl+s")
    answer_revision_note(again, "Title after the crash")
    wait_for_title_on_disk(again, policy, "Kava Policy After Crash")
    assert (policy.parent / "policy.yaml.bak").read_text(encoding="utf-8") == POLICY
    again.press("ctrl+q")
    again.wait_exit()
    assert DraftStore().list() == []  # a clean quit leaves no stale draft


def test_closing_the_terminal_keeps_even_the_last_keystrokes(start, policy):
    """A closed terminal sends SIGHUP: the app writes the draft before it goes, however recent the edit."""
    terminal = open_editor(start, policy)
    edit_title(terminal, "Typed Right Before Closing")
    os.kill(terminal.process.pid, signal.SIGHUP)  # no waiting for the autosave timer
    terminal.wait_exit()
    [info] = DraftStore().list()
    assert info.target == policy.resolve()
    assert DraftStore().read(info.id)["title"] == "Typed Right Before Closing"
    assert title_on_disk(policy) == "Customer Service Policy"


def test_a_new_policy_never_saved_is_offered_on_the_welcome_screen(start, tmp_path):
    terminal = start("new")
    terminal.wait_for("Title", "Company")
    time.sleep(0.5)
    terminal.type("Kava Bar Policy")
    terminal.wait_for("Kava Bar Policy", "unsaved changes")
    time.sleep(AUTOSAVE_PROMISE + 0.5)
    terminal.kill()

    welcome = start()  # `policy-wizard` with no command: the welcome screen
    welcome.wait_for("Kava Bar Policy")
    welcome.click("Kava Bar Policy")
    screen = welcome.wait_for("Unsaved work was found")
    assert "kept a new policy that was never saved: Kava Bar Policy." in " ".join(screen.split())
    welcome.press("enter")  # Restore
    welcome.wait_for("Kava Bar Policy", "Step 1 of 13")
    time.sleep(0.5)
    welcome.press("ctrl+s")  # a new policy: where to save it?
    welcome.wait_for("File name")
    target = tmp_path / "kava.yaml"
    save_as(welcome, target)
    wait_for_title_on_disk(welcome, target, "Kava Bar Policy")
    welcome.press("ctrl+q")
    welcome.wait_exit()
    assert DraftStore().list() == []


def test_a_failed_save_loses_nothing(start, policy, tmp_path):
    terminal = open_editor(start, policy)
    edit_title(terminal, "Title Worth Keeping")
    shutil.rmtree(policy.parent)  # the folder goes away behind the app's back
    terminal.press("ctrl+s")
    terminal.wait_for("The file is no longer there", "Save it again")  # never written again unasked
    terminal.press("down", "enter")  # Save it again: its folder is gone too
    answer_revision_note(terminal, "New title")
    screen = terminal.wait_for("The policy was not saved", "Nothing is lost")
    flat = " ".join(screen.split())
    assert "Could not save" in flat and "its folder no longer exists." in flat
    terminal.press("enter")  # Save as… (the default)
    terminal.wait_for("Save as", "File name")
    rescue = tmp_path / "rescued.yaml"
    save_as(terminal, rescue)
    wait_for_title_on_disk(terminal, rescue, "Title Worth Keeping")
    assert yaml.safe_load(rescue.read_text(encoding="utf-8"))["mission"] == "We help our customers."
    terminal.wait_for("rescued.yaml")
    terminal.press("ctrl+q")
    terminal.wait_exit()


def test_a_file_changed_behind_the_apps_back_asks_first(start, policy):
    terminal = open_editor(start, policy)
    edit_title(terminal, "My Version")
    theirs = POLICY + "vision: A colleague's vision.\n"
    policy.write_text(theirs, encoding="utf-8")
    terminal.press("ctrl+s")
    screen = terminal.wait_for("The file was changed by someone else")
    for answer in ("Save as…", "Overwrite", "Reload", "Cancel"):
        assert answer in screen
    terminal.press("escape")  # cancel: nothing is written
    time.sleep(0.5)
    assert policy.read_text(encoding="utf-8") == theirs
    terminal.wait_for("unsaved changes")
    terminal.press("ctrl+s")
    terminal.wait_for("The file was changed by someone else")
    terminal.press("down", "enter")  # Overwrite, on purpose
    answer_revision_note(terminal, "My title")
    wait_for_title_on_disk(terminal, policy, "My Version")
    assert (policy.parent / "policy.yaml.bak").read_text(encoding="utf-8") == theirs  # theirs is kept
    terminal.press("ctrl+q")
    terminal.wait_exit()


def test_a_colleagues_change_made_while_the_app_was_down_is_not_overwritten(start, policy):
    terminal = open_editor(start, policy)
    edit_title(terminal, "Mine From Before")
    time.sleep(AUTOSAVE_PROMISE + 0.5)
    terminal.kill()
    theirs = POLICY + "vision: Written by a colleague after the crash.\n"
    policy.write_text(theirs, encoding="utf-8")

    again = start("edit", str(policy))  # the draft's question shows with the editor
    again.wait_for("Unsaved work was found")
    again.press("enter")  # Restore
    again.wait_for("unsaved changes")
    time.sleep(0.5)
    again.press("ctrl+s")
    again.wait_for("The file was changed by someone else", timeout=8)
    assert policy.read_text(encoding="utf-8") == theirs


def test_two_windows_on_one_file_both_killed_lose_nothing(start, policy):
    """Two real app processes edit the same file, each with a draft of its own; `kill -9` of
    both, and the next start offers both drafts, each with its window's typing."""
    first = open_editor(start, policy)
    edit_title(first, "Typed In The First Window")

    second = start("edit", str(policy))
    screen = second.wait_for("This policy is already open in another window", "Edit anyway")
    assert "Open read-only" in screen
    second.press("down", "enter")  # Edit anyway
    second.wait_for("policy.yaml", "Title", "Company")
    time.sleep(0.5)
    edit_title(second, "Typed In The Second Window")
    time.sleep(AUTOSAVE_PROMISE + 0.5)
    first.kill()
    second.kill()

    drafts = DraftStore().list()
    assert sorted(DraftStore().read(info.id)["title"] for info in drafts) == [
        "Typed In The First Window",
        "Typed In The Second Window",
    ]
    again = start("edit", str(policy))  # the draft's question shows with the editor
    again.wait_for("Unsaved work was found", "Draft 1 of 2")
    again.press("escape")  # decide later: the next draft is offered
    again.wait_for("Unsaved work was found", "Draft 2 of 2")
    again.press("enter")  # Restore
    again.wait_for("Typed In The First Window", "unsaved changes")  # the older draft comes second
    assert len(DraftStore().list()) == 2  # the one not restored waits for next time
