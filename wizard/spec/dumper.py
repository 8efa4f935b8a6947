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

import re

import yaml

from wizard.spec import format as fmt

_NO_FOLDING = 1 << 30


class _CanonicalDumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def dump_spec(data: dict, comments: list | None = None) -> str:
    """The canonical YAML text of spec data (valid or not: nothing is dropped but empty values).

    `comments` (a loaded Spec's `comments`) are written back beside the values they belonged
    to, so that formatting a hand-written file keeps its comments."""
    language = data.get("language") if isinstance(data, dict) else None
    node = fmt.SPEC.node(data, fmt.Dumping(language))
    text = yaml.serialize(node, Dumper=_CanonicalDumper, allow_unicode=True, width=_NO_FOLDING,
                          indent=2)
    if text.endswith("\n...\n"):
        # PyYAML ends the stream with '...' after a last `|+` block; in a file that holds one
        # document the block keeps its trailing empty lines without it.
        text = text[:-4]
    if comments:
        text = _with_comments(text, comments)
    return text


_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*$")


def _with_comments(text: str, comments: list) -> str:
    from wizard.spec.loader import _read

    lines: dict[tuple, int] = {}
    reach: dict[int, int] = {}
    inside: set[int] = set()
    try:
        _read(text, lines, reach, inside)
    except Exception:  # the canonical text of invalid data may not read back: keep it as is
        return text
    rows = text.split("\n")
    above: dict[int, list[str]] = {}
    beside: dict[int, list[str]] = {}
    header: list[str] = []
    end: list[str] = []
    for where, path, comment, fallback in comments:
        if where == "above" and path == ():
            header.append(comment)
            continue
        line = lines.get(path) if path is not None else None
        if line is not None and where == "inline":
            row = rows[line - 1]
            if line - 1 not in inside or _BLOCK_HEADER.search(row.rstrip()):
                beside.setdefault(line, []).append(comment)
                continue
        if line is None:  # the value is gone: keep the comment before the first value that followed
            line = next((lines[after] for after in fallback if after in lines), None)
            if line is None:
                end.append(comment)
                continue
        above.setdefault(line, []).append(comment)
    out = list(header)
    for number, row in enumerate(rows[:-1], start=1):
        if number in above:
            indent = row[: len(row) - len(row.lstrip(" "))]
            out.extend(indent + comment for comment in above[number])
        if number in beside:
            row = row + "  " + " ".join(beside[number])
        out.append(row)
    out.extend(end)
    return "\n".join(out) + "\n"
