"""Each step's form in a harness that applies its changes like the editor does."""

from __future__ import annotations

import copy

import pytest
from textual.widgets import Input, Select, SelectionList, TextArea

from tests.app.conftest import burst, wait_for
from tests.app.test_keys import screen_lines
from tests.app.forms_harness import FormHarness
from wizard.app.steps import STEP_FORMS, STEP_KEYS, STEP_TITLES
from wizard.app.steps.base import StepForm
from wizard.app.steps.basics import BasicsForm
from wizard.app.steps.escalation import EscalationForm
from wizard.app.steps.mission import MissionForm
from wizard.app.steps.procedures import ProceduresForm
from wizard.app.steps.purpose import PurposeForm
from wizard.app.steps.standards import StandardsForm
from wizard.app.steps.training import TrainingForm
from wizard.app.steps.values import ValuesForm
from wizard.app.widgets.duration_picker import DurationPicker
from wizard.app.widgets.list_editor import ListEditor
from wizard.app.widgets.number_field import IntegerField, PercentField
from wizard.app.widgets.text_field import TextField
from wizard.spec.model import TRANSLATED_FROM, source_hash

SIZE = (80, 24)


def spec(**extra) -> dict:
    data = {"schema_version": 1, "language": "en"}
    data.update(extra)
    return data


def test_step_registry():
    assert STEP_KEYS[0] == "basics" and STEP_KEYS[-1] == "review"
    assert set(STEP_TITLES) == set(STEP_KEYS)
    assert list(STEP_FORMS) == [key for key in STEP_KEYS if key != "review"]
    for key in STEP_FORMS:
        form_class = STEP_FORMS[key]
        assert issubclass(form_class, StepForm) and form_class.step_key == key


async def test_basics_typed_from_scratch_with_keys():
    data = spec()
    app = FormHarness(BasicsForm, data)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", *"Refunds Policy", "tab", *"Kava d.o.o.", "tab", *"Ana, Manager")
        await pilot.press("tab", *"ana@kava.example", "tab", *"2027-01-15", "tab", *"12")
        assert data == {
            "schema_version": 1,
            "language": "en",
            "title": "Refunds Policy",
            "company": "Kava d.o.o.",
            "owner": "Ana, Manager",
            "contact": "ana@kava.example",
            "effective_date": "2027-01-15",
            "review_every_months": 12,
        }
        # every change was reported as it was typed, not on leaving the field
        assert ("title",) in [path for path, _value in app.changes[:3]]
        await pilot.press("tab")  # the people served: blank means the default, customers
        assert isinstance(app.focused, Select)
        await pilot.press("enter", "down", "down", "enter")  # blank, Customers, Clients
        await pilot.pause()
        assert data["customer_word"] == "clients"
        await pilot.press("tab")  # the document language
        assert isinstance(app.focused, Select)
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert data["language"] == "hr"


async def test_clearing_a_field_removes_the_key():
    data = spec(company="Kava", owner="Ana")
    app = FormHarness(BasicsForm, data)
    async with app.run_test(size=SIZE) as pilot:
        company = app.form.query(TextField)[1]
        company.focus_target()
        await pilot.press("ctrl+a", "ctrl+k")
        assert "company" not in data and data["owner"] == "Ana"


async def test_purpose_channels_checklist_keeps_the_file_order():
    data = spec(purpose={"intent": "Why.", "channels": ["email", "phone"]})
    app = FormHarness(PurposeForm, data)
    async with app.run_test(size=(80, 40)) as pilot:
        checklist = app.form.query_one(SelectionList)
        checklist.focus()
        await pilot.pause()
        checklist.highlighted = 2  # live chat
        await pilot.press("space")
        assert data["purpose"]["channels"] == ["email", "phone", "live_chat"]
        checklist.highlighted = 1  # e-mail
        await pilot.press("space")
        assert data["purpose"]["channels"] == ["phone", "live_chat"]
        assert data["purpose"]["intent"] == "Why."


