"""The quality coach: advice on a policy spec, beyond what validation requires.

`run_checks(data, langs=(), today=None)` returns `Finding`s (code, severity,
path, message, hint) in document order, in the current UI language. Every rule
is one small function in `wizard/check/rules/`, registered with `@rule(...)`;
`RULES` lists them (code, severity, one-line `description`) for `--help` and the
README. This package never imports Textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wizard.check.engine import RULES, Context, Finding, Rule, rule, run_checks

__all__ = ["RULES", "Context", "Finding", "Rule", "rule", "run_checks"]


def __getattr__(name: str) -> Any:
    """The engine and every rule are imported when one of these names is first used, not
    with the package: opening a file in the app reads its dismissed findings
    (`wizard.check.dismissals`) before the editor's first frame, and the rules' word lists
    and patterns took 12 ms of that to import."""
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from wizard.check import engine, rules  # noqa: F401  (registers every rule)

    return getattr(engine, name)
