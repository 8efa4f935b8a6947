"""Starter policies: complete, realistic customer-service policies to adapt instead of a blank page.

Each preset is a folder of package data, `wizard/presets/<key>/<lang>.yaml`, one spec per
document language (en, hr, zh, tr). The four files of a preset describe the same business
but are written separately, as a native professional of that language would write them,
not translated word for word. They leave out the company's own details (`company`, `owner`,
`contact`, `effective_date`, `revisions`), which the user fills in the wizard.

    >>> [p.key for p in list_presets()]
    ['shop', 'online-store', 'call-centre', 'software-support', 'cafe']
    >>> load_preset("shop", "hr")["language"]
    'hr'

Names and descriptions follow the UI language (catalog domain `presets`).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from wizard.i18n import N_, Translator
from wizard.spec.model import LANGUAGES

__all__ = ["Preset", "PRESET_KEYS", "UnknownPresetError", "list_presets", "load_preset", "preset_path"]

_ = Translator("presets").gettext

_HERE = Path(__file__).resolve().parent

# key -> (name, one-line description), in the order the wizard offers them.
_PRESETS: dict[str, tuple[str, str]] = {
    "shop": (
        N_("High-street shop"),
        N_("Counter service, phone and email, returns and receipts for a small retail store."),
    ),
    "online-store": (
        N_("Online store"),
        N_("Deliveries, returns and refunds by email, live chat, phone and social media."),
    ),
    "call-centre": (
        N_("Contact centre"),
        N_("Many customers by phone, email, chat and messaging apps, with quality monitoring."),
    ),
    "software-support": (
        N_("Software support desk"),
        N_("Tickets, chat and phone support for software, with incident priorities."),
    ),
    "cafe": (
        N_("Café or restaurant"),
        N_("Guests at the table and the counter, bookings by phone and messages, allergens."),
    ),
}

PRESET_KEYS: tuple[str, ...] = tuple(_PRESETS)


class UnknownPresetError(KeyError):
    """An unknown preset key; its message (in the UI language) lists the valid keys."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class Preset:
    """One starter policy as the user sees it: `name` and `description` in the UI language."""

    key: str
    name: str
    description: str


def list_presets() -> list[Preset]:
    """Every preset, in the order they are offered, named in the current UI language."""
    return [Preset(key, _(name), _(description)) for key, (name, description) in _PRESETS.items()]


def preset_path(key: str, lang: str) -> Path:
    """The package-data file of preset `key` written in `lang` (raises like `load_preset`)."""
    if key not in _PRESETS:
        raise UnknownPresetError(
            _("Unknown preset “%(key)s”. Choose one of: %(choices)s.")
            % {"key": key, "choices": ", ".join(PRESET_KEYS)}
        )
    if lang not in LANGUAGES:
        raise ValueError(
            _("Unknown language “%(lang)s”. Choose one of: %(choices)s.")
            % {"lang": lang, "choices": ", ".join(LANGUAGES)}
        )
    return _HERE / key / f"{lang}.yaml"


def load_preset(key: str, lang: str) -> dict:
    """The spec data of preset `key` in document language `lang`: a fresh dict the caller may change.

    Raises `KeyError` for an unknown preset and `ValueError` for an unknown language; each
    message names the valid choices.
    """
    return copy.deepcopy(_parsed(key, lang))


@cache
def _parsed(key: str, lang: str) -> dict:
    path = preset_path(key, lang)
    text = path.read_text(encoding="utf-8")
    from wizard.spec import loads_spec

    return loads_spec(text, filename=str(path)).data
