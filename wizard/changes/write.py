"""The change notice as Markdown, plain text or HTML.

Reworded text shows its old and new wording; the words that changed are struck through
and bold in Markdown, `<del>`/`<ins>` in HTML, and in [brackets] in plain text. The
escaping, wrapping and heading helpers are the renderer's, so a notice reads like the
document it describes.
"""

from __future__ import annotations

from markupsafe import escape

from wizard.render.engine import HTML_LANG, underline
from wizard.render.text import WIDTH, md_literal, md_line, wrap

from .notice import Change, Notice, Segment

FORMATS = ("md", "txt", "html")


def write_notice(notice: Notice, fmt: str) -> str:
    """The notice as `fmt` ("md", "txt" or "html"), ending with a newline."""
    writer = {"md": _markdown, "txt": _text, "html": _html}.get(fmt)
    if writer is None:
        raise ValueError(f"unsupported format: {fmt!r} (choose one of {', '.join(FORMATS)})")
    return writer(notice)


def _wordings(notice: Notice, change: Change, mark, quote=str) -> list[str]:
    """The "Before:" and "Now:" lines of a change, the changed words marked by `mark`, the
    catalog's label quoted for the format by `quote`."""
    lines = []
    if change.before:
        lines.append(("before", notice.before_label, change.before))
    if change.after:
        lines.append(("after", notice.after_label, change.after))
    return [quote(label) % {"text": "".join(mark(kind, segment) for segment in segments)} for kind, label, segments in lines]


# ------------------------------------------------------------------ Markdown


def _md_segment(kind: str, segment: Segment) -> str:
    text = md_literal(segment.text)
    if not segment.changed:
        return text
    return f"~~{text}~~" if kind == "before" else f"**{text}**"


def _markdown(notice: Notice) -> str:
    out = [f"# {md_literal(notice.title)}", ""]
    if notice.subtitle:
        out += [md_line(notice.subtitle), ""]
    if notice.empty:
        out += [md_line(notice.no_changes), ""]
    for section in notice.sections:
        out += [f"## {md_literal(section.heading)}", ""]
        for change in section.changes:
            out.append(f"- {md_line(change.text)}")
            out += [f"  - {md_line(detail)}" for detail in change.details]
            out += [f"  - {line}" for line in _wordings(notice, change, _md_segment, md_literal)]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


# ------------------------------------------------------------------ plain text


def _txt_segment(kind: str, segment: Segment) -> str:
    return f"[{segment.text}]" if segment.changed else segment.text


def _text(notice: Notice) -> str:
    out = [notice.title, underline(notice.title, "="), ""]
    if notice.subtitle:
        out += [*wrap(notice.subtitle, WIDTH), ""]
    if notice.empty:
        out += [*wrap(notice.no_changes, WIDTH), ""]
    for section in notice.sections:
        out += [section.heading, underline(section.heading, "-"), ""]
        for change in section.changes:
            out += wrap(change.text, WIDTH, "  - ", "    ")
            for line in (*change.details, *_wordings(notice, change, _txt_segment)):
                out += wrap(line, WIDTH, "      ", "        ")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


# ------------------------------------------------------------------ HTML


def _html_segment(kind: str, segment: Segment) -> str:
    text = str(escape(segment.text))
    if not segment.changed:
        return text
    return f"<del>{text}</del>" if kind == "before" else f"<ins>{text}</ins>"


def _html(notice: Notice) -> str:
    title = escape(notice.title)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{HTML_LANG.get(notice.lang, notice.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
        "del{color:#a00}ins{color:#060;text-decoration:none;font-weight:bold}li ul{margin:.25rem 0}</style>",
        "</head>",
        "<body>",
        f"<h1>{title}</h1>",
    ]
    if notice.subtitle:
        out.append(f"<p>{escape(notice.subtitle)}</p>")
    if notice.empty:
        out.append(f"<p>{escape(notice.no_changes)}</p>")
    for section in notice.sections:
        out += [f"<h2>{escape(section.heading)}</h2>", "<ul>"]
        for change in section.changes:
            inner = [f"<li>{escape(detail)}</li>" for detail in change.details]
            inner += [f"<li>{line}</li>" for line in _wordings(notice, change, _html_segment, lambda label: str(escape(label)))]
            nested = f"<ul>{''.join(inner)}</ul>" if inner else ""
            out.append(f"<li>{escape(change.text)}{nested}</li>")
        out.append("</ul>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"

