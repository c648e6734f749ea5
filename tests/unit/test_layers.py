"""The layer rule: the pure core imports nothing above it and does no I/O of its own."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "hirebar"
PURE = ["content", "grading", "drills", "planning"]
HIGHER = ("hirebar.store", "hirebar.web", "hirebar.cli", "hirebar.practice", "hirebar.settings")
IO_MODULES = {
    "sqlite3",
    "sqlalchemy",
    "alembic",
    "socket",
    "http",
    "urllib",
    "requests",
    "httpx",
    "subprocess",
    "shutil",
    "tempfile",
    "fastapi",
    "typer",
    "rich",
    "platformdirs",
}
WRITE_CALLS = {
    "write_text",
    "write_bytes",
    "unlink",
    "mkdir",
    "rmdir",
    "rename",
    "touch",
    "remove",
    "makedirs",
    "system",
    "popen",
    "getenv",
    "rmtree",
}


def pure_files() -> list[Path]:
    return [p for layer in PURE if (SRC / layer).is_dir() for p in (SRC / layer).rglob("*.py")]


def imported_modules(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_the_pure_layers_exist():
    assert {"content", "grading"} <= {p.relative_to(SRC).parts[0] for p in pure_files()}


@pytest.mark.parametrize("path", pure_files(), ids=lambda p: str(p.relative_to(SRC)))
def test_pure_layer_imports_nothing_above_it(path: Path):
    for name in imported_modules(ast.parse(path.read_text())):
        assert not name.startswith(HIGHER), f"{path.name} imports {name}"
        assert name.split(".")[0] not in IO_MODULES, f"{path.name} imports {name}"


@pytest.mark.parametrize("path", pure_files(), ids=lambda p: str(p.relative_to(SRC)))
def test_pure_layer_does_no_writing_or_environment_reading(path: Path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            assert name not in WRITE_CALLS, f"{path.name}:{node.lineno} calls {name}"
            if name == "open":
                modes = [a.value for a in node.args[1:2] if isinstance(a, ast.Constant)]
                modes += [
                    k.value.value
                    for k in node.keywords
                    if k.arg == "mode" and isinstance(k.value, ast.Constant)
                ]
                assert all(set(str(m)) <= {"r", "b", "t"} for m in modes), (
                    f"{path.name}:{node.lineno} opens a file for writing"
                )
        if isinstance(node, ast.Attribute) and node.attr == "environ":
            raise AssertionError(f"{path.name}:{node.lineno} reads the environment")


def test_the_checker_catches_a_violation(tmp_path: Path):
    bad = "from hirebar.store import add_attempt\nopen('x', 'w')\n"
    tree = ast.parse(bad)
    assert any(n.startswith(HIGHER) for n in imported_modules(tree))
