"""The draft store: autosaved work survives a crash, and a broken draft never crashes anything."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wizard.storage import (
    DraftBusy,
    DraftStore,
    changed_sections,
    draft_id_for,
    drafts_dir,
    new_draft_id,
)

ROOT = Path(__file__).resolve().parents[2]

SPEC = {
    "schema_version": 1,
    "language": "hr",
    "title": {"hr": "Politika korisničke službe", "en": "Customer Service Policy"},
    "company": "Kava d.o.o.",
    "mission": "Prva linija.\nDruga linija: 24 sata.",
    "values": [{"name": "Poštenje", "description": "Govorimo istinu."}],
    "standards": {"always": ["yes", "no", "null", "1.0", "~", "2026-12-01", "#comment", "- dash"]},
    "review_every_months": 12,
}


def test_drafts_live_in_the_isolated_state_folder(isolated_user):
    folder = drafts_dir()
    assert folder == Path(os.environ["XDG_STATE_HOME"]) / "policy-wizard" / "drafts"
    assert str(folder).startswith(str(isolated_user))
    assert DraftStore().folder == folder


def test_round_trip_for_a_file(tmp_path):
    store = DraftStore()
    target = tmp_path / "policy.yaml"
    draft_id = draft_id_for(target)
    before = datetime.now(timezone.utc)
    info = store.write(draft_id, SPEC, target)
    assert store.read(draft_id) == SPEC
    assert info.target == target.resolve()
    assert before - timedelta(seconds=1) <= info.saved_at <= datetime.now(timezone.utc)
    assert info.title == "Politika korisničke službe"
    assert info.company == "Kava d.o.o."
    assert info.language == "hr"
    assert info.pid == os.getpid()
    assert not info.owner_running  # our own process does not count as another window
    assert store.for_target(target) == [info]
    assert store.list() == [info]
    # The draft is readable by a person: UTF-8 letters as they are.
    text = info.path.read_text(encoding="utf-8")
    assert "Poštenje" in text and "\\u" not in text


def test_round_trip_for_a_new_policy():
    store = DraftStore()
    draft_id = new_draft_id()
    assert draft_id != new_draft_id()
    info = store.write(draft_id, {"schema_version": 1, "language": "zh", "title": "客户服务政策"}, None)
    assert info.target is None
    assert info.title == "客户服务政策"
    assert store.read(draft_id)["title"] == "客户服务政策"


def test_same_file_same_draft_whatever_the_spelling(tmp_path, monkeypatch):
    target = tmp_path / "policy.yaml"
    link = tmp_path / "link.yaml"
    target.write_text("x", encoding="utf-8")
    link.symlink_to(target)
    monkeypatch.chdir(tmp_path)
    ids = {draft_id_for(target), draft_id_for("policy.yaml"), draft_id_for(link), draft_id_for(tmp_path / "." / "policy.yaml")}
    assert len(ids) == 1
    assert draft_id_for(tmp_path / "other.yaml") not in ids


def test_rewriting_replaces_the_draft_and_discard_removes_it(tmp_path):
    store = DraftStore()
    target = tmp_path / "policy.yaml"
    draft_id = draft_id_for(target)
    store.write(draft_id, {**SPEC, "mission": "first"}, target)
    store.write(draft_id, {**SPEC, "mission": "second"}, target)
    assert store.read(draft_id)["mission"] == "second"
    assert len(store.list()) == 1
    assert [p.name for p in store.folder.iterdir()] == [f"{draft_id}.draft.yaml"]  # no temp left
    store.discard(draft_id)
    assert store.read(draft_id) is None
    assert store.for_target(target) == []
    assert store.list() == []
    store.discard(draft_id)  # twice is fine


def test_list_is_newest_first(tmp_path):
    store = DraftStore()
    a = store.write("new-a", {"schema_version": 1, "language": "en", "title": "A"})
    b = store.write("new-b", {"schema_version": 1, "language": "en", "title": "B"})
    os.utime(a.path)  # file times do not matter, the recorded time does
    assert [i.title for i in store.list()] == ["B", "A"]
    assert b.saved_at >= a.saved_at


def test_draft_files_are_private():
    store = DraftStore()
    info = store.write("new-x", SPEC)
    assert (info.path.stat().st_mode & 0o777) == 0o600


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe not utf-8",
        b"just: one document\n",
        b"--- [1, 2]\n--- {}\n",
        b"--- {draft_format: 1, saved_at: '2026-01-01T00:00:00+00:00'}\n--- [not, a, mapping]\n",
        b"--- {draft_format: 99, saved_at: '2026-01-01T00:00:00+00:00'}\n--- {a: 1}\n",
        b"--- {draft_format: 1, saved_at: 'yesterday'}\n--- {a: 1}\n",
        b"--- {draft_format: 1, saved_at: '2026-01-01T00:00:00+00:00', target: [1]}\n--- {a: 1}\n",
        b"--- {draft_format: 1, saved_at: '2026-01-01T00:00:00+00:00'}\n--- {a: [unclosed\n",
        b"--- !!python/object/apply:os.system ['echo hacked']\n--- {}\n",
        b"--- {draft_format: 1}\n--- " + b"[" * 5000 + b"]" * 5000 + b"\n",
        b"--- {draft_format: 1, saved_at: '2026-01-01T00:00:00+00:00'}\n--- {a: 1}\n--- {b: 2}\n",
    ],
)
def test_corrupt_drafts_are_skipped(content, tmp_path):
    store = DraftStore()
    good = store.write(draft_id_for(tmp_path / "good.yaml"), SPEC, tmp_path / "good.yaml")
    bad = store.folder / "new-broken.draft.yaml"
    bad.write_bytes(content)
    assert store.list() == [good]
    assert store.read("new-broken") is None
    assert store.info("new-broken") is None
    assert bad.exists()  # skipped, never destroyed: a person may still rescue it


def test_unreadable_draft_and_stray_files_are_skipped(tmp_path):
    store = DraftStore()
    good = store.write("new-good", SPEC)
    (store.folder / "new-folder.draft.yaml").mkdir()
    (store.folder / "notes.txt").write_text("hello", encoding="utf-8")
    (store.folder / "bad id!.draft.yaml").write_text("x", encoding="utf-8")
    fresh = store.folder / ".new-good.draft.yaml.abc.tmp"
    old = store.folder / ".new-good.draft.yaml.def.tmp"
    fresh.write_text("half", encoding="utf-8")
    old.write_text("half", encoding="utf-8")
    os.utime(old, (1, 1))
    assert store.list() == [good]
    assert fresh.exists()  # maybe another window writing right now
    assert not old.exists()  # left by a write killed long ago
    store.clean_temporary()
    assert not fresh.exists()
    assert store.read("new-good") == SPEC


def test_missing_folder_lists_nothing():
    store = DraftStore()
    assert not store.folder.exists()
    assert store.list() == []
    assert store.read("new-abc") is None


def test_bad_ids_are_refused():
    store = DraftStore()
    for bad in ("", "../escape", "a/b", "x y"):
        with pytest.raises(ValueError):
            store.write(bad, SPEC)


def test_kill_during_writes_never_leaves_a_corrupt_draft(tmp_path):
    """A process writing drafts in a loop is killed with SIGKILL; the draft is whole afterwards."""
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from wizard.storage import DraftStore
        store = DraftStore()
        big = "x" * 200_000
        n = 0
        while True:
            store.write("new-loop", {{"schema_version": 1, "language": "en", "mission": big, "n": n}})
            n += 1
            if n == 3:
                print("ready", flush=True)
        """
    )
    for _attempt in range(3):
        process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, env=os.environ.copy())
        assert process.stdout.readline().strip() == b"ready"
        process.send_signal(signal.SIGKILL)
        process.wait()
        data = DraftStore().read("new-loop")
        assert data is not None
        assert data["mission"] == "x" * 200_000
        assert data["n"] >= 2


