"""Under the Same Stars: a visual novel and the small engine it runs on."""
from __future__ import annotations

import sys

__version__ = "0.1.0"
# how messages name the program: the built one (tools/build.py) by its executable's name
PROGRAM = "under-the-same-stars" if getattr(sys, "frozen", False) else "python -m game"
