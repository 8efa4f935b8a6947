"""Reading a spec file: safe, bounded, with the line of every value and every problem at once.

The file goes through four stages, each of which can only produce messages:

1. bytes: size cap, UTF-8 (with the line of a bad byte), forbidden characters;
2. YAML events from libyaml's C parser (never constructed objects: no tag is ever
   executed), composed here without recursion into small nodes that keep their
   line; nesting depth, alias expansion (billion laughs), tags, duplicate keys
   and multiple documents are checked while composing;
3. conversion of the nodes to plain data, reading each scalar from its source
   text as the type of its field (`format.py`): text stays text, months are ints,
   dates and durations stay strings;
4. validation of that data against the same description of the format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wizard.i18n import N_, Translator
from wizard.spec import format as fmt
from wizard.spec.model import LANGUAGES
from wizard.spec.problems import MAX_PROBLEMS, Problem, SpecError

_ = Translator("spec").gettext

MAX_BYTES = 2 * 1024 * 1024  # a long policy is ~50 KB; anything near 2 MB is not a policy
MAX_DEPTH = 40  # the format nests 8 levels deep at most
MAX_VALUES = 200_000  # values written in the file (a 5,000-item policy has ~30,000)
MAX_ALIAS_VALUES = 10_000  # values that aliases may add by repeating their anchors

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_CORE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
)
_NULL_TAG = "tag:yaml.org,2002:null"
# In the raw file: every control character but tab and line breaks (CRLF allowed,
# a lone CR is not), the Unicode line separators, bidi controls, surrogates and
# the noncharacters YAML rejects.
_FORBIDDEN_IN_FILE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff\ufffe\uffff]|\r(?!\n)"
)


@dataclass
class Spec:
    """A loaded spec: the data as written, the line of each value, and the file it came from."""

    data: dict
    lines: dict[tuple, int] = field(default_factory=dict)
    path: Path | None = None

    def line_of(self, path: tuple) -> int | None:
        """The line of `path`, or of its nearest ancestor that has one."""
        return line_of(self.lines, tuple(path))


def line_of(lines: dict[tuple, int] | None, path: tuple) -> int | None:
    if not lines:
        return None
    while True:
        line = lines.get(path)
        if line is not None:
            return line
        if not path:
            return None
        path = path[:-1]


class _Failed(Exception):
    """Problems after which the file cannot be read any further (no file name yet)."""

    def __init__(self, found: list) -> None:
        super().__init__(found)
        self.found = found


class _Stop(Exception):
    """A problem after which the file cannot be read any further."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


# --- Stage 1: bytes ------------------------------------------------------------------------

def load_spec(path: str | Path) -> Spec:
    """Read and validate a spec file; SpecError lists every problem, FILE:LINE: message."""
    name = str(path)
    path = Path(path)
    try:
        if path.is_dir():
            raise _Stop(None, _("this is a folder, not a policy file"))
        if not path.exists():
            raise _Stop(None, _("file not found"))
        if not path.is_file():
            raise _Stop(None, _("this is not a regular file"))
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _Stop(None, _too_large(size))
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise _Stop(None, _too_large(len(raw)))
    except _Stop as stop:
        raise SpecError([Problem(name, stop.line, (), stop.message)]) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise SpecError([Problem(name, None, (), _("cannot read the file: %(reason)s")
                                 % {"reason": reason})]) from None
    spec = loads_spec(raw, name)
    spec.path = path
    return spec


def _too_large(size: int) -> str:
    return _("the file is too large (%(size)s); a policy file may be at most %(limit)s") % {
        "size": f"{size / 1024 / 1024:.1f} MB", "limit": f"{MAX_BYTES // 1024 // 1024} MB"}


