"""One open policy file: where it lives, what it looked like, whose draft is whose.

A `PolicySession` is the one owner of everything about a policy file that is not the
editing itself: its path; its fingerprint as opened or last saved (so a change made on
disk by someone else is never overwritten silently); the data as it is on disk (what
"save the rest" keeps for a field whose typed input is not valid yet); whether there are
changes not in the file; and this window's own draft and the lock that says it is ours.

The app's editor screen, `policy-wizard fmt` and `policy-wizard new` all save through it,
so every save is the same: atomic, the previous version kept as `FILE.bak`, refused when
the file changed or disappeared since it was read. The safe writing itself lives in
`wizard.storage`; this module decides what to check and remembers what it found.

No Textual here: the command line uses it without loading the app, and it is tested on
its own (tests/session).
"""

from __future__ import annotations

import copy
import errno
import os
import stat
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wizard.i18n import N_, Translator
from wizard.spec.model import get_at, set_at
from wizard.storage import (
    BACKUP_SUFFIX,
    ConflictError,
    DraftBusy,
    DraftInfo,
    DraftPlace,
    DraftStore,
    Fingerprint,
    fingerprint,
    free_name,
    new_draft_id,
    new_file_draft_id,
    read_bytes,
    save_text,
)

_ = Translator("cli").gettext


class FileGoneError(ConflictError):
    """The file was deleted or moved away after it was opened; nothing was written.

    Writing it again would bring back a file someone removed on purpose, so the user
    is asked first (`PolicySession.save(..., overwrite=True)` writes it anyway).
    """

    def __init__(self, path: Path, expected: Fingerprint) -> None:
        super().__init__(path, expected, None)
        self.args = (_("%(file)s was deleted or moved after you opened it.") % {"file": path},)


@dataclass(frozen=True)
class SaveResult:
    """What a save did, beyond writing: things the user should hear about.

    `links_broken`: how many other names (hard links) the file had that still show the old
    text, since a safe save writes a new file and renames it into place. `read_only`: the
    file was read-only (its permissions are kept). `unchanged`: the file already had this
    text (written by someone else at the same moment), so nothing was written.
    """

    fingerprint: Fingerprint | None
    links_broken: int = 0
    read_only: bool = False
    unchanged: bool = False


@dataclass(frozen=True)
class Opened:
    """A file as opened: its session and the loaded spec (data, lines, comments)."""

    session: PolicySession
    spec: Any