async def test_text_area_edits_are_reported_as_typed():
    data = spec(mission="We help.")
    app = FormHarness(MissionForm, data)
    async with app.run_test(size=SIZE) as pilot:
        area = app.form.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        await pilot.press(*" Always.")
        assert data["mission"] == "We help. Always."


async def test_translating_a_field_records_the_source_hash():
    data = spec(mission="We help every customer.", vision={"en": "Be trusted.", "hr": "Biti pouzdani."})
    app = FormHarness(MissionForm, data, edit_lang="hr")
    async with app.run_test(size=SIZE) as pilot:
        field = app.form.query_one(TextField)
        assert field.has_class("-untranslated")
        assert "Not translated yet." in field.note
        assert "English: We help every customer." in field.note
        summary = str(app.form.query_one(".form-translation").content)
        assert "1 text on this step is not translated into Croatian yet." in summary
        area = app.form.query_one(TextArea)
        assert area.text == ""  # the translation, not the English text
        area.focus()
        await pilot.press(*"Pomažemo svakom kupcu.")
        await pilot.pause()
        assert data["mission"] == {
            "en": "We help every customer.",
            "hr": "Pomažemo svakom kupcu.",
            TRANSLATED_FROM: {"hr": source_hash("We help every customer.")},
        }
        assert not field.has_class("-untranslated")
        summary = str(app.form.query_one(".form-translation").content)
        assert "Everything on this step is translated into Croatian." in summary


async def test_stale_translation_is_pointed_out():
    data = spec(
        mission={"en": "We help every customer today.", "hr": "Pomažemo svakom kupcu.", TRANSLATED_FROM: {"hr": source_hash("We help every customer.")}}
    )
    app = FormHarness(MissionForm, data, edit_lang="hr")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        field = app.form.query_one(TextField)
        assert field.has_class("-stale")
        assert "The original changed" in field.note
        assert "1 translation is older than its original." in str(app.form.query_one(".form-translation").content)


async def test_source_language_edit_keeps_translations():
    data = spec(mission={"en": "We help.", "hr": "Pomažemo."})
    app = FormHarness(MissionForm, data)
    async with app.run_test(size=SIZE) as pilot:
        area = app.form.query_one(TextArea)
        assert area.text == "We help."
        area.focus()
        area.move_cursor(area.document.end)
        await pilot.press("!")
        assert data["mission"] == {"en": "We help.!", "hr": "Pomažemo."}


async def test_chinese_text_round_trips():
    data = spec(language="zh", values=[{"name": "诚信", "description": "我们只承诺能做到的事。"}])
    app = FormHarness(ValuesForm, data)
    async with app.run_test(size=SIZE) as pilot:
        editor = app.form.query_one(ListEditor)
        editor.rows[0].focus_target()
        await pilot.press("end")
        app.focused.insert_text_at_cursor("，尊重")  # what an input method commits
        await pilot.pause()
        assert data["values"][0] == {"name": "诚信，尊重", "description": "我们只承诺能做到的事。"}


async def test_service_level_added_by_channel_with_durations():
    data = spec()
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=(80, 40)) as pilot:
        adder = app.form.query_one("#service-levels").query_one(".list-add-choice", Select)
        adder.focus()
        await pilot.press("enter", "down", "down", "enter")  # below the prompt: phone, e-mail
        await pilot.pause()
        assert data["standards"]["service_levels"] == [{"channel": "email"}]
        assert isinstance(app.focused, Input)  # the first response number
        await pilot.press(*"24")
        assert data["standards"]["service_levels"] == [{"channel": "email", "first_response": "24 hours"}]
        pickers = app.form.query_one("#service-levels").query(DurationPicker)
        pickers[1].focus_target()
        await pilot.press("3")
        assert data["standards"]["service_levels"][0]["resolution"] == "3 working days"


