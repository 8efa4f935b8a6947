"""DOCX writer (python-docx, imported only here): real Heading styles, List Bullet / List Number
paragraphs (each numbered list restarts at 1), tables with a repeating bold header row, and the
document language set on the default run properties so spell-checking uses the right language."""

from __future__ import annotations

import io
import re

from .document import Document

# Word language tags of the document languages.
WORD_LANG = {"en": "en-GB", "hr": "hr-HR", "zh": "zh-CN", "tr": "tr-TR"}
_PLACEHOLDER = re.compile(r"(%\(label\)s|%\(value\)s)")
# Characters that XML 1.0 (and so Word) cannot hold.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("", text)


def write_docx(document: Document) -> bytes:
    from docx import Document as new_document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    doc = new_document()
    lang = WORD_LANG.get(document.lang, "en-GB")
    doc.core_properties.title = _clean(document.title)
    doc.core_properties.language = lang
    # The template's own metadata ("python-docx", 2013) would show in Word's file properties.
    import datetime

    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    doc.core_properties.author = ""
    doc.core_properties.comments = ""
    doc.core_properties.created = now
    doc.core_properties.modified = now

    # Document language (and East Asian language/font for Chinese) on the default run properties.
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = OxmlElement("w:lang")
        rpr.append(lang_el)
    lang_el.set(qn("w:val"), lang)
    lang_el.set(qn("w:eastAsia"), "zh-CN" if document.lang == "zh" else lang)
    if document.lang == "zh":
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        fonts.set(qn("w:eastAsia"), "Microsoft YaHei")
        fonts.attrib.pop(qn("w:eastAsiaTheme"), None)  # the theme font would win otherwise

    normal = doc.styles["Normal"]
    normal.font.size = Pt(11)

    numbering = doc.part.numbering_part.element
    list_number = doc.styles["List Number"]
    base_num_id = list_number.element.pPr.numPr.numId.val
    abstract_id = numbering.num_having_numId(base_num_id).abstractNumId.val

    def restart_numbering() -> int:
        num = numbering.add_num(abstract_id)
        override = num.add_lvlOverride(ilvl=0)
        override.add_startOverride(1)
        return num.numId

    # Paragraphs are appended straight before the body's section properties, with style ids
    # resolved once: python-docx's add_paragraph(style=name) looks the style up (and searches
    # the body) on every call, which is quadratic for a long policy.
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

    body = doc.element.body
    section_properties = body.find(qn("w:sectPr"))
    style_ids = {name: doc.styles[name].style_id for name in ("Title", "Heading 1", "Heading 2", "List Bullet", "List Number")}

    def new_paragraph(style: str | None = None) -> Paragraph:
        element = OxmlElement("w:p")
        if section_properties is not None:
            section_properties.addprevious(element)
        else:  # pragma: no cover - the default template always has one
            body.append(element)
        if style:
            element.style = style_ids[style]
        return Paragraph(element, doc._body)

    def add_text(paragraph, text: str, bold: bool = False) -> None:
        lines = _clean(text).split("\n")
        for index, line in enumerate(lines):
            run = paragraph.add_run(line)
            if bold:
                run.bold = True
            if index < len(lines) - 1:
                run.add_break()

    def add_field(pattern: str, label: str, value: str) -> None:
        paragraph = new_paragraph()
        if not label or not value:
            add_text(paragraph, label or value, bold=bool(label))
            return
        for part in _PLACEHOLDER.split(pattern):
            if part == "%(label)s":
                add_text(paragraph, label, bold=True)
            elif part == "%(value)s":
                add_text(paragraph, value)
            elif part:
                add_text(paragraph, part)

    def add_table(block) -> None:
        columns = len(block.header)
        table = doc.add_table(rows=1, cols=columns)
        table.style = doc.styles["Table Grid"]
        header = table.rows[0]
        tr_pr = header._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        tr_pr.append(repeat)
        for tc, text in zip(header._tr.tc_lst, block.header):
            cell = _Cell(tc, table)
            add_text(cell.paragraphs[0], text, bold=True)
            shading = OxmlElement("w:shd")
            shading.set(qn("w:val"), "clear")
            shading.set(qn("w:color"), "auto")
            shading.set(qn("w:fill"), "E8EDF3")
            tc.get_or_add_tcPr().append(shading)
        for row in block.rows:
            tr = table.add_row()._tr
            for tc, text in zip(tr.tc_lst, row):
                add_text(_Cell(tc, table).paragraphs[0], text)
        new_paragraph()

    for section in document.sections:
        if section.level == 1:
            add_text(new_paragraph("Title"), section.heading)
        elif section.heading:
            add_text(new_paragraph("Heading 1"), section.heading)
        for block in section.blocks:
            kind = block.kind
            if kind == "paragraphs":
                for text in block.paragraphs:
                    add_text(new_paragraph(), text)
            elif kind == "heading":
                add_text(new_paragraph("Heading 1" if block.level <= 2 else "Heading 2"), block.text)
            elif kind in ("bullets", "numbered"):
                if block.intro:
                    add_text(new_paragraph(), block.intro)
                num_id = restart_numbering() if kind == "numbered" else None
                style = "List Bullet" if kind == "bullets" else "List Number"
                for item in block.items:
                    paragraph = new_paragraph(style)
                    add_text(paragraph, item)
                    if num_id is not None:
                        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
                        num_pr.get_or_add_ilvl().val = 0
                        num_pr.get_or_add_numId().val = num_id
            elif kind == "table":
                add_table(block)
            elif kind in ("fields", "definitions"):
                for label, value in block.items:
                    add_field(block.pattern, label, value)

    # Headings in a calm dark blue rather than the template's bright default.
    for name in ("Title", "Heading 1", "Heading 2"):
        doc.styles[name].font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)

    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
