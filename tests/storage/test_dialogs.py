"""The storage dialogs, each mounted in a tiny app and driven with the keyboard only."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Button, Input, Static

from wizard import i18n
from wizard.app.screens.conflict import ConflictScreen
from wizard.app.screens.recover import RecoverDraftScreen, section_names, when_text
from wizard.app.screens.save_as import SaveAsScreen, resolve_name
from wizard.app.screens.save_failed import SaveFailedScreen
from wizard.storage import DraftInfo

ROOT = Path(__file__).resolve().parents[2]
NO_RESULT = object()


class DialogApp(App):
    """A bare app: the dialogs bring their own stylesheet."""

    def __init__(self, make_screen) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.result = NO_RESULT

    def on_mount(self) -> None:
        self.push_screen(self.make_screen(), callback=self._done)

    def _done(self, result) -> None:
        self.result = result


class ManyDialogsApp(App):
    """Opens the same dialog again and again, one per key sequence, and records each answer."""

    def __init__(self, make_screen) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.results: list = []

    def ask(self) -> None:
        self.push_screen(self.make_screen(), callback=self.results.append)


async def answers(make_screen, sequences: list[list[str]], size=(80, 24)) -> list:
    """The dialog's answer to each key sequence, typed by a keyboard-only user."""
    app = ManyDialogsApp(make_screen)
    async with app.run_test(size=size) as pilot:
        for keys in sequences:
            app.ask()
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
    assert len(app.results) == len(sequences)
    return app.results


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


def all_text(screen) -> str:
    return "\n".join(str(w.content) for w in screen.query(Static)) + "\n" + "\n".join(
        str(b.label) for b in screen.query(Button)
    )


def assert_fits(app, screen) -> None:
    """The box is centred and every button is fully on the screen (keyboard users can see what they choose)."""
    width, height = app.size
    box = screen.query_one("#storage-box").region
    assert box.x > 0 and box.right < width, "the dialog's own stylesheet was not applied"
    for button in screen.query(Button):
        region = button.region
        assert region.width > 0 and region.height > 0, button.id
        assert region.right <= width and region.bottom <= height, button.id


def draft_info(target: Path | None, minutes_ago: int = 5, title: str = "Customer Service Policy") -> DraftInfo:
    saved_at = datetime.now(timezone.utc) - timedelta(minutes=minutes_ago)
    return DraftInfo("file-abc", target, saved_at, title, "Northwind", "en", 12345, Path("/nowhere"))


# ---------------------------------------------------------------------------
# Recover a draft
# ---------------------------------------------------------------------------


async def test_recover_choices_with_keys(tmp_path):
    keys_and_answers = [
        (["enter"], "restore"),
        (["down", "enter"], "discard"),
        (["tab", "enter"], "discard"),
        (["down", "down", "enter"], "later"),
        (["escape"], "later"),
        (["down", "up", "enter"], "restore"),
    ]
    results = await answers(
        lambda: RecoverDraftScreen(draft_info(tmp_path / "policy.yaml"), ["mission", "values"]),
        [keys for keys, _ in keys_and_answers],
    )
    assert results == [answer for _, answer in keys_and_answers]


