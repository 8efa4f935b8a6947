"""Locale-aware formatting of the spec's structured values: durations, percentages,
numbers, dates and lists, plus the width of text in terminal cells.

Everything here takes the document language explicitly. Babel supplies the CLDR
forms; the few things CLDR lacks ("working day") or gets wrong (the `duration-`
bug of python-babel/babel#1217 for Chinese and Turkish long units) come from the
`render` catalog or a fallback to the short unit, so no output ever contains
"duration-".
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from wizard.i18n import translations
from wizard.spec.model import Duration, parse_duration, parse_percent

NBSP = "\u00a0"  # a space no line breaks at

# Babel's locale identifiers for the document languages.
# English follows British usage, like the contract ("1 December 2026", "a, b and c").
BABEL_LOCALES = {"en": "en_GB", "hr": "hr", "zh": "zh_Hans_CN", "tr": "tr"}


def babel_locale(lang: str) -> str:
    return BABEL_LOCALES.get(lang, "en")


def _catalog(lang: str):
    return translations(lang, "render")


# ---------------------------------------------------------------- a memo of Babel's answers

# Loading one locale's CLDR data costs Babel tens of milliseconds: more than the rest of a
# render. The few values a policy needs (its dates, numbers, durations, lists) are remembered
# across runs in the user's cache folder, keyed by this module's and Babel's versions, so a
# second render of the same policy never loads CLDR data. Purely a cache: deleting it is safe.
MEMO_VERSION = 1
_MEMO_LIMIT = 5000  # entries (~250 KB): loading it stays far cheaper than CLDR data


class _Memo:
    def __init__(self) -> None:
        self.values: dict[str, str] | None = None
        self.dirty = False

    def path(self):
        from platformdirs import user_cache_dir

        name = f"formats-{MEMO_VERSION}-babel-{_babel_version()}.json"
        return Path(user_cache_dir("policy-wizard", appauthor=False)) / name

    def load(self) -> dict[str, str]:
        if self.values is None:
            import json

            try:
                values = json.loads(self.path().read_text(encoding="utf-8"))
                self.values = values if isinstance(values, dict) else {}
            except (OSError, ValueError):
                self.values = {}
        return self.values

    def get(self, kind: str, lang: str, argument: str, compute) -> str:
        values = self.load()
        key = f"{kind}|{lang}|{argument}"
        found = values.get(key)
        if isinstance(found, str):
            return found
        value = compute()
        if len(values) >= _MEMO_LIMIT:
            values.clear()
        values[key] = value
        self.dirty = True
        return value

    def save(self) -> None:
        if not self.dirty or self.values is None:
            return
        import json
        import os

        self.dirty = False
        try:
            path = self.path()
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(self.values, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only cache only costs speed


_memo = _Memo()


def _babel_version() -> str:
    """Babel's version, read from its package without importing it: the import alone costs
    20 ms, and the memo is there so that a run that finds every answer in it never pays that."""
    import importlib.util
    import sys

    if "babel" not in sys.modules:
        spec = importlib.util.find_spec("babel")
        try:
            source = Path(spec.origin).read_text(encoding="utf-8") if spec and spec.origin else ""
        except OSError:
            source = ""
        found = re.search(r"""^__version__ = ['"]([^'"]+)['"]""", source, re.MULTILINE)
        if found:
            return found.group(1)
    import babel

    return babel.__version__


def save_memo() -> None:
    """Write the values Babel computed in this process to the cache (after a render)."""
    _memo.save()


# ---------------------------------------------------------------- language names


def language_display_name(code: str, ui: str) -> str:
    """The name of language `code` in language `ui` ("engleski" in Croatian), from CLDR;
    remembered, so that the app names the languages on its first screen without loading
    Babel's locale data (40 ms of its start-up)."""
    def compute() -> str:
        from babel import Locale, UnknownLocaleError

        try:
            return Locale.parse(code).get_display_name(ui) or code
        except (ValueError, UnknownLocaleError):
            return code

    return _memo.get("language", ui, code, compute)


# ---------------------------------------------------------------- numbers


@lru_cache(maxsize=4096)
def format_number(value: int | float | str, lang: str) -> str:
    """An integer or decimal in the language's digits and separators ("1.000" in Croatian)."""
    def compute() -> str:
        from babel.numbers import format_decimal

        return format_decimal(value, locale=babel_locale(lang), decimal_quantization=False)

    return _memo.get("number", lang, repr(value), compute)


# Chinese writes ranks in its own numerals (一级、二级、三级), never in digits.
_CHINESE_RANKS = "一二三四五六七八九十"


def format_rank(value: int, lang: str) -> str:
    """A rank such as an escalation level as the language writes it: Chinese 一 to 十, else digits."""
    if lang == "zh" and 1 <= value <= len(_CHINESE_RANKS):
        return _CHINESE_RANKS[value - 1]
    return format_number(value, lang)


def format_signed(value: int, lang: str) -> str:
    """A score such as NPS with its sign: "+40", "0", "−20" (the locale's minus sign: Babel's
    number format writes a hyphen-minus even where CLDR names U+2212, as for Croatian)."""
    text = format_number(value, lang)
    if value < 0:

        def minus() -> str:
            from babel.numbers import get_minus_sign_symbol

            return get_minus_sign_symbol(babel_locale(lang))

        text = _memo.get("minus", lang, "", minus) + text.lstrip("-\u2212")
    elif value > 0:

        def compute() -> str:
            from babel.numbers import get_plus_sign_symbol

            return get_plus_sign_symbol(babel_locale(lang))

        text = _memo.get("plus", lang, "", compute) + text
    return text


