"""Build dist/sdg_monitor-<version>.zip for the Plugin Manager's "Install from ZIP": compiled translations in;
the portal's JavaScript libraries with their licences (from npm's install in .build/npm) in ``vendor/``; tests,
benchmarks, build files, node_modules, generated sample data and pyrcc5's resources_rc.py (Qt 5 only, not needed:
icons load by path) out."""
from __future__ import annotations

import configparser
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / ".build" / "plugins"))
INCLUDE = ("metadata.txt", "LICENSE", "README.md", "__init__.py", "plugin.py", "translation.py", "compat.py",
           "resources.qrc", "icons", "core", "processing", "ui", "i18n", "data", "models", "raster", "scale",
           "web/portal.js", "web/portal.css")
EXCLUDE_PARTS = {"__pycache__", "out", ".pytest_cache"}
EXCLUDE_SUFFIXES = {".pyc", ".ts"}
#: plugins.qgis.org's upload limit.
MAX_BYTES = 25 * 1024 * 1024
#: Compiled binaries the plugin repository refuses (compiled translations, .qm, are the one binary allowed).
BINARY_SUFFIXES = {".so", ".pyd", ".dll", ".dylib", ".exe", ".pyc", ".pyo", ".o", ".a", ".lib", ".class", ".jar"}
BINARY_MAGIC = (b"\x7fELF", b"MZ", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe")
PLACEHOLDER = "example.org"


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


def problems(archive: Path) -> list[str]:
    """What plugins.qgis.org would refuse in a built zip: no LICENSE, 25 MB or more, compiled binaries."""
    found = []
    if archive.stat().st_size >= MAX_BYTES:
        found.append(f"{archive.name} is {archive.stat().st_size / 1e6:.1f} MB (the limit is 25 MB)")
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        if "sdg_monitor/LICENSE" not in names:
            found.append("sdg_monitor/LICENSE is missing")
        for name in names:
            with zipped.open(name) as member:
                head = member.read(4)
            if Path(name).suffix in BINARY_SUFFIXES or (not name.endswith(".qm") and head.startswith(BINARY_MAGIC)):
                found.append(f"{name} is a compiled binary")
    return found


def placeholders() -> list[str]:
    """The metadata.txt addresses still at the example.org placeholder (the publisher replaces them)."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return [key for key in ("homepage", "repository", "tracker") if PLACEHOLDER in parser["general"].get(key, "")]


def build(out_dir: Path) -> Path:
    """Write the zip into ``out_dir`` with every file under the top folder ``sdg_monitor/``."""
    for required in ("i18n/sdg_monitor_zh_CN.qm",):
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
    found = problems(target)
    if found:
        target.unlink()
        sys.exit("The plugin repository would refuse the zip:\n  " + "\n  ".join(found))
    return target


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"))
    if placeholders():
        print(f"Before uploading: replace the {PLACEHOLDER} placeholder of {', '.join(placeholders())} in "
              "metadata.txt with the project's public addresses.", file=sys.stderr)
