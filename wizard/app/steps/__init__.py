"""The steps of the wizard, in order, with their titles and forms.

`STEP_FORMS` imports each form module on first use, so the app can list the steps
(sidebar, command palette) without loading every form at start-up.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from typing import Iterator

from wizard.i18n import N_
from wizard.spec.model import TOP_KEYS

# One step per section of the document, in the contract's order (the top-level keys from
# `purpose` to `sections`), after the basics (the document's head) and before the review.
SECTION_STEPS = TOP_KEYS[TOP_KEYS.index("purpose") : TOP_KEYS.index("sections") + 1]
STEP_KEYS = ("basics", *SECTION_STEPS, "review")

# English msgids (domain `app`): translate where shown, e.g. `_(STEP_TITLES[key])`.
STEP_TITLES: dict[str, str] = {
    "basics": N_("Basics"),
    "purpose": N_("Purpose and scope"),
    "definitions": N_("Definitions"),
    "mission": N_("Mission"),
    "vision": N_("Vision"),
    "values": N_("Values"),
    "standards": N_("Service standards"),
    "procedures": N_("Procedures"),
    "escalation": N_("Escalation"),
    "training": N_("Training"),
    "enforcement": N_("Enforcement and review"),
    "sections": N_("Extra sections"),
    "review": N_("Review and export"),
}

_FORM_CLASSES = {
    "basics": "BasicsForm",
    "purpose": "PurposeForm",
    "definitions": "DefinitionsForm",
    "mission": "MissionForm",
    "vision": "VisionForm",
    "values": "ValuesForm",
    "standards": "StandardsForm",
    "procedures": "ProceduresForm",
    "escalation": "EscalationForm",
    "training": "TrainingForm",
    "enforcement": "EnforcementForm",
    "sections": "SectionsForm",
}


class _LazyForms(Mapping):
    """step key -> StepForm subclass, importing `wizard.app.steps.<key>` when first asked."""

    def __getitem__(self, key: str) -> type:
        name = _FORM_CLASSES[key]
        return getattr(import_module(f"{__name__}.{key}"), name)

    def __iter__(self) -> Iterator[str]:
        return iter(_FORM_CLASSES)

    def __len__(self) -> int:
        return len(_FORM_CLASSES)

    def __repr__(self) -> str:
        return f"STEP_FORMS({', '.join(_FORM_CLASSES)})"


STEP_FORMS: Mapping[str, type] = _LazyForms()
