"""Where the game's own story lives: the project folder holding scenes/ and assets/."""
from __future__ import annotations

import sys
from pathlib import Path


def default_root() -> Path:
    """The game's own story folder: the project folder holding scenes/ and assets/, or in a built program
    (tools/build.py, PyInstaller) the bundle's data folder that holds them."""
    if getattr(sys, "frozen", False):
        # one-folder builds unpack nothing: _MEIPASS is the _internal/ folder beside the executable
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).resolve().parent))
    return Path(__file__).resolve().parents[2]
