"""A step the user leaves is freed: its widgets do not stay in memory for the session.

Textual keeps references to removed widgets in its long-lived objects (a screen's signal,
the app's and the footer's watchers: see wizard.app.widgets.release). Before the fix every
field of every form visited stayed alive, and the step switches grew slower as the garbage
collector walked them all.
"""

from __future__ import annotations

import gc
import weakref
from contextlib import contextmanager
from typing import Iterator

from textual.widgets import Input, TextArea
from textual.widgets._footer import FooterKey

from tests.app.conftest import opened, settle
from wizard.app.app import PolicyWizardApp
from wizard.app.memory import QUIET_SECONDS, hold_collections_until_first_screen


@contextmanager
def collections_started() -> Iterator[list[int]]:
    """The generation of each collection Python starts meanwhile, in order."""
    started: list[int] = []

    def note(phase: str, info: dict) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(note)
    try:
        yield started
    finally:
        gc.callbacks.remove(note)


def still_alive(app, refs: list[weakref.ref]) -> list:
    """What is still alive after the user's next pause (the app's quiet collection: what a
    switch set aside from Python's own collections is walked again there)."""
    app._collector._collect()
    return [ref() for ref in refs if ref() is not None]


async def test_the_fields_of_a_step_left_are_freed_once_its_form_is_replaced(policy):
    """A step left is kept for the way back (wizard.app.forms_ahead), one form per step; once
    it no longer shows the spec as it is (here: the user writes in another language), it is
    replaced, and nothing of it stays."""
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        editor = await opened(pilot)
        left_behind = []
        for step in ("definitions", "mission", "standards"):  # inputs and text areas
            await editor.go_to(step)
            await settle(pilot)
            fields = [weakref.ref(widget) for widget in editor.form.query("*") if isinstance(widget, (Input, TextArea))]
            assert fields, step
            left_behind += fields
        await pilot.press("f4")  # write in another language: every form kept is out of date
        await settle(pilot)
        for step in ("definitions", "mission", "standards", "review"):
            await editor.go_to(step)
            await settle(pilot)
        # at the user's next pause, as below: asyncio may still hold what the last step
        # left running (its cursor's blink), the editor its last messages
        await pilot.pause(QUIET_SECONDS)
        assert still_alive(app, left_behind) == []


async def test_the_keys_the_footer_showed_before_are_freed(policy):
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        editor = await opened(pilot)
        # Built anew when the keys no longer fit (quit comes first) and when they fit again;
        # the keys of the first frame are left out (kept for good with what the app
        # holds from its start, see wizard.app.memory).
        await pilot.resize_terminal(70, 36)
        await settle(pilot)
        before = [weakref.ref(key) for key in editor.query(FooterKey)]
        await pilot.resize_terminal(120, 36)
        await settle(pilot)
        assert not any(ref() in editor.query(FooterKey) for ref in before)
        assert still_alive(app, before) == []


async def test_a_step_shown_at_a_pause_is_freed_at_the_next_pause_once_left(policy):
    """At a pause the app collects everything and sets what survives aside (gc.freeze): the
    step then on screen is among it, and must still be freed once the user has left it (the
    review: a step whose form is not kept for the way back)."""
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        editor = await opened(pilot)
        await editor.go_to("review")
        await settle(pilot)
        widgets = [weakref.ref(widget) for widget in editor.form.query("*")]
        assert len(widgets) > 10
        app._collector._collect()  # the user pauses on the review
        assert gc.get_freeze_count() > 0
        await editor.go_to("standards")
        await settle(pilot)
        # and again on the standards, QUIET_SECONDS later: by then asyncio has let go of the
        # timers the step left had running, which hold it until due
        await pilot.pause(QUIET_SECONDS)
        app._collector._collect()
        assert [ref() for ref in widgets if ref() is not None] == []


async def test_what_a_switch_made_is_out_of_pythons_own_collections_until_the_next_pause(policy):
    """Going through the steps without a pause (F8 held) must not leave Python's own full
    collection a walk over the whole session: once a switch has set the old form aside,
    what exists is set aside; the step shown is then among it, and freed at a pause once
    left (the review, whose form is not kept)."""
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        editor = await opened(pilot)
        await editor.go_to("review")
        await settle(pilot)
        form = weakref.ref(editor.form)
        assert not any(tracked is form() for tracked in gc.get_objects())  # set aside (frozen)
        await pilot.press("f7")
        await settle(pilot)
        assert editor.step == "sections"
        assert not any(tracked is editor.form for tracked in gc.get_objects())
        assert still_alive(app, [form]) == []


async def test_the_collections_held_at_start_resume_once_the_first_screen_is_drawn(policy):
    """The command line holds Python's collector back while the app starts (its modules and
    first screen live until the end): it must run again once the first screen is drawn, in
    the editor as on the welcome screen, or no reference cycle would ever be freed."""
    for app in (PolicyWizardApp("edit", policy), PolicyWizardApp()):
        hold_collections_until_first_screen()
        try:
            async with app.run_test(size=(120, 36)) as pilot:
                await settle(pilot)
                assert app.screen.query("Button"), "the first screen is drawn"
                assert gc.isenabled()
        finally:
            gc.enable()


async def test_no_collection_runs_while_a_switch_builds_and_draws_its_form(policy):
    """What a switch makes is the new form, alive while it is shown: Python's collector
    walking it meanwhile frees nothing and delays the form. It waits until the form is
    drawn, then runs as before."""
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        editor = await opened(pilot)
        await settle(pilot)
        assert gc.isenabled()
        with collections_started() as collections:
            await editor.go_to("standards")
            assert (collections, gc.isenabled()) == ([], False)
            await settle(pilot)
            assert gc.isenabled()
            assert editor.form.query(Input), "the standards are on screen"


async def test_a_hold_on_the_collector_ends_with_the_app(policy):
    """A switch cut short by the app's end (its worker cancelled before it ran) never ends
    its hold itself: the app's end does, or tests and embedders would go on without one."""
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        await opened(pilot)
        await settle(pilot)
        gc.disable()  # a hold whose own end never comes
    assert gc.isenabled()


async def test_a_pause_in_typing_does_not_walk_everything_again(policy):
    """The quiet collection walks every object (150-500 ms once the forms are built): it is
    needed once a widget was taken apart, not after typing alone, nor after a switch that
    keeps the step left for the way back, where a key typed during it would wait for
    nothing."""
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 36)) as pilot:
        editor = await opened(pilot)
        await editor.go_to("review")
        await settle(pilot)
        with collections_started() as collections:
            app._collector._collect()  # the first pause: it walks
            assert collections.count(2) == 1
            await editor.go_to("mission")  # the review left is taken apart
            await settle(pilot)
            app._collector._collect()
            assert collections.count(2) == 2
            await pilot.press(*" We listen.")
            await settle(pilot)
            app._collector._collect()  # a pause in typing
            assert collections.count(2) == 2
            assert "We listen." in str(editor.data["mission"])
            await pilot.press("f8")  # the mission is kept for the way back
            await settle(pilot)
            app._collector._collect()
            assert collections.count(2) == 2
