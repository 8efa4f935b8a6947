"""Extra sections: anything the policy needs that the other steps do not cover."""

from __future__ import annotations

from typing import Any, Iterable

from textual.app import ComposeResult
from textual.widget import Widget

from wizard.app.steps.form import Form, ListEditor
from wizard.i18n import Translator
from wizard.spec.model import SECTION_KEYS

_ = Translator("app").gettext


class SectionsForm(Form):
    step_key = "sections"

    def compose_fields(self) -> ComposeResult:
        def build(editor: ListEditor, item: Any) -> Iterable[Widget]:
            item = item if isinstance(item, dict) else {}
            yield self.text(_("Heading"), ("title",), item.get("title"), absolute=False, compact=True)
            yield self.text(_("Text"), ("body",), item.get("body"), absolute=False, multiline=True, compact=True)

        yield ListEditor(
            ("sections",),
            self.value(("sections",)),
            build,
            label=_("Extra sections"),
            new_item=dict,
            describe=self.describe_key("title"),
            key_order=SECTION_KEYS,
            add_label=_("Add a section"),
            empty_text=_("No extra sections. Add one for anything the other steps do not cover."),
        )
