"""Helpers of the rendering tests: load a spec file into plain spec data."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.spec import loads_spec

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
EXAMPLES = sorted((ROOT / "tests" / "examples").glob("*.yaml"))
DATA = sorted((HERE / "data").glob("*.yaml"))
GOLDEN = HERE / "golden"
LANGS = ("en", "hr", "zh", "tr")


def load_data(path: Path) -> dict:
    """Spec data exactly as the loader gives it (dates stay ISO strings)."""
    return loads_spec(path.read_text(encoding="utf-8"), path.name).data


@pytest.fixture
def northwind() -> dict:
    return load_data(ROOT / "tests" / "examples" / "northwind-en.yaml")


@pytest.fixture
def full() -> dict:
    return load_data(HERE / "data" / "full-zh.yaml")
