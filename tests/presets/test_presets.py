"""The starter policies: complete, realistic, clean in every language, listed in every UI language."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest

from wizard import i18n
from wizard.check import run_checks
from wizard.render import FORMATS, build_document, render
from wizard.spec import dump_spec, loads_spec, validate
from wizard.presets import PRESET_KEYS, Preset, UnknownPresetError, list_presets, load_preset, preset_path
from wizard.spec.model import (
    CHANNELS,
    LANGUAGES,
    PERCENT_METRICS,
    PROCEDURE_KINDS,
    TRAINING_METHODS,
    parse_duration,
    parse_percent,
)

PACKAGE = Path(__file__).resolve().parents[2] / "wizard" / "presets"
REQUIRED = ("shop", "online-store", "call-centre", "software-support")
CASES = [(key, lang) for key in PRESET_KEYS for lang in LANGUAGES]
IDS = [f"{key}-{lang}" for key, lang in CASES]

# The company's own details: the user fills them in, a preset never does.
USER_KEYS = ("company", "owner", "contact", "effective_date", "revisions")
# ... so the quality coach may point at them, and at nothing else.
EXPECTED_FINDINGS = {"missing-owner", "missing-contact"}
COMPANY = {
    "company": "Primjer d.o.o.",
    "owner": "Ana Horvat, customer service manager",
    "contact": "service@example.com",
    "effective_date": "2026-12-01",
    "revisions": [{"date": "2026-12-01", "author": "Ana Horvat", "note": "Adopted from the starter policy."}],
}
SECTIONS = ("title", "purpose", "definitions", "mission", "vision", "values", "standards",
            "procedures", "escalation", "training", "enforcement")

# Vague time words (no number) and absolute promises, per document language.
VAGUE = {
    "en": r"\b(quickly|promptly|as soon as possible|asap|soon|immediately|right away|at once|"
    r"in a timely manner|timely|fast|swiftly|guarantee[sd]?|always available)\b",
    "hr": r"\b(brzo|brzi|brza|što prije|što brže|u najkraćem|odmah|hitno|pravodobno|ubrzo|"
    r"jamčimo|garantiramo|zajamčen\w*)\b",
    "tr": r"(hızlı|hızla|en kısa sürede|hemen|derhal|ivedi|acilen|garanti|zamanında)",
    "zh": r"(尽快|及时|迅速|马上|立即|立刻|第一时间|保证|担保|快速)",
}
PLACEHOLDER = re.compile(r"\[[^\]]*\]|\bTBD\b|\bTODO\b|\bXXX\b|\.\.\.|…|<[^>]*>|\{[^}]*\}", re.IGNORECASE)
ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{2,}(?![A-Za-z])")


def texts(node, path=()):
    """Every string of the spec with its path (durations and keys included)."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from texts(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from texts(value, (*path, index))


def prose(data):
    """The author's own text: what a reader sees, without keys, codes and durations."""
    skip = {"language", "channel", "metric", "kind", "methods", "channels"}
    for path, text in texts(data):
        if any(step in skip for step in path if isinstance(step, str)):
            continue
        if path and path[-1] in ("first_response", "resolution", "target", "within",
                                  "acknowledge_within", "resolve_within"):
            continue
        yield path, text


def word_count(text: str, lang: str) -> int:
    if lang == "zh":
        return len(re.findall(r"[\u4e00-\u9fff]", text)) // 2 + len(re.findall(r"[A-Za-z0-9]+", text))
    return len(text.split())


def test_the_required_presets_are_offered_first():
    assert list(PRESET_KEYS[: len(REQUIRED)]) == list(REQUIRED)
    assert [preset.key for preset in list_presets()] == list(PRESET_KEYS)


def test_every_preset_folder_is_registered_and_has_all_languages():
    folders = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and not p.name.startswith("_"))
    assert folders == sorted(PRESET_KEYS)
    for key in PRESET_KEYS:
        assert sorted(p.stem for p in (PACKAGE / key).glob("*.yaml")) == sorted(LANGUAGES)
        for lang in LANGUAGES:
            assert preset_path(key, lang) == PACKAGE / key / f"{lang}.yaml"


@pytest.mark.parametrize("ui", LANGUAGES)
def test_names_and_descriptions_in_every_ui_language(ui):
    english = {p.key: p for p in list_presets()}
    i18n.set_ui_language(ui)
    presets = list_presets()
    assert all(isinstance(p, Preset) for p in presets)
    names = [p.name for p in presets]
    assert len(set(names)) == len(names), "two presets share a name"
    for preset in presets:
        assert preset.name.strip() and preset.description.strip()
        assert "\n" not in preset.description, "a description is one line"
        assert len(preset.description) <= 100
        if ui != "en":
            assert preset.name != english[preset.key].name, f"{preset.key} name untranslated in {ui}"
            assert preset.description != english[preset.key].description
        if ui == "zh":
            assert not re.search(r"[,.:;](\s|$)", preset.description), "zh needs full-width punctuation"


