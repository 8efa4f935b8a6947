"""The handlers of a message found once per class of widget and class of message.

For every message a widget takes (Compose, Mount, Resize, Key, Changed, ...) Textual walks
the widget's class hierarchy and, in each class, the message's own hierarchy, looking for
`@on` handlers and `on_*` methods: about 5 µs a message, and a switch to the service
standards hands out some 1,700 messages (8 ms). What it finds depends only on the two
classes, so that walk is kept; what depends on the message itself is still decided for
each one, in Textual's order: whether an `@on` handler's selectors match the message's
widgets, and whether a handler before has stopped the default action (`prevent_default`).

The same for callbacks (`call_later`, `call_after_refresh`, timers): Textual wraps each in
a new `functools.partial` and counts its parameters with `inspect.signature` (about 20 µs),
keeping the count on the partial, which is never seen again. While typing that was some
50 counts a key (each key's catch-up waits on a few `call_later`s, see
`wizard.app.catch_up`); counted here for the function inside, the count is kept on it
(a built-in's method, which Textual's own count cannot take, is counted as Textual does).
"""

from __future__ import annotations

from functools import partial
from inspect import signature
from types import FunctionType, MethodType
from typing import Any, Callable, Iterable

import textual._callback
from textual._on import OnNoWidget
from textual.css.match import match
from textual.message import Message
from textual.message_pump import MessagePump
from textual.widget import Widget

TEXTUAL_GET_DISPATCH_METHODS = MessagePump._get_dispatch_methods
TEXTUAL_COUNT_PARAMETERS = textual._callback.count_parameters

Plan = tuple[tuple[type, tuple[tuple[Callable, dict], ...], Callable | None], ...]
"""Per class of the widget's hierarchy: its `@on` handlers for the message, in the order
of the message's hierarchy, and its handler by name (None if it has none or it is an
`@on` one)."""

_plans: dict[tuple[type, type, str], Plan] = {}


def dispatch_plan(pump_class: type, message_class: type, method_name: str) -> Plan:
    """What Textual's `_get_dispatch_methods` looks up in the classes, found once."""
    key = (pump_class, message_class, method_name)
    plan = _plans.get(key)
    if plan is None:
        message_mro = [kind for kind in message_class.__mro__ if issubclass(kind, Message)]
        steps = []
        for cls in pump_class.__mro__:
            decorated = cls.__dict__.get("_decorated_handlers") or {}
            handlers = tuple(handler for kind in message_mro for handler in decorated.get(kind, ()))
            method = cls.__dict__.get(f"_{method_name}") or cls.__dict__.get(method_name)
            if method is not None and getattr(method, "_textual_on", None):
                method = None
            steps.append((cls, handlers, method))
        plan = _plans[key] = tuple(steps)
    return plan


def get_dispatch_methods(self: MessagePump, method_name: str, message: Message) -> Iterable[tuple[type, Any]]:
    """Textual's `MessagePump._get_dispatch_methods`, with the classes' lookups kept."""
    dispatched: set[Callable] = set()
    for cls, handlers, method in dispatch_plan(type(self), type(message), method_name):
        if message._no_default_action:
            break
        for handler, selectors in handlers:
            if handler in dispatched:
                continue
            if selectors:
                if not message._sender:
                    continue
                if not all_selectors_match(message, selectors):
                    continue
            yield cls, handler.__get__(self, cls)
            dispatched.add(handler)
        if method is not None:
            yield cls, method.__get__(self, cls)


def all_selectors_match(message: Message, selectors: dict) -> bool:
    """Whether each widget an `@on` handler names (`control`, `input`, ...) matches its
    selector, as Textual decides it (a missing widget does not match)."""
    for attribute, selector in selectors.items():
        node = getattr(message, attribute)
        if node is None:
            return False
        if not isinstance(node, Widget):
            raise OnNoWidget(f"on decorator can't match against {attribute!r} as it is not a widget.")
        if not match(selector, node):
            return False
    return True


def count_parameters(func: Callable) -> int:
    """Textual's `count_parameters`; for a partial of a Python function or method, counted
    as Textual counts it (the wrapped callable's signature, less the arguments the partial
    gives) with the signature's count kept on the function."""
    if type(func) is partial:
        counted = _kept_count(func.func)
        if counted is not None:
            return counted - len(func.args) - len(func.keywords)
    return TEXTUAL_COUNT_PARAMETERS(func)


def _kept_count(target: Callable) -> int | None:
    """`len(signature(target).parameters)`, kept on the Python function behind `target` (a
    function, or a method bound to an object: kept apart, the bound one counts no `self`);
    None for any other callable (a built-in's method, a class, another partial...)."""
    if type(target) is MethodType and type(target.__func__) is FunctionType:
        function, name = target.__func__, "_wizard_bound_parameters"
    elif type(target) is FunctionType:
        function, name = target, "_wizard_parameters"
    else:
        return None
    count = function.__dict__.get(name)
    if count is None:
        count = function.__dict__[name] = len(signature(target).parameters)
    return count


def find_handlers_once_per_class() -> None:
    """Install the kept lookups (see the module's docstring)."""
    MessagePump._get_dispatch_methods = get_dispatch_methods
    textual._callback.count_parameters = count_parameters
