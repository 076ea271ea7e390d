"""The zip passes the checks plugins.qgis.org runs on upload: LICENSE inside, under 25 MB, no compiled binaries
but .qm, and `bandit -r` and `detect-secrets scan` find nothing of medium severity or above."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _package_module():
    spec = importlib.util.spec_from_file_location("sdg_package", ROOT / "scripts" / "package.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory) -> Path:
    """`make package`'s zip, built and unpacked."""
    out = tmp_path_factory.mktemp("package")
    built = subprocess.run([sys.executable, str(ROOT / "scripts" / "package.py"), str(out)], capture_output=True,
                           text=True, check=True)
    archive = Path(built.stdout.strip())
    assert archive.stat().st_size < 25 * 1024 * 1024
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        zipped.extractall(out / "unpacked")
    assert "sdg_monitor/LICENSE" in names and "sdg_monitor/i18n/sdg_monitor_zh_CN.qm" in names
    return out / "unpacked" / "sdg_monitor"


def test_bandit_finds_nothing_of_medium_severity_or_above(unpacked):
    done = subprocess.run([sys.executable, "-m", "bandit", "-r", ".", "--severity-level", "medium", "-f", "json",
                           "-q"], cwd=unpacked, capture_output=True, text=True)
    report = json.loads(done.stdout)
    assert not report["errors"]
    assert [f"{r['filename']}:{r['line_number']} {r['test_id']} {r['issue_text']}" for r in report["results"]] == []
    assert report["metrics"]["_totals"]["loc"] > 5000  # it read the plugin


def test_detect_secrets_finds_nothing(unpacked):
    done = subprocess.run([sys.executable, "-m", "detect_secrets", "scan", "--all-files", "."], cwd=unpacked,
                          capture_output=True, text=True, check=True)
    assert json.loads(done.stdout)["results"] == {}


def test_refused_contents_are_named(tmp_path):
    """The checks themselves: a zip with a shared library, a .pyc and no LICENSE is refused for each."""
    package = _package_module()
    archive = tmp_path / "bad.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("sdg_monitor/lib/fast.so", b"\x7fELF\x02\x01")
        zipped.writestr("sdg_monitor/helper.bin", b"\x7fELF\x02\x01")
        zipped.writestr("sdg_monitor/cache.pyc", b"\x00")
        zipped.writestr("sdg_monitor/i18n/x.qm", b"\x3c\xb8\x64\x18")
        zipped.writestr("sdg_monitor/plugin.py", "print('ok')\n")
    assert package.problems(archive) == [
        "sdg_monitor/LICENSE is missing", "sdg_monitor/lib/fast.so is a compiled binary",
        "sdg_monitor/helper.bin is a compiled binary", "sdg_monitor/cache.pyc is a compiled binary"]