# ---------------------------------------------------------------------------
# changed_sections
# ---------------------------------------------------------------------------


def test_changed_sections_in_contract_order():
    file_data = {**SPEC, "vision": "V"}
    draft = {**SPEC, "mission": "new", "company": "Other", "vision": "V", "escalation": [{"level": 1}]}
    assert changed_sections(draft, file_data) == ["company", "mission", "escalation"]


def test_changed_sections_ignores_cleared_fields_and_key_order():
    file_data = {"schema_version": 1, "language": "en", "purpose": {"intent": "I", "channels": ["phone"]}}
    draft = {"language": "en", "schema_version": 1, "purpose": {"channels": ["phone"], "intent": "I"}, "vision": "", "values": []}
    assert changed_sections(draft, file_data) == []


def test_changed_sections_against_no_file():
    assert changed_sections(SPEC, None) == [
        "schema_version", "language", "title", "company", "review_every_months", "mission", "values", "standards",
    ]
    assert changed_sections({}, None) == []


def test_removed_section_is_a_change():
    assert changed_sections({"schema_version": 1}, {"schema_version": 1, "mission": "M"}) == ["mission"]


def test_unknown_keys_come_last():
    assert changed_sections({"zeta": 1, "alpha": 2, "mission": "M"}, {}) == ["mission", "alpha", "zeta"]


# ---------------------------------------------------------------------------
# Property: whatever plain data the app holds comes back equal
# ---------------------------------------------------------------------------

scalars = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=30),
    st.integers(-(10**12), 10**12),
    st.booleans(),
    st.none(),
)
plain = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(st.characters(blacklist_categories=("Cs",)), max_size=10), inner, max_size=4),
    ),
    max_leaves=20,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.dictionaries(st.sampled_from(["mission", "title", "values", "standards", "x", "language"]), plain, max_size=5))
def test_any_plain_data_round_trips(data):
    store = DraftStore()
    store.write("new-prop", data)
    assert store.read("new-prop") == data


def test_metadata_document_is_plain_yaml(tmp_path):
    store = DraftStore()
    info = store.write(draft_id_for(tmp_path / "p.yaml"), SPEC, tmp_path / "p.yaml")
    meta, data = yaml.safe_load_all(info.path.read_text(encoding="utf-8"))
    assert meta["target"] == str((tmp_path / "p.yaml").resolve())
    assert meta["draft_format"] == 1
    assert data == SPEC