class PolicySession:
    """One window's (or one command's) hold on a policy file; see the module docstring."""

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        fingerprint: Fingerprint | None = None,
        on_disk: dict | None = None,
        draft_id: str | None = None,
        dirty: bool = False,
        read_only: bool = False,
        store: DraftStore | None = None,
    ) -> None:
        """`fingerprint`: the file as it was read (None: a new file, or a draft of one that is
        gone: then any file found at `path` on saving is someone else's). `on_disk`: its data
        (read lazily when not given). `draft_id`: a restored draft this window takes over;
        by default a fresh one of its own. `read_only`: the user chose to only look (the file
        is open in another window): saving asks for another name."""
        self.path = Path(path) if path is not None else None
        self.fingerprint = fingerprint
        self._on_disk = copy.deepcopy(on_disk) if on_disk is not None else None
        self.dirty = dirty
        self.read_only = read_only
        self.store = store or DraftStore()
        self.draft_id = draft_id or self._fresh_draft_id()
        self.draft_problem: OSError | None = None

    # -- opening -----------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, store: DraftStore | None = None) -> Opened:
        """Read and check the policy at `path`; raises `SpecError` (every problem) like
        `load_spec`. The fingerprint is taken from the very bytes that were parsed."""
        from wizard.spec import load_spec, loads_spec
        from wizard.spec.loader import MAX_BYTES

        path = Path(path)
        try:
            if os.stat(path).st_size > MAX_BYTES or not path.is_file():
                raise OSError(errno.EFBIG, "not a readable policy")
            content, print_ = read_bytes(path)
        except OSError:
            load_spec(path)  # says what is wrong, in the loader's words
            raise
        spec = loads_spec(content, str(path))
        spec.path = path
        return Opened(cls(path, fingerprint=print_, on_disk=spec.data, store=store), spec)

    @staticmethod
    def windows_on(path: str | os.PathLike[str], store: DraftStore | None = None) -> int:
        """How many other running windows have the file at `path` open right now."""
        return (store or DraftStore()).windows_on(path)

    @staticmethod
    def drafts_to_recover(path: str | os.PathLike[str], store: DraftStore | None = None) -> list[DraftInfo]:
        """The drafts of the file at `path` that no running window holds, newest first: the
        unsaved work of windows that were closed without saving, or killed."""
        return [info for info in (store or DraftStore()).for_target(path) if not info.owner_running]

    # -- the draft and its lock -------------------------------------------------------------

    def _fresh_draft_id(self) -> str:
        return new_file_draft_id(self.path) if self.path is not None else new_draft_id()

    def claim(self) -> bool:
        """Take this window's draft lock; False (and `draft_problem` says why) when the state
        folder cannot be written, so that the user hears at once that a crash would lose
        their edits. A draft taken over meanwhile by another window is left to it: this
        window starts a draft of its own."""
        try:
            try:
                self.store.claim(self.draft_id)
            except DraftBusy:
                self.draft_id = self._fresh_draft_id()
                self.store.claim(self.draft_id)
        except OSError as error:
            self.draft_problem = error
            return False
        self.draft_problem = None
        return True

    def release(self) -> None:
        """Let go of the lock (the window closes): an unsaved draft stays for recovery."""
        self.store.release(self.draft_id)

    def write_draft(
        self,
        data: dict,
        unsaved: list | None = None,
        *,
        place: DraftPlace | None = None,
        dismissed: dict[tuple, frozenset[str]] | None = None,
    ) -> DraftInfo:
        """Keep `data` (and typed input not valid yet) in this window's draft, with where the
        user was (`place`) and the findings they dismissed (`dismissed`, saved or not), so
        that a restored draft opens there with the same suggestions hidden. Raises `OSError`
        when it cannot be written; `draft_problem` remembers it until a write succeeds."""
        try:
            self.store.claim(self.draft_id)  # the folder may have become writable again
            info = self.store.write(self.draft_id, data, self.path, self.fingerprint, unsaved=unsaved or None,
                                    place=place, dismissed=dismissed)
        except OSError as error:
            self.draft_problem = error
            raise
        self.draft_problem = None
        return info

    def discard_draft(self) -> None:
        """Delete this window's draft (after a clean save or quit); other windows' drafts of
        the same file are theirs and stay."""
        self.store.discard(self.draft_id)

    # -- the file --------------------------------------------------------------------------

    @property
    def written(self) -> bool:
        """Whether the policy has a file that this session read or wrote."""
        return self.path is not None and self.fingerprint is not None

    def holds(self, text: str) -> bool:
        """Whether the file, as it was read, has exactly `text` (nothing to write)."""
        return self.fingerprint is not None and self.fingerprint.sha256 == _digest_text(text)

    def value_on_disk(self, path: tuple) -> Any:
        """The value at spec path `path` as the file has it (None when absent or no file)."""
        if self._on_disk is None:
            self._on_disk = self._read_on_disk()
        return copy.deepcopy(get_at(self._on_disk, tuple(path)))

    def _read_on_disk(self) -> dict:
        from wizard.spec import SpecError, load_spec

        if not self.written:
            return {}
        try:
            return load_spec(self.path).data
        except (SpecError, OSError):
            return {}

    def keep_disk_values(self, data: dict, paths: list[tuple]) -> dict:
        """`data` with the values at `paths` as the file has them: for fields whose typed
        input is not valid, "save the rest" keeps what was saved, not a half-typed
        intermediate value ("1" on the way to "1x8")."""
        kept = copy.deepcopy(data)
        for path in paths:
            set_at(kept, tuple(path), self.value_on_disk(path))
        return kept

    def check_unchanged(self, target: str | os.PathLike[str] | None = None) -> None:
        """Raise `ConflictError` when the file changed on disk since it was read, and
        `FileGoneError` when it disappeared; `target` None means this session's file.

        Asked before any question that belongs to a save (a revision note), so the user is
        not asked for a note for a save that then cannot happen."""
        target = Path(target) if target is not None else self.path
        if target is None or (target != self.path and self.path is not None):
            return
        try:
            current = fingerprint(target)
        except OSError:
            return  # the save itself reports it
        expected = self.fingerprint
        if expected is None:
            if current is not None:
                raise ConflictError(target, Fingerprint(0, 0, ""), current)
            return
        if current is None:
            raise FileGoneError(target, expected)
        if not expected.same_content(current):
            raise ConflictError(target, expected, current)

    def text_for(self, data: dict, target: Path | None = None, dismissed: dict | None = None) -> str:
        """The canonical text to save; the comments of this session's file (else of `target`)
        are kept: the author wrote them (a `# yaml-language-server` line, a note to a colleague).
        `dismissed`: the findings dismissed in the editor, by path, written as
        `# check: ignore CODE` comments so that `check` agrees with the editor."""
        from wizard.spec import SpecError, dump_spec, load_spec

        source = self.path if self.path is not None else target
        comments = None
        if source is not None and Path(source).is_file():
            try:
                comments = load_spec(source).comments
            except (SpecError, OSError):
                comments = None
        if dismissed is not None:
            from wizard.check.dismissals import with_dismissals

            comments = with_dismissals(comments or [], dismissed)
        return dump_spec(data, comments=comments)

    def save(self, data: dict, *, to: str | os.PathLike[str] | None = None, overwrite: bool = False,
             dismissed: dict | None = None) -> SaveResult:
        """Write `data` canonically to this session's file (or `to`, a "save as") and make it
        the session's file. See `save_text` for the checks and errors, `text_for` for `dismissed`."""
        target = Path(to) if to is not None else self.path
        if target is None:
            raise ValueError("a new policy needs a file name to be saved")
        result = self.save_text(self.text_for(data, target, dismissed), to=target, overwrite=overwrite)
        self._on_disk = copy.deepcopy(data)
        return result

    def save_text(self, text: str, *, to: str | os.PathLike[str] | None = None, overwrite: bool = False) -> SaveResult:
        """Write `text` safely (atomic, previous version as `FILE.bak`, permissions kept).

        Saving to the session's own file checks it first: `ConflictError` when it changed
        on disk since it was read (or, for a new file, when one appeared meanwhile),
        `FileGoneError` when it was deleted; nothing is written then. `overwrite=True`
        writes anyway (the user said so); "save as" to another name is never checked (the
        save-as dialog asks before replacing a file). `SaveError` when it cannot be written.
        Afterwards the session belongs to the written file: its fingerprint, not dirty,
        not read-only, with its own draft (the old one is deleted).
        """
        target = Path(to) if to is not None else self.path
        if target is None:
            raise ValueError("a new policy needs a file name to be saved")
        own = self.path is not None and target == self.path and not self.read_only
        expected = None
        if own and not overwrite:
            try:
                self.check_unchanged(target)
            except ConflictError as error:
                if error.current is not None and error.current.sha256 == _digest_text(text):
                    return self._saved(target, error.current, SaveResult(error.current, unchanged=True))
                raise
            expected = self.fingerprint
        info = _stat(target)
        links_broken = _other_names(target, info)  # before the save makes `.bak` one of them
        try:
            new_print = save_text(target, text, expected)
        except ConflictError as error:
            if error.current is not None and error.current.sha256 == _digest_text(text):
                return self._saved(target, error.current, SaveResult(error.current, unchanged=True))
            raise
        read_only = info is not None and not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
        return self._saved(target, new_print, SaveResult(new_print, links_broken, read_only))

    def _saved(self, target: Path, print_: Fingerprint, result: SaveResult) -> SaveResult:
        with suppress(OSError):  # the file is saved; a draft folder that cannot be reached has no draft
            self.discard_draft()
        if target != self.path:  # "save as": this window now edits the new file, with a draft of its own
            self.release()
            self.path = target
            self.draft_id = self._fresh_draft_id()
            self.claim()
        self.fingerprint = print_
        self.dirty = False
        self.read_only = False
        self._on_disk = None
        return result

    def reload(self) -> Any:
        """Read the file again (the user drops their changes): the new spec; `SpecError` when
        it cannot be read. The session takes the file's new fingerprint."""
        if self.path is None:
            raise ValueError("a new policy has no file to reload")
        opened = PolicySession.open(self.path, store=self.store)
        self.fingerprint = opened.session.fingerprint
        self._on_disk = opened.spec.data
        self.dirty = False
        return opened.spec

    def rescue_path(self, failed: Path, reason: str) -> Path:
        """A good name to offer for "save as" after saving to `failed` went wrong: a free
        name in a folder that can take it (the same folder only when the folder was not
        the problem), never the very path that just failed."""
        name = failed.name if reason != "name_too_long" else "policy.yaml"
        folders = [failed.parent] if reason in ("is_folder", "bad_text") else []
        folders += [Path.cwd(), Path.home()]
        for folder in folders:
            if folder == failed.parent and reason not in ("is_folder", "bad_text"):
                continue
            if folder.is_dir() and os.access(folder, os.W_OK):
                candidate = free_name(folder / name)
                if candidate != failed:
                    return candidate
        return free_name(Path.home() / name)


