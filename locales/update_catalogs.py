"""Extract every marked string into `locales/<domain>.pot` and merge it into each `.po`.

Run it after adding or changing a user-facing string:

    python locales/update_catalogs.py            # all domains
    python locales/update_catalogs.py render     # one domain

New entries arrive untranslated (the English catalog is filled with the msgid);
tests/test_catalogs.py fails until a translator fills them in hr, zh and tr.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
LANGUAGES = ("en", "hr", "zh", "tr")

# domain -> (mapping-file text, paths to scan)
SOURCES: dict[str, tuple[str, list[str]]] = {
    "render": ("[python: wizard/render/**.py]\n[jinja2: templates/**.j2]\nextensions = jinja2.ext.i18n\n", ["wizard/render", "templates"]),
    "spec": ("[python: wizard/spec/**.py]\n", ["wizard/spec"]),
    "check": ("[python: wizard/check/**.py]\n", ["wizard/check"]),
    "presets": ("[python: wizard/presets/**.py]\n", ["wizard/presets"]),
    "cli": ("[python: wizard/*.py]\n", ["wizard"]),
    "app": ("[ignore: wizard/app/guidance.py]\n[python: wizard/app/**.py]\n", ["wizard/app"]),
    "guide": ("[python: wizard/app/guidance.py]\n", ["wizard/app/guidance.py"]),
    "importer": ("[python: wizard/importer/**.py]\n", ["wizard/importer"]),
    "changes": ("[python: wizard/changes/**.py]\n", ["wizard/changes"]),
}
KEYWORDS = ["-k", "N_", "-k", "pgettext:1c,2", "-k", "npgettext:1c,2,3"]


def update(domain: str) -> None:
    mapping, paths = SOURCES[domain]
    pot = LOCALES / f"{domain}.pot"
    with tempfile.NamedTemporaryFile("w", suffix=".cfg", delete=False) as cfg:
        cfg.write(mapping)
    if not any((ROOT / p).exists() for p in paths):
        return
    run(["extract", "-F", cfg.name, "-o", str(pot), "--no-location", "--sort-output",
         "--project", "policy-wizard", "--omit-header", *KEYWORDS, str(ROOT)])
    Path(cfg.name).unlink()
    for lang in LANGUAGES:
        po = LOCALES / lang / "LC_MESSAGES" / f"{domain}.po"
        if po.exists():
            run(["update", "-i", str(pot), "-o", str(po), "-l", lang, "-D", domain,
                 "--no-fuzzy-matching", "--ignore-obsolete", "--width", "100"])
        else:
            po.parent.mkdir(parents=True, exist_ok=True)
            run(["init", "-i", str(pot), "-o", str(po), "-l", lang, "-D", domain])
        if lang == "en":
            fill_english(po)


def fill_english(po: Path) -> None:
    """English is the source language: its catalog repeats the msgid until an editor rewords it."""
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="en")
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            if not any(message.string):
                message.string = tuple(message.id)
        elif not message.string:
            message.string = message.id
    with po.open("wb") as handle:
        write_po(handle, catalog, no_location=True, sort_output=True, width=100)


def run(arguments: list[str]) -> None:
    CommandLineInterface().run(["pybabel", "-q", *arguments])


if __name__ == "__main__":
    for name in sys.argv[1:] or list(SOURCES):
        update(name)
