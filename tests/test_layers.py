"""The layers of the tree: the core never imports its adapters or their frameworks.

``digitize.api`` (FastAPI) and ``digitize.workers`` (Celery) are adapters, and so is ``digitize.cli``
(it starts them). Everything else in ``src/digitize/`` is the core: it must not import FastAPI, Starlette,
Celery or the adapters, at module level or inside a function (issue 18: "the core imports upward").
"""

from __future__ import annotations

import ast
from pathlib import Path

import digitize

ROOT = Path(digitize.__file__).parent
ADAPTERS = {"api", "workers", "cli"}
FORBIDDEN = ("fastapi", "starlette", "celery", "kombu", "digitize.api", "digitize.workers", "digitize.cli")


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            if node.module == "digitize":
                found += [(node.lineno, f"digitize.{alias.name}") for alias in node.names]
    return found


def test_core_never_imports_an_adapter_or_its_framework() -> None:
    offences = []
    core_files = [p for p in ROOT.rglob("*.py") if p.relative_to(ROOT).parts[0] not in ADAPTERS]
    assert len(core_files) > 50  # the walk found the core
    for path in core_files:
        for line, name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN):
                offences.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert offences == []


def test_adapters_live_under_the_digitize_namespace() -> None:
    assert (ROOT / "api" / "app.py").is_file()
    assert (ROOT / "workers" / "celery_app.py").is_file()
    # the top-level folders are thin entry points, not packages of the wheel
    repo = ROOT.parent.parent
    for entry in (repo / "api" / "main.py", repo / "workers" / "main.py"):
        text = entry.read_text(encoding="utf-8")
        assert "from digitize." in text
        assert len(text.splitlines()) < 15
    assert not (repo / "api" / "__init__.py").exists()
    assert not (repo / "workers" / "__init__.py").exists()
