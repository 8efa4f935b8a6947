"""The public API of the quality coach: findings, rules, ordering, robustness."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.check.support import TODAY, codes, findings, spec
from wizard.check import RULES, Finding, run_checks
from wizard.check.engine import document_order
from wizard.i18n import set_ui_language
from wizard.spec import model

EMPTY_SECTIONS = [
    "missing-owner",
    "missing-contact",
    "missing-review-cycle",
    "missing-purpose",
    "missing-mission",
    "missing-standards",
    "missing-complaints-procedure",
    "missing-escalation",
    "missing-training",
    "missing-enforcement",
]


def test_empty_spec_lists_each_missing_section_once_in_document_order():
    found = findings(spec())
    assert [finding.code for finding in found] == EMPTY_SECTIONS
    assert all(finding.severity == "warning" for finding in found)
    assert all(finding.message and finding.hint for finding in found)


@pytest.mark.parametrize("language", model.LANGUAGES)
def test_no_rule_crashes_on_an_empty_spec_in_any_language(language):
    found = run_checks({"schema_version": 1, "language": language}, langs=model.LANGUAGES)
    assert {finding.code for finding in found} == set(EMPTY_SECTIONS)


def test_finding_is_a_frozen_dataclass_with_the_agreed_fields():
    finding = findings(spec())[0]
    assert isinstance(finding, Finding)
    assert [field.name for field in dataclasses.fields(Finding)] == ["code", "severity", "path", "message", "hint"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.code = "other"  # type: ignore[misc]
    assert isinstance(finding.path, tuple)


def test_rules_are_listed_with_stable_codes_severities_and_descriptions():
    assert len(RULES) >= 25
    seen = set()
    for entry in RULES:
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", entry.code), entry.code
        assert entry.code not in seen
        seen.add(entry.code)
        assert entry.severity in ("error", "warning")
        assert entry.description.endswith("."), entry.code
        assert "\n" not in entry.description
        assert len(entry.why) > 40, f"{entry.code} needs a docstring explaining why"
    for code in ("vague-time", "placeholder", "undefined-acronym", "untranslated", "stale-translation",
                 "resolution-before-response", "impossible-target", "review-overdue", "long-document"):
        assert code in seen


def test_errors_are_kept_for_clear_mistakes():
    errors = {entry.code for entry in RULES if entry.severity == "error"}
    assert errors == {
        "placeholder",
        "resolution-before-response",
        "resolve-before-acknowledge",
        "escalation-level-order",
        "duplicate-channel",
        "duplicate-metric",
        "impossible-target",
    }


def test_rule_descriptions_follow_the_ui_language():
    rule = next(entry for entry in RULES if entry.code == "vague-time")
    english = rule.description
    set_ui_language("hr")
    assert rule.description != english
    assert "„brzo”" in rule.description


def test_findings_come_in_document_order():
    data = spec(
        mission="We answer quickly. [X]",
        owner="TBD",
        standards={"always": ["reply ASAP"], "service_levels": [{"channel": "phone", "first_response": "2 hours", "resolution": "1 hour"}]},
        review_every_months=12,
    )
    paths = [finding.path for finding in findings(data)]
    assert paths == sorted(paths, key=document_order)
    assert paths.index(("owner",)) < paths.index(("mission",)) < paths.index(("standards", "always", 0))
    assert paths.index(("standards", "always", 0)) < paths.index(("standards", "service_levels", 0, "resolution"))


def test_document_order_knows_each_mappings_key_order():
    assert document_order(("sections", 0, "title")) < document_order(("sections", 0, "body"))
    assert document_order(("procedures", 0, "title")) < document_order(("procedures", 0, "steps", 0))
    assert document_order(("mission", "en")) < document_order(("mission", "hr"))
    assert document_order(("mission",)) < document_order(("mission", "hr"))
    assert document_order(("values", 2)) < document_order(("values", 10))


def test_langs_that_are_the_source_or_unknown_are_ignored():
    data = spec(mission="Kind words.")
    assert "untranslated" not in codes(data, langs=["en", "xx"])


def test_checking_never_imports_textual():
    code = (
        "import sys; from wizard.check import run_checks; "
        "run_checks({'schema_version': 1, 'language': 'en', 'mission': 'We reply quickly.'}, langs=['hr']); "
        "print('textual' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


_KEYS = sorted(
    set(
        model.TOP_KEYS + model.PURPOSE_KEYS + model.STANDARDS_KEYS + model.SERVICE_LEVEL_KEYS + model.METRIC_KEYS
        + model.PROCEDURE_KEYS + model.ESCALATION_KEYS + model.TRAINING_KEYS + model.ENFORCEMENT_KEYS
        + model.DEFINITION_KEYS + model.VALUE_KEYS + model.SECTION_KEYS + model.REVISION_KEYS + model.LANGUAGES
        + (model.TRANSLATED_FROM,)
    )
)
_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 200),
    st.integers(-(10**12), 10**12),
    st.text(max_size=40),
    st.sampled_from(["24 hours", "1 minute", "2 working days", "100%", "90%", "2020-01-31", "phone", "other",
                     "csat", "nps", "complaints", "We reply ASAP [X].", "尽快回复。", "Hızlı yanıt.", "Odmah."]),
)
_TREES = st.recursive(
    _LEAVES,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.sampled_from(_KEYS), children, max_size=5)),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.dictionaries(st.sampled_from(model.TOP_KEYS), _TREES, max_size=10),
    st.sampled_from(model.LANGUAGES),
    st.lists(st.sampled_from(model.LANGUAGES), max_size=3),
)
def test_no_rule_crashes_on_odd_drafts(data, language, langs):
    data["language"] = language
    for finding in run_checks(data, langs=langs, today=TODAY):
        assert finding.severity in ("error", "warning")
        assert finding.message and finding.hint
        assert "%(" not in finding.message and "%(" not in finding.hint
