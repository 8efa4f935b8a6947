"""The rule registry, the `Finding` type and `run_checks`.

A rule is one small function registered with `@rule(code, severity, description)`.
It receives a `Context` (the spec data plus a few cached views of it) and yields
`(path, message, hint)` triples; the engine turns them into `Finding`s, adds the
rule's code and severity and sorts everything in document order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, Callable, Iterable, Literal, Sequence

from wizard.i18n import Translator
from wizard.spec import model

_ = Translator("check").gettext

Severity = Literal["error", "warning"]
SEVERITIES = ("error", "warning")


@dataclass(frozen=True)
class Finding:
    """One piece of advice about a spec, in the current UI language.

    `path` points into the spec data at the most specific field concerned (for
    a missing section: where it would go), so the CLI can name a line and the
    app can show the finding beside its field.
    """

    code: str
    severity: Severity
    path: tuple
    message: str
    hint: str


@dataclass(frozen=True)
class Rule:
    """A registered rule: stable `code`, `severity`, the checking function and why it exists."""

    code: str
    severity: Severity
    summary: str  # one line, English msgid; `description` gives it in the UI language
    function: Callable[["Context"], Iterable[tuple]] = field(repr=False, compare=False)

    @property
    def description(self) -> str:
        """The one-line description in the current UI language (for `--help` and the README)."""
        return _(self.summary)

    @property
    def why(self) -> str:
        """The rule's docstring: the advice from the seeds it is based on (English)."""
        return " ".join((self.function.__doc__ or "").split())


RULES: list[Rule] = []


def rule(code: str, severity: Severity, summary: str) -> Callable:
    """Register a rule function. `summary` is marked with `N_` by the caller."""
    if severity not in SEVERITIES:
        raise ValueError(f"bad severity {severity!r} for rule {code!r}")
    if any(existing.code == code for existing in RULES):
        raise ValueError(f"duplicate rule code {code!r}")

    def register(function: Callable[["Context"], Iterable[tuple]]) -> Callable:
        RULES.append(Rule(code, severity, summary, function))
        return function

    return register


class Context:
    """The spec being checked and derived views that several rules share."""

    def __init__(self, data: dict, langs: Sequence[str], today: date) -> None:
        self.data = data if isinstance(data, dict) else {}
        language = self.data.get("language")
        self.lang: str = language if language in model.LANGUAGES else "en"
        seen: list[str] = []
        for code in langs:
            if code in model.LANGUAGES and code != self.lang and code not in seen:
                seen.append(code)
        self.langs: tuple[str, ...] = tuple(seen)
        self.today = today

    def get(self, *path: Any) -> Any:
        """The value at `path`, or None when any step is missing or of the wrong shape."""
        return model.get_at(self.data, path)

    def mapping(self, *path: Any) -> dict:
        value = self.get(*path)
        return value if isinstance(value, dict) else {}

    def items(self, *path: Any) -> list[tuple[int, dict]]:
        """`(index, item)` for each mapping in the list at `path`."""
        value = self.get(*path)
        if not isinstance(value, list):
            return []
        return [(index, item) for index, item in enumerate(value) if isinstance(item, dict)]

    def source_text(self, value: Any) -> str:
        """A text field's text in the spec's own language ('' when there is none)."""
        return model.text_in(value, self.lang, self.lang) or ""

    @cached_property
    def texts(self) -> list:
        from wizard.check.texts import iter_texts

        return list(iter_texts(self.data, self.lang))


def run_checks(data: dict, langs: Sequence[str] = (), today: date | None = None) -> list[Finding]:
    """Every finding of every rule for spec `data`, in document order.

    `langs` are the document languages the author wants (untranslated text is
    reported for each); `today` is the date the review cycle is measured from.
    The data is expected to be valid (see `wizard.spec.validate`), but drafts may
    leave out anything.
    """
    import wizard.check.rules  # noqa: F401  (registers the rules)

    context = Context(data, langs, today or date.today())
    findings: list[Finding] = []
    for entry in RULES:
        for path, message, hint in entry.function(context):
            findings.append(Finding(entry.code, entry.severity, tuple(path), message, hint))
    findings.sort(key=lambda finding: document_order(finding.path))
    return findings


# Which key order applies inside the mapping at a path (list indexes as "*").
_KEY_ORDERS: dict[tuple, tuple] = {
    (): model.TOP_KEYS,
    ("purpose",): model.PURPOSE_KEYS,
    ("definitions", "*"): model.DEFINITION_KEYS,
    ("values", "*"): model.VALUE_KEYS,
    ("standards",): model.STANDARDS_KEYS,
    ("standards", "service_levels", "*"): model.SERVICE_LEVEL_KEYS,
    ("standards", "metrics", "*"): model.METRIC_KEYS,
    ("procedures", "*"): model.PROCEDURE_KEYS,
    ("escalation", "*"): model.ESCALATION_KEYS,
    ("training",): model.TRAINING_KEYS,
    ("enforcement",): model.ENFORCEMENT_KEYS,
    ("sections", "*"): model.SECTION_KEYS,
    ("revisions", "*"): model.REVISION_KEYS,
}
_TEXT_KEYS = (*model.LANGUAGES, model.TRANSLATED_FROM)


def document_order(path: tuple) -> tuple:
    """A sort key that puts paths in the order their fields appear in a canonical file."""
    key: list[tuple] = []
    shape: list[str] = []
    for step in path:
        if isinstance(step, int):
            key.append((0, step, ""))
            shape.append("*")
            continue
        order = _KEY_ORDERS.get(tuple(shape), _TEXT_KEYS)
        if step in order:
            key.append((1, order.index(step), ""))
        elif step in _TEXT_KEYS:
            key.append((1, 100 + _TEXT_KEYS.index(step), ""))
        else:
            key.append((2, 0, str(step)))
        shape.append(str(step))
    return tuple(key)

