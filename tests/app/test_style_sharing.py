"""Widgets on alike paths share one match of the stylesheet (wizard.app.style_sharing): every
widget still looks exactly as Textual's own matching styles it, after the focus, the mouse,
a switch of steps and a change of theme."""

from __future__ import annotations

import pytest
from textual.css.stylesheet import Stylesheet

from tests.app.conftest import settle
from wizard.app import css_cache, style_sharing
from wizard.app.app import PolicyWizardApp
from wizard.app.textual_fixes import textual_fixes_apply
from wizard.app.widgets.list_editor import ListRow
from wizard.spec import dump_spec

pytestmark = pytest.mark.skipif(not textual_fixes_apply(), reason="the app's fixes to Textual are off on this release")


def styled_otherwise(app) -> list[str]:
    """The widgets on screen whose rules differ from what Textual's own matching gives them."""
    wrong = []
    for widget in app.screen.walk_children(with_self=True):
        shared = dict(widget.styles.base._rules)
        style_sharing.TEXTUAL_APPLY(app.stylesheet, widget)
        if dict(widget.styles.base._rules) != shared:
            wrong.append(f"{type(widget).__name__}{sorted(widget.classes)}")
    return wrong


async def test_alike_widgets_share_a_match_and_each_looks_as_textual_styles_it(tmp_path):
    policy = tmp_path / "policy.yaml"
    always = [f"Answer every email within {hours} hours" for hours in range(1, 9)]
    policy.write_text(dump_spec({"schema_version": 1, "language": "en", "standards": {"always": always}}), "utf-8")
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await app.editor.go_to("standards")
        await settle(pilot)
        assert app.stylesheet._wizard_kept_matches.matches, "no match was shared"
        assert styled_otherwise(app) == []

        rows = list(app.editor.form.query(ListRow))
        await pilot.press("tab", "tab")  # the focus moves along the rows
        await pilot.hover(rows[2])
        await settle(pilot)
        assert styled_otherwise(app) == []
        await pilot.hover(app.editor.form.query_one(".list-add"))  # a button: its rules ask for :hover
        await settle(pilot)
        assert styled_otherwise(app) == []

        app.set_theme("light")  # every style is matched again, none kept from the dark theme
        await settle(pilot)
        await app.editor.go_to("values")
        await app.editor.go_to("standards")
        await settle(pilot)
        assert styled_otherwise(app) == []


async def test_a_second_start_styles_its_widgets_with_the_matches_of_the_first(tmp_path, monkeypatch):
    policy = tmp_path / "policy.yaml"
    policy.write_text(dump_spec({"schema_version": 1, "language": "en", "standards": {"always": ["Answer"]}}), "utf-8")
    matched = []
    textual_apply = style_sharing.TEXTUAL_APPLY
    monkeypatch.setattr(style_sharing, "TEXTUAL_APPLY", lambda *args, **kwargs: (matched.append(args[1]), textual_apply(*args, **kwargs)))

    async def start() -> int:
        """Open the editor in a new "process" (the kept matches read from the file anew);
        how many widgets Textual had to match."""
        monkeypatch.setattr(style_sharing, "_between_runs", css_cache.KeptBetweenRuns("style-matches", limit=300))
        matched.clear()
        app = PolicyWizardApp("edit", policy)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            textual_matched = len(matched)
            assert styled_otherwise(app) == []  # (each widget matched by Textual here, to compare)
        style_sharing.save_style_matches()
        return textual_matched

    first = await start()
    assert style_sharing._between_runs.path().is_file()
    second = await start()
    assert first > 100 and second < first // 10
