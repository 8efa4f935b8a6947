"""Readers: a document file -> blocks (see blocks.py), one function per format.

Markdown is parsed with markdown-it-py and Word files with python-docx, never with regular
expressions over their source, so escapes, nesting and Word's own numbering read as the
author's program shows them. Plain text has no markup to parse: its reader recognises the
conventions people type (underlined or numbered headings, dashes and numbers for lists).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from .blocks import Block, Item, heading, listing, paragraph, table

# ------------------------------------------------------------------ Markdown


def read_markdown(text: str) -> list[Block]:
    """Blocks of a Markdown (CommonMark + GitHub tables) document; `where` is the line."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    blocks: list[Block] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        line = token.map[0] + 1 if token.map else 0
        if token.type == "heading_open":
            blocks.append(heading(line, _inline_text(tokens[index + 1]), int(token.tag[1])))
            index += 3
        elif token.type == "paragraph_open":
            inline = tokens[index + 1]
            if _all_fields(inline.content):
                # "Owner: Ana" and "Effective date: ..." on lines of their own are two fields
                from markdown_it import MarkdownIt

                for offset, source in enumerate(inline.content.split("\n")):
                    part = MarkdownIt("commonmark").parseInline(source)[0]
                    blocks.append(paragraph(line + offset, _inline_text(part), _leading_bold(part)))
            else:
                blocks.append(paragraph(line, _inline_text(inline), _leading_bold(inline)))
            index += 3
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            index = _markdown_list(tokens, index, blocks)
        elif token.type == "table_open":
            index = _markdown_table(tokens, index, blocks)
        elif token.type in ("fence", "code_block", "html_block"):
            if token.content.strip():
                blocks.append(paragraph(line, token.content.rstrip("\n")))
            index += 1
        else:
            index += 1
    return blocks


def _all_fields(source: str) -> bool:
    """Whether every line of a paragraph is "Label: value" (two lines at least)."""
    lines = source.split("\n")
    return len(lines) > 1 and all(_FIELD_START.match(line.replace("*", "")) for line in lines)


def _markdown_list(tokens, index: int, blocks: list[Block]) -> int:
    """One list (nested lists are flattened into it: a policy's lists are one level deep)."""
    opening = tokens[index]
    ordered = opening.type == "ordered_list_open"
    close = "ordered_list_close" if ordered else "bullet_list_close"
    depth, items = 0, []
    index += 1
    while index < len(tokens):
        token = tokens[index]
        if token.type == opening.type:
            depth += 1
        elif token.type == close:
            if depth == 0:
                break
            depth -= 1
        elif token.type == "inline":
            items.append(Item(_inline_text(token), _leading_bold(token)))
        index += 1
    blocks.append(listing(opening.map[0] + 1, items, ordered))
    return index + 1


def _markdown_table(tokens, index: int, blocks: list[Block]) -> int:
    line = tokens[index].map[0] + 1
    rows: list[tuple[str, ...]] = []
    row: list[str] = []
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            row = []
        elif token.type == "inline":
            row.append(_inline_text(token))
        elif token.type == "tr_close":
            rows.append(tuple(row))
        index += 1
    blocks.append(table(line, rows))
    return index + 1


def _inline_text(inline) -> str:
    """The text of an inline token as a reader sees it: escapes undone, marks dropped,
    hard breaks kept as line breaks."""
    parts = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts).strip()


def _leading_bold(inline) -> str:
    """The bold words an inline token starts with ("**Owner**: Ana" -> "Owner")."""
    children = [c for c in inline.children or () if not (c.type == "text" and not c.content)]
    if not children or children[0].type != "strong_open":
        return ""
    parts = []
    for child in children[1:]:
        if child.type == "strong_close":
            return "".join(parts).strip()
        parts.append(child.content if child.type != "softbreak" else " ")
    return ""


# ------------------------------------------------------------------ Word


