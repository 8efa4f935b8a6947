"""Rules that read the author's text, in each of the four languages."""

from __future__ import annotations

import pytest

from tests.check.support import findings, spec
from wizard.check import language


def _messages(lang: str, text: str, code: str, field: str = "vision") -> list[str]:
    return [finding.message for finding in findings(spec(lang, **{field: text}), code)]


# --- vague time promises -----------------------------------------------------------------

VAGUE = [
    ("en", "We answer every e-mail quickly.", "quickly"),
    ("en", "Complaints are handled promptly.", "promptly"),
    ("en", "We reply as soon as possible.", "as soon as possible"),
    ("en", "We will get back to you ASAP.", "ASAP"),
    ("en", "A manager will call you soon.", "soon"),
    ("en", "Refunds are issued in a timely manner.", "in a timely manner"),
    ("en", "Problems are fixed as quickly as we can.", "as quickly as we can"),
    ("en", "We will call you at your earliest convenience.", "at your earliest convenience"),
    ("hr", "Na upite odgovaramo brzo.", "brzo"),
    ("hr", "Pružamo brzu i ljubaznu uslugu.", "brzu"),
    ("hr", "Prigovor rješavamo ŠTO PRIJE.", "ŠTO PRIJE"),
    ("hr", "Javit ćemo vam se u najkraćem mogućem roku.", "u najkraćem mogućem roku"),
    ("hr", "Javit ćemo vam se u najkraćem roku.", "u najkraćem roku"),
    ("hr", "Voditelj odmah preuzima slučaj.", "odmah"),
    ("hr", "Odgovaramo sto prije.", "sto prije"),  # typed without Croatian letters
    ("hr", "Javit ćemo se u najskorije vrijeme.", "u najskorije vrijeme"),
    ("tr", "Taleplere hızlı yanıt veririz.", "hızlı"),
    ("tr", "Sorunları hızlıca çözeriz.", "hızlıca"),
    ("tr", "En kısa sürede dönüş yapılır.", "En kısa sürede"),
    ("tr", "EN KISA SÜREDE DÖNÜŞ YAPILIR.", "EN KISA SÜREDE"),
    ("tr", "Şikâyetler HIZLI çözülür.", "HIZLI"),
    ("tr", "Müşteri hemen aranır.", "hemen"),
    ("tr", "Talep derhal işleme alınır.", "derhal"),
    ("tr", "Size en erken fırsatta dönülür.", "en erken fırsatta"),
    ("zh", "我们会尽快回复。", "尽快"),
    ("zh", "投诉会得到及时处理。", "及时"),
    ("zh", "我们迅速响应客户需求。", "迅速"),
    ("zh", "客服会马上联系您。", "马上"),
    ("zh", "问题将立即上报主管。", "立即"),
]


@pytest.mark.parametrize(("lang", "text", "phrase"), VAGUE)
def test_vague_time_is_flagged_and_quoted(lang, text, phrase):
    found = findings(spec(lang, vision=text), "vague-time")
    assert len(found) == 1
    assert found[0].message == f"“{phrase}” promises speed without saying how fast."
    assert found[0].severity == "warning"
    assert found[0].path == ("vision",)


PRECISE = [
    ("en", "We answer every e-mail within 24 hours."),
    ("en", "As soon as a complaint arrives, the representative logs it."),  # a conjunction, not a promise
    ("en", "We reply within 2 hours, as soon as possible."),  # a number in the same sentence
    ("en", "We reply promptly and always by the end of the next working day."),
    ("hr", "Na e-poštu odgovaramo u roku od 24 sata."),
    ("hr", "Brzina odgovora mjeri se svaki tjedan."),  # "speed" as a noun is not a promise
    ("hr", "Odgovaramo što prije, a najkasnije u roku od 2 radna dana."),
    ("tr", "E-postalara 24 saat içinde yanıt veririz."),
    ("tr", "Mağazamız hemen hemen her gün açıktır."),  # "hemen hemen" means "almost"
    ("tr", "Şikâyetlere en kısa sürede, en geç 2 iş günü içinde yanıt verilir."),
    ("zh", "我们会在24小时内回复电子邮件。"),
    ("zh", "以及时间安排。"),  # 以及 + 时间, not 及时
    ("zh", "您可以通过即时通讯应用联系我们。"),  # 即时通讯 is "instant messaging"
    ("zh", "我们会在两个工作日内尽快答复。"),
]


