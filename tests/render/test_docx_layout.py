"""DOCX page layout, read from the XML Word reads: paper, header and footer fields, contents,
rows that never split, hyperlinks, languages of fallback runs, fonts and file properties."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml.ns import qn

from wizard.render import render
from wizard.render.docx_writer import CELL_PADDING_TWIPS, SHORT_CELL_TWIPS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def open_docx(data: bytes):
    return Document(io.BytesIO(data))


def part_text(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


def field_codes(element) -> list[str]:
    return [node.text.strip() for node in element.iter(f"{W}instrText")]


@pytest.mark.parametrize("paper, size", [("a4", ("11906", "16838")), ("letter", ("12240", "15840"))])
def test_paper_size(northwind, paper, size):
    document = open_docx(render(northwind, "hr", "docx", paper=paper))
    page = document.element.body.find(qn("w:sectPr")).find(qn("w:pgSz"))
    assert (page.get(qn("w:w")), page.get(qn("w:h"))) == size


def test_a4_is_the_default(northwind):
    page = open_docx(render(northwind, "en", "docx")).element.body.find(qn("w:sectPr")).find(qn("w:pgSz"))
    assert page.get(qn("w:w")) == "11906"


def test_unknown_paper_is_refused(northwind):
    with pytest.raises(ValueError, match="paper"):
        render(northwind, "en", "docx", paper="a3")


@pytest.mark.parametrize(
    "lang, words",
    [("hr", ("Verzija: 1", "Stranica ", " od ")), ("zh", ("版本：第1版", "第", "页，共", "页")), ("tr", ("Sayfa ", " / "))],
)
def test_header_title_and_footer_page_x_of_y(northwind, lang, words):
    document = open_docx(render(northwind, lang, "docx"))
    section = document.sections[0]
    assert section.header.paragraphs[0].text == document.paragraphs[0].text
    footer = section.footer.paragraphs[0]._p
    assert field_codes(footer) == ["PAGE", "NUMPAGES"]
    texts = "".join(node.text for node in footer.iter(f"{W}t"))
    for word in words:
        assert word in texts
    # The first page opens with the title itself: its header is empty, its footer the same.
    assert section.different_first_page_header_footer
    assert [p.text for p in section.first_page_header.paragraphs] == [""]
    assert field_codes(section.first_page_footer.paragraphs[0]._p) == ["PAGE", "NUMPAGES"]


def test_public_charter_footer_has_no_version(northwind):
    document = open_docx(render(northwind, "en", "docx", audience="public"))
    footer = "".join(node.text for node in document.sections[0].footer.paragraphs[0]._p.iter(f"{W}t"))
    assert "Version" not in footer and footer.startswith("Page ")


def test_contents_are_filled_in_linked_and_numbered(northwind):
    """Each entry links to its heading and ends in a PAGEREF field to the heading's bookmark:
    LibreOffice computes it from its layout, Word when it opens the file (a TOC field would
    show LibreOffice readers its stored result, without page numbers)."""
    data = render(northwind, "en", "docx")
    document = open_docx(data)
    entries = [p for p in document.paragraphs if p.style.name == "toc 1"]
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    # Every top-level heading is listed, in order, with its text already shown.
    assert [p.text.rstrip("\t") for p in entries] == [p.text for p in headings]
    assert entries[0].text == "Purpose and scope\t"
    for entry, heading in zip(entries, headings):
        anchor = entry._p.find(qn("w:hyperlink")).get(qn("w:anchor"))
        assert heading._p.find(qn("w:bookmarkStart")).get(qn("w:name")) == anchor
        assert field_codes(entry._p) == [f"PAGEREF {anchor} \\h"]
    tab = document.styles["toc 1"].paragraph_format.tab_stops[0]
    assert (tab.alignment, tab.leader, tab.position) == (WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS, document.sections[0].page_width - 2 * document.sections[0].left_margin)
    settings = part_text(data, "word/settings.xml")
    # Word reads the settings in the schema's order: updateFields comes before compat.
    assert -1 < settings.index('<w:updateFields w:val="true"/>') < settings.index("<w:compat>")
    title_at = [p.style.name for p in document.paragraphs].index("TOC Heading")
    assert document.paragraphs[title_at].text == "Contents"


def test_no_contents_in_the_public_charter(northwind):
    data = render(northwind, "en", "docx", audience="public")
    assert not [p for p in open_docx(data).paragraphs if p.style.name == "toc 1"]
    assert "updateFields" not in part_text(data, "word/settings.xml")


def test_rows_never_split_and_the_header_repeats(full):
    document = open_docx(render(full, "zh", "docx"))
    assert document.tables
    for table in document.tables:
        rows = table._tbl.tr_lst
        assert all(row.trPr.find(qn("w:cantSplit")) is not None for row in rows)
        assert [row.trPr.find(qn("w:tblHeader")) is not None for row in rows] == [True] + [False] * (len(rows) - 1)


def test_a_duration_longer_than_a_short_cell_gets_a_column_it_fits(northwind):
    """"1 working day" is held together by no-break spaces but is longer than a short cell:
    its column still fits it whole (LibreOffice broke it at a no-break space, "1 working / day")."""
    northwind["escalation"][1]["within"] = "1 working day"
    northwind["escalation"][1]["when"] = "The representative cannot resolve the issue. " * 4
    document = open_docx(render(northwind, "en", "docx"))
    table = [t for t in document.tables if t.rows[0].cells[-1].text == "Time limit"][0]
    widths = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert widths[-1] >= SHORT_CELL_TWIPS * len("1 working day") + CELL_PADDING_TWIPS
    assert sum(widths) <= document.sections[0].page_width - 2 * document.sections[0].left_margin


def test_contact_email_and_url_are_hyperlinks(northwind):
    northwind["contact"] = "support@northwind.example or https://northwind.example/help."
    data = render(northwind, "hr", "docx")
    document = open_docx(data)
    targets = {rel.target_ref for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink")}
    assert targets == {"mailto:support@northwind.example", "https://northwind.example/help"}
    contact = [p for p in document.paragraphs if "support@" in p.text][0]
    links = contact._p.findall(qn("w:hyperlink"))
    assert ["".join(t.text for t in link.iter(qn("w:t"))) for link in links] == ["support@northwind.example", "https://northwind.example/help"]
    assert contact.text.endswith("https://northwind.example/help.")


def test_fallback_text_is_marked_with_its_language(northwind):
    """The English spec rendered in Croatian: the author's English text says it is English;
    the catalog's Croatian text keeps the document language."""
    document = open_docx(render(northwind, "hr", "docx"))
    vision = [p for p in document.paragraphs if p.text.startswith("To be the leading provider")][0]
    assert {run._r.rPr.find(qn("w:lang")).get(qn("w:val")) for run in vision.runs} == {"en-GB"}
    heading = [p for p in document.paragraphs if p.text == "Misija"][0]
    assert all(run._r.rPr is None or run._r.rPr.find(qn("w:lang")) is None for run in heading.runs)
    owner = [p for p in document.paragraphs if p.text.startswith("Nositelj politike")][0]
    label, *value = owner.runs
    assert label._r.rPr.find(qn("w:lang")) is None
    assert value[-1]._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "en-GB"


