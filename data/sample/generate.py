"""Generate the synthetic Deqing-like sample county (GeoPackage + GeoTIFFs) into ``data/sample/out``.

Usage: ``/usr/bin/python3 data/sample/generate.py [--out DIR] [--force]``. Deterministic: two runs write
byte-identical files. Exits at once when the folder already holds complete outputs of this generator.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from samplegen.build import OUTPUT_FILES, build  # noqa: E402
from samplegen.output import is_complete, publish  # noqa: E402

DEFAULT_OUT = Path(__file__).resolve().parent / "out"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: %(default)s)")
    parser.add_argument("--force", action="store_true", help="regenerate even when the outputs are complete")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    if not args.force and is_complete(out, OUTPUT_FILES):
        print(f"sample county already complete in {out} (use --force to regenerate)")
        return 0
    start = time.perf_counter()
    publish(out, build)
    print(f"sample county written to {out} in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
