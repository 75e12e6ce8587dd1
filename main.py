"""Launches Under the Same Stars: `python main.py` (see README.md)."""
from __future__ import annotations

import sys

from game.entry import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