async def test_metric_targets_follow_the_metric():
    data = spec()
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=(80, 40)) as pilot:
        metrics = app.form.query_one("#metrics", ListEditor)
        adder = metrics.query_one(".list-add-choice", Select)
        adder.value = "nps"
        await pilot.pause()
        adder.value = "csat"
        await pilot.pause()
        adder.value = "resolution_time"
        await pilot.pause()
        nps = metrics.rows[0].query_one(IntegerField)
        nps.focus_target()
        await pilot.press(*"abc")
        assert "“abc” is not a whole number." in nps.error
        await pilot.press("backspace", "backspace", "backspace", "-", "5")
        percent = metrics.rows[1].query_one(PercentField)
        percent.focus_target()
        await pilot.press(*"92,5")
        duration = metrics.rows[2].query_one(DurationPicker)
        duration.focus_target()
        await pilot.press("4")
        assert data["standards"]["metrics"] == [
            {"metric": "nps", "target": -5},
            {"metric": "csat", "target": "92.5%"},
            {"metric": "resolution_time", "target": "4 hours"},
        ]
        percent.focus_target()
        await pilot.press("ctrl+a", "ctrl+k", *"120")
        assert "from 0 to 100" in percent.error
        assert data["standards"]["metrics"][1]["target"] == "12%"  # the last valid value typed


async def test_procedure_added_by_kind_with_ordered_steps():
    data = spec()
    app = FormHarness(ProceduresForm, data)
    async with app.run_test(size=(80, 40)) as pilot:
        editor = app.form.query(ListEditor).first()
        # Each change travels as messages (the drop-down, the list, the form, the harness):
        # the test waits for its result, as one pause may end before they have all arrived.
        editor.query_one(".list-add-choice", Select).value = "complaints"
        await wait_for(pilot, lambda: data.get("procedures") == [{"kind": "complaints"}])
        assert data["procedures"] == [{"kind": "complaints"}]
        steps = editor.rows[0].query_one(ListEditor)
        await pilot.click(steps.query_one(".list-add"))
        await pilot.press(*"Listen", "enter", *"Log it", "enter", *"Apologise")
        await pilot.press("alt+up")
        ordered = ["Listen", "Apologise", "Log it"]
        await wait_for(pilot, lambda: data["procedures"][0].get("steps") == ordered)
        assert data["procedures"][0]["steps"] == ordered
        picker = editor.rows[0].query(DurationPicker)[0]
        picker.focus_target()
        await pilot.press("2")
        expected = [{"kind": "complaints", "steps": ordered, "acknowledge_within": "2 hours"}]
        await wait_for(pilot, lambda: data["procedures"] == expected)
        assert data["procedures"] == expected
        # an "other" procedure asks for its title
        editor.query_one(".list-add-choice", Select).value = "other"
        await wait_for(pilot, lambda: len(editor.rows) == 2 and editor.rows[1].query(TextField))
        assert "Title (required)" in str(editor.rows[1].query_one(TextField).query_one(".field-label").content)


async def test_escalation_levels_are_numbered_by_position():
    data = spec(
        escalation=[
            {"level": 1, "role": "Agent", "when": "Every case."},
            {"level": 2, "role": "Supervisor", "when": "The agent is stuck.", "within": "4 hours"},
        ]
    )
    app = FormHarness(EscalationForm, data)
    async with app.run_test(size=(80, 40)) as pilot:
        editor = app.form.query_one(ListEditor)
        editor.rows[1].focus_target()
        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press(*"Manager")
        assert data["escalation"][2] == {"level": 3, "role": "Manager"}
        await pilot.press("alt+up", "alt+up")
        await pilot.pause()
        assert [(level["level"], level["role"]) for level in data["escalation"]] == [
            (1, "Manager"),
            (2, "Agent"),
            (3, "Supervisor"),
        ]
        assert data["escalation"][2]["within"] == "4 hours"
        await pilot.pause()
        lines = screen_lines(app)
        for number, row in enumerate(editor.rows, start=1):
            # the level's name left of the row's first field, which starts after it
            line = lines[row.region.y]
            field = row.children[0].region.x
            assert line[row.region.x:field] == f" Level {number} "



