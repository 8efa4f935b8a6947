"""Bugs a tester found in the editor shell, reproduced the way a user meets them: with keys."""

from __future__ import annotations

import asyncio

import pytest
from textual import events
from textual.widgets import Input

from tests.app.conftest import burst, focused_text_field, opened, run_command, settle, type_at_end, wait_until
from wizard.app.app import PolicyWizardApp
from wizard.app.widgets.preview import Preview, SectionView


async def type_like_a_terminal(app, text: str) -> None:
    """Keys as the terminal driver delivers them: posted to the app, nothing else. (`pilot.press`
    also wakes every widget after each key, which hides a widget that never wakes up itself.)"""
    for char in text:
        app.post_message(events.Key(char, char))
        await asyncio.sleep(0.02)


def preview_text(app, key: str) -> str:
    return app.editor.query_one(Preview).query_one(f"#pv-{key}", SectionView).markdown


async def test_the_preview_follows_typing_in_a_new_policy():
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.editor.query_one(Preview).display
        field = focused_text_field(app)
        assert field is not None
        await type_like_a_terminal(app, "Acme Support Policy")
        assert await wait_until(lambda: "Acme Support Policy" in preview_text(app, "title"))
        await type_like_a_terminal(app, " 2")  # and again: not only the first change gets through
        assert await wait_until(lambda: "Acme Support Policy 2" in preview_text(app, "title"))
        assert app.editor.step == "basics"


