"""Every starter policy in every language passes the checks with no errors (issue 4)."""

from __future__ import annotations

import datetime

import pytest

from wizard.check import run_checks

presets = pytest.importorskip("wizard.presets")


def _all():
    try:
        keys = [preset.key for preset in presets.list_presets()]
    except Exception:  # pragma: no cover - the presets package is not there yet
        return []
    return [(key, lang) for key in keys for lang in ("en", "hr", "zh", "tr")]


@pytest.mark.parametrize(("key", "lang"), _all())
def test_preset_has_no_errors(key, lang):
    data = presets.load_preset(key, lang)
    errors = [
        f"{finding.code} {finding.path}: {finding.message}"
        for finding in run_checks(data, langs=(), today=datetime.date.today())
        if finding.severity == "error"
    ]
    assert errors == []
