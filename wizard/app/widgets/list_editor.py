"""Editing a list of texts or of small records: add, edit, delete with undo, reorder.

Keyboard: ctrl+t (or Enter in a one-line item) adds an item after the current one,
alt+↑/alt+↓ (also ctrl+↑/ctrl+↓) move the item that has the focus, ctrl+r (also
ctrl+delete) removes it and ctrl+z brings back the last removed one. (alt+n, f9 and alt+p
belong to the editor screen: next step, example, back.) The mouse has the same actions as
small buttons on each row and under the list. The keys are printed under the list.

The editor keeps one copy of each item (the exact data from the spec, so keys it does not
show and translations survive untouched) and reports the whole list, without blank items,
as one `FieldChanged` whenever the user changes it. A new item stays out of the data until
something is typed into it, so an empty row never ends up in the file as `- ''`.

Rows are built by a callback from the item; the fields in a row have paths relative to
the item (`("name",)`, or `()` for a list of texts). A field whose change alters the row's
shape (a metric whose target kind depends on it) triggers `adjust`, which may rebuild it.

A long list opens quickly: its first rows come with the form (at most `eager_rows`, and
no more than fill the form's screen: see `rows_in_first_frame`), the others are mounted a
few at a time just after the form is shown (they are below the fold). Until then their
items wait in `pending`, and every report of the list includes them, so an edit made
meanwhile never drops them.
"""

from __future__ import annotations

import asyncio
import copy
from typing import Any, Callable, Iterable, Sequence

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.markup import escape
from textual.message import Message
from textual.style import Style as VisualStyle
from textual.widgets import Button, Label, Select, Static

from wizard.app.frames import after_a_frame
from wizard.app.widgets.field import FieldChanged, FindingsNote, FindingTarget, Note, focus_now, full_path
from wizard.i18n import Translator
from wizard.spec.model import is_empty, set_at

_ = Translator("app").gettext

RowBuilder = Callable[["ListEditor", Any], Iterable[Widget]]

# Rows composed with the list; more are mounted after the form is first drawn, a few at a time
# so that keys typed meanwhile are served between them.
EAGER_ROWS = 8
ROWS_PER_BATCH = 4


# The lines a list takes besides its rows: its label, the add button and the space between.
LIST_FRAME_LINES = 3


