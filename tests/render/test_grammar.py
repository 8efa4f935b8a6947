"""Quantities, percentages, dates and lists read correctly in each language."""

from __future__ import annotations

import re

import pytest

from wizard.render import build_document, render
from wizard.render.formatting import (
    cell_len,
    format_date,
    format_duration,
    format_list,
    format_percent,
    format_signed,
)
from wizard.spec.model import CHANNELS, DURATION_UNITS, METRICS, PROCEDURE_KINDS, TRAINING_METHODS

from .conftest import LANGS

NBSP = "\u00a0"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("1 hour", "1 sat"),
        ("2 hours", "2 sata"),
        ("5 hours", "5 sati"),
        ("21 hours", "21 sat"),
        ("24 hours", "24 sata"),
        ("1 minute", "1 minuta"),
        ("21 minutes", "21 minuta"),
        ("3 minutes", "3 minute"),
        ("1 working day", "1 radni dan"),
        ("2 working days", "2 radna dana"),
        ("5 working days", "5 radnih dana"),
        ("21 working days", "21 radni dan"),
        ("22 working days", "22 radna dana"),
        ("11 working days", "11 radnih dana"),
        ("12 months", "12 mjeseci"),
        ("2 weeks", "2 tjedna"),
    ],
)
def test_croatian_count_forms(value, expected):
    assert format_duration(value, "hr") == expected.replace(" ", "\u00a0")  # no break inside


@pytest.mark.parametrize(
    "value, expected",
    [
        ("1 working day", "u roku od 1 radnog dana"),
        ("2 working days", "u roku od 2 radna dana"),
        ("5 working days", "u roku od 5 radnih dana"),
        ("21 working days", "u roku od 21 radnog dana"),
        ("1 hour", "u roku od 1 sata"),
        ("5 hours", "u roku od 5 sati"),
        ("21 minutes", "u roku od 21 minute"),
        ("2 minutes", "u roku od 2 minute"),
        ("1 month", "u roku od 1 mjeseca"),
        ("1 week", "u roku od 1 tjedna"),
        ("30 seconds", "u roku od 30 sekundi"),
    ],
)
def test_croatian_sentences_use_the_genitive(value, expected):
    data = {"schema_version": 1, "language": "en", "procedures": [{"kind": "complaints", "acknowledge_within": value, "resolve_within": value}]}
    text = render(data, "hr", "txt")
    flat = " ".join(text.split())
    assert f"Primitak svakog prigovora potvrđujemo {expected}, a prigovor rješavamo {expected}." in flat


def test_sentences_in_every_language():
    data = {"schema_version": 1, "language": "en", "procedures": [{"kind": "complaints", "acknowledge_within": "2 working days"}]}
    assert "We acknowledge every complaint within 2\u00a0working\u00a0days." in render(data, "en", "md")
    assert "Her şikâyetin alındığını 2\u00a0iş\u00a0günü içinde teyit ederiz." in render(data, "tr", "md")
    assert "所有投诉须在2个工作日内受理。" in render(data, "zh", "md")
    data["procedures"][0]["acknowledge_within"] = "1 working day"
    assert "We acknowledge every complaint within 1\u00a0working\u00a0day." in render(data, "en", "md")


@pytest.mark.parametrize(
    "months, hr, tr, zh, en",
    [
        (1, "svaki mjesec", "her ay", "每月", "every month"),
        (2, "svaka 2 mjeseca", "2 ayda bir", "每2个月", "every 2 months"),
        (6, "svakih 6 mjeseci", "6 ayda bir", "每6个月", "every 6 months"),
        (11, "svakih 11 mjeseci", "11 ayda bir", "每11个月", "every 11 months"),
        (12, "jednom godišnje", "yılda bir", "每年", "every year"),
        (21, "svaki 21 mjesec", "21 ayda bir", "每21个月", "every 21 months"),
        (24, "svake dvije godine", "iki yılda bir", "每两年", "every two years"),
        (36, "svakih 36 mjeseci", "36 ayda bir", "每36个月", "every 36 months"),
    ],
)
def test_every_n_months_agrees_with_n(months, hr, tr, zh, en):
    data = {"schema_version": 1, "language": "en", "review_every_months": months, "training": {"refresher_every_months": months}}
    for lang, phrase in (("hr", hr), ("tr", tr), ("zh", zh), ("en", en)):
        text = " ".join(render(data, lang, "txt").split())
        assert text.count(phrase) == 2, (lang, phrase, text)


@pytest.mark.parametrize(
    "lang, review, refresher",
    [
        ("en", "This policy is reviewed every year.", "Everyone takes refresher training every two years."),
        ("hr", "Ova se politika preispituje jednom godišnje.",
         "Svi zaposlenici prolaze obnovno osposobljavanje svake dvije godine."),
        ("zh", "本规范每年评审一次。", "全体员工每两年参加一次复训。"),
        ("tr", "Bu politika yılda bir gözden geçirilir.", "Tüm çalışanlar iki yılda bir tazeleme eğitimine katılır."),
    ],
)
def test_a_cycle_of_whole_years_is_said_in_years(lang, review, refresher):
    """A writer says "every year", never "every 12 months"."""
    data = {"schema_version": 1, "language": lang, "review_every_months": 12, "training": {"refresher_every_months": 24}}
    text = " ".join(render(data, lang, "txt").split())
    assert review in text and refresher in text, text


