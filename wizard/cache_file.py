"""Files in the user's cache folder that prove they are whole.

Each file ends with the SHA-256 of the bytes before it, so one that was truncated or
damaged (a full disk, a crash mid-write, a stray edit) is noticed and rebuilt: a broken
cache can cost time, never a command. Written to a temporary file and moved into place,
so a reader never sees half of one.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

_CHECK_SIZE = 32  # bytes of the SHA-256 that closes each file


def read_checked(path: Path) -> bytes | None:
    """The bytes stored in `path`, or None when it is missing, unreadable or damaged."""
    try:
        content = path.read_bytes()
    except OSError:
        return None
    body, check = content[:-_CHECK_SIZE], content[-_CHECK_SIZE:]
    return body if body and hashlib.sha256(body).digest() == check else None


def write_checked(path: Path, body: bytes) -> None:
    """Store `body` in `path` with its check; a cache that cannot be written only costs speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(body + hashlib.sha256(body).digest())
        os.replace(tmp, path)
    except OSError:
        pass
