"""`policy-wizard import` as a user runs it: a real process, its report, its exit code, and
one clear line for every file that is not a document it can read."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = Path(__file__).parent / "documents"


def run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "wizard", *args], capture_output=True, text=True,
                          env=env, timeout=60)


def test_import_writes_a_policy_next_to_the_document_and_reports_where_each_part_went(tmp_path):
    source = tmp_path / "harbour.md"
    source.write_bytes((DOCUMENTS / "harbour-books-en.md").read_bytes())

    result = run("import", str(source))

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (f"Imported {source} (English) into {tmp_path / 'harbour.yaml'}: "
                        "29 parts placed, 1 not placed.")
    assert f"{source}:12-14 → mission" in lines
    assert f"{source}:42-53 → procedures" in lines
    assert lines[-2:] == ["Not placed (kept as extra sections: check them in the wizard):",
                          f"{source}:69 → extra section (1)  “9. Our history”"]
    check = run("check", str(tmp_path / "harbour.yaml"))
    assert check.returncode in (0, 1), check.stderr  # a valid policy: findings at most


def test_a_word_file_is_reported_by_paragraph_in_the_ui_language(tmp_path):
    from tests.importer.test_documents import hrvatski_docx

    source = hrvatski_docx(tmp_path / "pekara.docx")
    result = run("import", str(source), "-o", str(tmp_path / "p.yaml"), "--ui-lang", "hr")
    assert result.returncode == 0, result.stderr
    assert "(hrvatski)" in result.stdout.splitlines()[0]
    assert any(line.startswith(f"{source}, odlomak ") for line in result.stdout.splitlines())


def test_an_existing_policy_file_is_not_replaced_without_force(tmp_path):
    target = tmp_path / "lotos.yaml"
    target.write_text("keep me\n", encoding="utf-8")

    refused = run("import", str(DOCUMENTS / "lotos-zh.md"), "-o", str(target))
    assert refused.returncode == 2
    assert refused.stderr == (f"policy-wizard: {target} already exists: name another file with -o, "
                              "or add --force to replace it\n")
    assert target.read_text(encoding="utf-8") == "keep me\n"

    forced = run("import", str(DOCUMENTS / "lotos-zh.md"), "-o", str(target), "--force")
    assert forced.returncode == 0, forced.stderr
    assert "title: 莲花茶馆客户服务规范" in target.read_text(encoding="utf-8")


def _broken_docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return path


@pytest.mark.parametrize("name, content, message", [
    ("photo.docx", b"\x89PNG\r\n\x1a\n" + bytes(200), "this is not a Word (.docx) document, or the file is damaged"),
    ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
     "this Word file is encrypted or in the old .doc format: save it as an unprotected .docx and import that"),
    ("broken.docx", None, "this Word document is damaged and cannot be read"),
    ("empty.md", b"", "the document has no text to import"),
    ("blank.txt", b"\n\n   \n", "the document has no text to import"),
    ("binary.txt", b"\x00\x01\x02" * 100, "this is not a text document (it holds binary data)"),
    ("latin1.txt", "Politika korisni\u010dke slu\u017ebe".encode("cp1250"),
     "the text is not UTF-8: save the document as UTF-8 and import it again"),
    ("deutsch.md", "# Kundenrichtlinie\n\nWir antworten jedem Kunden innerhalb eines Tages, "
                   "und die Qualität unserer Arbeit ist uns wichtig.\n".encode(),
     "the document is not in English, Croatian, Chinese or Turkish: name its language with --lang if "
     "it is one of them"),
    ("policy.pdf", b"%PDF-1.7", "only Word (.docx), Markdown (.md), plain text (.txt) and HTML (.html) "
                                "documents can be imported"),
])
def test_a_file_that_is_not_a_document_gets_one_line_and_exit_2(tmp_path, name, content, message):
    source = tmp_path / name
    if content is None:
        _broken_docx(source)
    else:
        source.write_bytes(content)
    target = tmp_path / "out.yaml"

    result = run("import", str(source), "-o", str(target))

    assert (result.returncode, result.stderr) == (2, f"policy-wizard: {source}: {message}\n")
    assert result.stdout == ""
    assert not target.exists()


def test_a_missing_document_and_a_too_large_one(tmp_path):
    missing = run("import", str(tmp_path / "nowhere.md"))
    assert (missing.returncode, missing.stderr) == (2, f"policy-wizard: {tmp_path / 'nowhere.md'}: no such file\n")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    result = run("import", str(huge))
    assert result.returncode == 2
    assert result.stderr == (f"policy-wizard: {huge}: the file is too large for a policy document "
                             "(21 MB; at most 20 MB)\n")


def test_the_document_cannot_be_its_own_policy_file(tmp_path):
    source = tmp_path / "policy.txt"
    source.write_text("MISSION\n\nWe help.\n", encoding="utf-8")
    result = run("import", str(source), "-o", str(source), "--force", "--lang", "en")
    assert result.returncode == 2
    assert "cannot replace the document it is read from" in result.stderr
    assert source.read_text(encoding="utf-8") == "MISSION\n\nWe help.\n"
