"""The live preview: the rendered document, one widget per section.

Typing never waits for it. The editor calls `request(data)` on every change and
returns at once. The preview waits a moment so that a burst of keys (or a paste)
becomes one render (debounce), copies the spec, renders it in a thread (an
exclusive worker: at most one render runs), and then only re-draws the sections
whose Markdown changed, and in them only the blocks that changed (markdown_blocks).
While a render runs, new requests are coalesced into one follow-up render, started
after a pause as long as the last render took, so the renderer never takes more than
about half of the processor from typing.
A result older than what is shown, or in another language than the one now
chosen, is dropped. A hidden preview does not render at all.
"""

from __future__ import annotations

import asyncio
import time
from typing import Callable

from textual import work
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.visual import RichVisual, Visual
from textual.widgets import Static

from wizard.app import core
from wizard.app.textual_fixes import textual_fixes_apply
from wizard.app.ui import _, language_name
from wizard.app.widgets.markdown_blocks import BlockLines, DrawnSection


def use_document_line_breaks() -> None:
    """Rich lays out the preview's Markdown, and its own line divider breaks at any white
    space (a no-break space too) and cuts Chinese anywhere, so a line could start with "。"
    or end between "5" and "个工作日". Rich's text wrapping takes the document's rules
    instead (wizard.render.linebreak, shared with the plain-text renderer). Textual's own
    widgets wrap through their own divider and are not affected."""
    import rich.text

    from wizard.render.linebreak import break_offsets

    rich.text.divide_line = break_offsets


use_document_line_breaks()

def call_later(delay: float, callback: Callable[[], None]) -> asyncio.TimerHandle:
    """Run `callback` on the event loop after `delay` seconds.

    Not `Widget.set_timer`: its callback is queued with `call_next` on the widget's own
    message pump, and an idle widget (the preview receives no other messages while the
    user types) may hold it until its next message arrives.
    """
    return asyncio.get_running_loop().call_later(delay, callback)


DEBOUNCE_SECONDS = 0.004  # collects a burst of keys (a paste, key repeat) into one render


class _Lines:
    """Lines drawn already, as a rich renderable."""

    def __init__(self, lines: list) -> None:
        self.lines = lines

    def __rich_console__(self, console, options):
        from rich.segment import Segment

        new_line = Segment.line()
        for line in self.lines:
            yield from line
            yield new_line


class SectionVisual(Visual):
    """A section drawn by blocks (`DrawnSection`), turned into the screen's strips by block.

    Each block goes through Textual's own path for a rich renderable (`RichVisual`: the
    view's style on every segment, then cut into strips), so the strips are those of the
    whole section drawn at once; a block's strips are kept by the view while it shows the
    block, so a key only makes the strips of the block it changed (2-5 ms a key for the
    whole of the extra sections before).
    """

    def __init__(self, view: "SectionView", drawn: DrawnSection) -> None:
        self.view = view
        self.drawn = drawn

    def render_strips(self, width: int, height: int | None, style, options) -> list[Strip]:
        kept = self.view.block_strips
        used: dict = {}
        strips: list[Strip] = []
        for key, lines in self.drawn.drawn(width):
            at = (key, width, style.rich_style)
            block = used.get(at) or kept.get(at)
            if block is None:
                block = RichVisual(self.view, _Lines(lines)).render_strips(width, None, style, options)
            used[at] = block
            strips.extend(block)
        self.view.block_strips = used  # only what is shown stays
        return strips if height is None else strips[:height]

    def get_optimal_width(self, rules, container_width: int) -> int:
        return container_width  # as for a rich renderable that does not measure itself

    def get_height(self, rules, width: int) -> int:
        return self.drawn.height_at(width)


class LaidOutOnce:
    """A widget whose new size, found by a layout of the screen, does not ask for another.

    After a layout Textual gives each widget its new `virtual_size`, a reactive that asks
    for a layout of the screen whenever it changes: a preview section that grew a line (and
    the preview around it) laid the whole screen out twice, 12-20 ms each beside the
    definitions (485 widgets). The second one finds the sizes the first has just set.
    Textual's own path after a scroll sets them without a layout, as this does. Only on the
    Textual releases the app's fixes were read against (wizard.app.textual_fixes).
    """

    def _size_updated(self, size, virtual_size, container_size, layout: bool = True) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)


_LAID_OUT_ONCE = (LaidOutOnce,) if textual_fixes_apply() else ()


