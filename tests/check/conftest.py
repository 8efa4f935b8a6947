"""Fixtures of the quality-coach tests."""

from __future__ import annotations

import pytest

from tests.check.support import load


@pytest.fixture
def example_data(examples):
    """Each example spec's data, by file stem."""
    return {path.stem: load(path) for path in examples}
