"""Helpers of the rendering tests: load a spec file into plain spec data."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
EXAMPLES = sorted((ROOT / "tests" / "examples").glob("*.yaml"))
DATA = sorted((HERE / "data").glob("*.yaml"))
GOLDEN = HERE / "golden"
LANGS = ("en", "hr", "zh", "tr")


def _plain(value):
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def load_data(path: Path) -> dict:
    """Spec data as the loader gives it (dates stay ISO strings)."""
    text = path.read_text(encoding="utf-8")
    try:
        from wizard.spec import loads_spec
    except ImportError:  # until the spec loader lands: a tiny local stand-in
        import yaml

        return _plain(yaml.safe_load(text))
    return loads_spec(text, path.name).data


@pytest.fixture
def northwind() -> dict:
    return load_data(ROOT / "tests" / "examples" / "northwind-en.yaml")


@pytest.fixture
def full() -> dict:
    return load_data(HERE / "data" / "full-zh.yaml")