@pytest.mark.parametrize(
    "text",
    [
        "line one\nline two",
        "ends with newline\n",
        "two newlines\n\n",
        "trailing spaces  \nnext",
        "  leading spaces\nnext",
        "\nstarts with newline",
        "tab\there\nnext",
        "a: b\n- c\n# d",
        "中文第一行\n第二行。",
        "\u202eright-to-left override\nnext",
        "nul \x00 and bell \x07\nnext",
    ],
)
def test_multiline_text_round_trips_and_stays_readable(text):
    store = DraftStore()
    info = store.write("new-lines", {"mission": text})
    assert store.read("new-lines") == {"mission": text}
    if text == "line one\nline two":
        assert "mission: |-\n  line one\n  line two" in info.path.read_text(encoding="utf-8")


def test_draft_remembers_the_file_it_started_from(tmp_path):
    """So that restoring after a crash still notices a colleague's change made meanwhile."""
    from wizard.storage import ConflictError, fingerprint, save_text

    target = tmp_path / "policy.yaml"
    target.write_text("schema_version: 1\nlanguage: en\n", encoding="utf-8")
    opened = fingerprint(target)
    store = DraftStore()
    store.write(draft_id_for(target), {**SPEC, "mission": "mine"}, target, base=opened)
    target.write_text("schema_version: 1\nlanguage: en\nvision: theirs\n", encoding="utf-8")  # after the crash
    [info] = store.for_target(target)
    assert info.base == opened
    with pytest.raises(ConflictError):
        save_text(target, "mission: mine\n", expected=info.base)


def test_draft_without_base_or_with_a_broken_one():
    store = DraftStore()
    assert store.write("new-a", SPEC).base is None
    text = store.write("new-b", SPEC).path.read_text(encoding="utf-8")
    broken = text.replace("pid:", "base: {size: x, sha256: 12}\npid:")
    (store.folder / "new-b.draft.yaml").write_text(broken, encoding="utf-8")
    info = store.info("new-b")
    assert info is not None and info.base is None


def _draft_written_by(process_code: str) -> tuple[subprocess.Popen, DraftStore]:
    """Another window: a process that takes a draft's lock, writes the draft, then runs `process_code`."""
    script = textwrap.dedent(
        f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from wizard.storage import DraftStore
        DraftStore().claim("new-other")
        DraftStore().write("new-other", {{"schema_version": 1, "language": "en", "title": "Other window"}})
        print("written", flush=True)
        {process_code}
        """
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, env=os.environ.copy())
    assert process.stdout.readline().strip() == b"written"
    return process, DraftStore()


def test_a_draft_of_another_running_window_is_marked():
    process, store = _draft_written_by("time.sleep(60)")
    try:
        [info] = store.list()
        assert info.pid == process.pid
        assert info.owner_running
        with pytest.raises(DraftBusy):
            store.claim("new-other")  # its work: this window cannot take it over
    finally:
        process.kill()
        process.wait()
    assert not store.info("new-other").owner_running  # killed: offer it for recovery
    store.claim("new-other")  # and this window may take it over now
    store.release("new-other")


NO_PROC = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")


@NO_PROC
def test_a_killed_but_unreaped_process_does_not_count():
    process, store = _draft_written_by("time.sleep(60)")
    os.kill(process.pid, signal.SIGKILL)
    deadline = datetime.now().timestamp() + 10
    while Path(f"/proc/{process.pid}/stat").read_text().split(") ")[1][0] != "Z":  # a zombie until waited for
        assert datetime.now().timestamp() < deadline
    try:
        assert not store.info("new-other").owner_running
    finally:
        process.wait()


def test_a_window_that_ended_cleanly_leaves_no_lock():
    process, store = _draft_written_by("from wizard.storage import DraftStore; DraftStore().release('new-other')")
    process.wait()
    assert not store.info("new-other").owner_running
    assert not (store.folder / "new-other.lock").exists()


def test_a_reused_process_number_does_not_count():
    import dataclasses

    store = DraftStore()
    info = store.write("new-mine", SPEC)
    parent = dataclasses.replace(info, pid=os.getppid())  # alive, but it holds no lock on this draft
    assert not parent.owner_running


def test_each_window_on_a_file_has_a_draft_of_its_own(tmp_path):
    from wizard.storage import new_file_draft_id

    target = tmp_path / "policy.yaml"
    first, second = new_file_draft_id(target), new_file_draft_id(target)
    assert first != second and first.startswith(draft_id_for(target) + "-")
    store = DraftStore()
    store.write(first, {**SPEC, "mission": "A"}, target)
    store.write(second, {**SPEC, "mission": "B"}, target)
    store.write(draft_id_for(tmp_path / "other.yaml") + "-0000", SPEC, tmp_path / "other.yaml")
    assert sorted(store.read(info.id)["mission"] for info in store.for_target(target)) == ["A", "B"]
    store.discard(first)  # one window's clean save
    assert [info.id for info in store.for_target(target)] == [second]  # the other's work stays
