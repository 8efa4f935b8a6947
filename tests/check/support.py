"""Helpers for the quality-coach tests: build small specs and look at their findings."""

from __future__ import annotations

import datetime
from pathlib import Path

import yaml

from wizard.check import run_checks

TODAY = datetime.date(2026, 11, 23)


def spec(language: str = "en", **fields) -> dict:
    """A minimal valid spec with `fields` on top."""
    return {"schema_version": 1, "language": language, **fields}


def findings(data: dict, code: str | None = None, langs=(), today=TODAY) -> list:
    found = run_checks(data, langs=langs, today=today)
    return [finding for finding in found if code is None or finding.code == code]


def codes(data: dict, **kwargs) -> list[str]:
    return [finding.code for finding in findings(data, **kwargs)]


def _plain(value):
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def load(path: Path) -> dict:
    """Spec data as the loader gives it (dates stay strings), with or without wizard.spec's loader."""
    try:
        from wizard.spec import load_spec
    except ImportError:
        return _plain(yaml.safe_load(path.read_text(encoding="utf-8")))
    return load_spec(path).data
