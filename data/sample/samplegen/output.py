"""Output folder handling: manifest with content hashes, completeness check and the atomic swap."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

from . import content

MANIFEST = "manifest.json"
_HERE = Path(__file__).resolve().parent


def source_hash() -> str:
    """SHA-256 over the generator's own source files, so outputs from older code count as stale."""
    digest = hashlib.sha256()
    inputs = [_HERE.parent / "generate.py", _HERE.parent / "workbook.py", *_HERE.glob("*.py"),
              _HERE.parents[1] / "profiles" / "deqing_county.csv"]
    for path in sorted(inputs):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def write_manifest(folder: Path, files: list[str]) -> None:
    """Record the content hash of every output file (see ``content``) and the generator version; written last.
    Identical content gives an identical manifest on every platform, whatever the file bytes carry of the
    library versions (SQLite header, GDAL's own metadata, zlib's compression)."""
    entries = {name: {"content": content.content_hash(folder / name)} for name in sorted(files)}
    text = json.dumps({"generator": source_hash(), "files": entries}, indent=1, sort_keys=True)
    (folder / MANIFEST).write_text(text + "\n", encoding="utf-8")


def is_complete(folder: Path, files: list[str]) -> bool:
    """True when ``folder`` holds every expected file, as recorded by a manifest of the current generator (outputs
    are only ever published complete, by the swap in ``publish``)."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if manifest.get("generator") != source_hash() or set(manifest.get("files", {})) != set(files):
        return False
    return all((folder / name).is_file() and (folder / name).stat().st_size > 0 for name in files)


def _remove_stale(out: Path) -> None:
    """Delete staging folders left by generator runs that were killed (their process is gone)."""
    for stale in out.parent.glob(f".{out.name}.tmp-*"):
        try:
            pid = int(stale.name.split("-")[1])
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(stale, ignore_errors=True)
        except (ValueError, IndexError, PermissionError):
            continue


def publish(out: Path, build: Callable[[Path], list[str]]) -> None:
    """Run ``build`` into a staging folder beside ``out`` and swap it in only when complete."""
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(out)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-{os.getpid()}-", dir=out.parent))
    tmp.chmod(0o755)
    try:
        write_manifest(tmp, build(tmp))
        old = out.with_name(f".{out.name}.tmp-{os.getpid()}-old")
        try:
            out.rename(old)
        except FileNotFoundError:
            pass
        try:
            tmp.rename(out)
        except OSError:
            if not out.exists():
                raise  # otherwise a concurrent run published identical files first
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
