"""DOCX: real headings, lists and tables, the document language set; opens with python-docx."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn

from wizard.render import render

from .conftest import LANGS


def open_docx(data: bytes):
    return Document(io.BytesIO(data))


@pytest.mark.parametrize("lang", LANGS)
def test_structure(full, lang):
    data = render(full, lang, "docx")
    assert isinstance(data, bytes) and data[:2] == b"PK"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
    document = open_docx(data)
    styles = [p.style.name for p in document.paragraphs]
    assert styles[0] == "Title"
    assert styles.count("Heading 1") >= 12
    assert "Heading 2" in styles
    assert styles.count("List Bullet") == 5  # 2 always + 1 never + 2 resources
    assert styles.count("List Number") == 8  # the steps of six procedures
    # Service levels, metrics, escalation and the changelog are tables with a header row.
    assert len(document.tables) == 4
    service_levels = document.tables[0]
    assert len(service_levels.rows) == 8 and len(service_levels.columns) == 3
    header = service_levels.rows[0]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(run.bold for cell in header.cells for run in cell.paragraphs[0].runs)


def test_each_numbered_list_restarts(full):
    document = open_docx(render(full, "en", "docx"))
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    num_ids = [p._p.pPr.numPr.numId.val for p in numbered]
    # Six procedures: six numberings, each restarting at 1.
    assert len(set(num_ids)) == 6
    numbering = document.part.numbering_part.element
    for num_id in set(num_ids):
        num = numbering.num_having_numId(num_id)
        assert num.find(qn("w:lvlOverride")).find(qn("w:startOverride")).get(qn("w:val")) == "1"


@pytest.mark.parametrize("lang, tag", [("en", "en-GB"), ("hr", "hr-HR"), ("zh", "zh-CN"), ("tr", "tr-TR")])
def test_language_is_set(northwind, lang, tag):
    document = open_docx(render(northwind, lang, "docx"))
    assert document.core_properties.language == tag
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert rpr.find(qn("w:lang")).get(qn("w:val")) == tag


def test_text_matches_the_other_formats(northwind):
    document = open_docx(render(northwind, "hr", "docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert document.paragraphs[0].text == "Politika korisničke službe"
    assert ("Primitak svakog prigovora potvrđujemo u roku od 2\u00a0radna\u00a0dana, a prigovor rješavamo u roku "
            "od 10\u00a0radnih\u00a0dana.") in text
    cells = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert cells[:3] == ["Kanal", "Prvi odgovor", "Rješavanje"]
    assert "2\u00a0radna\u00a0dana" in cells
    fields = [p for p in document.paragraphs if p.text.startswith("Tvrtka:")]
    assert fields and fields[0].runs[0].bold and fields[0].runs[0].text == "Tvrtka"


def test_public_charter_docx(northwind):
    document = open_docx(render(northwind, "tr", "docx", audience="public"))
    assert document.paragraphs[0].text == "Müşterilerimize Hizmet Sözümüz"
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Şikâyetinizi nasıl iletebilirsiniz" in headings


def test_empty_draft_is_a_valid_docx():
    document = open_docx(render({"schema_version": 1, "language": "hr"}, "hr", "docx"))
    assert [p.text for p in document.paragraphs] == ["Politika korisničke službe"]
