"""Where the versions to compare come from: a file, or a git revision written as git writes
it (`HEAD~1:policy.yaml`, `v1.2:policy.yaml`), read with `git show` from the file's folder.

Every problem ends in the loader's error path (a `SpecError` of one-line problems), so the
command line reports a missing git or a bad revision like a bad file: one line, exit 2.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from wizard.i18n import Translator
from wizard.spec import Problem, SpecError

_ = Translator("changes").gettext


def load_version(argument: str):
    """The spec named by `argument`: an existing file, else `REV:PATH` from git."""
    from wizard.spec import load_spec, loads_spec

    path = Path(argument)
    revision, separator, inside = argument.partition(":")
    if path.exists() or not separator or not revision or not inside:
        return load_spec(path)
    return loads_spec(_git_show(argument, revision, Path(inside)), filename=argument)


def _fail(argument: str, message: str) -> SpecError:
    return SpecError([Problem(argument, None, (), message)])


def _git_show(argument: str, revision: str, path: Path) -> str:
    git = shutil.which("git")
    if git is None:
        raise _fail(argument, _("git is not installed, so a version from git cannot be read"))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise _fail(argument, _("the folder %(folder)s does not exist") % {"folder": folder})
    inside = _run(git, folder, "rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0:
        raise _fail(argument, _("%(folder)s is not inside a git repository") % {"folder": folder.resolve()})
    shown = _run(git, folder, "show", f"{revision}:./{path.name}")
    if shown.returncode != 0:
        reason = (shown.stderr.strip().splitlines() or [""])[-1].removeprefix("fatal: ")
        raise _fail(argument, _("git cannot show this version: %(reason)s") % {"reason": reason})
    return shown.stdout


def _run(git: str, folder: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [git, "-C", str(folder), *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )
