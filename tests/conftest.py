"""Every test runs as a fresh user: its own config, state and cache folders, English UI."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "tests" / "examples"


@pytest.fixture(autouse=True)
def isolated_user(tmp_path_factory, monkeypatch):
    """Point platformdirs at empty folders and clear the locale, so no test sees the developer's files."""
    home = tmp_path_factory.mktemp("home")
    for variable, folder in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(variable, str(home / folder))
    for variable in ("LC_ALL", "LANG", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    from wizard import i18n

    i18n.set_ui_language("en")
    yield home
    i18n.set_ui_language("en")


@pytest.fixture
def examples() -> list[Path]:
    """The example specs of the contract (copied from ../shared/examples)."""
    return sorted(EXAMPLES.glob("*.yaml"))
