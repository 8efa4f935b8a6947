"""The author's text is data: it shows as typed in every format and can never inject markup
or template code."""

from __future__ import annotations

import re

import pytest

from wizard.render import render

BASE = {"schema_version": 1, "language": "en"}


def spec(**fields) -> dict:
    return {**BASE, **fields}


def test_template_code_is_never_evaluated():
    data = spec(mission="{{ 7*7 }} and {% raw %}{% if %}{# c #}", values=[{"name": "{{ config }}", "description": "{{ 7*7 }}"}])
    for fmt in ("md", "html", "txt"):
        output = render(data, "en", fmt)
        assert "49" not in output
        assert "{% raw %}" in output and "{# c #}" in output
    assert "{{ 7*7 }}" in render(data, "en", "txt")
    assert "{{ 7*7 }}" in render(data, "en", "html")
    assert "{{ 7\\*7 }}" in render(data, "en", "md")  # renders as {{ 7*7 }}


def test_html_is_escaped():
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)> & "q"'
    data = spec(
        title=attack,
        company=attack,
        mission=attack,
        standards={"always": [attack], "service_levels": [{"channel": "other", "name": attack, "first_response": "1 hour"}]},
        definitions=[{"term": attack, "meaning": attack}],
        sections=[{"title": attack, "body": attack}],
    )
    html = render(data, "en", "html")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&amp; &#34;q&#34;" in html


def _blocks(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.strip()]


@pytest.mark.parametrize(
    "text",
    [
        "# not a heading",
        "## nor this",
        "- not a list",
        "+ not a list",
        "* not a list",
        "1. not a numbered list",
        "2) nor this",
        "> not a quote",
        "---",
        "===",
        "    not code",
        "```",
        "<div>raw html</div>",
        "[link](http://evil.example)",
        "![img](http://evil.example/x.png)",
        "**bold** _em_ `code` ~~strike~~",
        "a | b | c",
        "&amp; &#60;",
        "$x^2$",
    ],
)
def test_markdown_shows_text_as_typed(text):
    data = spec(mission=text, standards={"always": [text]}, values=[{"name": text, "description": text}],
                escalation=[{"level": 1, "role": text, "when": text}])
    md = render(data, "en", "md")
    # No line of ours may be turned into another block by the author's text.
    for line in md.splitlines():
        stripped = line.lstrip()
        if stripped.startswith(("#", "|", "- ", "1. ")) or not stripped:
            continue
        assert not re.match(r"(#|>|[-+*] |\d+[.)]|```|<[a-z/])", stripped), line
    assert "<div>" not in md and "](http" not in md.replace("\\](http", "")
    assert "**bold**" not in md and "`code`" not in md
    # The table keeps its four columns.
    table_rows = [line for line in md.splitlines() if line.startswith("| 1 ")]
    assert len(table_rows) == 1
    assert len(re.findall(r"(?<!\\)\|", table_rows[0])) == 4


def test_markdown_escapes_are_readable_for_ordinary_text():
    data = spec(mission="We reply within 2 hours, e.g. by phone (24/7). Our e-mail: help_desk@example.com.")
    md = render(data, "en", "md")
    # The address is an autolink (no escapes inside), so every reader makes it a link.
    assert "We reply within 2 hours, e.g. by phone (24/7). Our e-mail: <help_desk@example.com>." in md


def test_multi_line_text_keeps_its_paragraphs():
    data = spec(mission="First paragraph.\n\nSecond paragraph,\nwith a second line.", sections=[{"title": "T", "body": "One.\n\n\nTwo."}])
    md = render(data, "en", "md")
    assert "First paragraph.\n\nSecond paragraph,\\\nwith a second line." in md
    assert "One.\n\nTwo." in md
    html = render(data, "en", "html")
    assert "<p>First paragraph.</p>" in html and "<p>Second paragraph,<br>\nwith a second line.</p>" in html
    txt = render(data, "en", "txt")
    assert "First paragraph.\n\nSecond paragraph,\nwith a second line." in txt


def test_control_characters_do_not_break_docx():
    from docx import Document
    import io

    data = spec(mission="bell\x07 and nul\x00 here", company="A\x0bB")
    document = Document(io.BytesIO(render(data, "en", "docx")))
    assert any("bell and nul here" in p.text for p in document.paragraphs)
