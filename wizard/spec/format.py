"""The one declarative description of the spec format (../shared/policy-spec.md).

Every key of the contract appears once below, as a tree of small type objects
(`Record`, `ListOf`, `Text`, `Duration`, ...). That single tree drives

- the loader (`loader.py`), which reads each YAML scalar as the type of its field
  (a text field keeps `1984` and `yes` as strings, a months field reads an int);
- validation (`Type.check`), which produces every message about bad values;
- canonical saving (`Type.node`), which writes keys in the contract's order;
- the JSON Schema (`Type.json`), for editors.

Messages go through the `spec` catalog; every key or value they quote goes through
`problems.shown` (invisible and control characters made visible, long text cut).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any, Callable

from wizard.i18n import Translator
from wizard.spec import model
from wizard.spec.model import LANGUAGES, TRANSLATED_FROM
from wizard.spec.problems import shown

_ = Translator("spec").gettext

STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
DATE_TAG = "tag:yaml.org,2002:timestamp"
SEQ_TAG = "tag:yaml.org,2002:seq"
MAP_TAG = "tag:yaml.org,2002:map"

_INT_RE = re.compile(r"[-+]?[0-9]+")
# Digits beyond which a whole number is out of every bound of the format: such a number stays
# text (and is reported as out of range) instead of reaching int(), which refuses 4,300 digits.
_INT_DIGITS = 18
_BLANKS = r"[ \t\r\n]*"  # model.NUMBER_BLANKS in the JSON Schema's patterns
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_HASH_RE = re.compile(r"[0-9a-f]{8}")
_CODE_RE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]+)?")  # looks like a language code
UNITS_TEXT = "seconds, minutes, hours, days, working days, weeks, months"

# Characters that may not appear in any text: C0/C1 controls but tab and newline,
# line/paragraph separators (YAML reads them as line breaks), and the invisible
# bidirectional embeddings, overrides and isolates of "Trojan source" attacks.
BIDI = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
FORBIDDEN_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CONTROL_NAMES = {
    0x00: "NUL", 0x07: "BELL", 0x08: "BACKSPACE", 0x0B: "LINE TABULATION", 0x0C: "FORM FEED",
    0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE", 0x7F: "DELETE", 0x85: "NEXT LINE",
}


def code_point(char: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`: a character named so a user can find it."""
    name = _CONTROL_NAMES.get(ord(char)) or unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}".rstrip()


def char_message(char: str) -> str:
    if char in BIDI:
        return _("invisible bidirectional control character %(code)s is not allowed: it can make "
                 "text display differently from what it says") % {"code": code_point(char)}
    return _("control character %(code)s is not allowed in a policy file") % {"code": code_point(char)}


def found(value: Any) -> str:
    """How a wrong value is named in a message: `'twelve'`, `12`, `a list`, `a mapping`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        if not value.strip():
            return _("empty text")
        # only blanks and line feeds are taken off: every other character is shown
        text = value.strip(model.NUMBER_BLANKS)
        first = text.split("\n")[0]
        quote = shown(first)
        if first != text and not quote.endswith("…"):
            quote += "…"
        return f"'{quote}'"
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    if value is None:
        return _("nothing")
    return type(value).__name__


def quoted(words) -> str:
    return ", ".join(words)


def suggestion(word: str, choices) -> str | None:
    import difflib

    matches = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


class Checker:
    """Collects (path, message) pairs while a value is checked against its type."""

    def __init__(self, language: str | None) -> None:
        self.language = language
        self.found: list[tuple[tuple, str]] = []

    def report(self, path: tuple, message: str) -> None:
        self.found.append((path, message))

    def chars(self, text: str, path: tuple) -> None:
        match = FORBIDDEN_IN_TEXT.search(text)
        if match:
            self.report(path, char_message(match.group()))

    def ascii_digits(self, value: Any, path: tuple) -> bool:
        """Whether a number field's value is free of digits other than 0-9 (reported if not).

        One rule for every number field: full-width "１２" or Arabic-Indic digits are refused
        everywhere (as the JSON Schema does), never read as a number in one field and refused
        in the next."""
        if isinstance(value, str) and any(char.isdigit() and not char.isascii() for char in value):
            self.report(path, _("write numbers with the digits 0 to 9; found %(found)s")
                        % {"found": found(value)})
            return False
        return True


class Dumping:
    """State while writing canonical YAML: the spec's language orders text mappings."""

    def __init__(self, language: Any) -> None:
        self.language = language if language in LANGUAGES else None


