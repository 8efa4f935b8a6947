"""What changed between two versions of a policy, as a notice staff (or customers) can read.

    compare(old, new, lang, audience="internal") -> Notice   # format-neutral, in `lang`
    write_notice(notice, fmt) -> str                         # md, txt, html
    summary(notice) -> str                                   # one line, for a revision note
    first_version_note(lang) -> str                          # the note of a first save
    load_version(argument) -> Spec                           # a file, or git's REV:PATH

UI-free: the command line and the app both use it; it never imports Textual.
"""

from __future__ import annotations

from .compare import compare, first_version_note, summary
from .notice import Change, Notice, NoticeSection, Segment
from .sources import load_version
from .write import FORMATS, write_notice

__all__ = ["FORMATS", "Change", "Notice", "NoticeSection", "Segment", "compare", "first_version_note", "load_version", "summary", "write_notice"]
