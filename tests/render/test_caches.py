"""The caches that keep a fresh process fast: Babel's values and the templates' bytecode."""

from __future__ import annotations

import json

from wizard.render import formatting, render


def _fresh_memo(monkeypatch) -> formatting._Memo:
    memo = formatting._Memo()
    monkeypatch.setattr(formatting, "_memo", memo)
    formatting._format_date.cache_clear()
    formatting._format_duration.cache_clear()
    formatting.format_number.cache_clear()
    formatting.format_percent.cache_clear()
    return memo


def test_babel_values_are_remembered_in_the_user_cache(monkeypatch, isolated_user):
    memo = _fresh_memo(monkeypatch)
    render({"schema_version": 1, "language": "hr", "effective_date": "2026-12-01"}, "hr", "md")
    path = memo.path()
    assert str(path).startswith(str(isolated_user))
    values = json.loads(path.read_text(encoding="utf-8"))
    assert values["date|hr|2026-12-01"] == "1. prosinca 2026."


def test_remembered_values_are_used(monkeypatch):
    memo = _fresh_memo(monkeypatch)
    memo.path().parent.mkdir(parents=True, exist_ok=True)
    memo.path().write_text(json.dumps({"date|tr|2026-12-01": "REMEMBERED"}), encoding="utf-8")
    assert formatting.format_date("2026-12-01", "tr") == "REMEMBERED"


def test_a_broken_cache_file_is_ignored(monkeypatch):
    memo = _fresh_memo(monkeypatch)
    memo.path().parent.mkdir(parents=True, exist_ok=True)
    memo.path().write_text("{not json", encoding="utf-8")
    assert formatting.format_date("2026-12-01", "zh") == "2026年12月1日"
    formatting.save_memo()
    assert json.loads(memo.path().read_text(encoding="utf-8")) == {"date|zh|2026-12-01": "2026年12月1日"}


def test_templates_are_compiled_once_into_the_user_cache(isolated_user):
    from wizard.render.engine import environment

    environment.cache_clear()
    try:
        render({"schema_version": 1, "language": "en", "mission": "m"}, "en", "html")
        cached = list((isolated_user / "cache").rglob("__jinja2_*.cache"))
        assert cached
    finally:
        environment.cache_clear()
