"""Runs the game to its first frame, as `python main.py` does, noting when each stage of the start-up ends.

    UTSS_EXIT_AFTER_FIRST_FRAME=1 UTSS_BENCH_MARKS=marks.json python bench/window_startup.py

A diagnostic for bench/window_bench.py: the stamps are time.monotonic_ns() (CLOCK_MONOTONIC, the same clock
in every process), so the parent can put them next to the moment it launched this process and the moment
the process ended. Wrapping the game's functions costs microseconds; the stages are the game's own.
"""
import time

STARTED = time.monotonic_ns()

import gc  # noqa: E402

gc.disable()  # as game/entry.py does before it imports the game (this script imports it here, to mark each stage)
import atexit  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MARKS = [("script started", STARTED)]


def mark(label: str) -> None:
    MARKS.append((label, time.monotonic_ns()))


def after(owner, name: str, label: str, once: bool = True) -> None:
    """Note the moment owner.name (a function) first returns."""
    original = getattr(owner, name)

    def wrapper(*args, **kwargs):
        result = original(*args, **kwargs)
        if not once or all(seen != label for seen, _ in MARKS):
            mark(label)
        return result
    setattr(owner, name, wrapper)


def before(owner, name: str, label: str) -> None:
    original = getattr(owner, name)

    def wrapper(*args, **kwargs):
        if all(seen != label for seen, _ in MARKS):
            mark(label)
        return original(*args, **kwargs)
    setattr(owner, name, wrapper)


@atexit.register
def _write() -> None:
    mark("exit began")
    out = os.environ.get("UTSS_BENCH_MARKS")
    if out:
        Path(out).write_text(json.dumps(MARKS), encoding="utf-8")


import game.ui  # noqa: E402,F401  (first, as in the game: it sets SDL's hints before pygame is imported)
import pygame  # noqa: E402

mark("pygame imported")
import game.cli as cli  # noqa: E402

mark("game.cli imported (the story model)")
after(cli, "_load_story", "story read and checked (when not kept)")
import game.story.kept as kept  # noqa: E402

after(kept, "load_kept", "story loaded (kept from the last start, or read and checked)")
import game.ui.app as app_module  # noqa: E402
import game.ui.launch  # noqa: E402,F401
import game.ui.screens.title as title_module  # noqa: E402

mark("front end imported (game.ui.app, the title screen)")
before(app_module.App, "__init__", "App() began")
after(app_module.App, "_open_window", "window open")
after(app_module.App, "__init__", "App() built (fonts, assets, silent audio)")
after(title_module.TitleScreen, "__init__", "title screen built (backdrop)")
after(pygame.display, "flip", "first frame on screen")
after(pygame.display, "update", "first frame on screen")

import game.entry  # noqa: E402

sys.exit(game.entry.main(sys.argv[1:]))
