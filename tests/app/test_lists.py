"""Lists and bullets as the user reads them, in each UI language: lists joined the way the
language writes them ("a, b i c", "a、b和c"), bullets that wrap under their text, not under
the bullet, with double-width Chinese lined up."""

from __future__ import annotations

import pytest

from tests.app.forms_harness import FormHarness
from wizard.app.steps.values import ValuesForm
from wizard.i18n import set_ui_language


def values_data() -> dict:
    return {
        "schema_version": 1,
        "language": "en",
        "title": "Policy",
        "values": [{"name": "Honesty", "description": "We keep our word."}, {"name": "Respect"}],
    }


@pytest.mark.parametrize(
    ("ui", "edit_lang", "expected"),
    [
        ("en", "hr", "To do: Value 1, What it means in practice 1, and Value 2. The original text"),
        ("hr", "tr", "Preostaje: Vrijednost 1, Što to znači u praksi 1 i Vrijednost 2. Izvorni tekst"),
        ("zh", "hr", "待处理：价值观（第1项）、在实际工作中的含义（第1项）和价值观（第2项）。每个字段"),
        ("tr", "hr", "Yapılacaklar: Değer 1, Uygulamada ne anlama gelir 1 ve Değer 2. Kaynak metin"),
    ],
)
async def test_translation_to_do_is_a_list_in_the_ui_language(ui, edit_lang, expected):
    set_ui_language(ui)
    app = FormHarness(ValuesForm, values_data(), edit_lang=edit_lang)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        summary = str(app.form.query_one(".form-translation").content)
        assert expected in summary
        if ui == "zh":
            assert " " not in summary  # Chinese sentences follow each other without spaces
