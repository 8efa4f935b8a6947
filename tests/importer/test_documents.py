"""Documents written by hand, in the styles people use: numbered headings, bold pseudo-headings,
a Word table of response times, bullet lists, "Label: value" lines. Each must land in the right
places, and no word of it may be lost."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wizard.importer import import_file
from wizard.importer.readers import read_docx, read_markdown, read_text
from wizard.render import render
from wizard.spec import dump_spec, loads_spec

DOCUMENTS = Path(__file__).parent / "documents"


def hrvatski_docx(path: Path) -> Path:
    """A Croatian policy as a manager writes one in Word: bold title, numbered Heading 1s,
    a bold pseudo-heading, a response-time table and bullet lists."""
    from docx import Document

    doc = Document()
    title = doc.add_paragraph()
    title.add_run("Pravila korisničke službe – Pekara Klas").bold = True
    doc.add_paragraph("Nositelj politike: Ivana Kovač, voditeljica prodaje")
    doc.add_paragraph("Datum stupanja na snagu: 1. ožujka 2027.")
    doc.add_heading("1. Svrha i područje primjene", level=1)
    doc.add_paragraph("Ova pravila opisuju kako u našim prodavaonicama i na telefonu postupamo s kupcima.")
    doc.add_heading("2. Misija", level=1)
    doc.add_paragraph("Svako jutro ponuditi svjež kruh i ljubazan osmijeh.")
    doc.add_heading("3. Standardi usluge", level=1)
    doc.add_paragraph("Uvijek ćemo:")
    for text in ("pozdraviti kupca čim uđe u prodavaonicu", "provjeriti rok trajanja prije prodaje"):
        doc.add_paragraph(text, style="List Bullet")
    doc.add_paragraph("Nikada nećemo:")
    doc.add_paragraph("prodati proizvod s isteklim rokom", style="List Bullet")
    table = doc.add_table(rows=3, cols=3)
    for row, cells in zip(table.rows, (("Kanal", "Prvi odgovor", "Rješavanje"),
                                       ("Telefon", "3 minute", "1 radni dan"),
                                       ("E-pošta", "24 sata", "3 radna dana"))):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    doc.add_heading("4. Postupci", level=1)
    pseudo = doc.add_paragraph()
    pseudo.add_run("Žalbe").bold = True
    for text in ("Saslušajte kupca do kraja.", "Upišite prigovor u knjigu žalbi."):
        doc.add_paragraph(text, style="List Number")
    doc.add_paragraph("Primitak svakog prigovora potvrđujemo u roku od 2 radna dana.")
    doc.add_heading("5. Naša povijest", level=1)
    doc.add_paragraph("Pekara Klas peče kruh od 1962. godine.")
    doc.add_heading("6. Kontakt", level=1)
    doc.add_paragraph("Pitanja o ovim pravilima: info@klas.example")
    doc.save(path)
    return path


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W_]+", text) if not w.isdigit()}


def _author_words(blocks) -> set[str]:
    """The words of a document's text other than its headings (headings become our own)."""
    words: set[str] = set()
    for block in blocks:
        if block.kind == "paragraph":
            words |= _words(block.text)
        for item in block.items:
            words |= _words(item.text)
        for row in block.rows:
            words |= _words(" ".join(row))
    return words


def _nothing_lost(blocks, imported, replaced: set[str] = frozenset()) -> None:
    """Every word of the source's text shows in the imported policy's document or file, but
    for the `replaced` words of labels and sentences that our own wording says again."""
    rendered = render(imported.spec, imported.lang, "md")
    kept = _words(rendered) | _words(dump_spec(imported.spec))
    assert _author_words(blocks) - kept == set(replaced)


def test_english_markdown_with_numbered_headings(tmp_path):
    path = DOCUMENTS / "harbour-books-en.md"
    imported = import_file(path)
    spec = imported.spec
    assert imported.lang == "en"
    assert spec["title"] == "Harbour Books – Customer Care Policy"
    assert spec["owner"] == "Maria Lopez, Store Manager"
    assert spec["effective_date"] == "2027-03-15"
    assert spec["contact"] == "care@harbourbooks.example"
    assert [v["name"] for v in spec["values"]] == ["Curiosity", "Honesty", "Warmth"]
    standards = spec["standards"]
    assert standards["never"] == ["argue with a customer in front of others",
                                  "promise a delivery date the supplier has not confirmed"]
    assert standards["service_levels"] == [
        {"channel": "phone", "first_response": "2 minutes", "resolution": "1 working day"},
        {"channel": "email", "first_response": "24 hours", "resolution": "3 working days"},
        {"channel": "other", "name": "Instagram", "first_response": "1 day"},
    ]
    assert standards["support_hours"] == "Monday to Saturday, 9:00 to 19:00."
    complaints, refunds = spec["procedures"]
    assert (complaints["kind"], complaints["title"]) == ("complaints", "Complaints")
    assert (complaints["acknowledge_within"], complaints["resolve_within"]) == ("2 working days", "10 working days")
    assert refunds["kind"] == "refunds"
    assert [level["role"] for level in spec["escalation"]] == ["Bookseller on duty", "Store manager"]
    assert spec["training"]["resources"] == ["Staff handbook", "Returns checklist"]
    assert spec["sections"] == [{"title": "Our history",
                                 "body": "Harbour Books opened in 1998 in the old harbour master's office."}]
    assert [(p.where, p.target) for p in imported.unplaced] == [(69, "sections[1]")]
    # "Opening hours:" is our "Support hours:"; "... go to care@..." our contact sentence
    _nothing_lost(read_markdown(path.read_text(encoding="utf-8")), imported, {"opening", "go"})


