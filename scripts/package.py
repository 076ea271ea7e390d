"""Build dist/sdg_monitor-<version>.zip for the Plugin Manager's "Install from ZIP": compiled resources and
translations in; the portal's JavaScript libraries with their licences (from npm's install in .build/npm) in
``vendor/``; tests, benchmarks, build files, node_modules and generated sample data out."""
from __future__ import annotations

import configparser
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / ".build" / "plugins"))
INCLUDE = ("metadata.txt", "LICENSE", "README.md", "__init__.py", "plugin.py", "translation.py", "resources_rc.py",
           "resources.qrc", "icons", "core", "processing", "ui", "i18n", "data", "models", "raster", "scale",
           "web/portal.js", "web/portal.css")
EXCLUDE_PARTS = {"__pycache__", "out", ".pytest_cache"}
EXCLUDE_SUFFIXES = {".pyc", ".ts"}


def version() -> str:
    """The version in metadata.txt."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]["version"]


def files() -> list[Path]:
    """Every file that goes into the zip, relative to the root."""
    chosen = []
    for name in INCLUDE:
        path = ROOT / name
        candidates = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for candidate in candidates:
            relative = candidate.relative_to(ROOT)
            if EXCLUDE_PARTS & set(relative.parts) or candidate.suffix in EXCLUDE_SUFFIXES:
                continue
            chosen.append(relative)
    return chosen


def build(out_dir: Path) -> Path:
    """Write the zip into ``out_dir`` with every file under the top folder ``sdg_monitor/``."""
    for required in ("resources_rc.py", "i18n/sdg_monitor_zh_CN.qm"):
        if not (ROOT / required).exists():
            sys.exit(f"{required} is missing: run `make setup` first.")
    target = out_dir / f"sdg_monitor-{version()}.zip"
    target.parent.mkdir(parents=True, exist_ok=True)
    from sdg_monitor.core.portal import NODE_MODULES, VENDOR_FILES

    missing = [source for source in VENDOR_FILES.values() if not (NODE_MODULES / source).is_file()]
    if missing:
        sys.exit(f"{NODE_MODULES / missing[0]} is missing: run `make setup` first (npm ci).")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for relative in files():
            archive.write(ROOT / relative, Path("sdg_monitor") / relative)
        for name, source in VENDOR_FILES.items():
            archive.write(NODE_MODULES / source, Path("sdg_monitor") / name)
    return target


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"))
