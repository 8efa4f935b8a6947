"""What `import` tells the user: where each part of the document went, and what it could not
place (kept as extra sections), so that the manager knows what to check."""

from __future__ import annotations

import re

from wizard.i18n import N_, Translator, language_name

from .interpret import Imported, Placement

_ = Translator("importer")

# The parts of a policy as the report names them (a spec path without its item numbers).
PART_NAMES = {
    "title": N_("title"),
    "company": N_("company"),
    "owner": N_("policy owner"),
    "effective_date": N_("effective date"),
    "revisions": N_("revision history"),
    "purpose": N_("purpose and scope"),
    "purpose.intent": N_("purpose and scope: purpose"),
    "purpose.applies_to": N_("purpose and scope: who it applies to"),
    "purpose.channels": N_("purpose and scope: channels"),
    "definitions": N_("definitions"),
    "mission": N_("mission"),
    "vision": N_("vision"),
    "values": N_("values"),
    "values.description": N_("values: description"),
    "definitions.meaning": N_("definitions: meaning"),
    "standards": N_("service standards"),
    "standards.always": N_("service standards: we will always"),
    "standards.never": N_("service standards: we will never"),
    "standards.service_levels": N_("service standards: service levels"),
    "standards.support_hours": N_("service standards: support hours"),
    "standards.metrics": N_("service standards: performance targets"),
    "procedures": N_("procedures"),
    "procedures.steps": N_("procedures: steps"),
    "escalation": N_("escalation matrix"),
    "training": N_("training"),
    "training.onboarding": N_("training: onboarding"),
    "training.resources": N_("training: resources"),
    "enforcement": N_("enforcement"),
    "enforcement.accountable": N_("enforcement: responsible for compliance"),
    "enforcement.monitoring": N_("enforcement: monitoring"),
    "enforcement.consequences": N_("enforcement: consequences"),
    "enforcement.feedback": N_("enforcement: suggestions from staff"),
    "review_every_months": N_("review cycle"),
    "contact": N_("contact"),
    "sections": N_("extra section"),
}
_INDEX = re.compile(r"\[(\d+)\]")


def part_name(target: str) -> str:
    """ "procedures[2].steps" -> "procedures: steps (2)" in the UI language."""
    numbers = _INDEX.findall(target)
    name = _.gettext(PART_NAMES.get(_INDEX.sub("", target), target))
    return f"{name} ({numbers[0]})" if numbers else name


def _part(target: str) -> str:
    """The top-level part of a spec path: "procedures[2].steps" -> "procedures"."""
    return re.split(r"[.\[]", target, maxsplit=1)[0]


def report_lines(imported: Imported, source: str, target: str, by_paragraph: bool) -> list[str]:
    """The report: a summary line, then one line per run of the source that went to one place,
    in the document's order, then what was not placed."""
    lines = [_.ngettext(
        "Imported %(source)s (%(language)s) into %(target)s: %(placed)s part placed, %(unplaced)s not placed.",
        "Imported %(source)s (%(language)s) into %(target)s: %(placed)s parts placed, %(unplaced)s not placed.",
        len(imported.placed)) % {
        "source": source, "language": language_name(imported.lang), "target": target,
        "placed": len(imported.placed), "unplaced": len(imported.unplaced)}]
    lines.extend(_runs(imported.placed, source, by_paragraph))
    if imported.unplaced:
        lines.append(_.gettext("Not placed (kept as extra sections: check them in the wizard):"))
        lines.extend(_runs(imported.unplaced, source, by_paragraph, excerpts=True))
    return lines


def _runs(placements: list[Placement], source: str, by_paragraph: bool, excerpts: bool = False) -> list[str]:
    """Consecutive placements in one part of the policy as one line ("policy.md:12-18 →
    mission"); each part not placed on a line of its own, with its first words."""
    runs: list[list[Placement]] = []
    for placement in sorted(placements, key=lambda p: p.where):
        if runs and _part(runs[-1][-1].target) == _part(placement.target) and not excerpts:
            runs[-1].append(placement)
        else:
            runs.append([placement])
    lines = []
    for run in runs:
        first, last = run[0].where, run[-1].where
        span = str(first) if first == last else f"{first}-{last}"
        where = (_.gettext("%(source)s, paragraph %(number)s") % {"source": source, "number": span}
                 if by_paragraph else f"{source}:{span}")
        line = f"{where} → {part_name(run[0].target if excerpts else _part(run[0].target))}"
        if excerpts and run[0].excerpt:
            line += f"  “{run[0].excerpt}”"
        lines.append(line)
    return lines
