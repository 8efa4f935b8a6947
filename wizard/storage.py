"""Nothing is ever lost: safe saves, conflict detection and the autosave draft store.

Safe save (`save_text`): the new content goes to a temporary file in the target's own
folder, is flushed and fsynced, the previous version is kept as `FILE.bak`, and the
temporary file then replaces the target in one atomic step (`os.replace`), after which
the folder itself is fsynced. A crash at any moment leaves either the old file or the
new one, never half of each. Any failure raises `SaveError` with one plain sentence in
the UI language, and leaves the target (and its previous content) as it was.

Conflicts: `fingerprint(path)` records what a file looked like when it was opened;
`save_text(..., expected=that_fingerprint)` refuses with `ConflictError` when the file
changed on disk since (a colleague, git, another editor), and writes nothing.

Drafts (`DraftStore`): the wizard writes its in-memory spec to a draft file in the
user's state folder within seconds of every change, so that a closed terminal or a
`kill -9` costs nothing; the next start offers to restore it. Draft files are written
with the same temporary-file-then-replace dance, so a draft is always whole.

Each window owns its own draft (two windows on one file never write over each other's
work) and holds a lock on it (`DraftStore.claim`): an advisory `flock` on `ID.lock`
beside the draft, which the system drops the moment the process ends, however it ends.
A draft whose lock nobody holds belongs to a window that is gone: it is offered for
recovery. A lock held by another process means the file is open in another window.

This module is part of the core: it never imports Textual.
"""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

from wizard.i18n import N_, Translator
from wizard.spec.model import TOP_KEYS, is_empty, text_in

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: locks fall back to the writer's process number
    fcntl = None  # type: ignore[assignment]

_ = Translator("cli").gettext

BACKUP_SUFFIX = ".bak"
TEMP_SUFFIX = ".tmp"
DRAFT_SUFFIX = ".draft.yaml"
LOCK_SUFFIX = ".lock"
DRAFT_FORMAT = 1
APP_NAME = "policy-wizard"


# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------


class StorageError(Exception):
    """Base of the errors this module raises; `str()` is a sentence for the user."""


class SaveError(StorageError):
    """A save that did not happen. The target and its previous content are untouched.

    `path` is the file that was to be written, `reason` a stable word for programs
    (`permission`, `disk_full`, `folder_missing`, `is_folder`, `read_only`,
    `name_too_long`, `not_a_folder`, `bad_text`, `other`); `str()` is the message.
    """

    def __init__(self, message: str, path: Path, reason: str) -> None:
        super().__init__(message)
        self.path = path
        self.reason = reason


class ConflictError(StorageError):
    """The file changed on disk after it was opened; nothing was written.

    `expected` is the fingerprint the caller had, `current` the one on disk now.
    """

    def __init__(self, path: Path, expected: Fingerprint, current: Fingerprint | None) -> None:
        super().__init__(
            _("%(file)s was changed on disk by someone or something else after you opened it.")
            % {"file": path}
        )
        self.path = path
        self.expected = expected
        self.current = current


# ---------------------------------------------------------------------------
# Fingerprints
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Fingerprint:
    """What a file looked like: its size, modification time and a hash of its content.

    Two fingerprints describe the same file content when their hashes are equal;
    size and time are kept for display and cheap comparisons, but a file that was
    touched without being changed (a `git checkout` that rewrote identical bytes)
    still matches.
    """

    size: int
    mtime_ns: int
    sha256: str

    def same_content(self, other: Fingerprint | None) -> bool:
        return other is not None and other.sha256 == self.sha256


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def fingerprint(path: str | os.PathLike[str]) -> Fingerprint | None:
    """The fingerprint of the file at `path`, or None when there is no file there.

    A folder or anything else that is not a regular file also gives None. Other read
    errors (no permission) are raised as `OSError`.
    """
    try:
        return read_bytes(path)[1]
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None


def read_bytes(path: str | os.PathLike[str]) -> tuple[bytes, Fingerprint | None]:
    """The content of a file and its fingerprint, taken from one read (no race between them).

    Raises `FileNotFoundError` when there is no file, `IsADirectoryError` for a folder,
    other `OSError`s as they come.
    """
    with open(path, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):  # pragma: no cover - open() already refuses on Linux
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        content = handle.read()
    return content, Fingerprint(len(content), info.st_mtime_ns, _digest(content))


