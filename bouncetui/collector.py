"""How often the cyclic garbage collector runs in a process that decodes or lists many messages.

Decoding and listing make many small objects that form no cycle (entries, rows, lines, parts); with
Python's defaults a young collection runs every 700 allocations. A head-less command and each
worker of a scan collect the youngest generation every YOUNG allocations instead (and set aside
what their imports made with gc.freeze, where they say so).
"""

from __future__ import annotations

import gc

YOUNG = 10_000  # allocations between collections of the youngest generation


def collect_less() -> tuple[int, ...]:
    """Collect the youngest generation every YOUNG allocations at most; the previous thresholds
    (for gc.set_threshold, to undo it)."""
    threshold = gc.get_threshold()
    gc.set_threshold(max(YOUNG, threshold[0]), *threshold[1:])
    return threshold
