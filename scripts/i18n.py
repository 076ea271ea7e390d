"""Regenerate the .ts translation sources from the plugin's .py and .ui files (pylupdate5, or PyQt6's pylupdate6
where Qt 5's tools are absent) and compile .qm (Qt 5's lrelease, or Qt 6's), keeping every translation made.

All strings use one context, ``SdgMonitor`` (see translation.py); pylupdate5 files bare ``tr()`` (and
``QT_TR_NOOP()``) calls under ``@default``, so the context is renamed around its run; pylupdate6 sees only calls
that name their context, so it reads copies in which they do. Terms and conventions of the Chinese translation:
i18n/zh_CN_glossary.md.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ("zh_CN",)
SOURCE_DIRS = ("", "core", "processing", "ui", "scale")
CONTEXT, PYLUPDATE_CONTEXT = "<name>SdgMonitor</name>", "<name>@default</name>"
#: Bare tr() / QT_TR_NOOP() calls and the quote their text opens with, to be rewritten as pylupdate6 needs them:
#: with the context named, in that same quote (inside an f-string the other quote is not valid before Python 3.12).
_BARE_CALL = re.compile(r"(?<![\w.])(?<!def )(tr|QT_TR_NOOP)\((\s*)(['\"]?)")
QT5_BIN, QT6_BIN = ("/usr/lib/qt5/bin", "/usr/lib/x86_64-linux-gnu/qt5/bin"), ("/usr/lib/qt6/bin",
                                                                              "/usr/lib/x86_64-linux-gnu/qt6/bin")
_NAMED_CALL = {"tr": "QCoreApplication.translate", "QT_TR_NOOP": "QT_TRANSLATE_NOOP"}


def sources() -> list[str]:
    """The plugin's translatable source files, relative to the root."""
    files: list[Path] = []
    for folder in SOURCE_DIRS:
        base = ROOT / folder
        pattern = "*.py" if not folder else "**/*.py"
        files += [p for p in base.glob(pattern) if p.name != "resources_rc.py"]
        files += list(base.glob("**/*.ui")) if folder else []
    return sorted(str(p.relative_to(ROOT)) for p in files)


def tool_path() -> str:
    """Where the Qt tools are looked for, Qt 5's first: Qt 5's own bin folders (Debian 13 puts its lrelease only
    there), PATH (Debian 12's qtchooser ``lrelease``, the pylupdates), Qt 6's bin folders."""
    return os.pathsep.join([*QT5_BIN, os.environ.get("PATH", os.defpath), *QT6_BIN])


def update(ts: Path, files: list[str], cwd: Path = ROOT, path: str | None = None) -> Path:
    """Run pylupdate5 (or pylupdate6) over ``files`` (relative to ``cwd``) into ``ts``: new strings come in
    unfinished, strings gone from the sources are dropped, every other translation is kept. The tools are looked
    for in ``path`` (default ``tool_path()``)."""
    path = tool_path() if path is None else path
    if not shutil.which("pylupdate5", path=path):
        return _update6(ts, files, cwd, path)
    if ts.exists():
        ts.write_text(ts.read_text(encoding="utf-8").replace(CONTEXT, PYLUPDATE_CONTEXT), encoding="utf-8")
    quiet = dict(os.environ, PYTHONWARNINGS="ignore::DeprecationWarning")  # pylupdate5's own, on Python 3.11+
    subprocess.run(["pylupdate5", "-noobsolete", *files, "-ts", str(ts)], cwd=cwd, check=True, env=quiet)
    ts.write_text(ts.read_text(encoding="utf-8").replace(PYLUPDATE_CONTEXT, CONTEXT), encoding="utf-8")
    return ts


def _named(call: re.Match) -> str:
    quote = call.group(3) or '"'
    return f"{_NAMED_CALL[call.group(1)]}({quote}SdgMonitor{quote}, {call.group(2)}{call.group(3)}"


def _update6(ts: Path, files: list[str], cwd: Path, path: str) -> Path:
    """pylupdate6 over copies of ``files`` whose bare calls name the context; locations as pylupdate5 writes."""
    pylupdate6 = shutil.which("pylupdate6", path=path)
    if not pylupdate6:
        sys.exit("pylupdate5 or pylupdate6 is missing: apt-get install pyqt5-dev-tools (or pyqt6-dev-tools)")
    ts = ts.resolve()
    with tempfile.TemporaryDirectory(dir=ts.parent) as scratch:
        for name in files:
            copy = Path(scratch, name)
            copy.parent.mkdir(parents=True, exist_ok=True)
            text = (cwd / name).read_text(encoding="utf-8")
            copy.write_text(_BARE_CALL.sub(_named, text), encoding="utf-8")
        subprocess.run([pylupdate6, "--no-obsolete", "--no-summary", "--ts", str(ts), *files], cwd=scratch,
                       check=True)
    copies, sources = (os.path.relpath(p, ts.parent) for p in (scratch, cwd.resolve()))
    prefix = "" if sources == "." else sources + "/"
    ts.write_text(ts.read_text(encoding="utf-8").replace(f'filename="{copies}/', f'filename="{prefix}'),
                  encoding="utf-8")
    return ts


def lrelease(path: str | None = None) -> str:
    """The first ``lrelease`` (or ``lrelease-qt5``, ``lrelease-qt6``, ``lrelease6``) in ``path`` (default
    ``tool_path()``: Qt 5's if installed, else Qt 6's)."""
    path = tool_path() if path is None else path
    for name in ("lrelease", "lrelease-qt5", "lrelease-qt6", "lrelease6"):
        found = shutil.which(name, path=path)
        if found:
            return found
    sys.exit("lrelease is missing: apt-get install qttools5-dev-tools (or qt6-l10n-tools)")


def release(ts: Path, path: str | None = None) -> Path:
    """Compile one .ts into its .qm (tools looked for in ``path``, default ``tool_path()``)."""
    qm = ts.with_suffix(".qm")
    subprocess.run([lrelease(path), "-silent", str(ts), "-qm", str(qm)], check=True,
                   env={"QT_SELECT": "5", "PATH": "/usr/bin:/bin"})
    return qm


if __name__ == "__main__":
    for locale in LOCALES:
        ts_file = ROOT / "i18n" / f"sdg_monitor_{locale}.ts"
        if "--release-only" not in sys.argv:
            update(ts_file, sources())
        print(release(ts_file))
