"""The `policy-wizard` command line.

Every command but `new`/`edit` (and no command at all, which opens the app) works
without Textual: `render`, `check`, `fmt`, `schema` and `presets` must start fast
and run in scripts and CI. Bad input ends in one line per problem on stderr and
exit code 2; nothing here prints a traceback for something the user got wrong.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
from pathlib import Path
from typing import Sequence

from wizard import i18n
from wizard.i18n import N_, Translator
from wizard.spec.model import LANGUAGES
from wizard.spec.problems import shown

_ = Translator("cli").gettext
ngettext = Translator("cli").ngettext

FORMATS = ("md", "html", "txt", "docx")
CHANGE_FORMATS = ("md", "txt", "html")
AUDIENCES = ("internal", "public")
PAPERS = ("a4", "letter")  # as wizard.render (not imported here: `--help` stays fast)
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


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help, with the colon after each section heading taken from the catalog:
    argparse always writes an ASCII ':', Chinese writes "位置参数：" with a full-width one."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._headings: set[str] = set()

    def start_section(self, heading: str | None) -> None:
        if heading:
            self._headings.add(heading)
        super().start_section(heading)

    def format_help(self) -> str:
        text = super().format_help()
        for heading in self._headings:
            text = text.replace(f"\n{heading}:\n", "\n" + _("%(heading)s:") % {"heading": heading} + "\n")
        return text

    # argparse measures text with len(); a Chinese character takes two terminal cells
    # ("-o 路径, --output 路径" is 4 cells wider than its len), so widths are counted in cells.

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            from wizard.render.formatting import cell_len

            header = self._format_action_invocation(action)
            self._action_max_length = max(self._action_max_length, cell_len(header) + self._current_indent)

    def _format_action(self, action: argparse.Action) -> str:
        from wizard.render.formatting import cell_len

        text = super()._format_action(action)
        start = " " * self._current_indent + self._format_action_invocation(action)
        wider = cell_len(start) - len(start)
        rest = text[len(start):]
        if not wider or not text.startswith(start) or not rest.startswith(" "):
            return text  # no wide characters, or the help already starts on the next line
        padding = len(rest) - len(rest.lstrip(" "))
        if padding - wider >= 2:
            return start + " " * (padding - wider) + rest[padding:]
        help_position = min(self._action_max_length + 2, self._max_help_position)
        return start + "\n" + " " * help_position + rest[padding:]

    def _split_lines(self, text: str, width: int) -> list[str]:
        from wizard.render.text import wrap

        return wrap(" ".join(text.split()), width)


class _Parser(argparse.ArgumentParser):
    """The parser of the command and of each subcommand (argparse makes subparsers of the same
    class), so every help page uses `_HelpFormatter`."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)


class UsageError(Exception):
    """Bad input found after parsing (a missing file, a format that needs -o): one line, exit 2."""


class OutputFailed(Exception):
    """Standard output cannot be written (a full disk, a closed stdout): one line, exit 2."""


