"""Long lists open with their first rows and get the others right after: nothing is lost or
out of order meanwhile, and every row, finding and translation counts once they are there."""

from __future__ import annotations

from textual.widgets import Input

from tests.app.forms_harness import FormHarness
from tests.app.conftest import wait_background
from wizard.app.steps.definitions import DefinitionsForm
from wizard.app.widgets.list_editor import EAGER_ROWS, ListEditor, ListRow
from wizard.app.widgets.text_field import TextField

SIZE = (80, 24)
COUNT = EAGER_ROWS * 3 + 1


def terms() -> list[dict]:
    return [{"term": f"Term {number}", "meaning": f"Meaning {number}"} for number in range(1, COUNT + 1)]


def spec(**extra) -> dict:
    data = {"schema_version": 1, "language": "en"}
    data.update(extra)
    return data


def first_line(row: ListRow) -> str:
    """The row's first line as it draws it: its number and its move/remove links."""
    return str(row.render())


async def all_rows(pilot) -> list[ListRow]:
    await pilot.pause()
    await wait_background(pilot.app)
    await pilot.pause()
    return list(pilot.app.form.query_one(ListEditor).rows)


async def test_every_row_arrives_in_order_with_its_number():
    data = spec(definitions=terms())
    app = FormHarness(DefinitionsForm, data)
    async with app.run_test(size=SIZE) as pilot:
        rows = await all_rows(pilot)
        assert len(rows) == COUNT
        shown = [row.query(TextField).first().shown for row in rows]
        assert shown == [f"Term {number}" for number in range(1, COUNT + 1)]
        assert [first_line(row).split()[0] for row in rows][-1] == f"{COUNT}."
        assert app.changes == []  # opening a list changes nothing


async def test_typing_at_once_keeps_the_rows_still_coming():
    """Keys typed into the first item while the rest of the list is being mounted: the
    list reported keeps every item, in order."""
    data = spec(definitions=terms())
    app = FormHarness(DefinitionsForm, data)
    async with app.run_test(size=SIZE) as pilot:
        first = app.form.query(Input).first()
        first.focus()
        await pilot.press("end", "!")
        await all_rows(pilot)
        assert data["definitions"][0]["term"] == "Term 1!"
        assert [item["term"] for item in data["definitions"][1:]] == [f"Term {n}" for n in range(2, COUNT + 1)]


async def test_findings_and_focus_reach_an_item_far_down():
    from wizard.check import Finding

    data = spec(definitions=terms())
    app = FormHarness(DefinitionsForm, data)
    last = COUNT - 1
    async with app.run_test(size=SIZE) as pilot:
        finding = Finding("vague-time", "warning", ("definitions", last, "meaning"), "Say how long.", "")
        app.form.show_findings([finding])  # possibly before that row is there
        app.form.focus_path(("definitions", last, "meaning"))
        rows = await all_rows(pilot)
        row = rows[last]
        assert "Say how long." in row.query_one(".field-findings").text
        assert app.focused is not None and row in app.focused.ancestors
        # and not also in the list's own findings line
        lines = app.form.query(".list-findings")
        assert not lines or "Say how long." not in lines.first().text


async def test_removing_a_level_at_once_renumbers_every_level():
    from wizard.app.steps.escalation import EscalationForm

    levels = [{"level": number, "role": f"Role {number}"} for number in range(1, 9)]
    data = spec(escalation=levels)
    app = FormHarness(EscalationForm, data)
    async with app.run_test(size=SIZE) as pilot:
        editor = app.form.query_one(ListEditor)
        await editor.delete(editor.rows[0])  # possibly before the last levels are mounted
        rows = await all_rows(pilot)
        assert [item["role"] for item in data["escalation"]] == [f"Role {n}" for n in range(2, 9)]
        assert [item["level"] for item in data["escalation"]] == list(range(1, 8))
        assert len(rows) == 7


async def test_lists_below_the_fold_get_their_rows_just_after_and_focus_still_reaches_them():
    """On a 24-line screen the commitments fill what is shown: the metrics further down are
    composed without rows and get them right after, never saying "No metrics yet" about a
    list that has metrics, and a jump to one of them lands in its field."""
    from wizard.app.steps.standards import StandardsForm

    always = [f"answer within {number} hours" for number in range(1, 16)]
    never = [f"close case {number} unanswered" for number in range(1, 9)]
    metrics = [{"metric": "csat", "target": "90%"}, {"metric": "nps", "target": 40}, {"metric": "fcr", "target": 70}]
    data = spec(standards={"always": always, "never": never, "metrics": metrics})
    app = FormHarness(StandardsForm, data)
    async with app.run_test(size=SIZE) as pilot:
        metrics_list = app.form.query_one("#metrics", ListEditor)
        assert metrics_list.pending and not metrics_list.rows  # below the fold at first
        app.form.focus_path(("standards", "metrics", 2, "target"))
        await all_rows(pilot)
        assert [row.item["metric"] for row in metrics_list.rows] == ["csat", "nps", "fcr"]
        assert not metrics_list.query(".list-empty") or "No metrics yet" not in str(
            metrics_list.query_one(".list-empty").render())
        assert app.focused is not None and metrics_list.rows[2] in app.focused.ancestors
        assert app.changes == []
