"""What the policy calls the people it serves (`customer_word`), and the words the document
uses for itself: the phrases a native reader sees in each of the four languages."""

from __future__ import annotations

import re

import pytest

from wizard.render import build_document, render
from wizard.spec.model import CUSTOMER_WORDS

from .conftest import LANGS

# Structure only (English author text without any noun for people): every word that names
# the people served or the document comes from the tool.
SPEC = {
    "schema_version": 1,
    "language": "en",
    "owner": "Ana Horvat",
    "contact": "help@example.com",
    "review_every_months": 12,
    "standards": {"always": ["Smile."], "metrics": [{"metric": "csat", "target": "90%"}]},
    "procedures": [
        {"kind": "complaints", "steps": ["Listen."], "acknowledge_within": "1 working day"},
        {"kind": "feedback", "steps": ["Thank them."]},
        {"kind": "closing", "steps": ["Say goodbye."]},
    ],
    "enforcement": {"accountable": "Ana Horvat", "consequences": "A talk first."},
}

# lang -> word -> (default title, public charter title, CSAT label, feedback title, closing title)
PHRASES = {
    "en": {
        "customers": ("Customer Service Policy", "Customer Service Charter", "Customer satisfaction (CSAT)",
                      "Handling customer feedback", "Closing an interaction"),
        "clients": ("Client Service Policy", "Client Service Charter", "Client satisfaction (CSAT)",
                    "Handling client feedback", "Closing an interaction"),
        "guests": ("Guest Service Policy", "Guest Service Charter", "Guest satisfaction (CSAT)",
                   "Handling guest feedback", "Seeing guests off"),
        "users": ("User Service Policy", "User Service Charter", "User satisfaction (CSAT)",
                  "Handling user feedback", "Closing an interaction"),
        "members": ("Member Service Policy", "Member Service Charter", "Member satisfaction (CSAT)",
                    "Handling member feedback", "Closing an interaction"),
        "patients": ("Patient Service Policy", "Patient Service Charter", "Patient satisfaction (CSAT)",
                     "Handling patient feedback", "Closing a patient visit"),
    },
    # Croatian: genitive plural in the CSAT label and the feedback title, instrumental singular
    # after "s" in the closing title, dative plural in the charter's title. "Customers" is either
    # kupci (a shop) or korisnici (a service): its labels are neutral.
    "hr": {
        "customers": ("Politika korisničke službe", "Povelja o usluzi", "Zadovoljstvo (CSAT)",
                      "Postupanje s povratnim informacijama", "Završetak kontakta"),
        "clients": ("Politika odnosa s klijentima", "Povelja o usluzi klijentima", "Zadovoljstvo klijenata (CSAT)",
                    "Postupanje s povratnim informacijama klijenata", "Završetak kontakta s klijentom"),
        "guests": ("Politika usluživanja gostiju", "Povelja o usluzi gostima", "Zadovoljstvo gostiju (CSAT)",
                   "Postupanje s povratnim informacijama gostiju", "Ispraćaj gostiju"),
        "users": ("Politika korisničke službe", "Povelja o usluzi korisnicima", "Zadovoljstvo korisnika (CSAT)",
                  "Postupanje s povratnim informacijama korisnika", "Završetak kontakta s korisnikom"),
        "members": ("Politika odnosa s članovima", "Povelja o usluzi članovima", "Zadovoljstvo članova (CSAT)",
                    "Postupanje s povratnim informacijama članova", "Završetak kontakta s članom"),
        "patients": ("Politika odnosa s pacijentima", "Povelja o usluzi pacijentima",
                     "Zadovoljstvo pacijenata (CSAT)", "Postupanje s povratnim informacijama pacijenata",
                     "Završetak pacijentova posjeta"),
    },
    # Turkish: the bare noun in compounds, suffixes in vowel harmony in the charter's title
    # (-lerimize after e/i/ü, -larımıza after a/ı) and the closing title (-yle / -la).
    "tr": {
        "customers": ("Müşteri Hizmetleri Politikası", "Müşterilerimize Hizmet Sözümüz", "Müşteri memnuniyeti (CSAT)",
                      "Müşteri geri bildirimlerinin ele alınması", "Müşteriyle görüşmenin sonlandırılması"),
        "clients": ("Danışan Hizmetleri Politikası", "Danışanlarımıza Hizmet Sözümüz", "Danışan memnuniyeti (CSAT)",
                    "Danışan geri bildirimlerinin ele alınması", "Danışanla görüşmenin sonlandırılması"),
        "guests": ("Misafir Hizmetleri Politikası", "Misafirlerimize Hizmet Sözümüz", "Misafir memnuniyeti (CSAT)",
                   "Misafir geri bildirimlerinin ele alınması", "Hizmetin tamamlanması"),
        "users": ("Kullanıcı Hizmetleri Politikası", "Kullanıcılarımıza Hizmet Sözümüz", "Kullanıcı memnuniyeti (CSAT)",
                  "Kullanıcı geri bildirimlerinin ele alınması", "Kullanıcıyla görüşmenin sonlandırılması"),
        "members": ("Üye Hizmetleri Politikası", "Üyelerimize Hizmet Sözümüz", "Üye memnuniyeti (CSAT)",
                    "Üye geri bildirimlerinin ele alınması", "Üyeyle görüşmenin sonlandırılması"),
        "patients": ("Hasta Hizmetleri Politikası", "Hastalarımıza Hizmet Sözümüz", "Hasta memnuniyeti (CSAT)",
                     "Hasta geri bildirimlerinin ele alınması", "Hasta görüşmesinin tamamlanması"),
    },
    # Chinese: one noun per document. "Customers" (a shop's 顾客, a call centre's 客户) has neutral labels
    # and charter title; only the default title keeps 客户服务, the name of the function.
    "zh": {
        "customers": ("客户服务规范", "服务承诺书", "满意度（CSAT）", "反馈处理流程", "服务结束流程"),
        "clients": ("客户服务规范", "客户服务承诺书", "客户满意度（CSAT）", "客户反馈处理流程", "服务结束流程"),
        "guests": ("顾客服务规范", "顾客服务承诺书", "顾客满意度（CSAT）", "顾客反馈处理流程", "送客流程"),
        "users": ("用户服务规范", "用户服务承诺书", "用户满意度（CSAT）", "用户反馈处理流程", "服务结束流程"),
        "members": ("会员服务规范", "会员服务承诺书", "会员满意度（CSAT）", "会员反馈处理流程", "服务结束流程"),
        "patients": ("患者服务规范", "患者服务承诺书", "患者满意度（CSAT）", "患者反馈处理流程", "就诊结束流程"),
    },
}
ZH_NOUNS = {"customers": "客户", "clients": "客户", "guests": "顾客", "users": "用户", "members": "会员", "patients": "患者"}
ZH_ALL_NOUNS = ("客户", "顾客", "宾客", "客人", "用户", "会员", "患者", "病人")

