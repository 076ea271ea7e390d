"""glibc's malloc set by the scale-out keeps freed strip-sized blocks: no page faults when they are made again."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

#: Rounds of three 6 MB arrays made, written and freed, as strips are; the page faults of rounds 2-10.
PROBE = textwrap.dedent("""
    import resource, sys
    import numpy as np
    from sdg_monitor.scale.allocator import keep_strip_memory
    if sys.argv[1] == "keep" and not keep_strip_memory():
        sys.exit("mallopt refused")
    faults = []
    for _ in range(10):
        before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        blocks = [np.ones(750_000) for _ in range(3)]
        del blocks
        faults.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
    print(sum(faults[1:]))
""")


def _faults(mode: str) -> int:
    """The probe's page faults in a fresh process (this one's malloc has been set by other tests)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    env.pop("MALLOC_TRIM_THRESHOLD_", None)
    env.pop("MALLOC_MMAP_THRESHOLD_", None)
    run = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    return int(run.stdout)


@pytest.mark.skipif(not os.confstr("CS_GNU_LIBC_VERSION"), reason="the setting is glibc's (a no-op elsewhere)")
def test_freed_strips_are_kept_for_the_next_ones():
    default, kept = _faults("default"), _faults("keep")
    assert default > 5_000  # glibc's own thresholds hand the blocks back: each round pages them in again
    assert kept < default / 20

