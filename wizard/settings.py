"""The user's settings (theme, app language, author name), kept in the user's config folder.

Not part of the Textual app: the command line reads the app language chosen in the app
too, so `check` and `render` speak the language the user picked there.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def _settings_file() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("policy-wizard", appauthor=False)) / "settings.json"


def load_settings() -> dict:
    try:
        settings = json.loads(_settings_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return settings if isinstance(settings, dict) else {}


def save_settings(**changes: Any) -> None:
    """Store `changes` beside the other settings; a read-only config folder only costs the setting."""
    settings = load_settings()
    settings.update(changes)
    target = _settings_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(settings, indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        pass