def scalar_node(tag: str, value: str, style: str | None = None):
    import yaml

    return yaml.ScalarNode(tag, value, style=style)


def str_node(value: str):
    """A string as YAML writes it most readably: literal block when it has several lines."""
    style = None
    if "\n" in value and value[:1] not in (" ", "\n") and value.strip(" \n"):
        style = "|"
    return scalar_node(STR_TAG, value, style)


def any_node(value: Any, d: Dumping):
    """A value outside the contract (only in invalid data): written as plain YAML."""
    import yaml

    if isinstance(value, bool):
        return scalar_node("tag:yaml.org,2002:bool", "true" if value else "false")
    if isinstance(value, int):
        return scalar_node(INT_TAG, str(value))
    if isinstance(value, float):
        return scalar_node("tag:yaml.org,2002:float", repr(value))
    if isinstance(value, str):
        return str_node(value)
    if isinstance(value, list):
        return yaml.SequenceNode(SEQ_TAG, [any_node(v, d) for v in value if v is not None])
    if isinstance(value, dict):
        return yaml.MappingNode(MAP_TAG, [(str_node(str(k)), any_node(v, d))
                                          for k, v in value.items() if v is not None])
    if value is None:
        return scalar_node("tag:yaml.org,2002:null", "")
    return str_node(str(value))


class Type:
    """One kind of value of the format. `node` writes a value as YAML; the default (`any_node`)
    already writes strings, numbers and booleans as they should be, so only types with a
    special form (dates, text mappings, records, lists) override it."""

    description = ""

    def check(self, value: Any, c: Checker, path: tuple) -> None:
        raise NotImplementedError

    def node(self, value: Any, d: Dumping):
        return any_node(value, d)

    def json(self) -> dict:
        raise NotImplementedError

    def scalar(self, text: str) -> Any:
        """The value of a YAML scalar written as `text` in a field of this type."""
        return text


class Anything(Type):
    """An unknown key's value: reported by its mapping, otherwise left alone."""

    def check(self, value, c, path):
        pass

    def json(self):
        return {}


ANY = Anything()


class Str(Type):
    """A plain string that is never translated (company, contact, author)."""

    def check(self, value, c, path):
        if isinstance(value, str):
            c.chars(value, path)
        elif isinstance(value, dict):
            c.report(path, _("expected plain text (this field is never translated), found %(found)s")
                     % {"found": found(value)})
        else:
            c.report(path, _("expected text, found %(found)s") % {"found": found(value)})

    def json(self):
        return {"type": "string"}


class Hashes(Type):
    """`translated_from`: for each translation, the hash of the source text it was made from."""

    def check(self, value, c, path):
        if not isinstance(value, dict):
            c.report(path, _("expected a mapping from language code to hash, such as %(example)s; "
                             "found %(found)s") % {"example": "{hr: 5d41402a}", "found": found(value)})
            return
        for code, digest in value.items():
            if code not in LANGUAGES:
                c.report(path + (code,), _("unknown language code '%(code)s' (valid codes: %(valid)s)")
                         % {"code": shown(code), "valid": quoted(LANGUAGES)})
            elif not (isinstance(digest, str) and _HASH_RE.fullmatch(digest)):
                c.report(path + (code,), _("expected the 8-character hash that the wizard writes, such "
                                           "as '%(example)s'; found %(found)s")
                         % {"example": "5d41402a", "found": found(digest)})

    def node(self, value, d):
        import yaml

        if not isinstance(value, dict):
            return any_node(value, d)
        keys = [k for k in LANGUAGES if k in value] + [k for k in value if k not in LANGUAGES]
        pairs = [(str_node(str(k)), any_node(value[k], d)) for k in keys if value[k] is not None]
        return yaml.MappingNode(MAP_TAG, pairs, flow_style=True)

    def json(self):
        return {
            "type": "object",
            "description": "Written by the wizard: for each translation, a short hash of the source "
                           "text it was made from, so a stale translation can be found.",
            "propertyNames": {"enum": list(LANGUAGES)},
            "additionalProperties": {"type": "string", "pattern": "^[0-9a-f]{8}$"},
        }


