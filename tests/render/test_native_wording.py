"""Sentences a native editor would write, not translate: the small things a reviewer of each
language still marked in otherwise finished documents (issue #10)."""

from __future__ import annotations

from wizard.render import render

SPEC = {
    "schema_version": 1,
    "language": "en",
    "company": "Kava d.o.o.",
    "standards": {"always": ["Smile."], "never": ["Argue."]},
}


def lines_after(text: str, line: str) -> list[str]:
    """The non-empty lines that follow `line` in a rendered document."""
    lines = [one.strip() for one in text.splitlines() if one.strip()]
    return lines[lines.index(line) + 1:]


def test_the_chinese_charter_promises_once_under_its_promise_heading():
    """"我们对您的承诺" then "我们承诺做到：" said 承诺 twice in a row; 始终做到 pairs with 坚决杜绝."""
    charter = render(SPEC, "zh", "md", audience="public")
    following = lines_after(charter, "## 我们对您的承诺")
    assert following[0] == "我们始终做到：" and "我们坚决杜绝：" in following
    assert "承诺" not in "".join(following[:4])


def test_any_other_procedure_gets_a_time_sentence_that_fits_its_title():
    """Under "Emergencies" a sentence about "every service request" (zh 所有服务请求) is odd."""
    data = dict(SPEC, procedures=[{"kind": "other", "title": {"en": "Emergencies", "hr": "Hitni slučajevi",
                                                                 "zh": "急诊处理", "tr": "Acil durumlar"},
                                   "steps": ["Call the doctor."],
                                   "acknowledge_within": "15 minutes", "resolve_within": "2 hours"}])
    expected = {
        "en": "We acknowledge every such case within 15 minutes and resolve it within 2 hours.",
        "hr": "Svaki takav slučaj preuzimamo u roku od 15 minuta, a rješavamo ga u roku od 2 sata.",
        "zh": "此类事项须在15分钟内受理，2小时内办结。",
        "tr": "Bu tür her durumu 15 dakika içinde ele alır, 2 saat içinde sonuçlandırırız.",
    }
    for lang, sentence in expected.items():
        assert sentence in " ".join(render(data, lang, "txt").split()), lang
