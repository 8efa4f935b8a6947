"""The `policy-wizard` command line.

Every command but `new`/`edit` (and no command at all, which opens the app) works
without Textual: `render`, `check`, `fmt`, `schema` and `presets` must start fast
and run in scripts and CI. Bad input ends in one line per problem on stderr and
exit code 2; nothing here prints a traceback for something the user got wrong.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Sequence

from wizard import i18n
from wizard.i18n import N_, Translator
from wizard.spec.model import LANGUAGES

_ = Translator("cli").gettext
ngettext = Translator("cli").ngettext

FORMATS = ("md", "html", "txt", "docx")
AUDIENCES = ("internal", "public")
EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2

# argparse's own words, so that usage and its errors speak the UI language too.
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)


class UsageError(Exception):
    """Bad input found after parsing (a missing file, a format that needs -o): one line, exit 2."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    i18n.set_ui_language(_ui_language_from(argv))
    _translate_argparse()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except UsageError as error:
        print(f"policy-wizard: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `policy-wizard render x | head`: the reader left; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except _spec_error() as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT


def _spec_error() -> type[Exception]:
    from wizard.spec import SpecError

    return SpecError


def _ui_language_from(argv: list[str]) -> str:
    """The UI language before the parser is built, so its help text is already translated."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--ui-lang", choices=LANGUAGES)
    known, _rest = early.parse_known_args(argv)
    return known.ui_lang or i18n.chosen_language()


def _translate_argparse() -> None:
    """Route argparse's own messages through our `cli` catalog."""
    translator = Translator("cli")
    argparse._ = translator.gettext  # type: ignore[attr-defined]
    argparse.ngettext = translator.ngettext  # type: ignore[attr-defined]


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--ui-lang",
        choices=LANGUAGES,
        metavar="{en,hr,zh,tr}",
        help=_("language of the program's messages (default: the one chosen in the app, else from LANGUAGE, LC_ALL, LC_MESSAGES or LANG, else English)"),
    )
    parser = argparse.ArgumentParser(
        prog="policy-wizard",
        parents=[common],
        description=_("Write a customer-service policy step by step, and render it in English, "
                      "Croatian, Chinese or Turkish. Without a command, the wizard opens."),
    )
    parser.set_defaults(run=_run_app_welcome)
    commands = parser.add_subparsers(title=_("commands"), metavar=_("COMMAND"))

    new = commands.add_parser("new", parents=[common], help=_("start a new policy in the wizard"),
                              description=_("Start a new policy, blank or from a preset."))
    new.add_argument("file", nargs="?", type=Path, metavar=_("FILE"), help=_("where to save the policy"))
    new.add_argument("--preset", metavar=_("PRESET"), help=_("start from a preset (see 'policy-wizard presets')"))
    new.add_argument("--lang", choices=LANGUAGES, help=_("the document language"))
    new.add_argument("--no-edit", action="store_true",
                     help=_("write the file and exit without opening the wizard"))
    new.set_defaults(run=_run_new)

    edit = commands.add_parser("edit", parents=[common], help=_("open a policy in the wizard"),
                               description=_("Open an existing policy in the wizard."))
    edit.add_argument("file", type=Path, metavar=_("FILE"), help=_("the policy file (YAML)"))
    edit.set_defaults(run=_run_edit)

    render = commands.add_parser("render", parents=[common], help=_("render a policy as a document"),
                                 description=_("Render a policy as Markdown, HTML, plain text or DOCX."))
    render.add_argument("file", type=Path, metavar=_("FILE"), help=_("the policy file (YAML)"))
    render.add_argument("--lang", choices=(*LANGUAGES, "all"),
                        help=_("document language, or 'all' for one file per language "
                               "(default: the policy's own language)"))
    render.add_argument("--format", choices=FORMATS, default="md", help=_("output format (default: md)"))
    render.add_argument("--audience", choices=AUDIENCES, default="internal",
                        help=_("'internal': the whole policy; 'public': a short customer charter"))
    render.add_argument("-o", "--output", type=Path, metavar=_("PATH"),
                        help=_("write to this file (a folder with --lang all) instead of the screen"))
    render.set_defaults(run=_run_render)

    check = commands.add_parser("check", parents=[common], help=_("check a policy for problems"),
                                description=_("Validate a policy and point out weak spots: vague "
                                              "promises, missing sections, untranslated text."))
    check.add_argument("file", type=Path, metavar=_("FILE"), help=_("the policy file (YAML)"))
    check.add_argument("--lang", choices=LANGUAGES, action="append", default=[],
                       help=_("also report text not yet translated into this language (repeatable)"))
    check.add_argument("--strict", action="store_true", help=_("exit with 1 on any finding, not only errors"))
    check.add_argument("--format", choices=("text", "json"), default="text", dest="output_format",
                       help=_("'text': one line per finding; 'json': for tools"))
    check.add_argument("-v", "--verbose", action="store_true", help=_("show how to fix each finding"))
    check.set_defaults(run=_run_check)

    fmt = commands.add_parser("fmt", parents=[common], help=_("rewrite a policy file in canonical form"),
                              description=_("Rewrite a policy file canonically: the contract's key "
                                            "order, readable letters, literal blocks."))
    fmt.add_argument("file", type=Path, metavar=_("FILE"), help=_("the policy file (YAML)"))
    fmt.add_argument("--check", action="store_true",
                     help=_("change nothing; exit with 1 if the file would be rewritten"))
    fmt.set_defaults(run=_run_fmt)

    preview = commands.add_parser("preview", parents=[common], help=_("show the rendered policy in the terminal"),
                                  description=_("Show the rendered policy in the terminal."))
    preview.add_argument("file", type=Path, metavar=_("FILE"), help=_("the policy file (YAML)"))
    preview.add_argument("--lang", choices=LANGUAGES, help=_("document language (default: the policy's own)"))
    preview.add_argument("--audience", choices=AUDIENCES, default="internal",
                         help=_("'internal': the whole policy; 'public': a short customer charter"))
    preview.set_defaults(run=_run_preview)

    schema = commands.add_parser("schema", parents=[common], help=_("print the JSON Schema of the policy format"),
                                 description=_("Print the JSON Schema of the policy file format, for "
                                               "editors such as the YAML language server."))
    schema.set_defaults(run=_run_schema)

    presets = commands.add_parser("presets", parents=[common], help=_("list the starter policies"),
                                  description=_("List the starter policies that 'new --preset' can use."))
    presets.set_defaults(run=_run_presets)
    return parser


