"""Which of our four languages a document is written in.

Our own documents say it with their headings and labels (their author text may be in
another language: a Croatian rendering of an English policy), so those count first. Other
documents are told apart by script and by the short words every sentence has.
"""

from __future__ import annotations

import re

from wizard.spec.model import LANGUAGES

from .blocks import Block
from .interpret import blocks_as_text
from .vocabulary import scaffold

_COMMON_WORDS = {
    "en": {"the", "and", "of", "to", "we", "our", "is", "are", "for", "with", "every", "within", "will", "a"},
    "hr": {"i", "je", "se", "u", "na", "za", "da", "od", "su", "s", "svaki", "roku", "koji", "ili", "te"},
    "tr": {"ve", "bir", "bu", "için", "ile", "olarak", "her", "içinde", "veya", "da", "de", "en", "gibi"},
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_HAN = re.compile(r"[\u4e00-\u9fff]")


def detect_language(blocks: list[Block]) -> str | None:
    """The document's language, or None when it is none of ours."""
    ours = _scaffold_votes(blocks)
    if ours:
        return ours
    text = blocks_as_text(blocks)
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    han = len(_HAN.findall(text))
    if han / len(letters) > 0.3:
        return "zh"
    latin = sum(1 for c in letters if c < "\u0250")
    if latin / len(letters) < 0.7:
        return None
    words = [w.casefold() for w in _WORD.findall(text)]
    scores = {lang: sum(1 for w in words if w in common) for lang, common in _COMMON_WORDS.items()}
    scores["tr"] += 3 * sum(text.count(c) for c in "ğışİ")
    scores["hr"] += 3 * sum(text.count(c) for c in "čćđžšČĆĐŽŠ")
    best = max(scores, key=scores.get)
    if scores[best] < max(2, len(words) // 40):
        return None
    return best


def _scaffold_votes(blocks: list[Block]) -> str | None:
    """The language whose own headings, labels and table headers the document uses more than
    any other's: even one of them says which catalog wrote the document."""
    votes = {lang: scaffold(lang).own_words_in(blocks) for lang in LANGUAGES}
    best = max(votes, key=votes.get)
    tied = [lang for lang in LANGUAGES if votes[lang] == votes[best]]
    return best if votes[best] >= 1 and len(tied) == 1 else None
