"""The command line as a user runs it: a real process, its output, its exit code."""

from __future__ import annotations

import json
import re
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "examples" / "northwind-en.yaml"
DRAFT = ROOT / "tests" / "examples" / "kava-hr-draft.yaml"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "80"}
    return subprocess.run([sys.executable, "-m", "wizard", *args], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=60)


def test_render_defaults_to_markdown_in_the_policy_language() -> None:
    result = run("render", str(EXAMPLE))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Customer Service Policy")
    assert "Northwind Goods Ltd." in result.stdout


def test_render_in_croatian_html_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "policy.html"
    result = run("render", str(EXAMPLE), "--lang", "hr", "--format", "html", "-o", str(target))
    assert result.returncode == 0, result.stderr
    page = target.read_text(encoding="utf-8")
    assert '<html lang="hr"' in page
    assert "Politika korisničke službe" in page


def test_render_all_languages_writes_one_file_each(tmp_path: Path) -> None:
    result = run("render", str(EXAMPLE), "--lang", "all", "--format", "txt", "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == [f"northwind-en.{lang}.txt" for lang in ("en", "hr", "tr", "zh")]


def test_docx_needs_an_output_file() -> None:
    result = run("render", str(EXAMPLE), "--format", "docx")
    assert result.returncode == 2
    assert "-o" in result.stderr and "Traceback" not in result.stderr


def test_docx_is_written(tmp_path: Path) -> None:
    target = tmp_path / "policy.docx"
    assert run("render", str(EXAMPLE), "--format", "docx", "-o", str(target)).returncode == 0
    assert target.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize("paper, width", [(None, b'w:w="11906"'), ("letter", b'w:w="12240"'), ("a4", b'w:w="11906"')])
def test_docx_paper_size(tmp_path: Path, paper: str | None, width: bytes) -> None:
    import zipfile

    target = tmp_path / "policy.docx"
    extra = ["--paper", paper] if paper else []
    assert run("render", str(EXAMPLE), "--format", "docx", *extra, "-o", str(target)).returncode == 0
    with zipfile.ZipFile(target) as archive:
        assert b"<w:pgSz " + width in archive.read("word/document.xml")


def test_unknown_paper_is_a_usage_error(tmp_path: Path) -> None:
    result = run("render", str(EXAMPLE), "--format", "docx", "--paper", "a3", "-o", str(tmp_path / "x.docx"))
    assert result.returncode == 2 and "--paper" in result.stderr and "Traceback" not in result.stderr


def test_bad_file_gives_one_line_per_problem_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "policy.yaml"
    bad.write_text("schema_version: 1\nlanguage: en\nmisison: Hello\n", encoding="utf-8")
    result = run("render", str(bad))
    assert result.returncode == 2
    assert result.stderr.strip() == f"{bad}:3: unknown key 'misison' (did you mean 'mission'?)"


def test_missing_file_is_a_clear_message() -> None:
    result = run("check", "no-such-policy.yaml")
    assert result.returncode == 2
    assert "no-such-policy.yaml" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_messages_follow_the_ui_language(tmp_path: Path) -> None:
    result = run("--ui-lang", "hr", "render", str(EXAMPLE), "--format", "docx")
    assert result.returncode == 2
    assert "DOCX je binarna datoteka" in result.stderr


def test_check_reports_findings_with_lines_and_codes() -> None:
    result = run("check", str(EXAMPLE))
    lines = result.stdout.strip().splitlines()
    assert lines, "the example has vague promises to report"
    for line in lines:
        location, _, rest = line.partition(": ")
        assert location.startswith(str(EXAMPLE) + ":"), line
        assert rest.split(" ")[0].replace("-", "").isalpha(), line
    assert any("vague" in line for line in lines)


def test_check_json_and_strict_exit_code() -> None:
    result = run("check", str(EXAMPLE), "--format", "json", "--strict")
    findings = json.loads(result.stdout)
    assert findings and {"file", "line", "code", "severity", "message", "hint"} <= set(findings[0])
    assert result.returncode == 1


def test_check_reports_untranslated_text_for_requested_language() -> None:
    result = run("check", str(EXAMPLE), "--lang", "hr", "--format", "json")
    untranslated = [f["path"] for f in json.loads(result.stdout) if f["code"] == "untranslated"]
    assert ["vision"] in untranslated
    assert ["mission"] not in untranslated


def test_fmt_check_then_rewrite(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text("language: en\nschema_version: 1\nmission: Serve well.\n", encoding="utf-8")
    assert run("fmt", str(policy), "--check").returncode == 1
    assert run("fmt", str(policy)).returncode == 0
    assert policy.read_text(encoding="utf-8").startswith("schema_version: 1\nlanguage: en\n")
    assert run("fmt", str(policy), "--check").returncode == 0


def test_schema_is_json() -> None:
    result = run("schema")
    schema = json.loads(result.stdout)
    assert "mission" in json.dumps(schema)


def test_presets_are_listed_in_the_ui_language() -> None:
    english = run("presets").stdout
    croatian = run("--ui-lang", "hr", "presets").stdout
    assert len(english.splitlines()) >= 4
    assert english != croatian


def test_new_from_preset_without_editing(tmp_path: Path) -> None:
    target = tmp_path / "policy.yaml"
    key = run("presets").stdout.split()[0]
    result = run("new", str(target), "--preset", key, "--lang", "tr", "--no-edit")
    assert result.returncode == 0, result.stderr
    assert "language: tr" in target.read_text(encoding="utf-8")
    assert run("check", str(target)).returncode == 0
    again = run("new", str(target), "--preset", key, "--no-edit")
    assert again.returncode == 2 and "already exists" in again.stderr


def test_render_does_not_import_textual() -> None:
    code = ("import sys, runpy; sys.argv=['wizard','render',%r,'--lang','hr'];"
            "\ntry:\n    runpy.run_module('wizard', run_name='__main__')\nexcept SystemExit: pass\n"
            "print('TEXTUAL' if any(m.startswith('textual') for m in sys.modules) else 'CLEAN', file=sys.stderr)"
            % str(EXAMPLE))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert result.stderr.strip().endswith("CLEAN"), result.stderr


@pytest.mark.parametrize("command", ["render", "check", "fmt", "preview"])
def test_folder_is_not_a_policy(command: str, tmp_path: Path) -> None:
    result = run(command, str(tmp_path))
    assert result.returncode == 2
    assert str(tmp_path) in result.stderr and "Traceback" not in result.stderr


def test_fmt_keeps_comments_such_as_the_schema_line(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text("# yaml-language-server: $schema=./policy.schema.json\nlanguage: en\n"
                      "schema_version: 1\n", encoding="utf-8")
    assert run("fmt", str(policy)).returncode == 0
    assert policy.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=./policy.schema.json\n")


def test_closed_pipe_is_not_an_error() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(f"{sys.executable} -m wizard schema | head -1", shell=True, capture_output=True,
                            text=True, env=env, timeout=60)
    assert result.stdout.strip() == "{"
    assert "Traceback" not in result.stderr


def test_chinese_help_headings_end_in_a_full_width_colon() -> None:
    main_help = run("--ui-lang", "zh", "--help").stdout
    render_help = run("--ui-lang", "zh", "render", "--help").stdout
    assert "\n命令：\n" in main_help and "\n选项：\n" in main_help
    assert "\n位置参数：\n" in render_help and "位置参数:" not in render_help
    assert "\npositional arguments:\n" in run("render", "--help").stdout


def test_chinese_help_is_laid_out_in_terminal_cells() -> None:
    """Chinese characters take two cells: the help column stays aligned and within 80 cells."""
    from wizard.render.formatting import cell_len

    lines = run("--ui-lang", "zh", "render", "--help").stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    options = lines[lines.index("位置参数："):]
    # where the help text starts: after the option and a gap of two spaces or more
    gaps = (re.match(r"^\s+\S.*?\s{2,}(?=\S)", line) for line in options if line.startswith("  "))
    starts = {cell_len(gap.group(0)) for gap in gaps if gap}
    assert len(starts) == 1, starts
