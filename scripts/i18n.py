"""Regenerate the .ts translation sources from the plugin's .py and .ui files (pylupdate5) and compile .qm
(lrelease), keeping every translation already made.

All strings use one context, ``SdgMonitor`` (see translation.py); pylupdate5 files bare ``tr()`` calls under
``@default``, so the context is renamed around its run.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ("zh_CN",)
SOURCE_DIRS = ("", "core", "processing", "ui")
CONTEXT, PYLUPDATE_CONTEXT = "<name>SdgMonitor</name>", "<name>@default</name>"


def sources() -> list[str]:
    """The plugin's translatable source files, relative to the root."""
    files: list[Path] = []
    for folder in SOURCE_DIRS:
        base = ROOT / folder
        pattern = "*.py" if not folder else "**/*.py"
        files += [p for p in base.glob(pattern) if p.name != "resources_rc.py"]
        files += list(base.glob("**/*.ui")) if folder else []
    return sorted(str(p.relative_to(ROOT)) for p in files)


def update(locale: str) -> Path:
    """Run pylupdate5 for one locale; existing translations are kept."""
    ts = ROOT / "i18n" / f"sdg_monitor_{locale}.ts"
    if ts.exists():
        ts.write_text(ts.read_text(encoding="utf-8").replace(CONTEXT, PYLUPDATE_CONTEXT), encoding="utf-8")
    subprocess.run(["pylupdate5", "-noobsolete", *sources(), "-ts", str(ts.relative_to(ROOT))], cwd=ROOT,
                   check=True)
    ts.write_text(ts.read_text(encoding="utf-8").replace(PYLUPDATE_CONTEXT, CONTEXT), encoding="utf-8")
    return ts


def lrelease() -> str:
    """Qt 5's lrelease: through qtchooser on Debian 12, in Qt's own bin folder on Debian 13."""
    for candidate in ("/usr/lib/qt5/bin/lrelease", "/usr/lib/x86_64-linux-gnu/qt5/bin/lrelease", "/usr/bin/lrelease"):
        if Path(candidate).exists():
            return candidate
    sys.exit("lrelease (Qt 5) is missing: apt-get install qttools5-dev-tools")


def release(ts: Path) -> Path:
    """Compile one .ts into its .qm."""
    qm = ts.with_suffix(".qm")
    subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True,
                   env={"QT_SELECT": "5", "PATH": "/usr/bin:/bin"})
    return qm


if __name__ == "__main__":
    for locale in LOCALES:
        ts_file = ROOT / "i18n" / f"sdg_monitor_{locale}.ts"
        if "--release-only" not in sys.argv:
            update(locale)
        print(release(ts_file))