def read_text(path: str | os.PathLike[str]) -> tuple[str, Fingerprint]:
    """A text file (UTF-8) and its fingerprint; decoding errors raise `UnicodeDecodeError`."""
    content, print_ = read_bytes(path)
    assert print_ is not None
    return content.decode("utf-8"), print_


# ---------------------------------------------------------------------------
# Safe save
# ---------------------------------------------------------------------------


# errno -> (stable reason, message): why a save failed, in words a manager understands.
_SAVE_FAILURES: dict[int, tuple[str, str]] = {
    errno.EACCES: ("permission", N_("Could not save %(file)s: you do not have permission to write there.")),
    errno.EPERM: ("permission", N_("Could not save %(file)s: you do not have permission to write there.")),
    errno.ENOSPC: ("disk_full", N_("Could not save %(file)s: the disk is full.")),
    errno.ENOENT: ("folder_missing", N_("Could not save %(file)s: its folder no longer exists.")),
    errno.EISDIR: ("is_folder", N_("Could not save %(file)s: there is a folder with that name.")),
    errno.EROFS: ("read_only", N_("Could not save %(file)s: the disk is read-only.")),
    errno.ENAMETOOLONG: ("name_too_long", N_("Could not save %(file)s: the name is too long.")),
    errno.ENOTDIR: ("not_a_folder", N_("Could not save %(file)s: part of its path is a file, not a folder.")),
}
if hasattr(errno, "EDQUOT"):  # over the disk quota: full, as far as the user can tell
    _SAVE_FAILURES[errno.EDQUOT] = _SAVE_FAILURES[errno.ENOSPC]


def _save_error(path: Path, error: BaseException) -> SaveError:
    """A `SaveError` with a plain sentence for an `OSError` (no errno names, no jargon)."""
    if isinstance(error, UnicodeError):
        reason = "bad_text"
        message = N_("Could not save %(file)s: the text contains characters that cannot be stored in a file.")
    else:
        reason, message = _SAVE_FAILURES.get(
            getattr(error, "errno", None),
            ("other", N_("Could not save %(file)s: the system did not let the file be written.")),
        )
    return SaveError(_(message) % {"file": str(path)}, path, reason)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable. Best effort: some systems cannot open a folder."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(folder, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _real_target(path: Path) -> Path:
    """Follow symbolic links, so that saving through a link updates the file it points to."""
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def _write_durably(folder: Path, name: str, content: bytes, mode: int) -> Path:
    """Write `content` to a new temporary file in `folder`, fsynced, with `mode`; return its path."""
    fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{name[:120]}.", suffix=TEMP_SUFFIX)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
    except BaseException:
        with suppress(OSError):
            temp.unlink()
        raise
    return temp


def _keep_backup(target: Path, info: os.stat_result) -> None:
    """Keep the current content of `target` as `target.bak`, replacing an older backup atomically.

    A hard link costs no space and no copying; where links are not possible the file is
    copied (through a temporary file, so an interrupted copy never leaves half a backup).
    """
    backup = target.with_name(target.name + BACKUP_SUFFIX)
    link = target.with_name(f".{target.name[:120]}.{secrets.token_hex(4)}{BACKUP_SUFFIX}{TEMP_SUFFIX}")
    try:
        os.link(target, link)
    except FileNotFoundError:
        return  # the file went away meanwhile: nothing to keep
    except OSError:
        try:
            content = target.read_bytes()
        except FileNotFoundError:
            return
        link = _write_durably(target.parent, target.name + BACKUP_SUFFIX, content, stat.S_IMODE(info.st_mode))
    try:
        os.replace(link, backup)
    finally:
        # When `FILE.bak` already is another name of the same file (a hard link made by hand,
        # or by a save running at the same moment), rename() does nothing and leaves `link`.
        with suppress(OSError):
            link.unlink()


