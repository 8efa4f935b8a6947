"""The preview draws a section block by block and keeps what it drew (markdown_blocks): what
it shows must be what rich's Markdown draws of the whole section at once, for every
construct, width and language, and after edits in the middle of a long list and a resize."""

from __future__ import annotations

import pytest
from rich.console import Console
from rich.markdown import Markdown
from textual.visual import RichVisual, Visual

from tests.app.conftest import settle, wait_until
from tests.app.test_typing import type_like_a_terminal
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
