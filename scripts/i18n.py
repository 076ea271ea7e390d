"""Regenerate the .ts translation sources from the plugin's .py and .ui files (pylupdate5) and compile .qm
(lrelease), keeping every translation already made.

All strings use one context, ``SdgMonitor`` (see translation.py); pylupdate5 files bare ``tr()`` (and
``QT_TR_NOOP()``) calls under ``@default``, so the context is renamed around its run. Terms and conventions of
the Chinese translation: i18n/zh_CN_glossary.md.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ("zh_CN",)
SOURCE_DIRS = ("", "core", "processing", "ui", "scale")
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


def update(ts: Path, files: list[str], cwd: Path = ROOT) -> Path:
    """Run pylupdate5 over ``files`` (relative to ``cwd``) into ``ts``: new strings come in unfinished, strings
    gone from the sources are dropped, every other translation is kept."""
    if ts.exists():
        ts.write_text(ts.read_text(encoding="utf-8").replace(CONTEXT, PYLUPDATE_CONTEXT), encoding="utf-8")
    quiet = dict(os.environ, PYTHONWARNINGS="ignore::DeprecationWarning")  # pylupdate5's own, on Python 3.11+
    subprocess.run(["pylupdate5", "-noobsolete", *files, "-ts", str(ts)], cwd=cwd, check=True, env=quiet)
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
            update(ts_file, sources())
        print(release(ts_file))
