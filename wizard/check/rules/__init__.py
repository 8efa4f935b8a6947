"""Every quality rule, one small function each; importing this package registers them.

Modules are imported in the order their rules should run (which is also the
order of findings that share a path).
"""

from wizard.check.rules import completeness, wording, numbers, review, translation  # noqa: F401
