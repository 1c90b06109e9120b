"""The layout's import rules (docs/architecture.md): the contracts in pyproject.toml catch
a wrong import, the PDF and the shared drawing code load no widgets, and the window's
modules import one another without cycles."""

from __future__ import annotations

import ast
import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

import compareapp.export
import compareapp.rendering

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
WIDGET_FREE = (compareapp.export, compareapp.rendering)


TOP = "Top-level packages import downward only"
CORE = "Core subpackages import downward only (facts and review beside each other)"
NO_QT = "The core knows nothing of Qt"


@pytest.mark.parametrize(
    ("module", "wrong_import", "contracts"),
    [
        ("core/text/normalize.py", "from compareapp.ui import settings", {TOP, NO_QT}),
        ("core/present/view_model.py", "from compareapp.rendering import palette", {TOP, NO_QT}),
        ("export/summary_page.py", "from compareapp.ui import settings", {TOP}),
        ("ui/settings.py", "from compareapp import cli", {TOP}),
        ("core/text/normalize.py", "from compareapp.core.align import links", {CORE}),
        ("core/diff/classify.py", "from compareapp.core.facts import fact_kind", {CORE}),
        ("core/facts/quotations.py", "from compareapp.core.review import marks", {CORE}),
    ],
)
def test_a_wrong_import_breaks_its_contract(
    tmp_path: Path, module: str, wrong_import: str, contracts: set[str]
) -> None:
    """Each contract is run on a copy of the package with one import pointing the wrong
    way; the copy as it is keeps every contract."""
    shutil.copytree(ROOT / "compareapp", tmp_path / "compareapp")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    environment = {**os.environ, "PYTHONPATH": str(tmp_path)}

    def lint() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(LINT_IMPORTS), "--no-cache"],
            cwd=tmp_path,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )

    clean = lint()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    target = tmp_path / "compareapp" / module
    target.write_text(target.read_text() + f"\n{wrong_import}  # noqa\n")

    broken = lint()

    assert broken.returncode != 0
    broken_contracts = {
        line.removesuffix(" BROKEN")
        for line in broken.stdout.splitlines()
        if line.endswith("BROKEN")
    }
    assert broken_contracts == contracts, broken.stdout


def _modules(package: object) -> list[str]:
    path = package.__path__  # type: ignore[attr-defined]
    name = package.__name__  # type: ignore[attr-defined]
    return [name, *(m.name for m in pkgutil.walk_packages(path, f"{name}."))]


@pytest.mark.parametrize("package", WIDGET_FREE, ids=lambda p: p.__name__)
def test_the_pdf_and_the_drawing_code_load_no_widgets(package: object) -> None:
    """import-linter sees PySide6 as one package, so QtWidgets is checked here: importing
    every module loads no QtWidgets, and no module names it, even inside a function."""
    modules = _modules(package)
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('PySide6.QtWidgets'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.strip() == ""
    folder = Path(package.__path__[0])  # type: ignore[attr-defined]
    named = [
        f"{path.name}:{node.lineno}"
        for path in sorted(folder.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.ImportFrom | ast.Import)
        and any("QtWidgets" in name for name in _imported_names(node))
    ]
    assert named == []


def _imported_names(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.ImportFrom):
        return [node.module or "", *(alias.name for alias in node.names)]
    return [alias.name for alias in node.names]


def test_the_window_modules_import_one_another_without_cycles() -> None:
    """Imports that run (at module level or inside a function; not those only for type
    checking) among compareapp.ui's modules form no cycle."""
    graph = grimp.build_graph("compareapp", exclude_type_checking_imports=True, cache_dir=None)
    modules = {"compareapp.ui", *graph.find_descendants("compareapp.ui")}
    edges = {
        module: sorted(graph.find_modules_directly_imported_by(module) & modules)
        for module in modules
    }
    assert _cycle(edges) == []


def _cycle(edges: dict[str, list[str]]) -> list[str]:
    """One cycle of the directed graph ``edges`` (as the modules along it), or []."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str]:
        state[module] = 1
        path.append(module)
        for imported in edges[module]:
            if state.get(imported) == 1:
                return [*path[path.index(imported) :], imported]
            if imported not in state and (found := visit(imported)):
                return found
        path.pop()
        state[module] = 2
        return []

    for module in sorted(edges):
        if module not in state and (found := visit(module)):
            return found
    return []
