"""Findings speak the user's language: the UI language, not the document's."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from tests.check.support import findings, spec
from wizard.i18n import set_ui_language
from wizard.resources import resource_dir

DATA = spec(
    mission="We answer quickly. [Company] is here.",
    review_every_months=24,
    standards={
        "service_levels": [{"channel": "phone", "first_response": "2 hours", "resolution": "1 hour"}],
        "metrics": [{"metric": "csat", "target": "100%"}],
    },
)


def _by_code(found):
    return {finding.code: finding for finding in found}


def test_croatian_ui():
    set_ui_language("hr")
    found = _by_code(findings(DATA))
    assert found["vague-time"].message == "„quickly” obećava brzinu, ali ne kaže koliko brzo."
    assert found["vague-time"].hint == "Navedite rok brojem koji možete mjeriti i poštovati, npr. „within 24 hours”."
    assert found["placeholder"].message == "Nepopunjeno mjesto za unos: „[Company]”."
    assert found["long-review-cycle"].message == "Politika se preispituje tek svake dvije godine."
    assert found["resolution-before-response"].message == (
        "Vrijeme rješavanja za kanal „telefon” (1 sat) kraće je od vremena prvog odgovora (2 sata)."
    )
    assert found["impossible-target"].hint.endswith("npr. 90\u00a0%.")
    assert found["missing-owner"].message == "Nije naveden nositelj ove politike."


def test_chinese_ui():
    set_ui_language("zh")
    found = _by_code(findings(DATA, langs=["tr"]))
    assert found["vague-time"].message == "“quickly”承诺了速度，却没有说明具体多快。"
    assert found["resolution-before-response"].message == "“电话”的解决时限（1小时）短于其首次响应时限（2小时）。"
    assert found["untranslated"].message == "“We answer quickly. [Company] is here.”缺少土耳其语译文。"
    assert found["impossible-target"].message == "“满意度（CSAT）”的目标为100%：一次失误就无法达成。"


def test_turkish_ui():
    set_ui_language("tr")
    found = _by_code(findings(DATA, langs=["hr"]))
    assert found["untranslated"].message.startswith("Hırvatça çevirisi yok:")
    assert found["impossible-target"].message == "“müşteri memnuniyeti (CSAT)” hedefi %100: tek bir aksaklık bile bu hedefin tutturulmasını engeller."
    assert found["long-review-cycle"].message == "Politika yalnızca iki yılda bir gözden geçiriliyor."


@pytest.mark.parametrize("ui", ["hr", "zh", "tr"])
def test_every_finding_is_translated(ui):
    """No English leaks into a translated UI: every message and hint differs from the English one."""
    data = {
        **DATA,
        "escalation": [{"level": 2, "role": "x", "within": "2 hours"}, {"level": 1, "role": "y", "within": "1 hour"}],
        "procedures": [{"kind": "refunds", "acknowledge_within": "2 days", "resolve_within": "1 day"}],
    }
    english = findings(data, langs=["hr", "zh", "tr"])
    set_ui_language(ui)
    translated = findings(data, langs=["hr", "zh", "tr"])
    assert [finding.code for finding in translated] == [finding.code for finding in english]
    for before, after in zip(english, translated):
        assert after.message != before.message, after.code
        assert after.hint != before.hint, after.code


@pytest.mark.parametrize("lang", ["hr", "zh", "tr"])
def test_the_check_catalog_is_complete(lang):
    path = resource_dir("locales") / lang / "LC_MESSAGES" / "check.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    placeholder = re.compile(r"%\(\w+\)s")
    for message in catalog:
        if not message.id:
            continue
        assert "fuzzy" not in message.flags, message.id
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), message.id
        for string in strings:
            assert sorted(placeholder.findall(string)) == sorted(placeholder.findall(ids[-1])), message.id
        if lang == "zh":
            for string in strings:
                assert not re.search(r"[\u4e00-\u9fff][,:;]|[,:;][\u4e00-\u9fff]", string), string
