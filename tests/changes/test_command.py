"""`policy-wizard changes OLD NEW` as a user runs it: a real process, real files, a real git
repository; its output, its one-line errors and its exit codes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "examples" / "northwind-en.yaml"


def run(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    result = subprocess.run([sys.executable, "-m", "wizard", *args], capture_output=True, text=True,
                            env=environment, cwd=cwd, timeout=60)
    # as the reader sees it: a no-break space (a number and its unit) looks like any other space
    result.stdout = result.stdout.replace("\u00a0", " ")
    return result


def faster_email(source: Path, target: Path) -> Path:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["standards"]["service_levels"][1]["first_response"] = "12 hours"
    data["values"] = data["values"][:1]
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def test_changes_between_two_files_exit_0(tmp_path: Path) -> None:
    new = faster_email(EXAMPLE, tmp_path / "new.yaml")
    result = run("changes", str(EXAMPLE), str(new), "--lang", "hr", "--format", "txt")
    assert result.returncode == 0, result.stderr
    assert "E-pošta: prvi odgovor sada u roku od 12 sati (dosad u roku od 24 sata)." in result.stdout
    assert "Uklonjena vrijednost: Respect." in result.stdout


def test_no_changes_exit_1() -> None:
    result = run("changes", str(EXAMPLE), str(EXAMPLE))
    assert result.returncode == 1
    assert "No changes." in result.stdout


def test_html_to_a_file(tmp_path: Path) -> None:
    new = faster_email(EXAMPLE, tmp_path / "new.yaml")
    target = tmp_path / "notice.html"
    result = run("changes", str(EXAMPLE), str(new), "--lang", "zh", "--format", "html", "-o", str(target))
    assert result.returncode == 0, result.stderr
    page = target.read_text(encoding="utf-8")
    assert '<html lang="zh-Hans">' in page
    assert "电子邮件：首次响应时限改为12小时内（原为24小时内）。" in page


def test_public_audience_leaves_out_internal_changes(tmp_path: Path) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["escalation"][1]["role"] = "Team lead"
    new = tmp_path / "new.yaml"
    new.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert run("changes", str(EXAMPLE), str(new)).returncode == 0
    public = run("changes", str(EXAMPLE), str(new), "--audience", "public", "--lang", "tr")
    assert public.returncode == 1, public.stdout
    assert "Değişiklik yok." in public.stdout


def test_a_bad_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nlanguage: en\nmisison: x\n", encoding="utf-8")
    result = run("changes", str(EXAMPLE), str(bad))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"{bad}:3: unknown key 'misison' (did you mean 'mission'?)"]
    missing = run("changes", str(tmp_path / "nowhere.yaml"), str(EXAMPLE))
    assert missing.returncode == 2 and len(missing.stderr.strip().splitlines()) == 1
    assert "Traceback" not in missing.stderr


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "Ana", "GIT_AUTHOR_EMAIL": "ana@example.com",
                        "GIT_COMMITTER_NAME": "Ana", "GIT_COMMITTER_EMAIL": "ana@example.com"})


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_previous_commit_from_git(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "policies").mkdir(parents=True)
    git("init", "-q", cwd=repo)
    policy = repo / "policies" / "p.yaml"
    shutil.copy(EXAMPLE, policy)
    git("add", "p.yaml", cwd=repo / "policies")
    git("commit", "-q", "-m", "first", cwd=repo)
    git("tag", "v1.2", cwd=repo)
    faster_email(policy, policy)
    git("commit", "-q", "-am", "faster e-mail", cwd=repo)

    # from the file's folder, as the README shows
    here = run("changes", "HEAD~1:p.yaml", "p.yaml", cwd=repo / "policies")
    assert here.returncode == 0, here.stderr
    assert "Email: first response now within 12 hours (was within 24 hours)." in here.stdout
    # from elsewhere, with a path into the repository and a tag
    elsewhere = run("changes", f"v1.2:{policy}", str(policy), "--lang", "tr", cwd=tmp_path)
    assert elsewhere.returncode == 0, elsewhere.stderr
    assert "E-posta: ilk yanıt artık 12 saat içinde (önceden 24 saat içinde)." in elsewhere.stdout
    same = run("changes", "HEAD:p.yaml", "p.yaml", cwd=repo / "policies")
    assert same.returncode == 1, same.stdout

    unknown = run("changes", "v9:p.yaml", "p.yaml", cwd=repo / "policies")
    assert unknown.returncode == 2
    assert len(unknown.stderr.strip().splitlines()) == 1
    assert unknown.stderr.startswith("v9:p.yaml: git cannot show this version:"), unknown.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_outside_a_repository_says_so_in_one_line(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "p.yaml")
    result = run("changes", "HEAD~1:p.yaml", "p.yaml", cwd=tmp_path, env={"GIT_CEILING_DIRECTORIES": str(tmp_path.parent)})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"HEAD~1:p.yaml: {tmp_path.resolve()} is not inside a git repository"]


def test_without_git_says_so_in_one_line(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "p.yaml")
    empty = tmp_path / "bin"
    empty.mkdir()
    result = run("changes", "HEAD~1:p.yaml", "p.yaml", "--ui-lang", "hr", cwd=tmp_path, env={"PATH": str(empty)})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "HEAD~1:p.yaml: git nije instaliran pa se verzija iz gita ne može pročitati"]


def test_changes_does_not_import_textual(tmp_path: Path) -> None:
    """The comparison is UI-free: the command starts as fast as `render`."""
    new = faster_email(EXAMPLE, tmp_path / "new.yaml")
    code = ("import sys, runpy; sys.argv=['wizard','changes',%r,%r,'--lang','hr'];"
            "\ntry:\n    runpy.run_module('wizard', run_name='__main__')\nexcept SystemExit: pass\n"
            "print('TEXTUAL' if any(m.startswith('textual') for m in sys.modules) else 'CLEAN', file=sys.stderr)"
            % (str(EXAMPLE), str(new)))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert result.stderr.strip().endswith("CLEAN"), result.stderr