def test_percentages():
    assert format_percent("92.5%", "hr") == f"92,5{NBSP}%"
    assert format_percent("92.5%", "tr") == "%92,5"
    assert format_percent("92.5%", "zh") == "92.5%"
    assert format_percent("92.5%", "en") == "92.5%"
    assert format_percent("90%", "hr") == f"90{NBSP}%"
    assert format_percent("100%", "tr") == "%100"
    data = {"schema_version": 1, "language": "en", "standards": {"metrics": [{"metric": "csat", "target": "92.5%"}]}}
    assert f"92,5{NBSP}%" in render(data, "hr", "md")
    assert "%92,5" in render(data, "tr", "md")


def test_nps_is_a_signed_integer():
    assert format_signed(40, "en") == "+40"
    assert format_signed(0, "hr") == "0"
    assert format_signed(-20, "en") == "-20"
    data = {"schema_version": 1, "language": "en", "standards": {"metrics": [{"metric": "nps", "target": 35}]}}
    assert "+35" in render(data, "tr", "txt")


def test_long_dates_have_one_final_dot_in_croatian():
    assert format_date("2026-12-01", "hr") == "1.\u00a0prosinca 2026."
    assert format_date("2026-12-01", "tr") == "1\u00a0Aralık 2026"
    assert format_date("2026-12-01", "zh") == "2026年12月1日"
    assert format_date("2026-12-01", "en") == "1\u00a0December 2026"
    data = {"schema_version": 1, "language": "hr", "effective_date": "2026-12-01", "revisions": [{"date": "2026-12-01", "author": "A", "note": "x"}]}
    for fmt in ("md", "txt", "html"):
        assert ".." not in render(data, "hr", fmt).replace("...", "")


def test_lists():
    assert format_list(["a", "b", "c"], "hr") == "a, b i c"
    assert format_list(["a", "b", "c"], "tr") == "a, b ve c"
    assert format_list(["a", "b", "c"], "zh") == "a、b和c"
    assert format_list(["a", "b", "c"], "en") == "a, b and c"
    assert format_list(["a"], "zh") == "a"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("unit", DURATION_UNITS)
def test_no_duration_placeholder_ever(lang, unit):
    spelled = unit.replace("_", " ")
    for amount in (1, 2, 5, 11, 21, 24, 100):
        value = f"{amount} {spelled}{'s' if amount != 1 else ''}"
        text = format_duration(value, lang)
        assert "duration-" not in text and str(amount) in text
        data = {
            "schema_version": 1,
            "language": "en",
            "standards": {"service_levels": [{"channel": "phone", "first_response": value, "resolution": value}],
                          "metrics": [{"metric": "resolution_time", "target": value}]},
            "procedures": [{"kind": "refunds", "acknowledge_within": value, "resolve_within": value}],
            "escalation": [{"level": 1, "role": "x", "when": "y", "within": value}],
        }
        for fmt in ("md", "txt"):
            assert "duration-" not in render(data, lang, fmt)


def test_chinese_has_no_space_between_number_and_unit():
    for value, expected in (("24 hours", "24小时"), ("3 minutes", "3分钟"), ("2 working days", "2个工作日"), ("1 month", "1个月"), ("30 seconds", "30秒")):
        assert format_duration(value, "zh") == expected


def _everything() -> dict:
    """A spec using every enumerated value, with all author text in the target language."""
    return {
        "schema_version": 1,
        "language": "en",
        "purpose": {"channels": list(CHANNELS)},
        "standards": {
            "always": ["x"],
            "never": ["y"],
            "service_levels": [{"channel": c, "first_response": "1 hour"} for c in CHANNELS if c != "other"],
            "metrics": [{"metric": m, "target": "1 hour" if "time" in m else (10 if m == "nps" else "90%")} for m in METRICS if m != "other"],
            "support_hours": "z",
        },
        "procedures": [{"kind": k, "steps": ["s"], "acknowledge_within": "1 day", "resolve_within": "2 weeks"} for k in PROCEDURE_KINDS if k != "other"],
        "escalation": [{"level": 1, "role": "r", "when": "w", "within": "1 hour"}],
        "training": {"onboarding": "o", "methods": list(TRAINING_METHODS), "refresher_every_months": 3, "resources": ["r"]},
        "enforcement": {"accountable": "a", "monitoring": "m", "consequences": "c", "feedback": "f"},
        "review_every_months": 12,
        "sections": [{"title": "t", "body": "b"}],
        "contact": "c",
        "revisions": [{"date": "2026-01-01", "author": "a", "note": "n"}],
    }


