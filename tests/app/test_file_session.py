"""The editor and its file session: nothing the user typed is ever lost, and the app never
says "your answers are kept" when they are not.

A second window on the same file is told so; a draft folder that cannot be written is said
at once and in the status line; a file deleted outside is not written again unasked;
"save the rest" keeps the file's value for a half-typed number; every draft is offered.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.app.conftest import opened, settle
from tests.app.test_unsaved_input import notifications, shown, texts, type_into
from wizard.app.app import PolicyWizardApp
from wizard.app.screens.conflict import ConflictScreen
from wizard.app.screens.editor import EditorScreen
from wizard.app.screens.open_elsewhere import OpenElsewhereScreen
from wizard.app.screens.recover import RecoverDraftScreen
from wizard.app.screens.save_as import SaveAsScreen
from wizard.app.screens.save_failed import SaveFailedScreen
from wizard.app.screens.unsaved_input import UnsavedInputScreen
from wizard.app.widgets.nav_hint import NavHint
from wizard.app.widgets.number_field import IntegerField
from wizard.storage import DraftStore, SaveError, new_file_draft_id

ROOT = Path(__file__).resolve().parents[2]

POLICY = """\
schema_version: 1
language: en
title: Harbour Books Customer Service Policy
company: Harbour Books
review_every_months: 12
"""


@pytest.fixture(autouse=True)
def no_revision_note(monkeypatch):
    """These tests are about the file, not its history: every save is made without a note
    (tests/app/test_revisions.py asks for one)."""
    from wizard.app.screens.editor import EditorScreen

    async def without_note(self, saving: bool = True) -> bool:
        self._revision_noted = True
        return True

    monkeypatch.setattr(EditorScreen, "_ask_revision_note", without_note)


@pytest.fixture
def policy(tmp_path):
    path = tmp_path / "policy.yaml"
    path.write_text(POLICY, encoding="utf-8")
    return path


def hint(editor) -> str:
    return editor.query_one("#nav-hint", NavHint).text


async def type_title(pilot, editor, text: str) -> None:
    field = editor.form.query(Input).first()
    await pilot.click(field)
    await pilot.press("ctrl+a", "ctrl+k", *text)
    await settle(pilot)


async def retitle_and_save(pilot, title: str) -> EditorScreen:
    """Once the editor is open: type a new title and press Ctrl+S, as a user does."""
    editor = await opened(pilot)
    await type_title(pilot, editor, title)
    await pilot.press("ctrl+s")
    await settle(pilot)
    return editor


# -- another window ---------------------------------------------------------------------------


@pytest.fixture
def other_window(policy):
    """A second process that has the policy open, as another app window would."""
    script = textwrap.dedent(
        f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from wizard.session import PolicySession
        assert PolicySession.open({str(policy)!r}).session.claim()
        print("ready", flush=True)
        time.sleep(120)
        """
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, env=os.environ.copy())
    assert process.stdout.readline().strip() == b"ready"
    yield process
    process.kill()
    process.wait()


async def test_a_second_window_is_told_and_opens_read_only(policy, other_window):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot, OpenElsewhereScreen)
        dialog = texts(app.screen)
        assert "This policy is already open in another window" in dialog
        assert "Look without changing the file; saving asks for another name." in dialog
        assert "Edit here as well." in dialog
        await pilot.press("enter")  # read-only, the default
        editor = await opened(pilot)
        assert editor.sub_title == "read-only: saving asks for another name"
        await type_title(pilot, editor, "Mine")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SaveAsScreen)  # never over the other window's file
        assert app.screen.query_one("#save-as-path", Input).value == str(policy.parent / "policy-2.yaml")
    assert policy.read_text(encoding="utf-8") == POLICY


async def test_a_second_window_may_edit_anyway_with_a_draft_of_its_own(policy, other_window):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot, OpenElsewhereScreen)
        await pilot.press("down", "enter")  # Edit anyway
        editor = await opened(pilot)
        assert not editor.session.read_only and editor.sub_title == "saved"
        await type_title(pilot, editor, "Mine")
        editor.autosaver.flush()
        mine = editor.session.draft_id
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "title: Mine" in policy.read_text(encoding="utf-8")
    assert DraftStore().read(mine) is None  # my clean save removed my draft, and only mine


async def test_every_draft_of_the_file_is_offered_in_turn(policy):
    store = DraftStore()
    for title in ("From the first window", "From the second window"):
        store.write(new_file_draft_id(policy), {"schema_version": 1, "language": "en", "title": title,
                                                "company": "Harbour Books", "review_every_months": 12}, policy)
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot, RecoverDraftScreen)
        assert "Draft 1 of 2: this file was edited in 2 windows" in texts(app.screen)
        assert "Title in this draft: “From the second window”" in texts(app.screen)
        await pilot.press("escape")  # decide later
        await settle(pilot)
        await opened(pilot, RecoverDraftScreen)
        assert "Draft 2 of 2" in texts(app.screen)
        await pilot.press("enter")  # restore this one
        editor = await opened(pilot)
        assert editor.data["title"] == "From the first window"  # the older one: newest is offered first
    assert len(DraftStore().for_target(policy)) == 2  # the other one waits for next time


