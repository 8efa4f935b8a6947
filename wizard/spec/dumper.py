"""Canonical saving: the contract's key order, readable UTF-8, literal blocks, stable bytes.

Choices (documented for whoever diffs the files):
- keys in the contract's order; inside a translated text the spec's language first, then
  en, hr, zh, tr, then `translated_from` (in flow style: `{hr: 5d41402a}`);
- text with several lines as a literal block (`|`, with `|-`/`|+` when the last line break
  differs), long single lines never folded (an edit changes one line of the diff);
- dates unquoted (`2026-12-01`), numbers as numbers, every string that YAML would read as
  something else quoted (`'1984'`, `'yes'`, `'2026-12-01'` in a text field);
- lists of keys (channels, training methods) in flow style: `[phone, email]`;
- lists indented under their key.
"""

from __future__ import annotations

from typing import Any

import yaml

from wizard.spec import format as fmt

_NO_FOLDING = 1 << 30


class _CanonicalDumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def dump_spec(data: dict) -> str:
    """The canonical YAML text of spec data (valid or not: nothing is dropped but empty values)."""
    language = data.get("language") if isinstance(data, dict) else None
    node = fmt.SPEC.node(data, fmt.Dumping(language))
    return yaml.serialize(node, Dumper=_CanonicalDumper, allow_unicode=True, width=_NO_FOLDING,
                          indent=2)


def dump_value(value: Any, path: tuple = ()) -> str:
    """Not public API: the canonical YAML of one value (used by tests)."""
    return yaml.serialize(fmt.any_node(value, fmt.Dumping(None)), Dumper=_CanonicalDumper,
                          allow_unicode=True, width=_NO_FOLDING)
