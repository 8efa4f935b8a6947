"""The change notice between two versions of a policy, in all four languages.

Pairs of specs differ in one field at a time (changed, added, removed) and the notice is
compared with what a reader of each language must see, word for word where the grammar
is the point (Croatian cases after "u roku od", Turkish "içinde", Chinese punctuation).
"""

from __future__ import annotations

import copy

import pytest

from wizard.changes import compare, summary
from wizard.changes import write_notice as _write_notice
from wizard.spec.model import LANGUAGES

BASE = {
    "schema_version": 1,
    "language": "en",
    "title": "Service policy",
    "company": "Northwind",
    "owner": "Ana Horvat",
    "contact": "help@northwind.example",
    "effective_date": "2026-12-01",
    "review_every_months": 12,
    "purpose": {"intent": "Why we have this policy.", "applies_to": "All staff.", "channels": ["phone", "email"]},
    "definitions": [{"term": "SLA", "meaning": "The times we promise."}],
    "mission": "To answer every customer as soon as we can.",
    "vision": "The most trusted shop in the region.",
    "values": [{"name": "Honesty", "description": "We keep our word."}, {"name": "Speed", "description": "We are quick."}],
    "standards": {
        "always": ["be polite"],
        "never": ["argue with a customer"],
        "service_levels": [
            {"channel": "phone", "first_response": "3 minutes", "resolution": "2 working days"},
            {"channel": "email", "first_response": "48 hours", "resolution": "5 working days"},
        ],
        "support_hours": "Monday to Friday, 8 to 20",
        "metrics": [{"metric": "csat", "target": "90%"}, {"metric": "nps", "target": 30}],
    },
    "procedures": [
        {"kind": "complaints", "steps": ["Log it.", "Answer it."], "acknowledge_within": "2 working days",
         "resolve_within": "10 working days"},
    ],
    "escalation": [
        {"level": 1, "role": "Representative", "when": "Every new case."},
        {"level": 2, "role": "Supervisor", "when": "Not solved in a day.", "within": "4 hours"},
    ],
    "training": {"onboarding": "Two weeks with a mentor.", "methods": ["role_play", "shadowing"],
                 "refresher_every_months": 6, "resources": ["Knowledge base"]},
    "enforcement": {"accountable": "The manager", "monitoring": "Weekly reports.", "consequences": "A talk.",
                    "feedback": "Tell your supervisor."},
    "sections": [{"title": "Social media", "body": "We answer within a day."}],
    "revisions": [{"date": "2026-11-22", "author": "Ana", "note": "First version"}],
}


def spec(lang: str = "en", **changes) -> dict:
    data = copy.deepcopy(BASE)
    data["language"] = lang
    data.update(changes)
    return data


def changed(lang: str, edit) -> dict:
    data = spec(lang)
    edit(data)
    return data


def seen(text: str) -> str:
    """Text as the reader sees it: a no-break space (between a number and its unit, after the
    day of a date) looks like any other space."""
    return text.replace("\u00a0", " ")


def write_notice(notice, fmt: str) -> str:
    return seen(_write_notice(notice, fmt))


def texts(notice) -> list[str]:
    return [seen(change.text) for change in notice.changes]


# ---------------------------------------------------------------- every field, every language


def _set(path, value):
    def edit(data):
        node = data
        for key in path[:-1]:
            node = node[key]
        if value is _REMOVE:
            del node[path[-1]]
        else:
            node[path[-1]] = value

    return edit


def _append(path, value):
    def edit(data):
        node = data
        for key in path:
            node = node[key]
        node.append(value)

    return edit


_REMOVE = object()

