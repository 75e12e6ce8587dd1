"""A built program on Windows is a console program, so that its commands (lint, play...) print where they were
typed. Double-clicked in Explorer, Windows gives it a console window of its own, which would stand behind the
game's window for as long as it runs: the window lets go of that console when no one else shares it."""
from __future__ import annotations

import os
import sys


def release_own_console() -> bool:
    """On Windows, in a built program, free the console if this process is the only one attached to it (it was
    made for us, not typed into); True when it was freed. Anywhere else, or on any failure, nothing happens."""
    if sys.platform != "win32" or not getattr(sys, "frozen", False):
        return False
    try:
        import ctypes
        kernel32 = ctypes.windll.kernel32
        processes = (ctypes.c_uint32 * 2)()
        if kernel32.GetConsoleProcessList(processes, 2) != 1:
            return False   # a command prompt shares it (or there is none): keep it for what the game prints
        if not kernel32.FreeConsole():
            return False
    except (AttributeError, OSError):
        return False
    # what would have gone to the console now goes nowhere (an unexpected error still writes its details file)
    sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")
    return True
