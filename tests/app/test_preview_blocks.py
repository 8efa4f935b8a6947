"""The preview draws a section block by block and keeps what it drew (markdown_blocks): what
it shows must be what rich's Markdown draws of the whole section at once, for every
construct, width and language, and after edits in the middle of a long list and a resize."""

from __future__ import annotations

import pytest
from rich.console import Console
from rich.markdown import Markdown
from textual.geometry import Region
from textual.visual import RichVisual, Visual

from tests.app.conftest import settle, wait_until
from tests.app.test_typing import Terminal, at_the_end_of_the_mission, type_like_a_terminal
from wizard.app import core
from wizard.app.app import PolicyWizardApp
from wizard.app.widgets.list_editor import ListEditor
from wizard.app.widgets.markdown_blocks import BlockLines, DrawnSection
from wizard.app.widgets.preview import Preview, SectionView
from wizard.app.widgets.text_field import TextField
from wizard.spec import dump_spec, load_spec

EVERY_CONSTRUCT = """# Title

Setext heading
==============

- one
- two

  a loose item's second paragraph

1. first
2. second
   - nested

| left | right |
|:-----|------:|
| 1    | 2     |

```python
x = 1
```

    indented code

> a quote
> - with a list

---

<div>html</div>

<!-- a comment -->

[a link][ref] and ![an image](x.png)

[ref]: http://example.com

![only an image](y.png)

***bold and italic*** ~~struck~~ `code`
a soft break and a hard one  
after it

* * *
- a list right after a rule
"""

WIDTHS = (12, 37, 60, 89)


def whole(console: Console, markdown: str, width: int) -> list:
    options = console.options.update(highlight=False, height=None).update_width(width)
    return console.render_lines(Markdown(markdown, hyperlinks=False), options, pad=False, new_lines=False)


@pytest.mark.parametrize("lang", ["en", "hr", "zh", "tr"])
def test_blocks_drawn_apart_are_the_whole_section_drawn_at_once(examples, lang):
    console = Console(width=100)
    cache = BlockLines(console, console.options.update(highlight=False, height=None))
    texts = [EVERY_CONSTRUCT, EVERY_CONSTRUCT.replace("\n\n", "\n"), "", "---", "<div>only html</div>"]
    for path in examples:
        texts += [section.markdown for section in core.preview_sections(load_spec(path).data, lang)]
    for text in texts:
        for width in WIDTHS:
            assert DrawnSection(text, width, cache).lines(width) == whole(console, text, width), (text, width)


def test_a_block_changed_is_drawn_again_and_the_others_are_reused():
    console = Console(width=100)
    cache = BlockLines(console, console.options.update(highlight=False, height=None))
    terms = [f"**Term {number}**: meaning {number}." for number in range(1, 31)]
    before = DrawnSection("## Definitions\n\n" + "\n\n".join(terms), 40, cache)
    terms[14] = "**Term 15**: meaning 15, longer now than it was before, so that it wraps."
    after = DrawnSection("## Definitions\n\n" + "\n\n".join(terms), 40, cache)
    kept = [a is b for (_k, a), (_k2, b) in zip(before.drawn(40), after.drawn(40))]
    assert kept.count(False) == 1 and not kept[15]  # the heading is block 0
    assert after.lines(40) == whole(console, after.markdown, 40)


def long_definitions(tmp_path, examples):
    data = load_spec(next(path for path in examples if path.name.startswith("northwind"))).data
    data["definitions"] = [{"term": f"Term {number}", "meaning": f"Meaning number {number}."} for number in range(1, 31)]
    path = tmp_path / "long.yaml"
    path.write_text(dump_spec(data), encoding="utf-8")
    return path


def strips_text(strips) -> list[str]:
    return [strip.text.rstrip() for strip in strips]


