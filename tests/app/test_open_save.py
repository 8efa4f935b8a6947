"""Opening a policy, changing one field, saving: only that field changes; no edit, no change."""

from __future__ import annotations

from datetime import date

import pytest

from tests.app.conftest import focused_text_field, settle, type_at_end
from wizard.app import core
from wizard.app.app import PolicyWizardApp
from wizard.app.screens.dialogs import RevisionNoteScreen
from wizard.spec import dump_spec


def leaves(node, path=()):
    """Every leaf value of the spec by its path."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from leaves(value, path + (index,))
    else:
        yield path, node


def differences(before: dict, after: dict) -> dict:
    old, new = dict(leaves(before)), dict(leaves(after))
    return {path: (old.get(path), new.get(path)) for path in old.keys() | new.keys() if old.get(path) != new.get(path)}


@pytest.fixture
def canonical_copy(tmp_path):
    def make(example):
        text = dump_spec(core.load(example).data)
        target = tmp_path / example.name
        target.write_text(text, encoding="utf-8")
        return target

    return make


async def test_open_and_save_without_edits_is_byte_identical(examples, canonical_copy):
    for example in examples:
        path = canonical_copy(example)
        before = path.read_bytes()
        app = PolicyWizardApp("edit", path)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            assert app.editor is not None and not app.editor.dirty
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert not app.editor.dirty
        assert path.read_bytes() == before, example.name


async def test_change_one_field_and_save(examples, canonical_copy):
    for example in examples:
        path = canonical_copy(example)
        original = core.load(path).data
        app = PolicyWizardApp("edit", path)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            editor = app.editor
            field = focused_text_field(app)
            assert field is not None, "the first step should start in a text field"
            await type_at_end(pilot, " (edited)")
            assert editor.dirty
            assert "●" in editor.title
            await pilot.press("ctrl+s")
            await settle(pilot)
            # Saving edits of a policy asks for a note, with or without a revision history.
            assert isinstance(app.screen, RevisionNoteScreen)
            await pilot.press(*"Typo fixed", "enter", "enter")
            await settle(pilot)
            assert not editor.dirty
        saved = core.load(path).data
        changed = differences(original, saved)
        edited = {p: v for p, v in changed.items() if p[0] != "revisions"}
        assert len(edited) == 1, (example.name, changed)
        (path_, (old, new)), = edited.items()
        assert new == ((old or "") + " (edited)").strip()
        assert saved["revisions"][:-1] == original.get("revisions", [])
        assert saved["revisions"][-1]["note"] == "Typo fixed"
        assert saved["revisions"][-1]["date"] == date.today().isoformat()


async def test_saving_keeps_the_files_comments(tmp_path):
    """A comment is the author's text too: the schema line and notes survive a save from the app."""
    from tests.app.conftest import settle
    from wizard.app.app import PolicyWizardApp

    policy = tmp_path / "policy.yaml"
    policy.write_text("# yaml-language-server: $schema=./policy.schema.json\nschema_version: 1\n"
                      "language: en\n# ask Ana before changing this\ncompany: Harbour Books\n", encoding="utf-8")
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"Harbour policy")  # the title field has the focus
        await settle(pilot)
        assert app.editor.data["title"] == "Harbour policy"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, RevisionNoteScreen)
        await pilot.press(*"New title", "enter")
        await settle(pilot)
    saved = policy.read_text(encoding="utf-8")
    assert "title: Harbour policy\n" in saved
    assert saved.startswith("# yaml-language-server: $schema=./policy.schema.json\n")
    assert "# ask Ana before changing this\n" in saved
