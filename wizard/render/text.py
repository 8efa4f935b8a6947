"""Text helpers of the writers: Markdown escaping, and cell-aware wrapping and tables for
plain text (Chinese characters take two terminal cells, so widths never use len())."""

from __future__ import annotations

import re

from .formatting import cell_len, char_width, one_line, words_of
from .linebreak import long_piece_parts, pieces

# Table cells this short (in terminal cells) never wrap in HTML and DOCX: "10 minuta",
# "24小时", "级别".
SHORT_CELL = 12

# ------------------------------------------------------------------ links

# E-mail addresses and web addresses in author text (a contact line, a resource), which the
# writers that can make them clickable (HTML, DOCX, Markdown) do. ASCII only, so that the
# Chinese text around an address ("请发邮件至a@b.cn。") stays outside it.
_LINK = re.compile(
    r"(?<![A-Za-z0-9._%+-])(?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})"
    r"|(?<![A-Za-z0-9@/])(?P<url>(?:https?://|www\.)[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+)"
)
# Punctuation that ends a sentence rather than the address before it.
_LINK_TRAILING = ".,;:!?'"


def split_links(text: str) -> list[tuple[str, str | None]]:
    """`text` cut into (part, link target or None): "Write to a@b.hr." ->
    [("Write to ", None), ("a@b.hr", "mailto:a@b.hr"), (".", None)]."""
    if "@" not in text and "http" not in text and "www." not in text:
        return [(text, None)] if text else []
    parts: list[tuple[str, str | None]] = []
    position = 0
    for match in _LINK.finditer(text):
        found = match.group(0)
        end = match.end()
        if match.group("url"):
            while found and (found[-1] in _LINK_TRAILING or (found[-1] == ")" and found.count("(") < found.count(")"))):
                found, end = found[:-1], end - 1
            if found in ("www.", "http://", "https://") or found.endswith("://"):
                continue
            target = found if "://" in found else "https://" + found
        else:
            target = "mailto:" + found
        if match.start() > position:
            parts.append((text[position : match.start()], None))
        parts.append((found, target))
        position = end
    if position < len(text):
        parts.append((text[position:], None))
    return parts


# ------------------------------------------------------------------ Markdown

# Characters that start inline markup anywhere (GFM: emphasis, code, links, autolinks,
# raw HTML, tables, strikethrough, math), and entity references.
_MD_INLINE = re.compile(r"[\\`*\[\]<>|~$]|&(?=#?[0-9A-Za-z]+;)")
# `_` starts emphasis only at a word boundary ("snake_case" is safe as typed).
_MD_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
# A line may not start with a heading, quote or list marker, a thematic break or setext
# underline (handled in _md_line), nor an ordered-list number:
_MD_ORDERED = re.compile(r"^(\d{1,9})([.)])")


def md_inline(text: str) -> str:
    """Escape author text that sits inside a line (a table cell, a field value, a heading)
    so that Markdown shows it exactly as typed; newlines become spaces. E-mail and web
    addresses become links (a bare address is not one in every Markdown reader)."""
    return md_linked(one_line(text))


def md_linked(text: str) -> str:
    """md_literal, with e-mail and web addresses as autolinks."""
    out = []
    for part, href in split_links(text):
        if href is None:
            out.append(md_literal(part))
        elif href in (part, "mailto:" + part):  # "https://…" or an e-mail address as typed
            out.append(f"<{part}>")
        else:  # "www.example.hr" keeps its text
            out.append(f"[{md_literal(part)}]({href})")
    return "".join(out)


def md_line(text: str) -> str:
    """Like md_inline, for text that starts a line (a list item): block markers escaped too."""
    return _md_line(one_line(text))


def md_literal(text: str) -> str:
    """Escape inline markup in a fragment that is joined to others (spaces kept)."""
    text = _MD_INLINE.sub(lambda m: "\\" + m.group(0), text)
    if "_" in text:
        text = _MD_UNDERSCORE.sub(r"\\_", text)
    return text


def _md_line(line: str) -> str:
    line = line.strip()
    if not line:
        return ""
    line = md_linked(line)
    first = line[0]
    if first in "#>+=-":
        line = "\\" + line
    elif first.isdigit():
        line = _MD_ORDERED.sub(r"\1\\\2", line, count=1)
    return line


def md_paragraph(text: str) -> str:
    """A paragraph of author text: every line escaped, line breaks kept as hard breaks."""
    lines = [_md_line(line) for line in text.split("\n")]
    lines = [line for line in lines if line]
    return "\\\n".join(lines)


def md_heading(text: str) -> str:
    return md_literal(one_line(text)).replace("#", "\\#")