def read_docx(path: Path) -> list[Block]:
    """Blocks of a Word file; `where` is the paragraph's number in the body (tables count as
    one). Title and heading styles give headings, list styles and Word numbering give lists;
    the contents list, headers and footers are not part of the text."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(str(path))
    blocks: list[Block] = []
    pending: list[Item] = []
    pending_kind = ""
    pending_where = 0
    pending_num = None

    def flush() -> None:
        nonlocal pending, pending_kind
        if pending:
            blocks.append(listing(pending_where, pending, pending_kind == "numbered"))
        pending, pending_kind = [], ""

    number = 0
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:tbl"):
            flush()
            number += 1
            grid = Table(element, document._body)
            rows = [tuple(_cell_text(cell) for cell in _unique_cells(row)) for row in grid.rows]
            if rows:
                blocks.append(table(number, rows))
            continue
        if element.tag != qn("w:p"):
            continue  # a contents list (w:sdt), bookmarks, the section properties
        number += 1
        para = Paragraph(element, document._body)
        style = (para.style.name if para.style is not None else "") or ""
        if style.lower().startswith("toc"):
            continue
        text = para.text.replace("\r", "").strip()
        if not text:
            continue
        level = _docx_heading_level(style, para, text)
        list_kind, num_id = _docx_list_kind(document, para, style)
        if list_kind:
            if pending and (list_kind != pending_kind or (list_kind == "numbered" and num_id != pending_num)):
                flush()
            if not pending:
                pending_where, pending_num = number, num_id
            pending_kind = list_kind
            pending.append(Item(text, _docx_bold_lead(para)))
            continue
        flush()
        if level:
            blocks.append(heading(number, text, level))
        else:
            blocks.append(paragraph(number, text, _docx_bold_lead(para)))
    flush()
    return blocks


def _unique_cells(row) -> list:
    """A row's cells, a merged cell once."""
    seen, cells = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def _cell_text(cell) -> str:
    return "\n".join(p.text for p in cell.paragraphs).strip()


_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)


def _docx_heading_level(style: str, para, text: str) -> int:
    """Title -> 1, "Heading N" -> N + 1 (our own files put the title above Heading 1); a
    short paragraph that is bold from end to end is a heading of the level below them."""
    if style.lower() == "title":
        return 1
    match = _HEADING_STYLE.match(style)
    if match:
        return int(match.group(1)) + 1
    outline = para._p.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}outlineLvl")
    if outline is not None:
        return int(outline.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val", "0")) + 2
    runs = [run for run in para.runs if run.text.strip()]
    if runs and all(run.bold for run in runs) and len(text) <= 80 and not text.endswith((".", "。")):
        return 3
    return 0


def _docx_list_kind(document, para, style: str) -> tuple[str, object]:
    """("bullets" | "numbered" | "", the numbering instance) of a paragraph."""
    lowered = style.lower()
    p_pr = para._p.pPr
    num_id = None
    if p_pr is not None and p_pr.numPr is not None and p_pr.numPr.numId is not None:
        num_id = p_pr.numPr.numId.val
    if lowered.startswith("list bullet"):
        return "bullets", num_id
    if lowered.startswith("list number"):
        return "numbered", num_id
    if num_id is None or num_id == 0:
        return "", None
    return ("bullets" if _is_bullet_numbering(document, num_id) else "numbered"), num_id


def _is_bullet_numbering(document, num_id) -> bool:
    from docx.oxml.ns import qn

    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return True
    num = numbering.num_having_numId(num_id)
    abstract = numbering.find(
        f"{qn('w:abstractNum')}[@{qn('w:abstractNumId')}='{num.abstractNumId.val}']")
    if abstract is None:
        return True
    fmt = abstract.find(f"{qn('w:lvl')}/{qn('w:numFmt')}")
    return fmt is None or fmt.get(qn("w:val")) == "bullet"


def _docx_bold_lead(para) -> str:
    """The bold text a paragraph starts with, if the rest is not bold too."""
    lead, rest = [], False
    for run in para.runs:
        if not run.text:
            continue
        if run.bold and not rest:
            lead.append(run.text)
        else:
            rest = True
    return "".join(lead).strip() if lead and rest else ""


# ------------------------------------------------------------------ plain text

_UNDERLINE = re.compile(r"^\s*([=\-~*#_])\1{2,}\s*$")
_BULLET = re.compile(r"^\s*[-*•·‣◦]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(.*)$")
_NUMBERED_HEADING = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.{0,78})$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?[\s:|+-]*-{3,}[\s:|+-]*\|?\s*$")
_COLUMNS = re.compile(r"\S(?:.*?\S)?(?=\s{2,}|$)")


