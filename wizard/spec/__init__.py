"""The policy spec: load, validate and save the YAML format of ../shared/policy-spec.md.

- `load_spec(path)` / `loads_spec(text)` -> `Spec` (data, line of every value), or `SpecError`
  with every `Problem` of the file, each printed as `FILE:LINE: message`;
- `validate(data)` -> problems of in-memory data (the app calls it after edits);
- `dump_spec(data, comments=None)` -> canonical YAML text (pass a loaded Spec's `comments` to
  keep the file's comments); `json_schema()` -> JSON Schema for editors.

The format itself is described once, in `wizard/spec/format.py`.
"""

from __future__ import annotations

from typing import Any

from wizard.spec.problems import Problem, SpecError

__all__ = ["Problem", "SpecError", "Spec", "load_spec", "loads_spec", "validate", "dump_spec",
           "json_schema"]

_LAZY = {
    "Spec": "wizard.spec.loader",
    "load_spec": "wizard.spec.loader",
    "loads_spec": "wizard.spec.loader",
    "validate": "wizard.spec.loader",
    "dump_spec": "wizard.spec.dumper",
    "json_schema": "wizard.spec.schema",
}


def __getattr__(name: str) -> Any:
    # Imported on first use: `from wizard.spec import SpecError` (the CLI's error handler)
    # and `wizard.spec.model` stay free of YAML and of the catalogs.
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'wizard.spec' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