def md_table(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> str:
    """A GitHub-flavoured table, columns padded (cell-aware) to the longest cell, however long,
    so the source reads well and stays aligned (markdownlint MD055/MD056/MD060)."""
    escaped_header = [md_inline(cell) for cell in header]
    escaped_rows = [[md_inline(cell) for cell in row] for row in rows]
    widths = [max(3, cell_len(cell)) for cell in escaped_header]
    for row in escaped_rows:
        for index, cell in enumerate(row):
            width = cell_len(cell)
            if width > widths[index]:
                widths[index] = width

    def line(cells: list[str]) -> str:
        padded = [cell + " " * max(0, widths[i] - cell_len(cell)) for i, cell in enumerate(cells)]
        return "| " + " | ".join(padded) + " |"

    out = [line(escaped_header), "| " + " | ".join("-" * width for width in widths) + " |"]
    out.extend(line(row) for row in escaped_rows)
    return "\n".join(out)


# ------------------------------------------------------------------ plain text

WIDTH = 78

def _pieces(text: str) -> list[tuple[str, bool]]:
    """Text cut where a line may break (see linebreak), each piece with whether white space
    precedes it."""
    out: list[tuple[str, bool]] = []
    previous_end = 0
    for start, end in pieces(text):
        out.append((text[start:end], start > previous_end or not out))
        previous_end = end
    return out


def _split_long(pieces: list[tuple[str, bool]], room: int):
    """Cut a piece wider than a whole line into line-sized parts: where `long_piece_parts`
    says first ("5 radnih dana" in a narrow column), then anywhere (a long URL, a huge number)."""
    for piece, spaced in pieces:
        if cell_len(piece) <= room:
            yield piece, spaced
            continue
        for start, end in long_piece_parts(piece, 0, len(piece)):
            yield from _cut(piece[start:end], spaced, room)
            spaced = False


def _cut(piece: str, spaced: bool, room: int):
    if cell_len(piece) <= room:
        yield piece, spaced
        return
    part, used = "", 0
    for char in piece:
        size = char_width(char)
        if part and used + size > room:
            yield part, spaced
            spaced, part, used = False, "", 0
        part += char
        used += size
    if part:
        yield part, spaced


def wrap(text: str, width: int = WIDTH, indent: str = "", subsequent: str | None = None) -> list[str]:
    """Wrap one paragraph to `width` terminal cells; `indent` starts the first line,
    `subsequent` (default: as many spaces) the others."""
    if subsequent is None:
        subsequent = " " * cell_len(indent)
    lines: list[str] = []
    for raw_line in text.split("\n"):
        lines.extend(_wrap_line(raw_line, width, indent if not lines else subsequent, subsequent))
    return lines or [indent.rstrip()]


def _wrap_line(text: str, width: int, indent: str, subsequent: str) -> list[str]:
    if text.isascii() and len(indent) + len(text) <= width and "  " not in text and "\t" not in text and text == text.strip():
        return [indent + text]
    lines: list[str] = []
    line, used, empty = indent, cell_len(indent), True
    room = max(1, width - cell_len(subsequent))
    for piece, spaced in _split_long(_pieces(text), room):
        size = cell_len(piece)
        gap = 1 if (spaced and not empty) else 0
        if not empty and used + gap + size > width:
            lines.append(line)
            line, used, empty, gap = subsequent, cell_len(subsequent), True, 0
        line += " " * gap + piece
        used += gap + size
        empty = False
    lines.append(line)
    return lines


def text_table(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...], width: int = WIDTH) -> list[str]:
    """A simple table laid out in terminal cells: columns two cells apart, the header
    underlined, long cells wrapped inside their column."""
    columns = len(header)
    table = [list(header)] + [list(row) + [""] * (columns - len(row)) for row in rows]
    table = [[one_line(cell) for cell in row[:columns]] for row in table]
    natural = [max(cell_len(row[i]) for row in table) for i in range(columns)]
    gap = 2
    available = width - gap * (columns - 1)
    widths = list(natural)
    # Shrink the widest column until the table fits, never below the longest word or 8 cells.
    floors = [
        min(natural[i], max(8, max((cell_len(word) for row in table for word in words_of(row[i])), default=0)))
        for i in range(columns)
    ]
    floors = [min(floor, max(8, available // columns)) for floor in floors]
    while sum(widths) > available:
        index = max(range(columns), key=lambda i: widths[i] - floors[i])
        if widths[index] <= floors[index]:
            break
        widths[index] -= 1

    def render_row(cells: list[str]) -> list[str]:
        wrapped = [wrap(cell, widths[i]) if cell else [""] for i, cell in enumerate(cells)]
        height = max(len(lines) for lines in wrapped)
        out = []
        for number in range(height):
            parts = []
            for i, lines in enumerate(wrapped):
                part = lines[number] if number < len(lines) else ""
                parts.append(part + " " * max(0, widths[i] - cell_len(part)))
            out.append((" " * gap).join(parts).rstrip())
        return out

    lines = render_row(table[0])
    lines.append((" " * gap).join("-" * w for w in widths))
    for row in table[1:]:
        lines.extend(render_row(row))
    return lines