class PreviewLaidOutAlone:
    """Mixed into the screen that holds the preview (before `Screen`): when only the
    preview's content changed size (a section grew or shrank a line as the user typed), only
    what is on the screen is laid out again, as Textual does after a scroll.

    The preview's size does not depend on its content (it is as tall as the screen lets it
    be), so nothing outside it moves; Textual knows that and asks for a layout with the
    preview as the only widget concerned (`Screen._layout_widgets`), yet lays out the whole
    screen: beside the 44 definitions (485 widgets) 7.6 ms to arrange them and more to give
    each its size, where arranging only what is on the screen takes 1.6 ms. The rest of the
    screen is arranged again when something needs it: the next full layout, or the place of
    a widget that is not on the screen (Textual rebuilds its map then, as after a scroll).
    """

    def _refresh_layout(self, size=None, scroll: bool = False) -> None:
        concerned = self._layout_widgets
        if size is None and concerned and all(isinstance(widget, Preview) for widget in concerned):
            self._lay_out_what_is_shown()
        else:
            super()._refresh_layout(size, scroll)

    def _lay_out_what_is_shown(self) -> None:
        """Textual's `Screen._refresh_layout` after a scroll, but every widget shown gets its
        new size (a scroll only gives one to those it brings into view)."""
        from textual import events

        size = self.outer_size
        if not size:
            return
        compositor = self._compositor
        compositor.update_widgets(self._dirty_widgets)
        self._update_timer.pause()
        try:
            exposed = compositor.reflow_visible(self, size)
            self._layout_widgets.clear()
            for widget, (region, _order, _clip, virtual_size, container_size, _, _) in compositor.layers:
                resized = widget in exposed or widget.outer_size != region.size
                if widget._size_updated(region.size, virtual_size, container_size, layout=False) and resized:
                    widget.post_message(events.Resize(region.size, virtual_size, container_size))
        except Exception as error:
            self.app._handle_exception(error)
            return
        if self.is_current:
            if self.app._batch_count:
                self.call_later(self._compositor_refresh)
            else:
                self._compositor_refresh()
        self.screen_layout_refresh_signal.publish(self)


PREVIEW_LAID_OUT_ALONE = (PreviewLaidOutAlone,) if textual_fixes_apply() else ()


class SectionView(*_LAID_OUT_ONCE, Static):
    """One section of the rendered document."""

    def __init__(self, key: str) -> None:
        super().__init__(id=f"pv-{key}", classes="preview-section")
        self.key = key
        self.markdown = ""
        self.size_hint: tuple[int, int] | None = None  # (width, height) of the content shown
        self.block_strips: dict = {}  # see SectionVisual

    @property
    def content_width(self) -> int:
        """The width of the content, as `content_region.width`, from the size the last layout
        gave: `content_region` asks the screen where the widget is, and for a section off the
        screen after the preview alone was laid out (`PreviewLaidOutAlone`) that arranged the
        whole screen again, 7-9 ms on each key beside the definitions."""
        return max(0, self.outer_size.width - self.styles.gutter.width)

    def show(self, content, layout: bool) -> None:
        """Show a section drawn by blocks (`DrawnSection`) or any other rich renderable."""
        self.update(SectionVisual(self, content) if isinstance(content, DrawnSection) else content, layout=layout)


