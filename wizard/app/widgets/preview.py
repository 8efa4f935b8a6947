"""The live preview: the rendered document, one widget per section.

Typing never waits for it. The editor calls `request(data)` on every change; the
preview waits for a pause (debounce), copies the spec, renders it in a thread
(an exclusive worker, so a newer request cancels an older one), and then only
re-draws the sections whose Markdown changed. A result that is older than the
latest request, or in another language than the one now chosen, is dropped.
"""

from __future__ import annotations

from textual import work
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Static

from wizard.app import core
from wizard.app.ui import LANGUAGE_NAMES, _

DEBOUNCE_SECONDS = 0.25


class SectionView(Static):
    """One section of the rendered document."""

    def __init__(self, key: str) -> None:
        super().__init__(id=f"pv-{key}", classes="preview-section")
        self.key = key
        self.markdown = ""


class Preview(VerticalScroll):
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
        self._timer: Timer | None = None
        self._order: list[str] = []
        self._current = "title"
        self._shown: dict[str, str] = {}

    def compose(self):
        yield Static(self._caption(), id="preview-caption", markup=False)

    def _caption(self) -> str:
        return _("Preview: %(language)s") % {"language": LANGUAGE_NAMES.get(self.lang, self.lang)}

    def refresh_labels(self) -> None:
        self.query_one("#preview-caption", Static).update(self._caption())

    def watch_lang(self) -> None:
        self.refresh_labels()
        self.request(self._data, delay=0)

    @property
    def pending(self) -> bool:
        """Whether a requested render has not reached the screen yet."""
        return self._applied != self._version

    def request(self, data: dict | None, delay: float | None = None) -> None:
        """Show `data` soon: after `delay` seconds without another request."""
        if data is None:
            return
        if delay is None:
            delay = DEBOUNCE_SECONDS
        self._data = data
        self._version += 1
        if self._timer is not None:
            self._timer.stop()
        if delay <= 0:
            self._start()
        else:
            self._timer = self.set_timer(delay, self._start)

    def _start(self) -> None:
        self._timer = None
        if self._data is None:
            return
        self._render_sections(core.snapshot(self._data), self.lang, self._version)

    @work(exclusive=True, thread=True, group="preview", exit_on_error=False)
    def _render_sections(self, data: dict, lang: str, version: int) -> None:
        from rich.markdown import Markdown

        try:
            sections = core.preview_sections(data, lang)
        except Exception as error:  # show the problem in the preview, never crash the editor
            sections = [core.PreviewSection("error", "", _("The preview cannot be shown: %(error)s") % {"error": error})]
        previous = dict(self._shown)
        prepared = []
        for section in sections:
            if previous.get(section.key) == section.markdown:
                prepared.append((section.key, section.markdown, None))
            else:
                prepared.append((section.key, section.markdown, Markdown(section.markdown, hyperlinks=False)))
        self.app.call_from_thread(self._apply, prepared, lang, version)

    def _apply(self, prepared: list, lang: str, version: int) -> None:
        if version != self._version or lang != self.lang:
            return  # stale: a newer request is on its way
        views = {view.key: view for view in self.query(SectionView)}
        keys = [key for key, _md, _r in prepared]
        for key, view in views.items():
            if key not in keys:
                view.remove()
        changed = []
        previous: SectionView | Static = self.query_one("#preview-caption", Static)
        for key, markdown, renderable in prepared:
            view = views.get(key)
            if view is None:
                view = SectionView(key)
                self.mount(view, after=previous)
            if renderable is not None or view.markdown != markdown:
                view.markdown = markdown
                if renderable is None:
                    from rich.markdown import Markdown

                    renderable = Markdown(markdown, hyperlinks=False)
                view.update(renderable)
                changed.append(key)
            view.set_class(key == self._current, "-current")
            previous = view
        self._order = keys
        self._shown = {key: markdown for key, markdown, _r in prepared}
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