async def test_typing_into_a_definition_in_the_middle_redraws_it_as_the_whole_section(tmp_path, examples):
    """Typed into the 15th of 30 definitions, then again after the window is narrowed: the
    preview's definitions show the new text there and the others as they were, drawn exactly
    as rich's Markdown draws the whole section (with the view's style), and laid out at that
    height."""
    app = PolicyWizardApp("edit", long_definitions(tmp_path, examples))
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(pilot)
        await app.editor.go_to("definitions")
        await settle(pilot)
        editor = app.editor.form.query_one(ListEditor)
        await editor.mount_pending()
        meaning = [field for field in editor.rows[14].query(TextField) if field.path == ("meaning",)][0]
        meaning.focus_target()
        area = app.focused
        area.move_cursor(area.document.end)
        preview = app.editor.query_one(Preview)
        view = preview.query_one("#pv-definitions", SectionView)

        def shown() -> list:
            return Visual.to_strips(view, view.visual, view.content_region.width, None, view.visual_style)

        def drawn_at_once() -> list:
            visual = RichVisual(view, Markdown(view.markdown, hyperlinks=False))
            return Visual.to_strips(view, visual, view.content_region.width, None, view.visual_style)

        def one_line(strips) -> str:
            return " ".join(" ".join(strips_text(strips)).split())

        meaning_before = "Meaning number 15."
        for typed, size in ((" Added in the middle of the list, long enough to wrap", None),
                            (" and more", (110, 40))):
            if size is not None:
                await pilot.resize_terminal(*size)
                await settle(pilot)
            before = one_line(shown())
            await type_like_a_terminal(app, typed)
            meaning_now = meaning_before + typed
            assert await wait_until(lambda: meaning_now in one_line(shown())), one_line(shown())
            await settle(pilot)
            strips = shown()
            assert strips == drawn_at_once()
            assert view.content_region.height == len(strips)
            for number in (1, 14, 16, 30):
                assert f"Term {number}: Meaning number {number}." in one_line(strips)
            assert one_line(strips).replace(meaning_now, meaning_before) == before
            meaning_before = meaning_now


async def test_a_section_that_grows_moves_the_ones_below_as_a_layout_of_the_whole_screen_would(policy, monkeypatch):
    """Only the preview is laid out again when a section grows a line (PreviewLaidOutAlone):
    typed into the title (a one-line field, which itself keeps its size), the sections below
    the title move down, every widget is where, and as large as, a layout of the whole screen
    makes it, the terminal shows the same, and the preview still scrolls to its very end."""
    from wizard.app.widgets import preview as preview_module

    laid_out_alone = []
    lay_out = preview_module.PreviewLaidOutAlone._lay_out_what_is_shown
    monkeypatch.setattr(preview_module.PreviewLaidOutAlone, "_lay_out_what_is_shown",
                        lambda screen: (laid_out_alone.append(True), lay_out(screen)))
    app = PolicyWizardApp("edit", policy)
    terminal = Terminal(app, 140, 40)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        field = app.focused  # the title
        field.cursor_position = len(field.value)
        preview = app.editor.query_one(Preview)
        second = preview.query(SectionView)[1]
        top = second.region.y
        await type_like_a_terminal(app, " for every shop, every call and every letter we answer, all year round")
        assert await wait_until(lambda: "all year round" in terminal.text(preview.content_region))
        await settle(pilot)
        assert laid_out_alone and second.region.y > top

        def places() -> dict:
            """Where each widget on screen is (not those of the forms built ahead, hidden)."""
            return {widget: (widget.region, widget.outer_size, widget.virtual_size)
                    for widget in app.screen.walk_children()
                    if all(node.display for node in widget.ancestors_with_self if node is not app)}

        shown, before = [list(row) for row in terminal.rows], places()
        preview.scroll_end(animate=False)
        await settle(pilot)
        last = preview.query(SectionView).last()
        region = last.content_region
        assert last.region.bottom + last.styles.margin.bottom == preview.content_region.bottom
        drawn = strips_text(Visual.to_strips(last, last.visual, region.width, None, last.visual_style))
        assert terminal.text(Region(region.x, region.bottom - 1, region.width, 1)) == drawn[-1].strip()
        preview.scroll_home(animate=False)
        await settle(pilot)
        app.screen.refresh(layout=True)  # the whole screen, as Textual lays it out
        await settle(pilot)
        await pilot.pause(0.1)
        assert places() == before
        assert terminal.rows == shown
