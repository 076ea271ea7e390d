"""Shared test set-up: the checkout importable as the package ``sdg_monitor`` and headless Qt."""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLUGINS = ROOT / ".build" / "plugins"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_xdg = ROOT / ".build" / "xdg"
_xdg.mkdir(parents=True, exist_ok=True, mode=0o700)
os.environ.setdefault("XDG_RUNTIME_DIR", str(_xdg))

PLUGINS.mkdir(parents=True, exist_ok=True)
_link = PLUGINS / "sdg_monitor"
if not _link.exists():
    _link.symlink_to(ROOT, target_is_directory=True)
for path in (str(PLUGINS), "/usr/share/qgis/python/plugins"):
    if path not in sys.path:
        sys.path.insert(0, path)