# --- commands -----------------------------------------------------------------


def _run_render(args: argparse.Namespace) -> int:
    from wizard.render import render

    spec = _load(args.file)
    data = spec.data
    languages = list(LANGUAGES) if args.lang == "all" else [args.lang or data["language"]]
    if args.lang == "all":
        if args.output is None:
            raise UsageError(_("--lang all writes one file per language: name a folder with -o"))
        _make_folder(args.output)
        for lang in languages:
            target = args.output / f"{args.file.stem}.{lang}.{args.format}"
            _say_what_falls_back(data, lang)
            _write_output(target, render(data, lang, args.format, args.audience))
            print(_("Wrote %(path)s") % {"path": target})
        return EXIT_OK
    _say_what_falls_back(data, languages[0])
    output = render(data, languages[0], args.format, args.audience)
    if args.output is not None:
        _write_output(args.output, output)
    elif isinstance(output, bytes):
        raise UsageError(_("DOCX is a binary file: name where to write it with -o FILE.docx"))
    else:
        sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return EXIT_OK


def _say_what_falls_back(data: dict, lang: str) -> None:
    """On stderr: how many texts have no `lang` translation and are printed in the policy's
    own language instead (a reader would otherwise find them only by reading it)."""
    source = data.get("language", "en")
    if lang == source:
        return
    from wizard.check import run_checks

    count = sum(1 for finding in run_checks(data, langs=[lang]) if finding.code == "untranslated")
    if count:
        print(ngettext(
            "%(count)d text has no %(language)s translation: it is printed in %(source)s.",
            "%(count)d texts have no %(language)s translation: they are printed in %(source)s.",
            count,
        ) % {"count": count, "language": i18n.language_name(lang), "source": i18n.language_name(source)}, file=sys.stderr)