async def test_training_methods_and_refresher():
    data = spec()
    app = FormHarness(TrainingForm, data)
    async with app.run_test(size=(80, 40)) as pilot:
        methods = app.form.query_one(SelectionList)
        methods.focus()
        await pilot.press("space", "down", "down", "space")
        assert data["training"]["methods"] == ["role_play", "e_learning"]
        app.form.query_one(IntegerField).focus_target()
        await pilot.press("6")
        assert data["training"]["refresher_every_months"] == 6


async def test_insert_example_text_and_items():
    data = spec(values=[{"name": "Honesty"}])
    app = FormHarness(ValuesForm, data)
    async with app.run_test(size=(80, 40)) as pilot:
        assert app.form.insert_example([{"name": "Respect", "description": "Everyone counts."}, {"name": "Care"}])
        await pilot.pause()
        await pilot.pause()
        assert [value["name"] for value in data["values"]] == ["Honesty", "Respect", "Care"]
        app.form.focus_path(("values", 0, "description"))
        await pilot.pause()
        assert app.form.insert_example("We keep our word.")
        await pilot.pause()
        assert data["values"][0] == {"name": "Honesty", "description": "We keep our word."}

    data = spec()
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=(80, 40)) as pilot:
        assert app.form.insert_example(["answer every e-mail within one working day"])
        await pilot.pause()
        await pilot.pause()
        assert data["standards"]["always"] == ["answer every e-mail within one working day"]


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_every_form_fits_80_columns(lang):
    """No field is wider than the screen at 80x24, in English and with Chinese text."""
    from pathlib import Path

    from tests.app.forms_harness import load_example

    data = load_example(Path(__file__).resolve().parents[1] / "examples" / "northwind-en.yaml")
    if lang == "zh":
        data["mission"] = "我们为每一位顾客提供热情、专业、及时的服务，并在整个过程中让顾客随时了解进展。" * 2
        data["values"][0]["name"] = "诚信"
    for key in ("basics", "standards", "procedures", "values", "mission"):
        app = FormHarness(STEP_FORMS[key], data)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            form = app.form
            for widget in form.query("*"):
                if widget.display and widget.region.width:
                    assert widget.region.right <= 80, (key, widget)
            assert not form.scrollbars_enabled[1] or form.virtual_size.width <= form.size.width + 1


async def test_enter_goes_to_the_next_field_and_examples_become_new_items():
    data = spec(standards={"always": ["greet every customer"]})
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=(80, 40)) as pilot:
        always = app.form.query_one("#always", ListEditor)
        always.rows[0].focus_target()
        await pilot.pause()
        # the guidance panel's example, with the focus in a filled item: a new item after it
        field = always.rows[0].query_one(TextField)
        assert field.insert_example("say thank you at the end of every call")
        await pilot.pause()
        assert data["standards"]["always"] == ["greet every customer", "say thank you at the end of every call"]

    data = spec()
    app = FormHarness(BasicsForm, data)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", *"My policy", "enter")
        assert isinstance(app.focused, Input) and app.focused.parent.path == ("company",)


async def test_translating_list_items():
    data = spec(values=[{"name": "Honesty", "description": "We keep our word."}, {"name": {"en": "Respect", "hr": "Poštovanje"}}])
    app = FormHarness(ValuesForm, data, edit_lang="hr")
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        summary = str(app.form.query_one(".form-translation").content)
        assert "2 texts on this step are not translated into Croatian yet." in summary
        assert "To do: Value 1 and What it means in practice 1." in summary
        editor = app.form.query_one(ListEditor)
        name = editor.rows[0].query_one(TextField)
        assert name.query_one(Input).value == "" and "English: Honesty" in name.note
        assert editor.rows[1].query_one(TextField).query_one(Input).value == "Poštovanje"
        name.focus_target()
        await pilot.press(*"Iskrenost")
        await pilot.pause()
        assert data["values"][0]["name"] == {
            "en": "Honesty",
            "hr": "Iskrenost",
            TRANSLATED_FROM: {"hr": source_hash("Honesty")},
        }
        assert data["values"][0]["description"] == "We keep our word."
        summary = str(app.form.query_one(".form-translation").content)
        assert "1 text on this step is not translated into Croatian yet." in summary


