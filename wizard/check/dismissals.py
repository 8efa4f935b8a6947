"""Findings the author dismissed for one place, kept in the policy file itself.

The file format forbids unknown keys, so a dismissal is a comment on the line of the value
it concerns, which the loader keeps and the dumper writes back:

    always:
      - odmah premještamo u privatne poruke  # check: ignore vague-time

`check` and the wizard both read it, so they agree about what is left to fix.
"""

from __future__ import annotations

from typing import Iterable

MARKER = "check: ignore"

Dismissals = dict[tuple, frozenset[str]]


def dismissals(comments: Iterable[tuple]) -> Dismissals:
    """The dismissed codes of each path, from a loaded spec's comments."""
    found: dict[tuple, frozenset[str]] = {}
    for where, path, text, _fallback in comments:
        codes = _codes(text) if where == "inline" and path else frozenset()
        if codes:
            found[tuple(path)] = found.get(tuple(path), frozenset()) | codes
    return found


def _codes(comment: str) -> frozenset[str]:
    body = comment.lstrip("#").strip()
    if not body.startswith(MARKER):
        return frozenset()
    return frozenset(code.strip() for code in body[len(MARKER):].replace(",", " ").split() if code.strip())


def is_dismissal(comment: str) -> bool:
    return bool(_codes(comment))


def comment_for(codes: Iterable[str]) -> str:
    return f"# {MARKER} {', '.join(sorted(codes))}"


def without_dismissed(findings: Iterable, dismissed: Dismissals) -> list:
    """The findings the author has not dismissed at their place."""
    return [f for f in findings if f.code not in dismissed.get(tuple(f.path), ())]


def with_dismissals(comments: list[tuple], dismissed: Dismissals) -> list[tuple]:
    """The comments of a file with its dismissals replaced by `dismissed` (the author may
    have dismissed more, or taken one back, since the file was read)."""
    kept = [comment for comment in comments if not (comment[0] == "inline" and is_dismissal(comment[2]))]
    return kept + [("inline", path, comment_for(codes), None) for path, codes in dismissed.items() if codes]


def sections_with_other_dismissals(one: Dismissals, other: Dismissals) -> list[str]:
    """The top-level keys where two sets of dismissals differ (a draft dismissed a finding
    the file does not, or took one back), in order: a draft that differs from its file
    only there still holds the user's work."""
    keys: list[str] = []
    for path in [*one, *other]:
        if one.get(path, frozenset()) != other.get(path, frozenset()) and path[0] not in keys:
            keys.append(path[0])
    return keys
