"""One term per concept in each language: the document, the app, the guide, `check` and the presets
say "complaint", "support hours" or "preset" with the same word.

The glossary of a language is `locales/glossary.<lang>.tsv`, UTF-8, tab-separated:

    # comment lines start with '#', blank lines are ignored
    concept<TAB>preferred<TAB>rejected
    support hours<TAB>Radno vrijeme<TAB>radno vrijeme korisničke službe|radn* vremen* korisničke službe

- the first line that is not a comment is the header `concept<TAB>preferred<TAB>rejected`;
- `concept`: the idea, in English (one row per concept; the same concept names in every language
  make the files easy to compare);
- `preferred`: the term to use, as a reader sees it (documentation for translators: not searched);
- `rejected`: variants that must not appear, separated by `|` (may be empty). Matching ignores case
  by the language's own rules (Turkish I/ı and İ/i), treats any run of spaces as one space, and
  respects word boundaries. A `*` at the end of a word matches any ending, for inflected languages:
  `poslovnic*` finds "poslovnica", "u poslovnici" and "poslovnicom", but `greš*` does not find
  "pogreška" (the word must start there).

Every message of every catalog domain (`msgstr`, all plural forms) and every string of the
language's preset files is searched. A language whose glossary file does not exist yet is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from wizard.spec.model import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales"
PRESETS = ROOT / "wizard" / "presets"
HEADER = ["concept", "preferred", "rejected"]
# Languages written without spaces between words: every Chinese character is a word character to
# a regular expression, so a word boundary would hide "政策" inside "说明政策变更". A variant
# matches wherever it occurs.
UNSPACED_LANGUAGES = {"zh"}


@dataclass(frozen=True)
class Entry:
    concept: str
    preferred: str
    rejected: tuple[str, ...]
    line: int


def glossary_path(lang: str) -> Path:
    return LOCALES / f"glossary.{lang}.tsv"


def read_glossary(path: Path) -> list[Entry]:
    """The rows of a glossary file; a malformed file fails here with FILE:LINE."""
    rows = [(number, line.rstrip("\n")) for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)]
    rows = [(number, line) for number, line in rows if line.strip() and not line.lstrip().startswith("#")]
    assert rows, f"{path.name}: empty"
    header_line, header = rows[0]
    assert header.split("\t") == HEADER, f"{path.name}:{header_line}: the header must be {'<TAB>'.join(HEADER)}"
    entries = []
    for number, line in rows[1:]:
        cells = line.split("\t")
        assert len(cells) == 3, f"{path.name}:{number}: expected 3 tab-separated columns, found {len(cells)}"
        concept, preferred, rejected = (cell.strip() for cell in cells)
        assert concept and preferred, f"{path.name}:{number}: concept and preferred term are required"
        variants = tuple(v.strip() for v in rejected.split("|") if v.strip())
        entries.append(Entry(concept, preferred, variants, number))
    return entries


def fold(text: str, lang: str) -> str:
    """Lower case by the language's rules: Python's lower() turns Turkish 'I' into 'i', not 'ı'."""
    if lang == "tr":
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


def variant_pattern(variant: str, lang: str) -> re.Pattern:
    words = []
    for word in fold(variant, lang).split():
        stem = word.endswith("*") and len(word) > 1
        words.append(re.escape(word.rstrip("*")) + (r"\w*" if stem else ""))
    body = r"\s+".join(words)
    if lang in UNSPACED_LANGUAGES:
        return re.compile(body)
    folded = fold(variant, lang).rstrip("*")
    start = r"(?<!\w)" if re.match(r"\w", folded) else ""
    end = r"(?!\w)" if re.search(r"\w$", folded) and not variant.endswith("*") else ""
    return re.compile(start + body + end)


def catalog_texts(lang: str):
    """(where, text) for every translation of every domain of one language."""
    for po in sorted((LOCALES / lang / "LC_MESSAGES").glob("*.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        for message in catalog:
            if not message.id:
                continue
            label = message.id if isinstance(message.id, str) else message.id[0]
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for text in strings:
                if text:
                    yield f"{po.stem}.po {label!r}", text


def _strings(value, path: str):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")


def preset_texts(lang: str):
    for path in sorted(PRESETS.glob(f"*/{lang}.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        for where, text in _strings(data, ""):
            yield f"presets/{path.parent.name}/{path.name}{where}", text


def rejected_uses(lang: str, entries: list[Entry], texts) -> list[str]:
    patterns = [(entry, variant, variant_pattern(variant, lang)) for entry in entries for variant in entry.rejected]
    found = []
    for where, text in texts:
        folded = fold(text, lang)
        for entry, variant, pattern in patterns:
            match = pattern.search(folded)
            if match:
                found.append(f"{where}: {match.group(0)!r} ({entry.concept}: write {entry.preferred!r}, not {variant!r})")
    return found


def _existing(lang: str) -> Path:
    path = glossary_path(lang)
    if not path.exists():
        pytest.skip(f"no glossary for {lang} yet ({path.name})")
    return path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_is_well_formed(lang):
    entries = read_glossary(_existing(lang))
    concepts = [entry.concept for entry in entries]
    assert len(set(concepts)) == len(concepts), f"a concept is listed twice in glossary.{lang}.tsv"
    for entry in entries:
        own = [v for v in entry.rejected if variant_pattern(v, lang).search(fold(entry.preferred, lang))]
        assert not own, f"glossary.{lang}.tsv:{entry.line}: {entry.preferred!r} is rejected by its own variants {own}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogs_and_presets_use_only_the_preferred_terms(lang):
    entries = read_glossary(_existing(lang))
    found = rejected_uses(lang, entries, [*catalog_texts(lang), *preset_texts(lang)])
    assert not found, f"rejected terms in {lang}:\n" + "\n".join(found)


def test_every_glossary_covers_the_same_core_concepts():
    """The concepts the issue names: a glossary without them would let the classic clashes back in."""
    core = {"document", "policy owner", "review", "support hours", "complaint", "inquiry", "refund",
            "escalation", "service level", "first response", "resolution", "metric", "preset", "preview",
            "in person", "product name", "date format"}
    for lang in LANGUAGES:
        path = glossary_path(lang)
        if path.exists():
            missing = core - {entry.concept for entry in read_glossary(path)}
            assert not missing, f"{path.name} lacks {sorted(missing)}"


@pytest.mark.parametrize(
    ("lang", "variant", "text", "hit"),
    [
        ("hr", "poslovnic*", "Osobno (u poslovnici)", True),
        ("hr", "poslovnic*", "Poslovnica", True),
        ("hr", "greš*", "Pogreška: datoteka ne postoji", False),
        ("hr", "greš*", "%(prog)s: greška", True),
        ("hr", "radn* vremen* korisničke službe", "nema radnog  vremena korisničke službe", True),
        ("tr", "şikayet*", "ŞİKAYETLERİN ele alınması", True),
        ("tr", "ışık", "IŞIK", True),
        ("tr", "dahil*", "mağaza müdürü dâhil", False),
        ("tr", "dahil*", "Yetkiniz dahilindeyse", True),
        ("en", "first reply", "our first replying", False),
        ("en", "yyyy-mm-dd", "written as YYYY-MM-DD.", True),
        ("hr", "“", "„prigovor“", True),
        ("zh", "政策", "说明政策两个版本之间的变更", True),
        ("zh", "升级矩阵", "问题升级机制", False),
    ],
)
def test_matching_respects_case_words_and_stems(lang, variant, text, hit):
    assert bool(variant_pattern(variant, lang).search(fold(text, lang))) is hit


def test_a_rejected_variant_in_a_catalog_is_reported():
    entries = [Entry("support hours", "Radno vrijeme", ("radn* vrijeme korisničke službe",), 3)]
    texts = [("render.po 'Support hours'", "Radno vrijeme korisničke službe"), ("app.po 'x'", "Radno vrijeme")]
    assert rejected_uses("hr", entries, texts) == [
        "render.po 'Support hours': 'radno vrijeme korisničke službe' "
        "(support hours: write 'Radno vrijeme', not 'radn* vrijeme korisničke službe')"
    ]
