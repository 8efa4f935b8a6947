"""HTML and Markdown layout: the language of fallback text, links, tables on a phone, paper."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from wizard.render import render


class Elements(HTMLParser):
    """(tag, attributes, text) of every element, text joined."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[list] = []
        self.open: list[list] = []

    def handle_starttag(self, tag, attrs):
        element = [tag, dict(attrs), ""]
        self.found.append(element)
        if tag not in ("br", "meta"):
            self.open.append(element)

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data):
        for element in self.open:
            element[2] += data


def elements(html: str) -> list[list]:
    parser = Elements()
    parser.feed(html)
    return parser.found


def test_fallback_text_carries_its_own_lang(northwind):
    """An English spec rendered in Chinese: the author's English text says it is English."""
    html = render(northwind, "zh", "html")
    assert '<html lang="zh-Hans">' in html
    found = elements(html)
    vision = [e for e in found if e[0] == "p" and e[2].startswith("To be the leading provider")]
    assert vision and vision[0][1].get("lang") == "en"
    steps = [e for e in found if e[0] == "li" and e[2].startswith("Log every complaint")]
    assert steps and steps[0][1].get("lang") == "en"
    applies = [e for e in found if e[0] == "span" and e[2].startswith("All employees")]
    assert applies and applies[0][1].get("lang") == "en"
    # The catalog's own words are Chinese and carry no lang of their own.
    headings = [e for e in found if e[0] == "h2" and e[2] == "服务标准"]
    assert headings and "lang" not in headings[0][1]


def test_no_lang_marks_in_the_spec_language(northwind):
    assert ' lang="' not in render(northwind, "en", "html").split("<body>", 1)[1]


def test_email_and_web_address_are_links(northwind):
    northwind["contact"] = "support@northwind.example, www.northwind.example"
    html = render(northwind, "hr", "html")
    assert '<a href="mailto:support@northwind.example">support@northwind.example</a>' in html
    assert '<a href="https://www.northwind.example">www.northwind.example</a>' in html
    md = render(northwind, "hr", "md")
    assert "<support@northwind.example>" in md and "[www.northwind.example](https://www.northwind.example)" in md


def test_tables_fit_a_phone_screen(full):
    html = render(full, "zh", "html")
    # Words wrap whole, addresses anywhere; short cells ("10分钟", "级别") never wrap; a table
    # still too wide scrolls in a region the keyboard reaches, named by the table's caption.
    assert not re.search(r"th, td \{[^}]*overflow-wrap: anywhere", html)
    assert "th a, td a { overflow-wrap: anywhere; }" in html
    assert "th.short, td.short { white-space: nowrap; }" in html
    found = elements(html)
    wraps = [e for e in found if "table-wrap" in e[1].get("class", "")]
    assert wraps and all(e[0] == "section" and e[1]["tabindex"] == "0" and e[1]["aria-label"] for e in wraps)
    assert [e for e in found if e[0] == "td" and e[1].get("class") == "short"]


def test_printed_page_size():
    data = {"schema_version": 1, "language": "en"}
    assert "@page { size: A4;" in render(data, "en", "html")
    assert "@page { size: letter;" in render(data, "en", "html", paper="letter")


def test_markdown_tables_stay_aligned_with_long_cells(northwind):
    northwind["escalation"][0]["when"] = "A very long condition. " * 10
    table = [line for line in render(northwind, "en", "md").splitlines() if line.startswith("| ")]
    escalation = [line for line in table if line.count("|") == 5]
    assert len({len(line) for line in escalation}) == 1
