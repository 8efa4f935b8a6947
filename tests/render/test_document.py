"""The document model: sections in the contract's order, drafts, fallbacks, the public charter,
and the live-preview API."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from wizard.render import FORMATS, Section, build_document, render, section_markdown

from .conftest import LANGS, ROOT

ORDER = ["title", "purpose", "definitions", "mission", "vision", "values", "standards", "procedures",
         "escalation", "training", "enforcement", "sections", "contact", "revisions"]


def test_sections_in_the_contract_order(full):
    for lang in LANGS:
        assert list(build_document(full, lang).keys) == ORDER


def test_a_draft_leaves_empty_sections_out():
    data = {"schema_version": 1, "language": "hr", "mission": "Misija.", "values": [], "standards": {"always": []},
            "purpose": {"channels": []}, "procedures": [{"kind": "refunds"}], "training": {}, "vision": "  "}
    document = build_document(data, "hr")
    assert document.keys == ("title", "mission")
    assert document.title == "Politika korisničke službe"


def test_minimal_spec_renders_the_localized_default_title():
    for lang, title in (("en", "Customer Service Policy"), ("hr", "Politika korisničke službe"),
                        ("zh", "客户服务规范"), ("tr", "Müşteri Hizmetleri Politikası")):
        for fmt in ("md", "txt", "html"):
            assert title in render({"schema_version": 1, "language": "en"}, lang, fmt)


def test_the_untouched_default_title_follows_the_document_language(northwind):
    # northwind writes the English default title as a plain string.
    assert build_document(northwind, "hr").title == "Politika korisničke službe"
    own = dict(northwind, title="Northwind service promise")
    assert build_document(own, "hr").title == "Northwind service promise"


def test_text_falls_back_to_the_spec_language(northwind):
    hr = build_document(northwind, "hr")
    mission = hr.section("mission").blocks[0].paragraphs[0]
    assert mission.startswith("Pružiti našim kupcima")  # the Croatian translation
    vision = hr.section("vision").blocks[0].paragraphs[0]
    assert vision == "To be the leading provider of household goods in the region."  # fallback


def test_translation_entries_and_their_hashes(full):
    en = build_document(full, "en")
    assert en.title == "Customer Service Policy of Lotus Tea House"
    definitions = en.section("definitions").blocks[0].items
    assert ("Working day", "Monday to Friday, except public holidays.") in definitions
    assert ("客户", "因任何原因联系我们的人。") in definitions  # untranslated: the source language
    text = render(full, "en", "md")
    assert "translated_from" not in text


def test_version_is_the_number_of_revisions(full):
    fields = dict(build_document(full, "en").section("title").blocks[0].items)
    assert fields["Version"] == "2"
    assert fields["Effective date"] == "1\u00a0January 2027"
    revisions = build_document(full, "en").section("revisions")
    assert revisions.blocks[0].items == (("Last revised", "15\u00a0December 2026"),)


def test_public_charter_contents(full, northwind):
    document = build_document(northwind, "en", "public")
    assert document.keys == ("title", "mission", "vision", "values", "commitments", "service", "complaints", "contact")
    md = render(northwind, "en", "md", audience="public")
    assert "We acknowledge your complaint within 2\u00a0working\u00a0days and resolve it within 10\u00a0working\u00a0days." in md
    # Internal matters stay internal.
    for internal in ("Escalation matrix", "Pass the form to the customer service manager", "Revision history",
                     "Repeated breaches", "Onboarding", "Performance targets", "Definitions"):
        assert internal not in md
    zh = render(full, "zh", "md", audience="public")
    assert zh.startswith("# 莲花茶馆服务承诺书\n") and "如何投诉" in zh and "您的投诉将在1个工作日内受理，5个工作日内办结。" in zh


@pytest.mark.parametrize(
    ("lang", "title", "charter"),
    [
        ("zh", "莲花茶馆服务规范", "莲花茶馆服务承诺书"),  # customers read a charter, not an internal rule
        ("zh", "康宁口腔诊所患者服务制度", "康宁口腔诊所患者服务承诺书"),
        ("zh", "服务章程", "服务章程"),  # not an internal rule: the author's title as written
        ("en", "Customer Service Policy of Lotus Tea House", "Customer Service Charter of Lotus Tea House"),
        ("tr", "Müşteri Destek Politikası", "Müşteri Destek Sözümüz"),
        ("tr", "Politikasının Esasları", "Politikasının Esasları"),  # the swap would break the suffix
        ("hr", "Politika korisničke podrške", "Povelja korisničke podrške"),
    ],
)
def test_the_public_title_derives_from_the_authors(lang, title, charter):
    data = {"schema_version": 1, "language": lang, "title": title}
    assert build_document(data, lang, "public").title == charter
    assert build_document(data, lang).title == title


def test_public_charter_of_an_empty_draft():
    document = build_document({"schema_version": 1, "language": "tr"}, "tr", "public")
    assert document.keys == ("title",)


def test_sections_compare_cheaply(northwind):
    first = build_document(northwind, "hr")
    second = build_document(dict(northwind), "hr")
    assert first == second and hash(first) == hash(second)
    changed = dict(northwind, vision={"en": "x", "hr": "Nova vizija."})
    third = build_document(changed, "hr")
    differing = [a.key for a, b in zip(first.sections, third.sections) if a != b]
    assert differing == ["vision"]


def test_section_markdown_renders_one_section(northwind):
    document = build_document(northwind, "zh")
    markdown = section_markdown(document.section("standards"))
    assert markdown.startswith("## 服务标准\n")
    assert "| 电话     | 3分钟        | 2个工作日 |" in markdown
    assert markdown == section_markdown(document.section("standards"))
    title = section_markdown(document.section("title"))
    assert title.startswith("# 客户服务规范\n")
    whole = render(northwind, "zh", "md")
    for section in document.sections:
        assert section_markdown(section).strip() in whole


def test_bad_arguments():
    with pytest.raises(ValueError):
        render({}, "de", "md")
    with pytest.raises(ValueError):
        render({}, "en", "pdf")
    with pytest.raises(ValueError):
        render({}, "en", "md", audience="everyone")


def test_invalid_values_in_a_draft_are_shown_as_typed():
    data = {"schema_version": 1, "language": "en", "effective_date": "next year",
            "standards": {"service_levels": [{"channel": "phone", "first_response": "soon"}],
                          "metrics": [{"metric": "csat", "target": "lots"}]},
            "review_every_months": "often"}
    for fmt in FORMATS:
        render(data, "en", fmt)
    md = render(data, "en", "md")
    assert "next year" in md and "soon" in md and "lots" in md


def test_templates_never_change_case():
    for template in (ROOT / "templates").glob("*.j2"):
        source = template.read_text(encoding="utf-8")
        assert not re.search(r"\|\s*(upper|lower|title|capitalize)\b", source), template.name
    for module in (ROOT / "wizard" / "render").glob("*.py"):
        source = module.read_text(encoding="utf-8")
        assert not re.search(r"\.(upper|lower|title|capitalize|casefold)\(\)", source), module.name


def test_rendering_text_imports_neither_docx_nor_textual():
    code = (
        "import sys\n"
        "from wizard.render import render\n"
        "render({'schema_version': 1, 'language': 'en', 'mission': 'm'}, 'hr', 'md')\n"
        "render({'schema_version': 1, 'language': 'en', 'mission': 'm'}, 'zh', 'txt')\n"
        "render({'schema_version': 1, 'language': 'en', 'mission': 'm'}, 'tr', 'html')\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('docx', 'textual', 'rich', 'lxml')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_html_page(northwind):
    for lang, tag in (("en", "en"), ("hr", "hr"), ("zh", "zh-Hans"), ("tr", "tr")):
        html = render(northwind, lang, "html")
        assert html.startswith("<!DOCTYPE html>\n<html lang=\"%s\">" % tag)
        assert html.count("<table") == 4  # service levels, metrics, escalation, changelog
        assert "@media print" in html and "<style>" in html
        assert "</html>" in html


def test_html_tags_are_balanced(full, northwind):
    from html.parser import HTMLParser

    void = {"meta", "br", "img", "hr", "link", "input"}

    class Checker(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag not in void:
                self.stack.append(tag)

        def handle_endtag(self, tag):
            assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
            self.stack.pop()

    for data in (full, northwind):
        for lang in LANGS:
            for audience in ("internal", "public"):
                checker = Checker()
                checker.feed(render(data, lang, "html", audience))
                checker.close()
                assert checker.stack == []


def test_the_contents_list_takes_two_columns_only_when_it_is_long(northwind):
    """Three entries in two columns read 1 and 3 beside each other, 2 below: a short
    contents list stays one column."""
    long_html = render(northwind, "en", "html")
    assert '<ol class="two-columns">' in long_html
    short = {key: northwind[key] for key in ("schema_version", "language", "mission", "vision", "values", "standards") if key in northwind}
    short_html = render(short, "en", "html")
    assert 'aria-labelledby="contents-heading"' in short_html
    assert "<ol>" in short_html and "two-columns\">" not in short_html


def test_the_scope_names_the_other_channel_the_service_levels_name():
    data = {"schema_version": 1, "language": "hr",
            "purpose": {"channels": ["phone", "other"]},
            "standards": {"service_levels": [{"channel": "other", "name": "Forum zajednice",
                                              "first_response": "1 day"}]}}
    markdown = render(data, "hr", "md")
    assert "Obuhvaćeni kanali: telefon i Forum zajednice" in markdown.replace("**", "")
    assert "ostali kanali" not in markdown
    data["standards"] = {}
    assert "telefon i ostali kanali" in render(data, "hr", "md").replace("**", "")