@pytest.mark.parametrize(("lang", "text"), PRECISE)
def test_precise_times_and_look_alikes_are_not_flagged(lang, text):
    assert _messages(lang, text, "vague-time") == []


@pytest.mark.parametrize(
    ("lang", "example"),
    [("en", "within 24 hours"), ("hr", "u roku od 24 sata"), ("tr", "24 saat içinde"), ("zh", "24小时内")],
)
def test_vague_time_hint_suggests_a_concrete_time_in_the_texts_language(lang, example):
    texts = {"en": "We reply soon.", "hr": "Odgovaramo brzo.", "tr": "Hızlı yanıt veririz.", "zh": "我们尽快回复。"}
    (found,) = findings(spec(lang, vision=texts[lang]), "vague-time")
    assert found.hint == f"Say how fast with a number you can measure and keep, for example “{example}”."


def test_vague_time_hint_reuses_the_policys_own_service_level():
    data = spec(
        standards={
            "always": ["answer e-mails quickly"],
            "service_levels": [{"channel": "email", "first_response": "4 hours"}],
        }
    )
    (found,) = findings(data, "vague-time")
    assert found.path == ("standards", "always", 0)
    assert found.hint == "Use the time this policy already sets, for example “within 4 hours”."


def test_vague_time_hint_in_croatian_uses_the_genitive_after_u_roku_od():
    data = spec(
        "hr",
        standards={
            "always": ["brzo odgovoriti na svaki prigovor"],
        },
        procedures=[{"kind": "complaints", "acknowledge_within": "1 working day"}],
    )
    (found,) = findings(data, "vague-time")
    assert "„u roku od 1 radnog dana”" not in found.hint  # the hint is in the UI language (English here)
    assert "“u roku od 1 radnog dana”" in found.hint


def test_immediately_suggests_a_short_time_not_the_procedures_deadline():
    data = spec(procedures=[{"kind": "complaints", "steps": ["Pass the form to the manager immediately."],
                             "acknowledge_within": "2 working days"}])
    (found,) = findings(data, "vague-time")
    assert found.path == ("procedures", 0, "steps", 0)
    assert "“within 1 hour”" in found.hint


def test_a_translation_is_read_with_its_own_vocabulary():
    data = spec(mission={"en": "We reply within one day.", "hr": "Odgovaramo brzo.", "tr": "Hemen yanıt veririz."})
    found = findings(data, "vague-time")
    assert [(finding.path, finding.message) for finding in found] == [
        (("mission", "hr"), "“brzo” promises speed without saying how fast."),
        (("mission", "tr"), "“Hemen” promises speed without saying how fast."),
    ]


def test_each_vague_phrase_is_reported_once_per_text():
    assert len(findings(spec(vision="Quickly. Quickly. Soon."), "vague-time")) == 2


# --- placeholders -----------------------------------------------------------------------------

PLACEHOLDERS = [
    ("en", "All calls are answered within [X] rings.", "[X]"),
    ("en", "[Company] cares about its customers.", "[Company]"),
    ("en", "Our vision is to [insert company vision here].", "[insert company vision here]"),
    ("en", "E-mails are answered within [time] hours.", "[time]"),
    ("en", "Escalation contact: TBD", "TBD"),
    ("en", "TODO: write the vision", "TODO"),
    ("en", "We are open ...", "..."),
    ("en", "Call xxx for help.", "xxx"),
    ("en", "We answer within X hours.", "X"),
    ("en", "This policy applies from YYYY-MM-DD.", "YYYY-MM-DD"),
    ("hr", "Politika vrijedi od DD.MM.YYYY.", "DD.MM.YYYY."),
    ("hr", "[Tvrtka] brine o svojim korisnicima.", "[Tvrtka]"),
    ("hr", "Odgovaramo u roku od [X] sati.", "[X]"),
    ("hr", "Voditelj: N. N.", "N. N."),
    ("tr", "[Şirket] müşterilerine değer verir.", "[Şirket]"),
    ("tr", "Destek hattı: belirlenecek", "belirlenecek"),
    ("zh", "[公司名称]重视每一位客户。", "[公司名称]"),
    ("zh", "【公司名称】重视每一位客户。", "【公司名称】"),
    ("zh", "投诉电话：待定", "待定"),
    ("zh", "我们会在XX小时内回复。", "XX"),
]