def loads_spec(text: str | bytes, filename: str = "<string>") -> Spec:
    """Read and validate a spec from its text (or bytes, which must be UTF-8)."""
    try:
        if isinstance(text, (bytes, bytearray)):
            text = _decode(bytes(text))
        elif len(text) > MAX_BYTES:
            raise _Stop(None, _too_large(len(text.encode("utf-8", "surrogatepass"))))
        if text.startswith("\ufeff"):
            text = text[1:]  # a byte order mark is harmless in UTF-8
        bad = _scan(text)
        if bad:
            raise SpecError(_problems(filename, bad))
        root, problems = _compose(text)
    except _Stop as stop:
        raise SpecError([Problem(filename, stop.line, (), stop.message)]) from None
    except _Failed as failed:
        raise SpecError(_problems(filename, failed.found)) from None
    if root is None or (isinstance(root, _Scalar) and root.null):
        problems.append(((), None, _("the file is empty: a policy starts with 'schema_version: 1' "
                                     "and a 'language' such as 'language: en'")))
        raise SpecError(_problems(filename, problems))
    lines: dict[tuple, int] = {(): root.line}
    if not isinstance(root, _Map):
        problems.append(((), root.line, _(
            "the top level must be keys such as 'schema_version: 1' and 'language: en', found "
            "%(found)s") % {"found": _("a list") if isinstance(root, _Seq) else _("text")}))
        raise SpecError(_problems(filename, problems))
    data = _convert(root, fmt.SPEC, (), lines)
    for path, message in _check(data):
        problems.append((path, line_of(lines, path), message))
    if problems:
        raise SpecError(_problems(filename, problems))
    return Spec(data, lines)


def validate(data: dict, filename: str = "<memory>", lines: dict[tuple, int] | None = None
             ) -> list[Problem]:
    """Every problem of in-memory spec data (empty when valid), with lines from `lines`."""
    if not isinstance(data, dict):
        return [Problem(filename, line_of(lines, ()), (), _(
            "the top level must be keys such as 'schema_version: 1' and 'language: en', found "
            "%(found)s") % {"found": fmt.found(data)})]
    found = [(path, line_of(lines, path), message) for path, message in _check(data)]
    return _problems(filename, found)


def _check(data: dict) -> list[tuple[tuple, str]]:
    language = data.get("language")
    checker = fmt.Checker(language if language in LANGUAGES else None)
    fmt.SPEC.check(data, checker, ())
    return checker.found