# (section the change belongs to, how the new version differs)
EDITS = {
    "title reworded": ("general", _set(("title",), "Customer care policy")),
    "company changed": ("general", _set(("company",), "Southwind")),
    "owner removed": ("general", _set(("owner",), _REMOVE)),
    "effective date changed": ("general", _set(("effective_date",), "2027-01-15")),
    "intent reworded": ("purpose", _set(("purpose", "intent"), "Why this policy exists.")),
    "channel added to scope": ("purpose", _append(("purpose", "channels"), "live_chat")),
    "channel removed from scope": ("purpose", _set(("purpose", "channels"), ["phone"])),
    "definition added": ("definitions", _append(("definitions",), {"term": "FCR", "meaning": "Solved at once."})),
    "definition removed": ("definitions", _set(("definitions",), [])),
    "definition reworded": ("definitions", _set(("definitions", 0, "meaning"), "The times we keep.")),
    "mission reworded": ("mission", _set(("mission",), "To answer every customer within a day.")),
    "vision removed": ("vision", _set(("vision",), _REMOVE)),
    "value added": ("values", _append(("values",), {"name": "Care", "description": "We listen."})),
    "value removed": ("values", _set(("values",), [BASE["values"][0]])),
    "value reworded": ("values", _set(("values", 0, "description"), "We always keep our word.")),
    "commitment added": ("standards", _append(("standards", "always"), "say our name")),
    "commitment removed": ("standards", _set(("standards", "never"), [])),
    "commitment reworded": ("standards", _set(("standards", "always", 0), "be polite and patient")),
    "first response changed": ("standards", _set(("standards", "service_levels", 1, "first_response"), "24 hours")),
    "resolution removed": ("standards", _set(("standards", "service_levels", 0, "resolution"), _REMOVE)),
    "service level added": ("standards", _append(("standards", "service_levels"), {"channel": "live_chat", "first_response": "1 minute"})),
    "service level removed": ("standards", _set(("standards", "service_levels"), [BASE["standards"]["service_levels"][0]])),
    "support hours reworded": ("standards", _set(("standards", "support_hours"), "Monday to Saturday, 8 to 20")),
    "metric target changed": ("standards", _set(("standards", "metrics", 0, "target"), "92.5%")),
    "metric added": ("standards", _append(("standards", "metrics"), {"metric": "first_response_time", "target": "4 hours"})),
    "metric removed": ("standards", _set(("standards", "metrics"), [BASE["standards"]["metrics"][0]])),
    "procedure step added": ("procedures", _append(("procedures", 0, "steps"), "Close it.")),
    "procedure step reworded": ("procedures", _set(("procedures", 0, "steps", 1), "Answer it in writing.")),
    "acknowledgement changed": ("procedures", _set(("procedures", 0, "acknowledge_within"), "1 working day")),
    "procedure added": ("procedures", _append(("procedures",), {"kind": "refunds", "steps": ["Check the receipt."]})),
    "procedure removed": ("procedures", _set(("procedures",), [])),
    "escalation level added": ("escalation", _append(("escalation",), {"level": 3, "role": "Head of service", "within": "5 working days"})),
    "escalation level removed": ("escalation", _set(("escalation",), [BASE["escalation"][0]])),
    "escalation role changed": ("escalation", _set(("escalation", 1, "role"), "Team lead")),
    "escalation time changed": ("escalation", _set(("escalation", 1, "within"), "2 hours")),
    "escalation condition reworded": ("escalation", _set(("escalation", 1, "when"), "Not solved in two days.")),
    "onboarding reworded": ("training", _set(("training", "onboarding"), "Three weeks with a mentor.")),
    "method added": ("training", _append(("training", "methods"), "mentoring")),
    "method removed": ("training", _set(("training", "methods"), ["role_play"])),
    "refresher changed": ("training", _set(("training", "refresher_every_months"), 3)),
    "resource added": ("training", _append(("training", "resources"), "Style guide")),
    "monitoring reworded": ("enforcement", _set(("enforcement", "monitoring"), "Daily reports.")),
    "review cycle changed": ("enforcement", _set(("review_every_months",), 6)),
    "section added": ("sections", _append(("sections",), {"title": "Phone etiquette", "body": "Say your name."})),
    "section reworded": ("sections", _set(("sections", 0, "body"), "We answer within an hour.")),
    "contact changed": ("contact", _set(("contact",), "care@northwind.example")),
    "revision added": ("revisions", _append(("revisions",), {"date": "2027-01-10", "note": "Faster e-mail"})),
    # the same fields the other way round: a value given where there was none, or taken away
    "company removed": ("general", _set(("company",), _REMOVE)),
    "effective date removed": ("general", _set(("effective_date",), _REMOVE)),
    "support hours removed": ("standards", _set(("standards", "support_hours"), _REMOVE)),
    "first response removed": ("standards", _set(("standards", "service_levels", 0, "first_response"), _REMOVE)),
    "metric target removed": ("standards", _set(("standards", "metrics", 1, "target"), _REMOVE)),
    "procedure resolution removed": ("procedures", _set(("procedures", 0, "resolve_within"), _REMOVE)),
    "escalation time added": ("escalation", _set(("escalation", 0, "within"), "1 hour")),
    "escalation condition removed": ("escalation", _set(("escalation", 0, "when"), _REMOVE)),
    "refresher removed": ("training", _set(("training", "refresher_every_months"), _REMOVE)),
    "resource removed": ("training", _set(("training", "resources"), [])),
    "consequences removed": ("enforcement", _set(("enforcement", "consequences"), _REMOVE)),
    "review cycle removed": ("enforcement", _set(("review_every_months",), _REMOVE)),
    "section removed": ("sections", _set(("sections",), [])),
    "contact removed": ("contact", _set(("contact",), _REMOVE)),
    "vision reworded": ("vision", _set(("vision",), "The most trusted shop in the country.")),
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", EDITS)
def test_every_field_change_is_reported_once_in_its_section(lang: str, name: str) -> None:
    key, edit = EDITS[name]
    notice = compare(spec(lang), changed(lang, edit), lang)
    assert [section.key for section in notice.sections] == [key], (name, texts(notice))
    assert len(notice.changes) == 1, (name, texts(notice))
    for fmt in ("md", "txt", "html"):
        written = write_notice(notice, fmt)
        assert "%(" not in written and "duration-" not in written, written


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_same_policy_has_no_changes(lang: str) -> None:
    notice = compare(spec(lang), spec(lang), lang)
    assert notice.empty
    assert {"en": "No changes.", "hr": "Nema izmjena.", "zh": "没有变更。", "tr": "Değişiklik yok."}[lang] in write_notice(notice, "md")


def test_a_duration_written_another_way_is_no_change() -> None:
    new = changed("en", _set(("standards", "service_levels", 1, "first_response"), "48 hour"))
    assert compare(spec(), new, "en").empty


# ---------------------------------------------------------------- what a reader sees

FIRST_RESPONSE = {
    "en": "Email: first response now within 24 hours (was within 48 hours).",
    "hr": "E-pošta: prvi odgovor sada u roku od 24 sata (dosad u roku od 48 sati).",
    "zh": "电子邮件：首次响应时限改为24小时内（原为48小时内）。",
    "tr": "E-posta: ilk yanıt artık 24 saat içinde (önceden 48 saat içinde).",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_response_time_change_reads_naturally(lang: str) -> None:
    new = changed(lang, EDITS["first response changed"][1])
    assert texts(compare(spec(lang), new, lang)) == [FIRST_RESPONSE[lang]]


NEW_LEVEL = {
    "en": ("New escalation level 3: Head of service.", "Time limit: 5 working days"),
    "hr": ("Nova razina eskalacije 3: Head of service.", "Rok: 5 radnih dana"),
    "zh": ("新增第3级升级：Head of service。", "接手时限：5个工作日"),
    "tr": ("Yeni 3. eskalasyon seviyesi: Head of service.", "Süre: 5 iş günü"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_new_escalation_level_names_its_role_and_time(lang: str) -> None:
    new = changed(lang, EDITS["escalation level added"][1])
    (change,) = compare(spec(lang), new, lang).changes
    assert (seen(change.text), *map(seen, change.details)) == NEW_LEVEL[lang]


VALUE_REMOVED = {"en": "Value removed: Speed.", "hr": "Uklonjena vrijednost: Speed.", "zh": "删除价值观：Speed。",
                 "tr": "Kaldırılan değer: Speed."}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_removed_value_is_named(lang: str) -> None:
    new = changed(lang, EDITS["value removed"][1])
    assert texts(compare(spec(lang), new, lang)) == [VALUE_REMOVED[lang]]


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("2 hours", "1 hour", "E-pošta: prvi odgovor sada u roku od 1 sata (dosad u roku od 2 sata)."),
        ("5 minutes", "21 minutes", "E-pošta: prvi odgovor sada u roku od 21 minute (dosad u roku od 5 minuta)."),
        ("2 working days", "1 working day", "E-pošta: prvi odgovor sada u roku od 1 radnog dana (dosad u roku od 2 radna dana)."),
        ("11 weeks", "1 week", "E-pošta: prvi odgovor sada u roku od 1 tjedna (dosad u roku od 11 tjedana)."),
        ("48 hours", None, "E-pošta: prvi odgovor sada bez roka (dosad u roku od 48 sati)."),
    ],
)
def test_croatian_puts_every_time_in_the_genitive(old, new, expected) -> None:
    before = changed("hr", _set(("standards", "service_levels", 1, "first_response"), old))
    after = changed("hr", _set(("standards", "service_levels", 1, "first_response"), new if new else _REMOVE))
    assert texts(compare(before, after, "hr")) == [expected]


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("en", "Review cycle: now every 6 months (was every year)."),
        ("hr", "Ciklus preispitivanja: sada svaka 3 mjeseca (dosad jednom godišnje)."),
        ("zh", "评审周期：改为每月（原为每年）。"),
        ("tr", "Gözden geçirme sıklığı: artık iki yılda bir (önceden yılda bir)."),
    ],
)
def test_a_review_cycle_agrees_with_its_number(lang, expected) -> None:
    months = {"en": 6, "hr": 3, "zh": 1, "tr": 24}[lang]
    assert texts(compare(spec(lang), spec(lang, review_every_months=months), lang)) == [expected]


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("en", "Customer satisfaction (CSAT): now 92.5% (was 90%)."),
        ("hr", "Zadovoljstvo (CSAT): sada 92,5 % (dosad 90 %)."),
        ("tr", "Müşteri memnuniyeti (CSAT): artık %92,5 (önceden %90)."),
        ("zh", "满意度（CSAT）：改为92.5%（原为90%）。"),
    ],
)
def test_targets_and_dates_are_formatted_as_in_the_document(lang, expected) -> None:
    new = changed(lang, EDITS["metric target changed"][1])
    assert texts(compare(spec(lang), new, lang)) == [expected]


