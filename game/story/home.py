"""Where the game's own story lives: the project folder holding scenes/ and assets/."""
from __future__ import annotations

from pathlib import Path


def default_root() -> Path:
    """The game's own story folder: the project folder holding scenes/ and assets/."""
    return Path(__file__).resolve().parents[2]