def test_unknown_preset_names_the_valid_ones():
    with pytest.raises(KeyError) as caught:
        load_preset("bakery", "en")
    message = str(caught.value)
    assert "bakery" in message and all(key in message for key in PRESET_KEYS)
    assert not message.startswith("'"), "shown to users without repr quotes"


def test_unknown_language_names_the_valid_ones():
    with pytest.raises(ValueError) as caught:
        load_preset("shop", "de")
    message = str(caught.value)
    assert "de" in message and all(lang in message for lang in LANGUAGES)


def test_error_messages_follow_the_ui_language():
    i18n.set_ui_language("hr")
    with pytest.raises(UnknownPresetError) as caught:
        load_preset("bakery", "en")
    assert "Unknown" not in str(caught.value)


def test_each_load_is_a_fresh_copy():
    first = load_preset("shop", "en")
    first["standards"]["always"].clear()
    first["mission"] = "changed"
    second = load_preset("shop", "en")
    assert second["standards"]["always"] and second["mission"] != "changed"


@pytest.mark.parametrize(("key", "lang"), CASES, ids=IDS)
class TestPresetContent:
    def test_is_valid_spec_data(self, key, lang):
        data = load_preset(key, lang)
        assert validate(data) == []
        assert loads_spec(preset_path(key, lang).read_bytes()).data == data

    def test_saves_and_loads_back_unchanged(self, key, lang):
        data = load_preset(key, lang)
        text = dump_spec(data)
        assert loads_spec(text).data == data
        assert dump_spec(loads_spec(text).data) == text

    def test_checks_clean_but_for_the_company_details(self, key, lang):
        findings = run_checks(load_preset(key, lang), langs=(lang,))
        assert [f for f in findings if f.severity == "error"] == []
        assert {f.code for f in findings} == EXPECTED_FINDINGS, [(f.code, f.message) for f in findings]

    def test_no_findings_once_the_company_details_are_filled_in(self, key, lang):
        """Adoptable as it is: the user's own details complete it, and it stays within two pages."""
        data = {**load_preset(key, lang), **COMPANY}
        assert validate(data) == []
        assert run_checks(data, langs=(lang,), today=date(2026, 12, 1)) == []

    def test_every_section_is_rendered(self, key, lang):
        document = build_document(load_preset(key, lang), lang)
        keys = [section.key for section in document.sections]
        assert set(SECTIONS) <= set(keys)

    def test_renders_in_every_format(self, key, lang):
        data = load_preset(key, lang)
        for fmt in FORMATS:
            output = render(data, lang, fmt)
            assert output, fmt
            if fmt == "docx":
                with zipfile.ZipFile(io.BytesIO(output)) as archive:
                    xml = archive.read("word/document.xml").decode("utf-8")
                assert data["title"] in xml
                continue
            assert data["title"] in output
            assert "duration-" not in output and "None" not in output
            if fmt != "html":  # HTML escapes quotes and apostrophes
                flat = " ".join(output.split())
                assert " ".join(data["standards"]["never"][0].split()) in flat, fmt

    def test_rendered_document_has_at_least_250_words(self, key, lang):
        text = render(load_preset(key, lang), lang, "txt")
        if lang == "zh":
            count = len(re.findall(r"[\u4e00-\u9fff]", text)) // 2
        else:
            count = len(text.split())
        assert count >= 250

    def test_language_and_user_fields(self, key, lang):
        data = load_preset(key, lang)
        assert data["schema_version"] == 1
        assert data["language"] == lang
        for field in USER_KEYS:
            assert field not in data, f"{field} is the user's to fill in"
        assert data["review_every_months"] == 12
        for _path, text in texts(data):
            assert isinstance(text, str)  # plain strings in the preset's own language

    def test_every_section_is_complete(self, key, lang):
        data = load_preset(key, lang)
        assert data["title"].strip()
        purpose = data["purpose"]
        assert purpose["intent"].strip() and purpose["applies_to"].strip()
        assert purpose["channels"] and set(purpose["channels"]) <= set(CHANNELS)
        assert len(data["definitions"]) >= 3
        assert all(d["term"].strip() and d["meaning"].strip() for d in data["definitions"])
        assert data["vision"].strip()
        assert 3 <= len(data["values"]) <= 5
        assert all(v["name"].strip() and v["description"].strip() for v in data["values"])
        standards = data["standards"]
        assert len(standards["always"]) >= 3 and len(standards["never"]) >= 3
        assert standards["support_hours"].strip()
        assert len(standards["metrics"]) >= 2
        training = data["training"]
        assert training["onboarding"].strip() and training["resources"]
        assert training["methods"] and set(training["methods"]) <= set(TRAINING_METHODS)
        assert 1 <= training["refresher_every_months"] <= 12
        for field in ("accountable", "monitoring", "consequences", "feedback"):
            assert data["enforcement"][field].strip()

    def test_mission_is_one_to_three_sentences(self, key, lang):
        mission = load_preset(key, lang)["mission"]
        sentences = [s for s in re.split(r"[.!?。！？](?:\s|$)|[。！？]", mission) if s.strip()]
        assert 1 <= len(sentences) <= 3, mission

    def test_a_service_level_for_every_channel_in_scope(self, key, lang):
        data = load_preset(key, lang)
        levels = data["standards"]["service_levels"]
        channels = [level["channel"] for level in levels]
        assert len(channels) == len(set(channels)), "a channel twice"
        assert set(channels) == set(data["purpose"]["channels"])
        for level in levels:
            first, resolution = parse_duration(level["first_response"]), parse_duration(level["resolution"])
            assert first and resolution, level
            assert resolution.minutes >= first.minutes, level

    def test_metrics_are_realistic(self, key, lang):
        for metric in load_preset(key, lang)["standards"]["metrics"]:
            target = metric["target"]
            if metric["metric"] in PERCENT_METRICS:
                assert 50 <= parse_percent(target) < 100, metric
            elif metric["metric"] == "nps":
                assert isinstance(target, int) and -100 <= target < 100
            elif metric["metric"] == "other":
                assert metric["name"].strip() and str(target).strip() and re.search(r"\d", str(target))
            else:
                assert parse_duration(target), metric

    def test_every_procedure_with_ordered_steps(self, key, lang):
        procedures = load_preset(key, lang)["procedures"]
        kinds = [p["kind"] for p in procedures]
        assert set(PROCEDURE_KINDS) - {"other"} <= set(kinds)
        for procedure in procedures:
            assert len(procedure["steps"]) >= 3, procedure["kind"]
            assert all(step.strip() for step in procedure["steps"])
        complaints = next(p for p in procedures if p["kind"] == "complaints")
        acknowledge = parse_duration(complaints["acknowledge_within"])
        resolve = parse_duration(complaints["resolve_within"])
        assert acknowledge and resolve and resolve.minutes > acknowledge.minutes

    def test_escalation_has_three_growing_levels(self, key, lang):
        levels = load_preset(key, lang)["escalation"]
        assert [level["level"] for level in levels] == [1, 2, 3]
        minutes = [parse_duration(level["within"]).minutes for level in levels]
        assert minutes == sorted(minutes) and len(set(minutes)) == 3
        assert all(level["role"].strip() and level["when"].strip() for level in levels)

    def test_at_least_250_words(self, key, lang):
        total = sum(word_count(text, lang) for _path, text in prose(load_preset(key, lang)))
        assert total >= 250

    def test_no_placeholders(self, key, lang):
        for path, text in prose(load_preset(key, lang)):
            assert not PLACEHOLDER.search(text), (path, text)

    def test_no_vague_times_or_absolute_promises(self, key, lang):
        pattern = re.compile(VAGUE[lang], re.IGNORECASE)
        for path, text in prose(load_preset(key, lang)):
            assert not pattern.search(text), (path, pattern.search(text).group(0), text)
            assert "100%" not in text.replace(" ", "") and "%100" not in text.replace(" ", "")

    def test_every_acronym_is_defined(self, key, lang):
        data = load_preset(key, lang)
        defined = {a for d in data["definitions"] for a in ACRONYM.findall(d["term"])}
        for path, text in prose(data):
            for acronym in ACRONYM.findall(text):
                assert acronym in defined, (acronym, path)


@pytest.mark.parametrize("key", PRESET_KEYS)
def test_chinese_uses_full_width_punctuation(key):
    for path, text in prose(load_preset(key, "zh")):
        assert not re.search(r"[\u4e00-\u9fff][,.;:?!()]|[,;:?!(][\u4e00-\u9fff]", text), (path, text)


@pytest.mark.parametrize(("key", "lang"), CASES, ids=IDS)
def test_new_from_preset_writes_a_file_that_checks_clean(key, lang, tmp_path, capsys):
    from wizard.cli import main

    target = tmp_path / "policy.yaml"
    assert main(["new", str(target), "--preset", key, "--lang", lang, "--no-edit"]) == 0
    assert loads_spec(target.read_bytes()).data == load_preset(key, lang)
    assert main(["check", str(target)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[1] for line in lines if line.startswith(str(target))] == [
        "missing-owner", "missing-contact"]