def save_text(
    path: str | os.PathLike[str], text: str, expected: Fingerprint | None = None, *, backup: bool = True
) -> Fingerprint:
    """Write `text` (UTF-8) to `path` safely and return the new fingerprint.

    - `expected`: the fingerprint of the file as it was opened. When the file on disk no
      longer has that content, `ConflictError` is raised and nothing is written. A file
      that has disappeared since is not a conflict: it is written again.
    - The previous version is kept as `FILE.bak` (unless `backup=False`, e.g. for an
      export that can be made again); the file's permissions are kept.
    - On failure `SaveError` is raised; the target is untouched and no temporary file
      is left behind.
    """
    try:
        content = text.encode("utf-8")
    except UnicodeError as error:
        raise _save_error(Path(path), error) from error
    return save_bytes(path, content, expected, backup=backup)


def save_bytes(
    path: str | os.PathLike[str], content: bytes, expected: Fingerprint | None = None, *, backup: bool = True
) -> Fingerprint:
    """`save_text` for bytes (an exported DOCX, HTML page...): same safety, same errors."""
    shown = Path(path)
    target = _real_target(Path(os.path.expanduser(os.fspath(path))))
    folder = target.parent
    try:
        try:
            info: os.stat_result | None = os.stat(target)
        except FileNotFoundError:
            info = None
            if not folder.is_dir():
                raise FileNotFoundError(errno.ENOENT, "no folder", str(folder)) from None
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(target))
        mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
        temp = _write_durably(folder, target.name, content, mode)
    except OSError as error:
        raise _save_error(shown, error) from error
    try:
        if info is not None:
            with suppress(OSError):  # keep the owner when we may (we usually may not, and need not)
                if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
                    os.chown(temp, info.st_uid, info.st_gid)
        if expected is not None:
            try:
                current = fingerprint(target)
            except OSError:
                current = None
            if current is not None and not expected.same_content(current):
                raise ConflictError(shown, expected, current)
        if info is not None and backup:
            _keep_backup(target, info)
        os.replace(temp, target)
    except BaseException as error:
        with suppress(OSError):
            temp.unlink()
        if isinstance(error, OSError):
            raise _save_error(shown, error) from error
        raise
    _fsync_folder(folder)
    try:
        mtime_ns = os.stat(target).st_mtime_ns
    except OSError:
        mtime_ns = 0
    return Fingerprint(len(content), mtime_ns, _digest(content))


def free_name(path: Path) -> Path:
    """`path` if no file has that name, else the first free `NAME-2.yaml`, `NAME-3.yaml`, ...
    (a good suggestion for "save as" after a conflict, where the usual name is taken)."""
    path = Path(path)
    if not path.exists():
        return path
    for number in range(2, 1000):
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not candidate.exists():
            return candidate
    return path


# ---------------------------------------------------------------------------
# Drafts
# ---------------------------------------------------------------------------


def drafts_dir() -> Path:
    """Where drafts are kept: `<user state folder>/policy-wizard/drafts` (XDG_STATE_HOME on Linux)."""
    from platformdirs import user_state_dir

    return Path(user_state_dir(APP_NAME, appauthor=False)) / "drafts"


def _absolute(path: str | os.PathLike[str]) -> Path:
    return Path(os.path.realpath(os.path.expanduser(os.fspath(path))))


def draft_id_for(path: str | os.PathLike[str]) -> str:
    """The common start of the draft ids of an edited file: a hash of its absolute path
    (links followed). Drafts written before each window had its own draft have exactly
    this id."""
    return "file-" + hashlib.sha256(os.fsencode(_absolute(path))).hexdigest()[:20]


def new_file_draft_id(path: str | os.PathLike[str]) -> str:
    """A fresh draft id for one window editing the file at `path`: the file's own prefix
    (so every draft of the file can be found) and a part of its own (so a second window
    on the same file never writes over the first one's draft)."""
    return f"{draft_id_for(path)}-{secrets.token_hex(4)}"


def _of_file(draft_id: str, path: str | os.PathLike[str]) -> bool:
    prefix = draft_id_for(path)
    return draft_id == prefix or draft_id.startswith(prefix + "-")


def new_draft_id() -> str:
    """A fresh draft id for a new policy that has no file yet."""
    return "new-" + secrets.token_hex(8)


def _host() -> str:
    import socket

    return socket.gethostname()


# The locks this process holds, by lock file: the open descriptor that keeps each one.
_held: dict[Path, int] = {}


class DraftBusy(StorageError):
    """Another running window holds the draft's lock: it is that window's work."""