@pytest.mark.parametrize(("lang", "text", "token"), PLACEHOLDERS)
def test_placeholders_are_errors(lang, text, token):
    found = findings(spec(lang, vision=text), "placeholder")
    assert [finding.message for finding in found] == [f"Unfilled placeholder “{token}”."]
    assert found[0].severity == "error"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "See our terms [1] for details."),
        ("en", "Follow X on social media for news."),
        ("en", "Write to <support@example.com>."),
        ("en", "A template like {{ 7*7 }} is shown as typed."),
        ("en", "We stock XXL sizes."),
        ("hr", "Tvrtka Kava i knjiga d.o.o. brine o korisnicima."),
        ("tr", "Şirketimiz müşterilerine değer verir."),
        ("zh", "我们公司重视每一位客户。"),
    ],
)
def test_real_text_is_not_a_placeholder(lang, text):
    assert _messages(lang, text, "placeholder") == []


def test_placeholders_in_company_contact_and_revision_author_are_found():
    data = spec(company="[Company Name]", contact="[email address]",
                revisions=[{"date": "2026-11-01", "author": "[Name]", "note": "First version."}])
    assert [finding.path for finding in findings(data, "placeholder")] == [
        ("company",), ("contact",), ("revisions", 0, "author"),
    ]


# --- absolute promises --------------------------------------------------------------------------

ABSOLUTE = [
    ("en", "We guarantee that every customer is satisfied.", "guarantee"),
    ("en", "We always deliver 100% satisfaction.", "100%"),
    ("en", "Our team is always 100% available.", "always 100%"),
    ("en", "We never fail our customers.", "never fail"),
    ("hr", "Zajamčeno zadovoljstvo svakog korisnika.", "Zajamčeno"),
    ("hr", "Jamčimo rješenje svakog problema.", "Jamčimo"),
    ("hr", "Nikada ne griješimo.", "Nikada ne griješimo"),
    ("tr", "Memnuniyetinizi garanti ediyoruz.", "garanti ediyoruz"),
    ("tr", "%100 müşteri memnuniyeti sağlarız.", "%100"),
    ("tr", "Asla hata yapmayız.", "Asla hata yapmayız"),
    ("zh", "我们保证每位客户都满意。", "保证"),
    ("zh", "百分之百解决问题。", "百分之百"),
    ("zh", "服务万无一失。", "万无一失"),
]


@pytest.mark.parametrize(("lang", "text", "phrase"), ABSOLUTE)
def test_absolute_promises_are_flagged(lang, text, phrase):
    found = findings(spec(lang, vision=text), "absolute-promise")
    assert [finding.message for finding in found] == [
        f"“{phrase}” is an absolute promise that nobody can always keep."
    ]
    assert found[0].severity == "warning"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Every product comes with a 30-day money-back guarantee."),
        ("en", "We give a 100% refund within 14 days."),
        ("en", "We will never keep customers waiting without an update."),
        ("hr", "Proizvodi imaju jamstvo od dvije godine."),
        ("hr", "Povrat 100 % iznosa u roku od 14 dana."),
        ("tr", "Garanti süresi iki yıldır."),
        ("tr", "Konusu ne olursa olsun her talep kaydedilir."),
        ("zh", "押金即保证金，退货时退还。"),
        ("zh", "我们确保服务质量。"),
    ],
)
def test_refunds_warranties_and_ordinary_commitments_are_not_absolute(lang, text):
    assert _messages(lang, text, "absolute-promise") == []