async def test_a_channel_in_the_table_is_not_offered_again():
    data = spec(standards={"service_levels": [{"channel": "phone", "first_response": "3 minutes"}]})
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=(80, 40)) as pilot:
        editor = app.form.query_one("#service-levels", ListEditor)
        adder = editor.query_one(".list-add-choice", Select)

        def offered() -> list:
            return [key for _label, key in editor._shown_choices]

        assert "phone" not in offered() and "email" in offered()
        adder.value = "email"
        await pilot.pause()
        assert "email" not in offered() and "other" in offered()
        editor.rows[0].focus_target()
        await pilot.press("ctrl+r")  # remove the phone line: phone is offered again
        await pilot.pause()
        assert "phone" in offered()
        assert data["standards"]["service_levels"] == [{"channel": "email"}]


async def test_focus_path_reaches_a_step_of_a_procedure():
    data = spec(procedures=[{"kind": "refunds", "steps": ["Check the receipt.", "Refund the money."]}])
    app = FormHarness(ProceduresForm, data)
    async with app.run_test(size=(80, 40)) as pilot:
        app.form.focus_path(("procedures", 0, "steps", 1))
        await pilot.pause()
        assert isinstance(app.focused, Input) and app.focused.value == "Refund the money."
        app.form.focus_path(("procedures", 0, "resolve_within"))
        await pilot.pause()
        assert app.focused.has_class("duration-amount")


@pytest.mark.parametrize(
    "step, path",
    [
        ("mission", ("mission",)),
        ("vision", ("vision",)),
        ("purpose", ("purpose", "intent")),
        ("training", ("training", "onboarding")),
        ("enforcement", ("enforcement", "accountable")),
    ],
)
async def test_first_field_of_each_prose_step(step, path):
    from wizard.spec.model import get_at

    data = spec()
    app = FormHarness(STEP_FORMS[step], data)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", *"Kind words")
        assert get_at(data, path) == "Kind words"
        assert list(data) == ["schema_version", "language", path[0]]


@pytest.mark.parametrize(
    "step, keys",
    [("definitions", ("term", "meaning")), ("sections", ("title", "body")), ("values", ("name", "description"))],
)
async def test_record_lists_from_scratch(step, keys):
    data = spec()
    app = FormHarness(STEP_FORMS[step], data)
    async with app.run_test(size=SIZE) as pilot:
        assert "No " in str(app.form.query_one(".list-empty").content)  # says the list is empty
        await pilot.click(app.form.query_one(".list-add"))
        await pilot.press(*"First", "tab", *"Second line")
        assert data[step] == [{keys[0]: "First", keys[1]: "Second line"}]
        assert str(app.form.query_one(".list-empty").content) == ""


async def test_one_edit_changes_one_line_of_the_saved_file():
    import difflib
    from pathlib import Path

    from wizard.spec import dump_spec, load_spec

    source = Path(__file__).resolve().parents[1] / "examples" / "northwind-en.yaml"
    data = load_spec(source).data
    before = dump_spec(data)
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=(80, 40)) as pilot:
        picker = app.form.query_one("#service-levels", ListEditor).rows[1].query(DurationPicker)[0]
        picker.focus_target()
        await pilot.press("shift+home", *"12")  # e-mail: 24 hours -> 12 hours
    after = dump_spec(data)
    changed = [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0) if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed == ["-      first_response: 24 hours", "+      first_response: 12 hours"]


async def test_keys_typed_fast_after_enter_reach_the_next_field():
    """A terminal delivers "Ana⏎ana@kava.hr⏎" in one burst: the keys after Enter belong to
    the next field (or the next item of a list), not to the one Enter left."""
    data = spec()
    app = FormHarness(BasicsForm, data)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        burst(app, "T", "enter", "K", "enter", "A")
        await pilot.pause()
        await pilot.pause()
        assert (data.get("title"), data.get("company"), data.get("owner")) == ("T", "K", "A")

    data = spec(standards={"always": ["greet"]})
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=(80, 40)) as pilot:
        app.form.query_one("#always", ListEditor).rows[0].focus_target()
        await pilot.press("end")
        burst(app, "enter", "a")
        await pilot.pause()
        burst(app, "enter", "b")
        await pilot.pause()
        assert data["standards"]["always"] == ["greet", "a", "b"]
        # Enter on the empty item at the end leaves the list for the next field
        await pilot.press("enter")
        await pilot.pause()
        editor = app.form.query_one("#always", ListEditor)
        assert len(editor.rows) == 4 and editor.rows[-1].item == ""
        await pilot.press("enter")
        await pilot.pause()
        assert len(editor.rows) == 4 and app.form.query_one("#never", ListEditor).query_one(".list-add").has_focus