HASHES = Hashes()


class Text(Type):
    """Translatable text: a string in the spec's language, or a mapping language -> string."""

    def check(self, value, c, path):
        if isinstance(value, str):
            c.chars(value, path)
        elif isinstance(value, dict):
            if value and not any(code in LANGUAGES or code == TRANSLATED_FROM for code in value) and \
                    not all(isinstance(code, str) and _CODE_RE.fullmatch(code) for code in value):
                c.report(path, _("expected text, found a mapping: if this is text that contains ': ', "
                                 "put it in quotes"))
                return
            for code, entry in value.items():
                where = path + (code,)
                if code == TRANSLATED_FROM:
                    if entry is not None:
                        HASHES.check(entry, c, where)
                elif code not in LANGUAGES:
                    c.report(where, _("unknown language code '%(code)s' (valid codes: %(valid)s)")
                             % {"code": shown(code), "valid": quoted(LANGUAGES)})
                elif isinstance(entry, str):
                    c.chars(entry, where)
                elif entry is not None:
                    c.report(where, _("expected text, found %(found)s") % {"found": found(entry)})
        else:
            c.report(path, _("expected text, found %(found)s") % {"found": found(value)})

    def node(self, value, d):
        import yaml

        if isinstance(value, str):
            return str_node(value)
        if not isinstance(value, dict):
            return any_node(value, d)
        first = [d.language] if d.language in value else []
        keys = first + [k for k in LANGUAGES if k in value and k not in first]
        keys += [TRANSLATED_FROM] if TRANSLATED_FROM in value else []
        keys += [k for k in value if k not in keys]
        pairs = []
        for key in keys:
            entry = value[key]
            if entry is None:
                continue
            node = HASHES.node(entry, d) if key == TRANSLATED_FROM else (
                str_node(entry) if isinstance(entry, str) else any_node(entry, d))
            pairs.append((str_node(str(key)), node))
        return yaml.MappingNode(MAP_TAG, pairs)

    def json(self):
        return {"$ref": "#/$defs/text"}

    @staticmethod
    def definition() -> dict:
        names = {"en": "English", "hr": "Croatian", "zh": "Chinese (Simplified)", "tr": "Turkish"}
        properties: dict[str, Any] = {code: {"type": "string", "description": f"The text in {name}."}
                                      for code, name in names.items()}
        properties[TRANSLATED_FROM] = HASHES.json()
        return {
            "description": "Text: a plain string in the spec's language, or one entry per language.",
            "anyOf": [
                {"type": "string"},
                {"type": "object", "properties": properties, "additionalProperties": False},
            ],
        }


class Int(Type):
    """A whole number within bounds (months, escalation level, NPS target, schema_version)."""

    def __init__(self, message: Callable[[], str], minimum: int | None = None,
                 maximum: int | None = None, json: dict | None = None) -> None:
        self.message, self.minimum, self.maximum = message, minimum, maximum
        self.extra = json or {}

    def scalar(self, text):
        text = text.strip(model.NUMBER_BLANKS)
        if _INT_RE.fullmatch(text) and len(text.lstrip("+-").lstrip("0")) <= _INT_DIGITS:
            return int(text)
        return text

    def check(self, value, c, path):
        if not c.ascii_digits(value, path):
            return
        ok = isinstance(value, int) and not isinstance(value, bool)
        if ok and self.minimum is not None and value < self.minimum:
            ok = False
        if ok and self.maximum is not None and value > self.maximum:
            ok = False
        if not ok:
            c.report(path, self.message() % {"found": found(value), "maximum": self.maximum})

    def json(self):
        schema: dict[str, Any] = {"type": "integer"}
        if "const" in self.extra:
            return {**schema, **self.extra}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        schema.update(self.extra)
        return schema


