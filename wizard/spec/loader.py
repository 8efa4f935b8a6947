"""Reading a spec file: safe, bounded, with the line of every value and every problem at once.

1. Bytes: a size cap, UTF-8 (naming the line of a bad byte), and no control or invisible
   bidirectional characters anywhere in the file.
2. One pass over the YAML events of libyaml's C parser, without recursion and without
   ever constructing a tagged object: each scalar is read from its source text as the
   type of its field (`format.py`: text stays text, months are ints, dates and durations
   stay strings), the line of every value is kept, and nesting depth, alias expansion
   (billion laughs, counted in values and in characters of text), tags, keys and duplicate
   keys are checked as the events arrive. libyaml's problems are reworded (`_PROBLEMS`).
3. Validation of the plain data against the same description of the format, so the
   app's in-memory data (`validate`) gets exactly the same messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wizard.i18n import N_, Translator
from wizard.spec import format as fmt
from wizard.spec.model import LANGUAGES
from wizard.spec.problems import MAX_PROBLEMS, Problem, SpecError, shown

_ = Translator("spec").gettext

MAX_BYTES = 2 * 1024 * 1024  # a long policy is ~50 KB; anything near 2 MB is not a policy
MAX_DEPTH = 40  # the format nests 8 levels deep at most
MAX_VALUES = 200_000  # values written in the file (a 5,000-item policy has ~30,000)
MAX_ALIAS_VALUES = 10_000  # values that aliases may add by repeating their anchors
# characters of text that aliases may add: a paragraph reused a few times is ~10 KB, while one
# 100 KB text repeated 1,000 times is 100 MB to check, render and write out
MAX_ALIAS_CHARS = 100_000
_BINARY_CONTROLS = 8  # more control characters than this: not a text file

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_CORE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
)
_NULL_TAG = "tag:yaml.org,2002:null"
_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*")
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
    # The file's comments, so that saving keeps them: (where, path, text, fallback) with
    # where "above" (own line before the value at path; () = the file's header) or "inline"
    # (after the value at path, on its line); fallback holds the paths of the next values in
    # the file: the comment goes before the first of them that is saved when the value at
    # path is not (an empty value), and at the end of the file when none is.
    comments: list[tuple[str, tuple | None, str, tuple]] = field(default_factory=list)

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
        _found(path)
        if path.is_dir():
            raise _Stop(None, _("this is a folder, not a policy file"))
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


def _found(path: Path) -> None:
    """Stop with the true reason when `path` leads to no file (Path.exists() says only False)."""
    import errno

    try:
        path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise _Stop(None, _("this is a symbolic link to a file that does not exist")) from None
        raise _Stop(None, _("file not found")) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _Stop(None, _("this is a symbolic link that leads back to itself (a loop), "
                                "not to a file")) from None
        raise


def _too_large(size: int) -> str:
    from babel.numbers import format_decimal

    from wizard.i18n import ui_language

    megabytes = format_decimal(round(size / 1024 / 1024, 1), format="#,##0.0", locale=ui_language())
    return _("the file is too large (%(size)s); a policy file may be at most %(limit)s") % {
        "size": f"{megabytes} MB", "limit": f"{MAX_BYTES // 1024 // 1024} MB"}


def loads_spec(text: str | bytes, filename: str = "<string>") -> Spec:
    """Read and validate a spec from its text (or bytes, which must be UTF-8)."""
    try:
        if isinstance(text, (bytes, bytearray)):
            if len(text) > MAX_BYTES:
                raise _Stop(None, _too_large(len(text)))
            text = _decode(bytes(text))
        elif len(text) > MAX_BYTES:
            raise _Stop(None, _too_large(len(text.encode("utf-8", "surrogatepass"))))
        if text.startswith("\ufeff"):
            text = text[1:]  # a byte order mark is harmless in UTF-8
        bad = _scan(text)
        if bad:
            raise SpecError(_problems(filename, bad))
        lines: dict[tuple, int] = {}
        reach: dict[int, int] | None = {} if "#" in text else None
        inside: set[int] = set()
        data, problems = _read(text, lines, reach, inside)
    except _Stop as stop:
        raise SpecError([Problem(filename, stop.line, (), stop.message)]) from None
    except _Failed as failed:
        raise SpecError(_problems(filename, failed.found)) from None
    if data is _NULL and problems:
        raise SpecError(_problems(filename, problems))
    if data is _NULL:
        problems.append(((), None, _("the file is empty: a policy starts with 'schema_version: 1' "
                                     "and a 'language' such as 'language: en'")))
        raise SpecError(_problems(filename, problems))
    if not isinstance(data, dict):
        problems.append(((), lines[()], _(
            "the top level must be keys such as 'schema_version: 1' and 'language: en', found "
            "%(found)s") % {"found": _("a list") if isinstance(data, list) else _("text")}))
        raise SpecError(_problems(filename, problems))
    for path, message in _check(data):
        problems.append((path, line_of(lines, path), message))
    if problems:
        raise SpecError(_problems(filename, problems))
    comments = _comments(text, lines, reach, inside) if reach is not None else []
    return Spec(data, lines, comments=comments)


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
    """The text of a UTF-8 file; other encodings are named, so the user knows what to change."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) or _zeros_every(raw, 4):
        raise _Stop(None, _("the file is saved as UTF-32; save it as UTF-8 instead"))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _zeros_every(raw, 2):
        raise _Stop(None, _("the file is saved as UTF-16; save it as UTF-8 instead"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise _Stop(line, _("the file is not valid UTF-8 text (byte %(byte)s on this line); save it "
                            "as UTF-8") % {"byte": f"0x{raw[error.start]:02X}"}) from None


def _zeros_every(raw: bytes, width: int) -> bool:
    """Whether the file starts like UTF-16 (width 2) or UTF-32 (width 4) text without a byte
    order mark: ASCII letters padded with zero bytes, in either byte order."""
    head = raw[:64 - 64 % width]
    if len(head) < 2 * width:
        return False
    units = [head[i:i + width] for i in range(0, len(head), width)]
    little = all(unit[0] and not any(unit[1:]) for unit in units)
    big = all(unit[-1] and not any(unit[:-1]) for unit in units)
    return little or big


def _scan(text: str) -> list[tuple[tuple, int, str]]:
    """Invisible and control characters in the file, each with its line."""
    if "\r" in text and "\n" not in text:
        return [((), 1, _("the lines of this file end in a carriage return alone (CR, as on old "
                          "Macs): save it with LF or CRLF line ends"))]
    found: list[tuple[tuple, int, str]] = []
    controls = first_control = 0
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
        if char not in fmt.BIDI:
            controls += 1
            if controls == 1:
                first_control = line
            elif controls > _BINARY_CONTROLS:  # a binary file, not a text with a stray character
                return [((), first_control, _("this is not a text file: it holds control characters, "
                                              "the first on this line; a policy file is YAML text"))]
        if not found or found[-1][1:] != (line, message):
            found.append(((), line, message))
    return found


# --- Stage 2 and 3: YAML events to plain data ---------------------------------------------

# libyaml's problems, reworded for people who do not know YAML.
_TOO_DEEP = N_("the values are nested too deeply (more than %(limit)s levels)")

_TAB = N_("a tab character cannot indent YAML: use spaces")
_DIRECTIVE = N_("a line that starts with '%' is a YAML directive, and a policy file needs none: "
                "remove the line, or put text that starts with '%' in quotes")
_TAG = N_("a tag ('!…') that YAML cannot read: a policy file needs no tags, so remove it, or put "
          "text that starts with '!' in quotes")
_NOT_TEXT = N_("the file holds bytes that are not text: save it as UTF-8 text")
_ESCAPE = N_("a \\x, \\u or \\U escape in double-quoted text needs hexadecimal digits (0-9, a-f) "
             "that name a real character: fix the escape, or use single quotes")

# Each problem libyaml can report (scanner, parser and reader; its own English never reaches
# the user), found by a piece of its wording, checked in this order before the contexts below.
_PROBLEMS = (
    ("mapping values are not allowed", N_(
        "a ':' where YAML does not expect one: check the indentation, or put text that contains "
        "': ' in quotes")),
    ("found unexpected ':'", N_(
        "a ':' where YAML does not expect one: check the indentation, or put text that contains "
        "': ' in quotes")),
    ("could not find expected ':'", N_(
        "a line without 'key: value' (with a space after the ':'): check the indentation, or put "
        "text that runs over several lines in quotes")),
    ("did not find expected key", N_(
        "this line does not line up with the keys above it: check the indentation")),
    ("did not find expected '-' indicator", N_(
        "this line does not line up with the list above it: check the indentation")),
    ("block sequence entries are not allowed", N_(
        "a list item ('- ') where YAML does not allow one: check the indentation")),
    ("mapping keys are not allowed", N_(
        "a key ('? ') where YAML does not allow one: check the indentation")),
    ("did not find expected ',' or ']'", N_("a list in brackets ('[') is not closed: add the missing ']'")),
    ("did not find expected ',' or '}'", N_("a mapping in braces ('{') is not closed: add the missing '}'")),
    ("unknown escape character", N_(
        "unknown escape in double-quoted text: write \\\\ for a backslash, or use single quotes")),
    ("invalid Unicode character escape", _ESCAPE),
    ("expected hexdecimal number", _ESCAPE),
    ("found unexpected document indicator", N_(
        "a line that starts with '---' or '...' ends the document, even inside quoted text: indent "
        "the line, or write the text as a block after '|'")),
    ("indentation indicator equal to 0", N_(
        "the indentation of a block of text ('|' or '>') cannot be 0: remove the 0")),
    ("did not find expected comment or line break", N_(
        "only a comment may follow on this line (after a '|' or '>' that starts a block of text, or "
        "after a '%' directive): move the text to the next line, indented")),
    ("incompatible YAML document", N_(
        "the file asks for a YAML version this program does not read (a '%YAML' line): remove "
        "that line")),
    ("duplicate %YAML directive", _DIRECTIVE),
    ("duplicate %TAG directive", _DIRECTIVE),
    ("directive name", _DIRECTIVE),
    ("non-alphabetical character", _DIRECTIVE),
    ("version number", _DIRECTIVE),
    ("digit or '.' character", _DIRECTIVE),
    ("undefined tag handle", _TAG),
    ("tag handle", _TAG),
    ("tag prefix", _TAG),
    ("tag URI", _TAG),
    ("tag value", _TAG),
    ("URI escaped octet", _TAG),
    ("expected '!'", _TAG),
    ("expected '>'", _TAG),
    ("found an incorrect", _TAG),  # a %-escape in a tag that is not UTF-8
    ("UTF-8 octet", _NOT_TEXT),
    ("UTF-8 sequence", _NOT_TEXT),
    ("UTF-16", _NOT_TEXT),
    ("surrogate", _NOT_TEXT),
    ("invalid Unicode character", _NOT_TEXT),
    ("control characters are not allowed", N_(
        "the file holds a character YAML does not allow (a control character): remove it")),
    ("did not find expected alphabetic or numeric character", N_(
        "text that starts with '*', '&' or '!' must be in quotes")),
    ("cannot start any token", N_(
        "text that starts with a character such as '@' or '`' must be in quotes")),
    ("did not find expected node content", N_("a value is missing here")),
    ("expected <document start>", N_(
        "unexpected text after the end of the document: check the indentation")),
)
# What libyaml was doing, when its problem alone says nothing the user can act on.
_CONTEXTS = (
    ("while scanning a quoted scalar", N_("quoted text that is never closed: add the missing quote")),
    ("while scanning a directive", _DIRECTIVE),
    ("while scanning a %", _DIRECTIVE),
    ("while parsing a tag", _TAG),
    ("while scanning a tag", _TAG),
)
_UNREADABLE = N_("YAML cannot read this line: look for a misplaced quote, bracket or colon, or a "
                 "wrong indentation")


def _syntax_problem(error, text: str) -> _Stop:
    """Our own words, and the line, for a problem libyaml found."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or getattr(error, "reason", None) or ""
    context = getattr(error, "context", None) or ""
    if mark is None:
        return _Stop(None, _(_reworded(problem, context)))
    if ("end of stream" in problem or "not find expected ','" in problem
            or "could not find expected ':'" in problem):
        # where the quote, the bracket or the key without ': ' began
        mark = getattr(error, "context_mark", None) or mark
    line = mark.line + 1
    if "maximum nesting depth" in problem:
        # libyaml (from PyYAML 6.0.4) has a depth bound of its own that may trip before ours
        return _Stop(line, _(_TOO_DEEP) % {"limit": MAX_DEPTH})
    where = _char_at(text, mark)
    if where == "\t" or "tab" in problem:
        return _Stop(line, _(_TAB))
    if ("did not find expected key" in problem or "<document start>" in problem) and \
            _mid_line(text, mark):
        return _Stop(line, _("more text follows a complete value on this line: put the whole text "
                             "in quotes, and inside single quotes write each ' twice"))
    return _Stop(line, _(_reworded(problem, context)))


def _reworded(problem: str, context: str) -> str:
    """The message (untranslated) for a libyaml problem; never libyaml's own English."""
    for pattern, message in _PROBLEMS:
        if pattern in problem:
            return message
    for pattern, message in _CONTEXTS:
        if pattern in context:
            return message
    return _UNREADABLE


def _mid_line(text: str, mark) -> bool:
    """Whether the mark is after the start of its line's content (not at its indentation)."""
    lines = text.split("\n", mark.line + 1)
    return mark.line < len(lines) and bool(lines[mark.line][:mark.column].strip())


def _char_at(text: str, mark) -> str:
    lines = text.split("\n", mark.line + 1)
    if mark.line < len(lines):
        row = lines[mark.line]
        if mark.column < len(row):
            return row[mark.column]
    return ""


class _Frame:
    """A mapping or list being read: its data so far, its type and path, and what it costs."""

    __slots__ = ("is_map", "typ", "path", "anchor", "value", "line", "key", "key_line", "seen",
                 "raw", "deferred", "size", "chars", "height", "poisoned", "is_key", "flow")

    def __init__(self, is_map: bool, typ, path: tuple, anchor, line: int) -> None:
        self.is_map, self.typ, self.path, self.anchor, self.line = is_map, typ, path, anchor, line
        self.value: Any = {} if is_map else []
        self.key: Any = None
        self.key_line = 0
        self.seen: dict[str, int] = {}
        self.raw: dict[str, str] = {}
        self.deferred: list[tuple[str, Any, str]] = []
        self.size, self.chars, self.height = 1, 0, 1
        self.poisoned = self.is_key = self.flow = False


_NULL = object()
_BAD_KEY = object()


def _read(text: str, lines: dict[tuple, int], reach: dict[int, int] | None = None,
          inside: set[int] | None = None) -> tuple[Any, list]:
    """The single document of `text` as plain data (each scalar read as its field's type),
    the line of every value in `lines`, and the problems met on the way.

    One pass over libyaml's events, without recursion: nesting depth, alias expansion,
    tags, keys and duplicate keys are checked as the events arrive. With `reach` and `inside`,
    also note where values end on each line and which lines lie inside a multi-line scalar
    (0-based), so that comments can be found."""
    import yaml

    problems: list[tuple[tuple, int | None, str]] = []
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, int, int, int]] = {}  # name -> (value, size, chars, height)
    root: Any = _NULL
    root_line = 1
    documents = alias_values = alias_chars = values = 0

    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    seq_start, map_start = yaml.SequenceStartEvent, yaml.MappingStartEvent
    collection_end = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    stream_end = yaml.StreamEndEvent
    record, list_of, variant, anything = fmt.Record, fmt.ListOf, fmt.Variant, fmt.ANY

    def bad_tag(tag, line) -> bool:
        """Report a tag other than YAML's core ones; the tagged value then counts as absent."""
        if tag is None or tag == "!" or tag in _CORE_TAGS:
            return False
        name = "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag
        problems.append(((), line, _(
            "the tag '%(tag)s' is not allowed: a policy file holds only text, numbers, lists and "
            "mappings") % {"tag": shown(name)}))
        return True

    def child_type(frame: _Frame):
        """The type of the next value inside `frame`, and its path."""
        typ = frame.typ
        if not frame.is_map:
            return (typ.item if type(typ) is list_of else anything), frame.path + (len(frame.value),)
        key = frame.key
        if type(typ) is record and type(key) is str:
            field = typ.fields.get(key)
            return (field.type if field is not None else anything), frame.path + (key,)
        return anything, frame.path + (key,)

    def add(value: Any, line: int, size: int, chars: int, height: int, text: str | None = None
            ) -> None:
        """Put a finished value (`text` is its source when it is a scalar) into its parent;
        `size` counts its values and `chars` the characters of its text."""
        nonlocal root, root_line
        if not stack:
            root, root_line = value, line
            return
        frame = stack[-1]
        if height:
            if len(stack) + height > MAX_DEPTH:
                raise _Stop(line, _(_TOO_DEEP) % {"limit": MAX_DEPTH})
            if height + 1 > frame.height:
                frame.height = height + 1
        frame.size += size
        frame.chars += chars
        if not frame.is_map:
            if value is not _NULL:
                lines[frame.path + (len(frame.value),)] = line
                frame.value.append(value)
            return
        if frame.key is None:  # this value is a key
            if text is None and type(value) is not str:
                problems.append(((), line, _(
                    "a key must be a word such as 'mission', not a list or a mapping")))
                frame.key, frame.key_line = _BAD_KEY, line
            else:
                frame.key, frame.key_line = (value if text is None else text), line
            return
        key, key_line = frame.key, frame.key_line
        frame.key = None
        if key is _BAD_KEY:
            return
        first = frame.seen.get(key)
        if first is not None:
            problems.append(((), key_line, _(
                "duplicate key '%(key)s': it is already on line %(line)s, and only one of the two "
                "values can be kept") % {"key": shown(key), "line": first}))
            return
        frame.seen[key] = key_line
        lines[frame.path + (key,)] = key_line
        if text is not None and type(frame.typ) is record:
            frame.raw[key] = text
            field = frame.typ.fields.get(key)
            if field is not None and type(field.type) is variant and value is not _NULL:
                frame.deferred.append((key, field.type, text))
        if value is not _NULL:
            frame.value[key] = value

    parser = yaml.CSafeLoader(text)
    try:
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind is stream_end:
                break
            if reach is not None and (kind is scalar_event or kind is alias_event or (
                    kind in collection_end and stack and stack[-1].flow)):
                end = event.end_mark
                if reach.get(end.line, -1) < end.column:
                    reach[end.line] = end.column
                first = event.start_mark.line
                if kind is scalar_event and event.style in ("|", ">"):
                    # a comment may follow the block's header: `mission: |  # note`
                    start = event.start_mark.index
                    line_end = text.find("\n", start)
                    header = _BLOCK_HEADER.search(text, start, len(text) if line_end < 0 else line_end)
                    if header is not None:
                        reach[first] = event.start_mark.column + header.end() - start
                    first += 1
                inside.update(range(first, end.line))
            if kind is scalar_event:
                line = event.start_mark.line + 1
                values += 1
                source = event.value
                if bad_tag(event.tag, line) or event.tag == _NULL_TAG or (
                        not event.style and event.tag is None and source in _NULLS):
                    value = _NULL
                elif stack and stack[-1].key is not None or stack and not stack[-1].is_map:
                    value = child_type(stack[-1])[0].scalar(source)
                else:
                    value = source  # a key, or the whole document
                if event.anchor is not None:
                    anchors[event.anchor] = (value, 1, len(source), 0)
                add(value, line, 1, len(source), 0, source)
            elif kind is map_start or kind is seq_start:
                line = event.start_mark.line + 1
                values += 1
                if len(stack) >= MAX_DEPTH:
                    raise _Stop(line, _(_TOO_DEEP) % {"limit": MAX_DEPTH})
                if stack and stack[-1].is_map and stack[-1].key is None:
                    typ, path, is_key = anything, (), True  # a list or mapping used as a key
                elif stack:
                    (typ, path), is_key = child_type(stack[-1]), False
                else:
                    typ, path, is_key = fmt.SPEC, (), False
                frame = _Frame(kind is map_start, typ, path, event.anchor, line)
                frame.poisoned = bad_tag(event.tag, line)
                frame.is_key = is_key
                frame.flow = bool(event.flow_style)
                stack.append(frame)
            elif kind in collection_end:
                frame = stack.pop()
                value = frame.value
                if frame.deferred:  # a field whose type depends on a key written after it
                    for key, field_type, source in frame.deferred:
                        value[key] = field_type.pick(frame.raw.get(field_type.on)).scalar(source)
                if frame.poisoned:
                    value = _NULL
                if frame.anchor is not None:
                    anchors[frame.anchor] = (value, frame.size, frame.chars, frame.height)
                add(value, frame.line, frame.size, frame.chars, frame.height)
            elif kind is alias_event:
                line = event.start_mark.line + 1
                target = anchors.get(event.anchor)
                if target is None:
                    if any(f.anchor == event.anchor for f in stack):
                        raise _Stop(line, _("the alias '*%(name)s' is inside the value it repeats, "
                                            "which would never end") % {"name": shown(event.anchor)})
                    raise _Stop(line, _("the alias '*%(name)s' has no anchor '&%(name)s' before it")
                                % {"name": shown(event.anchor)})
                value, size, chars, height = target
                alias_values += size
                alias_chars += chars
                if alias_values > MAX_ALIAS_VALUES:
                    raise _Stop(line, _("aliases repeat too many values (more than %(limit)s): write "
                                        "the values out instead") % {"limit": MAX_ALIAS_VALUES})
                if alias_chars > MAX_ALIAS_CHARS:
                    raise _Stop(line, _("aliases repeat too much text (more than %(limit)s characters): "
                                        "write the text out instead") % {"limit": MAX_ALIAS_CHARS})
                if type(value) is list or type(value) is dict:
                    import copy

                    value = copy.deepcopy(value)  # an edit of one copy must not change the other
                add(value, line, size, chars, height, value if type(value) is str else None)
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
        # what was reported on the line of a syntax error is only a symptom of it
        problems = [problem for problem in problems if problem[1] != stop.line]
        problems.append(((), stop.line, stop.message))
        raise _Failed(problems) from None
    except _Stop as stop:
        problems.append(((), stop.line, stop.message))
        raise _Failed(problems) from None
    finally:
        parser.dispose()
    lines[()] = root_line
    return root, problems


