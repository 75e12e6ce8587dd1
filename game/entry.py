"""The program's entry point: main.py, `python -m game` and the installed `under-the-same-stars` command.

Python's cyclic garbage collector is paused while the program starts: importing the game and reading its story
make about 100,000 objects and almost no garbage, and the collector, set off by the count of objects made, ran 40
times over them (5 ms of a start of about 170). It runs again as soon as the command is known (game/cli.py) or,
for the window, once the first frame is on screen (game/ui/app.py), and in any case when main() returns.
"""
from __future__ import annotations

import gc


def main(argv: list[str] | None = None) -> int:
    """game.cli.main, with the collector paused until the program has started."""
    gc.disable()
    try:
        from .cli import main as run
        return run(argv)
    finally:
        gc.enable()