async def test_alt_letters_reach_the_screen_from_every_kind_of_field():
    """alt+n / alt+b (next / back) pressed in a prose field or a one-line field run the
    screen's commands and type nothing. A terminal sends them as ESC + letter, which
    Textual reports with the letter as its character: sent here exactly so."""
    from textual import events
    from textual.binding import Binding

    from tests.app.forms_harness import FormHarness
    from wizard.app.steps.purpose import PurposeForm

    class Harness(FormHarness):
        BINDINGS = [Binding("alt+n", "record('next')"), Binding("alt+b", "record('back')")]
        pressed: list = []

        def action_record(self, what: str) -> None:
            self.pressed.append(what)

    cases = [
        (PurposeForm, spec(purpose={"intent": "Help", "applies_to": "Staff"})),
        (BasicsForm, spec(title="Policy", company="Kava", owner="Ana", contact="ana@kava.hr")),
    ]
    for form_class, data in cases:
        before = copy.deepcopy(data)
        app = Harness(form_class, data)
        app.pressed = []
        async with app.run_test(size=(120, 36)) as pilot:
            fields = app.form.query(TextField)
            for field in fields:
                field.focus_target()
                await pilot.pause()
                for key in ("alt+n", "alt+b"):
                    app.post_message(events.Key(key, key[-1]))
                    await pilot.pause()
            assert app.pressed == ["next", "back"] * len(fields)
            assert app.changes == []
            assert data == before


def checklist_lines(app, checklist) -> list[str]:
    region = checklist.content_region
    strips = app.screen._compositor.render_strips()
    return [
        "".join(segment.text for segment in strips[y])[region.x : region.right].rstrip()
        for y in range(region.y, region.bottom)
    ]


async def test_channel_ticks_are_plain_to_see_and_space_or_enter_saves_them():
    data = spec(purpose={"intent": "Why.", "applies_to": "All staff."})
    app = FormHarness(PurposeForm, data)
    async with app.run_test(size=(80, 40)) as pilot:
        app.form.query(TextField).first().focus_target()
        await pilot.press("tab", "tab")  # from the purpose to the channels
        checklist = app.form.query_one(SelectionList)
        assert app.focused is checklist
        await pilot.press("space")  # the first channel: phone
        await pilot.press("down", "down", "enter")  # live chat
        await pilot.pause()
        assert data["purpose"]["channels"] == ["phone", "live_chat"]
        lines = checklist_lines(app, checklist)
        assert lines[0].startswith("[x] Phone"), lines
        assert lines[1].startswith("[ ] Email"), lines
        assert lines[2].startswith("[x] Live chat"), lines
        await pilot.press("space")  # unticked again
        await pilot.pause()
        assert data["purpose"]["channels"] == ["phone"]
        assert checklist_lines(app, checklist)[2].startswith("[ ] Live chat")


async def test_typing_in_a_prose_field_goes_on_after_its_text():
    """Tab into a filled prose field, type: the words go after the text, not before it."""
    data = spec(purpose={"intent": "We help.", "applies_to": "All staff."})
    app = FormHarness(PurposeForm, data)
    async with app.run_test(size=(80, 40)) as pilot:
        app.form.query(TextField).first().focus_target()
        await pilot.press(*" Always.", "tab", *" And partners.")
        await pilot.pause()
        assert data["purpose"] == {"intent": "We help. Always.", "applies_to": "All staff. And partners."}