async def test_recover_says_when_and_what(tmp_path):
    target = tmp_path / "policy.yaml"
    target.write_text("schema_version: 1\nlanguage: en\n", encoding="utf-8")
    info = draft_info(target, minutes_ago=5)
    app = DialogApp(lambda: RecoverDraftScreen(info, ["company", "title", "mission", "standards", "revisions"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RecoverDraftScreen)
        assert text_of(screen, "#storage-title") == "Unsaved work was found"
        assert text_of(screen, "#recover-intro") == f"Policy Wizard kept your unsaved changes to {target}."
        when = text_of(screen, "#recover-when")
        assert when.startswith("Last changed: ")
        assert "(5 minutes ago)" in when
        assert str(info.saved_at.astimezone().year) in when
        assert text_of(screen, "#recover-sections") == (
            "Sections that differ from the file: “Basics”, “Mission”, “Service standards”, and “Review and export”"
        )
        assert isinstance(screen.focused, Button) and screen.focused.id == "choice-restore"
        assert not screen.query("#recover-file-gone")
        assert_fits(app, screen)


async def test_recover_new_policy(tmp_path):
    info = draft_info(None, title="")
    app = DialogApp(lambda: RecoverDraftScreen(info, ["language", "company", "mission"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert text_of(screen, "#recover-intro") == "Policy Wizard kept a new policy that was never saved: Northwind."
        assert text_of(screen, "#recover-sections") == "Sections written: “Basics” and “Mission”"
        assert "Delete the draft for good." in all_text(screen)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Sections that differ from the file: “Purpose and scope”, “Values”, and “Enforcement and review”"),
        ("hr", "Odjeljci koji se razlikuju od datoteke: „Svrha i primjena”, „Vrijednosti” i „Provedba i nadzor”"),
        ("zh", "与文件不同的章节：“目的和适用范围”、“核心价值观”和“执行与监督”"),
        ("tr", "Dosyadan farklı olan bölümler: “Amaç ve kapsam”, “Değerlerimiz” ve “Uygulama ve denetim”"),
    ],
)
async def test_recover_titles_with_and_stay_apart(tmp_path, lang, expected):
    """Titles that hold the language's own "and" are quoted, so the list cannot be misread."""
    target = tmp_path / "policy.yaml"
    target.write_text("schema_version: 1\nlanguage: en\n", encoding="utf-8")
    i18n.set_ui_language(lang)
    info = draft_info(target, minutes_ago=5)
    app = DialogApp(lambda: RecoverDraftScreen(info, ["purpose", "values", "enforcement"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert text_of(app.screen, "#recover-sections") == expected
        assert_fits(app, app.screen)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("hr", "prije 5 minuta"),
        ("tr", "5 dakika önce"),
        ("zh", "5分钟前"),
    ],
)
def test_when_is_in_the_ui_language(lang, expected):
    now = datetime(2026, 12, 1, 10, 5, tzinfo=timezone.utc)
    text = when_text(now - timedelta(minutes=5), now=now, lang=lang)
    assert expected in text
    assert "2026" in text


def test_when_is_local_long_date():
    now = datetime(2026, 12, 1, 10, 5, tzinfo=timezone.utc)
    assert when_text(now - timedelta(seconds=20), now=now, lang="en").endswith("(less than a minute ago)")
    assert "December 1, 2026" in when_text(now, now=now, lang="en") or "November 30, 2026" in when_text(now, now=now, lang="en")


def test_section_names_follow_the_steps():
    assert section_names(["schema_version", "language", "owner"]) == ["Basics"]
    assert section_names(["purpose", "definitions", "escalation", "training", "enforcement", "sections"]) == [
        "Purpose and scope", "Definitions", "Escalation", "Training", "Enforcement and review", "Extra sections",
    ]
    assert section_names(["mystery"]) == ["mystery"]


# ---------------------------------------------------------------------------
# Conflict
# ---------------------------------------------------------------------------


async def test_conflict_choices_with_keys(tmp_path):
    keys_and_answers = [
        (["enter"], "save_as"),
        (["down", "enter"], "overwrite"),
        (["down", "down", "enter"], "reload"),
        (["down", "down", "down", "enter"], "cancel"),
        (["escape"], "cancel"),
        (["shift+tab", "enter"], "cancel"),
    ]
    results = await answers(lambda: ConflictScreen(tmp_path / "policy.yaml"), [k for k, _ in keys_and_answers])
    assert results == [answer for _, answer in keys_and_answers]


async def test_conflict_explains_each_answer(tmp_path):
    target = tmp_path / "policy.yaml"
    app = DialogApp(lambda: ConflictScreen(target))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        text = all_text(screen)
        assert f"{target} was changed on disk after you opened it" in text
        assert "the other one is kept as policy.yaml.bak" in text
        assert "your changes here are dropped" in text
        assert screen.focused.id == "choice-save_as"  # the answer that loses nothing
        assert_fits(app, screen)


async def test_conflict_by_mouse(tmp_path):
    app = DialogApp(lambda: ConflictScreen(tmp_path / "policy.yaml"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.click("#choice-overwrite")
        await pilot.pause()
    assert app.result == "overwrite"


# ---------------------------------------------------------------------------
# Save failed
# ---------------------------------------------------------------------------


async def test_save_failed_says_so_plainly():
    app = DialogApp(lambda: SaveFailedScreen("Could not save /x/policy.yaml: the disk is full."))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert text_of(screen, "#storage-title") == "The policy was not saved"
        assert text_of(screen, "#save-failed-reason") == "Could not save /x/policy.yaml: the disk is full."
        assert "every edit is still kept here in the wizard" in text_of(screen, "#save-failed-reassurance")
        assert screen.focused.id == "choice-save_as"
        assert_fits(app, screen)


async def test_save_failed_choices():
    results = await answers(lambda: SaveFailedScreen("x"), [["enter"], ["down", "enter"], ["escape"]])
    assert results == ["save_as", None, None]


async def test_markup_in_messages_is_shown_as_typed(tmp_path):
    odd = tmp_path / "[bold]x[/bold].yaml"
    app = DialogApp(lambda: SaveFailedScreen(f"Could not save {odd}: the disk is full."))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert str(odd) in text_of(app.screen, "#save-failed-reason")


# ---------------------------------------------------------------------------
# Save as
# ---------------------------------------------------------------------------


async def type_path(pilot, app, text: str) -> None:
    """Fill the file name field: short names key by key, long temporary paths pasted at once."""
    field = app.screen.query_one("#save-as-path", Input)
    await pilot.press("ctrl+a", "ctrl+k")  # to the start, delete everything after it
    assert field.value == ""
    if len(text) <= 12:
        await pilot.press(*list(text))
    else:
        field.insert_text_at_cursor(text)
    await pilot.pause()


async def test_save_as_new_file(tmp_path):
    app = DialogApp(lambda: SaveAsScreen(None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen.focused, Input)
        await type_path(pilot, app, str(tmp_path / "new-policy.yaml"))
        await pilot.press("enter")
        await pilot.pause()
    assert app.result == tmp_path / "new-policy.yaml"


async def test_save_as_starts_with_the_current_name_and_adds_yaml(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = DialogApp(lambda: SaveAsScreen(tmp_path / "policy.yaml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#save-as-path", Input)
        assert field.value == str(tmp_path / "policy.yaml")
        await type_path(pilot, app, "copy")
        await pilot.press("enter")
        await pilot.pause()
    assert app.result == tmp_path / "copy.yaml"


async def test_typing_a_name_replaces_the_suggested_one(tmp_path, monkeypatch):
    """The suggestion is selected: a user who just types a name gets that name, not the
    suggestion with the name glued to its end."""
    monkeypatch.chdir(tmp_path)
    app = DialogApp(lambda: SaveAsScreen(tmp_path / "policy.yaml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"mine", "enter")
        await pilot.pause()
    assert app.result == tmp_path / "mine.yaml"


async def test_an_arrow_key_keeps_the_suggestion_for_editing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = DialogApp(lambda: SaveAsScreen(tmp_path / "policy.yaml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("end", *["backspace"] * len(".yaml"), *"-v2", "enter")
        await pilot.pause()
    assert app.result == tmp_path / "policy-v2.yaml"


async def test_save_as_expands_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    app = DialogApp(lambda: SaveAsScreen(None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_path(pilot, app, "~/mine.yaml")
        await pilot.press("enter")
        await pilot.pause()
    assert app.result == tmp_path / "mine.yaml"


async def test_save_as_refuses_a_folder_and_a_missing_folder(tmp_path):
    (tmp_path / "policies.yaml").mkdir()
    app = DialogApp(lambda: SaveAsScreen(None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_path(pilot, app, str(tmp_path / "policies.yaml"))
        await pilot.press("enter")
        await pilot.pause()
        message = text_of(app.screen, "#save-as-message")
        assert message == (
            f"{tmp_path / 'policies.yaml'} is a folder. Add a file name, for example "
            f"{tmp_path / 'policies.yaml' / 'policy.yaml'}."
        )
        assert app.screen.query_one("#save-as-message").has_class("-error")
        await type_path(pilot, app, str(tmp_path / "gone" / "p.yaml"))
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(app.screen, "#save-as-message") == f"The folder {tmp_path / 'gone'} does not exist."
        await type_path(pilot, app, "   ")
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(app.screen, "#save-as-message") == "Type a file name."
        assert app.result is NO_RESULT  # still asking
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None


async def test_save_as_warns_before_replacing(tmp_path):
    existing = tmp_path / "old.yaml"
    existing.write_text("keep", encoding="utf-8")
    app = DialogApp(lambda: SaveAsScreen(None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_path(pilot, app, str(existing))
        await pilot.press("enter")
        await pilot.pause()
        assert app.result is NO_RESULT
        message = text_of(app.screen, "#save-as-message")
        assert message.startswith(f"{existing} already exists. Press Enter again to replace it")
        assert str(app.screen.query_one("#choice-save", Button).label) == "Replace"
        # Editing the name takes the confirmation back.
        await pilot.press("x", "backspace")
        await pilot.press("enter")
        await pilot.pause()
        assert app.result is NO_RESULT
        await pilot.press("enter")
        await pilot.pause()
    assert app.result == existing
    assert existing.read_text(encoding="utf-8") == "keep"  # the dialog only chooses; the save writes


async def test_save_as_buttons_by_keyboard(tmp_path):
    app = DialogApp(lambda: SaveAsScreen(tmp_path / "a.yaml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert_fits(app, app.screen)
        await pilot.press("down", "down", "enter")  # Input -> Save -> Cancel
        await pilot.pause()
    assert app.result is None


def test_resolve_name(tmp_path):
    assert resolve_name("", tmp_path) is None
    assert resolve_name("p", tmp_path) == tmp_path / "p.yaml"
    assert resolve_name("p.yml", tmp_path) == tmp_path / "p.yml"
    assert resolve_name("a/../b.yaml", tmp_path) == tmp_path / "b.yaml"
    assert resolve_name(str(tmp_path), tmp_path) == tmp_path  # a folder stays a folder (refused later)


# ---------------------------------------------------------------------------
# Other UI languages: every dialog shows translated text that fits
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "hr", "zh", "tr"])
async def test_dialogs_fit_80x24_in_every_language(lang, tmp_path):
    i18n.set_ui_language(lang)
    target = tmp_path / "policy.yaml"
    makers = [
        lambda: RecoverDraftScreen(draft_info(target), ["mission", "values", "standards"]),
        lambda: ConflictScreen(target),
        lambda: SaveFailedScreen("x"),
        lambda: SaveAsScreen(target),
    ]
    index = iter(range(len(makers)))
    app = ManyDialogsApp(lambda: makers[next(index)]())
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in makers:
            app.ask()
            await pilot.pause()
            assert_fits(app, app.screen)
            await pilot.press("escape")
            await pilot.pause()
    assert len(app.results) == len(makers)


def test_free_name(tmp_path):
    from wizard.app.screens.save_as import free_name

    target = tmp_path / "policy.yaml"
    assert free_name(target) == target
    target.write_text("x", encoding="utf-8")
    assert free_name(target) == tmp_path / "policy-2.yaml"
    (tmp_path / "policy-2.yaml").write_text("x", encoding="utf-8")
    assert free_name(target) == tmp_path / "policy-3.yaml"


async def test_recover_when_the_file_is_gone(tmp_path):
    info = draft_info(tmp_path / "moved-away.yaml")
    app = DialogApp(lambda: RecoverDraftScreen(info, ["title", "mission"]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert text_of(screen, "#recover-file-gone").startswith("The file itself is no longer there")
        assert text_of(screen, "#recover-sections") == "Sections written: “Basics” and “Mission”"
        assert_fits(app, screen)


async def test_recover_fits_80x24_with_every_paragraph(tmp_path):
    """The longest case (file gone, many sections) still shows every choice and the keys line."""
    info = draft_info(tmp_path / "gone.yaml")
    keys = ["title", "purpose", "definitions", "mission", "vision", "values", "standards", "procedures"]
    app = DialogApp(lambda: RecoverDraftScreen(info, keys))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert_fits(app, screen)
        hint = screen.query_one("#storage-keys").region
        assert hint.bottom <= 23
        assert "Delete the draft for good." in all_text(screen)
