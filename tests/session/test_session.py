"""The policy file's session, without the app: saving never overwrites someone else's work,
each window owns its own draft, and a draft folder that cannot be written is known at once."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from wizard.session import FileGoneError, PolicySession, draft_problem_reason
from wizard.spec import SpecError
from wizard.storage import ConflictError, DraftPlace, DraftStore, SaveError, TEMP_SUFFIX, fingerprint

ROOT = Path(__file__).resolve().parents[2]

POLICY = "schema_version: 1\nlanguage: en\ntitle: Harbour Books Policy  # the name\nreview_every_months: 12\n"
DATA = {"schema_version": 1, "language": "en", "title": "Harbour Books Policy", "review_every_months": 12}


@pytest.fixture
def policy(tmp_path) -> Path:
    path = tmp_path / "policy.yaml"
    path.write_text(POLICY, encoding="utf-8")
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX))


# -- opening and saving ---------------------------------------------------------------------


def test_open_reads_the_file_and_its_fingerprint_together(policy):
    opened = PolicySession.open(policy)
    assert opened.spec.data == DATA
    assert opened.session.fingerprint == fingerprint(policy)
    assert opened.session.written and not opened.session.dirty


def test_open_says_what_is_wrong_like_the_loader(tmp_path):
    with pytest.raises(SpecError) as error:
        PolicySession.open(tmp_path / "missing.yaml")
    assert "file not found" in str(error.value.problems[0])
    with pytest.raises(SpecError):
        PolicySession.open(tmp_path)  # a folder


def test_save_keeps_comments_and_the_previous_version(policy):
    session = PolicySession.open(policy).session
    result = session.save({**DATA, "title": "New Title"})
    assert policy.read_text(encoding="utf-8").splitlines()[2] == "title: New Title  # the name"
    assert (policy.parent / "policy.yaml.bak").read_text(encoding="utf-8") == POLICY
    assert result.fingerprint == fingerprint(policy) == session.fingerprint
    assert not result.links_broken and not result.read_only and not result.unchanged


def test_a_change_on_disk_is_never_overwritten_unless_asked(policy):
    session = PolicySession.open(policy).session
    theirs = POLICY + "vision: A colleague's vision.\n"
    policy.write_text(theirs, encoding="utf-8")
    with pytest.raises(ConflictError):
        session.save({**DATA, "title": "Mine"})
    assert policy.read_text(encoding="utf-8") == theirs
    session.save({**DATA, "title": "Mine"}, overwrite=True)
    assert "title: Mine" in policy.read_text(encoding="utf-8")
    assert (policy.parent / "policy.yaml.bak").read_text(encoding="utf-8") == theirs


def test_a_deleted_file_is_not_written_again_silently(policy):
    session = PolicySession.open(policy).session
    policy.unlink()
    with pytest.raises(FileGoneError) as error:
        session.save({**DATA, "title": "Mine"})
    assert "was deleted or moved after you opened it" in str(error.value)
    assert not policy.exists()
    session.save({**DATA, "title": "Mine"}, overwrite=True)  # the user said: write it again
    assert "title: Mine" in policy.read_text(encoding="utf-8")


def test_a_new_file_that_appeared_meanwhile_is_a_conflict(tmp_path):
    target = tmp_path / "new.yaml"
    session = PolicySession(target)
    target.write_text(POLICY, encoding="utf-8")  # someone else took the name
    with pytest.raises(ConflictError):
        session.save({**DATA, "title": "Mine"})
    assert target.read_text(encoding="utf-8") == POLICY


def test_the_same_text_written_meanwhile_is_not_a_conflict(policy):
    """Two `fmt` runs at once: the second finds the file already as it wanted it."""
    first = PolicySession.open(policy).session
    second = PolicySession.open(policy).session
    text = "schema_version: 1\nlanguage: en\ntitle: Same\n"
    assert not first.save_text(text).unchanged
    result = second.save_text(text)
    assert result.unchanged and second.fingerprint == fingerprint(policy)


def test_a_backup_hard_linked_to_the_file_leaves_no_debris(policy):
    os.link(policy, policy.parent / "policy.yaml.bak")
    session = PolicySession.open(policy).session
    result = session.save({**DATA, "title": "Next"})
    assert leftovers(policy.parent) == []
    assert (policy.parent / "policy.yaml.bak").read_text(encoding="utf-8") == POLICY
    assert result.links_broken == 0  # the backup is meant to keep the old text


def test_other_hard_links_and_read_only_files_are_reported(policy):
    os.link(policy, policy.parent / "colleague.yaml")
    policy.chmod(0o444)
    result = PolicySession.open(policy).session.save({**DATA, "title": "Next"})
    assert result.links_broken == 1 and result.read_only
    assert (policy.stat().st_mode & 0o777) == 0o444  # still read-only
    assert (policy.parent / "colleague.yaml").read_text(encoding="utf-8") == POLICY


def test_save_as_moves_the_session_and_its_draft(policy, tmp_path):
    session = PolicySession.open(policy).session
    assert session.claim()
    session.write_draft({**DATA, "title": "Draft"})
    other = tmp_path / "other.yaml"
    session.save({**DATA, "title": "Elsewhere"}, to=other)
    assert session.path == other and not session.dirty
    assert DraftStore().list() == []  # saved: the draft of the old name is gone
    session.write_draft({**DATA, "title": "Later"})
    assert [info.target for info in DraftStore().list()] == [other.resolve()]


def test_reload_takes_the_new_fingerprint(policy):
    session = PolicySession.open(policy).session
    session.dirty = True
    policy.write_text(POLICY.replace("12", "6"), encoding="utf-8")
    spec = session.reload()
    assert spec.data["review_every_months"] == 6
    assert session.fingerprint == fingerprint(policy) and not session.dirty
    session.save(spec.data)  # no conflict: the session knows the file as it is


# -- "save the rest": fields with input that is not valid yet keep the file's value ----------


def test_keep_disk_values_restores_what_the_file_has(policy):
    session = PolicySession.open(policy).session
    edited = {**DATA, "title": "Typed", "review_every_months": 1}  # "1" on the way to "1x8"
    saved = session.keep_disk_values(edited, [("review_every_months",)])
    assert saved == {**DATA, "title": "Typed"}
    assert edited["review_every_months"] == 1  # the editor's data is not changed behind its back
    session.save(saved)
    assert session.value_on_disk(("review_every_months",)) == 12


def test_keep_disk_values_of_a_new_policy_leaves_the_field_out(tmp_path):
    session = PolicySession(tmp_path / "new.yaml")
    assert session.keep_disk_values({**DATA, "review_every_months": 1}, [("review_every_months",)]) == {
        key: value for key, value in DATA.items() if key != "review_every_months"
    }


# -- drafts: one per window ---------------------------------------------------------------


def test_two_windows_on_one_file_keep_separate_drafts(policy):
    first = PolicySession.open(policy).session
    second = PolicySession.open(policy).session
    assert first.claim() and second.claim()
    assert first.draft_id != second.draft_id
    first.write_draft({**DATA, "title": "A"})
    second.write_draft({**DATA, "title": "B"})
    first.save({**DATA, "title": "A"})  # a clean save in one window...
    [left] = DraftStore().for_target(policy)
    assert DraftStore().read(left.id)["title"] == "B"  # ...keeps the other window's work


def _other_window(policy: Path, code: str = "") -> subprocess.Popen:
    """A second process that opens `policy` like an app window (takes its lock), writes a draft."""
    script = textwrap.dedent(
        f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from wizard.session import PolicySession
        session = PolicySession.open({str(policy)!r}).session
        assert session.claim()
        session.write_draft({{"schema_version": 1, "language": "en", "title": "Other window"}})
        print("ready", flush=True)
        {code}
        time.sleep(60)
        """
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, env=os.environ.copy())
    assert process.stdout.readline().strip() == b"ready"
    return process


