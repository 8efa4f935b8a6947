"""Render a policy spec as a document in English, Croatian, Chinese or Turkish.

    build_document(data, lang, audience="internal") -> Document   # format-neutral
    render(data, lang, fmt, audience="internal", paper="a4") -> str | bytes  # md, html, txt, docx
    section_markdown(section) -> str                               # one section (live preview)

Imports stay light: Jinja2 loads on the first text render, python-docx only for DOCX.
"""

from __future__ import annotations

from .build import AUDIENCES, build_document
from .document import (
    Block,
    BulletList,
    Definitions,
    Document,
    Fields,
    Heading,
    NumberedList,
    Paragraphs,
    Section,
    Table,
)

FORMATS = ("md", "html", "txt", "docx")
PAPERS = ("a4", "letter")  # the printed page of DOCX and HTML

__all__ = [
    "AUDIENCES",
    "FORMATS",
    "PAPERS",
    "Block",
    "BulletList",
    "Definitions",
    "Document",
    "Fields",
    "Heading",
    "NumberedList",
    "Paragraphs",
    "Section",
    "Table",
    "build_document",
    "render",
    "render_document",
    "section_markdown",
]


def render(data: dict, lang: str, fmt: str, audience: str = "internal", paper: str = "a4") -> str | bytes:
    """The document of `data` in `lang` as `fmt`: str for md/html/txt, bytes for docx."""
    if fmt not in FORMATS:
        raise ValueError(f"unsupported format: {fmt!r} (choose one of {', '.join(FORMATS)})")
    return render_document(build_document(data, lang, audience), fmt, paper)


def render_document(document: Document, fmt: str, paper: str = "a4") -> str | bytes:
    if paper not in PAPERS:
        raise ValueError(f"unsupported paper size: {paper!r} (choose one of {', '.join(PAPERS)})")
    if fmt == "docx":
        from .docx_writer import write_docx

        return write_docx(document, paper)
    if fmt not in FORMATS:
        raise ValueError(f"unsupported format: {fmt!r}")
    from .engine import render_text

    return render_text(document, fmt, paper)


def section_markdown(section: Section) -> str:
    """One section as Markdown, for the app's live preview (sections compare with ==, so the
    caller can re-render only those that changed)."""
    from .engine import render_section_markdown

    return render_section_markdown(section)
