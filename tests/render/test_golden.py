"""Golden outputs: every example (and the fixtures in data/) in every language and text format.

The files in golden/ were read by a native speaker's eye for each language; a change in the
rendered text shows up here as a diff. After an intended change, regenerate them with

    UPDATE_GOLDEN=1 python -m pytest tests/render/test_golden.py

and read the diff (git diff tests/render/golden) before committing.
"""

from __future__ import annotations

import os

import pytest

from wizard.render import render

from .conftest import DATA, EXAMPLES, GOLDEN, LANGS, load_data

SPECS = EXAMPLES + DATA
CASES = [
    (spec, lang, fmt, audience)
    for spec in SPECS
    for lang in LANGS
    for fmt in ("md", "html", "txt")
    for audience in ("internal",)
] + [(spec, lang, "md", "public") for spec in SPECS for lang in LANGS]


def _name(spec, lang, fmt, audience) -> str:
    suffix = "" if audience == "internal" else f".{audience}"
    return f"{spec.stem}.{lang}{suffix}.{fmt}"


@pytest.mark.parametrize(
    "spec, lang, fmt, audience", CASES, ids=[_name(*case) for case in CASES]
)
def test_golden(spec, lang, fmt, audience):
    output = render(load_data(spec), lang, fmt, audience=audience)
    golden = GOLDEN / _name(spec, lang, fmt, audience)
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(output, encoding="utf-8")
    assert golden.is_file(), f"missing {golden.name}: run with UPDATE_GOLDEN=1 to create it"
    assert output == golden.read_text(encoding="utf-8")


def test_every_golden_file_is_still_used():
    expected = {_name(*case) for case in CASES}
    stale = sorted(path.name for path in GOLDEN.iterdir() if path.name not in expected)
    assert not stale, f"golden files without a case (delete them): {stale}"