def test_a_file_open_in_another_window_is_known_and_its_draft_not_offered(policy):
    assert PolicySession.windows_on(policy) == 0
    process = _other_window(policy)
    try:
        assert PolicySession.windows_on(policy) == 1
        assert PolicySession.drafts_to_recover(policy) == []  # its work in progress, not ours to take
    finally:
        process.kill()
        process.wait()
    # killed: the lock went with it, and its draft is offered
    assert PolicySession.windows_on(policy) == 0
    [offered] = PolicySession.drafts_to_recover(policy)
    restored = PolicySession(policy, fingerprint=offered.base, draft_id=offered.id)
    assert restored.claim() and restored.draft_id == offered.id  # this window takes it over


def test_my_own_window_does_not_count_as_another(policy):
    session = PolicySession.open(policy).session
    session.claim()
    assert PolicySession.windows_on(policy) == 0
    session.release()
    assert not list(DraftStore().folder.glob("*.lock"))


def test_a_draft_keeps_where_the_user_was_and_what_they_dismissed(policy):
    session = PolicySession.open(policy).session
    assert session.claim()
    place = DraftPlace("standards", ("standards", "service_levels", 1, "first_response"), "zh")
    session.write_draft({**DATA, "title": "Draft"}, place=place, dismissed={("mission",): frozenset({"vague-time"})})
    [info] = DraftStore().for_target(policy)
    assert info.place == place
    assert info.dismissed == {("mission",): frozenset({"vague-time"})}


