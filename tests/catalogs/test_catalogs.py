"""Every user-facing string is translated into all four languages, and the catalogs match the code.

A missing, empty or fuzzy translation, or a placeholder that differs between the
English msgid and a translation, fails here, naming the domain, language and message.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from wizard.i18n import DOMAINS
from wizard.spec.model import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdrif]|%[sdrif]|\{\w*\}")


def _update_catalogs_module():
    spec = importlib.util.spec_from_file_location("update_catalogs", LOCALES / "update_catalogs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _domains_with_template() -> list[str]:
    return [domain for domain in DOMAINS if (LOCALES / f"{domain}.pot").exists()]


def _read(path: Path, locale: str | None = None):
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def _placeholders(text: str) -> list[str]:
    return sorted(match.group(0) for match in PLACEHOLDER.finditer(text))


@pytest.mark.parametrize("domain", _domains_with_template())
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated(domain: str, lang: str) -> None:
    template = _read(LOCALES / f"{domain}.pot")
    po_path = LOCALES / lang / "LC_MESSAGES" / f"{domain}.po"
    assert po_path.exists(), f"{po_path} is missing: run python locales/update_catalogs.py {domain}"
    catalog = _read(po_path, locale=lang)
    problems = []
    for message in template:
        if not message.id:
            continue
        translated = catalog.get(message.id, message.context)
        label = message.id if isinstance(message.id, str) else message.id[0]
        if translated is None:
            problems.append(f"missing: {label!r}")
            continue
        if translated.fuzzy:
            problems.append(f"fuzzy: {label!r}")
        strings = translated.string if isinstance(translated.string, tuple) else (translated.string,)
        if not all(strings):
            problems.append(f"untranslated: {label!r}")
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        expected = _placeholders(sources[-1])
        for text in strings:
            if _placeholders(text) != expected and not (
                isinstance(message.id, tuple) and _placeholders(text) == _placeholders(sources[0])
            ):
                problems.append(f"placeholders differ in {label!r}: {text!r}")
    assert not problems, f"{domain}/{lang}:\n" + "\n".join(problems)


@pytest.mark.parametrize("domain", _domains_with_template())
def test_templates_match_the_code(domain: str, tmp_path: Path, monkeypatch) -> None:
    """Extract again into a scratch folder: a string in the code that is missing from the .pot
    (someone forgot to run update_catalogs.py) would otherwise never be translated."""
    module = _update_catalogs_module()
    monkeypatch.setattr(module, "LOCALES", tmp_path)
    monkeypatch.setattr(module, "LANGUAGES", ())
    module.update(domain)
    fresh = {m.id for m in _read(tmp_path / f"{domain}.pot") if m.id}
    shipped = {m.id for m in _read(LOCALES / f"{domain}.pot") if m.id}
    assert fresh - shipped == set(), f"run python locales/update_catalogs.py {domain}"
    assert shipped - fresh == set(), f"stale entries: run python locales/update_catalogs.py {domain}"
