"""The recently opened files, kept in the user's data folder (a small JSON list)."""

from __future__ import annotations

import json
import os
from pathlib import Path

MAX_RECENT = 8


def _store() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("policy-wizard", appauthor=False)) / "recent.json"


def recent_files() -> list[Path]:
    """Recently opened or saved files, newest first, only those that still exist."""
    try:
        entries = json.loads(_store().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(entries, list):
        return []
    return [Path(entry) for entry in entries if isinstance(entry, str) and Path(entry).is_file()]


def remember(path: Path) -> None:
    """Put `path` first in the list (best effort: a read-only folder only costs the list)."""
    path = Path(path).resolve()
    entries = [str(path)] + [str(p) for p in recent_files() if p.resolve() != path]
    store = _store()
    try:
        store.parent.mkdir(parents=True, exist_ok=True)
        tmp = store.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(entries[:MAX_RECENT], ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, store)
    except OSError:
        pass