# errno -> why no draft can be written, in words for the user (the sentence around it says the rest).
_DRAFT_PROBLEMS = {
    errno.ENOSPC: N_("the disk is full"),
    errno.EACCES: N_("no permission to write there"),
    errno.EPERM: N_("no permission to write there"),
    errno.EROFS: N_("the disk is read-only"),
    errno.ENOTDIR: N_("part of its path is a file, not a folder"),
    errno.EEXIST: N_("part of its path is a file, not a folder"),
}
if hasattr(errno, "EDQUOT"):
    _DRAFT_PROBLEMS[errno.EDQUOT] = _DRAFT_PROBLEMS[errno.ENOSPC]
_DRAFT_PROBLEM_OTHER = N_("the system did not let it be written")


def draft_problem_reason(error: BaseException) -> str:
    """Why a draft could not be written, in a few words (no errno names)."""
    return _(_DRAFT_PROBLEMS.get(getattr(error, "errno", None), _DRAFT_PROBLEM_OTHER))


def _digest_text(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _other_names(target: Path, before: os.stat_result | None) -> int:
    """How many hard links of the file as it was are not `target` itself nor its `.bak`
    (which is meant to keep the old text): those still show the old text after a save."""
    if before is None or before.st_nlink <= 1:
        return 0
    others = before.st_nlink - 1
    backup = _stat(target.with_name(target.name + BACKUP_SUFFIX))
    if backup is not None and (backup.st_dev, backup.st_ino) == (before.st_dev, before.st_ino):
        others -= 1
    return max(others, 0)


__all__ = ["FileGoneError", "Opened", "PolicySession", "SaveResult", "draft_problem_reason"]
