"""Gettext catalogs for the four languages, and the user-interface language.

Catalogs live in `locales/<lang>/LC_MESSAGES/<domain>.po`, one domain per part of
the program so that each can be translated (and merged) on its own:

- `render`: every word of the rendered document;
- `spec`: validation messages about a spec file;
- `check`: quality findings and their fix hints;
- `presets`: names and descriptions of the starter policies;
- `cli`: the command line's help and messages (and other top-level modules);
- `app`: the Textual app's labels, buttons and messages;
- `guide`: the guidance shown beside each step (long prose, translated apart);
- `importer`: what `import` says about a document it reads;
- `changes`: the change notice between two versions of a policy (`policy-wizard changes`).

The `.po` files are the only source; they are compiled with Babel on first use
and the compiled catalog is cached in the user's cache folder, so start-up stays
fast without shipping generated `.mo` files that could drift from the `.po`.

Two languages are in play at once: the UI language (messages to the user, set
once per process with `set_ui_language`) and the document language (passed to
the renderer explicitly). Never change the case of a translated string.
"""

from __future__ import annotations

import gettext
import hashlib
import io
import os
from functools import cache
from pathlib import Path

from wizard.cache_file import read_checked, write_checked
from wizard.resources import resource_dir
from wizard.spec.model import LANGUAGES

DOMAINS = ("render", "spec", "check", "presets", "cli", "app", "guide", "importer", "changes")
DEFAULT_LANGUAGE = "en"

_ui_language = DEFAULT_LANGUAGE


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet (it is translated where shown)."""
    return message


# gettext's order: LANGUAGE (a list, "tr:en"), then LC_ALL, LC_MESSAGES and LANG.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def language_from_environment(environ: dict[str, str] | None = None) -> str:
    """The UI language the locale variables ask for, read as gettext reads them: the first
    variable that is set decides (LANGUAGE may list several languages, the first we have
    wins), and LANGUAGE is ignored when the locale is "C" as GNU gettext does. English
    when none of our languages is asked for."""
    environ = os.environ if environ is None else environ
    locale = next((environ[name] for name in LOCALE_VARIABLES[1:] if environ.get(name)), "")
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if not value or (variable == "LANGUAGE" and locale.split(".")[0] in ("C", "POSIX")):
            continue
        entries = value.split(":") if variable == "LANGUAGE" else [value]
        return next((lang for lang in map(_language_of_locale, entries) if lang in LANGUAGES), DEFAULT_LANGUAGE)
    return DEFAULT_LANGUAGE


def _language_of_locale(identifier: str) -> str:
    """The language of a POSIX locale name ("hr_HR.UTF-8@euro" -> "hr"), as Babel's
    `parse_locale` reads it; not Babel itself, whose import alone costs every command
    20 ms before its first line of output."""
    language = identifier.split("@")[0].split(".")[0].split("_")[0].lower()
    return language if language.isalpha() else ""


def chosen_language(environ: dict[str, str] | None = None) -> str:
    """The UI language when no `--ui-lang` is given: the one the user chose in the app
    (kept in the settings), else the one the environment asks for."""
    from wizard.settings import load_settings

    saved = load_settings().get("ui_lang")
    return saved if saved in LANGUAGES else language_from_environment(environ)


def set_ui_language(lang: str) -> None:
    """Choose the language of every message the program shows from now on."""
    global _ui_language
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported UI language: {lang}")
    _ui_language = lang


def ui_language() -> str:
    """The language messages are shown in."""
    return _ui_language


def language_name(code: str) -> str:
    """The name of a language in the UI language ("engleski" in Croatian), from CLDR."""
    return _display_name(code, _ui_language)


@cache
def _display_name(code: str, ui: str) -> str:
    from wizard.render.formatting import language_display_name

    return language_display_name(code, ui)


def translations(lang: str, domain: str) -> gettext.NullTranslations:
    """The catalog of `domain` in `lang`; English (the msgids) when no catalog exists."""
    return _load(lang, domain)


class Translator:
    """gettext functions of one domain that follow the current UI language at call time.

    Modules create one at import (`_ = Translator("spec").gettext`) before the UI
    language is known; looking the language up on each call keeps that correct.
    """

    def __init__(self, domain: str) -> None:
        if domain not in DOMAINS:
            raise ValueError(f"unknown catalog domain: {domain}")
        self.domain = domain

    def gettext(self, message: str) -> str:
        return _load(_ui_language, self.domain).gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return _load(_ui_language, self.domain).ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return _load(_ui_language, self.domain).pgettext(context, message)


@cache
def _load(lang: str, domain: str) -> gettext.NullTranslations:
    po_path = resource_dir("locales") / lang / "LC_MESSAGES" / f"{domain}.po"
    if not po_path.is_file():
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(_compiled(po_path)))


@cache
def translated_messages(lang: str, domain: str) -> tuple[str, ...]:
    """Every translation (each plural form) that the catalog of `domain` in `lang` holds: the
    words our own text is made of, for code that must know them all (where a line may break)."""
    from babel.messages.pofile import read_po

    po_path = resource_dir("locales") / lang / "LC_MESSAGES" / f"{domain}.po"
    if not po_path.is_file():
        return ()
    forms: list[str] = []
    for message in read_po(io.BytesIO(po_path.read_bytes())):
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        forms.extend(text for text in strings if message.id and text)
    return tuple(forms)


def _compiled(po_path: Path) -> bytes:
    """The `.mo` bytes of a `.po` file, from the cache when the `.po` has not changed.

    A cached catalog ends with the SHA-256 of its bytes: one that was truncated or damaged
    (a full disk, a crash mid-write, a stray edit) fails that test and is compiled again,
    so a broken cache can cost time but never a command."""
    source = po_path.read_bytes()
    digest = hashlib.sha256(source).hexdigest()[:16]
    cache_file = _cache_dir() / f"{po_path.parent.parent.name}-{po_path.stem}-{digest}.mo"
    compiled = read_checked(cache_file)
    if compiled is None:
        compiled = _compile(source)
        write_checked(cache_file, compiled)
    return compiled


def _compile(source: bytes) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(source))
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("policy-wizard", appauthor=False)) / "catalogs"