def test_no_language_marks_when_everything_is_translated(northwind):
    document = open_docx(render(northwind, "en", "docx"))
    assert not list(document.element.body.iter(qn("w:lang")))


def test_chinese_fallback_in_a_croatian_document_names_the_east_asian_language(full):
    document = open_docx(render(full, "hr", "docx"))
    marks = {(m.get(qn("w:val")), m.get(qn("w:eastAsia"))) for m in document.element.body.iter(qn("w:lang"))}
    assert ("zh-CN", "zh-CN") in marks


def test_chinese_uses_one_east_asian_font_for_headings_and_body(northwind):
    document = open_docx(render(northwind, "zh", "docx"))
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = [defaults.find(qn("w:rFonts"))]
    fonts += [document.styles[name].element.rPr.find(qn("w:rFonts")) for name in ("Title", "Heading 1", "Heading 2")]
    assert {font.get(qn("w:eastAsia")) for font in fonts} == {"Microsoft YaHei"}
    assert all(font.get(qn("w:eastAsiaTheme")) is None for font in fonts)
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    assert theme_lang.get(qn("w:eastAsia")) == "zh-CN"


def test_file_properties(northwind):
    data = render(northwind, "hr", "docx")
    properties = open_docx(data).core_properties
    assert properties.author == "Ana Horvat, Customer Service Manager"
    assert properties.title == "Politika korisničke službe"
    assert properties.language == "hr-HR"
    app = part_text(data, "docProps/app.xml")
    assert "<Application>Policy Wizard</Application>" in app and "Macintosh" not in app
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert not [name for name in archive.namelist() if "thumbnail" in name]


def test_a_title_longer_than_word_allows_in_properties(northwind):
    """Word limits core properties to 255 characters: the property is shortened, the
    document keeps the whole title."""
    title = "Politika " + "vrlo duga " * 60
    northwind["title"] = {"en": title, "hr": title}
    northwind["owner"] = "O" * 400
    document = open_docx(render(northwind, "hr", "docx"))
    assert len(document.core_properties.title) <= 255 and document.core_properties.title.endswith("\u2026")
    assert len(document.core_properties.author) == 255
    assert document.paragraphs[0].text == title.strip()