class Choice(Type):
    """One key from a fixed list (language, channel, metric, procedure kind, training method)."""

    def __init__(self, choices: tuple, suggest: Callable[[], str] | None,
                 unknown: Callable[[], str]) -> None:
        self.choices, self.suggest, self.unknown = choices, suggest, unknown

    def check(self, value, c, path):
        if value in self.choices:
            return
        if not isinstance(value, str):
            c.report(path, _("expected one of %(valid)s; found %(found)s")
                     % {"valid": quoted(self.choices), "found": found(value)})
            return
        close = suggestion(value, self.choices) if self.suggest else None
        if close:
            c.report(path, self.suggest() % {"value": shown(value), "suggestion": close})
        else:
            c.report(path, self.unknown() % {"value": shown(value), "valid": quoted(self.choices)})

    def json(self):
        return {"type": "string", "enum": list(self.choices)}


class Date(Type):
    """An ISO date `YYYY-MM-DD`, kept as a string, written unquoted."""

    def check(self, value, c, path):
        if not c.ascii_digits(value, path):
            return
        if not (isinstance(value, str) and _DATE_RE.fullmatch(value)):
            c.report(path, _("expected a date written as YYYY-MM-DD, such as %(example)s; found "
                             "%(found)s") % {"example": "2026-12-01", "found": found(value)})
            return
        try:
            date.fromisoformat(value)
        except ValueError:
            c.report(path, _("%(found)s is not a real date: check the month and the day")
                     % {"found": found(value)})

    def node(self, value, d):
        if isinstance(value, str) and _DATE_RE.fullmatch(value):
            try:
                date.fromisoformat(value)
                return scalar_node(DATE_TAG, value)
            except ValueError:
                pass
        return any_node(value, d)

    def json(self):
        return {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                "examples": ["2026-12-01"]}


class DurationType(Type):
    """`24 hours`, `2 working days`: see model.parse_duration."""

    def check(self, value, c, path):
        if c.ascii_digits(value, path) and model.parse_duration(value) is None:
            c.report(path, _("expected a duration: a whole number from 1 to %(maximum)s and a unit "
                             "(%(units)s), such as '%(example)s'; found %(found)s")
                     % {"maximum": model.MAX_DURATION_AMOUNT, "units": UNITS_TEXT,
                        "example": "24 hours", "found": found(value)})

    def json(self):
        return {"$ref": "#/$defs/duration"}

    @staticmethod
    def definition() -> dict:
        units = "seconds?|minutes?|hours?|days?|working[ _]days?|weeks?|months?"
        digits = len(str(model.MAX_DURATION_AMOUNT)) - 1  # the bound is all nines: 1 to 9999
        return {"type": "string", "description": f"A whole number from 1 to {model.MAX_DURATION_AMOUNT} "
                "and a unit, e.g. '24 hours', '2 working days'.",
                "pattern": rf"^{_BLANKS}0*[1-9][0-9]{{0,{digits}}} +({units}){_BLANKS}$",
                "examples": ["3 minutes", "24 hours", "1 working day", "2 weeks"]}


class PercentType(Type):
    """`90%`: 0 to 100, decimals allowed."""

    def check(self, value, c, path):
        if c.ascii_digits(value, path) and model.parse_percent(value) is None:
            c.report(path, _("expected a percentage from 0 to 100, such as '%(example)s'; found "
                             "%(found)s") % {"example": "90%", "found": found(value)})

    def json(self):
        return {"type": "string", "pattern": rf"^{_BLANKS}0*(100(\.0+)?|[0-9]{{1,2}}(\.[0-9]+)?) ?%{_BLANKS}$",
                "examples": ["90%", "92.5%"]}