async def test_the_preview_follows_an_edit_of_a_file(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert "Northwind" in preview_text(app, "title")
        await pilot.press("tab")  # Title -> Company
        await settle(pilot)
        field = focused_text_field(app)
        assert field is not None and "Northwind" in field.value
        await pilot.press("end")
        await settle(pilot)
        await type_like_a_terminal(app, " Zeta")
        assert await wait_until(lambda: "Zeta" in "".join(
            view.markdown for view in app.editor.query_one(Preview).query(SectionView)))


async def go_to_step(pilot, title: str) -> None:
    await run_command(pilot, f"Go to: {title}")


def footer_keys(app) -> str:
    from textual.widgets._footer import FooterKey

    return " ".join(f"{key.key_display} {key.description}" for key in app.screen.query(FooterKey))


async def test_f9_inserts_the_example_into_the_field_being_written():
    from wizard.app.guidance import guidance_for

    example = guidance_for("mission").examples["mission"]
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert "Example" in footer_keys(app)
        await go_to_step(pilot, "Mission")
        assert app.editor.step == "mission"
        assert focused_text_field(app) is not None
        await pilot.press("f9")
        await settle(pilot)
        assert focused_text_field(app).text.strip() == example.strip()
        assert app.editor.data["mission"].strip() == example.strip()


async def test_f9_on_a_list_and_in_a_list_item():
    from wizard.app.guidance import guidance_for

    always = list(guidance_for("standards").examples["always"])
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await go_to_step(pilot, "Service standards")
        assert app.editor.step == "standards"
        assert "Add" in str(app.focused.label)  # the empty "We will always" list
        await pilot.press("f9")
        await settle(pilot, rounds=2)
        assert app.editor.data["standards"]["always"] == always
        field = focused_text_field(app)  # the last item
        assert field is not None and field.value == always[-1]
        await pilot.press("f9")  # in a filled item: one more example item
        await settle(pilot, rounds=2)
        items = app.editor.data["standards"]["always"]
        assert len(items) == len(always) + 1 and items[-1] in always


async def test_back_from_step_two():
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        assert app.editor.step == "purpose"
        assert focused_text_field(app) is not None  # a TextArea: it has its own F7
        await pilot.press("f7")
        await settle(pilot)
        assert app.editor.step == "basics"
        await pilot.press("f8", "f8")
        await settle(pilot)
        await pilot.press("alt+p")  # alt+b never arrives as such: terminals send ctrl+left
        await settle(pilot)
        assert app.editor.step == "purpose"


async def test_a_new_file_is_not_saved_until_it_is_written(tmp_path):
    from wizard.app.screens.dialogs import QuitScreen

    target = tmp_path / "x" / "ex.yaml"
    app = PolicyWizardApp("new", target, lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        editor = app.editor
        assert editor.title == "ex.yaml"
        assert editor.sub_title == "not saved yet"
        await pilot.press(*"Acme")
        await settle(pilot)
        assert editor.sub_title == "unsaved changes"
        await pilot.press("ctrl+q")
        await opened(pilot, QuitScreen)
        await pilot.press("escape")
        await pilot.pause(0.2)
        target.parent.mkdir()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert target.is_file()
        assert editor.sub_title == "saved"
    assert not target.with_suffix(".yaml.tmp").exists()


async def test_an_untouched_blank_policy_quits_without_asking(tmp_path):
    target = tmp_path / "ex.yaml"
    app = PolicyWizardApp("new", target, lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.editor.sub_title == "not saved yet"
        await pilot.press("ctrl+q")
        await pilot.pause(0.3)
    assert not app.is_running
    assert not target.exists()


async def test_export_defaults_to_the_document_language_not_the_preview_language(policy):
    from textual.widgets import Select

    from wizard.app.screens.dialogs import ExportScreen

    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("f3")  # preview in Croatian
        await settle(pilot)
        assert app.editor.query_one(Preview).lang == "hr"
        await run_command(pilot, "Export: HTML", shown="Export: Web page (.html)")
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one("#lang", Select).value == "en"
        assert app.screen.query_one("#path", Input).value == str(policy.with_name("policy.en.html"))


async def test_revision_note_enter_saves_once_per_session_and_no_one_elses_name(policy):
    import yaml

    from wizard.app.app import load_settings
    from wizard.app.screens.dialogs import RevisionNoteScreen

    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_at_end(pilot, "!")
        await pilot.press("ctrl+s")
        await opened(pilot, RevisionNoteScreen)
        assert app.screen.query_one("#author", Input).value == ""  # not "Ana Horvat"
        await pilot.press(*"Sharper title", "tab", *"Ivo Kos", "enter")
        await settle(pilot)
        assert app.screen is app.editor and not app.editor.dirty
        revisions = yaml.safe_load(policy.read_text(encoding="utf-8"))["revisions"]
        assert revisions[-1]["note"] == "Sharper title" and revisions[-1]["author"] == "Ivo Kos"
        await pilot.press(*"?")
        await settle(pilot)
        await pilot.press("ctrl+s")  # the same session: no second question
        await settle(pilot)
        assert app.screen is app.editor and not app.editor.dirty
        assert len(yaml.safe_load(policy.read_text(encoding="utf-8"))["revisions"]) == len(revisions)
    assert load_settings().get("author") == "Ivo Kos"

    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_at_end(pilot, "#")
        await pilot.press("ctrl+s")
        await opened(pilot, RevisionNoteScreen)
        assert app.screen.query_one("#author", Input).value == "Ivo Kos"  # the user's own name
        await pilot.press(*"Hash", "enter")  # Enter in the note saves
        await settle(pilot)
        assert app.screen is app.editor and not app.editor.dirty
    revisions = yaml.safe_load(policy.read_text(encoding="utf-8"))["revisions"]
    assert revisions[-1]["note"] == "Hash" and revisions[-1]["author"] == "Ivo Kos"


async def test_a_conflict_is_asked_about_before_the_revision_note(policy):
    import yaml

    from wizard.app.screens.conflict import ConflictScreen
    from wizard.app.screens.dialogs import RevisionNoteScreen

    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await type_at_end(pilot, "!")
        policy.write_text(policy.read_text(encoding="utf-8").replace("Northwind", "Southwind"), encoding="utf-8")
        await pilot.press("ctrl+s")
        await opened(pilot, ConflictScreen)
        await pilot.click("#choice-overwrite")
        await opened(pilot, RevisionNoteScreen)
        await pilot.press(*"Mine wins", "enter")
        await settle(pilot)
        assert app.screen is app.editor and not app.editor.dirty
    assert yaml.safe_load(policy.read_text(encoding="utf-8"))["revisions"][-1]["note"] == "Mine wins"


async def test_untranslated_text_is_reported_only_while_translating(policy):
    from wizard.app.widgets.sidebar import FINDINGS, StepList

    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        editor = app.editor
        states = editor.query_one(StepList).states
        marked = [step for step, state in states.items() if state == FINDINGS]
        assert len(marked) < 6, marked  # not every step because one text has a Croatian version
        assert not any(f.code == "untranslated" for f in editor.findings)
        await pilot.press("f4")  # write in Croatian
        await settle(pilot)
        assert editor.edit_lang == "hr"
        assert any(f.code == "untranslated" for f in editor.findings)
        box = str(editor.query_one("#step-findings").render())
        assert "suggestion" in box
        await pilot.press("f4", "f4", "f4")  # zh, tr, back to English
        await settle(pilot)
        assert editor.edit_lang == "en"
        assert not any(f.code == "untranslated" for f in editor.findings)


async def test_f2_hides_and_shows_the_preview():
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        preview = app.editor.query_one(Preview)
        await type_like_a_terminal(app, "Acme")

        def preview_on_screen() -> bool:
            widget, _region = app.screen.get_widget_at(110, 10)
            return preview in widget.ancestors_with_self

        assert await wait_until(preview_on_screen)
        app.post_message(events.Key("f2", None))
        assert await wait_until(lambda: not preview_on_screen())
        app.post_message(events.Key("f2", None))
        assert await wait_until(preview_on_screen)
        assert await wait_until(lambda: "Acme" in preview_text(app, "title"))


async def test_keys_after_a_quick_tab_go_to_the_next_field():
    """A burst "Acme<Tab>Ana" (a fast typist, tmux send-keys) fills two fields: the Tab moves
    the focus before the keys after it are handed out, so "Ana" is not added to "Acme"."""
    app = PolicyWizardApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("tab")
        burst(app, *"Acme", "tab", *"Ana")
        await settle(pilot)
        await wait_until(lambda: focused_text_field(app) is not None and focused_text_field(app).value == "Ana")
        assert app.editor.data.get("company") == "Acme"
        assert app.editor.data.get("owner") == "Ana"


async def test_items_typed_in_a_burst_after_enter_each_become_an_item():
    """"hours<Enter>greet…<Enter>" in one burst: Enter waits for the letters before it, so
    the first item is not taken for empty, and the second lands in a new item."""
    app = PolicyWizardApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await settle(pilot)
        await app.editor.show_step("standards")
        await settle(pilot)
        # Enter on "Add a commitment", then the items, all in one burst
        burst(app, "enter", *"answer within a day", "enter", *"greet customers by name", "enter")
        await wait_until(lambda: len(app.editor.data.get("standards", {}).get("always", [])) == 2)
        await settle(pilot)
        assert app.editor.data["standards"]["always"] == ["answer within a day", "greet customers by name"]
        assert not app.editor.data["standards"].get("never")


async def test_letters_typed_just_before_f8_are_kept(tmp_path):
    app = PolicyWizardApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await settle(pilot)
        burst(app, *"Acme Ltd", "f8")
        await wait_until(lambda: app.editor.step == "purpose")
        await settle(pilot)
        assert app.editor.data.get("title") == "Acme Ltd"


@pytest.mark.parametrize("patience", [None, 0.0], ids=["usual", "patience-spent"])
async def test_ctrl_q_right_after_typing_still_asks_to_save(monkeypatch, patience):
    """Ctrl+Q waits for the letters typed before it: it asks, and nothing is lost, also on a
    machine too busy for the key queue to wait for each letter (its patience spent)."""
    from wizard.app import catch_up
    from wizard.app.screens.dialogs import QuitScreen

    if patience is not None:
        monkeypatch.setattr(catch_up, "PATIENCE_SECONDS", patience)
    app = PolicyWizardApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await settle(pilot)
        burst(app, *"Acme", "ctrl+q")
        assert await wait_until(lambda: isinstance(app.screen, QuitScreen))
        assert app.editor.data.get("title") == "Acme"


async def test_typing_right_after_start_goes_into_the_first_field():
    """Enter on "Start a new policy" and the title typed at once, in one burst: the editor
    opens and every letter lands in the title, the first one too."""
    app = PolicyWizardApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        burst(app, "enter", *"Acme policy")
        assert await wait_until(lambda: app.editor is not None and app.editor.data.get("title") == "Acme policy")
