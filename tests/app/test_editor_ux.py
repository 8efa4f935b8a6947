"""What new users met in the editor (issue 14), reproduced with keys as they pressed them:
no key lost after an action, the right language everywhere, readable in every theme and size."""

from __future__ import annotations

import shutil

import pytest

from tests.app.conftest import burst, settle
from tests.app.test_keys import palette_text, screen_lines
from wizard.app.app import PolicyWizardApp
from wizard.app.widgets.preview import Preview, SectionView
from wizard.i18n import set_ui_language


@pytest.fixture
def english_policy(tmp_path, examples):
    target = tmp_path / "policy.yaml"
    shutil.copy(next(p for p in examples if p.name.startswith("northwind")), target)
    return target


def screen_text(app) -> str:
    return "\n".join(screen_lines(app))


def preview_markdown(app) -> str:
    return "\n".join(view.markdown for view in app.editor.query_one(Preview).query(SectionView))


# ---------------------------------------------------------------------- right language


async def test_the_preview_follows_the_language_being_written_back_to_the_policys_own(english_policy):
    app = PolicyWizardApp("edit", english_policy)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        for written, caption in (("hr", "Preview: Croatian"), ("zh", "Preview: Chinese"),
                                 ("tr", "Preview: Turkish"), ("en", "Preview: English")):
            await pilot.press("f4")
            await settle(pilot)
            assert app.editor.edit_lang == written
            assert app.editor.query_one(Preview).lang == written
            assert caption in screen_text(app)
        await pilot.press("f8")  # and on the next step too
        await settle(pilot)
        assert app.editor.query_one(Preview).lang == "en"
        assert "Purpose and scope" in preview_markdown(app)
        assert "Preview: English" in screen_text(app)


async def test_language_names_are_in_the_ui_language(english_policy):
    set_ui_language("hr")
    app = PolicyWizardApp("edit", english_policy)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f4")  # translate into Croatian
        await settle(pilot)
        shown = screen_text(app)
        assert "Pregled: hrvatski" in shown
        assert "engleski" in shown  # the original text's language, under each field
        for own_name in ("English", "Hrvatski", "Türkçe"):
            assert own_name not in shown


async def test_the_app_language_chosen_in_the_palette_is_used_at_the_next_start_and_by_check(tmp_path, english_policy, capsys):
    app = PolicyWizardApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        await pilot.press(*"turkce")  # the language's own name finds it, without its diacritics
        await pilot.pause(0.5)
        assert "App language: Turkish" in palette_text(app)
        await pilot.press("enter")
        await settle(pilot)
    set_ui_language("en")  # a new process
    from wizard.cli import main

    main(["check", str(english_policy)])
    assert "hız vaat ediyor ama ne kadar hızlı olduğunu söylemiyor" in capsys.readouterr().out
    app = PolicyWizardApp()
    from wizard.i18n import chosen_language

    set_ui_language(chosen_language())  # as the command line does before it starts the app
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "Politika Sihirbazı" in screen_text(app)


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANGUAGE": "de:tr", "LANG": "hr_HR.UTF-8"}, "tr"),  # LANGUAGE first, its first language we have
    ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "hr_HR.UTF-8"}, "zh"),  # LC_MESSAGES before LANG
    ({"LC_ALL": "hr_HR.UTF-8", "LC_MESSAGES": "tr_TR.UTF-8"}, "hr"),  # LC_ALL before LC_MESSAGES
    ({"LANGUAGE": "hr", "LANG": "C.UTF-8"}, "en"),  # gettext ignores LANGUAGE in the C locale
    ({"LANG": "de_DE.UTF-8", "LC_MESSAGES": ""}, "en"),
])
def test_the_ui_language_comes_from_the_locale_variables_in_gettexts_order(environ, expected):
    from wizard.i18n import language_from_environment

    assert language_from_environment(environ) == expected


@pytest.mark.parametrize(("ui", "typed", "found"), [
    ("tr", "ÖNİZLEME", "Önizleme dili: Türkçe"),
    ("tr", "onizleme", "Önizleme dili: Türkçe"),
    ("tr", "FARKLI", "Farklı kaydet…"),
    ("zh", "按键", "快捷键"),
    ("hr", "spremi kao", "Spremi kao…"),
])
async def test_palette_search_folds_case_and_diacritics_and_knows_other_words(english_policy, ui, typed, found):
    set_ui_language(ui)
    app = PolicyWizardApp("edit", english_policy)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        burst(app, *typed)
        await pilot.pause(0.8)
        assert found in palette_text(app)