class ListOf(Type):
    def __init__(self, item: Type, flow: bool = False) -> None:
        self.item, self.flow = item, flow

    def check(self, value, c, path):
        if not isinstance(value, list):
            c.report(path, _("expected a list (one item per line, each starting with '- '), found "
                             "%(found)s") % {"found": found(value)})
            return
        for index, entry in enumerate(value):
            self.item.check(entry, c, path + (index,))

    def node(self, value, d):
        import yaml

        if not isinstance(value, list):
            return any_node(value, d)
        items = [self.item.node(v, d) for v in value if v is not None]
        flow = self.flow and all(isinstance(v, str) and v in getattr(self.item, "choices", ())
                                 for v in value)
        return yaml.SequenceNode(SEQ_TAG, items, flow_style=flow)

    def json(self):
        return {"type": "array", "items": self.item.json()}


class Field:
    """One key of a mapping: its type, its description (for editors) and when it is required."""

    def __init__(self, key: str, type: Type, description: str, required: Callable[[], str] | None = None
                 ) -> None:
        self.key, self.type, self.description, self.required = key, type, description, required


class Other:
    """A mapping whose `other` entry (channel, metric, procedure) needs a name of its own."""

    def __init__(self, on: str, key: str, missing: Callable[[], str],
                 only_other: Callable[[], str] | None) -> None:
        self.on, self.key, self.missing, self.only_other = on, key, missing, only_other


class Variant(Type):
    """A field whose type depends on a sibling key (a metric's `target`)."""

    def __init__(self, on: str, types: dict[str, Type]) -> None:
        self.on, self.types = on, types

    def pick(self, discriminator: Any) -> Type:
        return self.types.get(discriminator, ANY) if isinstance(discriminator, str) else ANY


class Record(Type):
    """A mapping with a fixed set of keys, in the contract's order."""

    def __init__(self, fields: list[Field], other: Other | None = None) -> None:
        self.fields = {f.key: f for f in fields}
        self.other = other

    def field_type(self, key: str, mapping: dict | None) -> Type:
        """The type of `key` in this mapping (ANY when the key is unknown)."""
        field = self.fields.get(key)
        if field is None:
            return ANY
        if isinstance(field.type, Variant):
            return field.type.pick((mapping or {}).get(field.type.on))
        return field.type

    def check(self, value, c, path):
        if not isinstance(value, dict):
            keys = quoted(f"'{k}:'" for k in list(self.fields)[:2])
            c.report(path, _("expected keys such as %(keys)s on the lines below, found %(found)s")
                     % {"keys": keys, "found": found(value)})
            return
        for key, entry in value.items():
            where = path + (key,)
            if key not in self.fields:
                c.report(where, unknown_key(key, self.fields))
            elif entry is not None:
                self.field_type(key, value).check(entry, c, where)
        for field in self.fields.values():
            if field.required and value.get(field.key) is None:
                c.report(path, field.required())
        other = self.other
        if other is not None:
            has_name = not model.is_empty(value.get(other.key))
            if value.get(other.on) == "other" and not has_name:
                c.report(path, other.missing())
            elif (other.only_other and value.get(other.key) is not None
                  and value.get(other.on) != "other"
                  and value.get(other.on) in self.fields[other.on].type.choices):
                c.report(path + (other.key,), other.only_other())

    def node(self, value, d):
        import yaml

        if not isinstance(value, dict):
            return any_node(value, d)
        keys = [k for k in self.fields if k in value] + [k for k in value if k not in self.fields]
        pairs = []
        for key in keys:
            entry = value[key]
            if entry is None:
                continue
            pairs.append((str_node(str(key)), self.field_type(key, value).node(entry, d)))
        return yaml.MappingNode(MAP_TAG, pairs)

    def json(self):
        properties = {}
        conditions = []
        for field in self.fields.values():
            if isinstance(field.type, Variant):
                properties[field.key] = {"description": field.description}
                for choice, type_ in field.type.types.items():
                    conditions.append({
                        "if": {"properties": {field.type.on: {"const": choice}},
                               "required": [field.type.on]},
                        "then": {"properties": {field.key: type_.json()}},
                    })
            else:
                properties[field.key] = {**field.type.json(), "description": field.description}
        schema: dict[str, Any] = {"type": "object", "properties": properties,
                                  "additionalProperties": False}
        required = [f.key for f in self.fields.values() if f.required]
        if required:
            schema["required"] = required
        other = self.other
        if other is not None:
            conditions.append({
                "if": {"properties": {other.on: {"const": "other"}}, "required": [other.on]},
                "then": {"required": [other.key]},
            })
            if other.only_other:
                choices = [c for c in self.fields[other.on].type.choices if c != "other"]
                conditions.append({
                    "if": {"properties": {other.on: {"enum": choices}}, "required": [other.on]},
                    "then": {"not": {"required": [other.key]}},
                })
        if conditions:
            schema["allOf"] = conditions
        return schema