class _GuardedOutput:
    """Standard output whose failures become `OutputFailed` (one line on stderr), not a
    traceback. A closed stdout (`>&-`) leaves Python with `sys.stdout = None`, where print()
    would say nothing at all and write() would raise AttributeError."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._guarded("write", text)

    def flush(self) -> None:
        self._guarded("flush")

    def _guarded(self, method: str, *args):
        if self._stream is None:
            raise OutputFailed(os.strerror(errno.EBADF))
        try:
            return getattr(self._stream, method)(*args)
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as error:  # ValueError: the stream was closed
            raise OutputFailed(getattr(error, "strerror", None) or str(error)) from None

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    i18n.set_ui_language(_ui_language_from(argv))
    _translate_argparse()
    stdout = sys.stdout
    sys.stdout = _GuardedOutput(stdout)
    try:
        code = _run(argv)
        sys.stdout.flush()  # a full disk shows here, not in Python's own flush at exit
        return code
    except OutputFailed as error:
        _silence_stdout()
        print("policy-wizard: " + _("cannot write to standard output (%(reason)s)")
              % {"reason": error}, file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # `policy-wizard render x | head`: the reader left; that is not an error.
        _silence_stdout()
        return EXIT_OK
    finally:
        if isinstance(sys.stdout, _GuardedOutput):
            sys.stdout = stdout


def _run(argv: list[str]) -> int:
    """Parse the arguments and run the command; bad input ends in one line per problem."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as done:  # --help (printed) or a usage error: its code, after the flush
        return done.code if isinstance(done.code, int) else EXIT_BAD_INPUT
    try:
        return args.run(args)
    except UsageError as error:
        print(f"policy-wizard: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except _spec_error() as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that the text still waiting in its buffer
    does not fail again (with a traceback) when Python flushes it at exit."""
    sys.stdout = sys.__stdout__
    if sys.stdout is not None:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


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
    parser = _Parser(
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
    render.add_argument("--paper", choices=PAPERS, default="a4",
                        help=_("page size of DOCX and printed HTML (default: a4)"))
    render.add_argument("--force", action="store_true",
                        help=_("write even over a policy file (never done without it)"))
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

    importer = commands.add_parser(
        "import", parents=[common], help=_("turn a Word, Markdown, text or HTML document into a policy file"),
        description=_("Read the policy you already have (.docx, .md, .txt or .html) into a policy file, "
                      "and say where each part of it went."))
    importer.add_argument("file", type=Path, metavar=_("DOCUMENT"), help=_("the document to import"))
    importer.add_argument("-o", "--output", type=Path, metavar=_("FILE"),
                          help=_("the policy file to write (default: the document's name ending in .yaml)"))
    importer.add_argument("--lang", choices=LANGUAGES,
                          help=_("the document's language (default: recognised from the text)"))
    importer.add_argument("--force", action="store_true", help=_("replace the policy file if it exists"))
    importer.set_defaults(run=_run_import)

    changes = commands.add_parser("changes", parents=[common], help=_("say what changed between two versions of a policy"),
                                  description=_("Write a plain-language notice of what changed between two versions "
                                                "of a policy, section by section. OLD may be a version in git, written "
                                                "as git writes it: HEAD~1:policy.yaml. Exit code 0: there are changes; "
                                                "1: none; 2: bad input."))
    changes.add_argument("old", metavar=_("OLD"), help=_("the earlier version: a file, or REVISION:FILE from git"))
    changes.add_argument("new", metavar=_("NEW"), help=_("the later version: a file, or REVISION:FILE from git"))
    changes.add_argument("--lang", choices=LANGUAGES, help=_("language of the notice (default: the new version's own)"))
    changes.add_argument("--format", choices=CHANGE_FORMATS, default="md", help=_("output format (default: md)"))
    changes.add_argument("--audience", choices=AUDIENCES, default="internal",
                         help=_("'internal': every change, for staff; 'public': only what the customer charter contains"))
    changes.add_argument("-o", "--output", type=Path, metavar=_("PATH"), help=_("write to this file instead of the screen"))
    changes.add_argument("--force", action="store_true", help=_("write even over a policy file (never done without it)"))
    changes.set_defaults(run=_run_changes)

    schema = commands.add_parser("schema", parents=[common], help=_("print the JSON Schema of the policy format"),
                                 description=_("Print the JSON Schema of the policy file format, for "
                                               "editors such as the YAML language server."))
    schema.set_defaults(run=_run_schema)

    presets = commands.add_parser("presets", parents=[common], help=_("list the presets"),
                                  description=_("List the presets that 'new --preset' can use."))
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
        targets = {lang: args.output / f"{args.file.stem}.{lang}.{args.format}" for lang in languages}
        for target in targets.values():  # all refused or none, not one file in four
            _spare_policy(target, args.force, args.file)
        _make_folder(args.output)
        for lang, target in targets.items():
            _say_what_falls_back(data, lang)
            _write_output(target, render(data, lang, args.format, args.audience, args.paper))
            print(_("Wrote %(path)s") % {"path": _shown_path(target)})
        return EXIT_OK
    if args.output is not None:
        _spare_policy(args.output, args.force, args.file)
    _say_what_falls_back(data, languages[0])
    output = render(data, languages[0], args.format, args.audience, args.paper)
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
            where = f"{_shown_path(name)}:{line}" if line else _shown_path(name)
            print(f"{where}: {finding.code} {finding.message}")
            if args.verbose and finding.hint:
                print(f"    {finding.hint}")
    if any(f.severity == "error" for f in findings) or (args.strict and findings):
        return EXIT_FINDINGS
    return EXIT_OK


def _run_fmt(args: argparse.Namespace) -> int:
    """Rewrite the file canonically, saved like the app saves: never over a version written
    meanwhile (another fmt, an editor, the app), never silently over a read-only file or
    its other names."""
    from wizard.session import PolicySession
    from wizard.spec import dump_spec

    opened = PolicySession.open(args.file)
    canonical = dump_spec(opened.spec.data, comments=opened.spec.comments)
    if opened.session.holds(canonical):
        return EXIT_OK
    if args.check:
        print(_("%(path)s would be rewritten") % {"path": _shown_path(args.file)})
        return EXIT_FINDINGS
    result = _save(opened.session, canonical, _("%(path)s was changed while fmt was running, so nothing was "
                                                 "written: run fmt again."))
    if result.unchanged:
        return EXIT_OK  # someone else wrote the canonical form at the same moment
    shown = _shown_path(args.file)
    print(_("Rewrote %(path)s") % {"path": shown})
    if result.read_only:
        print(_("Note: %(path)s is read-only; fmt rewrote it all the same and left it read-only.")
              % {"path": shown})
    if result.links_broken:
        print(ngettext(
            "Note: %(path)s had %(count)d other name (a hard link); that one still shows the previous text.",
            "Note: %(path)s had %(count)d other names (hard links); they still show the previous text.",
            result.links_broken,
        ) % {"path": shown, "count": result.links_broken})
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


def _run_import(args: argparse.Namespace) -> int:
    from wizard.importer import ImportProblem, import_file
    from wizard.importer.report import report_lines
    from wizard.spec import dump_spec

    target = args.output or args.file.with_suffix(".yaml")
    if target.exists() and target.resolve() == args.file.resolve():
        raise UsageError(_("%(path)s: the policy file cannot replace the document it is read from: "
                           "name another file with -o") % {"path": _shown_path(target)})
    if target.exists() and not args.force:
        raise UsageError(_("%(path)s already exists: name another file with -o, or add --force to "
                           "replace it") % {"path": _shown_path(target)})
    try:
        imported = import_file(args.file, args.lang)
    except ImportProblem as problem:
        raise UsageError(f"{_shown_path(args.file)}: {problem}") from None
    from wizard.session import PolicySession

    _save(PolicySession(target), dump_spec(imported.spec),
          _("%(path)s already exists: name another file with -o, or add --force to replace it"),
          overwrite=args.force)
    for line in report_lines(imported, _shown_path(args.file), _shown_path(target), args.file.suffix.lower() == ".docx"):
        print(line)
    return EXIT_OK


def _run_changes(args: argparse.Namespace) -> int:
    from wizard.changes import compare, load_version, write_notice

    old, new = load_version(args.old), load_version(args.new)
    notice = compare(old.data, new.data, args.lang or new.data["language"], args.audience)
    output = write_notice(notice, args.format)
    if args.output is not None:
        _spare_policy(args.output, args.force, *(Path(version) for version in (args.old, args.new)))
        _write_output(args.output, output)
    else:
        sys.stdout.write(output)
    return EXIT_FINDINGS if notice.empty else EXIT_OK


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
        _refuse_broken_link(args.file)
        if args.file.exists():
            raise UsageError(_("%(path)s already exists: choose another name, or open it with "
                               "'policy-wizard edit %(path)s'") % {"path": _shown_path(args.file)})
        from wizard.session import PolicySession
        from wizard.spec import dump_spec

        _save(PolicySession(args.file), dump_spec(data), _("%(path)s already exists: choose another name, or open "
                                                          "it with 'policy-wizard edit %(path)s'"))
        print(_("Created %(path)s") % {"path": _shown_path(args.file)})
        return EXIT_OK
    return _launch(mode="new", path=args.file, preset=args.preset, lang=lang)


def _run_edit(args: argparse.Namespace) -> int:
    if not args.file.exists():
        _refuse_broken_link(args.file)
        raise UsageError(_("%(path)s: no such file (to start a new policy there: "
                           "'policy-wizard new %(path)s')") % {"path": _shown_path(args.file)})
    if args.file.is_dir():
        raise UsageError(_("%(path)s: is a folder, not a policy file") % {"path": _shown_path(args.file)})
    return _launch(mode="edit", path=args.file)


def _run_app_welcome(args: argparse.Namespace) -> int:
    return _launch()


def _launch(**options) -> int:
    """Start the app in the UI language chosen. Python's collector waits until the app's
    first screen is drawn (see wizard.app.memory): so it is held back before the app's
    modules, Textual's among them, are imported."""
    from wizard.app.memory import hold_collections_until_first_screen

    hold_collections_until_first_screen()
    from wizard.app.app import run_app

    return run_app(ui_lang=i18n.ui_language(), **options)


# --- helpers ------------------------------------------------------------------


def _starting_data(preset: str | None, lang: str) -> dict:
    if preset is None:
        return {"schema_version": 1, "language": lang}
    from wizard.presets import list_presets, load_preset

    keys = [p.key for p in list_presets()]
    if preset not in keys:
        raise UsageError(_("unknown preset '%(name)s' (choose from %(choices)s)")
                         % {"name": shown(preset), "choices": ", ".join(keys)})
    return load_preset(preset, lang)


def _finding_line(spec, path: tuple) -> int | None:
    """The line a finding concerns; none for a section that is missing altogether, since
    pointing at line 1 would send the reader to the wrong place."""
    if not path or path[0] not in spec.data:
        return None
    return spec.line_of(tuple(path))


def _refuse_broken_link(path: Path) -> None:
    """A symbolic link that leads nowhere (a loop, or a missing file) is named as such, as
    `check` does, instead of "no such file" or a failed save."""
    if path.is_symlink() and not path.exists():
        _load(path)


def _load(path: Path):
    from wizard.spec import load_spec

    return load_spec(path)


def _save(session, text: str, changed_meanwhile: str, overwrite: bool = False):
    """Save through the file's session (atomic, `.bak`, refused when the file changed since
    it was read, unless `overwrite`); a refusal or failure is one line for the user.
    `changed_meanwhile`: the message when the file changed (or appeared) since it was read,
    with `%(path)s`."""
    from wizard.session import FileGoneError
    from wizard.storage import ConflictError, SaveError

    try:
        return session.save_text(text, overwrite=overwrite)
    except FileGoneError:
        raise UsageError(_("%(path)s was deleted or moved meanwhile, so nothing was written.")
                         % {"path": _shown_path(session.path)}) from None
    except ConflictError:
        raise UsageError(changed_meanwhile % {"path": _shown_path(session.path)}) from None
    except SaveError as error:
        raise UsageError(str(error)) from None


def _make_folder(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(_("%(path)s: cannot create the folder (%(reason)s)")
                         % {"path": _shown_path(path), "reason": error.strerror or error}) from None


def _shown_path(path: Path | str) -> str:
    """A path as a message shows it: like the file's contents, a file's name (from a glob, say)
    must not write to the terminal."""
    return shown(path, limit=None)


def _spare_policy(target: Path, force: bool, *inputs: Path) -> None:
    """Refuse to write output over a policy (an input itself or any other) without --force:
    `render p.yaml -o p.yaml` would replace the policy with its own document, and so would a
    change notice written over one of the versions it compares."""
    if force or not target.exists() or not (any(_same_file(target, path) for path in inputs) or _is_policy(target)):
        return
    raise UsageError(_("%(path)s is a policy file, and writing there would replace it: name another "
                       "output file, or add --force to replace it") % {"path": _shown_path(target)})


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _is_policy(path: Path) -> bool:
    """Whether `path` holds a policy: it loads as one, or (with mistakes) it starts its lines
    with the `schema_version:` that every policy file has."""
    import re

    from wizard.spec import SpecError, load_spec

    try:
        load_spec(path)
        return True
    except SpecError:
        pass
    try:
        with path.open("rb") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return False
    return re.search(rb"(?m)^[\"']?schema_version[\"']?[ \t]*:", head) is not None


def _write_output(path: Path, content: str | bytes) -> None:
    try:
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content if content.endswith("\n") else content + "\n", encoding="utf-8")
    except OSError as error:
        raise UsageError(_("%(path)s: cannot write the file (%(reason)s)")
                         % {"path": _shown_path(path), "reason": error.strerror or error}) from None
