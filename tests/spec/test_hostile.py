"""A corpus of hostile files (tests/spec/hostile/), each with the exact messages it must produce
(tests/spec/hostile/expected.txt), plus hostile inputs that are made on the fly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wizard.spec import SpecError, load_spec

HOSTILE = Path(__file__).parent / "hostile"


def expected_messages() -> dict[str, list[str]]:
    expected: dict[str, list[str]] = {}
    for line in (HOSTILE / "expected.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name = line.split(":", 1)[0]
            expected.setdefault(name, []).append(line)
    return expected


CORPUS = sorted(path.name for path in HOSTILE.glob("*.yaml"))


def test_the_corpus_is_large_and_every_file_has_its_messages():
    assert len(CORPUS) >= 25
    assert sorted(expected_messages()) == CORPUS


@pytest.mark.parametrize("name", CORPUS)
def test_hostile_file_gives_its_messages(name, monkeypatch):
    monkeypatch.chdir(HOSTILE)
    with pytest.raises(SpecError) as caught:
        load_spec(name)
    printed = str(caught.value).splitlines()
    assert printed == expected_messages()[name]
    for problem in caught.value.problems:
        assert str(problem).startswith(f"{name}:")
        assert "\n" not in str(problem)
        assert str(problem).isprintable(), "a message must never carry a control or invisible character"
        assert len(problem.message) < 400, "a long quote must be cut"
        assert "Traceback" not in str(problem) and "yaml." not in str(problem)


def test_many_problems_are_capped_with_a_count():
    with pytest.raises(SpecError) as caught:
        load_spec(HOSTILE / "many-problems.yaml")
    problems = caught.value.problems
    assert len(problems) == 51
    assert str(problems[-1]).endswith("many-problems.yaml: 10 more problems not shown")


def test_missing_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SpecError) as caught:
        load_spec("policy.yaml")
    assert str(caught.value) == "policy.yaml: file not found"


def test_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "policies").mkdir()
    with pytest.raises(SpecError) as caught:
        load_spec("policies")
    assert str(caught.value) == "policies: this is a folder, not a policy file"


def test_file_too_large(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "huge.yaml").write_text("schema_version: 1\nlanguage: en\nmission: " + "x" * 3_000_000)
    with pytest.raises(SpecError) as caught:
        load_spec("huge.yaml")
    assert str(caught.value) == ("huge.yaml: the file is too large (2.9 MB); a policy file may be at "
                                 "most 2 MB")
    from wizard import i18n

    i18n.set_ui_language("hr")
    with pytest.raises(SpecError) as caught:
        load_spec("huge.yaml")
    assert str(caught.value) == ("huge.yaml: datoteka je prevelika (2,9 MB): datoteka politike smije "
                                 "imati najviše 2 MB")


def test_huge_text_within_the_limit_loads(tmp_path):
    text = "We listen. " * 150_000  # 1.6 MB on one line
    path = tmp_path / "long.yaml"
    path.write_text(f"schema_version: 1\nlanguage: en\nmission: {text.strip()}\n")
    assert load_spec(path).data["mission"] == text.strip()


def test_many_values_within_the_limit_load(tmp_path):
    items = "".join(f"    - Commitment number {i}\n" for i in range(5000))
    path = tmp_path / "long-list.yaml"
    path.write_text(f"schema_version: 1\nlanguage: en\nstandards:\n  always:\n{items}")
    spec = load_spec(path)
    assert len(spec.data["standards"]["always"]) == 5000
    assert spec.line_of(("standards", "always", 4999)) == 5004


def test_too_many_values(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "flood.yaml").write_text("schema_version: 1\nlanguage: en\nx: [" + "a," * 250_000 + "]\n")
    with pytest.raises(SpecError) as caught:
        load_spec("flood.yaml")
    assert str(caught.value) == "flood.yaml:3: the file holds too many values (more than 200000)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "secret.yaml"
    path.write_text("schema_version: 1\nlanguage: en\n")
    path.chmod(0)
    with pytest.raises(SpecError) as caught:
        load_spec("secret.yaml")
    assert str(caught.value) == "secret.yaml: cannot read the file: Permission denied"


def test_deep_nesting_never_raises_recursion_error():
    from wizard.spec import loads_spec

    for text in ("a: " + "[" * 200_000, "a: " + "{a: " * 100_000, "".join(" " * i + "a:\n" for i in range(1500))):
        with pytest.raises(SpecError) as caught:
            loads_spec(text, "deep.yaml")
        assert "nested too deeply" in str(caught.value)


def test_python_tags_are_never_constructed(tmp_path):
    from wizard.spec import loads_spec

    marker = tmp_path / "pwned"
    text = ("schema_version: 1\nlanguage: en\n"
            f"mission: !!python/object/apply:os.system ['touch {marker}']\n"
            f"vision: !!python/object/new:pathlib.Path ['{marker}']\n")
    with pytest.raises(SpecError) as caught:
        loads_spec(text, "evil.yaml")
    assert not marker.exists()
    assert [p.line for p in caught.value.problems] == [3, 4]
    assert all("is not allowed" in p.message for p in caught.value.problems)


def test_symbolic_link_loop(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    os.symlink("second.yaml", "first.yaml")
    os.symlink("first.yaml", "second.yaml")
    with pytest.raises(SpecError) as caught:
        load_spec("first.yaml")
    assert str(caught.value) == ("first.yaml: this is a symbolic link that leads back to itself (a loop), "
                                 "not to a file")


def test_dangling_symbolic_link(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    os.symlink("moved-away.yaml", "policy.yaml")
    with pytest.raises(SpecError) as caught:
        load_spec("policy.yaml")
    assert str(caught.value) == "policy.yaml: this is a symbolic link to a file that does not exist"


def test_a_large_text_repeated_by_aliases_is_refused_at_the_second_alias():
    from wizard.spec import loads_spec

    text = ("schema_version: 1\nlanguage: en\nmission: &big " + "x" * 100_000 + "\nstandards:\n  always:\n"
            + "    - *big\n" * 1000)
    with pytest.raises(SpecError) as caught:
        loads_spec(text, "aliases.yaml")
    assert str(caught.value) == ("aliases.yaml:7: aliases repeat too much text (more than 100000 "
                                 "characters): write the text out instead")


def test_a_few_aliases_of_a_paragraph_still_load():
    from wizard.spec import loads_spec

    text = ("schema_version: 1\nlanguage: en\nmission: &text " + "We listen. " * 100 + "\nstandards:\n"
            "  always:\n" + "    - *text\n" * 20)
    assert len(loads_spec(text).data["standards"]["always"]) == 20


def test_a_two_megabyte_key_gives_a_short_line():
    from wizard.spec import loads_spec

    key = "k" * 2_000_000
    with pytest.raises(SpecError) as caught:
        loads_spec(f"schema_version: 1\nlanguage: en\n? {key}\n: x\n", "big-key.yaml")
    assert str(caught.value).startswith("big-key.yaml:3: unknown key '" + "k" * 60 + "…'; valid keys")


# Each problem libyaml's scanner, parser and reader can report, made by a small text; the message
# is always ours (the corpus above pins the exact wording of the common ones).
LIBYAML_PROBLEMS = [
    'a: !tag"x"\n', "%YAML1.1\n---\na: 1\n", "%1x\n---\na: 1\n", "%TAG x y\n---\na: 1\n", "a: !%zz 1\n",
    "a: !%ff 1\n", "a: !<x\n", "%YAML 1.111111111111\n---\na: 1\n", "a: & x\n", "a: *\n",
    "%YAML 1.1 x\n---\na: 1\n", "%TAG !a!\n---\na: 1\n", "a: !a!b c\n", "%YAML 1.\n---\n",
    "{a: 1\n", "[a\n", 'a: "x\n', "a: 'x\n", "a:\n  - b\n c: d\n", "a: b: c\n", "- a\nb: c\n",
    "a: @x\n", "---\na\n...\nb: c\n", "a: >-1x\n", "a: |0\n  x\n", 'a: "\\U00110000"\n', 'a: "\\xZZ"\n',
    'a: "\\q"\n', "%YAML 2.0\n---\na: 1\n", "%YAML 1.1\n%YAML 1.1\n---\na: 1\n", 'a: "x\n---\ny"\n',
    "{a: 1, :b}\n", "a:\n\t- b\n", "a: " + "[" * 2000,
]
LIBYAML_WORDS = ("did not find", "could not find", "found ", "while ", "expected <", "not allowed in this context",
                 "cannot start any token", "YAML cannot read this line")


@pytest.mark.parametrize("text", LIBYAML_PROBLEMS)
def test_no_libyaml_problem_reaches_the_user_in_its_own_words(text):
    from wizard.spec import loads_spec

    with pytest.raises(SpecError) as caught:
        loads_spec(text, "syntax.yaml")
    message = caught.value.problems[-1].message
    assert not any(words in message for words in LIBYAML_WORDS), message


def test_the_fallback_for_an_unknown_libyaml_problem_is_ours():
    from types import SimpleNamespace

    from wizard.spec.loader import _syntax_problem

    mark = SimpleNamespace(line=2, column=0)
    error = SimpleNamespace(problem="some future libyaml problem", context=None, problem_mark=mark)
    stop = _syntax_problem(error, "a: 1\nb: 2\nc\n")
    assert (stop.line, stop.message) == (3, "YAML cannot read this line: look for a misplaced quote, bracket "
                                            "or colon, or a wrong indentation")
    reader = SimpleNamespace(reason="invalid leading UTF-8 octet", position=3)
    assert _syntax_problem(reader, "").message == "the file holds bytes that are not text: save it as UTF-8 text"