def test_croatian_word_file_with_a_table_and_a_bold_pseudo_heading(tmp_path):
    path = hrvatski_docx(tmp_path / "pekara.docx")
    imported = import_file(path)
    spec = imported.spec
    assert imported.lang == "hr"
    assert spec["title"] == "Pravila korisničke službe – Pekara Klas"
    assert spec["owner"] == "Ivana Kovač, voditeljica prodaje"
    assert spec["effective_date"] == "2027-03-01"
    assert spec["standards"]["always"] == ["pozdraviti kupca čim uđe u prodavaonicu",
                                           "provjeriti rok trajanja prije prodaje"]
    assert spec["standards"]["never"] == ["prodati proizvod s isteklim rokom"]
    assert spec["standards"]["service_levels"] == [
        {"channel": "phone", "first_response": "3 minutes", "resolution": "1 working day"},
        {"channel": "email", "first_response": "24 hours", "resolution": "3 working days"},
    ]
    [complaints] = spec["procedures"]
    assert complaints == {"kind": "complaints", "title": "Žalbe",
                          "steps": ["Saslušajte kupca do kraja.", "Upišite prigovor u knjigu žalbi."],
                          "acknowledge_within": "2 working days"}
    assert spec["sections"] == [{"title": "Naša povijest", "body": "Pekara Klas peče kruh od 1962. godine."}]
    assert spec["contact"] == "info@klas.example"
    # the contact sentence and the owner label ("Nositelj dokumenta" under this title) are ours again
    _nothing_lost(read_docx(path), imported, {"ovim", "pravilima", "politike"})


def test_chinese_markdown_with_chinese_numbering():
    path = DOCUMENTS / "lotos-zh.md"
    imported = import_file(path)
    spec = imported.spec
    assert imported.lang == "zh"
    assert (spec["title"], spec["owner"], spec["effective_date"]) == ("莲花茶馆客户服务规范", "王丽（店长）", "2027-03-01")
    assert spec["standards"]["never"] == ["催促顾客离座"]
    assert spec["standards"]["service_levels"] == [
        {"channel": "phone", "first_response": "3 minutes", "resolution": "1 working day"},
        {"channel": "other", "name": "微信", "first_response": "2 hours", "resolution": "2 working days"},
    ]
    assert spec["procedures"][0]["kind"] == "complaints"
    assert [(e["level"], e["role"]) for e in spec["escalation"]] == [(1, "当班服务员"), (2, "店长")]
    assert spec["contact"] == "service@lotos.example"
    assert imported.unplaced == []
    # the lead-ins and a table header are ours again
    _nothing_lost(read_markdown(path.read_text(encoding="utf-8")), imported,
                  {"我们始终", "我们绝不", "首次响应"})


def test_turkish_plain_text_with_capital_and_numbered_headings():
    path = DOCUMENTS / "anadolu-tr.txt"
    imported = import_file(path)
    spec = imported.spec
    assert imported.lang == "tr"
    assert spec["owner"] == "Ayşe Yılmaz, Müşteri Hizmetleri Müdürü"
    assert spec["effective_date"] == "2027-04-01"
    assert [v["name"] for v in spec["values"]] == ["Dürüstlük", "Saygı"]
    assert spec["standards"]["service_levels"] == [
        {"channel": "phone", "first_response": "5 minutes", "resolution": "2 working days"},
        {"channel": "email", "first_response": "1 working day", "resolution": "5 working days"},
    ]
    [complaints] = spec["procedures"]
    assert (complaints["kind"], complaints["resolve_within"]) == ("complaints", "2 working days")
    assert spec["contact"] == "destek@anadolu.example"
    # the time sentence is ours again
    _nothing_lost(read_text(path.read_text(encoding="utf-8")), imported, {"şikâyetleri", "yanıtlarız"})


@pytest.mark.parametrize("name", ["harbour-books-en.md", "lotos-zh.md", "anadolu-tr.txt"])
def test_an_imported_policy_is_a_valid_policy_file(name):
    imported = import_file(DOCUMENTS / name)
    loads_spec(dump_spec(imported.spec), name)
