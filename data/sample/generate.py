"""Generate the synthetic Deqing-like sample county (GeoPackage + GeoTIFFs) into ``data/sample/out``.

Usage: ``/usr/bin/python3 data/sample/generate.py [--out DIR] [--force] [--update-reference]``. Deterministic: two
runs write byte-identical files, and every platform writes the same content (the manifest's content hashes; the
reference they are tested against is ``tests/sample_content.json``, refreshed with ``--update-reference``).
Exits at once when the folder already holds complete outputs of this generator.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from samplegen.build import OUTPUT_FILES as SPATIAL_FILES  # noqa: E402
from samplegen.build import build as build_spatial  # noqa: E402
from samplegen.output import MANIFEST, is_complete, publish  # noqa: E402

DEFAULT_OUT = HERE / "out"
REFERENCE = HERE.parents[1] / "tests" / "sample_content.json"  # test data: not shipped in the plugin zip
WORKBOOK = "statistics_2015_2020.xlsx"
OUTPUT_FILES = [*SPATIAL_FILES, WORKBOOK]


def _plugin_package() -> None:
    """Make the checkout importable as ``sdg_monitor`` (the workbook reads the indicator profile)."""
    if "sdg_monitor" not in sys.modules:
        spec = importlib.util.spec_from_file_location("sdg_monitor", HERE.parents[1] / "__init__.py",
                                                      submodule_search_locations=[str(HERE.parents[1])])
        module = importlib.util.module_from_spec(spec)
        sys.modules["sdg_monitor"] = module
        spec.loader.exec_module(module)


def build(out: Path) -> list[str]:
    """The spatial layers and grids, then the statistical workbook, into ``out``."""
    _plugin_package()
    from sdg_monitor.data.sample.workbook import write_workbook

    files = build_spatial(out)
    write_workbook(out / WORKBOOK)
    return [*files, WORKBOOK]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: %(default)s)")
    parser.add_argument("--force", action="store_true", help="regenerate even when the outputs are complete")
    parser.add_argument("--update-reference", action="store_true",
                        help=f"copy the outputs' content hashes into {REFERENCE.name} (on Debian 12, deliberately)")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    if not args.force and is_complete(out, OUTPUT_FILES):
        print(f"sample county already complete in {out} (use --force to regenerate)")
    else:
        start = time.perf_counter()
        publish(out, build)
        print(f"sample county written to {out} in {time.perf_counter() - start:.1f} s")
    if args.update_reference:
        files = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]
        reference = {name: entry["content"] for name, entry in files.items()}
        REFERENCE.write_text(json.dumps(reference, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"reference content hashes written to {REFERENCE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