# --- jargon -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "text", "acronym"),
    [
        ("en", "Our SLA is reviewed every month.", "SLA"),
        ("en", "We report CSAT weekly.", "CSAT"),
        ("hr", "Pratimo KPI-jeve svaki tjedan.", "KPI"),
        ("tr", "FCR oranını her ay ölçeriz.", "FCR"),
        ("tr", "SLA'ya her zaman uyarız.", "SLA"),
        ("zh", "我们每月统计NPS。", "NPS"),
    ],
)
def test_unexplained_acronyms_are_flagged(lang, text, acronym):
    found = findings(spec(lang, vision=text), "undefined-acronym")
    assert [finding.message for finding in found] == [f"“{acronym}” is not explained anywhere in the policy."]
    assert acronym in found[0].hint


@pytest.mark.parametrize(
    ("lang", "definitions", "text"),
    [
        ("en", [{"term": "SLA", "meaning": "Service level agreement."}], "Our SLA is reviewed monthly."),
        ("en", [{"term": "Service level agreement (SLA)", "meaning": "Our promise."}], "Our SLAs are reviewed."),
        ("en", [], "Our service level agreement (SLA) is reviewed. The SLA is public."),
        ("hr", [{"term": {"hr": "Pokazatelj uspješnosti (KPI)", "en": "KPI"}, "meaning": "Mjera."}], "Pratimo KPI."),
        ("tr", [{"term": "İlk temasta çözüm (FCR)", "meaning": "Oran."}], "FCR oranını ölçeriz."),
        ("zh", [], "我们统计净推荐值（NPS）。NPS每月公布。"),
        ("en", [], "We are open 9 AM to 5 PM CET and do NOT accept abuse."),
    ],
)
def test_explained_or_common_capitals_are_not_jargon(lang, definitions, text):
    data = spec(lang, definitions=definitions, vision=text) if definitions else spec(lang, vision=text)
    assert [finding.message for finding in findings(data, "undefined-acronym")] == []


def test_the_company_name_is_not_jargon():
    assert findings(spec(company="NWG Ltd.", vision="NWG answers every call."), "undefined-acronym") == []


def test_each_acronym_is_reported_once_where_it_first_appears():
    data = spec(mission="Our SLA matters.", vision="The SLA is public.")
    (found,) = findings(data, "undefined-acronym")
    assert found.path == ("mission",)


# --- length -------------------------------------------------------------------------------------

LONG_MISSIONS = {
    "en": "We sell books. We sell coffee. We love readers. We answer every question. We open early.",
    "hr": "Prodajemo knjige. Kuhamo kavu. Volimo čitatelje. Odgovaramo na svako pitanje.",
    "tr": "Kitap satıyoruz. Kahve yapıyoruz. Okurları seviyoruz. Her soruyu yanıtlıyoruz.",
    "zh": "我们销售图书。我们提供咖啡。我们热爱读者！我们回答每一个问题？",
}
SHORT_MISSIONS = {
    "en": "Northwind Goods Ltd. sells household goods, e.g. lamps. We help every customer choose well.",
    "hr": "Kava i knjiga d.o.o. prodaje knjige i kavu. Svakom gostu pružamo toplu dobrodošlicu.",
    "tr": "Kitap ve kahve satıyoruz. Her misafiri sıcak karşılıyoruz.",
    "zh": "我们销售图书和咖啡。我们热情接待每一位客人。",
}


@pytest.mark.parametrize("lang", LONG_MISSIONS)
def test_a_mission_of_more_than_three_sentences_is_long(lang):
    found = findings(spec(lang, mission=LONG_MISSIONS[lang]), "long-mission")
    assert len(found) == 1
    assert found[0].message in ("The mission has 4 sentences.", "The mission has 5 sentences.")


@pytest.mark.parametrize("lang", SHORT_MISSIONS)
def test_a_short_mission_is_fine(lang):
    assert findings(spec(lang, mission=SHORT_MISSIONS[lang]), "long-mission") == []


