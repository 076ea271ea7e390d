"""The translation tools where Qt 5's are absent (QGIS 4 / Qt 6 systems): ``scripts/i18n.py`` given a tool path
that holds only PyQt6's pylupdate6 and Qt 6's lrelease extracts the same messages as the shipped .ts (made with
pylupdate5) and compiles a .qm that translates them as the .ts says."""
from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from test_i18n import I18N, TS


def _messages(ts: Path) -> dict[tuple[str, str, str | None], tuple[str | None, str | None]]:
    """``{(context, source, comment): (translation, its type)}`` of a .ts."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            comment = message.find("comment")
            translation = message.find("translation")
            key = (name, message.find("source").text, comment.text if comment is not None else None)
            found[key] = (translation.text, translation.get("type"))
    return found


def _locations(ts: Path) -> set[Path]:
    """The source files a .ts names (its locations are relative to its own folder)."""
    return {(ts.parent / loc.get("filename")).resolve() for loc in ET.parse(ts).getroot().iter("location")}


@pytest.fixture(scope="module")
def qt6_tools(tmp_path_factory) -> str:
    """A tool path with only pylupdate6 and Qt 6's lrelease (``make setup`` installs pyqt6-dev-tools and
    qt6-l10n-tools), so no Qt 5 tool can be found through it."""
    pylupdate6 = shutil.which("pylupdate6")
    lrelease6 = next((str(Path(folder, "lrelease")) for folder in I18N.QT6_BIN if Path(folder, "lrelease").exists()),
                     None)
    assert pylupdate6 and lrelease6, "Qt 6's translation tools are missing: run make setup"
    version = subprocess.run([lrelease6, "-version"], capture_output=True, text=True, check=True).stdout
    assert "version 6." in version
    folder = tmp_path_factory.mktemp("qt6-tools")
    os.symlink(pylupdate6, folder / "pylupdate6")
    os.symlink(lrelease6, folder / "lrelease")
    return str(folder)


def test_only_qt6_tools_on_the_tool_path(qt6_tools):
    assert shutil.which("pylupdate5", path=qt6_tools) is None
    assert Path(I18N.lrelease(qt6_tools)).resolve() == Path(qt6_tools, "lrelease").resolve()


def test_pylupdate6_extracts_what_pylupdate5_did(tmp_path, qt6_tools):
    ts = Path(shutil.copy(TS, tmp_path / TS.name))
    I18N.update(ts, I18N.sources(), path=qt6_tools)
    assert _messages(ts) == _messages(TS)
    assert _locations(ts) == _locations(TS)


def test_qt6_lrelease_compiles_a_qm_that_translates(tmp_path, qt6_tools, qgis_app):
    qm = I18N.release(Path(shutil.copy(TS, tmp_path / TS.name)), path=qt6_tools)
    translator = QTranslator()
    assert translator.load(str(qm))
    expected = {key: text for key, (text, kind) in _messages(TS).items() if kind is None}
    assert len(expected) > 500
    QCoreApplication.installTranslator(translator)
    try:
        got = {key: QCoreApplication.translate(*key) for key in expected}
    finally:
        QCoreApplication.removeTranslator(translator)
    assert got == expected
