"""The app's one door to the core (spec, render, check, presets, storage).

Everything the screens need from the core goes through these functions, so a
change of a core signature is fixed in one place. Heavy modules are imported on
first use, never at `import wizard.app.app`. Its records are NamedTuples: this module is
imported while the editor opens, and a dataclass costs that start about 0.4 ms to create.
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from wizard.spec.model import LANGUAGES, SCHEMA_VERSION


class Loaded(NamedTuple):
    """A spec file as opened: its data, its path, its fingerprint (to detect a change on disk),
    the file's session (wizard.session), which the editor takes over, and the findings
    dismissed in its comments (read from the same parse: the editor need not read it again)."""

    data: dict
    path: Path
    fingerprint: Any = None
    session: Any = None
    dismissed: dict | None = None


class PreviewSection(NamedTuple):
    """One section of the rendered document, for the live preview."""

    key: str
    heading: str
    markdown: str


class FileProblems(Exception):
    """A file that cannot be opened: each problem as `FILE:LINE: message`."""

    def __init__(self, path: Path, problems: list[str] | None = None) -> None:
        super().__init__(path, problems)
        self.path = path
        self.problems = list(problems or [])

    def __str__(self) -> str:
        return "\n".join(self.problems)


def blank_spec(lang: str) -> dict:
    return {"schema_version": SCHEMA_VERSION, "language": lang if lang in LANGUAGES else "en"}


def load(path: Path) -> Loaded:
    """Open a spec file; raise FileProblems with every problem of a bad file."""
    from wizard.session import PolicySession
    from wizard.spec import SpecError

    path = Path(path)
    try:
        opened = PolicySession.open(path)
    except SpecError as error:
        problems = [str(problem) for problem in error.problems] or [str(error)]
        raise FileProblems(path, problems) from None
    from wizard.check.dismissals import dismissals

    return Loaded(opened.spec.data, path, opened.session.fingerprint, opened.session,
                  dismissals(opened.spec.comments))


def dismissed_in(path: Path | None) -> dict:
    """The findings dismissed in the file at `path` (see `wizard.check.dismissals`)."""
    from wizard.check.dismissals import dismissals
    from wizard.spec import SpecError, load_spec

    if path is None or not Path(path).is_file():
        return {}
    try:
        return dismissals(load_spec(path).comments)
    except (SpecError, OSError):
        return {}


def file_fingerprint(path: Path) -> Any:
    from wizard.storage import fingerprint

    try:
        return fingerprint(path)
    except OSError:
        return None


def preview_sections(data: dict, lang: str) -> list[PreviewSection]:
    """The rendered document as Markdown, one entry per section (for the live preview)."""
    from wizard.render import build_document, section_markdown

    document = build_document(data, lang)
    return [PreviewSection(s.key, s.heading, section_markdown(s)) for s in document.sections]


def render_bytes(data: dict, lang: str, fmt: str, audience: str) -> bytes:
    from wizard.render import render

    result = render(data, lang, fmt, audience=audience)
    return result if isinstance(result, bytes) else result.encode("utf-8")


def findings(data: dict, langs: tuple[str, ...] = (), dismissed: dict | None = None) -> list:
    """Quality findings of the spec (wizard.check), but those dismissed at their place."""
    from wizard.check import run_checks
    from wizard.check.dismissals import without_dismissed

    try:
        return without_dismissed(run_checks(data, langs, today=date.today()), dismissed or {})
    except Exception:  # a checker bug must never take the editor down
        return []


def change_notice(old: dict, new: dict, lang: str):
    """What changed from `old` to `new`, in `lang` (wizard.changes.Notice)."""
    from wizard.changes import compare

    return compare(old, new, lang)


def change_summary(notice) -> str:
    """The notice in one line: a starting point for a revision note."""
    from wizard.changes import summary

    return summary(notice)


def revision_entry(note: str, author: str = "") -> dict:
    """An entry of the revision history made today (the contract's key order)."""
    entry: dict[str, Any] = {"date": date.today().isoformat()}
    if author:
        entry["author"] = author
    entry["note"] = note
    return entry


def first_version_note(lang: str) -> str:
    """The note of a policy's first save ("First version"), in the document's language."""
    from wizard.changes import first_version_note

    return first_version_note(lang)


def snapshot(data: dict) -> dict:
    """A private copy of the spec for work in another thread."""
    return copy.deepcopy(data)


def presets() -> list:
    from wizard.presets import list_presets

    return list(list_presets())


def preset_data(key: str, lang: str) -> dict:
    from wizard.presets import load_preset

    return load_preset(key, lang)
