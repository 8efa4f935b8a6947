"""The autosave driver: changes reach the draft soon, in order, at a bounded rate, and go away cleanly."""

from __future__ import annotations

import asyncio
import errno
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static

from wizard.app.autosave import MIN_INTERVAL, QUIET_DELAY, Autosaver
from wizard.session import PolicySession
from wizard.storage import DraftStore, fingerprint


class Editor(Static):
    """Stands in for the editor screen: owns the file's session and the autosaver, and
    records the autosaver's messages."""

    def __init__(self, target: Path | None, draft_id: str | None = None, base=None, **options) -> None:
        super().__init__("editor")
        opened = fingerprint(target) if target is not None else None
        self.session = PolicySession(target, fingerprint=base or opened, draft_id=draft_id)
        self.options = options
        self.saved: list = []
        self.failed: list = []

    def on_mount(self) -> None:
        self.autosaver = Autosaver(self, self.session, **self.options)

    def on_autosaver_saved(self, message: Autosaver.Saved) -> None:
        self.saved.append(message.info)

    def on_autosaver_failed(self, message: Autosaver.Failed) -> None:
        self.failed.append(message.error)


class EditorApp(App):
    def __init__(self, target: Path | None = None, **options) -> None:
        super().__init__()
        self.target = target
        self.options = options

    def compose(self) -> ComposeResult:
        yield Editor(self.target, **self.options)


async def wait_for(pilot, condition, limit: float = 5.0) -> None:
    """Let the app run until `condition()` holds (a generous limit, not a timing assertion)."""
    loop = asyncio.get_running_loop()
    end = loop.time() + limit
    while not condition():
        assert loop.time() < end, "condition not reached"
        await pilot.pause(0.02)


def test_defaults_keep_the_two_second_promise():
    # The first write after a change comes after the quiet delay, or one interval after the
    # previous write: either way well within two seconds.
    assert QUIET_DELAY + MIN_INTERVAL < 2
    assert MIN_INTERVAL >= 1


async def test_a_change_reaches_the_draft(tmp_path):
    target = tmp_path / "policy.yaml"
    app = EditorApp(target)
    async with app.run_test() as pilot:
        editor = app.query_one(Editor)
        data = {"schema_version": 1, "language": "en", "mission": "First."}
        editor.autosaver.touch(data)
        assert editor.autosaver.pending
        await wait_for(pilot, lambda: editor.saved)
        assert not editor.autosaver.pending
        store = DraftStore()
        assert store.read(editor.session.draft_id) == data
        assert editor.saved[0].target == target.resolve()
        # Later edits to the same dict are picked up by the next write, not the old snapshot.
        data["mission"] = "Second."
        editor.autosaver.touch(data)
        await wait_for(pilot, lambda: len(editor.saved) == 2)
        assert store.read(editor.session.draft_id)["mission"] == "Second."


async def test_bursts_of_changes_are_coalesced(tmp_path):
    app = EditorApp(tmp_path / "p.yaml", quiet_delay=0.05, min_interval=0.3)
    async with app.run_test() as pilot:
        editor = app.query_one(Editor)
        data = {"schema_version": 1, "language": "en", "mission": ""}
        for letter in "We answer every e-mail within one working day.":
            data["mission"] += letter
            editor.autosaver.touch(data)
            await pilot.pause(0.005)
        await wait_for(pilot, lambda: not editor.autosaver.pending and editor.autosaver.writes >= 1)
        await pilot.pause(0.4)
        # Dozens of keystrokes, a handful of writes, and the last one holds the whole sentence.
        assert 1 <= editor.autosaver.writes <= 4
        draft = DraftStore().read(editor.session.draft_id)
        assert draft["mission"] == "We answer every e-mail within one working day."


async def test_flush_writes_at_once_and_discard_removes(tmp_path):
    target = tmp_path / "p.yaml"
    app = EditorApp(target, quiet_delay=30)
    async with app.run_test() as pilot:
        editor = app.query_one(Editor)
        store = DraftStore()
        assert editor.autosaver.flush() is None  # nothing to write
        editor.autosaver.touch({"schema_version": 1, "language": "hr", "vision": "Vizija"})
        info = editor.autosaver.flush()
        assert info is not None and info.language == "hr"
        assert store.read(editor.session.draft_id)["vision"] == "Vizija"
        editor.autosaver.touch({"schema_version": 1, "language": "hr", "vision": "Druga"})
        editor.autosaver.discard()
        assert not editor.autosaver.pending
        assert store.list() == []
        await pilot.pause(0.1)
        assert store.list() == []  # the cancelled write never lands