def _locked_elsewhere(lock: Path, pid: int | None = None) -> bool:
    """Whether another process holds the lock file `lock` (the system releases a lock when
    its process ends, even by `kill -9`, so a lock held means a window that is still open).

    The lock is tried in shared mode and let go at once: a check never keeps it. Without
    `flock` (Windows) the writer's process number is asked instead.
    """
    if lock in _held:
        return False  # this window's own
    if fcntl is None:  # pragma: no cover
        return _process_alive(pid)
    try:
        fd = os.open(lock, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
    return False


def _lock_exclusively(fd: int, tries: int = 5) -> None:
    """Take the lock of `fd` or raise `BlockingIOError`. A few quick tries: another window
    that merely checks the lock holds it for a moment."""
    if fcntl is None:  # pragma: no cover
        return
    for attempt in range(tries):
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if attempt == tries - 1:
                raise
            time.sleep(0.02)


def _process_alive(pid: int | None) -> bool:  # pragma: no cover - only without flock
    if not pid or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        pass
    return True


def _valid_id(draft_id: str) -> bool:
    return bool(draft_id) and all(c.isascii() and (c.isalnum() or c == "-") for c in draft_id)


@dataclass(frozen=True)
class DraftPlace:
    """Where the user was when the draft was written: the editor's step (its key, such as
    "standards"), the spec path of the field that had the focus (empty: none) and the
    language being written (a translation, or empty for the policy's own). Restoring a
    draft opens there, so the user continues where they left off, not at step one."""

    step: str
    field: tuple = ()
    language: str = ""

    def to_meta(self) -> dict:
        """Plain data for the draft's metadata."""
        meta: dict = {"step": self.step}
        if self.field:
            meta["field"] = list(self.field)
        if self.language:
            meta["language"] = self.language
        return meta

    @classmethod
    def from_meta(cls, raw: object) -> DraftPlace | None:
        """The place in a draft's metadata; None when it has none or it is malformed (a
        draft of an older version, or edited by hand: it still restores, at the first step)."""
        if not isinstance(raw, dict) or not isinstance(raw.get("step"), str) or not raw["step"]:
            return None
        field_path = raw.get("field")
        language = raw.get("language")
        return cls(
            raw["step"],
            tuple(field_path) if _is_spec_path(field_path) else (),
            language if isinstance(language, str) else "",
        )


def _is_spec_path(raw: object) -> bool:
    """Whether `raw` is a spec path as a draft stores it: a non-empty list of keys and indexes."""
    return (
        isinstance(raw, list)
        and bool(raw)
        and all(isinstance(part, (str, int)) and not isinstance(part, bool) for part in raw)
    )


def _dismissed_to_meta(dismissed: dict[tuple, frozenset[str]]) -> list[dict]:
    """The findings dismissed in the editor (codes by spec path) as plain draft metadata."""
    return [{"path": list(path), "codes": sorted(codes)} for path, codes in dismissed.items() if codes]


def _dismissed_from_meta(raw: object) -> dict[tuple, frozenset[str]] | None:
    """The dismissed findings of a draft's metadata; None when the draft does not keep them
    (an older draft: then the file's own dismissals apply). Malformed entries are skipped."""
    if not isinstance(raw, list):
        return None
    found: dict[tuple, frozenset[str]] = {}
    for item in raw:
        if not isinstance(item, dict) or not _is_spec_path(item.get("path")):
            continue
        codes = item.get("codes")
        if isinstance(codes, list):
            kept = frozenset(code for code in codes if isinstance(code, str) and code)
            if kept:
                found[tuple(item["path"])] = kept
    return found


@dataclass(frozen=True)
class DraftInfo:
    """A draft as listed: what to show the user before restoring it.

    `target` is the file the draft belongs to (None for a new policy never saved);
    `saved_at` is timezone-aware (UTC); `title` and `company` come from the draft's data
    (title in the spec's language, empty when not written yet); `pid` is the process
    that wrote it; `base` is the fingerprint of the file as it was when the editing began
    (opened or last saved): give it to the editor on restore, so that a file changed on
    disk since (a colleague, git) is noticed at the next save instead of overwritten.
    """

    id: str
    target: Path | None
    saved_at: datetime
    title: str
    company: str
    language: str
    pid: int | None
    path: Path
    base: Fingerprint | None = None
    host: str | None = None
    unsaved: tuple = field(default=(), hash=False)  # (plain dicts: not hashable)
    """Typed input the app could not put into the spec yet (an invalid date or number),
    as the app wrote it (`wizard.app.unsaved.to_draft`): kept beside the valid spec data
    so that recovery brings it back into its field."""
    place: DraftPlace | None = None
    """Where the user was in the editor (None: a draft that does not say)."""
    dismissed: dict | None = field(default=None, hash=False, compare=False)
    """The findings dismissed in the editor, codes by spec path, including those not saved
    yet (None: a draft that does not say; then the file's dismissals apply)."""

    @property
    def owner_running(self) -> bool:
        """Whether another window still holds this draft (the policy is open there, and this
        is its work in progress): then it must not be offered for recovery here.

        Asked of the draft's lock, not of process numbers: a killed process, even one not yet
        reaped, holds no lock, and a new process that got the same number holds none either."""
        return _locked_elsewhere(self.path.with_name(self.id + LOCK_SUFFIX), self.pid)


@cache
def _yaml():
    """PyYAML with the drafts' loader and dumper, imported when a draft is first read or
    written: the welcome screen lists the drafts while it starts, and with none to read it
    should not pay the ~25 ms that importing PyYAML costs."""
    import yaml

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        """Safe loading of draft files (no tags constructed)."""

    class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
        """Fast safe dumping (libyaml when present), multi-line text as literal blocks."""

    def represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        # The emitter falls back to a quoted scalar when a literal block cannot hold the text exactly.
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, represent_str)
    return yaml, Loader, Dumper