# --- Comments -------------------------------------------------------------------------------

def _comments(text: str, lines: dict[tuple, int], reach: dict[int, int], inside: set[int]
              ) -> list[tuple[str, tuple, str, tuple]]:
    """The comments of a file, each tied to the value it stands before or beside, with the
    values that follow it in the file (where it goes when its own value is not saved: an
    empty value the canonical form leaves out)."""
    import bisect

    ordered = sorted(lines.items(), key=lambda item: (item[1], len(item[0])))
    starts = [line for _path, line in ordered]
    first_line = starts[1] if len(starts) > 1 else None  # starts[0] is the document itself
    found: list[tuple[str, tuple, str, tuple | None]] = []
    for index, row in enumerate(text.split("\n")):
        if index in inside or "#" not in row:
            continue
        number = index + 1
        column = reach.get(index, 0)
        rest = row[column:].rstrip("\r")
        if column:
            # after the last value of the line may come the flow punctuation of a list or
            # mapping written over several lines (`[email,   # first`), then the comment
            rest = rest.lstrip(" \t")
            rest = rest[1:].lstrip(" \t") if rest.startswith(":") else rest
            rest = rest.lstrip(" \t,[]{}")
            hash_at = row.find(rest, column) if rest else -1
            if not rest.startswith("#") or row[hash_at - 1] not in " \t":
                continue
            where = "inline"
        else:
            rest = rest.strip(" \t")
            if not rest.startswith("#"):
                continue
            where = "above"
        after = bisect.bisect_right(starts, number)
        following = ordered[after][0] if after < len(ordered) else None
        if where == "inline":
            before = bisect.bisect_right(starts, number) - 1
            path = ordered[before][0]  # the deepest value on the last line that has one
        elif first_line is None or number < first_line:
            path = ()
        elif following is None:
            path, where = None, "end"
        else:
            path = following
        found.append((where, path, rest, _values_after(ordered, after, path)))
    return found


def _values_after(ordered: list[tuple[tuple, int]], start: int, gone: tuple | None, limit: int = 8) -> tuple:
    """Up to `limit` paths of the values from `ordered[start]` on, leaving out `gone` and the
    values inside it: the places a comment may move to when its own value is not saved."""
    found: list[tuple] = []
    for path, _line in ordered[start:]:
        if gone is not None and path[: len(gone)] == gone:
            continue
        found.append(path)
        if len(found) == limit:
            break
    return tuple(found)
