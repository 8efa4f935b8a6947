"""Bring an existing policy document (Word, Markdown, plain text, HTML) into a policy spec.

    read the file (readers.py) -> blocks -> language (detect.py) -> spec (interpret.py)

UI-free, like render and check: the command line and the wizard both call `import_file`.
A file that is not a document we can read raises ImportProblem with one line to show.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from wizard.i18n import Translator

from .interpret import Imported, Placement, interpret

_ = Translator("importer").gettext

SUFFIXES = {".docx": "docx", ".md": "md", ".markdown": "md", ".txt": "txt", ".text": "txt",
            ".html": "html", ".htm": "html"}
MAX_BYTES = 20 * 1024 * 1024  # a policy is a few pages; a larger file is something else

__all__ = ["Imported", "ImportProblem", "Placement", "SUFFIXES", "import_file", "import_blocks"]


class ImportProblem(Exception):
    """The file cannot be imported; str() is the one line to show (without the file name)."""


def import_file(path: str | Path, lang: str | None = None) -> Imported:
    """The spec in the document at `path`; `lang` overrides the detected language."""
    path = Path(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise ImportProblem(_("only Word (.docx), Markdown (.md), plain text (.txt) and HTML (.html) "
                              "documents can be imported"))
    raw = _read_bytes(path)
    blocks = _blocks(kind, path, raw)
    if not any(block.text.strip() or block.items or block.rows for block in blocks):
        raise ImportProblem(_("the document has no text to import"))
    from .detect import detect_language

    found = lang or detect_language(blocks)
    if found is None:
        raise ImportProblem(_("the document is not in English, Croatian, Chinese or Turkish: name its "
                              "language with --lang if it is one of them"))
    return import_blocks(blocks, found)


def import_blocks(blocks, lang: str) -> Imported:
    return interpret(blocks, lang)


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ImportProblem(_("is a folder, not a document"))
        if size > MAX_BYTES:
            raise ImportProblem(_("the file is too large for a policy document (%(size)s MB; at most "
                                  "%(limit)s MB)") % {"size": size // (1024 * 1024), "limit": MAX_BYTES // (1024 * 1024)})
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportProblem(_("no such file")) from None
    except PermissionError:
        raise ImportProblem(_("the file cannot be read (no permission)")) from None
    except OSError as error:
        raise ImportProblem(_("the file cannot be read (%(reason)s)") % {"reason": error.strerror or error}) from None


def _blocks(kind: str, path: Path, raw: bytes):
    from . import readers

    if kind == "docx":
        if raw.startswith(b"\xd0\xcf\x11\xe0"):
            raise ImportProblem(_("this Word file is encrypted or in the old .doc format: save it as an "
                                  "unprotected .docx and import that"))
        if not zipfile.is_zipfile(path):
            raise ImportProblem(_("this is not a Word (.docx) document, or the file is damaged"))
        try:
            return readers.read_docx(path)
        except Exception:  # noqa: BLE001 - python-docx fails on a damaged package in many ways
            raise ImportProblem(_("this Word document is damaged and cannot be read")) from None
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportProblem(_("this is not a text document (it holds binary data)"))
    text = _decode(raw)
    if kind == "md":
        return readers.read_markdown(text)
    if kind == "html":
        return readers.read_html(text)
    return readers.read_text(text)


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            if encoding == "utf-16" and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                continue
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportProblem(_("the text is not UTF-8: save the document as UTF-8 and import it again"))
