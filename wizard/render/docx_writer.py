"""DOCX writer (python-docx, imported only here).

What Word and LibreOffice show: real Heading styles (so the navigation pane and the contents
work), List Bullet / List Number paragraphs (each numbered list restarts at 1), tables whose
header row repeats on every page and whose rows never split across a page break, the title in
the page header and the version with "page X of Y" in the footer, a table of contents for the
internal policy, e-mail addresses and web addresses as hyperlinks, and the languages set: the
document's on the default run properties, the fallback language on each run of text that is
not in the document's language.

The body is written as one WordprocessingML string and parsed once: building it element by
element through python-docx costs a style look-up and a child search per call, which made a
policy with 100,000 steps take half a minute. python-docx still supplies the package, styles,
numbering, header and footer parts and the file's properties.
"""

from __future__ import annotations

import datetime
import io
import re
from xml.sax.saxutils import escape

from wizard.i18n import translations

from .document import Document, Section, Table
from .formatting import cell_len
from .linebreak import pieces
from .text import SHORT_CELL, split_links

# Word language tags of the document languages.
WORD_LANG = {"en": "en-GB", "hr": "hr-HR", "zh": "zh-CN", "tr": "tr-TR"}
# One East Asian font for headings and body in Chinese (on Windows; other systems substitute).
CHINESE_FONT = "Microsoft YaHei"
# Page size and margins in twentieths of a point: A4 with 2.5 cm margins, Letter with 1 inch.
PAPERS = {"a4": (11906, 16838, 1418), "letter": (12240, 15840, 1440)}
# Word refuses core properties (title, author) longer than this.
CORE_PROPERTY_LIMIT = 255
HEADER_FILL = "E8EDF3"
# A short table cell (text.SHORT_CELL) never wraps; its column is as wide as it needs:
# ~140 twips a terminal cell at 11 pt (bold, in a wide substitute font too), plus the margins.
SHORT_CELL_TWIPS = 140
CELL_PADDING_TWIPS = 260
ACCENT = "1F4E79"

_PLACEHOLDER = re.compile(r"(%\(label\)s|%\(value\)s)")
_PAGE_PLACEHOLDER = re.compile(r"(%\(page\)s|%\(pages\)s)")
# Characters that XML 1.0 (and so Word) cannot hold.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# Settings that follow w:updateFields in the schema's order (CT_Settings).
_AFTER_UPDATE_FIELDS = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
                        "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                        "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
                        "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
                        "decimalSymbol", "listSeparator")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>Policy Wizard</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def _clean(text: str) -> str:
    return _INVALID_XML.sub("", text)


def _limited(text: str) -> str:
    """A core property Word accepts: at most 255 characters (the document keeps the whole text)."""
    text = _clean(text)
    return text if len(text) <= CORE_PROPERTY_LIMIT else text[: CORE_PROPERTY_LIMIT - 1].rstrip() + "\u2026"


def _field(instruction: str, result: str = "") -> str:
    """A complex field (PAGE, NUMPAGES, PAGEREF) with the result Word shows until it updates."""
    shown = f'<w:r><w:t xml:space="preserve">{escape(result)}</w:t></w:r>' if result else ""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{shown}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


