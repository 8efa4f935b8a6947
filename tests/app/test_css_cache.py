"""The stylesheets Textual parsed are kept between runs (wizard.app.css_cache): a second
start takes every rule from the cache and styles the app exactly as a parse does, and a
damaged cache file costs a parse, never a look."""

from __future__ import annotations

import pytest
from textual.css.stylesheet import Stylesheet
from textual.widgets import Button

from tests.app.conftest import settle
from wizard.app import css_cache
from wizard.app.app import PolicyWizardApp
from wizard.app.textual_fixes import textual_fixes_apply

# The cache replaces a private method of Textual's stylesheet, read in one release.
pytestmark = pytest.mark.skipif(not textual_fixes_apply(), reason="the app's fixes to Textual are off on this release")


def rules_as_parsed(sheet: Stylesheet) -> list:
    """Every rule of the stylesheet, parsed from its sources now, in a comparable form."""
    fresh = Stylesheet(variables=sheet._variables)
    return [described(rule) for read_from, (css, is_default, tie_breaker, scope) in sheet.source.items()
            for rule in css_cache.TEXTUAL_PARSE_RULES(fresh, css, read_from, is_default, tie_breaker, scope)]


def described(rule) -> tuple:
    return (repr(rule.selector_set), {name: repr(value) for name, value in rule.styles._rules.items()},
            rule.is_default_rules, rule.tie_breaker, rule.selector_names, rule.pseudo_classes)


async def start_and_look(size=(100, 30)) -> tuple[list, str, tuple]:
    """Open the welcome screen in a new "process" (a cache read from the file anew); return
    the app's rules, the Start button's colours and what the cache did."""
    app = PolicyWizardApp()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        rules = [described(rule) for rule in app.stylesheet.rules]
        parsed = rules_as_parsed(app.stylesheet)
        button = app.screen.query_one("#new", Button)
        look = f"{button.styles.background} {button.styles.color}"
    cache_did = (css_cache._parsed.hits > 0, css_cache._parsed.dirty)
    css_cache.save_parsed_stylesheets()
    assert rules == parsed
    return rules, look, cache_did


def new_process(monkeypatch) -> None:
    monkeypatch.setattr(css_cache, "_parsed", css_cache.KeptBetweenRuns("stylesheets"))


async def test_a_second_start_parses_no_stylesheet_and_looks_the_same(monkeypatch):
    new_process(monkeypatch)
    first_rules, first_look, _ = await start_and_look()
    assert css_cache._parsed.path().is_file()
    new_process(monkeypatch)
    second_rules, second_look, (used_cache, parsed_anything) = await start_and_look()
    assert used_cache and not parsed_anything
    assert second_rules == first_rules and second_look == first_look


async def test_a_damaged_cache_file_is_parsed_again_and_written_anew(monkeypatch):
    new_process(monkeypatch)
    rules, look, _ = await start_and_look()
    path = css_cache._parsed.path()
    content = path.read_bytes()
    for damaged in (content[: len(content) // 2], b"not a pickle at all", content[:-1] + bytes([content[-1] ^ 1])):
        path.write_bytes(damaged)
        new_process(monkeypatch)
        again_rules, again_look, (used_cache, parsed_anything) = await start_and_look()
        assert not used_cache and parsed_anything
        assert again_rules == rules and again_look == look
        assert path.read_bytes() != damaged  # written anew at exit
