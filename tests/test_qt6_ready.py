"""Qt 6 readiness of the shipped code (what `make package` zips), by walking its syntax trees: every Qt enum
scoped (``Qt.AlignmentFlag.AlignLeft``, also valid on PyQt5 5.15), no ``exec_``, Qt only through ``qgis.PyQt``,
no compiled resources. The rules follow QGIS's migration script (scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py in the
QGIS repository): a ``Class.member`` whose value is a member of an enum class nested in ``Class``; for QGIS's own
classes only the enums QGIS has made Python enums (the script sees only those on a Qt 5 build)."""
from __future__ import annotations

import ast
import enum
import importlib
import importlib.util
import inspect
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT_MODULES = "qgis.PyQt."
QGIS_MODULES = ("qgis.core", "qgis.gui", "qgis.analysis")


def shipped_sources() -> list[Path]:
    """The .py files `make package` puts into the zip."""
    spec = importlib.util.spec_from_file_location("sdg_package", ROOT / "scripts" / "package.py")
    package = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(package)
    return [ROOT / relative for relative in package.files() if relative.suffix == ".py"]


def _enum_class(value) -> type | None:
    """The enum class of ``value`` if it is an enum member (a Python enum, or a sip enum of PyQt5), else None."""
    kind = type(value)
    if isinstance(value, enum.Enum) or type(kind).__name__ == "enumtype":
        return kind
    return None


def scoped_name(owner: type, member: str) -> str | None:
    """``Enum.member`` when ``owner.member`` is an unscoped member of an enum class nested in ``owner`` (Qt's
    sip enums count; QGIS's only once they are Python enums), else None."""
    value = getattr(owner, member, None)
    kind = _enum_class(value)
    if kind is None or inspect.isclass(value):
        return None
    if not owner.__module__.startswith("PyQt") and not issubclass(kind, enum.Enum):
        return None
    for name in dir(owner):
        if getattr(owner, name, None) is kind and getattr(kind, member, None) == value:
            return f"{name}.{member}"
    return None


def _imported_classes(tree: ast.AST) -> dict[str, type]:
    """Names bound by ``from qgis.PyQt.X import ...`` / ``from qgis.core import ...`` anywhere in the file."""
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and (
                node.module.startswith(QT_MODULES) or node.module in QGIS_MODULES):
            module = importlib.import_module(node.module)
            for alias in node.names:
                value = getattr(module, alias.name, None)
                if inspect.isclass(value):
                    found[alias.asname or alias.name] = value
    return found


def problems(path: Path) -> list[str]:
    """Every Qt 6 blocker in one file, as ``file:line: what``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    classes = _imported_classes(tree)
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    found = []
    for parent in ast.walk(tree):
        for node in ast.iter_child_nodes(parent):
            line = f"{where}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Import):
                found += [f"{line}: import {a.name}" for a in node.names
                          if a.name.split(".")[0] in ("PyQt5", "PyQt6", "sip") or "resources_rc" in a.name]
            elif isinstance(node, ast.ImportFrom):
                module = node.module or ""
                if module.split(".")[0] in ("PyQt5", "PyQt6", "sip"):
                    found.append(f"{line}: from {module} import (use qgis.PyQt)")
                if "resources_rc" in module or any(a.name == "resources_rc" for a in node.names):
                    found.append(f"{line}: compiled resources import (load icons by file path)")
            elif isinstance(node, ast.FunctionDef) and node.name == "exec_":
                found.append(f"{line}: def exec_ (use exec)")
            elif isinstance(node, ast.Attribute):
                if node.attr == "exec_":
                    found.append(f"{line}: .exec_ (use .exec)")
                elif (isinstance(node.value, ast.Name) and node.value.id in classes
                      and not isinstance(parent, ast.Attribute)):
                    scoped = scoped_name(classes[node.value.id], node.attr)
                    if scoped:
                        found.append(f"{line}: unscoped enum {node.value.id}.{node.attr} "
                                     f"(use {node.value.id}.{scoped})")
    return found


def test_shipped_code_is_qt6_ready():
    sources = shipped_sources()
    assert ROOT / "plugin.py" in sources and len(sources) > 50
    found = [problem for path in sources for problem in problems(path)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize(("code", "expected"), [
    ("from qgis.PyQt.QtCore import Qt\nx = Qt.AlignLeft | Qt.AlignmentFlag.AlignTop\n",
     ["unscoped enum Qt.AlignLeft (use Qt.AlignmentFlag.AlignLeft)"]),
    ("from qgis.PyQt.QtWidgets import QDialog, QSizePolicy\n"
     "def f(d):\n    d.exec_()\n    return QSizePolicy.Expanding, QDialog.DialogCode.Accepted\n",
     [".exec_ (use .exec)", "unscoped enum QSizePolicy.Expanding (use QSizePolicy.Policy.Expanding)"]),
    ("from PyQt5.QtCore import Qt\nimport sip\nfrom . import resources_rc\n",
     ["from PyQt5.QtCore import (use qgis.PyQt)", "import sip", "compiled resources import (load icons by file path)"]),
    ("from qgis.PyQt.QtCore import Qt\nfrom qgis.core import QgsProject\n"
     "x = (Qt.ItemDataRole.UserRole + 1, Qt.AlignmentFlag, QgsProject.instance())\n", []),
])
def test_the_walk_finds_what_the_migration_script_finds(tmp_path, code, expected):
    """Hand-written cases of what QGIS's migration script changes or warns about (and what it leaves alone)."""
    source = tmp_path / "sample.py"
    source.write_text(code, encoding="utf-8")
    assert [p.split(": ", 1)[1] for p in problems(source)] == expected
