"""Values: what the team stands for, each with a short description."""

from __future__ import annotations

from typing import Any, Iterable

from textual.app import ComposeResult
from textual.widget import Widget

from wizard.app.steps.form import Form, ListEditor
from wizard.i18n import Translator
from wizard.spec.model import VALUE_KEYS

_ = Translator("app").gettext


class ValuesForm(Form):
    step_key = "values"

    def compose_fields(self) -> ComposeResult:
        def build(editor: ListEditor, item: Any) -> Iterable[Widget]:
            item = item if isinstance(item, dict) else {}
            yield self.text(_("Value"), ("name",), item.get("name"), absolute=False, compact=True)
            yield self.text(
                _("What it means in practice"),
                ("description",),
                item.get("description"),
                absolute=False,
                multiline=True,
                compact=True,
            )

        yield ListEditor(
            ("values",),
            self.value(("values",)),
            build,
            label=_("Values"),
            new_item=dict,
            describe=self.describe_key("name"),
            key_order=VALUE_KEYS,
            add_label=_("Add a value"),
            empty_text=_("No values yet. Three to five are plenty."),
        )
