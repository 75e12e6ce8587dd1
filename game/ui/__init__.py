"""The pygame-ce front end: window, screens, stage, text box, sound."""
from __future__ import annotations

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # keep standard output for the game's own words
os.environ.setdefault("SDL_VIDEO_X11_WMCLASS", "under-the-same-stars")  # read by SDL when pygame is imported
# The window is a plain software surface (window.py scales the canvas itself): no GL framebuffer, so SDL does
# not load Mesa and LLVM (about 90 MB).
os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
