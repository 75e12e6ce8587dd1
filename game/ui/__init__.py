"""The pygame-ce front end: window, screens, stage, text box, sound."""
from __future__ import annotations

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # keep standard output for the game's own words
os.environ.setdefault("SDL_VIDEO_X11_WMCLASS", "under-the-same-stars")  # read by SDL when pygame is imported
# SDL's software renderer scales the 1280x720 canvas to the window: it flips a frame in under a millisecond,
# and unlike the GL renderer it does not load Mesa and LLVM (about 90 MB). Set SDL_RENDER_DRIVER to override.
os.environ.setdefault("SDL_RENDER_DRIVER", "software")
os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
# pygame's SCALED mode scales by whole numbers in a window unless this hint (under this very name) is true: a
# 1600x900 window would show the canvas at 1:1 with borders. True: the canvas fills any window, letterboxed,
# smoothed by linear filtering.
os.environ.setdefault("SDL_HINT_RENDER_SCALE_QUALITY", "1")
os.environ.setdefault("SDL_RENDER_SCALE_QUALITY", "linear")