class _Body:
    """Writes the document's blocks as WordprocessingML, chunk by chunk (joined once)."""

    def __init__(self, document: Document, doc, text_width: int) -> None:
        self.document = document
        self.doc = doc
        self.text_width = text_width
        self.foreign = document.fallback_languages()
        self.chunks: list[str] = []
        self.bookmarks = 0
        self.link_ids: dict[str, str] = {}
        self.has_contents = False
        numbering = doc.part.numbering_part.element
        base_num_id = doc.styles["List Number"].element.pPr.numPr.numId.val
        self.numbering = numbering
        self.list_abstract_id = numbering.num_having_numId(base_num_id).abstractNumId.val
        self.style_ids = {
            name: doc.styles[name].style_id
            for name in ("Title", "Heading 1", "Heading 2", "List Bullet", "List Number", "Table Grid", "TOC Heading")
        }

    # ---------------------------------------------------------------- runs

    def language_mark(self, text: str) -> str:
        """A run's `w:lang` for a text shown in another language than the document's."""
        code = self.foreign.get(text)
        if code is None:
            return ""
        tag = WORD_LANG.get(code, code)
        east_asian = f' w:eastAsia="{tag}"' if code == "zh" else ""
        return f'<w:lang w:val="{tag}"{east_asian}/>'

    def runs(self, text: str, bold: bool = False, language: str | None = None, links: bool = True) -> str:
        """The runs of one text: line breaks kept, links made clickable (unless inside a
        link already), its language marked when it is a fallback. `language` overrides the
        look-up (a part of a longer text)."""
        lang = self.language_mark(text) if language is None else language
        properties = ("<w:b/>" if bold else "") + lang
        out = []
        for index, line in enumerate(_clean(text).split("\n")):
            if index:
                out.append("<w:r><w:br/></w:r>")
            for part, href in split_links(line) if links else ((line, None),):
                out.append(self._link(part, href, properties) if href else self._run(part, properties))
        return "".join(out)

    @staticmethod
    def _run(text: str, properties: str = "") -> str:
        rpr = f"<w:rPr>{properties}</w:rPr>" if properties else ""
        return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'

    def _link(self, text: str, href: str, properties: str) -> str:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        if href not in self.link_ids:
            self.link_ids[href] = self.doc.part.relate_to(href, RT.HYPERLINK, is_external=True)
        run = self._run(text, '<w:rStyle w:val="Hyperlink"/>' + properties)
        return f'<w:hyperlink r:id="{self.link_ids[href]}" w:history="1">{run}</w:hyperlink>'

    # ---------------------------------------------------------------- paragraphs

    def paragraph(self, runs: str, style: str | None = None, properties: str = "") -> None:
        style_xml = f'<w:pStyle w:val="{self.style_ids[style]}"/>' if style else ""
        ppr = f"<w:pPr>{style_xml}{properties}</w:pPr>" if style_xml or properties else ""
        self.chunks.append(f"<w:p>{ppr}{runs}</w:p>")

    def heading(self, text: str, style: str, bookmark: str = "") -> None:
        runs = self.runs(text)
        if bookmark:
            self.bookmarks += 1
            runs = f'<w:bookmarkStart w:id="{self.bookmarks}" w:name="{bookmark}"/>{runs}<w:bookmarkEnd w:id="{self.bookmarks}"/>'
        self.paragraph(runs, style)

    def field(self, pattern: str, label: str, value: str) -> None:
        if not label or not value:
            self.paragraph(self.runs(label or value, bold=bool(label)))
            return
        out = []
        for part in _PLACEHOLDER.split(pattern):
            if part == "%(label)s":
                out.append(self.runs(label, bold=True))
            elif part == "%(value)s":
                out.append(self.runs(value))
            elif part:
                out.append(self.runs(part, language=""))
        self.paragraph("".join(out))

    def numbered(self, items: tuple[str, ...]) -> None:
        num = self.numbering.add_num(self.list_abstract_id)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        numbering = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num.numId}"/></w:numPr>'
        for item in items:
            self.paragraph(self.runs(item), "List Number", numbering)

    # ---------------------------------------------------------------- tables

    def _column_widths(self, table: Table) -> list[int]:
        """Columns of short cells ("10 minutes", "2个工作日") as wide as their longest cell, so
        they never wrap; the rest of the line shared by the others, by their longest text; and
        no column narrower than its longest unbreakable piece ("1 working day", held by
        no-break spaces), which LibreOffice would otherwise break at a no-break space."""
        columns = len(table.header)
        cells = [[table.header[i], *(row[i] if i < len(row) else "" for row in table.rows)] for i in range(columns)]
        natural = [max(cell_len(cell) for cell in column) for column in cells]
        least = [SHORT_CELL_TWIPS * max(map(_longest_piece, column)) + CELL_PADDING_TWIPS for column in cells]
        short = [SHORT_CELL_TWIPS * size + CELL_PADDING_TWIPS if size <= SHORT_CELL else 0 for size in natural]
        long_weights = [min(40, natural[i]) if not short[i] else 0 for i in range(columns)]
        room = self.text_width - sum(short)
        if not any(long_weights) or room < self.text_width // 3:  # all short, or too many: share the line
            total = sum(natural) or 1
            return _widened([self.text_width * max(1, size) // total for size in natural], least)
        total = sum(long_weights)
        return _widened([short[i] or room * long_weights[i] // total for i in range(columns)], least)

    def _cell(self, text: str, width: int, header: bool) -> str:
        shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>' if header else ""
        no_wrap = "<w:noWrap/>" if cell_len(text) <= SHORT_CELL else ""
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}{no_wrap}</w:tcPr>'
            f"<w:p>{self.runs(text, bold=header)}</w:p></w:tc>"
        )

    def table(self, table: Table) -> None:
        widths = self._column_widths(table)
        columns = len(widths)
        out = [
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.style_ids["Table Grid"]}"/>'
            f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
            "</w:tblPr><w:tblGrid>",
            *(f'<w:gridCol w:w="{width}"/>' for width in widths),
            "</w:tblGrid>",
            # The header row repeats on every page; no row is split by a page break.
            "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
            *(self._cell(text, widths[i], True) for i, text in enumerate(table.header)),
            "</w:tr>",
        ]
        for row in table.rows:
            cells = list(row[:columns]) + [""] * (columns - len(row))
            out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            out.extend(self._cell(text, widths[i], False) for i, text in enumerate(cells))
            out.append("</w:tr>")
        out.append("</w:tbl>")
        self.chunks.append("".join(out))
        self.paragraph("")  # Word needs a paragraph between two tables

    # ---------------------------------------------------------------- contents

    def contents(self, entries: list[tuple[str, str]], heading: str) -> None:
        """The contents: one line per heading, linked to its bookmark, with its page number as
        a PAGEREF field after a dotted tab. Not a TOC field: LibreOffice shows a TOC field's
        stored result as it is (without page numbers, since only a layout knows them), while
        it computes a PAGEREF field from its own layout. Word recomputes the PAGEREF fields when
        it opens the file (updateFields in the settings) and before printing."""
        self.paragraph(self.runs(heading, language=""), "TOC Heading")
        for text, bookmark in entries:
            number = _field(f"PAGEREF {bookmark} \\h")
            runs = f'{self.runs(text, links=False)}<w:r><w:tab/></w:r>{number}'
            self.chunks.append(
                f'<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>'
                f'<w:hyperlink w:anchor="{bookmark}" w:history="1">{runs}</w:hyperlink></w:p>'
            )
        self.has_contents = True

    # ---------------------------------------------------------------- the document

    def section(self, section: Section, bookmarks: dict[int, str]) -> None:
        if section.level == 1:
            self.heading(section.heading, "Title")
        elif section.heading:
            self.heading(section.heading, "Heading 1", bookmarks.get(id(section), ""))
        for block in section.blocks:
            kind = block.kind
            if kind == "paragraphs":
                for text in block.paragraphs:
                    self.paragraph(self.runs(text))
            elif kind == "heading":
                style = "Heading 1" if block.level <= 2 else "Heading 2"
                self.heading(block.text, style, bookmarks.get(id(block), ""))
            elif kind in ("bullets", "numbered"):
                if block.intro:
                    self.paragraph(self.runs(block.intro))
                if kind == "numbered":
                    self.numbered(block.items)
                else:
                    for item in block.items:
                        self.paragraph(self.runs(item), "List Bullet")
            elif kind == "table":
                self.table(block)
            elif kind in ("fields", "definitions"):
                for label, value in block.items:
                    self.field(block.pattern, label, value)

    def write(self) -> str:
        document = self.document
        entries = _contents_entries(document)
        bookmarks = {key: f"_Toc{number:08d}" for number, (key, _text) in enumerate(entries, 1)}
        show_contents = document.audience == "internal" and len(document.sections) > 3 and entries
        for section in document.sections:
            self.section(section, bookmarks)
            if section.level == 1 and show_contents:
                heading = translations(document.lang, "render").gettext("Contents")
                self.contents([(text, bookmarks[key]) for key, text in entries], heading)
        return "".join(self.chunks)


def _longest_piece(text: str) -> int:
    """Terminal cells of the widest piece of `text` that no line break may cut."""
    return max((cell_len(text[start:end]) for start, end in pieces(text)), default=0)


def _widened(widths: list[int], least: list[int]) -> list[int]:
    """Each column at least its least width, what it lacks taken from the columns with width to
    spare, in proportion to their spare; unchanged when the line cannot hold every least width."""
    lacking = sum(max(0, low - width) for width, low in zip(widths, least))
    if not lacking or sum(least) > sum(widths):
        return widths
    spare = [max(0, width - low) for width, low in zip(widths, least)]
    total = sum(spare)
    return [max(width, low) - lacking * extra // total for width, low, extra in zip(widths, least, spare)]


def _contents_entries(document: Document) -> list[tuple[int, str]]:
    """(id of the section or heading block, text) of each top-level heading, as the HTML
    contents list them: the sections' headings and the extra sections' own headings."""
    entries = []
    for section in document.sections:
        if section.level != 2:
            continue
        if section.heading:
            entries.append((id(section), section.heading))
            continue
        for block in section.blocks:
            if block.kind == "heading" and block.level <= 2:
                entries.append((id(block), block.text))
    return entries


# ---------------------------------------------------------------- package parts


def _set_properties(doc, document: Document) -> None:
    """Title, author (the policy owner) and language; none of the template's own metadata
    (python-docx, 2013, "Microsoft Macintosh Word", its thumbnail) is kept."""
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    properties = doc.core_properties
    properties.title = _limited(document.title)
    properties.author = _limited(document.owner)
    properties.last_modified_by = _limited(document.owner)
    properties.language = WORD_LANG.get(document.lang, "en-GB")
    properties.comments = ""
    properties.created = now
    properties.modified = now
    properties.revision = 1
    package = doc.part.package
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = _APP_XML.encode("utf-8")
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rel_id]


def _set_languages_and_fonts(doc, lang: str) -> None:
    """The document language on the default run properties (spell-checking), and for Chinese
    one font for body and headings, for Chinese and Latin letters alike (theme fonts would give
    headings another, and a serif for Latin letters beside a sans-serif Chinese)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tag = WORD_LANG.get(lang, "en-GB")
    east_asian = "zh-CN" if lang == "zh" else tag
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = OxmlElement("w:lang")
        rpr.append(lang_el)
    lang_el.set(qn("w:val"), tag)
    lang_el.set(qn("w:eastAsia"), east_asian)
    theme_lang = doc.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), tag)
        theme_lang.set(qn("w:eastAsia"), east_asian)
    if lang != "zh":
        return
    properties = [rpr] + [doc.styles[name].element.get_or_add_rPr() for name in ("Title", "Heading 1", "Heading 2", "TOC Heading")]
    for element in properties:
        fonts = element.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            element.insert(0, fonts)
        for script in ("ascii", "hAnsi", "eastAsia"):  # Latin letters and digits in the same face
            fonts.set(qn(f"w:{script}"), CHINESE_FONT)
            fonts.attrib.pop(qn(f"w:{script}Theme"), None)  # the theme font would win otherwise


def _add_styles(doc, text_width: int) -> None:
    """The styles Word has built in but the template lacks: Hyperlink and TOC 1 (whose page
    numbers stand at the right edge of the text, after a dotted leader)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import RGBColor, Pt, Twips

    link = doc.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.font.underline = True
    link.unhide_when_used = True
    toc = doc.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    toc.element.set("{%s}styleId" % _W, "TOC1")
    toc.base_style = doc.styles["Normal"]
    toc.paragraph_format.space_after = Pt(4)
    toc.unhide_when_used = True
    toc.paragraph_format.tab_stops.add_tab_stop(Twips(text_width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    for name in ("Title", "Heading 1", "Heading 2", "TOC Heading"):
        doc.styles[name].font.color.rgb = RGBColor.from_string(ACCENT)
    doc.styles["Normal"].font.size = Pt(11)


def _set_page(doc, paper: str) -> int:
    """Page size and margins; returns the width of the text (twips)."""
    from docx.shared import Twips

    width, height, margin = PAPERS[paper]
    section = doc.sections[0]
    section.page_width, section.page_height = Twips(width), Twips(height)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Twips(margin)
    section.header_distance = section.footer_distance = Twips(margin // 2)
    return width - 2 * margin


def _page_furniture(doc, document: Document, body: _Body) -> None:
    """The title in the header from the second page on; the version and "page X of Y" (PAGE and
    NUMPAGES fields, the words from the catalog) in the footer of every page."""
    from docx.oxml import parse_xml

    catalog = translations(document.lang, "render")
    section = doc.sections[0]
    # The template's Header and Footer styles stop at Letter's 4680/9360 twips: one right tab
    # at the edge of the text instead.
    tabs = (
        '<w:tabs><w:tab w:val="clear" w:pos="4680"/><w:tab w:val="clear" w:pos="9360"/>'
        f'<w:tab w:val="right" w:pos="{body.text_width}"/></w:tabs>'
    )

    def replace(paragraph, runs: str, style: str) -> None:
        new = parse_xml(
            f'<w:p xmlns:w="{_W}" xmlns:r="{_R}"><w:pPr><w:pStyle w:val="{style}"/>{tabs}</w:pPr>'
            f"{runs}</w:p>"
        )
        paragraph._p.addnext(new)
        paragraph._p.getparent().remove(paragraph._p)

    small = '<w:color w:val="5B6573"/><w:sz w:val="18"/><w:szCs w:val="18"/>'

    def text(value: str, language: str = "") -> str:
        return f'<w:r><w:rPr>{small}{language}</w:rPr><w:t xml:space="preserve">{escape(_clean(value))}</w:t></w:r>'

    def field(instruction: str) -> str:
        return _field(instruction, "1").replace("<w:r>", f"<w:r><w:rPr>{small}</w:rPr>")

    replace(section.header.paragraphs[0], text(document.title, body.language_mark(document.title)), "Header")
    footer = []
    if document.version:
        pattern = catalog.gettext("%(label)s: %(value)s")
        footer.append(text(pattern % {"label": catalog.gettext("Version"), "value": document.version}))
    footer.append("<w:r><w:tab/></w:r>")
    for part in _PAGE_PLACEHOLDER.split(catalog.gettext("Page %(page)s of %(pages)s")):
        if part == "%(page)s":
            footer.append(field("PAGE"))
        elif part == "%(pages)s":
            footer.append(field("NUMPAGES"))
        elif part:
            footer.append(text(part))
    replace(section.footer.paragraphs[0], "".join(footer), "Footer")
    # The first page opens with the title itself: no header repeating it just above.
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    replace(section.first_page_footer.paragraphs[0], "".join(footer), "Footer")


def _update_fields_on_open(doc) -> None:
    """Word recomputes the contents' page numbers when it opens the file. The schema puts
    updateFields just before the compatibility settings (Word rejects a file whose settings
    are out of order)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    following = next((child for child in settings if child.tag in {qn(f"w:{name}") for name in _AFTER_UPDATE_FIELDS}), None)
    if following is not None:
        following.addprevious(update)
    else:  # pragma: no cover - the template has compatibility settings
        settings.append(update)


def _with_body(doc, xml: str):
    """The document with `xml` as its body (before the section properties), parsed as one
    whole: moving a large parsed subtree into another lxml document costs quadratic time."""
    from docx.oxml import parse_xml
    from lxml import etree

    marker = "<!--policy-wizard-body-->"
    body = doc.element.body
    body.insert(0, etree.Comment(marker[4:-3]))
    whole = etree.tostring(doc.element, encoding="unicode").replace(marker, xml, 1)
    doc.part._element = parse_xml(whole)
    return doc.part.document


def write_docx(document: Document, paper: str = "a4") -> bytes:
    from docx import Document as new_document

    if paper not in PAPERS:
        raise ValueError(f"unsupported paper size: {paper!r} (choose one of {', '.join(PAPERS)})")
    doc = new_document()
    _set_properties(doc, document)
    _set_languages_and_fonts(doc, document.lang)
    text_width = _set_page(doc, paper)
    _add_styles(doc, text_width)
    body = _Body(document, doc, text_width)
    doc = _with_body(doc, body.write())
    _page_furniture(doc, document, body)
    if body.has_contents:
        _update_fields_on_open(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
