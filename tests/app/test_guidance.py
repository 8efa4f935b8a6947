"""The guidance beside each step: complete in all four UI languages, and its examples are good
policy text (what the quality coach asks of the author, it must not break itself)."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from wizard.app import guidance as guide_module
from wizard.app.guidance import (
    EXAMPLE_COLUMNS,
    EXAMPLE_PATHS,
    Guidance,
    example_data,
    example_for,
    example_value,
    guidance_for,
)
from wizard.app.steps import STEP_KEYS
from wizard.i18n import set_ui_language, ui_language
from wizard.spec.model import LANGUAGES, PROCEDURE_KINDS, get_at, set_at

ROOT = Path(__file__).resolve().parents[2]
APP_STEPS = (
    "basics", "purpose", "definitions", "mission", "vision", "values", "standards",
    "procedures", "escalation", "training", "enforcement", "sections", "review",
)
TRANSLATED = ("hr", "zh", "tr")

# Vague time words the quality coach flags (issue 4), plus a few close relatives.
VAGUE = {
    "en": r"\b(quickly|promptly|as soon as possible|asap|soon|shortly|immediately|right away|"
          r"in a timely manner|fast)\b",
    "hr": r"\b(brzo|što prije|što je prije moguće|u najkraćem( mogućem)? roku|odmah|uskoro|ubrzo|hitno)\b",
    "tr": r"(\bhızl|\bhızla\b|en kısa sürede|\bkısa sürede\b|\bhemen\b|\bderhal\b|\bivedi|\byakında\b)",
    "zh": r"(尽快|及时|迅速|马上|立即|立刻|很快|尽早|随后)",
}
PLACEHOLDER = re.compile(
    r"\[[^\]]*\]|\{[^}]*\}|<[^>]*>|\bTBD\b|\bTODO\b|\bXXX\b|\.\.\.|…|_{3,}|\b(insert|umetnite|ekleyin)\b",
    re.IGNORECASE,
)
ABSOLUTE = re.compile(r"100\s*%|%\s*100|百分之百|\bguarantee|\bjamč|\bgaranti|保证", re.IGNORECASE)
ACRONYM = re.compile(r"\b[A-ZČĆĐŠŽÇĞİÖŞÜ]{2,}\b")
CJK = "\u3400-\u9fff"


def all_texts(value) -> list[str]:
    """Every string inside an example (text, list of texts, records)."""
    if isinstance(value, str):
        return [value]
    return [text for item in value for text in all_texts(item)]


def guidance_texts(g: Guidance) -> list[str]:
    return [g.purpose, *g.good, g.example, *all_texts(tuple(g.examples.values()))]


def example_texts(g: Guidance) -> list[str]:
    """What may end up in a policy: the insertable examples and the sample answer."""
    return [g.example, *all_texts(tuple(g.examples.values()))]


def sentences(text: str) -> int:
    return len([part for part in re.split(r"(?<=[.!?。！？])\s*", text.strip()) if part.strip()])


# --------------------------------------------------------------------------- completeness


def test_steps_are_the_apps_steps():
    assert STEP_KEYS == APP_STEPS
    assert set(EXAMPLE_PATHS) == set(STEP_KEYS)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("step", STEP_KEYS)
def test_every_step_has_full_guidance_in_every_ui_language(step, lang):
    set_ui_language(lang)
    g = guidance_for(step)
    assert g.step == step
    assert g.purpose.strip() and g.example.strip()
    assert 1 <= sentences(g.purpose) <= 3, g.purpose
    assert 3 <= len(g.good) <= 5
    assert all(point.strip() for point in g.good)
    assert g.examples, f"{step} has nothing to insert"
    assert all(text.strip() for text in all_texts(tuple(g.examples.values())))
    for name, value in g.examples.items():
        if name in EXAMPLE_COLUMNS:
            assert all(len(record) == 2 for record in value), name
        else:
            assert isinstance(value, str) or all(isinstance(item, str) for item in value), name


def test_unknown_step_is_a_key_error():
    with pytest.raises(KeyError):
        guidance_for("misison")


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("step", STEP_KEYS)
def test_every_entry_is_translated(step, lang):
    english = guidance_for(step, "en")
    translated = guidance_for(step, lang)
    pairs = list(zip(guidance_texts(english), guidance_texts(translated), strict=True))
    same = [source for source, text in pairs if source == text]
    assert not same, f"{lang}/{step} not translated: {same}"


def test_guidance_follows_the_ui_language():
    assert guidance_for("mission").purpose.startswith("A few sentences")
    set_ui_language("hr")
    assert guidance_for("mission").purpose.startswith("Misija")
    assert guidance_for("basics").examples["title"] == "Politika korisničke službe"
    set_ui_language("zh")
    assert guidance_for("basics").examples["title"] == "客户服务规范"
    set_ui_language("tr")
    assert guidance_for("basics").examples["title"] == "Müşteri Hizmetleri Politikası"


def test_another_language_on_request_leaves_the_ui_language_alone():
    set_ui_language("tr")
    assert guidance_for("vision", "hr").examples["vision"].startswith("Biti tvrtka")
    assert guidance_for("vision", "en").examples["vision"].startswith("To be the company")
    assert ui_language() == "tr"
    assert guidance_for("vision").examples["vision"].endswith("olmak.")


# --------------------------------------------------------------------------- quality of the text


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("step", STEP_KEYS)
def test_examples_are_good_policy_text(step, lang):
    g = guidance_for(step, lang)
    for text in example_texts(g):
        vague = re.search(VAGUE[lang], text, re.IGNORECASE)
        assert vague is None, f"{lang}/{step}: vague time {vague.group(0)!r} in {text!r}"
        placeholder = PLACEHOLDER.search(text)
        assert placeholder is None, f"{lang}/{step}: placeholder {placeholder.group(0)!r} in {text!r}"
        absolute = ABSOLUTE.search(text)
        assert absolute is None, f"{lang}/{step}: absolute promise {absolute.group(0)!r} in {text!r}"
        acronym = ACRONYM.search(text)
        assert acronym is None, f"{lang}/{step}: undefined abbreviation {acronym.group(0)!r} in {text!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_promised_times_come_with_a_number(lang):
    """Every 'within ...' in an example names a number, in each language's own wording."""
    within = {"en": r"\bwithin\b(?! your)", "hr": r"\bu roku od\b", "tr": r"\biçinde\b", "zh": r"(小时|分钟|工作日|天|周|个月)内"}[lang]
    for step in STEP_KEYS:
        for text in example_texts(guidance_for(step, lang)):
            for match in re.finditer(within, text):
                around = text[max(0, match.start() - 12): match.end() + 12]
                assert re.search(r"\d|\b(two|dva|iki)\b|两", around), f"{lang}/{step}: no number near {around!r}"


