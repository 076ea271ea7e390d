"""Before and after: the CPU seconds of one case for two copies of the plugin, in alternating processes.

    .venv/bin/python bench/ab.py BEFORE [AFTER] [--indicator forest_area_15_1_1] [--engine scale]
                                 [--size province] [--rounds 6] [--runs 4]

BEFORE and AFTER are folders holding a copy of the plugin (``git archive <commit> | tar -x -C DIR``); AFTER
defaults to this checkout. Each round starts one process per copy, in turn (the order reversed every other
round, so a drift of the machine's load weighs on both alike); a process makes one warm-up run, then ``--runs``
measured ones. The process's CPU seconds count (both threads: reading and reducing). On a shared machine single
runs swing by ±15 %: compare medians over several rounds, never two runs.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import cases

import data

BENCH = cases.ROOT / ".build" / "bench"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", help="folder of the plugin copy measured first")
    parser.add_argument("after", nargs="?", default=str(cases.ROOT), help="folder of the other copy (this one)")
    parser.add_argument("--indicator", default="forest_area_15_1_1")
    parser.add_argument("--engine", default=cases.OURS, choices=cases.ENGINES)
    parser.add_argument("--size", default="province", choices=list(data.SIZES))
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--runs", type=int, default=4, help="measured runs per process")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker is not None:
        return _worker(args)
    copies = {"before": args.before, "after": args.after}
    cpu: dict[str, list[float]] = {name: [] for name in copies}
    for round_ in range(args.rounds):
        for name, code in (list(copies.items()) if round_ % 2 == 0 else list(copies.items())[::-1]):
            command = [sys.executable, __file__, code, "--worker", code, "--indicator", args.indicator,
                       "--engine", args.engine, "--size", args.size, "--runs", str(args.runs)]
            run = subprocess.run(command, capture_output=True, text=True)
            if run.returncode != 0:
                print(run.stdout[-2000:], run.stderr[-3000:], file=sys.stderr)
                return 1
            seconds = json.loads(run.stdout.strip().splitlines()[-1])
            cpu[name] += seconds
            print(f"round {round_ + 1} {name:6s} cpu s {' '.join(f'{s:.3f}' for s in seconds)}  "
                  f"load {os.getloadavg()[0]:.1f}", flush=True)
    for name, seconds in cpu.items():
        print(f"{name:6s} median {statistics.median(seconds):.3f} min {min(seconds):.3f} (n={len(seconds)})")
    print(f"after/before: median {statistics.median(cpu['after']) / statistics.median(cpu['before']):.3f}, "
          f"min {min(cpu['after']) / min(cpu['before']):.3f}")
    return 0


def _worker(args: argparse.Namespace) -> int:
    """One process: the case of ``args`` with the copy at ``args.worker``; prints its runs' CPU seconds."""
    inputs = data.ensure(data.SIZES[args.size], BENCH)
    cases.init_qgis(args.worker)
    cases.CODE[0] = args.worker
    run = cases.BUILDERS[args.engine](args.indicator, inputs, cases.out_folder(args.size))
    run()  # warm-up: imports, caches, GDAL's first reads
    seconds = []
    for _ in range(args.runs):
        start = time.process_time()
        run()
        seconds.append(time.process_time() - start)
    print(json.dumps(seconds), flush=True)
    os._exit(0)  # skip QGIS's exit in the worker (its teardown is not what is measured)


if __name__ == "__main__":
    sys.exit(main())