def test_a_date_change_uses_the_long_date_of_the_language() -> None:
    new = changed("hr", EDITS["effective date changed"][1])
    assert texts(compare(spec("hr"), new, "hr")) == [
        "Datum stupanja na snagu: sada 15. siječnja 2027. (dosad 1. prosinca 2026.)."
    ]


def test_reworded_text_marks_the_words_that_changed() -> None:
    new = changed("en", EDITS["mission reworded"][1])
    (change,) = compare(spec(), new, "en").changes
    assert change.text == "Mission reworded:"
    assert [(s.text, s.changed) for s in change.before] == [
        ("To answer every customer ", False), ("as soon as we can.", True)]
    assert [(s.text, s.changed) for s in change.after] == [
        ("To answer every customer ", False), ("within a day.", True)]
    assert "~~as soon as we can.~~" in write_notice(compare(spec(), new, "en"), "md")
    assert "<ins>within a day.</ins>" in write_notice(compare(spec(), new, "en"), "html")
    assert "Now: To answer every customer [within a day.]" in write_notice(compare(spec(), new, "en"), "txt")


def test_chinese_text_is_compared_by_characters() -> None:
    old = spec("zh", mission="我们在一个工作日内答复每一位客户。")
    new = spec("zh", mission="我们在两小时内答复每一位客户。")
    (change,) = compare(old, new, "zh").changes
    assert change.text == "使命（措辞修改）："
    assert [(s.text, s.changed) for s in change.after] == [("我们在", False), ("两小时", True), ("内答复每一位客户。", False)]