def _dump_data(data: dict) -> str:
    """The spec data as YAML for a draft.

    Not `wizard.spec.dump_spec`: the canonical form is for the user's file and costs about
    80 ms for a 30 KB policy in pure Python, while a draft is written every second during
    typing; libyaml does it in about 5 ms, and the data round-trips exactly either way.
    """
    yaml, _loader, dumper = _yaml()
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)


class DraftStore:
    """Drafts of unsaved work, one file per edited file or per new policy.

    Each draft is `<folder>/<id>.draft.yaml`: two YAML documents, the first with the
    draft's metadata (target file, time, writer's process), the second the spec data,
    so a person can read it and copy the policy out by hand if they ever need to.
    """

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self.folder = Path(folder) if folder is not None else drafts_dir()

    def _file(self, draft_id: str) -> Path:
        if not _valid_id(draft_id):
            raise ValueError(f"not a draft id: {draft_id!r}")
        return self.folder / f"{draft_id}{DRAFT_SUFFIX}"

    def write(
        self,
        draft_id: str,
        data: dict,
        target: str | os.PathLike[str] | None = None,
        base: Fingerprint | None = None,
        unsaved: list | None = None,
        place: DraftPlace | None = None,
        dismissed: dict[tuple, frozenset[str]] | None = None,
    ) -> DraftInfo:
        """Store `data` as the draft `draft_id` (atomically: a crash leaves the old or the new draft).

        `base`: the fingerprint of `target` when editing began (see `DraftInfo.base`).
        `unsaved`: typed input that is not valid spec data yet (see `DraftInfo.unsaved`).
        `place` and `dismissed`: see `DraftInfo.place` and `DraftInfo.dismissed`.

        Raises `OSError` when the state folder cannot be written (the caller decides how
        loudly to say so; the user's edits are still in memory).
        """
        saved_at = datetime.now(timezone.utc)
        absolute = _absolute(target) if target is not None else None
        meta = {
            "draft_format": DRAFT_FORMAT,
            "target": str(absolute) if absolute is not None else None,
            "saved_at": saved_at.isoformat(),
            "pid": os.getpid(),
            "host": _host(),
        }
        if base is not None:
            meta["base"] = {"size": base.size, "mtime_ns": base.mtime_ns, "sha256": base.sha256}
        if unsaved:
            meta["unsaved_input"] = list(unsaved)
        if place is not None:
            meta["place"] = place.to_meta()
        if dismissed is not None:
            meta["dismissed"] = _dismissed_to_meta(dismissed)
        header = (
            "# Policy Wizard draft: unsaved changes kept for recovery.\n"
            "# Restore it from the app; the second document below is the policy itself.\n"
        )
        yaml, _loader, dumper = _yaml()
        text = (
            header
            + "---\n"
            + yaml.dump(meta, Dumper=dumper, allow_unicode=True, sort_keys=False, default_flow_style=False)
            + "---\n"
            + _dump_data(data)
        )
        file = self._file(draft_id)
        self.folder.mkdir(parents=True, exist_ok=True)
        temp = _write_durably(self.folder, file.name, text.encode("utf-8"), 0o600)
        try:
            os.replace(temp, file)
        except BaseException:
            with suppress(OSError):
                temp.unlink()
            raise
        _fsync_folder(self.folder)
        return self._info(draft_id, file, meta, data)

    def _load(self, file: Path) -> tuple[dict, dict] | None:
        """(metadata, data) of a draft file, or None when it is missing, unreadable or corrupt."""
        yaml, loader, _dumper = _yaml()
        try:
            text = file.read_text(encoding="utf-8")
            documents = list(yaml.load_all(text, Loader=loader))  # noqa: S506 - safe loader
        except (OSError, UnicodeError, yaml.YAMLError, RecursionError, ValueError):
            return None
        if len(documents) != 2:
            return None
        meta, data = documents
        if not isinstance(meta, dict) or meta.get("draft_format") != DRAFT_FORMAT:
            return None
        if not isinstance(data, dict) or not isinstance(meta.get("saved_at"), str):
            return None
        if meta.get("target") is not None and not isinstance(meta["target"], str):
            return None
        try:
            datetime.fromisoformat(meta["saved_at"])
        except ValueError:
            return None
        return meta, data

    def _info(self, draft_id: str, file: Path, meta: dict, data: dict) -> DraftInfo:
        saved_at = datetime.fromisoformat(meta["saved_at"])
        if saved_at.tzinfo is None:
            saved_at = saved_at.replace(tzinfo=timezone.utc)
        language = data.get("language") if isinstance(data.get("language"), str) else "en"
        title = text_in(data.get("title"), language, language) or ""
        company = data.get("company") if isinstance(data.get("company"), str) else ""
        pid = meta.get("pid") if isinstance(meta.get("pid"), int) else None
        host = meta.get("host") if isinstance(meta.get("host"), str) else None
        target = Path(meta["target"]) if meta.get("target") else None
        unsaved = meta.get("unsaved_input")
        return DraftInfo(
            draft_id,
            target,
            saved_at,
            title.strip(),
            company.strip(),
            language,
            pid,
            file,
            _base(meta.get("base")),
            host,
            tuple(unsaved) if isinstance(unsaved, list) else (),
            DraftPlace.from_meta(meta.get("place")),
            _dismissed_from_meta(meta.get("dismissed")),
        )

    def _drafts(self, pattern: str = "*") -> Iterator[tuple[DraftInfo, dict]]:
        try:
            files = sorted(self.folder.glob(f"{pattern}{DRAFT_SUFFIX}"))
        except OSError:
            return
        for file in files:
            draft_id = file.name[: -len(DRAFT_SUFFIX)]
            if not _valid_id(draft_id):
                continue
            loaded = self._load(file)
            if loaded is not None:
                yield self._info(draft_id, file, *loaded), loaded[1]

    def list(self) -> list[DraftInfo]:
        """Every readable draft, newest first. Corrupt or unreadable draft files are skipped
        (and kept for a person to rescue); half-written temporary files of a write that was
        killed more than a minute ago are removed."""
        self.clean_temporary(older_than=60.0)
        return sorted((info for info, _data in self._drafts()), key=lambda i: i.saved_at, reverse=True)

    def info(self, draft_id: str) -> DraftInfo | None:
        file = self._file(draft_id)
        loaded = self._load(file)
        return self._info(draft_id, file, *loaded) if loaded is not None else None

    def read(self, draft_id: str) -> dict | None:
        """The spec data of a draft, or None when there is none (or it is corrupt)."""
        loaded = self._load(self._file(draft_id))
        return loaded[1] if loaded is not None else None

    def discard(self, draft_id: str) -> None:
        """Delete a draft (no error when it is already gone)."""
        with suppress(FileNotFoundError):
            self._file(draft_id).unlink()

    def for_target(self, path: str | os.PathLike[str]) -> list[DraftInfo]:
        """Every draft of the file at `path` (one per window that edited it), newest first."""
        found = [info for info, _data in self._drafts(f"{draft_id_for(path)}*") if _of_file(info.id, path)]
        return sorted(found, key=lambda i: i.saved_at, reverse=True)

    # -- locks: which window owns which draft ----------------------------------

    def _lock(self, draft_id: str) -> Path:
        return self._file(draft_id).with_name(draft_id + LOCK_SUFFIX)

    def claim(self, draft_id: str) -> None:
        """Hold the lock of `draft_id` for as long as this process runs (or until `release`).

        Raises `DraftBusy` when another window holds it, `OSError` when the state folder
        cannot be written (then no draft can be written either: the caller says so).
        """
        lock = self._lock(draft_id)
        if lock in _held:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock_exclusively(fd)
        except BlockingIOError:
            os.close(fd)
            raise DraftBusy(draft_id) from None
        except BaseException:
            os.close(fd)
            raise
        _held[lock] = fd
        # The process number, for a person who looks. On a full disk this fails: the lock is
        # held all the same, and the error says at once that no draft can be written either.
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))

    def release(self, draft_id: str) -> None:
        """Let go of the lock of `draft_id` (the window closes the file); the draft stays."""
        lock = self._lock(draft_id)
        fd = _held.pop(lock, None)
        if fd is None:
            return
        with suppress(OSError):
            lock.unlink()
        os.close(fd)

    def windows_on(self, path: str | os.PathLike[str]) -> int:
        """How many other running windows have the file at `path` open."""
        try:
            locks = list(self.folder.glob(f"{draft_id_for(path)}*{LOCK_SUFFIX}"))
        except OSError:
            return 0
        return sum(
            1 for lock in locks if _of_file(lock.name[: -len(LOCK_SUFFIX)], path) and _locked_elsewhere(lock)
        )

    def clean_temporary(self, older_than: float = 0.0) -> None:
        """Remove temporary files left by a write that was killed halfway (never a draft),
        and the locks of windows that are gone.

        `older_than` (seconds) spares files another running window may be writing right now
        (a lock file is created a moment before it is locked).
        """
        now = datetime.now(timezone.utc).timestamp()
        with suppress(OSError):
            for temp in self.folder.glob(f".*{TEMP_SUFFIX}"):
                with suppress(OSError):
                    if now - temp.stat().st_mtime >= older_than:
                        temp.unlink()
            for lock in self.folder.glob(f"*{LOCK_SUFFIX}"):
                with suppress(OSError):
                    if now - lock.stat().st_mtime >= older_than and not _locked_elsewhere(lock) and lock not in _held:
                        lock.unlink()


