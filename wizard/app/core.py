"""The app's one door to the core (spec, render, check, presets, storage).

Everything the screens need from the core goes through these functions, so a
change of a core signature is fixed in one place. Heavy modules are imported on
first use, never at `import wizard.app.app`.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from wizard.spec.model import LANGUAGES, SCHEMA_VERSION


@dataclass
class Loaded:
    """A spec file as opened: its data, its exact text (for fingerprints) and its path."""

    data: dict
    path: Path
    text: str
    fingerprint: Any = None


@dataclass
class PreviewSection:
    key: str
    heading: str
    markdown: str


@dataclass
class FileProblems(Exception):
    """A file that cannot be opened: each problem as `FILE:LINE: message`."""

    path: Path
    problems: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(self.problems)


def blank_spec(lang: str) -> dict:
    return {"schema_version": SCHEMA_VERSION, "language": lang if lang in LANGUAGES else "en"}


def load(path: Path) -> Loaded:
    """Open a spec file; raise FileProblems with every problem of a bad file."""
    try:
        from wizard.spec import SpecError, load_spec
    except ImportError:  # until the spec package is merged
        SpecError, load_spec = _FallbackError, _fallback_load
    path = Path(path)
    try:
        spec = load_spec(path)
    except SpecError as error:
        problems = [str(problem) for problem in error.problems] or [str(error)]
        raise FileProblems(path, problems) from None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeError) as error:  # the loader read it a moment ago
        raise FileProblems(path, [f"{path}: {error}"]) from None
    return Loaded(spec.data, path, text, file_fingerprint(path))


def dump(data: dict) -> str:
    try:
        from wizard.spec import dump_spec
    except ImportError:
        import yaml

        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88)
    return dump_spec(data)


def file_fingerprint(path: Path) -> Any:
    try:
        from wizard.storage import fingerprint
    except ImportError:
        try:
            stat = Path(path).stat()
        except OSError:
            return None
        return (stat.st_mtime_ns, stat.st_size)
    try:
        return fingerprint(path)
    except OSError:
        return None


def preview_sections(data: dict, lang: str) -> list[PreviewSection]:
    """The rendered document as Markdown, one entry per section (for the live preview)."""
    try:
        from wizard.render import build_document, section_markdown
    except ImportError:
        return _fallback_sections(data, lang)
    document = build_document(data, lang)
    return [PreviewSection(s.key, s.heading, section_markdown(s)) for s in document.sections]


def render_bytes(data: dict, lang: str, fmt: str, audience: str) -> bytes:
    from wizard.render import render

    result = render(data, lang, fmt, audience=audience)
    return result if isinstance(result, bytes) else result.encode("utf-8")


def findings(data: dict, langs: tuple[str, ...] = ()) -> list:
    """Quality findings of the spec, plus validation problems shown as errors."""
    try:
        from wizard.check import run_checks
    except ImportError:
        return []
    try:
        return list(run_checks(data, langs, today=date.today()))
    except Exception:  # a checker bug must never take the editor down
        return []


def validation_problems(data: dict) -> list:
    try:
        from wizard.spec import validate
    except ImportError:
        return []
    try:
        return list(validate(data))
    except Exception:
        return []


def snapshot(data: dict) -> dict:
    """A private copy of the spec for work in another thread."""
    return copy.deepcopy(data)


def presets() -> list:
    try:
        from wizard.presets import list_presets
    except ImportError:
        return []
    try:
        return list(list_presets())
    except Exception:
        return []


def preset_data(key: str, lang: str) -> dict:
    from wizard.presets import load_preset

    return load_preset(key, lang)


# --- Stand-ins used only while the core packages are not merged yet -----------------


class _FallbackError(Exception):
    problems: list = []


def _fallback_load(path: Path):
    import yaml

    class _Spec:
        pass

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeError, yaml.YAMLError) as error:
        raise FileProblems(Path(path), [f"{path}: {error}"]) from None
    if not isinstance(data, dict):
        raise FileProblems(Path(path), [f"{path}: not a policy spec"])
    spec = _Spec()
    spec.data = data
    return spec


def _fallback_sections(data: dict, lang: str) -> list[PreviewSection]:
    from wizard.spec.model import text_in

    source = data.get("language", "en")
    sections = [PreviewSection("title", "", "# " + (text_in(data.get("title"), lang, source) or "Customer Service Policy"))]
    for key in ("purpose", "definitions", "mission", "vision", "values", "standards", "procedures",
                "escalation", "training", "enforcement", "sections"):
        value = data.get(key)
        if not value:
            continue
        body = text_in(value, lang, source) if not isinstance(value, (list, dict)) or isinstance(value, dict) and source in value else None
        if body is None:
            import yaml

            body = "```\n" + yaml.safe_dump(value, allow_unicode=True, sort_keys=False) + "```"
        sections.append(PreviewSection(key, key, f"## {key}\n\n{body}"))
    return sections
