"""Rules of the code base that a reader cannot see from one file alone.

A name that starts with an underscore is private to its package: another package that uses it
depends on details its owner may change at any time without looking outside. What one package
offers the others is a public, documented name (as `wizard.render.build.Words` is for the
importer and the change notice).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "wizard"


def _module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _package_of(module: str) -> str:
    """wizard.render.build -> wizard.render; a top-level module (wizard.cli) is its own package."""
    return ".".join(module.split(".")[:2])


def _is_private(name: str) -> bool:
    """`_x` but neither `__x__` nor gettext's `_`."""
    return name.startswith("_") and name != "_" and not name.startswith("__")


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def private_uses_across_packages(path: Path, root: Path = ROOT) -> list[str]:
    """Each `from other.pkg import _name` and `other_module._name` in one file of the wizard."""
    module = _module_name(path, root)
    own = _package_of(module)
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    modules: dict[str, str] = {}  # local name -> the wizard module it stands for
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            source = _absolute(node, module, path.name == "__init__.py")
            for alias in node.names:
                modules[alias.asname or alias.name] = f"{source}.{alias.name}"
                if source.startswith("wizard") and _package_of(source) != own and _is_private(alias.name):
                    found.append(f"{path.relative_to(root)}:{node.lineno}: from {source} import {alias.name}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                modules[alias.asname or alias.name] = alias.name if alias.asname else alias.name.split(".")[0]
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and _is_private(node.attr)
                and node.value.id in modules):
            target = modules[node.value.id]
            if target.startswith("wizard") and _package_of(target) != own:
                found.append(f"{path.relative_to(root)}:{node.lineno}: {node.value.id}.{node.attr}")
    return found


def test_no_package_uses_another_packages_private_names():
    found = [use for path in sorted(PACKAGE.rglob("*.py")) for use in private_uses_across_packages(path)]
    assert found == []


@pytest.mark.parametrize("source", [
    "from wizard.render.build import _Words\n",
    "from wizard.render import build\nbuild._Words('hr', 'hr')\n",
    "from ..render.build import _metric_name\n",
])
def test_the_rule_sees_each_way_of_reaching_a_private_name(tmp_path, source):
    folder = tmp_path / "wizard" / "changes"
    folder.mkdir(parents=True)
    (folder / "compare.py").write_text(source, encoding="utf-8")
    assert len(private_uses_across_packages(folder / "compare.py", tmp_path)) == 1


def test_the_rule_allows_a_private_name_inside_its_own_package(tmp_path):
    folder = tmp_path / "wizard" / "spec"
    folder.mkdir(parents=True)
    (folder / "dumper.py").write_text("from .loader import _read\nfrom wizard.app.ui import _\n", encoding="utf-8")
    assert private_uses_across_packages(folder / "dumper.py", tmp_path) == []
