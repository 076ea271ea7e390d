"""``core`` holds the rules and needs no QGIS: none of its modules imports qgis, PyQt (or sip) or the plugin's
translation module, directly or through another module."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "core"
FORBIDDEN = ("qgis", "PyQt4", "PyQt5", "PyQt6", "sip", "sdg_monitor.translation")


def _imports(path: Path) -> list[str]:
    """Absolute names of the modules ``path`` imports (relative imports resolved against ``sdg_monitor.core``)."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = ["sdg_monitor", "core"][:max(0, 2 - node.level + 1)] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            names += [module] + [f"{module}.{alias.name}" for alias in node.names]
    return names


def _forbidden(name: str) -> bool:
    return any(name == root or name.startswith(root + ".") for root in FORBIDDEN)


def test_no_core_module_imports_qgis_qt_or_translation():
    modules = sorted(CORE.glob("*.py"))
    assert len(modules) > 20
    found = {path.name: [name for name in _imports(path) if _forbidden(name)] for path in modules}
    assert {name: bad for name, bad in found.items() if bad} == {}


def test_the_walk_sees_relative_and_absolute_imports(tmp_path):
    """The walk is not blind: it finds each forbidden import form."""
    sample = tmp_path / "sample.py"
    sample.write_text("import qgis.core\nfrom qgis.PyQt.QtCore import QVariant\nfrom ..translation import tr\n"
                      "from PyQt5 import QtCore\nfrom .formulas import ratio\nimport numpy\n", encoding="utf-8")
    assert [name for name in _imports(sample) if _forbidden(name)] == [
        "qgis.core", "qgis.PyQt.QtCore", "qgis.PyQt.QtCore.QVariant", "sdg_monitor.translation",
        "sdg_monitor.translation.tr", "PyQt5", "PyQt5.QtCore"]


def test_core_imports_without_qgis_loaded():
    """Importing every core module loads no qgis or Qt module."""
    names = [f"sdg_monitor.core.{path.stem}" for path in sorted(CORE.glob("*.py")) if path.stem != "__init__"]
    script = ("import importlib, sys\n"
              f"for name in {names!r}:\n    importlib.import_module(name)\n"
              "print(sorted(m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6', 'sip')"
              " or m == 'sdg_monitor.translation'))\n")
    plugins = str(CORE.parents[0] / ".build" / "plugins")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": plugins, "PATH": "/usr/bin:/bin"})
    assert done.stdout.strip() == "[]"
