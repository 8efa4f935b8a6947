"""How the editor behaves for a user: steps, palette, preview, quitting, languages, bad files."""

from __future__ import annotations


from tests.app.conftest import burst, focused_text_field, opened, run_command, settle, type_at_end
from wizard.app.app import PolicyWizardApp, load_settings
from wizard.app.screens.dialogs import FileProblemsScreen, QuitScreen
from wizard.app.widgets.preview import Preview, SectionView
from wizard.app.widgets.sidebar import StepList
from wizard.app.ui import STEP_KEYS
from wizard.i18n import ui_language


async def test_any_step_from_the_sidebar(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        editor = app.editor
        await pilot.press("ctrl+g")
        assert isinstance(app.focused, StepList)
        await pilot.press("down", "down", "down", "enter")
        await settle(pilot)
        assert editor.step == "mission"


async def test_any_step_from_the_command_palette(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await run_command(pilot, "Go to: Values")
        assert app.editor.step == "values"


async def test_the_form_left_leaves_the_screen_at_once_and_is_set_aside_soon_after(tmp_path):
    """The form of the step left is hidden at once and set aside after the next step is
    drawn (kept for the way back): keys typed meanwhile go into the new step, and nothing
    of the old one stays on screen."""
    from wizard.spec import dump_spec

    policy = tmp_path / "policy.yaml"
    terms = [{"term": f"Term {number}", "meaning": f"Meaning {number}"} for number in range(1, 30)]
    policy.write_text(dump_spec({"schema_version": 1, "language": "en", "definitions": terms}), "utf-8")
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await app.editor.go_to("definitions")
        await settle(pilot)
        left = app.editor.form
        await pilot.press("f8", *"We listen")  # on to the mission, typing at once
        assert app.editor.step == "mission"
        host = app.editor.query_one("#form-host").region
        rows = app.screen._compositor.render_strips()[host.y:host.bottom]
        in_form = "\n".join(strip.text[host.x:host.right] for strip in rows)
        assert "Mission" in in_form and "Term 1" not in in_form
        await settle(pilot)
        assert app.editor.data["mission"] == "We listen"
        assert not left.display and app.editor.ahead.built("definitions") is left
        shown = [form for form in app.editor.query_one("#form-host").children if form.display]
        assert [type(form).__name__ for form in shown] == ["MissionForm"]  # (others are built ahead, hidden)


async def test_the_step_list_and_the_preview_show_the_step_the_form_shows(policy):
    """They follow the form a frame later: after F8 pressed three times in a row, the step
    list marks the last step reached and the preview has its section at the top."""
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        editor = await opened(pilot)
        await settle(pilot)
        burst(app, "f8", "f8", "f8")
        await settle(pilot)
        assert editor.step == "mission"
        steps = editor.query_one(StepList)
        assert (steps.current, steps.highlighted) == ("mission", STEP_KEYS.index("mission"))
        preview = editor.query_one(Preview)
        current = preview.query_one(".-current", SectionView)
        assert current.key == "mission"
        assert 0 <= current.region.y - preview.content_region.y <= 1  # (the preview's first line is blank)


async def test_next_and_back_keep_every_answer():
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        editor = app.editor
        assert focused_text_field(app) is not None
        await pilot.press(*"Harbour Books")
        before = dict(editor.data)
        await pilot.press("f8")
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        assert editor.step == "basics"
        assert editor.data == before
        assert focused_text_field(app).value == "Harbour Books"


async def test_the_preview_follows_edits_and_redraws_only_the_changed_section(policy):
    app = PolicyWizardApp("edit", policy)
    rendered: list[Preview.Rendered] = []

    def hook(message):
        if isinstance(message, Preview.Rendered):
            rendered.append(message)

    async with app.run_test(size=(140, 40), message_hook=hook) as pilot:
        await settle(pilot)
        preview = app.editor.query_one(Preview)
        assert preview.display  # wide enough: shown by default
        keys = [view.key for view in preview.query(SectionView)]
        assert keys[0] == "title" and "mission" in keys
        rendered.clear()
        await app.editor.go_to("vision")
        await settle(pilot)
        field = focused_text_field(app)
        assert field is not None
        await type_at_end(pilot, " Soon.")
        assert rendered, "the preview did not redraw after an edit"
        assert set(rendered[-1].changed) <= {"vision"}
        assert any("vision" in message.changed for message in rendered)
        assert "Soon." in preview.query_one("#pv-vision", SectionView).markdown


async def test_a_stale_preview_result_is_dropped(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        preview = app.editor.query_one(Preview)
        shown = preview.query_one("#pv-title", SectionView).markdown
        preview._apply([("title", "# Old", None)], preview.lang, preview._version - 1)
        assert preview.query_one("#pv-title", SectionView).markdown == shown


async def test_preview_toggle_and_language(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        preview = app.editor.query_one(Preview)
        assert not preview.display  # 100 columns: the form gets the room
        await pilot.press("f2")
        await settle(pilot)
        assert preview.display
        await pilot.press("f3")
        await settle(pilot)
        assert preview.lang == "hr"
        assert not preview.pending


async def test_quit_asks_when_there_are_unsaved_changes(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_at_end(pilot, "!")
        await pilot.press("ctrl+q")
        await opened(pilot, QuitScreen)
        await pilot.press("escape")  # keep editing
        await opened(pilot)
        assert app.is_running and app.screen is app.editor
        await pilot.press("ctrl+q")
        await opened(pilot, QuitScreen)
        await pilot.click("#discard")
        await pilot.pause(0.2)
    assert not app.is_running
    assert "!" not in policy.read_text(encoding="utf-8").splitlines()[2]


async def test_quit_without_changes_does_not_ask(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause(0.2)
    assert not app.is_running


async def test_a_bad_file_shows_its_problems(tmp_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text("schema_version: 1\nlanguage: en\nmission: [unclosed\n", encoding="utf-8")
    app = PolicyWizardApp("edit", bad)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, FileProblemsScreen)
        problems = [str(widget.content) for widget in app.screen.query(".problem")]
        assert problems and all("broken.yaml" in problem for problem in problems)
        await pilot.press("escape")  # back
        await settle(pilot)
        assert type(app.screen).__name__ == "WelcomeScreen"


async def test_theme_and_ui_language_from_the_palette(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await run_command(pilot, "Theme: light")
        await run_command(pilot, "App language: Hrvatski", shown="App language: Croatian")
        assert app.theme == "textual-light"
        assert ui_language() == "hr"
        assert app.editor.step == "basics"
    assert load_settings()["theme"] == "light"


async def test_recent_files_on_the_welcome_screen(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
    app = PolicyWizardApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        recent = app.screen.query_one("#recent")
        recent.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert app.editor is not None and app.editor.path.resolve() == policy.resolve()


async def test_step_marks_show_progress(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        states = app.editor.query_one(StepList).states
        assert states["mission"] in ("complete", "findings")
        assert states["review"] == "none"
    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        states = app.editor.query_one(StepList).states
        assert states["mission"] == "empty"


async def test_f9_inserts_the_guides_example_into_the_focused_field():
    from wizard.app.guidance import guidance_for

    app = PolicyWizardApp("new", lang="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        editor = app.editor
        await editor.go_to("mission")
        await settle(pilot)
        assert focused_text_field(app) is not None
        await pilot.press("f9")
        await settle(pilot)
        assert editor.data.get("mission") == guidance_for("mission").examples["mission"]
        assert editor.dirty


async def test_opening_another_file_with_unsaved_changes_is_refused(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_at_end(pilot, "!")
        await pilot.press("ctrl+o")
        await pilot.pause(0.2)
        assert app.screen is app.editor
