"""Safe saves: atomic replace, `.bak`, permissions, conflicts, and failures that lose nothing."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from wizard import i18n
from wizard.storage import ConflictError, Fingerprint, SaveError, fingerprint, read_text, save_text

OLD = "schema_version: 1\nlanguage: en\nmission: Old mission.\n"
NEW = "schema_version: 1\nlanguage: en\nmission: Nova misija, 新的使命, yeni görev.\n"


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    """Files in `folder` other than the expected ones (temporary files left behind)."""
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_new_file_is_written_with_normal_permissions(tmp_path):
    target = tmp_path / "policy.yaml"
    result = save_text(target, NEW)
    assert target.read_text(encoding="utf-8") == NEW
    assert not (tmp_path / "policy.yaml.bak").exists()  # nothing to back up
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert result == fingerprint(target)
    assert leftovers(tmp_path, {"policy.yaml"}) == []


def test_previous_version_is_kept_as_bak(tmp_path):
    target = tmp_path / "policy.yaml"
    target.write_text(OLD, encoding="utf-8")
    save_text(target, NEW)
    assert target.read_text(encoding="utf-8") == NEW
    assert (tmp_path / "policy.yaml.bak").read_text(encoding="utf-8") == OLD
    # The next save keeps the version before it, not the first one.
    save_text(target, NEW + "vision: Far.\n")
    assert (tmp_path / "policy.yaml.bak").read_text(encoding="utf-8") == NEW
    assert leftovers(tmp_path, {"policy.yaml", "policy.yaml.bak"}) == []


def test_backup_is_independent_of_the_new_file(tmp_path):
    """The backup may be a hard link to the old content; writing the new file never changes it."""
    target = tmp_path / "policy.yaml"
    target.write_text(OLD, encoding="utf-8")
    save_text(target, NEW)
    backup = tmp_path / "policy.yaml.bak"
    assert not os.path.samefile(backup, target)
    assert backup.read_text(encoding="utf-8") == OLD


def test_backup_falls_back_to_a_copy_without_hard_links(tmp_path, monkeypatch):
    target = tmp_path / "policy.yaml"
    target.write_text(OLD, encoding="utf-8")
    target.chmod(0o640)

    def no_links(*args, **kwargs):
        raise OSError(errno.EPERM, "links not supported")

    monkeypatch.setattr(os, "link", no_links)
    save_text(target, NEW)
    assert (tmp_path / "policy.yaml.bak").read_text(encoding="utf-8") == OLD
    assert stat.S_IMODE((tmp_path / "policy.yaml.bak").stat().st_mode) == 0o640
    assert leftovers(tmp_path, {"policy.yaml", "policy.yaml.bak"}) == []


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o755])
def test_permissions_are_kept(tmp_path, mode):
    target = tmp_path / "policy.yaml"
    target.write_text(OLD, encoding="utf-8")
    target.chmod(mode)
    save_text(target, NEW)
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_replace_is_atomic_the_target_is_never_half_written(tmp_path, monkeypatch):
    """At the moment of the switch the temporary file already holds everything, fsynced."""
    target = tmp_path / "policy.yaml"
    target.write_text(OLD, encoding="utf-8")
    seen = []
    synced = []
    real_replace, real_fsync = os.replace, os.fsync

    def watching_fsync(fd):
        synced.append(fd)
        return real_fsync(fd)

    def watching_replace(src, dst):
        if Path(dst) == target:
            seen.append((Path(src).parent, Path(src).read_text(encoding="utf-8"), target.read_text(encoding="utf-8"), len(synced)))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", watching_fsync)
    monkeypatch.setattr(os, "replace", watching_replace)
    save_text(target, NEW)
    [(folder, temp_content, target_before, syncs)] = seen
    assert folder == tmp_path  # same folder, so the rename is atomic
    assert temp_content == NEW and target_before == OLD
    assert syncs >= 1  # the data was fsynced before the switch
    assert len(synced) >= 2  # ...and the folder after it


def test_saving_through_a_symlink_updates_the_real_file(tmp_path):
    real = tmp_path / "real.yaml"
    real.write_text(OLD, encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    save_text(link, NEW)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == NEW
    assert (tmp_path / "real.yaml.bak").read_text(encoding="utf-8") == OLD


def test_tilde_is_expanded(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    save_text("~/policy.yaml", NEW)
    assert (tmp_path / "policy.yaml").read_text(encoding="utf-8") == NEW


# ---------------------------------------------------------------------------
# Fingerprints and conflicts
# ---------------------------------------------------------------------------


def test_fingerprint_of_missing_file_or_folder_is_none(tmp_path):
    assert fingerprint(tmp_path / "nope.yaml") is None
    assert fingerprint(tmp_path) is None
    assert fingerprint(tmp_path / "nope" / "deeper.yaml") is None


def test_fingerprint_content_decides(tmp_path):
    target = tmp_path / "policy.yaml"
    target.write_text(OLD, encoding="utf-8")
    first = fingerprint(target)
    os.utime(target, ns=(1, 1))  # touched, same bytes
    touched = fingerprint(target)
    assert touched.mtime_ns != first.mtime_ns
    assert first.same_content(touched)
    target.write_text(OLD.replace("Old", "Odd"), encoding="utf-8")  # same size, other bytes
    changed = fingerprint(target)
    assert changed.size == first.size
    assert not first.same_content(changed)


def test_read_text_gives_content_and_matching_fingerprint(tmp_path):
    target = tmp_path / "policy.yaml"
    target.write_text(NEW, encoding="utf-8")
    text, print_ = read_text(target)
    assert text == NEW
    assert print_ == fingerprint(target)


def test_save_with_matching_fingerprint_succeeds(tmp_path):
    target = tmp_path / "policy.yaml"
    target.write_text(OLD, encoding="utf-8")
    opened = fingerprint(target)
    after = save_text(target, NEW, expected=opened)
    # Saving again with the fingerprint the save returned is not a conflict either.
    save_text(target, NEW + "vision: V.\n", expected=after)
    assert target.read_text(encoding="utf-8") == NEW + "vision: V.\n"


def test_touched_but_unchanged_file_is_no_conflict(tmp_path):
    target = tmp_path / "policy.yaml"
    target.write_text(OLD, encoding="utf-8")
    opened = fingerprint(target)
    target.write_text(OLD, encoding="utf-8")  # e.g. git checkout rewriting identical bytes
    os.utime(target, ns=(10**18, 10**18))
    save_text(target, NEW, expected=opened)
    assert target.read_text(encoding="utf-8") == NEW


def test_file_changed_on_disk_is_a_conflict_and_nothing_is_written(tmp_path):
    target = tmp_path / "policy.yaml"
    target.write_text(OLD, encoding="utf-8")
    opened = fingerprint(target)
    theirs = OLD + "vision: A colleague's vision.\n"
    target.write_text(theirs, encoding="utf-8")
    with pytest.raises(ConflictError) as caught:
        save_text(target, NEW, expected=opened)
    assert target.read_text(encoding="utf-8") == theirs  # the colleague's work is intact
    assert not (tmp_path / "policy.yaml.bak").exists()
    assert leftovers(tmp_path, {"policy.yaml"}) == []
    error = caught.value
    assert error.expected == opened
    assert error.current == fingerprint(target)
    assert str(error) == f"{target} was changed on disk by someone or something else after you opened it."
    # Overwriting on purpose: the caller passes the new fingerprint (or none).
    save_text(target, NEW, expected=error.current)
    assert target.read_text(encoding="utf-8") == NEW
    assert (tmp_path / "policy.yaml.bak").read_text(encoding="utf-8") == theirs


def test_deleted_file_is_written_again(tmp_path):
    target = tmp_path / "policy.yaml"
    target.write_text(OLD, encoding="utf-8")
    opened = fingerprint(target)
    target.unlink()
    save_text(target, NEW, expected=opened)
    assert target.read_text(encoding="utf-8") == NEW


# ---------------------------------------------------------------------------
# Failures: a plain sentence, and nothing lost
# ---------------------------------------------------------------------------


def assert_untouched(folder: Path, target: Path, content: str | None) -> None:
    if content is None:
        assert not target.exists()
    else:
        assert target.read_text(encoding="utf-8") == content
    keep = {target.name} if content is not None else set()
    assert leftovers(folder, keep) == []


def test_folder_removed(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    target = folder / "policy.yaml"
    folder.rmdir()
    with pytest.raises(SaveError) as caught:
        save_text(target, NEW)
    assert caught.value.reason == "folder_missing"
    assert str(caught.value) == f"Could not save {target}: its folder no longer exists."
    assert not folder.exists()


def test_target_is_a_folder(tmp_path):
    target = tmp_path / "policy.yaml"
    target.mkdir()
    (target / "inside.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(SaveError) as caught:
        save_text(target, NEW)
    assert caught.value.reason == "is_folder"
    assert str(caught.value) == f"Could not save {target}: there is a folder with that name."
    assert (target / "inside.txt").read_text(encoding="utf-8") == "keep me"
    assert leftovers(tmp_path, {"policy.yaml"}) == []


def test_part_of_the_path_is_a_file(tmp_path):
    (tmp_path / "notes").write_text("x", encoding="utf-8")
    target = tmp_path / "notes" / "policy.yaml"
    with pytest.raises(SaveError) as caught:
        save_text(target, NEW)
    assert caught.value.reason in {"folder_missing", "not_a_folder"}
    assert str(target) in str(caught.value)


def fail_with(code: int):
    def failing(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    return failing


@pytest.mark.parametrize(
    ("function", "code", "reason", "cause"),
    [
        ("fsync", errno.ENOSPC, "disk_full", "the disk is full."),
        ("fsync", errno.EIO, "other", "the system did not let the file be written."),
        ("replace", errno.EACCES, "permission", "you do not have permission to write there."),
        ("replace", errno.EROFS, "read_only", "the disk is read-only."),
        ("chmod", errno.EPERM, "permission", "you do not have permission to write there."),
    ],
)
@pytest.mark.parametrize("existing", [True, False])
def test_failure_leaves_everything_as_it_was(tmp_path, monkeypatch, function, code, reason, cause, existing):
    target = tmp_path / "policy.yaml"
    if existing:
        target.write_text(OLD, encoding="utf-8")
        (tmp_path / "policy.yaml.bak").write_text("older backup", encoding="utf-8")
    opened = fingerprint(target)
    real = getattr(os, function)

    def selective(*args, **kwargs):
        # Fail only on the save's own file operations, not on the test's bookkeeping.
        if function == "replace" and Path(args[1]) != target:
            return real(*args, **kwargs)
        return fail_with(code)()

    monkeypatch.setattr(os, function, selective)
    with pytest.raises(SaveError) as caught:
        save_text(target, NEW, expected=opened)
    monkeypatch.setattr(os, function, real)
    assert caught.value.reason == reason
    assert str(caught.value) == f"Could not save {target}: {cause}"
    assert "\n" not in str(caught.value)
    assert "Errno" not in str(caught.value)
    if existing:
        assert target.read_text(encoding="utf-8") == OLD
        names = {"policy.yaml", "policy.yaml.bak"}
        assert leftovers(tmp_path, names) == []
        # The backup is either the older one (the failure came first) or the current file.
        assert (tmp_path / "policy.yaml.bak").read_text(encoding="utf-8") in {"older backup", OLD}
    else:
        assert_untouched(tmp_path, target, None)


def test_temporary_file_cannot_be_created(tmp_path, monkeypatch):
    target = tmp_path / "policy.yaml"
    target.write_text(OLD, encoding="utf-8")
    import tempfile

    monkeypatch.setattr(tempfile, "mkstemp", fail_with(errno.EACCES))
    with pytest.raises(SaveError) as caught:
        save_text(target, NEW)
    assert caught.value.reason == "permission"
    assert_untouched(tmp_path, target, OLD)


def test_write_interrupted_halfway_leaves_no_temp(tmp_path, monkeypatch):
    """A full disk during the write itself (not only at fsync)."""
    target = tmp_path / "policy.yaml"
    target.write_text(OLD, encoding="utf-8")
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    with pytest.raises(SaveError) as caught:
        save_text(target, NEW)
    assert caught.value.reason == "disk_full"
    assert_untouched(tmp_path, target, OLD)


def test_permission_denied_for_real_when_not_root(tmp_path):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root may write anywhere; the permission case is simulated in other tests")
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "policy.yaml"
    target.write_text(OLD, encoding="utf-8")
    folder.chmod(0o555)
    try:
        with pytest.raises(SaveError) as caught:
            save_text(target, NEW)
        assert caught.value.reason == "permission"
        assert target.read_text(encoding="utf-8") == OLD
    finally:
        folder.chmod(0o755)


def test_unencodable_text(tmp_path):
    target = tmp_path / "policy.yaml"
    target.write_text(OLD, encoding="utf-8")
    with pytest.raises(SaveError) as caught:
        save_text(target, "mission: \ud800\n")
    assert caught.value.reason == "bad_text"
    assert_untouched(tmp_path, target, OLD)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("hr", "Datoteka {file} nije spremljena: već postoji mapa s tim nazivom."),
        ("zh", "无法保存 {file}：已存在同名文件夹。"),
        ("tr", "{file} kaydedilemedi: bu adda bir klasör zaten var."),
    ],
)
def test_messages_are_in_the_ui_language(tmp_path, lang, expected):
    i18n.set_ui_language(lang)
    target = tmp_path / "policy.yaml"
    target.mkdir()
    with pytest.raises(SaveError) as caught:
        save_text(target, NEW)
    assert str(caught.value) == expected.format(file=target)


def test_conflict_message_in_croatian(tmp_path):
    i18n.set_ui_language("hr")
    target = tmp_path / "policy.yaml"
    target.write_text(OLD, encoding="utf-8")
    opened = fingerprint(target)
    target.write_text(NEW, encoding="utf-8")
    with pytest.raises(ConflictError) as caught:
        save_text(target, OLD, expected=opened)
    assert str(caught.value).startswith(f"Datoteka {target} promijenjena je na disku")


def test_fingerprint_is_a_plain_value():
    a = Fingerprint(3, 5, "abc")
    assert a == Fingerprint(3, 5, "abc")
    assert a.same_content(Fingerprint(3, 9, "abc"))
    assert not a.same_content(None)


def test_bytes_are_saved_the_same_way(tmp_path):
    from wizard.storage import save_bytes

    target = tmp_path / "policy.docx"
    target.write_bytes(b"PK old")
    save_bytes(target, b"PK\x03\x04 new")
    assert target.read_bytes() == b"PK\x03\x04 new"
    assert (tmp_path / "policy.docx.bak").read_bytes() == b"PK old"


def test_exports_can_skip_the_backup(tmp_path):
    target = tmp_path / "policy.html"
    target.write_text("<p>old</p>", encoding="utf-8")
    save_text(target, "<p>new</p>", backup=False)
    assert target.read_text(encoding="utf-8") == "<p>new</p>"
    assert leftovers(tmp_path, {"policy.html"}) == []
