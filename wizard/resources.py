"""Where the shipped data lives, both in a wheel and in an editable checkout.

In a wheel, `templates/` and `locales/` are copied inside the package (see
pyproject's force-include); in an editable install they stay at the top of the
repository, beside the package. Looking in both places keeps one code path.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def resource_dir(name: str) -> Path:
    """The folder `name` (`templates` or `locales`), inside the package or beside it."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"{name}/ is missing from the installation")