def test_the_public_notice_has_only_what_the_charter_contains() -> None:
    new = spec()
    for name in ("first response changed", "metric target changed", "escalation role changed", "mission reworded"):
        EDITS[name][1](new)
    public = compare(spec(), new, "en", audience="public")
    assert [section.key for section in public.sections] == ["mission", "service"]
    assert public.title == "What has changed in our service charter"
    internal = compare(spec(), new, "en")
    assert [section.key for section in internal.sections] == ["mission", "standards", "escalation"]


def test_the_summary_is_one_line_for_a_revision_note() -> None:
    one = compare(spec(), changed("en", EDITS["first response changed"][1]), "en")
    assert seen(summary(one)) == FIRST_RESPONSE["en"]
    new = changed("en", EDITS["mission reworded"][1])
    EDITS["escalation role changed"][1](new)
    assert summary(compare(spec(), new, "en")) == "Changed: Mission and Escalation matrix."
    hr = changed("hr", EDITS["mission reworded"][1])
    EDITS["escalation role changed"][1](hr)
    assert summary(compare(spec("hr"), hr, "hr")) == "Izmijenjeni odjeljci: Misija i Matrica eskalacije."


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_text_given_for_the_first_time_is_shown_as_new(lang: str) -> None:
    old = spec(lang)
    del old["vision"]
    (change,) = compare(old, spec(lang), lang).changes
    assert change.text == {"en": "Vision added:", "hr": "Vizija (novi tekst):", "zh": "愿景（新增）：",
                           "tr": "Vizyonumuz (yeni metin):"}[lang]
    assert [(s.text, s.changed) for s in change.after] == [("The most trusted shop in the region.", True)]
    assert not change.before


@pytest.mark.parametrize(
    "lang, added, removed",
    [
        ("en", "New channel: email.", "Channel removed: phone."),
        ("hr", "Novi kanal: e-pošta.", "Uklonjen kanal: telefon."),
        ("tr", "Yeni kanal: e-posta.", "Kaldırılan kanal: telefon."),
        ("zh", "新增渠道：电子邮件。", "删除渠道：电话。"),
    ],
)
def test_a_channel_in_a_sentence_is_written_as_the_document_writes_it_in_running_text(lang, added, removed) -> None:
    """After a colon the channel is a word of the sentence, not the table's capitalised label."""
    levels = copy.deepcopy(BASE["standards"]["service_levels"])
    before = spec(lang, standards={"service_levels": levels[:1]})
    after = spec(lang, standards={"service_levels": levels[1:]})
    assert texts(compare(before, after, lang))[:2] == [added, removed]
    own = {"channel": "other", "name": "WhatsApp"}
    with_own = spec(lang, standards={"service_levels": [own]})
    assert "WhatsApp" in texts(compare(spec(lang, standards={"service_levels": []}), with_own, lang))[0]
