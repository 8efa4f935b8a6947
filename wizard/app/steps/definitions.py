"""Definitions: the terms the policy uses, each with its meaning."""

from __future__ import annotations

from typing import Any, Iterable

from textual.app import ComposeResult
from textual.widget import Widget

from wizard.app.steps.form import Form, ListEditor
from wizard.i18n import Translator
from wizard.spec.model import DEFINITION_KEYS

_ = Translator("app").gettext


class DefinitionsForm(Form):
    step_key = "definitions"

    def compose_fields(self) -> ComposeResult:
        def build(editor: ListEditor, item: Any) -> Iterable[Widget]:
            item = item if isinstance(item, dict) else {}
            yield self.text(_("Term"), ("term",), item.get("term"), absolute=False, compact=True)
            yield self.text(_("Meaning"), ("meaning",), item.get("meaning"), absolute=False, multiline=True, compact=True)

        yield ListEditor(
            ("definitions",),
            self.value(("definitions",)),
            build,
            label=_("Terms and their meaning"),
            new_item=dict,
            describe=self.describe_key("term"),
            key_order=DEFINITION_KEYS,
            add_label=_("Add a term"),
            empty_text=_("No terms yet. Define every abbreviation the policy uses, such as SLA."),
        )