class Preview(*_LAID_OUT_ONCE, VerticalScroll):
    """The rendered document beside the form, in the language the user chose."""

    can_focus = True
    lang: reactive[str] = reactive("en", init=False)

    class Rendered(Message):
        """Sent after the preview applied a render (tests and benchmarks wait for it)."""

        def __init__(self, version: int, changed: tuple[str, ...]) -> None:
            super().__init__()
            self.version = version
            self.changed = changed

    def __init__(self, lang: str = "en", **kwargs) -> None:
        super().__init__(**kwargs)
        self.set_reactive(Preview.lang, lang)
        self._data: dict | None = None
        self._version = 0
        self._applied = 0
        self._applied_shown = 0
        self._timer: asyncio.TimerHandle | None = None
        self._order: list[str] = []
        self._current = "title"
        self._shown: dict[str, str] = {}
        self._rendering = False
        self._started = 0.0
        self._last_cost = 0.0
        self._block_lines: BlockLines | None = None  # made in the first render

    def compose(self):
        yield Static(self._caption(), id="preview-caption", markup=False)

    def _caption(self) -> str:
        return _("Preview: %(language)s") % {"language": language_name(self.lang)}

    def refresh_labels(self) -> None:
        self.query_one("#preview-caption", Static).update(self._caption())

    def watch_lang(self) -> None:
        self.refresh_labels()
        self._applied_shown = 0  # everything shown is in the old language
        self.request(self._data, delay=0)

    @property
    def pending(self) -> bool:
        """Whether a requested render has not reached the screen yet (a hidden preview waits)."""
        return bool(self.display) and self._applied != self._version

    def request(self, data: dict | None, delay: float | None = None) -> None:
        """Show `data` soon. Cheap: it only notes the request and maybe sets a timer."""
        if data is None:
            return
        self._data = data
        self._version += 1
        if delay is not None and delay <= 0:
            self._cancel_timer()
            self._start()
            return
        if self._rendering or self._timer is not None:
            return  # the running render is followed by one more, or the timer is set
        self._timer = call_later(DEBOUNCE_SECONDS if delay is None else delay, self._start)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _start(self) -> None:
        self._timer = None
        if not self.is_attached or self._data is None or self._applied == self._version:
            return
        if not self.display:
            return  # rendered when shown again
        self._rendering = True
        self._started = time.perf_counter()
        widths = {view.key: view.content_width for view in self.query(SectionView)}
        default = max(1, self.scrollable_content_region.width - 1)
        self._render_sections(core.snapshot(self._data), self.lang, self._version, widths, default)

    def _finished(self) -> None:
        self._rendering = False
        self._last_cost = time.perf_counter() - self._started
        if self._applied != self._version and self._timer is None:
            self._timer = call_later(max(DEBOUNCE_SECONDS, self._last_cost), self._start)

    def on_show(self) -> None:
        if self._applied != self._version:
            self._cancel_timer()
            self._start()

    @work(exclusive=True, thread=True, group="preview", exit_on_error=False)
    def _render_sections(self, data: dict, lang: str, version: int, widths: dict, default: int) -> None:
        from rich.markdown import Markdown

        prepared = []
        try:
            sections = core.preview_sections(data, lang)
            previous = dict(self._shown)
            if self._block_lines is None:
                options = self.app.console_options.update(highlight=False, height=None)
                self._block_lines = BlockLines(self.app.console, options)
            for section in sections:
                if previous.get(section.key) == section.markdown:
                    prepared.append((section.key, section.markdown, None, None))
                else:
                    # Drawn here at the section's width, only the blocks that changed (see
                    # markdown_blocks), so the screen only copies lines; its height: when it
                    # stays the same (typing within a line), the screen is redrawn without a
                    # new layout of every widget.
                    width = widths.get(section.key) or default
                    drawn = DrawnSection(section.markdown, width, self._block_lines)
                    prepared.append((section.key, section.markdown, drawn, (width, drawn.height)))
        except Exception as error:  # show the problem in the preview, never crash the editor
            message = _("The preview cannot be shown: %(error)s") % {"error": error}
            prepared = [("error", message, Markdown(message), None)]
        # A message, not call_from_thread: handled in the preview's own message pump, whose
        # idle step then tells the screen to redraw at once.
        self.post_message(self._Result(prepared, lang, version))

    class _Result(Message):
        def __init__(self, prepared: list, lang: str, version: int) -> None:
            super().__init__()
            self.prepared, self.lang, self.version = prepared, lang, version

    def on_preview__result(self, message: _Result) -> None:
        message.stop()
        self._apply(message.prepared, message.lang, message.version)

    def _apply(self, prepared: list, lang: str, version: int) -> None:
        try:
            self._show_result(prepared, lang, version)
        finally:
            self._finished()

    def _show_result(self, prepared: list, lang: str, version: int) -> None:
        if version <= self._applied_shown or lang != self.lang:
            return  # stale: older than what is shown, or in a language no longer chosen
        views = {view.key: view for view in self.query(SectionView)}
        keys = [key for key, _md, _r, _h in prepared]
        for key, view in views.items():
            if key not in keys:
                view.remove()
        changed = []
        previous: SectionView | Static = self.query_one("#preview-caption", Static)
        for key, markdown, renderable, size in prepared:
            view = views.get(key)
            if view is None:
                view = SectionView(key)
                self.mount(view, after=previous)
            if renderable is not None or view.markdown != markdown:
                view.markdown = markdown
                if renderable is None:
                    from rich.markdown import Markdown

                    renderable = Markdown(markdown, hyperlinks=False)
                same_size = size is not None and view.size_hint == size and view.content_width == size[0]
                view.show(renderable, layout=not same_size)
                view.size_hint = size
                changed.append(key)
            view.set_class(key == self._current, "-current")
            previous = view
        self._order = keys
        self._shown = {key: markdown for key, markdown, _r, _h in prepared}
        self._applied_shown = version
        if version == self._version:
            self._applied = version
        self.post_message(self.Rendered(version, tuple(changed)))
        if changed:
            self.call_after_refresh(self._scroll_to_current)

    def follow(self, section_key: str) -> None:
        """Show the section being edited (or where it will appear once it has content)."""
        self._current = section_key
        for view in self.query(SectionView):
            view.set_class(view.key == section_key, "-current")
        self._scroll_to_current()

    def _scroll_to_current(self) -> None:
        from wizard.app.ui import STEP_SECTION

        order = list(dict.fromkeys(STEP_SECTION.values()))
        target = self._current
        if target not in self._order:
            # the nearest earlier section that exists
            index = order.index(target) if target in order else 0
            target = next((key for key in reversed(order[:index]) if key in self._order), None)
        if target is None:
            self.scroll_home(animate=False)
            return
        try:
            view = self.query_one(f"#pv-{target}", SectionView)
        except Exception:
            return
        self.scroll_to_widget(view, top=True, animate=False)
