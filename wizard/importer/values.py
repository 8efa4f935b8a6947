"""Read structured values back out of document text: durations, dates, percents, numbers,
lists of channels or methods.

Each reader inverts the renderer's own formatting: it proposes a value and keeps it only
when `wizard.render.formatting` writes that value as exactly the text found, so our own
documents read back without loss and a value is never guessed from a near miss. Text a
person typed ("within 24 hours", "24 sata", "24小时内", "24 saat içinde") is read by the
number and the unit words of each language.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from wizard.render.formatting import (
    babel_locale,
    format_duration,
    format_list,
    format_signed,
)
from wizard.spec.model import DURATION_UNITS

# A number as any of the four languages writes it: 1,000.5 / 1.000,5 / 1 000,5 / −3.
_NUMBER = re.compile(r"[+\-−]?\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def squash(text: str) -> str:
    """Text compared loosely: any white space (no-break too) as one space, NFC, casefolded."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()


def parse_number(text: str, lang: str) -> Decimal | None:
    """The single number in `text`, read with the language's separators."""
    found = _NUMBER.findall(text)
    if len(found) != 1:
        return None
    return _number(found[0], lang)


def _number(token: str, lang: str) -> Decimal | None:
    from babel.numbers import NumberFormatError, parse_decimal

    token = token.replace("−", "-").replace("+", "")
    token = _SPACES.sub("", token)
    try:
        return parse_decimal(token, locale=babel_locale(lang), strict=False)
    except (NumberFormatError, ValueError, InvalidOperation):
        return None


def whole_number(value: Decimal | None) -> int | None:
    if value is None or value != value.to_integral_value():
        return None
    return int(value)


def spec_duration(amount: int, unit: str) -> str:
    """A duration as the spec writes it: "1 working day", "24 hours"."""
    word = unit.replace("_", " ")
    return f"{amount} {word}" if amount == 1 else f"{amount} {word}s"


# Unit words of hand-written text, by language (stems; the longest match wins).
UNIT_WORDS: dict[str, dict[str, str]] = {
    "en": {"second": "second", "sec": "second", "minute": "minute", "min": "minute", "hour": "hour",
           "hr": "hour", "working day": "working_day", "business day": "working_day",
           "workday": "working_day", "day": "day", "week": "week", "month": "month"},
    "hr": {"sekund": "second", "minut": "minute", "sat": "hour", "radni dan": "working_day",
           "radna dana": "working_day", "radnih dana": "working_day", "radnog dana": "working_day",
           "dan": "day", "tjedan": "week", "tjedna": "week", "tjedana": "week", "mjesec": "month"},
    "zh": {"秒": "second", "分钟": "minute", "小时": "hour", "个工作日": "working_day", "工作日": "working_day",
           "天": "day", "日": "day", "周": "week", "星期": "week", "个月": "month", "月": "month"},
    "tr": {"saniye": "second", "dakika": "minute", "saat": "hour", "iş günü": "working_day",
           "işgünü": "working_day", "gün": "day", "hafta": "week", "ay": "month"},
}


def parse_duration_text(text: str, lang: str) -> str | None:
    """A spec duration ("24 hours") from a table cell or phrase, or None.

    First exactly as we render it in `lang`; then a number followed by a unit word of that
    language (one number only: "2 to 3 days" is not one duration)."""
    found = _NUMBER.findall(text)
    if len(found) != 1:
        return None
    amount = whole_number(_number(found[0], lang))
    if amount is None or amount <= 0:
        return None
    wanted = squash(text)
    for unit in DURATION_UNITS:
        candidate = spec_duration(amount, unit)
        if squash(format_duration(candidate, lang)) == wanted:
            return candidate
    after = squash(text[text.index(found[0]) + len(found[0]):])
    words = UNIT_WORDS.get(lang, {}) | (UNIT_WORDS["en"] if lang != "en" else {})
    for word in sorted(words, key=len, reverse=True):
        if after.startswith(word) or (lang == "zh" and after.lstrip().startswith(word)):
            return spec_duration(amount, words[word])
    return None


def parse_percent_text(text: str, lang: str) -> str | None:
    """A spec percent ("92.5%") from "92,5 %", "%92,5" or "92.5%"."""
    if "%" not in text and "％" not in text:
        return None
    value = parse_number(text.replace("％", "%"), lang)
    if value is None or value < 0 or value > 100:
        return None
    return f"{value.normalize():f}%"


def parse_signed_text(text: str, lang: str) -> int | None:
    """An NPS score ("+40", "−20", "0") as an integer."""
    value = whole_number(parse_number(text, lang))
    if value is None:
        return None
    if squash(format_signed(value, lang)) == squash(text) or text.strip().lstrip("+−-").isdigit():
        return value
    return None


def parse_count_text(text: str, lang: str) -> int | None:
    """A whole number such as an escalation level ("2", "2.", "Level 2", "二级")."""
    value = whole_number(parse_number(text, lang))
    if value is not None:
        return value
    return _CHINESE_DIGITS.get(text.strip().rstrip("级").lstrip("第"))


_CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def parse_date_text(text: str, lang: str) -> str | None:
    """An ISO date from the language's long date ("1. prosinca 2026.", "2026年12月1日",
    "1 Aralık 2026", "1 December 2026") or from ISO itself."""
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if iso:
        return _valid_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    years = [n for n in numbers if n >= 1000]
    if len(years) != 1:
        return None
    year = years[0]
    rest = [n for n in numbers if n != year]
    month = _month_named(text, lang)
    if month is None and len(rest) == 2:
        month, day = (rest[0], rest[1]) if lang == "zh" else (rest[1], rest[0])
    elif month is not None and len(rest) == 1:
        day = rest[0]
    else:
        return None
    return _valid_date(year, month, day)


def _valid_date(year: int, month: int, day: int) -> str | None:
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_named(text: str, lang: str) -> int | None:
    """The month a date names with a word, in any form CLDR gives for `lang` (and English)."""
    folded = squash(text)
    best: tuple[int, int] | None = None
    for code in dict.fromkeys((lang, "en")):
        for name, month in _month_names(code).items():
            if name in folded and (best is None or len(name) > best[0]):
                best = (len(name), month)
    return best[1] if best else None


def _month_names(lang: str) -> dict[str, int]:
    from babel import Locale

    locale = Locale.parse(babel_locale(lang))
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for month, name in locale.months[context][width].items():
                key = squash(name).rstrip(".")
                if len(key) >= 3 and not any(char.isdigit() for char in key):
                    names[key] = month
    return names


def split_known_list(text: str, words: dict[str, str], lang: str) -> list[str] | None:
    """The keys of a list written with `format_list` ("phone, email and live chat"), when
    every part is one of `words` (shown text -> key) and joining them gives `text` again."""
    wanted = squash(text)
    spans = []
    taken = [False] * len(wanted)
    for word in sorted(words, key=len, reverse=True):
        needle = squash(word)
        start = 0
        while needle and (start := wanted.find(needle, start)) >= 0:
            end = start + len(needle)
            if not any(taken[start:end]):
                spans.append((start, word))
                for i in range(start, end):
                    taken[i] = True
            start = end
    if not spans:
        return None
    shown = [word for _start, word in sorted(spans)]
    if squash(format_list(shown, lang)) != wanted:
        return None
    return [words[word] for word in shown]