@pytest.mark.parametrize(
    ("text", "count"),
    [("One. Two! Three? Four.", 4), ("我们销售图书。我们提供咖啡！", 2), ("Kava i knjiga d.o.o. pruža uslugu.", 1),
     ("Line one\nLine two", 2), ("", 0)],
)
def test_sentences_split_western_and_chinese_punctuation(text, count):
    assert len(language.sentences(text)) == count


def _long_spec(lang: str, words: int) -> dict:
    if lang == "zh":
        body = "我们认真对待每一位客户的问题。" * (words // 7)
    else:
        body = " ".join(["word"] * words)
    return spec(lang, sections=[{"title": "More", "body": body}])


@pytest.mark.parametrize("lang", ["en", "hr", "tr", "zh"])
def test_a_document_beyond_about_two_pages_is_long(lang):
    found = findings(_long_spec(lang, 1400), "long-document")
    assert len(found) == 1 and found[0].path == ()
    unit = "characters" if lang == "zh" else "words"
    assert unit in found[0].message


@pytest.mark.parametrize("lang", ["en", "hr", "tr", "zh"])
def test_a_document_of_one_page_is_not_long(lang):
    assert findings(_long_spec(lang, 500), "long-document") == []


def test_translations_do_not_count_towards_the_length():
    body = {"en": " ".join(["word"] * 600), "hr": " ".join(["riječ"] * 600)}
    assert findings(spec(sections=[{"title": "More", "body": body}]), "long-document") == []


def test_folding_keeps_the_length_and_handles_turkish_casing():
    assert language.fold("İSTANBUL HIZLI", "tr") == "istanbul hizli"
    assert language.fold("İstanbul", "en") == "istanbul"
    assert language.fold("ŠTO PRIJE", "hr") == "sto prije"
    for text in ("İİİ", "ǅ", "ẞ", "ﬁ"):
        for lang in ("en", "hr", "tr", "zh"):
            assert len(language.fold(text, lang)) == len(text)


def test_vocabularies_are_written_folded():
    import re

    for table in (language.VAGUE_TIME, language.ABSOLUTE):
        for lang, patterns in table.items():
            for pattern in patterns:
                assert not re.search(r"\\[WSDB]", pattern), pattern
                if lang in ("hr", "tr"):
                    assert not set("čćšžđşğçöüıİ") & set(pattern), pattern


def test_revision_notes_and_defined_terms_promise_nothing():
    data = spec(
        definitions=[{"term": "Prompt reply", "meaning": "A reply within 1 hour."}],
        revisions=[{"date": "2026-11-01", "author": "Ana", "note": "Quick fix: we guarantee nothing new."}],
    )
    assert findings(data, "vague-time") == [] and findings(data, "absolute-promise") == []


def test_well_known_abbreviations_are_not_jargon():
    assert findings(spec(vision="We ship with DHL and print a QR code for VIP customers."), "undefined-acronym") == []


@pytest.mark.parametrize(("lang", "text"), [("tr", "Her talebi HIZLI çözeriz."), ("en", "Reply ASAP."), ("hr", "Odgovaramo ODMAH.")])
def test_a_vague_word_in_capitals_is_not_also_an_abbreviation(lang, text):
    assert findings(spec(lang, vision=text), "undefined-acronym") == []
    assert len(findings(spec(lang, vision=text), "vague-time")) == 1


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["en", "hr", "tr", "zh"]))
def test_reading_any_text_keeps_offsets_and_never_fails(text, lang):
    assert len(language.fold(text, lang)) == len(text)
    for start, end in language.sentence_spans(text):
        assert 0 <= start < end <= len(text)
    for token, offset in language.placeholders(text) + language.acronyms(text):
        assert text[offset:offset + len(token)] == token
    findings(spec(lang, mission=text), langs=["en", "hr", "tr", "zh"])


@pytest.mark.parametrize(
    ("lang", "text"),
    [("en", "Staff use the quick reference guide."), ("hr", "Djelatnici koriste brzi vodič."),
     ("tr", "Çalışanlar hızlı başlangıç kılavuzunu kullanır."), ("zh", "员工使用快速入门指南。")],
)
def test_a_quick_reference_guide_is_not_a_time_promise(lang, text):
    assert findings(spec(lang, training={"resources": [text]}), "vague-time") == []