# The noun a document under the default title calls itself by; never under the author's own title.
POLICY_NOUN = {"en": re.compile("policy", re.I), "hr": re.compile("politik", re.I),
               "tr": re.compile("politika", re.I), "zh": re.compile("规范|政策")}
CHARTER_TITLE = {"en": "Service charter", "hr": "Povelja o usluzi", "tr": "Hizmet bildirgesi", "zh": "服务章程"}


def spec(word: str | None = None, **extra) -> dict:
    data = dict(SPEC, **extra)
    if word:
        data["customer_word"] = word
    return data


def headings(markdown: str) -> list[str]:
    return [line.lstrip("#").strip() for line in markdown.splitlines() if line.startswith("#")]


def table_cells(markdown: str) -> list[str]:
    return [cell.strip() for line in markdown.splitlines() if line.startswith("|") for cell in line.split("|")]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("word", CUSTOMER_WORDS)
def test_every_label_that_names_the_people_served_uses_the_word(lang, word):
    title, charter, csat, feedback, closing = PHRASES[lang][word]
    internal = render(spec(word), lang, "md")
    found = headings(internal)
    assert found[0] == title
    assert feedback in found and closing in found
    assert csat in table_cells(internal)
    public = render(spec(word), lang, "md", audience="public")
    assert headings(public)[0] == charter


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_word_the_document_serves_customers(lang):
    assert render(spec(), lang, "md") == render(spec("customers"), lang, "md")


@pytest.mark.parametrize("word", CUSTOMER_WORDS)
def test_a_chinese_document_uses_one_noun_for_the_people_served(word):
    for audience in ("internal", "public"):
        text = render(spec(word), "zh", "txt", audience=audience)
        used = {noun for noun in ZH_ALL_NOUNS if noun in text}
        neutral = audience == "public" and word == "customers"
        assert used == (set() if neutral else {ZH_NOUNS[word]}), (audience, used)


