"""The cyclic garbage collector paused while a step builds many small objects and frees none of them in cycles
(loading a story, exploring it): it would only rescan them, again and again as they grow."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the collector for the block, if it runs; reference counting still frees what the block lets go."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