@lru_cache(maxsize=1024)
def format_percent(value: Any, lang: str) -> str:
    """`"92.5%"` -> en "92.5%", hr "92,5 %", tr "%92,5", zh "92.5%"; other input unchanged."""
    number = parse_percent(value) if isinstance(value, str) else None
    if number is None:
        return str(value)
    text = value.strip().rstrip("%").strip()
    try:
        fraction = Decimal(text) / 100
    except InvalidOperation:  # pragma: no cover - parse_percent already checked it
        return str(value)

    def compute() -> str:
        from babel.numbers import format_percent as babel_percent

        return babel_percent(fraction, locale=babel_locale(lang), decimal_quantization=False)

    return _memo.get("percent", lang, text, compute)


# ---------------------------------------------------------------- durations

# Count forms of "working day", which CLDR does not know (translated per language).
def _working_days(count: int, lang: str) -> str:
    return _catalog(lang).ngettext("%(count)s working day", "%(count)s working days", count) % {
        "count": format_number(count, lang)
    }


@lru_cache(maxsize=2048)
def _format_duration(amount: int, unit: str, lang: str) -> str:
    if unit == "working_day":
        return _working_days(amount, lang)
    return _memo.get("duration", lang, f"{amount} {unit}", lambda: _babel_duration(amount, unit, lang))


def _babel_duration(amount: int, unit: str, lang: str) -> str:
    from babel.units import format_unit

    locale = babel_locale(lang)
    # Chinese: the short forms are the usual written ones ("30秒", "2分钟", "1个月").
    length = "short" if lang == "zh" else "long"
    text = format_unit(amount, f"duration-{unit}", length=length, locale=locale)
    if "duration-" in text:  # python-babel/babel#1217: the short form is right
        text = format_unit(amount, f"duration-{unit}", length="short", locale=locale)
    if "duration-" in text:  # pragma: no cover - never seen, but never show it
        text = f"{format_number(amount, lang)} {unit}"
    return text


def format_duration(value: Any, lang: str) -> str:
    """A spec duration in count form ("2 sata", "5 radnih dana", "24小时"); other input as typed.
    Its spaces do not break: a line never ends between the number and its unit, nor inside
    a unit of two words ("10 iş günü")."""
    duration = value if isinstance(value, Duration) else parse_duration(value)
    if duration is None:
        return "" if value is None else str(value)
    return _format_duration(duration.amount, duration.unit, lang).replace(" ", NBSP)


def bind_quantity(sentence: str, duration: Duration, lang: str) -> str:
    """`sentence`, which states `duration`, with no line break after its number, nor inside
    the unit when the sentence holds the duration as formatted ("10 iş günü içinde")."""
    phrase = _format_duration(duration.amount, duration.unit, lang)
    if phrase in sentence:
        return sentence.replace(phrase, phrase.replace(" ", NBSP), 1)
    count = format_number(duration.amount, lang)
    return re.sub(rf"(?<![\d.,]){re.escape(count)} ", count + NBSP, sentence, count=1)


# ---------------------------------------------------------------- dates


def parse_date(value: Any) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


@lru_cache(maxsize=1024)
def _format_date(day: _dt.date, lang: str) -> str:
    def compute() -> str:
        from babel.dates import format_date

        return format_date(day, format="long", locale=babel_locale(lang))

    return _memo.get("date", lang, day.isoformat(), compute)


# The day number and the word after it ("1. prosinca", "1 December", "1 Aralık").
_DAY_AND_MONTH = re.compile(r"^(\d{1,2}\.?) ")


def format_date(value: Any, lang: str) -> str:
    """An ISO date in the language's long format ("1. prosinca 2026.", "2026年12月1日"), with a
    no-break space after the day number."""
    day = parse_date(value)
    if day is None:
        return "" if value is None else str(value)
    return _DAY_AND_MONTH.sub("\\1" + NBSP, _format_date(day, lang), count=1)


# ---------------------------------------------------------------- lists


def format_list(items: Iterable[str], lang: str) -> str:
    """"a, b and c" in the language's own way ("a, b i c", "a, b ve c", "a、b和c")."""
    items = [item for item in items if item]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    def compute() -> str:
        from babel.lists import format_list as babel_list

        return babel_list(items, locale=babel_locale(lang))

    return _memo.get("list", lang, "\x1f".join(items), compute)


# ---------------------------------------------------------------- whitespace

# Breakable white space only: a no-break space (as in the Croatian "92,5 %") is kept.
_SPACES = re.compile(r"[ \t\n\r\f\v\u2028\u2029]+")


def one_line(text: str) -> str:
    """Text on one line: runs of breakable white space become one space (no-break spaces stay)."""
    return _SPACES.sub(" ", text).strip(" ")


def words_of(text: str) -> list[str]:
    """The words of `text`, split at breakable white space only."""
    return [word for word in _SPACES.split(text) if word]


# ---------------------------------------------------------------- terminal cells


def char_width(char: str) -> int:
    """Cells a character takes in a terminal: 2 for wide East Asian characters, 0 for combining."""
    if char < "\u0300":
        return 1 if char >= " " else 0
    if unicodedata.combining(char) or char in "\u200b\u200c\u200d\ufeff":
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def cell_len(text: str) -> int:
    """Width of `text` in terminal cells (not len(): Chinese characters take two cells)."""
    if text.isascii():
        return len(text)
    return sum(char_width(char) for char in text)
