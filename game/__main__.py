"""`python -m game`: the command line (lint, routes, play, explore, stats) or, with no command, the game."""
from __future__ import annotations

import sys

from .entry import main

if __name__ == "__main__":
    sys.exit(main())