def test_a_draft_without_a_place_or_with_a_broken_one_still_restores(policy):
    session = PolicySession.open(policy).session
    session.write_draft(DATA)
    [info] = DraftStore().for_target(policy)
    assert info.place is None and info.dismissed is None  # then: the first step, the file's dismissals
    text = info.path.read_text(encoding="utf-8")
    broken = text.replace("host:", "place: {step: 3, field: [true]}\ndismissed: [{path: [], codes: [x]}, 7]\nhost:", 1)
    info.path.write_text(broken, encoding="utf-8")
    [info] = DraftStore().for_target(policy)
    assert info.place is None and info.dismissed == {}
    assert DraftStore().read(info.id) == DATA


# -- a draft folder that cannot be written ----------------------------------------------------


@pytest.fixture
def unwritable_drafts(tmp_path, monkeypatch) -> Path:
    """The state folder's parent is a file: no draft can be written, even by root."""
    blocker = tmp_path / "state-is-a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker / "state"))
    return blocker


def test_an_unwritable_draft_folder_is_known_at_once(policy, unwritable_drafts):
    session = PolicySession.open(policy).session
    assert not session.claim()
    assert isinstance(session.draft_problem, OSError)
    assert draft_problem_reason(session.draft_problem) == "part of its path is a file, not a folder"
    with pytest.raises(OSError):
        session.write_draft({**DATA, "title": "Typed"})
    session.save({**DATA, "title": "Typed"})  # saving the file itself still works
    assert "title: Typed" in policy.read_text(encoding="utf-8")


def test_the_disk_full_reason_is_plain(policy):
    import errno

    assert draft_problem_reason(OSError(errno.ENOSPC, "No space left on device")) == "the disk is full"
    assert draft_problem_reason(ValueError("odd")) == "the system did not let it be written"


# -- save as, after a failed save ----------------------------------------------------------


def test_the_rescue_name_is_never_the_path_that_failed(policy, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    session = PolicySession.open(policy).session
    gone = tmp_path / "removed" / "policy.yaml"
    suggestion = session.rescue_path(gone, "folder_missing")
    assert suggestion != gone and suggestion.parent.is_dir()
    assert suggestion == tmp_path / "policy-2.yaml"  # policy.yaml is taken in the working folder
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    # the disk of the working folder is full: the same folder would fail again
    assert session.rescue_path(policy, "disk_full") == home / "policy.yaml"


def test_saving_into_a_missing_folder_says_so(policy, tmp_path):
    session = PolicySession.open(policy).session
    with pytest.raises(SaveError) as error:
        session.save(DATA, to=tmp_path / "nowhere" / "policy.yaml")
    assert error.value.reason == "folder_missing"


def test_the_session_never_imports_textual():
    code = "import sys, wizard.session; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"
