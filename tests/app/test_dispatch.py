"""A message's handlers are looked up once per class of widget and of message
(wizard.app.dispatch): every message a user's session hands out reaches the same handlers,
in the same order, as Textual's own lookup finds, and a handler that stops the default
action still keeps the handlers of the classes below it from running. A callback's
parameters are counted once per function, not per partial, and as Textual counts them."""

from __future__ import annotations

from functools import partial

import pytest
import textual._callback
from textual.app import App, ComposeResult
from textual.message_pump import MessagePump
from textual.widgets import Input

from tests.app.conftest import settle
from wizard.app import dispatch
from wizard.app.app import PolicyWizardApp
from wizard.app.textual_fixes import install_textual_fixes, textual_fixes_apply
from wizard.app.ui import STEP_KEYS
from wizard.presets import load_preset
from wizard.spec import dump_spec

pytestmark = pytest.mark.skipif(not textual_fixes_apply(), reason="the app's fixes to Textual are off on this release")


def handlers(lookup, pump, name, message) -> list[tuple[type, object]]:
    return [(cls, method.__func__) for cls, method in lookup(pump, name, message)]


class Stopper(Input):
    """An input whose own handler stops the default action of a change."""

    seen: list[str] = []

    def _on_key(self, event) -> None:
        Stopper.seen.append("Stopper")
        event.prevent_default()


class KeysApp(App):
    def compose(self) -> ComposeResult:
        yield Stopper()


async def a_session(tmp_path, once_started) -> None:
    """A user's session in the editor on the call-centre preset, `once_started()` called as it
    opens: typing in the basics, then at each step (by F8) a Tab and a key typed and erased,
    then the palette's "values"."""
    policy = tmp_path / "policy.yaml"
    policy.write_text(dump_spec(load_preset("call-centre", "en")), "utf-8")
    app = PolicyWizardApp("edit", policy)
    async with app.run_test(size=(120, 40)) as pilot:
        once_started()
        await settle(pilot)
        await pilot.press(*"Acme ", "tab", "tab")
        for _step in STEP_KEYS[1:]:
            await pilot.press("f8")
            await settle(pilot)
            await pilot.press("tab", "x", "backspace")
        await pilot.press("ctrl+p")
        await pilot.press(*"values", "enter")
        await settle(pilot)


async def test_a_stopped_default_keeps_the_handlers_below_from_running():
    install_textual_fixes()
    Stopper.seen = []
    app = KeysApp()
    async with app.run_test() as pilot:
        await pilot.press("a")
        assert Stopper.seen == ["Stopper"]
        assert app.query_one(Stopper).value == ""  # Input's own key handler did not type the "a"


async def test_every_message_of_a_session_reaches_the_handlers_textual_finds(tmp_path, monkeypatch):
    install_textual_fixes()
    assert MessagePump._get_dispatch_methods is dispatch.get_dispatch_methods
    compared, differing = [], []

    def compared_lookup(pump, name, message):
        ours = handlers(dispatch.get_dispatch_methods, pump, name, message)
        if ours != handlers(dispatch.TEXTUAL_GET_DISPATCH_METHODS, pump, name, message):
            differing.append((type(pump).__name__, type(message).__name__))
        compared.append(ours)
        return dispatch.get_dispatch_methods(pump, name, message)

    # (the app installs its own at start)
    await a_session(tmp_path, lambda: monkeypatch.setattr(MessagePump, "_get_dispatch_methods", compared_lookup))
    assert differing == []
    assert len(compared) > 1000
    assert any(getattr(function, "_textual_on", None) for found in compared for _, function in found)  # @on handlers too


class Greeter:
    def greet(self, name, punctuation):
        return name + punctuation

    def shout(*words):
        return "!".join(words)


def test_a_partial_is_counted_as_textual_counts_it_and_the_count_kept():
    install_textual_fixes()
    greeter = Greeter()
    partials = [
        partial(greeter.greet), partial(greeter.greet, "Ana"), partial(greeter.greet, punctuation="!"),
        partial(Greeter.greet, greeter), partial(greeter.shout, "a"), partial(Greeter.shout),
        partial(partial(greeter.greet, "Ana"), "!"), partial([].append, "x"), partial(print, "x"),
    ]
    for func in partials:
        expected = dispatch.TEXTUAL_COUNT_PARAMETERS(partial(func.func, *func.args, **func.keywords))
        assert dispatch.count_parameters(func) == expected, func
        assert dispatch.count_parameters(func) == expected, func  # the kept count
    assert Greeter.greet.__dict__["_wizard_bound_parameters"] == 2
    assert Greeter.greet.__dict__["_wizard_parameters"] == 3


async def test_every_callback_of_a_session_is_given_the_arguments_textual_counts(tmp_path, monkeypatch):
    install_textual_fixes()
    assert textual._callback.count_parameters is dispatch.count_parameters
    counted, differing = [], []

    def compared_count(func):
        ours = dispatch.count_parameters(func)
        textuals = dispatch.TEXTUAL_COUNT_PARAMETERS(func)  # a partial's kept on the partial: counted afresh
        counted.append(type(func))
        if ours != textuals:
            differing.append((func, ours, textuals))
        return ours

    await a_session(tmp_path, lambda: monkeypatch.setattr(textual._callback, "count_parameters", compared_count))
    assert differing == []
    assert counted.count(partial) > 100