def _base(value: object) -> Fingerprint | None:
    if not isinstance(value, dict):
        return None
    size, mtime_ns, sha256 = value.get("size"), value.get("mtime_ns"), value.get("sha256")
    if isinstance(size, int) and isinstance(mtime_ns, int) and isinstance(sha256, str) and len(sha256) == 64:
        return Fingerprint(size, mtime_ns, sha256)
    return None


def changed_sections(draft_data: dict, file_data: dict | None) -> list[str]:
    """The top-level keys whose values differ between a draft and the file, in the contract's order.

    An empty value counts as absent (the contract leaves empty sections out), so a field
    that was added and cleared again is not a difference. `file_data` None (no file yet,
    or the file was deleted) makes every non-empty key of the draft differ.
    """
    file_data = file_data or {}
    keys = [key for key in TOP_KEYS if key in draft_data or key in file_data]
    keys += sorted((key for key in set(draft_data) | set(file_data) if key not in TOP_KEYS), key=str)
    changed = []
    for key in keys:
        mine = draft_data.get(key)
        theirs = file_data.get(key)
        if is_empty(mine) and is_empty(theirs):
            continue
        if mine != theirs:
            changed.append(key)
    return changed


__all__ = [
    "BACKUP_SUFFIX",
    "ConflictError",
    "DraftBusy",
    "DraftInfo",
    "DraftPlace",
    "DraftStore",
    "Fingerprint",
    "SaveError",
    "StorageError",
    "changed_sections",
    "draft_id_for",
    "drafts_dir",
    "fingerprint",
    "free_name",
    "new_draft_id",
    "new_file_draft_id",
    "read_bytes",
    "read_text",
    "save_bytes",
    "save_text",
]