def unknown_key(key: Any, fields) -> str:
    if key == "<<":
        return _("merge keys ('<<') are not supported: write the keys out")
    close = suggestion(str(key), fields)
    if close:
        return _("unknown key '%(key)s' (did you mean '%(suggestion)s'?)") % {"key": shown(key),
                                                                            "suggestion": close}
    home = _homes().get(key)
    if home is not None:
        parent, in_list = home
        if parent is None:
            return _("'%(key)s' belongs at the top level of the file, not here") % {"key": key}
        if in_list:
            return _("'%(key)s' belongs in an item of the '%(parent)s' list, not here") % {
                "key": key, "parent": parent}
        return _("'%(key)s' belongs under '%(parent)s', not here") % {"key": key, "parent": parent}
    return _("unknown key '%(key)s'; valid keys here: %(valid)s") % {"key": shown(key),
                                                                   "valid": quoted(fields)}


_HOMES: dict[str, tuple[str | None, bool]] | None = None


def _homes() -> dict[str, tuple[str | None, bool]]:
    """Each key that exists in exactly one place of the format -> (its parent key, in a list)."""
    global _HOMES
    if _HOMES is None:
        places: dict[str, list[tuple[str | None, bool]]] = {}

        def visit(record: Record, parent: str | None, in_list: bool) -> None:
            for key, field in record.fields.items():
                places.setdefault(key, []).append((parent, in_list))
                inner = field.type
                if isinstance(inner, Record):
                    visit(inner, key, False)
                elif isinstance(inner, ListOf) and isinstance(inner.item, Record):
                    visit(inner.item, key, True)

        visit(SPEC, None, False)
        _HOMES = {key: spots[0] for key, spots in places.items() if len(spots) == 1}
    return _HOMES


# --- The format, as the contract lists it -------------------------------------------------

TEXT = Text()
STR = Str()
DATE = Date()
DURATION = DurationType()
PERCENT = PercentType()
MONTHS = Int(lambda: _("expected a whole number of months from 1 to %(maximum)s, such as 12; found "
                       "%(found)s"), minimum=1, maximum=model.MAX_MONTHS)
LEVEL = Int(lambda: _("expected a whole number from 1 to %(maximum)s for the level, such as 1; found "
                      "%(found)s"), minimum=1, maximum=model.MAX_LEVEL)
NPS = Int(lambda: _("expected a whole number from -100 to 100 for an NPS target, such as 40; found "
                    "%(found)s"), minimum=-100, maximum=100)
SCHEMA_VERSION = Int(lambda: _("unsupported schema_version %(found)s: this version of Policy Wizard "
                               "reads schema_version 1"), minimum=1, maximum=1, json={"const": 1})
LANGUAGE = Choice(LANGUAGES, None, lambda: _("unsupported language '%(value)s'; valid languages: "
                                             "%(valid)s"))
CHANNEL = Choice(model.CHANNELS,
                 lambda: _("unknown channel '%(value)s' (did you mean '%(suggestion)s'?)"),
                 lambda: _("unknown channel '%(value)s'; valid channels: %(valid)s"))
METRIC = Choice(model.METRICS,
                lambda: _("unknown metric '%(value)s' (did you mean '%(suggestion)s'?)"),
                lambda: _("unknown metric '%(value)s'; valid metrics: %(valid)s"))
