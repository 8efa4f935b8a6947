"""Letting go of widgets that are removed: what Textual's long-lived objects keep of them.

Each step switch removes one form and mounts another, so every widget removed must be
freed. Textual keeps three kinds of reference that outlive a removed widget (8.2.8):

- `Input` and `TextArea` subscribe to their screen's `text_selection_started_signal`
  with a callback that holds the widget. The signal drops a removed widget only when it is
  next published, that is when the user next selects text with the mouse.
- `TextArea` watches the app's `theme`; `FooterKey` is bound to its footer's `compact`
  (Textual issue 6666). The observed object drops a closed watcher only when that value
  next changes.

Until then every field of every form the user had opened stayed in memory (about 250
widgets, 35,000 objects per visit of all the steps of a 30 KB policy), and every full
garbage collection walked them all: slower and slower step switches as the session went on.
"""

from __future__ import annotations

from textual.dom import DOMNode
from textual.widget import Widget


def release_from_screen_signals(widget: Widget) -> None:
    """Called as an Input or TextArea is unmounted (still in its screen, as Textual's own
    Footer counts on when it unsubscribes): its screen's signal forgets it."""
    widget.screen.text_selection_started_signal.unsubscribe(widget)


def forget_closed_watchers(observed: DOMNode, attribute: str) -> None:
    """Drop the watchers of `observed.attribute` whose widgets are closing or gone, as
    Textual itself does only when the attribute changes."""
    watchers = getattr(observed, "__watchers", {}).get(attribute)
    if watchers:
        watchers[:] = [(node, callback) for node, callback in watchers if not node._closing and not node._closed]