def estimated_lines(item: Any) -> int:
    """Roughly the lines a row of `item` takes on screen: a text item one; a record a label
    and a line for each of its values, more for long texts (a form is about 60 cells wide).
    Only used to decide which rows come with the first frame, so rough is enough."""
    if not isinstance(item, dict):
        return 1
    return sum(2 + len(str(value)) // 60 for value in item.values()) or 1


def default_is_blank(item: Any, ignore: Sequence[str] = ()) -> bool:
    if isinstance(item, dict):
        return all(is_empty(value) for key, value in item.items() if key not in ignore)
    return is_empty(item)


def short(text: str, width: int = 40) -> str:
    """`text` on one line in at most `width` cells (a Chinese character takes two)."""
    from rich.cells import cell_len, set_cell_size

    text = " ".join(text.split())
    return text if cell_len(text) <= width else set_cell_size(text, width - 1).rstrip() + "…"


class UndoLine(Static):
    """"Removed “…”. Undo (ctrl+z)": the undo link for the mouse."""

    def action_undo(self) -> None:
        editor = self.parent
        editor.call_later(editor.undo)  # type: ignore[union-attr]


class ListRow(FindingTarget, Vertical):
    """One item: its fields and findings, with its number to their left and the mouse's
    move up / move down / remove links to the right of their first line.

    The row draws the number and the links itself, in the margins that inset its fields
    (`.list-row > *` in forms.tcss, GUTTER and LINKS_WIDTH here): a number label, a body
    box and a links widget were three of the six widgets of a one-line row, and a long
    step's switch is paid per widget. The number's look is the editor's component class
    `list-editor--number`; the links look like any links. The keyboard has the same
    actions as the links (see `ListEditor`)."""

    DEFAULT_CLASSES = "list-row"
    GUTTER = 4
    """Cells left of the fields: a number of up to three cells and a space. A wider number
    (an escalation's "Level 2") widens its own row's gutter."""
    LINKS_WIDTH = 7
    """Cells right of the fields: a space, the three links and a space."""
    LINKS = Content.from_markup("[@click=up]▲[/] [@click=down]▼[/] [@click=remove]✕[/]")
    """Parsed once: every row shows the same links."""

    def __init__(self, editor: "ListEditor", item: Any) -> None:
        super().__init__()
        self.editor = editor
        self.item = item
        self.path_part: tuple | None = None
        self.number = 0
        self._number_text = Content("")
        self._gutter = self.GUTTER

    @property
    def links_tooltip(self) -> str:
        return _("▲ move up (alt+↑) · ▼ move down (alt+↓) · ✕ remove (ctrl+r)")

    def compose(self) -> ComposeResult:
        for widget in self.editor.build_row(self.editor, self.item):
            yield self._inset(widget)

    # -- the number and the links ------------------------------------------------------

    def show_number(self, number: int) -> None:
        """Number the row (its place in the list, from 1). A number wider than the gutter
        moves the row's fields right, as a label beside them would."""
        if number == self.number:
            return  # typing must not redraw every row
        self.number = number
        padding = self.editor.get_component_styles("list-editor--number").padding
        self._number_text = Content(" " * padding.left + self.editor.number_label(number) + " " * padding.right)
        gutter = max(self.GUTTER, self._number_text.cell_length)
        if gutter != self._gutter:
            self._gutter = gutter
            for child in self.children:
                if gutter != self.GUTTER:
                    self._inset(child)
                elif child.styles.inline.clear_rule("margin"):  # back to forms.tcss's margin
                    child.refresh(layout=True)  # (setting a rule does this, clearing one does not)
        self.refresh()

    def _inset(self, widget: Widget) -> Widget:
        """Give a new `widget` the row's gutter where it is not the usual one (forms.tcss
        gives that: nothing to do for a row numbered in up to three cells)."""
        if self._gutter != self.GUTTER:
            widget.styles.margin = (0, self.LINKS_WIDTH, 0, self._gutter)
        return widget

    def render(self) -> Content:
        number = self._number_text.pad_left(self._gutter - self._number_text.cell_length).stylize_before(
            self.editor.get_visual_style("list-editor--number", partial=True))
        # Textual styles the links of a widget, not of a container: the row does it itself.
        links = self.LINKS.stylize(VisualStyle.from_rich_style(self.link_style))
        return Content.assemble(number, " " * max(0, self._links_start - number.cell_length), links)

    @property
    def _links_start(self) -> int:
        """The first cell of the links: after the fields and a space."""
        return self.size.width - self.LINKS_WIDTH + 1

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """The links' tooltip, only while the mouse is on them: set on the row for good,
        it would show over every field of the row."""
        on_links = event.y == 0 and 0 <= event.x - self._links_start < self.LINKS.cell_length
        tooltip = self.links_tooltip if on_links else None
        if self.tooltip != tooltip:
            self.tooltip = tooltip

    def on_leave(self, event: events.Leave) -> None:
        if event.node is self:
            self.tooltip = None

    def action_up(self) -> None:
        self.editor.move(self, -1)

    def action_down(self) -> None:
        self.editor.move(self, 1)

    def action_remove(self) -> None:
        # The editor removes the row: the row cannot await its own removal.
        self.editor.call_later(self.editor.delete, self)

    # -- fields and findings -----------------------------------------------------------

    async def rebuild(self) -> None:
        """Recreate the fields from the item (after a change that alters the row's shape)."""
        findings = self.query_children(FindingsNote).first(FindingsNote) if self.query_children(FindingsNote) else None
        await self.remove_children([child for child in self.children if child is not findings])
        widgets = [self._inset(widget) for widget in self.editor.build_row(self.editor, self.item)]
        if findings is not None:
            await self.mount_all(widgets, before=findings)
        else:
            await self.mount_all(widgets)

    def set_findings(self, findings: list) -> None:
        if not self.is_mounted or not self.children or not self.is_attached:
            return  # not composed yet, or being removed (its fields go first)
        existing = self.query_children(FindingsNote)
        if existing:
            existing.first(FindingsNote).show_findings(findings)
        elif findings:
            note = FindingsNote(classes="row-findings")
            self.mount(self._inset(note))
            note.show_findings(findings)

    def focus_target(self, rest: tuple = ()) -> bool:
        if rest:
            # the field (or the nested list) of this item that `rest` leads to
            for widget in self.children:
                part = getattr(widget, "path_part", None)
                if isinstance(widget, FindingTarget) and part and tuple(rest[: len(part)]) == tuple(part):
                    return widget.focus_target(tuple(rest[len(part) :]))
        for widget in self.query("*"):
            if widget.focusable:
                focus_now(widget)
                return True
        return False


class AddButton(Button):
    """"+ Add" under a list. A letter typed on it starts a new item with that letter: on a
    step whose list is empty the focus starts here, and what the user types must not vanish."""

    async def on_key(self, event: events.Key) -> None:
        if not event.is_printable or not event.character or event.character.isspace():
            return
        event.stop()
        event.prevent_default()
        editor = next(node for node in self.ancestors if isinstance(node, ListEditor))
        await editor.add()
        pass_key_to_focus(self, event)


def pass_key_to_focus(old: Widget, key: events.Key) -> None:
    """Give a key that started something (a new item) to the widget that has the focus now,
    ahead of the keys typed after it (each widget takes its messages in order)."""
    focused = old.screen.focused
    if focused is not None and focused is not old:
        focused.post_message(events.Key(key.key, key.character))


class ListEditor(FindingTarget, Vertical):
    """An editable list at `path` (absolute, or relative inside another editor's row)."""

    DEFAULT_CLASSES = "list-editor"
    COMPONENT_CLASSES = {"list-editor--number"}
    """The look of the numbers its rows draw (one style per list, not per row)."""

    def __init__(
        self,
        path: tuple,
        items: Any,
        build_row: RowBuilder,
        *,
        label: str = "",
        new_item: Callable[..., Any] = str,
        describe: Callable[[Any], str] | None = None,
        is_blank: Callable[[Any], bool] | None = None,
        renumber: str | None = None,
        key_order: Sequence[str] = (),
        adjust: Callable[[Any, tuple, Any], bool] | None = None,
        add_label: str = "",
        add_choices: Sequence[tuple[str, str]] = (),
        unique_key: str | None = None,
        number_label: Callable[[int], str] | None = None,
        enter_adds: bool = False,
        empty_text: str = "",
        eager_rows: int = EAGER_ROWS,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.add_class(*self.DEFAULT_CLASSES.split())  # `classes` replaces DEFAULT_CLASSES
        self.path = tuple(path)
        self.path_part = self.path
        self.items = [copy.deepcopy(item) for item in items] if isinstance(items, list) else []
        self.build_row = build_row
        self.label = label
        self.new_item = new_item
        self.describe = describe or (lambda item: item if isinstance(item, str) else "")
        ignore = (renumber,) if renumber else ()
        self.is_blank = is_blank or (lambda item: default_is_blank(item, ignore))
        self.renumber = renumber
        self.key_order = tuple(key_order)
        self.adjust = adjust
        self.add_label = add_label or _("Add")
        self.add_choices = list(add_choices)
        self.unique_key = unique_key  # each value of this key once (but "other" any number of times)
        self.number_label = number_label or (lambda number: f"{number}.")
        self.enter_adds = enter_adds
        self.empty_text = empty_text
        self.add_class("-texts" if enter_adds else "-records")
        self.reported = self._data_items()
        self.removed: list[tuple[int, Any]] = []
        self.undo_text = ""
        self.eager_rows = max(1, eager_rows)
        self.pending: list[Any] = []  # items whose rows are not mounted yet (they follow the rows)
        self._mounting = asyncio.Lock()  # held while a batch of them is mounted
        # Kept, not queried: the editor may be asked about its rows while it is being
        # removed (a step change) or before it is composed, when a query would fail.
        self._rows_box: Vertical | None = None
        # Bindings with descriptions in the UI language (class-level ones would be English).
        self._bindings = BindingsMap(
            [
                Binding("ctrl+t", "add_item", _("Add item"), show=False),
                Binding("alt+up,ctrl+up", "move_item(-1)", _("Move up"), show=False),
                Binding("alt+down,ctrl+down", "move_item(1)", _("Move down"), show=False),
                Binding("ctrl+delete,ctrl+r", "delete_item", _("Remove item"), show=False),
                Binding("ctrl+z", "undo_delete", _("Undo remove"), show=False),
            ]
        )

    # -- composition -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        if self.label:
            yield Label(self.label, markup=False, classes="field-label list-label")
        self._rows_box = Vertical(classes="list-rows")
        first = self.rows_in_first_frame()
        self.pending = self.items[first:]
        with self._rows_box:
            for item in self.items[:first]:
                yield ListRow(self, item)
        if not self.items:
            yield Note(self.empty_text, classes="list-empty")
        # the findings, undo and keys lines are mounted when first needed (see `_line`)
        if self.add_choices:
            self._shown_choices = self._open_choices()
            yield Select(
                self._shown_choices,
                prompt=self.add_label,
                compact=True,
                classes="list-add-choice",
            )
        else:
            yield AddButton("+ " + self.add_label, compact=True, classes="list-add")

    def rows_in_first_frame(self) -> int:
        """How many rows are composed with the list. The lists of a form being built share
        the lines its screen shows (`lines_to_fill`, set by the form until it is mounted):
        a list that starts below the fold is composed without rows and gets them just after
        the first frame, like the rest of a long list. A list inside a row (a procedure's
        steps) comes whole with its row."""
        holder = next((node for node in self.ancestors
                       if isinstance(node, ListRow) or getattr(node, "lines_to_fill", None) is not None), None)
        if holder is None or isinstance(holder, ListRow):
            return self.eager_rows
        lines = holder.lines_to_fill - LIST_FRAME_LINES
        count = 0
        for item in self.items[: self.eager_rows]:
            if lines <= 0:
                break
            lines -= estimated_lines(item)
            count += 1
        holder.lines_to_fill = max(0, lines)
        return count

    # The lines around the add button, in their order; each is mounted the first time it has
    # something to say, since a form holds many lists and most never show them.
    _LINES = ("list-empty", "list-findings", "list-undo", "list-add", "list-keys")

    def _line(self, kind: str, create: bool = True) -> Static | None:
        """The line of a kind ("list-undo", ...), mounted in its place on demand (not before
        the list is composed, nor while it is being removed)."""
        for child in self.children:
            if child.has_class(kind):
                return child  # type: ignore[return-value]
        if not create or self._rows_box is None or not self._rows_box.is_attached or not self.is_attached:
            return None
        if kind == "list-findings":
            line: Static = FindingsNote(classes=kind)
        elif kind == "list-undo":
            line = UndoLine(classes="list-undo -empty")
        elif kind == "list-keys":
            line = Note(_("ctrl+t add · alt+↑/↓ move · ctrl+r remove · ctrl+z undo"), classes=kind)
        else:
            line = Note(classes=kind)
        later = self._LINES[self._LINES.index(kind) + 1 :]
        following = [child for child in self.children if any(child.has_class(name) for name in later)
                     or child.has_class("list-add-choice")]
        if following:
            self.mount(line, before=following[0])
        else:
            self.mount(line)
        return line

    def on_mount(self) -> None:
        self._renumber_rows()
        self.mount_rows_left()

    def mount_rows_left(self) -> None:
        """Mount the rows left pending after the next frame, if the list is shown by then
        (a form built ahead is hidden: its rows wait until it is shown)."""
        if self.pending:
            self.call_after_refresh(self._start_pending)

    def _shown(self) -> bool:
        """Attached and in a form still shown: the form the user has just left is hidden
        until it is removed (see `EditorScreen._swap_form`), and its rows are not worth
        mounting."""
        return self.is_attached and all(node.display for node in self.ancestors_with_self)

    def _start_pending(self) -> None:
        if self.pending and self._shown():  # (the user may have left the step already)
            self.run_worker(self.mount_pending(), group="list-rows")

    class RowsMounted(Message):
        """The rows that were left for after the first frame are all there now."""

    async def mount_pending(self) -> None:
        """Mount the rows still pending, a batch at a time, at the end of the list. Safe to
        run more than once at the same time (the rows after the first frame, and a jump to
        an item further down): each batch leaves `pending` as it is mounted, and a call
        returns only once a batch another call took is mounted too. Otherwise a jump to the
        last item could find nothing pending while that item's row was not there yet."""
        mounted = False
        while self.pending and self._shown():
            await after_a_frame(self)
            async with self._mounting:
                if not self.pending or not self._shown():
                    break
                batch, self.pending = self.pending[:ROWS_PER_BATCH], self.pending[ROWS_PER_BATCH:]
                with self.app.batch_update():  # one layout per batch, not one per widget mounted
                    await self.rows_box.mount_all([ListRow(self, item) for item in batch])
                    self._renumber_rows()
            mounted = True
        async with self._mounting:
            pass  # the batch another call took is mounted
        if mounted and self.is_attached:
            self.post_message(self.RowsMounted())

    @property
    def rows_box(self) -> Vertical:
        if self._rows_box is None:  # not composed yet
            self._rows_box = Vertical(classes="list-rows")
        return self._rows_box

    @property
    def rows(self) -> list[ListRow]:
        if self._rows_box is None:
            return []
        return [child for child in self._rows_box.children if isinstance(child, ListRow)]

    # -- data ------------------------------------------------------------------------

    def _data_items(self) -> list:
        return [copy.deepcopy(item) for item in self.items if not self.is_blank(item)]

    def _sync_items(self) -> None:
        self.items = [row.item for row in self.rows] + self.pending

    def _renumber_rows(self) -> None:
        index = 0
        for position, row in enumerate(self.rows, start=1):
            row.show_number(position)
            if self.is_blank(row.item):
                row.path_part = None
            else:
                row.path_part = (index,)
                index += 1
        text = self.empty_text if not self.rows and not self.pending else ""
        note = self._line("list-empty", create=bool(text))
        if isinstance(note, Note) and note.has_class("-empty") != (not text):
            note.show(text)

    def _open_choices(self) -> list[tuple[str, str]]:
        """The choices of the add menu: without the keys already in the list when unique."""
        if not self.unique_key:
            return list(self.add_choices)
        used = {item.get(self.unique_key) for item in self.items if isinstance(item, dict)}
        return [(label, key) for label, key in self.add_choices if key == "other" or key not in used]

    def _refresh_choices(self) -> None:
        if not self.unique_key:
            return
        adder = self.query_children(".list-add-choice")
        if adder:
            choices = self._open_choices()
            if choices != self._shown_choices:
                self._shown_choices = choices
                adder.first(Select).set_options(choices)

    def _report(self, structural: bool = False) -> None:
        self._sync_items()
        if self.renumber:
            level = 0
            for row in self.rows:
                if self.is_blank(row.item) or not isinstance(row.item, dict):
                    continue
                level += 1
                if structural or self.renumber not in row.item:
                    row.item[self.renumber] = level
                    row.item = self._ordered(row.item)
            for index, item in enumerate(self.pending):  # rows still to come count on
                if self.is_blank(item) or not isinstance(item, dict):
                    continue
                level += 1
                if structural or self.renumber not in item:
                    self.pending[index] = self._ordered({**item, self.renumber: level})
        self._sync_items()
        self._renumber_rows()
        if structural:
            self._refresh_choices()
        items = self._data_items()
        if items == self.reported:
            return
        self.reported = items
        self.post_message(FieldChanged(self, self.path, copy.deepcopy(items)))

    def _ordered(self, item: Any) -> Any:
        if not isinstance(item, dict) or not self.key_order:
            return item
        ordered = {key: item[key] for key in self.key_order if key in item}
        ordered.update({key: value for key, value in item.items() if key not in ordered})
        return ordered

    @on(FieldChanged)
    async def _field_changed(self, event: FieldChanged) -> None:
        if event.field is self:
            return  # our own report, on its way to the form
        row = self._row_of(event.field)
        if row is None:
            return
        event.stop()
        if event.path:
            item = copy.deepcopy(row.item) if isinstance(row.item, dict) else {}
            old = copy.deepcopy(item)
            set_at(item, tuple(event.path), event.value)
            row.item = self._ordered(item)
            if self.adjust is not None and self.adjust(row.item, tuple(event.path), old):
                row.item = self._ordered(row.item)
                self._report()
                await row.rebuild()
                row.focus_target(tuple(event.path))
                return
        else:
            row.item = event.value
        self._report()

    def _row_of(self, widget: Widget | None) -> ListRow | None:
        node = widget
        while node is not None and node is not self:
            if isinstance(node, ListRow) and node.parent is self._rows_box:
                return node
            node = node.parent
        return None

    def current_row(self) -> ListRow | None:
        if not self.is_attached:
            return None
        return self._row_of(self.screen.focused)

    # -- operations ------------------------------------------------------------------

    async def add(self, item: Any = None, after: ListRow | None = None, focus: bool = True) -> ListRow:
        """Add an item (a new blank one by default) after `after`, else at the end."""
        if after is None:
            await self.mount_pending()  # the end of the list is after them
        row = ListRow(self, self.new_item() if item is None else copy.deepcopy(item))
        if after is not None:
            await self.rows_box.mount(row, after=after)
        else:
            await self.rows_box.mount(row)
        self._report(structural=True)
        if focus:
            row.focus_target()
            row.scroll_visible()
        return row

    async def delete(self, row: ListRow) -> None:
        rows = self.rows
        position = rows.index(row)
        if not self.is_blank(row.item):
            self.removed.append((position, copy.deepcopy(row.item)))
            described = self.describe(row.item) or _("item %(number)s") % {"number": position + 1}
            self._show_undo(_("Removed “%(item)s”.") % {"item": short(described)})
        focus_next = rows[position + 1] if position + 1 < len(rows) else (rows[position - 1] if position else None)
        await row.remove()
        self._report(structural=True)
        if focus_next is not None:
            focus_next.focus_target()
        else:
            self._focus_add()

    async def undo(self) -> None:
        if not self.removed:
            return
        await self.mount_pending()
        position, item = self.removed.pop()
        rows = self.rows
        row = ListRow(self, item)
        if position < len(rows):
            await self.rows_box.mount(row, before=rows[position])
        else:
            await self.rows_box.mount(row)
        self._report(structural=True)
        if not self.removed:
            self._show_undo("")
        else:
            described = self.describe(self.removed[-1][1]) or _("item %(number)s") % {"number": self.removed[-1][0] + 1}
            self._show_undo(_("Removed “%(item)s”.") % {"item": short(described)})
        row.focus_target()

    def move(self, row: ListRow, delta: int) -> None:
        rows = self.rows
        position = rows.index(row)
        target = position + delta
        if not 0 <= target < len(rows):
            return
        focused = self.screen.focused
        if delta < 0:
            self.rows_box.move_child(row, before=rows[target])
        else:
            self.rows_box.move_child(row, after=rows[target])
        self._report(structural=True)
        if focused is not None:
            focus_now(focused)
        row.scroll_visible()

    def _show_undo(self, text: str) -> None:
        self.undo_text = text
        undo = self._line("list-undo", create=bool(text))
        if undo is None:
            return
        if text:
            undo.update(escape(text) + " [@click=undo]" + escape(_("Undo (ctrl+z)")) + "[/]")
        else:
            undo.update("")
        undo.set_class(not text, "-empty")

    def _focus_add(self) -> None:
        adder = self.query_children(".list-add, .list-add-choice")
        if adder:
            focus_now(adder.first())

    # -- keys and buttons --------------------------------------------------------------

    def on_descendant_focus(self, event) -> None:
        self._show_keys(True)

    def on_descendant_blur(self, event) -> None:
        self.call_after_refresh(self._keys_follow_focus)

    def _keys_follow_focus(self) -> None:
        if not self.is_attached:
            return  # removed meanwhile (the user went on to another step)
        focused = self.screen.focused
        inside = False
        node = focused
        while node is not None:
            if node is self:
                inside = True
                break
            node = node.parent
        self._show_keys(inside)

    def _show_keys(self, shown: bool) -> None:
        keys = self._line("list-keys", create=shown)
        if keys is None or not keys.is_attached:
            return  # not needed yet, not composed yet, or being removed
        if keys.has_class("-active") != shown:
            keys.set_class(shown, "-active")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("move_item", "delete_item"):
            return self.current_row() is not None
        if action == "undo_delete":
            return bool(self.removed)
        return True

    async def action_add_item(self) -> None:
        if self.add_choices:
            self._focus_add()
            return
        await self.add(after=self.current_row())

    def action_move_item(self, delta: int) -> None:
        row = self.current_row()
        if row is not None:
            self.move(row, delta)

    async def action_delete_item(self) -> None:
        row = self.current_row()
        if row is not None:
            await self.delete(row)

    async def action_undo_delete(self) -> None:
        await self.undo()

    @on(Button.Pressed, ".list-add")
    async def _add_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.add()

    @on(Select.Changed, ".list-add-choice")
    async def _add_choice(self, event: Select.Changed) -> None:
        event.stop()
        if event.value == Select.NULL:
            return
        key = event.value
        event.select.value = Select.NULL
        row = await self.add(self.new_item(key))
        # The drop-down takes the focus back once it has closed (a deferred `focus()`): the
        # new row takes it after that, so what the user types next goes into the row.
        self.app.call_later(row.focus_target)

    async def enter_in(self, row: ListRow, text: str) -> bool:
        """Enter in an item of a list of texts: a new item after it. On an empty last item
        it does nothing and says so (False): the form then moves on to the next field, as
        Enter on an empty bullet ends a list in a word processor. `text` is what the item's
        input shows now."""
        if not text.strip() and row is self.rows[-1] and not self.pending:
            return False
        await self.add(after=row)
        return True

    # -- findings and focus --------------------------------------------------------------

    def set_findings(self, findings: list) -> None:
        if self.pending:
            # findings of items whose rows are still coming are shown with those rows
            base = full_path(self)
            depth = len(base) if base is not None else len(self.path)
            findings = [f for f in findings if len(tuple(getattr(f, "path", ()) or ())) <= depth]
        note = self._line("list-findings", create=bool(findings))
        if isinstance(note, FindingsNote):
            note.show_findings(findings)

    def focus_target(self, rest: tuple = ()) -> bool:
        if rest and isinstance(rest[0], int):
            for row in self.rows:
                if row.path_part == (rest[0],):
                    row.scroll_visible()
                    return row.focus_target(rest[1:])
            if self.pending:  # the item's row is not mounted yet
                self.run_worker(self._focus_when_mounted(rest), group="list-rows")
                return True
        rows = self.rows
        if rows:
            return rows[0].focus_target()
        if self.pending:  # a list composed below the fold: its first row is coming
            self.run_worker(self._focus_when_mounted(()), group="list-rows")
            return True
        self._focus_add()
        return True

    def insert_example(self, text_or_items: Any) -> bool:
        """Add an example: a text becomes a new item of a list of texts; a list of items
        (texts or records) is appended."""
        if isinstance(text_or_items, str):
            if not self.enter_adds:
                return False
            self.insert_items([" ".join(text_or_items.split())])
            return True
        self.insert_items(list(text_or_items))
        return True

    def insert_items(self, items: Sequence[Any]) -> None:
        """Append example items (texts or records); a trailing blank row is filled first."""
        self.run_worker(self._insert_items(list(items)), exclusive=False)

    async def _focus_when_mounted(self, rest: tuple) -> None:
        await self.mount_pending()
        self.focus_target(rest)

    async def _insert_items(self, items: list) -> None:
        await self.mount_pending()
        rows = self.rows
        for item in items:
            if rows and self.is_blank(rows[-1].item) and rows[-1].item is not None:
                blank = rows[-1]
                await blank.remove()
                rows = rows[:-1]
            await self.add(item, focus=False)
        if self.rows:
            self.rows[-1].focus_target()
