"""Textual's parsed stylesheets, kept between runs in the user's cache folder.

At every start Textual parses the app's stylesheets and the CSS of each widget class it
meets (their DEFAULT_CSS): about 20 ms of the welcome screen's first frame and 40 ms of
the editor's, in processor time. Here the rules of each stylesheet source are pickled,
keyed by everything their parse depends on (the CSS text, where it was read from, its
flags and scope, the theme's variables, Textual's version), and a later start unpickles
them in a seventh of the time. Purely a cache: a file that is damaged, of another
release or unreadable costs the parse, never a look; deleting it is safe.

Installed by `wizard.app.textual_fixes` (it replaces a private method of Textual's
`Stylesheet`), so only on the Textual releases it was read against.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Any

from textual.css.stylesheet import Stylesheet

from wizard.cache_file import read_checked, write_checked

CACHE_VERSION = 1
_LIMIT = 600  # entries: the app's sources in two themes, with room to spare


class KeptBetweenRuns:
    """Pickled entries in one file of the user's cache folder, as read from it and as made
    in this run (written back at exit when something new was made): the parsed rules of
    each stylesheet source here, the style matches of `wizard.app.style_sharing`."""

    def __init__(self, name: str, limit: int = _LIMIT) -> None:
        self.name = name
        self.limit = limit
        self.entries: dict[str, bytes] | None = None
        self.used: set[str] = set()  # read or made in this run: what a full cache keeps
        self.hits = 0  # entries taken from the file in this run
        self.dirty = False

    def path(self) -> Path:
        from platformdirs import user_cache_dir

        from wizard.app.textual_fixes import textual_version

        name = f"{self.name}-{CACHE_VERSION}-textual-{textual_version()}.pickle"
        return Path(user_cache_dir("policy-wizard", appauthor=False)) / name

    def load(self) -> dict[str, bytes]:
        if self.entries is None:
            self.entries = {}
            body = read_checked(self.path())
            try:
                entries = pickle.loads(body) if body is not None else {}
            except Exception:  # damaged: made again, and written anew
                entries = {}
            self.entries = entries if isinstance(entries, dict) else {}
        return self.entries

    def get(self, key: str) -> Any:
        pickled = self.load().get(key)
        if pickled is None:
            return None
        try:
            value = pickle.loads(pickled)
        except Exception:
            return None
        self.used.add(key)
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        try:
            pickled = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # something in it that does not pickle: made again each run
            return
        entries = self.load()
        if len(entries) >= self.limit:  # keep what this run used
            self.entries = entries = {key: entries[key] for key in self.used if key in entries}
        entries[key] = pickled
        self.used.add(key)
        self.dirty = True

    def save(self) -> None:
        if not self.dirty or self.entries is None:
            return
        self.dirty = False
        write_checked(self.path(), pickle.dumps(self.entries, protocol=pickle.HIGHEST_PROTOCOL))


_parsed = KeptBetweenRuns("stylesheets")
TEXTUAL_PARSE_RULES = Stylesheet._parse_rules  # Textual's own parse, which the cache stands before


def source_key(sheet: Stylesheet, css: str, read_from: Any, is_default_rules: bool, tie_breaker: int,
               scope: str) -> str:
    """What the parse of one source depends on, as a digest."""
    variables = sorted(sheet._variables.items())
    text = repr((css, read_from, is_default_rules, tie_breaker, scope, variables))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def use_parsed_stylesheet_cache() -> None:
    """Make Textual's stylesheets take parsed rules from the cache, and add to it what they
    parse (again is harmless)."""
    if getattr(Stylesheet._parse_rules, "_uses_cache", False):
        return

    def cached_parse_rules(self: Stylesheet, css: str, read_from: Any, is_default_rules: bool = False,
                           tie_breaker: int = 0, scope: str = "") -> list:
        in_memory = (css, read_from, is_default_rules, tie_breaker, scope)
        if in_memory in self._parse_cache:
            return self._parse_cache[in_memory]
        key = source_key(self, css, read_from, is_default_rules, tie_breaker, scope)
        rules = _parsed.get(key)
        if rules is None:
            rules = TEXTUAL_PARSE_RULES(self, css, read_from, is_default_rules, tie_breaker, scope)
            if not any(rule.errors for rule in rules):  # a stylesheet with errors is told of each time
                _parsed.put(key, rules)
        self._parse_cache[in_memory] = rules
        return rules

    cached_parse_rules._uses_cache = True  # type: ignore[attr-defined]
    Stylesheet._parse_rules = cached_parse_rules  # type: ignore[method-assign]


def save_parsed_stylesheets() -> None:
    """Write what this run parsed to the cache (at the app's exit)."""
    _parsed.save()
