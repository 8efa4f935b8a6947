"""Translations: every requested edition says everything, and says what the source says now.

Staleness uses the optional `translated_from` key of a text mapping (documented
in the README and written by the wizard, see `model.with_translation`): for each
translation, the first eight hex digits of a hash of the source text it was made
from. When the source text changes, its hash no longer matches. A translation
without a recorded hash (written by hand) is never called stale: there is
nothing to compare.
"""

from __future__ import annotations

import re
from typing import Iterator

from wizard.check.engine import Context, rule
from wizard.check.names import excerpt
from wizard.check.texts import iter_text_fields
from wizard.i18n import N_, Translator, language_name
from wizard.spec import model

_ = Translator("check").gettext
_HAS_LETTER = re.compile(r"[^\W\d_]")


@rule("untranslated", "warning", N_("Text not yet translated into a requested language."))
def untranslated(ctx: Context) -> Iterator[tuple]:
    """A reader of a translated edition would get these fields in the source language. Only
    checked for the languages asked for (`check --lang`, the wizard's chosen languages)."""
    if not ctx.langs:
        return
    for path, value in iter_text_fields(ctx.data):
        source = ctx.source_text(value)
        if not _HAS_LETTER.search(source):
            continue  # "08:00-20:00" reads the same in every language
        if path == ("title",) and _is_default_title(source, ctx.lang):
            continue  # the renderer prints the default title in each edition's own language
        for lang in ctx.langs:
            if not model.is_translated(value, lang, ctx.lang):
                yield (
                    path,
                    _("No %(language)s translation: “%(text)s”.")
                    % {"language": language_name(lang), "text": excerpt(source)},
                    _("Add the %(language)s text, or leave it out to print the original in that edition.")
                    % {"language": language_name(lang)},
                )


def _is_default_title(text: str, lang: str) -> bool:
    """Whether `text` is one of the renderer's default titles (one per customer word)."""
    from wizard.render.build import served_message

    return text.strip() in {served_message(lang, word, "title") for word in model.CUSTOMER_WORDS}


@rule("stale-translation", "warning", N_("A translation made from an older version of its source text."))
def stale_translation(ctx: Context) -> Iterator[tuple]:
    """When the source text changes after it was translated, the editions no longer promise
    the same thing; customers may be held to different times in different languages."""
    for path, value in iter_text_fields(ctx.data):
        if not isinstance(value, dict):
            continue
        hashes = value.get(model.TRANSLATED_FROM)
        source = value.get(ctx.lang)
        if not isinstance(hashes, dict) or not isinstance(source, str) or not source.strip():
            continue
        current = model.source_hash(source)
        for lang in model.LANGUAGES:
            recorded = hashes.get(lang)
            text = value.get(lang)
            if lang == ctx.lang or not isinstance(recorded, str) or not isinstance(text, str):
                continue
            if recorded.strip().lower() != current:
                yield (
                    (*path, lang),
                    _("The %(language)s translation was made from an older version of this text: “%(text)s”.")
                    % {"language": language_name(lang), "text": excerpt(source)},
                    _("Update the %(language)s translation so that it says the same as the current text.")
                    % {"language": language_name(lang)},
                )