KIND = Choice(model.PROCEDURE_KINDS,
              lambda: _("unknown procedure kind '%(value)s' (did you mean '%(suggestion)s'?)"),
              lambda: _("unknown procedure kind '%(value)s'; valid kinds: %(valid)s"))
METHOD = Choice(model.TRAINING_METHODS,
                lambda: _("unknown training method '%(value)s' (did you mean '%(suggestion)s'?)"),
                lambda: _("unknown training method '%(value)s'; valid methods: %(valid)s"))
CUSTOMER_WORD = Choice(model.CUSTOMER_WORDS,
                       lambda: _("unknown customer word '%(value)s' (did you mean '%(suggestion)s'?)"),
                       lambda: _("unknown customer word '%(value)s'; valid words: %(valid)s"))


def _missing(key: str, choices: tuple) -> Callable[[], str]:
    return lambda: _("missing '%(key)s' (one of %(valid)s)") % {"key": key, "valid": quoted(choices)}


PURPOSE = Record([
    Field("intent", TEXT, "Why the policy exists."),
    Field("applies_to", TEXT, "Who the policy applies to."),
    Field("channels", ListOf(CHANNEL, flow=True), "The channels in scope."),
])
DEFINITION = Record([
    Field("term", TEXT, "The word or abbreviation."),
    Field("meaning", TEXT, "What it means in this policy."),
])
VALUE = Record([
    Field("name", TEXT, "The value, in a word or two."),
    Field("description", TEXT, "What it means in practice."),
])
SERVICE_LEVEL = Record([
    Field("channel", CHANNEL, "The channel.", required=_missing("channel", model.CHANNELS)),
    Field("name", TEXT, "The channel's name (only for channel 'other')."),
    Field("first_response", DURATION, "Time to the first response, e.g. '24 hours'."),
    Field("resolution", DURATION, "Time to resolve, e.g. '2 working days'."),
], other=Other("channel", "name",
               lambda: _("a service level for channel 'other' needs a 'name' (what the channel is "
                         "called)"),
               lambda: _("'name' is only for channel 'other': remove it, or write 'channel: other'")))
METRIC_ENTRY = Record([
    Field("metric", METRIC, "What is measured.", required=_missing("metric", model.METRICS)),
    Field("name", TEXT, "The metric's name (only for metric 'other')."),
    Field("target", Variant("metric", {
        **{key: PERCENT for key in model.PERCENT_METRICS},
        **{key: DURATION for key in model.DURATION_METRICS},
        "nps": NPS,
        "other": TEXT,
    }), "The target: a percentage for csat, first_contact_resolution and sla_compliance; a whole "
        "number from -100 to 100 for nps; a duration for first_response_time and resolution_time; "
        "text for other."),
], other=Other("metric", "name",
               lambda: _("a metric 'other' needs a 'name' (what is measured)"),
               lambda: _("'name' is only for metric 'other': remove it, or write 'metric: other'")))
STANDARDS = Record([
    Field("always", ListOf(TEXT), "\"We will always ...\" commitments."),
    Field("never", ListOf(TEXT), "\"We will never ...\" commitments."),
    Field("service_levels", ListOf(SERVICE_LEVEL), "Response and resolution targets per channel."),
    Field("support_hours", TEXT, "When customers can reach the team."),
    Field("metrics", ListOf(METRIC_ENTRY), "Measured targets."),
])
PROCEDURE = Record([
    Field("kind", KIND, "What the procedure is for.", required=_missing("kind", model.PROCEDURE_KINDS)),
    Field("title", TEXT, "The title (required for kind 'other')."),
    Field("steps", ListOf(TEXT), "The steps, in order."),
    Field("acknowledge_within", DURATION, "Time to acknowledge, e.g. '2 working days'."),
    Field("resolve_within", DURATION, "Time to resolve, e.g. '10 working days'."),
], other=Other("kind", "title", lambda: _("a procedure of kind 'other' needs a 'title'"), None))
ESCALATION_LEVEL = Record([
    Field("level", LEVEL, "The level: 1, 2, 3, ..."),
    Field("role", TEXT, "Who handles the case at this level."),
    Field("when", TEXT, "What sends a case to this level."),
    Field("within", DURATION, "How soon this level takes the case over."),
])
TRAINING = Record([
    Field("onboarding", TEXT, "Training for new staff."),
    Field("methods", ListOf(METHOD, flow=True), "How staff are trained."),
    Field("refresher_every_months", MONTHS, "How often refresher training takes place, in months."),
    Field("resources", ListOf(TEXT), "Manuals, courses, knowledge bases."),
])
ENFORCEMENT = Record([
    Field("accountable", TEXT, "Who makes sure the policy is followed."),
    Field("monitoring", TEXT, "How compliance is measured."),
    Field("consequences", TEXT, "What happens when the policy is not followed."),
    Field("feedback", TEXT, "How staff propose changes to the policy."),
])
SECTION = Record([
    Field("title", TEXT, "The section's heading."),
    Field("body", TEXT, "The section's text."),
])
REVISION = Record([
    Field("date", DATE, "When the revision was made (YYYY-MM-DD)."),
    Field("author", STR, "Who made it."),
    Field("note", TEXT, "What changed."),
])

