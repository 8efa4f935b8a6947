"""Styles shared between widgets that stand in the same place of the same kind of tree.

Textual styles each widget by matching every rule that could apply against the widget and
its ancestors: about 0.3 ms a widget, a quarter of what a step switch spends on the
procedures or the standards (150-250 widgets, most of them rows alike but for their
text). It caches a match only between siblings mounted together. A rule's match depends
only on what selectors can see along the widget's path from the app: each node's type,
id, classes and pseudo-classes. So a match is kept here for the session under that path,
and the next widget on an alike path (the next row, the same step opened again) gets the
same rules without the matching.

What the key holds, node by node: the type, the id, the classes, and the state behind the
pseudo-classes a node can change (hover, focus, disabled, whether it can take the focus).
Rules that ask where a node stands among its siblings (`:first-child`, `:odd`...) or
about its descendants' focus (`:focus-within`) are never kept: Textual already refuses to
cache those, and only what it would cache is kept here. The app's own state (dark or light,
focus of the terminal) is part of the key, and the kept matches are forgotten when the
stylesheet changes (a new theme parses it again).

The matches are also kept between runs, in the user's cache folder beside the parsed
stylesheets (`wizard.app.css_cache`), under a fingerprint of the stylesheet they were made
for: a start builds the same stylesheets in the same order, and matched about 145 widgets
for the editor's first screen (about 12 ms of its start; the rest of the styling is
Textual setting each widget's rules). Purely a cache: a damaged file, or one made for
other stylesheets, costs the matching, never a look.

Installed by `wizard.app.textual_fixes` (it wraps `Stylesheet.apply`), so only on the
Textual releases it was read against.
"""

from __future__ import annotations

import hashlib
from typing import Any

from textual.css.stylesheet import Stylesheet

from wizard.app.css_cache import KeptBetweenRuns

_LIMIT = 4000  # paths kept; a long session on many policies stays well under it
_between_runs = KeptBetweenRuns("style-matches", limit=300)  # (stylesheets as parsed at some moment)


class _Kept:
    """The matches kept for one parse of the stylesheet, starting from those a former run
    kept for the same stylesheet (the same sources, in the same order, with the same
    theme), so that a start styles most widgets without matching them."""

    def __init__(self, rules_map: Any, fingerprint: str) -> None:
        self.rules_map = rules_map
        self.fingerprint = fingerprint
        from_file = _between_runs.get(fingerprint)
        self.matches: dict[tuple, tuple] = from_file if isinstance(from_file, dict) else {}


_added: dict[str, _Kept] = {}  # by fingerprint: the parses of this run that made new matches


TEXTUAL_APPLY = Stylesheet.apply  # Textual's own matching, for a widget on no kept path


def share_styles_between_alike_widgets() -> None:
    """Wrap `Stylesheet.apply` (again is harmless)."""
    if getattr(Stylesheet.apply, "shares_styles", False):
        return

    def apply(self: Stylesheet, node, *, animate: bool = False, cache: dict | None = None) -> None:
        kept = _kept_for(self)
        key = path_key(node)
        found = kept.matches.get(key)
        if found is not None:
            rules, flags = found
            node._has_hover_style, node._has_focus_within, node._has_order_style, node._has_odd_or_even = flags
            self.replace_rules(node, rules, animate=animate)
            self._process_component_classes(node)
            return
        matched: dict = {}  # what Textual caches of this match, if it would cache it
        TEXTUAL_APPLY(self, node, animate=animate, cache=matched)
        if len(matched) == 1 and len(kept.matches) < _LIMIT:
            flags = (node._has_hover_style, node._has_focus_within, node._has_order_style, node._has_odd_or_even)
            kept.matches[key] = (next(iter(matched.values())), flags)
            _added[kept.fingerprint] = kept

    apply.shares_styles = True  # type: ignore[attr-defined]
    Stylesheet.apply = apply  # type: ignore[method-assign]


def _kept_for(stylesheet: Stylesheet) -> _Kept:
    """The matches kept for the stylesheet as parsed now (a new parse starts afresh).

    Its rules are read first: a source added since the last parse (a screen's own CSS)
    is parsed then, which drops the old map of rules. Read the other way round, the old
    map would be taken for the new rules, and Textual's apply that follows would match
    the widget against the old rules, giving it hardly any style."""
    stylesheet.rules  # noqa: B018 (parses what was added since the last parse)
    rules_map = stylesheet.rules_map
    kept: _Kept | None = getattr(stylesheet, "_wizard_kept_matches", None)
    if kept is None or kept.rules_map is not rules_map:
        kept = _Kept(rules_map, stylesheet_fingerprint(stylesheet))
        stylesheet._wizard_kept_matches = kept  # type: ignore[attr-defined]
    return kept


_content_digests: dict[str, str] = {}


def stylesheet_fingerprint(stylesheet: Stylesheet) -> str:
    """What the parsed rules depend on: every source (where it was read from, its text,
    flags and scope) in order, and the theme's variables. Alike in every run that builds
    the same stylesheet, so the matches a run kept serve the next one."""
    digest = hashlib.sha256()
    for read_from, source in stylesheet.source.items():
        content = _content_digests.get(source.content)
        if content is None:
            content = _content_digests[source.content] = hashlib.sha256(
                source.content.encode("utf-8", "surrogatepass")).hexdigest()
        digest.update(repr((read_from, content, source.is_defaults, source.tie_breaker, source.scope)).encode())
    digest.update(repr(sorted(stylesheet._variables.items())).encode())
    return digest.hexdigest()


def save_style_matches() -> None:
    """Write the matches this run made to the cache (at the app's exit)."""
    for fingerprint, kept in _added.items():
        _between_runs.put(fingerprint, kept.matches)
    _added.clear()
    _between_runs.save()


def path_key(node) -> tuple:
    """What selectors can see of `node` and its ancestors, up to and with the app.

    A node's type is the names type selectors see (its class's and its bases' names), so
    that a key is the same in every run. The hover, focus and disabled states are read
    from where Textual's reactives keep them (`_reactive_<name>`, absent until first set,
    so False, their default): reading them through the reactives set each one up on first
    read and made the key a third of the styling of a new widget."""
    parts = []
    while node is not None:
        parts.append((
            node._css_type_names,
            node._id,
            frozenset(node._classes),
            getattr(node, "_reactive_mouse_hover", False),
            getattr(node, "_reactive_has_focus", False),
            getattr(node, "_reactive_disabled", False),
            getattr(node, "can_focus", False),
        ))
        parent = node._parent
        if parent is None:
            parts.append(node.pseudo_classes)  # the app: dark or light, the terminal's focus
        node = parent
    return tuple(parts)
