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


def charter_title(title: str, lang: str) -> str:
    charter = render(dict(SPEC, language=lang, title=title), lang, "md", audience="public")
    return charter.splitlines()[0].removeprefix("# ")


def test_a_charter_made_from_a_policy_title_is_called_a_charter_in_every_language():
    assert charter_title("Politika korisničke podrške", "hr") == "Povelja korisničke podrške"
    assert charter_title("Müşteri Destek Politikası", "tr") == "Müşteri Destek Sözümüz"
    assert charter_title("Müşteri hizmetleri politikası", "tr") == "Müşteri hizmetleri sözümüz"
    assert charter_title("莲花茶馆服务规范", "zh") == "莲花茶馆服务承诺书"
    assert charter_title("Customer Support Policy", "en") == "Customer Support Charter"


def test_a_title_without_the_policy_noun_in_its_plain_form_stays_as_the_author_wrote_it():
    """Another case of the noun (tr "Politikasının", hr "politikama") would not survive a swap."""
    for title, lang in (("Naše obećanje", "hr"), ("Pravila o politikama", "hr"),
                        ("Politikasının Esasları", "tr"), ("Hizmet Sözümüz", "tr")):
        assert charter_title(title, lang) == title