async def test_new_policy_gets_its_own_draft_and_follows_save_as(tmp_path):
    app = EditorApp(None, quiet_delay=30)
    async with app.run_test():
        editor = app.query_one(Editor)
        saver = editor.autosaver
        assert saver.session.draft_id.startswith("new-")
        saver.touch({"schema_version": 1, "language": "zh", "title": "客户服务政策"})
        saver.flush()
        [info] = DraftStore().list()
        assert info.target is None and info.title == "客户服务政策"
        editor.session.save({"schema_version": 1, "language": "zh", "title": "客户服务政策"}, to=tmp_path / "saved.yaml")
        assert DraftStore().list() == []
        saver.touch({"schema_version": 1, "language": "zh", "title": "新标题"})
        saver.flush()
        [info] = DraftStore().for_target(tmp_path / "saved.yaml")
        assert info.title == "新标题"


async def test_restored_draft_keeps_its_id():
    app = EditorApp(None, quiet_delay=30, draft_id="new-0123456789abcdef")
    async with app.run_test():
        saver = app.query_one(Editor).autosaver
        saver.touch({"schema_version": 1, "language": "en"})
        saver.flush()
        assert DraftStore().info("new-0123456789abcdef") is not None


async def test_failure_is_reported_and_retried(tmp_path, monkeypatch):
    target = tmp_path / "p.yaml"
    app = EditorApp(target, quiet_delay=0.01, min_interval=0.05)
    async with app.run_test() as pilot:
        editor = app.query_one(Editor)
        real_write = DraftStore.write

        def full_disk(self, *args, **kwargs):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(DraftStore, "write", full_disk)
        data = {"schema_version": 1, "language": "en", "mission": "Kept in memory."}
        editor.autosaver.touch(data)
        await wait_for(pilot, lambda: editor.failed)
        assert isinstance(editor.failed[0], OSError)
        assert editor.autosaver.pending  # not written yet, and known to be so
        monkeypatch.setattr(DraftStore, "write", real_write)
        assert editor.autosaver.flush() is not None
        assert DraftStore().read(editor.session.draft_id)["mission"] == "Kept in memory."
        assert not editor.autosaver.pending


async def test_writes_land_in_order(tmp_path):
    """A slow older write never overwrites a newer draft."""
    target = tmp_path / "p.yaml"
    app = EditorApp(target, quiet_delay=30)
    async with app.run_test():
        saver = app.query_one(Editor).autosaver
        saver.touch({"n": 1})
        old_job = saver._snapshot()
        saver.touch({"n": 2})
        saver.flush()
        assert saver._write(*old_job) is None
        assert DraftStore().read(saver.session.draft_id) == {"n": 2}


async def test_pending_change_is_flushed_when_the_process_ends(tmp_path):
    """What atexit and the SIGHUP/SIGTERM handlers run: the last keystrokes reach the draft."""
    from wizard.app import autosave

    target = tmp_path / "p.yaml"
    app = EditorApp(target, quiet_delay=30)
    async with app.run_test():
        saver = app.query_one(Editor).autosaver
        saver.touch({"schema_version": 1, "language": "en", "mission": "typed just now"})
        autosave._flush_all()
        assert DraftStore().read(saver.session.draft_id)["mission"] == "typed just now"
        assert not saver.pending
        saver.discard()
        autosave._flush_all()  # a clean quit happened: nothing comes back
        assert DraftStore().list() == []


async def test_drafts_record_the_base_fingerprint(tmp_path):
    from wizard.storage import fingerprint

    target = tmp_path / "p.yaml"
    target.write_text("schema_version: 1\nlanguage: en\n", encoding="utf-8")
    opened = fingerprint(target)
    app = EditorApp(target, quiet_delay=30)
    async with app.run_test():
        saver = app.query_one(Editor).autosaver
        assert saver.session.fingerprint == opened  # the file as it was opened
        saver.touch({"schema_version": 1, "language": "en", "mission": "M"})
        assert saver.flush().base == opened
        draft_id = saver.session.draft_id
    # After a crash the file changes; the restored editor's session keeps the old base.
    target.write_text("schema_version: 1\nlanguage: en\nvision: theirs\n", encoding="utf-8")
    app = EditorApp(target, quiet_delay=30, draft_id=draft_id, base=DraftStore().info(draft_id).base)
    async with app.run_test():
        saver = app.query_one(Editor).autosaver
        assert saver.session.fingerprint == opened
        saver.touch({"schema_version": 1, "language": "en", "mission": "M2"})
        assert saver.flush().base == opened
