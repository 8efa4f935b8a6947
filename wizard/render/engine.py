"""The Jinja2 side of rendering: one Environment per language (gettext from the `render`
catalog through `jinja2.ext.i18n`), the writers' filters, and a bytecode cache in the
user's cache folder so a fresh process does not recompile the templates."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup, escape

from wizard.i18n import translations
from wizard.resources import resource_dir

from .document import Document, Section
from .text import SHORT_CELL, WIDTH, split_links, md_heading, md_inline, md_line, md_literal, md_paragraph, md_table, text_table, wrap
from .formatting import cell_len

TEMPLATES = {"md": "document.md.j2", "html": "document.html.j2", "txt": "document.txt.j2"}
HTML_LANG = {"en": "en", "hr": "hr", "zh": "zh-Hans", "tr": "tr"}

_PLACEHOLDER = re.compile(r"(%\(label\)s|%\(value\)s)")
_EXTRA_BLANK_LINES = re.compile(r"\n{3,}")


@lru_cache(maxsize=64)
def pattern_parts(pattern: str) -> tuple[str, ...]:
    """`"%(label)s: %(value)s"` -> ("%(label)s", ": ", "%(value)s"): lets a writer style the
    label alone while the catalog keeps the punctuation (a full-width colon in Chinese)."""
    return tuple(part for part in _PLACEHOLDER.split(pattern) if part)


def _join_field(pattern: str, label: str, value: str, quote_label, quote_value, literal) -> str:
    if not label:
        return quote_value(value)
    if not value:
        return quote_label(label)
    out = []
    for part in pattern_parts(pattern):
        if part == "%(label)s":
            out.append(quote_label(label))
        elif part == "%(value)s":
            out.append(quote_value(value))
        else:
            out.append(literal(part))
    return "".join(out)


# ------------------------------------------------------------------ Markdown filters


def md_field(pattern: str, label: str, value: str) -> str:
    if not label:
        return md_line(value)
    return _join_field(pattern, label, value, lambda s: f"**{md_inline(s)}**", md_inline, md_literal)


def md_numbered(items) -> str:
    return "\n".join(f"{number}. {md_line(item)}" for number, item in enumerate(items, 1))


def md_bullets(items) -> str:
    return "\n".join(f"- {md_line(item)}" for item in items)


# ------------------------------------------------------------------ HTML filters


def html_text(text: str) -> Markup:
    """Author text escaped, its e-mail and web addresses as links."""
    return Markup("").join(
        Markup('<a href="{}">{}</a>').format(href, part) if href else escape(part) for part, href in split_links(text)
    )


def html_paragraph(text: str) -> Markup:
    return Markup("<br>\n").join(html_text(line) for line in text.split("\n"))


class LanguageMarks:
    """`lang` attributes for the texts of one document that are in another language
    (author text with no translation): `<p{{ lang_of(text) }}>`."""

    def __init__(self, document: Document) -> None:
        self.foreign = document.fallback_languages()

    def __call__(self, text: str) -> Markup:
        code = self.foreign.get(text)
        return Markup(' lang="{}"').format(HTML_LANG.get(code, code)) if code else Markup("")


def html_field(pattern: str, label: str, value: str, lang_of=None) -> Markup:
    mark = lang_of(value) if lang_of is not None else ""

    def quote_value(text: str) -> str:
        return str(Markup("<span{}>{}</span>").format(mark, html_text(text)) if mark else html_text(text))

    return Markup(
        _join_field(
            pattern,
            label,
            value,
            lambda s: f"<strong>{escape(s)}</strong>",
            quote_value,
            lambda s: str(escape(s)),
        )
    )


def html_cell_class(text: str) -> Markup:
    return Markup(' class="short"') if cell_len(text) <= SHORT_CELL else Markup("")


# ------------------------------------------------------------------ plain-text filters


def txt_paragraph(text: str, indent: str = "") -> str:
    return "\n".join(wrap(text, WIDTH, indent))


def txt_field(pattern: str, label: str, value: str, indent: str = "") -> str:
    joined = _join_field(pattern, label, value, str, str, str)
    return "\n".join(wrap(joined, WIDTH, indent, indent + "  "))


def txt_bullets(items) -> str:
    return "\n".join("\n".join(wrap(item, WIDTH, "  - ", "    ")) for item in items)


def txt_numbered(items) -> str:
    items = list(items)
    digits = len(str(len(items)))
    out = []
    for number, item in enumerate(items, 1):
        marker = f"  {number:>{digits}}. "
        out.append("\n".join(wrap(item, WIDTH, marker, " " * len(marker))))
    return "\n".join(out)


def txt_table(block) -> str:
    return "\n".join(text_table(block.header, block.rows, WIDTH))


def txt_definition(term: str, meaning: str) -> str:
    lines = wrap(term, WIDTH) if term else []
    if meaning:
        lines.extend(wrap(meaning, WIDTH, "    "))
    return "\n".join(lines)


def underline(text: str, char: str = "=") -> str:
    return char * max(3, cell_len(text))


# ------------------------------------------------------------------ environments


def _bytecode_cache():
    from jinja2 import FileSystemBytecodeCache
    from platformdirs import user_cache_dir

    class CheckedBytecodeCache(FileSystemBytecodeCache):
        """Jinja's cache of compiled templates, where a damaged file means "compile again":
        Jinja itself lets a file cut short after its header fail the render (pickle's
        "data was truncated")."""

        def load_bytecode(self, bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # a damaged file fails in whatever way pickle or marshal choose
                bucket.reset()

    folder = Path(user_cache_dir("policy-wizard", appauthor=False)) / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return CheckedBytecodeCache(str(folder))


@lru_cache(maxsize=None)
def environment(lang: str):
    """The Jinja2 environment of one document language (the `render` catalog installed)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(resource_dir("templates"))),
        autoescape=lambda name: bool(name) and ".html" in name,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        undefined=StrictUndefined,
        bytecode_cache=_bytecode_cache(),
    )
    env.install_gettext_translations(translations(lang, "render"), newstyle=True)
    env.filters.update(
        md_inline=md_inline,
        md_heading=md_heading,
        md_paragraph=md_paragraph,
        md_table=lambda block: md_table(block.header, block.rows),
        md_field=md_field,
        md_bullets=md_bullets,
        md_numbered=md_numbered,
        html_text=html_text,
        html_paragraph=html_paragraph,
        html_field=html_field,
        html_cell_class=html_cell_class,
        txt_paragraph=txt_paragraph,
        txt_field=txt_field,
        txt_bullets=txt_bullets,
        txt_numbered=txt_numbered,
        txt_table=txt_table,
        txt_definition=txt_definition,
        underline=underline,
    )
    env.globals["html_lang"] = HTML_LANG.get(lang, lang)
    return env


def _tidy(text: str) -> str:
    """One blank line between blocks at most, one newline at the end."""
    return _EXTRA_BLANK_LINES.sub("\n\n", text).strip("\n") + "\n"


def render_text(document: Document, fmt: str, paper: str = "a4") -> str:
    template = environment(document.lang).get_template(TEMPLATES[fmt])
    output = template.render(document=document, paper=paper, lang_of=LanguageMarks(document))
    return output if fmt == "html" else _tidy(output)


@lru_cache(maxsize=512)
def render_section_markdown(section: Section) -> str:
    """Cached by value: a preview that re-renders an unchanged section gets it for free."""
    template = environment("en").get_template("section.md.j2")
    return _tidy(template.render(section=section))