def test_the_standards_guidance_teaches_concrete_times():
    good = " ".join(guidance_for("standards", "en").good)
    assert "within 24 hours" in good and "quickly" in good


@pytest.mark.parametrize("step", STEP_KEYS)
def test_chinese_uses_full_width_punctuation(step):
    for text in guidance_texts(guidance_for(step, "zh")):
        assert not re.search(f"[{CJK}][,:.;!?()]", text), text
        assert not re.search(f"[,:.;!?()][{CJK}]", text), text
        assert not re.search(r"[,;!?()]", text), text  # only clock times (8:00) keep ASCII marks
        assert not re.search(f"[{CJK}] |[ ][{CJK}]", text), f"space beside a Chinese character: {text!r}"
        assert not re.search(r"\d [个小分天周月工]", text), f"space between number and unit: {text!r}"


@pytest.mark.parametrize("lang", ("hr", "tr"))
@pytest.mark.parametrize("step", STEP_KEYS)
def test_quotes_are_typographic(step, lang):
    for text in guidance_texts(guidance_for(step, lang)):
        assert '"' not in text, text


# --------------------------------------------------------------------------- inserting examples


@pytest.mark.parametrize("lang", LANGUAGES)
def test_example_data_fits_the_spec_paths(lang):
    for step in STEP_KEYS:
        for path, value in example_data(step, lang).items():
            assert path[0] in {"title", "owner", "purpose", "definitions", "mission", "vision", "values",
                               "standards", "procedures", "escalation", "training", "enforcement", "sections"}
            assert value not in (None, "", [], {})


def test_records_become_mappings_in_spec_key_order():
    values = example_value("values", "values", "en")
    assert values[0] == {
        "name": "Honesty",
        "description": "We tell customers what we can and cannot do, and we never promise what we cannot deliver.",
    }
    levels = example_value("escalation", "escalation", "en")
    assert [level["level"] for level in levels] == [1, 2, 3]
    assert [list(level) for level in levels][1] == ["level", "role", "when", "within"]
    assert "within" not in levels[0]
    complaints = example_value("procedures", "complaints", "hr")
    assert complaints["kind"] == "complaints"
    assert complaints["steps"][0].startswith("Zahvalite korisniku")
    assert complaints["acknowledge_within"] == "1 working day"


def test_every_procedure_kind_but_other_has_an_example():
    assert set(guidance_for("procedures").examples) == set(PROCEDURE_KINDS) - {"other"}


