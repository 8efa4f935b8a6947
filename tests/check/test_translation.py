"""Untranslated and stale translations."""

from __future__ import annotations

from tests.check.support import codes, findings, spec
from wizard.spec.model import source_hash, with_translation


def test_each_untranslated_field_is_reported_for_each_requested_language():
    data = spec(mission={"en": "We help.", "hr": "Pomažemo."}, vision="To grow.")
    found = findings(data, "untranslated", langs=["hr", "zh"])
    assert [(finding.path, finding.message) for finding in found] == [
        (("mission",), "No Chinese translation: “We help.”."),
        (("vision",), "No Croatian translation: “To grow.”."),
        (("vision",), "No Chinese translation: “To grow.”."),
    ]
    assert found[0].hint == "Add the Chinese text, or leave it out to print the original in that edition."


def test_nothing_is_untranslated_without_requested_languages_or_when_all_is_translated():
    data = spec(mission={"en": "We help.", "tr": "Yardım ederiz."})
    assert "untranslated" not in codes(data)
    assert "untranslated" not in codes(data, langs=["tr"])


def test_long_source_text_is_shortened_in_the_message():
    data = spec(mission="We help every customer who writes, calls or visits us, every day of the year.")
    (found,) = findings(data, "untranslated", langs=["tr"])
    assert found.message == "No Turkish translation: “We help every customer who writes, call…”."


def test_a_translation_of_an_older_source_is_stale():
    value = with_translation("We reply within 2 days.", "hr", "en", "Odgovaramo u roku od 2 dana.")
    value["en"] = "We reply within 1 day."
    (found,) = findings(spec(mission=value), "stale-translation")
    assert found.path == ("mission", "hr")
    assert found.message == (
        "The Croatian translation was made from an older version of this text: “We reply within 1 day.”."
    )
    assert found.severity == "warning"


def test_current_and_hand_written_translations_are_not_stale():
    current = with_translation("We reply within 2 days.", "zh", "en", "我们在2天内回复。")
    assert current["translated_from"]["zh"] == source_hash("We reply within 2 days.")
    hand_written = {"en": "We help.", "tr": "Yardım ederiz."}
    assert findings(spec(mission=current, vision=hand_written), "stale-translation") == []


def test_stale_translations_are_found_in_nested_fields_and_in_a_croatian_spec():
    value = with_translation("brzo odgovoriti", "en", "hr", "reply quickly")
    value["hr"] = "odgovoriti u roku od 1 sata"
    data = spec("hr", standards={"always": [value]})
    (found,) = findings(data, "stale-translation")
    assert found.path == ("standards", "always", 0, "en")


def test_text_without_letters_needs_no_translation():
    data = spec(standards={"support_hours": "08:00–20:00"}, mission="We help.")
    assert [finding.path for finding in findings(data, "untranslated", langs=["zh"])] == [("mission",)]


def test_the_untouched_default_title_is_not_reported():
    """The renderer prints the default title in each edition's language, so it needs no translation."""
    data = spec(title="Customer Service Policy", mission="We help.")
    assert [finding.path for finding in findings(data, "untranslated", langs=["hr"])] == [("mission",)]
    croatian = {"schema_version": 1, "language": "hr", "title": "Politika korisničke službe"}
    assert "untranslated" not in codes(croatian, langs=["en", "tr"])
    data["title"] = "Customer Service Rules"
    assert ("title",) in [finding.path for finding in findings(data, "untranslated", langs=["hr"])]