# English words of our own that may never appear in a non-English document.
ENGLISH_WORDS = re.compile(
    r"\b(Phone|Email|Live chat|Social media|In person|Messaging|Channel|Customer|Policy|Service|"
    r"First response|Resolution|Support hours|Metric|Target|Level|Role|When|Time limit|Handling|"
    r"Refunds|Closing|Procedures|Escalation|Training|Onboarding|Resources|Enforcement|Review|"
    r"Contact|Revision|Date|Author|Change|Version|Company|Owner|We|every|within|working|day|days|"
    r"hour|hours|minute|minutes|month|months|week|weeks|second|seconds|role-play|shadowing|"
    r"e-learning|workshops|mentoring|knowledge|and|or|the)\b"
)


@pytest.mark.parametrize("lang", ["hr", "zh", "tr"])
@pytest.mark.parametrize("audience", ["internal", "public"])
def test_no_english_leaks_into_other_languages(lang, audience):
    document = build_document(_everything(), lang, audience)
    words = []
    for section in document.sections:
        words.append(section.heading)
        for block in section.blocks:
            for name in ("text", "intro", "caption"):
                words.append(getattr(block, name, ""))
            words.extend(getattr(block, "paragraphs", ()))
            words.extend(getattr(block, "header", ()))
            for row in getattr(block, "rows", ()):
                words.extend(row)
            for label, value in getattr(block, "items", ()) if block.kind in ("fields", "definitions") else ():
                words.extend((label, value))
    own = {"x", "y", "z", "s", "r", "w", "o", "a", "m", "c", "f", "t", "b", "n"}
    leaked = [w for w in words if w and w not in own and ENGLISH_WORDS.search(w.replace("Net Promoter Score", ""))]
    assert not leaked


def test_chinese_uses_full_width_punctuation():
    text = render(_everything(), "zh", "txt")
    assert "：" in text and "。" in text and "、" in text
    for line in text.splitlines():
        assert not re.search(r"[\u4e00-\u9fff][:,;.]", line), line
        assert not re.search(r"\d [\u4e00-\u9fff]", line), line


@pytest.mark.parametrize("lang", LANGS)
def test_plain_text_fits_78_cells(lang, full):
    for line in render(full, lang, "txt").splitlines():
        assert cell_len(line) <= 78, line


def test_cell_len_counts_wide_characters_twice():
    assert cell_len("abc") == 3
    assert cell_len("客户") == 4
    assert cell_len("客户：a") == 7
    assert cell_len("e\u0301") == 1


@pytest.mark.parametrize(
    "kind, lang, expected",
    [
        ("complaints", "en", "We acknowledge every complaint within 1 hour and resolve it within 21 hours."),
        ("inquiries", "en", "We acknowledge every inquiry within 1 hour and answer it within 21 hours."),
        ("refunds", "en", "We acknowledge every refund request within 1 hour and settle it within 21 hours."),
        ("feedback", "en", "We acknowledge all feedback within 1 hour and respond to it within 21 hours."),
        ("closing", "en", "We acknowledge every such case within 1 hour and resolve it within 21 hours."),
        ("inquiries", "hr", "Primitak svakog upita potvrđujemo u roku od 1 sata, a na upit odgovaramo u roku od 21 sata."),
        ("refunds", "hr", "a zahtjev rješavamo u roku od 21 sata."),
        ("feedback", "hr", "a odgovor šaljemo u roku od 21 sata."),
        ("refunds", "tr", "talebi 21 saat içinde sonuçlandırırız."),
        ("complaints", "zh", "所有投诉须在1小时内受理，21小时内办结。"),
        ("inquiries", "zh", "所有咨询须在1小时内受理，21小时内答复。"),
        ("feedback", "zh", "所有反馈意见须在1小时内受理，21小时内回复。"),
        ("closing", "zh", "此类事项须在1小时内受理，21小时内办结。"),
    ],
)
def test_each_procedure_kind_has_its_own_sentences(kind, lang, expected):
    data = {"schema_version": 1, "language": "en",
            "procedures": [{"kind": kind, "steps": ["x"], "acknowledge_within": "1 hour", "resolve_within": "21 hours"}]}
    assert expected in " ".join(render(data, lang, "txt").split())


def test_channels_in_scope_end_with_the_authors_own_channel_names():
    data = {"schema_version": 1, "language": "zh",
            "purpose": {"channels": ["in_person", "other", "messaging", "phone"]},
            "standards": {"service_levels": [{"channel": "other", "name": "小程序", "first_response": "1 hour"}]}}
    assert "**适用渠道**：当面服务、即时通讯应用、电话和小程序" in render(data, "zh", "md")
    del data["standards"]
    assert "phone and other channels" in render(data, "en", "md")


def test_chinese_escalation_levels_are_written_in_chinese_numerals():
    data = {"schema_version": 1, "language": "zh",
            "escalation": [{"level": 1, "role": "客服代表", "when": "所有投诉"}, {"level": 2, "role": "主管", "when": "超出权限"}]}
    rows = [line.split("|")[1].strip() for line in render(data, "zh", "md").splitlines() if "客服代表" in line or "主管" in line]
    assert rows == ["一级", "二级"]
    assert "| 2 " in render(data, "en", "md")