def test_example_for_the_focused_field():
    data = {"procedures": [{"kind": "refunds"}, {"kind": "other", "title": "Deliveries"}]}
    assert example_for("mission", ("mission",)).startswith("We sell household goods")
    assert example_for("purpose", ("purpose", "applies_to")).startswith("All employees")
    # one item of a list of texts, the next one on each press
    first = example_for("standards", ("standards", "always", 0), turn=0)
    second = example_for("standards", ("standards", "always", 0), turn=1)
    assert first != second and first in guidance_for("standards").examples["always"]
    assert example_for("standards", ("standards", "always", 0), turn=3) == first
    # one column of a record
    assert example_for("values", ("values", 2, "name"), turn=1) == "Respect"
    assert example_for("definitions", ("definitions", 0, "meaning")).startswith("Anyone who buys")
    # a whole list: spec items for the list editor
    assert example_for("values", ("values",))[0]["name"] == "Honesty"
    assert example_for("training", ("training", "resources"))[0].startswith("This policy")
    # procedures follow their kind
    assert example_for("procedures", ("procedures", 0, "steps", 0), data).startswith("Check the purchase")
    assert example_for("procedures", ("procedures", 0, "steps"), data)[-1].startswith("Pay the refund")
    assert example_for("procedures", ("procedures", 1, "steps", 0), data) is None
    whole = example_for("procedures", ("procedures",))
    assert [procedure["kind"] for procedure in whole] == ["complaints", "inquiries", "refunds", "closing"]
    assert whole == example_data("procedures")[("procedures",)]
    # places without an example
    assert example_for("escalation", ("escalation", 1, "within")) is None
    assert example_for("mission", ("vision",)) is None
    assert example_for("basics", ("contact",)) is None


def test_examples_follow_the_ui_language_when_inserted():
    set_ui_language("zh")
    assert example_for("values", ("values", 0, "name")) == "诚信"
    set_ui_language("hr")
    assert example_data("training")[("training", "onboarding")].startswith("Tijekom prva dva tjedna")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_policy_made_of_the_examples_is_valid_and_checks_clean(lang):
    """Insert every step's example into an otherwise empty policy: the validator accepts it and
    the quality coach finds nothing in it (once those packages exist in this checkout)."""
    data = {
        "schema_version": 1,
        "language": lang,
        "company": "Lipa d.o.o.",
        "contact": "service@lipa.example",
        "effective_date": "2026-12-01",
        "review_every_months": 12,
        "purpose": {"channels": ["phone", "email", "live_chat"]},
        "revisions": [{"date": "2026-11-20", "author": "Marta Novak",
                       "note": guidance_for("review", lang).examples["note"]}],
    }
    for step in STEP_KEYS:
        for path, value in example_data(step, lang).items():
            set_at(data, path, value)
    assert get_at(data, ("standards", "always", 0))
    spec = pytest.importorskip("wizard.spec")
    if hasattr(spec, "validate"):
        assert spec.validate(data) == []
    check = pytest.importorskip("wizard.check")
    findings = check.run_checks(data, today=date(2026, 12, 1))
    assert [(f.code, f.path, f.message) for f in findings] == []


def test_guidance_imports_without_textual():
    code = (
        "import sys; import wizard.app.guidance as g; g.guidance_for('standards', 'zh'); "
        "print('textual' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_every_guidance_string_is_marked_for_translation():
    """Every text of the module is an N_-marked msgid in the guide catalog."""
    from babel.messages.pofile import read_po

    with (ROOT / "locales" / "guide.pot").open("rb") as handle:
        msgids = {message.id for message in read_po(handle) if message.id}
    english = {text for step in STEP_KEYS for text in guidance_texts(guidance_for(step, "en"))}
    assert english <= msgids
    assert msgids <= english, "the catalog has texts the module no longer uses"
    assert guide_module.__doc__ and "UI language" in guide_module.__doc__


@pytest.mark.parametrize("step", STEP_KEYS)
def test_every_example_can_be_reached_from_its_field(step):
    """Each example is offered at the field it belongs to: a text at its text field, a list at its
    list and one item (or one column of a record) at a row."""
    for name, prefix in EXAMPLE_PATHS[step].items():
        if prefix is None:
            continue
        value = guidance_for(step).examples[name]
        whole = example_for(step, prefix)
        if isinstance(value, str):
            assert whole == value
            continue
        assert isinstance(whole, list) and len(whole) == len(value)
        if name in EXAMPLE_COLUMNS:
            for column in EXAMPLE_COLUMNS[name]:
                assert isinstance(example_for(step, prefix + (0, column)), str)
        else:
            assert [example_for(step, prefix + (0,), turn=turn) for turn in range(len(value))] == list(value)


async def test_inserted_examples_land_in_the_form_in_the_ui_language():
    """What the editor does on ctrl+e: the example for the focused place goes into the step form
    (a whole list into the list editor, a text into its field) and from there into the spec."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("forms_harness", Path(__file__).with_name("forms_harness.py"))
    if spec is None or not Path(spec.origin).exists():
        pytest.skip("the forms harness is not in this checkout")
    harness = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(harness)
    from wizard.app.steps.mission import MissionForm
    from wizard.app.steps.values import ValuesForm

    set_ui_language("hr")
    app = harness.FormHarness(ValuesForm, {"schema_version": 1, "language": "hr"})
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert app.form.insert_example(example_for("values", ("values",), app.data))
        await pilot.pause()
        await pilot.pause()
    assert [value["name"] for value in app.data["values"]] == ["Iskrenost", "Poštovanje", "Odgovornost"]

    set_ui_language("zh")
    app = harness.FormHarness(MissionForm, {"schema_version": 1, "language": "zh"})
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert app.form.insert_example(example_for("mission", ("mission",), app.data))
        await pilot.pause()
    assert app.data["mission"].startswith("我们在门店和网上")