def test_croatian_cases_differ_by_slot():
    """One word, three grammatical forms: the catalog, not the code, writes each."""
    guests = render(spec("guests"), "hr", "md") + render(spec("guests"), "hr", "md", audience="public")
    for form in ("gostiju", "gostima"):
        assert form in guests
    clients = render(spec("clients"), "hr", "md") + render(spec("clients"), "hr", "md", audience="public")
    for form in ("klijenata", "klijentom", "klijentima"):
        assert form in clients


def test_turkish_suffixes_follow_vowel_harmony():
    front = {"customers": "Müşteri", "guests": "Misafir", "members": "Üye"}
    back = {"clients": "Danışan", "users": "Kullanıcı", "patients": "Hasta"}
    for word, stem in front.items():
        assert headings(render(spec(word), "tr", "md", audience="public"))[0].startswith(stem + "lerimize ")
    for word, stem in back.items():
        assert headings(render(spec(word), "tr", "md", audience="public"))[0].startswith(stem + "larımıza ")


@pytest.mark.parametrize("lang", LANGS)
def test_a_document_with_its_own_title_is_never_called_a_policy(lang):
    titled = spec("guests", title={lang: CHARTER_TITLE[lang]})
    for audience in ("internal", "public"):
        text = render(titled, lang, "txt", audience=audience)
        assert CHARTER_TITLE[lang] in text.splitlines()[:2]
        assert not POLICY_NOUN[lang].search(text), (audience, text)


@pytest.mark.parametrize("lang", LANGS)
def test_under_the_default_title_the_document_calls_itself_a_policy(lang):
    document = build_document(spec(), lang)
    owner_label = document.section("title").blocks[0].items[0][0]
    assert POLICY_NOUN[lang].search(owner_label) or lang == "zh"  # zh: 负责人 needs no noun
    assert POLICY_NOUN[lang].search(render(spec(), lang, "txt").split("\n", 1)[1])


def test_the_phrases_that_name_the_document():
    titled = spec(title="Service charter")
    en = render(titled, "en", "md")
    assert "**Document owner**: Ana Horvat" in en
    assert "This document is reviewed every year." in en
    assert "Questions about this document: <help@example.com>" in en
    hr = render(dict(titled, title={"hr": "Povelja o usluzi"}), "hr", "md")
    assert "**Nositelj dokumenta**: Ana Horvat" in hr and "Ovaj se dokument preispituje jednom godišnje." in hr
    zh = render(spec(), "zh", "md")
    assert "本规范每年评审一次。" in zh and "如对本规范有疑问，请联系：<help@example.com>" in zh
    tr = render(spec(), "tr", "md")
    assert "Bu politika yılda bir gözden geçirilir." in tr


def test_the_public_charter_takes_the_authors_title():
    titled = spec(title={"en": "Our promise", "hr": "Naše obećanje"}, company="Kava d.o.o.")
    assert headings(render(titled, "hr", "md", audience="public"))[0] == "Naše obećanje"
    assert headings(render(titled, "tr", "md", audience="public"))[0] == "Our promise"  # the fallback
    # A default title, even one a preset wrote in another language, stays the default.
    default_in_croatian = spec("guests", language="hr", title="Politika usluživanja gostiju")
    assert headings(render(default_in_croatian, "en", "md"))[0] == "Guest Service Policy"
    assert headings(render(default_in_croatian, "en", "md", audience="public"))[0] == "Guest Service Charter"
    # The word changed after a preset wrote its default title: the title follows the word.
    assert headings(render(spec("patients", title="Customer Service Policy"), "hr", "md"))[0] == (
        "Politika odnosa s pacijentima")


@pytest.mark.parametrize(("lang", "title", "phrase"), [
    ("en", "Customer Support Policy", "This policy is reviewed every year."),
    ("hr", "Politika korisničke podrške", "Ova se politika preispituje jednom godišnje."),
    ("tr", "Müşteri Destek Politikası", "Bu politika yılda bir gözden geçirilir."),
    ("zh", "客户技术支持服务规范", "本规范每年评审一次。"),
])
def test_an_own_title_that_names_a_policy_keeps_the_policy_noun(lang, title, phrase):
    assert phrase in render(spec(title={lang: title}), lang, "md")