def _run_check(args: argparse.Namespace) -> int:
    from wizard.check import run_checks

    from wizard.check.dismissals import dismissals, without_dismissed

    spec = _load(args.file)
    findings = run_checks(spec.data, langs=[lang for lang in args.lang if lang != spec.data["language"]])
    findings = without_dismissed(findings, dismissals(spec.comments))  # `# check: ignore CODE` in the file
    name = str(args.file)
    if args.output_format == "json":
        rows = [
            {"file": name, "line": _finding_line(spec, f.path), "path": list(f.path), "code": f.code,
             "severity": f.severity, "message": f.message, "hint": f.hint}
            for f in findings
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            line = _finding_line(spec, finding.path)
            where = f"{name}:{line}" if line else name
            print(f"{where}: {finding.code} {finding.message}")
            if args.verbose and finding.hint:
                print(f"    {finding.hint}")
    if any(f.severity == "error" for f in findings) or (args.strict and findings):
        return EXIT_FINDINGS
    return EXIT_OK


def _run_fmt(args: argparse.Namespace) -> int:
    from wizard.spec import dump_spec

    spec = _load(args.file)
    canonical = dump_spec(spec.data, comments=spec.comments)
    current = args.file.read_bytes()
    if current == canonical.encode("utf-8"):
        return EXIT_OK
    if args.check:
        print(_("%(path)s would be rewritten") % {"path": args.file})
        return EXIT_FINDINGS
    _save(args.file, canonical)
    print(_("Rewrote %(path)s") % {"path": args.file})
    return EXIT_OK


def _run_preview(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.markdown import Markdown

    from wizard.render import render

    spec = _load(args.file)
    markdown = render(spec.data, args.lang or spec.data["language"], "md", args.audience)
    console = Console()
    document = Markdown(markdown)
    height = len(console.render_lines(document, console.options, pad=False))
    if console.is_terminal and height > console.height:
        os.environ.setdefault("LESS", f"-R -Ps{_less_prompt()}$")
        with console.pager(styles=True):
            console.print(document)
    else:
        console.print(document)
    return EXIT_OK


def _less_prompt() -> str:
    """The pager's bottom line in the UI language (a bare ":" told nobody how to quit), with
    the characters that less's prompts treat specially escaped."""
    text = _("Space: next page, b: back, /: search, q: quit")
    return "".join("\\" + c if c in "?:.%\\$" else c for c in text)


def _run_schema(args: argparse.Namespace) -> int:
    from wizard.spec import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _run_presets(args: argparse.Namespace) -> int:
    from wizard.presets import list_presets

    presets = list_presets()
    width = max(len(p.key) for p in presets)
    for preset in presets:
        line = _("%(name)s: %(description)s") % {"name": preset.name, "description": preset.description}
        print(f"{preset.key.ljust(width)}  {line}")
    return EXIT_OK


def _run_new(args: argparse.Namespace) -> int:
    lang = args.lang or i18n.ui_language()
    data = _starting_data(args.preset, lang)  # validates the preset before any screen opens
    if args.no_edit:
        if args.file is None:
            raise UsageError(_("--no-edit needs a FILE to write the new policy to"))
        if args.file.exists():
            raise UsageError(_("%(path)s already exists: choose another name, or open it with "
                               "'policy-wizard edit %(path)s'") % {"path": args.file})
        from wizard.spec import dump_spec

        _save(args.file, dump_spec(data))
        print(_("Created %(path)s") % {"path": args.file})
        return EXIT_OK
    from wizard.app.app import run_app

    return run_app(mode="new", path=args.file, preset=args.preset, lang=lang, ui_lang=i18n.ui_language())


def _run_edit(args: argparse.Namespace) -> int:
    if not args.file.exists():
        raise UsageError(_("%(path)s: no such file (to start a new policy there: "
                           "'policy-wizard new %(path)s')") % {"path": args.file})
    if args.file.is_dir():
        raise UsageError(_("%(path)s: is a folder, not a policy file") % {"path": args.file})
    from wizard.app.app import run_app

    return run_app(mode="edit", path=args.file, ui_lang=i18n.ui_language())


def _run_app_welcome(args: argparse.Namespace) -> int:
    from wizard.app.app import run_app

    return run_app(ui_lang=i18n.ui_language())


# --- helpers ------------------------------------------------------------------


def _starting_data(preset: str | None, lang: str) -> dict:
    if preset is None:
        return {"schema_version": 1, "language": lang}
    from wizard.presets import list_presets, load_preset

    keys = [p.key for p in list_presets()]
    if preset not in keys:
        raise UsageError(_("unknown preset '%(name)s' (choose from %(choices)s)")
                         % {"name": preset, "choices": ", ".join(keys)})
    return load_preset(preset, lang)


def _finding_line(spec, path: tuple) -> int | None:
    """The line a finding concerns; none for a section that is missing altogether, since
    pointing at line 1 would send the reader to the wrong place."""
    if not path or path[0] not in spec.data:
        return None
    return spec.line_of(tuple(path))


def _load(path: Path):
    from wizard.spec import load_spec

    return load_spec(path)


def _save(path: Path, text: str) -> None:
    from wizard.storage import SaveError, save_text

    try:
        save_text(path, text)
    except SaveError as error:
        raise UsageError(str(error)) from None


def _make_folder(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(_("%(path)s: cannot create the folder (%(reason)s)")
                         % {"path": path, "reason": error.strerror or error}) from None


def _write_output(path: Path, content: str | bytes) -> None:
    try:
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content if content.endswith("\n") else content + "\n", encoding="utf-8")
    except OSError as error:
        raise UsageError(_("%(path)s: cannot write the file (%(reason)s)")
                         % {"path": path, "reason": error.strerror or error}) from None
