"""The rendered documents in the tools their readers use: LibreOffice (what it shows of a
Word file, through a PDF), html-validate and markdownlint. Each test is skipped where its
tool is not installed (Debian's libreoffice-writer and poppler-utils; npm's html-validate
and markdownlint-cli); the XML itself is tested without them in tests/render."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from wizard.render import render

from tests.render.conftest import LANGS, ROOT, load_data

TIMEOUT = 300
NORTHWIND = ROOT / "tests" / "examples" / "northwind-en.yaml"


def needs(*tools: str):
    missing = [tool for tool in tools if shutil.which(tool) is None]
    return pytest.mark.skipif(bool(missing), reason=f"not installed: {', '.join(missing)}")


def run(command: list[str], **options) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, **options)


def write_all(folder: Path, spec: dict, fmt: str) -> list[str]:
    """The spec rendered in every language (and its public charter in one) into `folder`."""
    paths = []
    for lang in LANGS:
        path = folder / f"policy.{lang}.{fmt}"
        path.write_text(render(spec, lang, fmt), encoding="utf-8")
        paths.append(str(path))
    public = folder / f"charter.hr.{fmt}"
    public.write_text(render(spec, "hr", fmt, audience="public"), encoding="utf-8")
    return paths + [str(public)]


@needs("html-validate")
def test_html_validates(tmp_path):
    result = run(["html-validate", *write_all(tmp_path, load_data(NORTHWIND), "html")])
    assert result.returncode == 0, result.stdout + result.stderr


@needs("markdownlint")
def test_markdown_passes_markdownlint(tmp_path):
    """Every rule but the line length: a paragraph is one line, since a line break inside a
    Chinese paragraph would show as a space."""
    result = run(["markdownlint", "--disable", "MD013", "--", *write_all(tmp_path, load_data(NORTHWIND), "md")])
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def libreoffice_pages(tmp_path_factory) -> dict[str, list[str]]:
    """The northwind policy as a Word file in every language, opened by LibreOffice and
    printed to PDF: the text of each page, per language."""
    folder = tmp_path_factory.mktemp("docx")
    spec = load_data(NORTHWIND)
    for lang in LANGS:
        (folder / f"policy.{lang}.docx").write_bytes(render(spec, lang, "docx"))
    environment = dict(os.environ, HOME=str(folder))  # a profile of its own, not the user's
    docx = sorted(str(path) for path in folder.glob("*.docx"))
    result = run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), *docx], env=environment)
    assert result.returncode == 0, result.stderr
    pages = {}
    for lang in LANGS:
        pdf = folder / f"policy.{lang}.pdf"
        assert "(A4)" in run(["pdfinfo", str(pdf)]).stdout
        text = run(["pdftotext", "-layout", str(pdf), "-"]).stdout
        pages[lang] = [page for page in text.split("\f") if page.strip()]
    return pages


PAGE_X_OF_Y = {"en": "Page {} of {}", "hr": "Stranica {} od {}", "zh": "第{}页，共{}页", "tr": "Sayfa {} / {}"}
VERSION = {"en": "Version: 1", "hr": "Verzija: 1", "zh": "版本：第1版", "tr": "Sürüm: 1"}
TITLE = {"en": "Customer Service Policy", "hr": "Politika korisničke službe", "zh": "客户服务规范", "tr": "Müşteri Hizmetleri Politikası"}
FIRST_SECTION = {"en": "Purpose and scope", "hr": "Svrha i primjena", "zh": "目的与适用范围", "tr": "Amaç ve kapsam"}


@needs("soffice", "pdfinfo", "pdftotext")
@pytest.mark.parametrize("lang", LANGS)
def test_libreoffice_shows_header_footer_and_numbered_contents(libreoffice_pages, lang):
    pages = libreoffice_pages[lang]
    assert len(pages) > 1
    for number, page in enumerate(pages, 1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0] == TITLE[lang]  # the header
        # The footer, as one line without spaces (pdftotext spaces Chinese from digits).
        footer = VERSION[lang] + PAGE_X_OF_Y[lang].format(number, len(pages))
        assert re.sub(r"\s", "", lines[-1]) == re.sub(r"\s", "", footer)
    # The contents show each heading with the page LibreOffice laid it out on.
    entry = re.search(re.escape(FIRST_SECTION[lang]) + r"\.{3,}\s*(\d+)", pages[0])
    assert entry and entry.group(1) == "1"
    numbers = [int(n) for n in re.findall(r"\.{3,}\s*(\d+)\s*$", pages[0], re.MULTILINE)]
    assert len(numbers) >= 10 and numbers == sorted(numbers) and numbers[-1] == len(pages)
