"""Small shared pieces of the app: the `app` translator, step keys, language names,
and translated key bindings (Textual has no i18n of its own)."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Container
from typing import TYPE_CHECKING

from wizard.app.labels import language_choices, language_name  # re-exported for the screens
from wizard.app.steps import SECTION_STEPS, STEP_KEYS, STEP_TITLES
from wizard.i18n import N_, Translator, ui_language

if TYPE_CHECKING:
    from textual.binding import BindingsMap
    from textual.dom import DOMNode

_ = Translator("app").gettext
ngettext = Translator("app").ngettext
pgettext = Translator("app").pgettext

# Which top-level keys of the spec each step edits.
STEP_DATA_KEYS: dict[str, tuple[str, ...]] = {
    "basics": ("title", "company", "owner", "contact", "effective_date", "review_every_months",
               "customer_word"),
    **{step: (step,) for step in SECTION_STEPS},
    "review": (),
}

# The rendered section that follows each step in the preview.
STEP_SECTION = {"basics": "title", **{step: step for step in SECTION_STEPS}, "review": "title"}

FORMATS = ("md", "html", "txt", "docx")
FORMAT_NAMES = {
    "md": N_("Markdown (.md)"),
    "html": N_("Web page (.html)"),
    "txt": N_("Plain text (.txt)"),
    "docx": N_("Word document (.docx)"),
}
AUDIENCES = {"internal": N_("Internal: the whole policy"), "public": N_("Public: customer charter")}


def step_title(step: str) -> str:
    """The title of a step in the UI language."""
    return _(STEP_TITLES.get(step, step))


def list_text(items: list[str]) -> str:
    """Items as one list the way the UI language writes it ("a, b and c", "a, b i c",
    "a、b和c", "a, b ve c"): a comma join reads wrong outside English."""
    items = [item for item in items if item]
    if len(items) < 2:
        return "".join(items)
    from babel.lists import format_list

    return format_list(items, locale=ui_language())


def sentences(parts: list[str]) -> str:
    """Sentences one after the other: a space between them, none in Chinese (whose full
    stop "。" already separates them)."""
    text = ""
    for part in parts:
        if not part:
            continue
        text = pgettext("two sentences in a row", "%(first)s %(second)s") % {"first": text, "second": part} if text else part
    return text


def quoted(text: str) -> str:
    """`text` in the UI language's quotation marks, so a title that itself holds "and"
    ("Purpose and scope") stays one item when it sits in a list."""
    return pgettext("quotation marks around a title", "“%(text)s”") % {"text": text}


def folded(text: str, lang: str) -> str:
    """`text` for searching: lower case by the rules of `lang` (Turkish "I" is "ı", "İ" is
    "i"), without diacritics ("Önizleme" -> "onizleme", "ı" -> "i"); one character for one,
    so the places of a match in the folded title are its places in the title."""
    return "".join(_folded_character(character, lang) for character in text)


def _folded_character(character: str, lang: str) -> str:
    if lang == "tr":
        character = {"I": "ı", "İ": "i"}.get(character, character)
    lower = character.lower()
    base = "".join(part for part in unicodedata.normalize("NFKD", lower) if not unicodedata.combining(part))
    base = {"ı": "i", "đ": "d", "ł": "l", "ø": "o"}.get(base, base)
    return base if len(base) == 1 else (lower if len(lower) == 1 else character)


def _bind(function, *args):
    def call():
        return function(*args)

    return call


def step_for_path(path: tuple) -> str | None:
    """The step that edits the value at `path` (a spec path such as `("standards", "always", 0)`)."""
    if not path:
        return None
    head = path[0]
    for step, keys in STEP_DATA_KEYS.items():
        if head in keys:
            return step
    if head == "language":
        return "basics"
    return None


def translate_bindings(node: DOMNode) -> None:
    """Give `node` a copy of its class bindings with descriptions in the UI language.

    Bindings are declared with msgids (marked with `N_`); Textual shows `description`
    as is, so each node translates them when created and again when the UI language changes.
    """
    merged = type(node)._merged_bindings
    if merged is not None:
        node._bindings = _translated(merged.copy())


# The keys that Textual's own widgets show in the footer: an open drop-down's
# (`SelectOverlay`) and the command palette's.
TEXTUAL_KEY_DESCRIPTIONS = (N_("Dismiss menu"), N_("Exit the command palette"))


def translate_textual_keys() -> None:
    """Textual's open drop-down shows "esc Dismiss menu" in the footer, in English: give
    its class the words of the UI language (each drop-down copies them when created)."""
    from textual.widgets._select import SelectOverlay

    # rebuilt from the English declarations each time, the inherited keys included
    SelectOverlay._merged_bindings = _translated(SelectOverlay._merge_bindings(), TEXTUAL_KEY_DESCRIPTIONS)


def translate_textual_bindings(node: DOMNode) -> None:
    """Give `node`, a Textual widget or screen, its keys' words in the UI language (those
    of `TEXTUAL_KEY_DESCRIPTIONS`; its other keys are not shown)."""
    node._bindings = _translated(type(node)._merged_bindings.copy(), TEXTUAL_KEY_DESCRIPTIONS)


def _translated(bindings: BindingsMap, msgids: Container[str] | None = None) -> BindingsMap:
    """`bindings`, its descriptions and tooltips put in the UI language: all of them, or
    only those among `msgids` (a Textual widget's other words are not in our catalogs)."""

    def words(text: str) -> str:
        return _(text) if text and (msgids is None or text in msgids) else text

    for key, entries in bindings.key_to_bindings.items():
        bindings.key_to_bindings[key] = [
            dataclasses.replace(binding, description=words(binding.description), tooltip=words(binding.tooltip))
            for binding in entries
        ]
    return bindings
