"""Giving freed pixels back to the system, so the process's peak stays near what the caches keep (glibc only).

glibc serves big blocks from the heap once a few have been freed (its mmap threshold rises to 32 MB), and a
heap does not shrink past the blocks still used at its top: a 4 MB map freed early stays in the process's
memory for good. A fixed threshold keeps every surface in a mapping of its own, returned the moment it is freed.
Elsewhere (macOS, Windows, musl) these are no-ops.
"""
from __future__ import annotations

import sys

M_MMAP_THRESHOLD = -3
THRESHOLD = 256 * 1024    # a 128x128 RGBA tile is 64 KB; every picture bigger than this gets its own mapping

_libc = None


def _glibc():
    global _libc
    if _libc is None:
        _libc = False
        if sys.platform.startswith("linux"):
            try:
                import ctypes  # here: only Linux needs it, and only once
                libc = ctypes.CDLL("libc.so.6")  # glibc's name; musl has no such file (ctypes.util would fork)
                if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim"):
                    _libc = libc
            except OSError:
                pass
    return _libc or None


def bound_heap() -> bool:
    """Keep big blocks out of the heap from now on; True if the C library took the setting."""
    libc = _glibc()
    return bool(libc and libc.mallopt(M_MMAP_THRESHOLD, THRESHOLD))


def give_back() -> None:
    """Return the heap's free pages (after a cache forgot something big)."""
    libc = _glibc()
    if libc:
        libc.malloc_trim(0)