SPEC = Record([
    Field("schema_version", SCHEMA_VERSION, "The version of the file format: 1.",
          required=lambda: _("missing 'schema_version: 1' (every policy file starts with it)")),
    Field("language", LANGUAGE, "The language plain-string text is written in: en, hr, zh or tr.",
          required=lambda: _("missing 'language' (the language the text is written in: %(valid)s)")
          % {"valid": quoted(LANGUAGES)}),
    Field("title", TEXT, "The document's title (default: the localized 'Customer Service Policy', or "
          "the title for the customer_word, such as 'Guest Service Policy')."),
    Field("company", STR, "The organisation's name, never translated."),
    Field("owner", TEXT, "Who keeps this policy (name, role)."),
    Field("contact", STR, "Where questions about the policy go (email, phone, URL)."),
    Field("effective_date", DATE, "When the policy takes effect (YYYY-MM-DD)."),
    Field("review_every_months", MONTHS, "How often the policy is reviewed, in months."),
    Field("customer_word", CUSTOMER_WORD, "What the policy calls the people it serves: customers "
          "(the default), clients, guests, users, members or patients."),
    Field("purpose", PURPOSE, "Purpose and scope."),
    Field("definitions", ListOf(DEFINITION), "Terms used in the policy."),
    Field("mission", TEXT, "What the company does and why, in a short paragraph."),
    Field("vision", TEXT, "What the company wants to reach."),
    Field("values", ListOf(VALUE), "The company's values."),
    Field("standards", STANDARDS, "Service standards."),
    Field("procedures", ListOf(PROCEDURE), "How inquiries, complaints, refunds, ... are handled."),
    Field("escalation", ListOf(ESCALATION_LEVEL), "The escalation matrix."),
    Field("training", TRAINING, "Training and resources."),
    Field("enforcement", ENFORCEMENT, "Enforcement and review."),
    Field("sections", ListOf(SECTION), "Extra sections."),
    Field("revisions", ListOf(REVISION), "The revision history, newest last."),
])


def _check_key_orders() -> None:
    """The format above and model's canonical key orders are one and the same."""
    pairs = [(SPEC, model.TOP_KEYS), (PURPOSE, model.PURPOSE_KEYS), (DEFINITION, model.DEFINITION_KEYS),
             (VALUE, model.VALUE_KEYS), (STANDARDS, model.STANDARDS_KEYS),
             (SERVICE_LEVEL, model.SERVICE_LEVEL_KEYS), (METRIC_ENTRY, model.METRIC_KEYS),
             (PROCEDURE, model.PROCEDURE_KEYS), (ESCALATION_LEVEL, model.ESCALATION_KEYS),
             (TRAINING, model.TRAINING_KEYS), (ENFORCEMENT, model.ENFORCEMENT_KEYS),
             (SECTION, model.SECTION_KEYS), (REVISION, model.REVISION_KEYS)]
    for record, keys in pairs:
        assert tuple(record.fields) == keys, keys


_check_key_orders()