def _problems(filename: str, found: list[tuple[tuple, int | None, str]]) -> list[Problem]:
    """Problems in file order, at most MAX_PROBLEMS, then one line saying how many were left out."""
    ordered = sorted(found, key=lambda item: item[1] or 0)
    problems = [Problem(filename, line, tuple(path), message)
                for path, line, message in ordered[:MAX_PROBLEMS]]
    hidden = len(ordered) - MAX_PROBLEMS
    if hidden > 0:
        problems.append(Problem(filename, None, (), Translator("spec").ngettext(
            "%(count)s more problem not shown", "%(count)s more problems not shown", hidden)
            % {"count": hidden}))
    return problems


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _Stop(None, _("the file is saved as UTF-16; save it as UTF-8 instead"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise _Stop(line, _("the file is not valid UTF-8 text (byte %(byte)s on this line); save it "
                            "as UTF-8") % {"byte": f"0x{raw[error.start]:02X}"}) from None


def _scan(text: str) -> list[tuple[tuple, int, str]]:
    """Invisible and control characters in the file, each with its line."""
    found: list[tuple[tuple, int, str]] = []
    line, position = 1, 0
    for match in _FORBIDDEN_IN_FILE.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        char = match.group()
        if "\ud800" <= char <= "\udfff":
            message = _("the text holds an invalid character (a lone surrogate %(code)s)") % {
                "code": f"U+{ord(char):04X}"}
        else:
            message = fmt.char_message(char)
        found.append(((), line, message))
        if len(found) > MAX_PROBLEMS:
            break
    return found


# --- Stage 2: YAML events to nodes -----------------------------------------------------------

class _Scalar:
    __slots__ = ("value", "line", "null")
    size = 1
    height = 0

    def __init__(self, value: str, line: int, null: bool) -> None:
        self.value, self.line, self.null = value, line, null


class _Seq:
    __slots__ = ("items", "line", "size", "height")

    def __init__(self, line: int) -> None:
        self.items: list = []
        self.line, self.size, self.height = line, 1, 1


class _Map:
    __slots__ = ("pairs", "line", "size", "height", "seen")

    def __init__(self, line: int) -> None:
        self.pairs: list[tuple[str, int, Any]] = []
        self.seen: dict[str, int] = {}
        self.line, self.size, self.height = line, 1, 1


class _Frame:
    __slots__ = ("node", "anchor", "key", "key_line")

    def __init__(self, node, anchor) -> None:
        self.node, self.anchor, self.key, self.key_line = node, anchor, None, 0


# libyaml's problems, reworded for people who do not know YAML.
_SYNTAX = (
    ("tab", N_("a tab character cannot indent YAML: use spaces")),
    ("mapping values are not allowed", N_(
        "a ':' where YAML does not expect one: check the indentation, or put text that contains "
        "': ' in quotes")),
    ("could not find expected ':'", N_(
        "a line without 'key: value': check the indentation, or put text that runs over several "
        "lines in quotes")),
    ("did not find expected key", N_(
        "this line does not line up with the keys above it: check the indentation")),
    ("did not find expected '-' indicator", N_(
        "this line does not line up with the list above it: check the indentation")),
    ("block sequence entries are not allowed", N_(
        "a list item ('- ') where YAML does not allow one: check the indentation")),
    ("did not find expected ',' or ']'", N_("a list in [brackets] is not closed: add the missing ']'")),
    ("did not find expected ',' or '}'", N_("a mapping in {braces} is not closed: add the missing '}'")),
    ("unknown escape character", N_(
        "unknown escape in double-quoted text: write \\\\ for a backslash, or use single quotes")),
    ("while scanning a quoted scalar", N_("quoted text that is never closed: add the missing quote")),
    ("did not find expected alphabetic or numeric character", N_(
        "text that starts with '*', '&' or '!' must be in quotes")),
    ("cannot start any token", N_(
        "text that starts with a character such as '@' or '`' must be in quotes")),
    ("did not find expected node content", N_("a value is missing here")),
    ("expected <document start>", N_(
        "unexpected text after the end of the document: check the indentation")),
)


def _syntax_problem(error, text: str) -> _Stop:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or ""
    context = getattr(error, "context", None) or ""
    if mark is None:
        return _Stop(None, _("this is not valid YAML: %(detail)s") % {"detail": problem or error})
    if "end of stream" in problem or "not find expected ','" in problem:
        mark = getattr(error, "context_mark", None) or mark  # where the quote or bracket opened
    line = mark.line + 1
    where = _char_at(text, mark)
    if where == "\t" or "tab" in problem:
        return _Stop(line, _(_SYNTAX[0][1]))
    for pattern, message in _SYNTAX[1:]:
        if pattern in problem or pattern in context:
            return _Stop(line, _(message))
    return _Stop(line, _("this is not valid YAML: %(detail)s") % {"detail": problem})


def _char_at(text: str, mark) -> str:
    lines = text.split("\n", mark.line + 1)
    if mark.line < len(lines):
        row = lines[mark.line]
        if mark.column < len(row):
            return row[mark.column]
    return ""


def _compose(text: str) -> tuple[Any, list]:
    """The single document of `text` as nodes, and the problems met on the way."""
    import yaml

    problems: list[tuple[tuple, int | None, str]] = []
    stack: list[_Frame] = []
    anchors: dict[str, Any] = {}
    root = None
    documents = 0
    alias_values = 0
    values = 0

    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    seq_start, map_start = yaml.SequenceStartEvent, yaml.MappingStartEvent
    collection_end = (yaml.SequenceEndEvent, yaml.MappingEndEvent)

    def check_tag(tag, line):
        if tag is not None and tag != "!" and tag not in _CORE_TAGS:
            shown = "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag
            problems.append(((), line, _(
                "the tag '%(tag)s' is not allowed: a policy file holds only text, numbers, lists and "
                "mappings") % {"tag": shown}))

    def attach(node, line: int) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        frame = stack[-1]
        parent = frame.node
        if len(stack) + node.height > MAX_DEPTH:
            raise _Stop(line, _("the values are nested too deeply (more than %(limit)s levels)")
                        % {"limit": MAX_DEPTH})
        parent.size += node.size
        if node.height + 1 > parent.height:
            parent.height = node.height + 1
        if type(parent) is _Seq:
            parent.items.append(node)
            return
        if frame.key is None:
            if type(node) is not _Scalar:
                problems.append(((), line, _(
                    "a key must be a word such as 'mission', not a list or a mapping")))
                frame.key, frame.key_line = "", line
            else:
                frame.key, frame.key_line = node.value, node.line
            return
        key, key_line = frame.key, frame.key_line
        frame.key = None
        first = parent.seen.get(key)
        if first is not None:
            problems.append(((), key_line, _(
                "duplicate key '%(key)s': it is already on line %(line)s, and only one of the two "
                "values can be kept") % {"key": key, "line": first}))
            return
        parent.seen[key] = key_line
        parent.pairs.append((key, key_line, node))

    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            kind = type(event)
            if kind is scalar_event:
                line = event.start_mark.line + 1
                check_tag(event.tag, line)
                null = (event.tag == _NULL_TAG or (event.style in ("", None) and event.tag is None
                                                   and event.value in _NULLS))
                node = _Scalar(event.value, line, null)
                if event.anchor is not None:
                    anchors[event.anchor] = node
                values += 1
                attach(node, line)
            elif kind is map_start or kind is seq_start:
                line = event.start_mark.line + 1
                check_tag(event.tag, line)
                values += 1
                if len(stack) >= MAX_DEPTH:
                    raise _Stop(line, _("the values are nested too deeply (more than %(limit)s "
                                        "levels)") % {"limit": MAX_DEPTH})
                node = _Map(line) if kind is map_start else _Seq(line)
                stack.append(_Frame(node, event.anchor))
            elif kind in collection_end:
                frame = stack.pop()
                if frame.anchor is not None:
                    anchors[frame.anchor] = frame.node
                attach(frame.node, frame.node.line)
            elif kind is alias_event:
                line = event.start_mark.line + 1
                target = anchors.get(event.anchor)
                if target is None:
                    raise _Stop(line, _("the alias '*%(name)s' has no anchor '&%(name)s' before it")
                                % {"name": event.anchor})
                alias_values += target.size
                if alias_values > MAX_ALIAS_VALUES:
                    raise _Stop(line, _("aliases repeat too many values (more than %(limit)s): write "
                                        "the values out instead") % {"limit": MAX_ALIAS_VALUES})
                attach(target, line)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Stop(event.start_mark.line + 1, _(
                        "a second YAML document ('---') starts here: a policy file holds only one"))
            if values > MAX_VALUES:
                raise _Stop(event.start_mark.line + 1, _(
                    "the file holds too many values (more than %(limit)s)") % {"limit": MAX_VALUES})
    except yaml.YAMLError as error:
        stop = _syntax_problem(error, text)
        problems.append(((), stop.line, stop.message))
        raise _Failed(problems) from None
    except _Stop as stop:
        problems.append(((), stop.line, stop.message))
        raise _Failed(problems) from None
    return root, problems


# --- Stage 3: nodes to data ----------------------------------------------------------------

_NULL = object()


def _convert(node, typ, path: tuple, lines: dict[tuple, int]) -> Any:
    kind = type(node)
    if kind is _Scalar:
        return _NULL if node.null else typ.scalar(node.value)
    if kind is _Seq:
        item = typ.item if isinstance(typ, fmt.ListOf) else fmt.ANY
        out: list = []
        for child in node.items:
            where = path + (len(out),)
            value = _convert(child, item, where, lines)
            if value is _NULL:
                continue
            lines[where] = child.line
            out.append(value)
        return out
    raw = {key: child.value for key, _line, child in node.pairs if type(child) is _Scalar}
    result: dict = {}
    for key, key_line, child in node.pairs:
        where = path + (key,)
        lines[where] = key_line
        if isinstance(typ, fmt.Record):
            child_type = typ.field_type(key, raw)
        else:
            child_type = fmt.ANY
        value = _convert(child, child_type, where, lines)
        if value is not _NULL:
            result[key] = value
    return result