def read_text(text: str) -> list[Block]:
    """Blocks of a plain-text document; `where` is the line.

    Headings: a line underlined with ===/---, a Markdown-style '#' line, or a short line in
    capitals. Lists: lines that start with '-', '*', '•' or '1.'. Tables: lines between '|'
    or columns two spaces apart under a rule of dashes. Everything else is paragraphs,
    separated by blank lines."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if not stripped or _UNDERLINE.match(line):
            index += 1
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if _UNDERLINE.match(following) and len(stripped) <= 100:
            level = 1 if following.strip()[0] == "=" else 2
            blocks.append(heading(index + 1, stripped, level))
            index += 2
            continue
        md = _MD_HEADING.match(line)
        if md:
            blocks.append(heading(index + 1, md.group(2), len(md.group(1))))
            index += 1
            continue
        if _TABLE_ROW.match(line) or (_TABLE_RULE.match(following) and len(_COLUMNS.findall(line)) > 1):
            index = _text_table(lines, index, blocks)
            continue
        if _looks_like_heading(stripped, following):
            number = _NUMBERED_HEADING.match(stripped)
            blocks.append(heading(index + 1, stripped, 2 + (number.group(1).count(".") if number else 0)))
            index += 1
            continue
        if _BULLET.match(line) or _NUMBERED.match(line):
            index = _text_list(lines, index, blocks)
            continue
        index = _text_paragraph(lines, index, blocks)
    return blocks


_FIELD_START = re.compile(r"^[^\s:：][^:：]{0,40}(?::\s|：)")


def _text_paragraph(lines: list[str], index: int, blocks: list[Block]) -> int:
    """A paragraph; a line with indented lines under it is a term and its meaning, and
    "Label: value" lines each stand alone (their wrapped parts are indented)."""
    start, first = index, lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else ""
    if not first.startswith((" ", "\t")) and following.startswith(("  ", "\t")) and not _FIELD_START.match(first):
        meaning = []
        index += 1
        while index < len(lines) and lines[index].startswith((" ", "\t")) and lines[index].strip():
            meaning.append(lines[index].strip())
            index += 1
        term = first.strip()
        blocks.append(paragraph(start + 1, f"{term}: {join_wrapped(meaning)}", term))
        return index
    para = [first.strip()]
    index += 1
    while index < len(lines) and lines[index].strip() and not (
            _BULLET.match(lines[index]) or _UNDERLINE.match(lines[index])):
        line = lines[index]
        if _FIELD_START.match(first) and _FIELD_START.match(line):
            break
        para.append(line.strip())
        index += 1
    blocks.append(paragraph(start + 1, join_wrapped(para)))
    return index


_WIDE = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def join_wrapped(lines: list[str]) -> str:
    """Lines of one wrapped paragraph as one text: a space between words, none between two
    Chinese characters (Chinese text has no spaces to wrap at)."""
    text = ""
    for line in lines:
        if text and not (_WIDE.match(text[-1]) and _WIDE.match(line[0])):
            text += " "
        text += line
    return text


def _looks_like_heading(line: str, following: str) -> bool:
    """A short line in capitals, or a numbered one standing alone ("2. Complaints",
    "2.1 Refunds") with nothing right below it; never a sentence."""
    if len(line) > 80 or line.endswith((".", ":", "。", "：", ",", ";", "!", "?")):
        return False
    if _NUMBERED_HEADING.match(line) and not following.strip():
        return True
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 2 and all(c.isupper() for c in letters)


def _text_list(lines: list[str], index: int, blocks: list[Block]) -> int:
    start = index
    ordered = bool(_NUMBERED.match(lines[index]))
    items: list[Item] = []
    while index < len(lines):
        line = lines[index]
        match = (_NUMBERED if ordered else _BULLET).match(line)
        if match:
            items.append(Item(match.group(match.lastindex).strip()))
        elif line.strip() and items and line.startswith((" ", "\t")):
            items[-1] = Item(join_wrapped([items[-1].text, line.strip()]))
        else:
            break
        index += 1
    blocks.append(listing(start + 1, items, ordered))
    return index


def _text_table(lines: list[str], index: int, blocks: list[Block]) -> int:
    start = index
    rows: list[tuple[str, ...]] = []
    piped = bool(_TABLE_ROW.match(lines[index]))
    while index < len(lines) and lines[index].strip():
        line = lines[index]
        if _TABLE_RULE.match(line):
            index += 1
            continue
        if piped:
            if not _TABLE_ROW.match(line):
                break
            rows.append(tuple(cell.strip() for cell in line.strip().strip("|").split("|")))
        else:
            rows.append(tuple(_COLUMNS.findall(line.strip())))
        index += 1
    blocks.append(table(start + 1, rows))
    return index


# ------------------------------------------------------------------ HTML


class _HTMLBlocks(HTMLParser):
    """Headings, paragraphs, list items and table cells of an HTML page (scripts, styles and
    the navigation are skipped); `where` is the line of each element's start tag."""

    SKIP = {"script", "style", "nav", "head", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.skip = 0
        self.text: list[str] | None = None
        self.label: list[str] | None = None
        self.bold = 0
        self.start = 0
        self.kind = ""
        self.lists: list[tuple[bool, int, list[Item]]] = []
        self.rows: list[tuple[str, ...]] | None = None
        self.row: list[str] = []
        self.table_start = 0
        self.term: tuple[str, int] | None = None

    def handle_starttag(self, tag: str, attrs) -> None:
        line = self.getpos()[0]
        if tag in self.SKIP:
            self.skip += 1
        elif self.skip:
            return
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "th", "td", "dt", "dd", "caption"):
            self._begin(tag, line)
        elif tag in ("ul", "ol"):
            self.lists.append((tag == "ol", line, []))
        elif tag == "table":
            self.rows, self.table_start = [], line
        elif tag == "tr":
            self.row = []
        elif tag == "br" and self.text is not None:
            self.text.append("\n")
        elif tag in ("strong", "b") and self.text is not None:
            self.bold += 1
            if not "".join(self.text).strip() and self.label is None:
                self.label = []

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif self.skip:
            return
        elif tag in ("strong", "b"):
            self.bold = max(0, self.bold - 1)
        elif tag == self.kind:
            self._end()
        elif tag in ("ul", "ol") and self.lists:
            ordered, line, items = self.lists.pop()
            if items:
                self.blocks.append(listing(line, items, ordered))
        elif tag == "tr" and self.rows is not None:
            if self.row:
                self.rows.append(tuple(self.row))
        elif tag == "table" and self.rows is not None:
            if self.rows:
                self.blocks.append(table(self.table_start, self.rows))
            self.rows = None

    def handle_data(self, data: str) -> None:
        if self.skip or self.text is None:
            return
        data = re.sub(r"\s+", " ", data)
        self.text.append(data)
        if self.label is not None and self.bold:
            self.label.append(data)

    def _flush_term(self) -> None:
        """A term (<dt>) with no meaning after it is a paragraph of its own."""
        if self.term is not None:
            term, line = self.term
            self.term = None
            self.blocks.append(paragraph(line, term))

    def _begin(self, tag: str, line: int) -> None:
        if self.text is not None:
            self._end()
        if tag != "dd":
            self._flush_term()
        self.kind, self.start, self.text, self.label = tag, line, [], None

    def _end(self) -> None:
        text = "".join(self.text or []).strip()
        text = re.sub(r" *\n *", "\n", text)
        label = "".join(self.label or []).strip() if self.label is not None else ""
        kind, self.text, self.label, self.kind = self.kind, None, None, ""
        if kind in ("th", "td"):
            self.row.append(text)
        elif not text:
            return
        elif kind == "dt":
            self._flush_term()
            self.term = (text, self.start)
        elif kind == "dd" and self.term is not None:
            term, line = self.term
            self.term = None
            self.blocks.append(paragraph(line, f"{term}: {text}", term))
        elif kind == "li" and self.lists:
            self.lists[-1][2].append(Item(text, label if label != text else ""))
        elif kind.startswith("h") and kind[1:].isdigit():
            self.blocks.append(heading(self.start, text, int(kind[1])))
        elif kind != "caption":
            self.blocks.append(paragraph(self.start, text, label if label != text else ""))


def read_html(text: str) -> list[Block]:
    """Blocks of an HTML page (stdlib parser: lenient with the markup real pages have)."""
    parser = _HTMLBlocks()
    parser.feed(text)
    parser.close()
    parser._flush_term()
    return parser.blocks