# -- drafts that cannot be written ----------------------------------------------------------------


async def test_an_unwritable_draft_folder_is_said_at_once_and_stays_said(policy, tmp_path, monkeypatch):
    blocker = tmp_path / "state-is-a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker / "state"))  # fails for root too
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        editor = await opened(pilot)
        assert hint(editor) == "Your answers are NOT kept: save them."
        [warning] = [text for text in notifications(app) if "No draft" in text]
        assert "(part of its path is a file, not a folder)" in warning
        assert "If the app closes now, your unsaved changes are lost: save them with Ctrl+S." in warning
        await type_title(pilot, editor, "Typed With No Draft")
        editor.autosaver.flush()
        await settle(pilot)
        assert editor.sub_title == "unsaved changes, and no draft: save them"
        assert "NOT kept" in hint(editor)
        assert len([text for text in notifications(app) if "No draft" in text]) == 1  # said once, kept shown
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "title: Typed With No Draft" in policy.read_text(encoding="utf-8")


async def test_a_disk_that_fills_up_is_said_and_the_recovery_too(policy, monkeypatch):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        editor = await opened(pilot)
        assert hint(editor) == "Your answers are kept."
        real_write = DraftStore.write

        def full_disk(self, *args, **kwargs):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(DraftStore, "write", full_disk)
        await type_title(pilot, editor, "Typed On A Full Disk")
        editor.autosaver.flush()
        await settle(pilot)
        assert "NOT kept" in hint(editor)
        assert any("(the disk is full)" in text for text in notifications(app))
        monkeypatch.setattr(DraftStore, "write", real_write)
        await type_title(pilot, editor, "Room Again")
        editor.autosaver.flush()
        await settle(pilot)
        assert hint(editor) == "Your answers are kept."
        assert "Drafts are written again: your answers are kept." in notifications(app)


# -- the file outside the app ------------------------------------------------------------------


async def test_a_file_deleted_outside_is_not_written_again_unasked(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await opened(pilot)
        await type_title(pilot, editor, "Mine")
        policy.unlink()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        dialog = texts(app.screen)
        assert "The file is no longer there" in dialog and "was deleted or moved after you opened it" in dialog
        await pilot.press("escape")
        await settle(pilot)
        assert not policy.exists()
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("down", "enter")  # Save it again, on purpose
        await settle(pilot)
        assert "title: Mine" in policy.read_text(encoding="utf-8")


async def test_save_as_after_a_failed_save_offers_a_new_place(policy, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(policy.parent)
    from wizard import session

    real_save_text = session.save_text

    def disk_full_here(path, *args, **kwargs):
        if Path(path).parent == policy.parent:
            raise SaveError(f"Could not save {path}: the disk is full.", Path(path), "disk_full")
        return real_save_text(path, *args, **kwargs)

    monkeypatch.setattr(session, "save_text", disk_full_here)
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await retitle_and_save(pilot, "Mine")
        assert isinstance(app.screen, SaveFailedScreen)
        await pilot.press("enter")  # Save as…
        await settle(pilot)
        assert isinstance(app.screen, SaveAsScreen)
        # not the path that just failed, nor its full disk: the home folder
        assert app.screen.query_one("#save-as-path", Input).value == str(home / "policy.yaml")
        await pilot.press("enter")
        await settle(pilot)
        assert "title: Mine" in (home / "policy.yaml").read_text(encoding="utf-8")
        assert editor.path == home / "policy.yaml"


# -- "save the rest" -------------------------------------------------------------------------------


async def test_save_the_rest_keeps_the_files_value_not_a_half_typed_one(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await opened(pilot)
        months = editor.form.query_one(IntegerField)
        await type_into(pilot, months, "1x8")  # "1" was valid on the way
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, UnsavedInputScreen)
        assert "The file keeps the earlier value: 12" in texts(app.screen)
        await pilot.press("down", "enter")  # Save the rest
        await settle(pilot)
        assert "review_every_months: 12\n" in policy.read_text(encoding="utf-8")
        assert shown(months) == "1x8"  # what was typed stays, to fix
        assert editor.data["review_every_months"] == 12 and not editor.dirty


async def test_saving_says_when_another_name_of_the_file_keeps_the_old_text(policy):
    colleague = policy.parent / "shared-copy.yaml"
    os.link(policy, colleague)
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        await retitle_and_save(pilot, "Mine")
        assert f"{policy} had 1 other name (a hard link): it still shows the previous version." in notifications(app)
    assert colleague.read_text(encoding="utf-8") == POLICY
