"""Word-level difference of two wordings of a free text (Chinese by characters, since it has
no spaces between words; a Chinese policy may still quote an English name word by word)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from wizard.render.formatting import one_line

from .notice import Segment

# CJK ideographs, kana and full-width forms and punctuation: each character is a token.
_CJK = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_TOKEN = re.compile(rf"[{_CJK}]\s*|[^\s{_CJK}]+\s*|\s+")


def _tokens(text: str) -> list[str]:
    """Words with the space after them (so a run of changed words is one run), and each
    Chinese character on its own."""
    return _TOKEN.findall(text)


def word_difference(old: str, new: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """The old and the new wording as segments; removed words are marked in the old, added
    words in the new. Both texts are taken as one line (paragraph breaks do not count)."""
    before_tokens, after_tokens = _tokens(one_line(old)), _tokens(one_line(new))
    before: list[Segment] = []
    after: list[Segment] = []
    # Words compare without their spaces: "day." at the end and "day. " inside are one word.
    matcher = SequenceMatcher(None, [t.strip() for t in before_tokens], [t.strip() for t in after_tokens], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = tag != "equal"
        _append(before, before_tokens[i1:i2], changed)
        _append(after, after_tokens[j1:j2], changed)
    return _tidy(before), _tidy(after)


def _append(segments: list[Segment], tokens: list[str], changed: bool) -> None:
    if not tokens:
        return
    text = "".join(tokens)
    if segments and segments[-1].changed == changed:
        segments[-1] = Segment(segments[-1].text + text, changed)
    else:
        segments.append(Segment(text, changed))


def _tidy(segments: list[Segment]) -> tuple[Segment, ...]:
    """Move white space at the edges of a changed run out of it, so that a writer's marks
    (~~…~~, <del>) hug the words, and join runs that become neighbours."""
    out: list[Segment] = []
    for segment in segments:
        if not segment.changed:
            _append_text(out, segment.text, False)
            continue
        core = segment.text.strip()
        if not core:
            _append_text(out, segment.text, False)
            continue
        start = segment.text.index(core)
        _append_text(out, segment.text[:start], False)
        _append_text(out, core, True)
        _append_text(out, segment.text[start + len(core):], False)
    return tuple(out)


def _append_text(segments: list[Segment], text: str, changed: bool) -> None:
    if text:
        _append(segments, [text], changed)
