"""The quality coach: advice on a policy spec, beyond what validation requires.

`run_checks(data, langs=(), today=None)` returns `Finding`s (code, severity,
path, message, hint) in document order, in the current UI language. Every rule
is one small function in `wizard/check/rules/`, registered with `@rule(...)`;
`RULES` lists them (code, severity, one-line `description`) for `--help` and the
README. This package never imports Textual.
"""

from wizard.check.engine import RULES, Context, Finding, Rule, rule, run_checks
from wizard.check import rules as _rules  # noqa: F401  (registers every rule)

__all__ = ["RULES", "Context", "Finding", "Rule", "rule", "run_checks"]
