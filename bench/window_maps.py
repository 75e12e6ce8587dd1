"""How much each of a story's maps moves while a line is read: what the window benchmark's idle runs pick from.

    python bench/window_maps.py [--story DIR]    # one JSON object: each map's steps a second, rects a step

Each map a scene opens on is loaded headless and stepped as the game's loop steps it while the player reads
(AmbientClock at the loop's polls, 1/30 s apart, for 60 s of play): the steps a second that repaint something
and the rects each repaints. The first line read on the map comes with it, for `python main.py --at LINE`.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

POLL = 1 / 30
PLAYED_S = 60.0


def first_lines(story) -> dict[str, str]:
    """Each background a scene opens on, and the first line read on it (the first such scene's, a route open
    from the start before one that opens after others end: `--at` then needs no past playthroughs)."""
    from game.story.model import SayOp, StageOp
    later = {name for name, route in story.routes.items() if route.after}
    out: dict[str, str] = {}
    for scene in sorted(story.scenes.values(), key=lambda scene: scene.id.split(".")[0] in later):
        shown = None
        for op in scene.ops:
            if isinstance(op, StageOp) and op.kind in ("scene", "background") and op.name:
                shown = op.name
            elif isinstance(op, SayOp) and shown is not None:
                out.setdefault(shown, op.line_id)
                shown = None
    return out


def motion(path: Path) -> tuple[float, float]:
    """Steps a second that repaint something, and rects a step, over PLAYED_S of the loop's polls."""
    from game.ui.backgrounds import load_background
    from game.ui.stage import AmbientClock
    background = load_background(path)
    if not background.animated:
        return 0.0, 0.0
    clock, steps, rects, now, last, wake = AmbientClock(), 0, 0, 0.0, 0.0, 0.0
    while now < PLAYED_S:
        now += POLL
        if now >= wake:
            changed = clock.update(background, now - last)
            last = now
            steps += bool(changed)
            rects += len(changed)
            wake = now + clock.still_for(background)
    return steps / PLAYED_S, rects / max(steps, 1)


def main(argv: list[str]) -> int:
    import pygame
    from game.story import load_story
    story = load_story(argv[argv.index("--story") + 1]) if "--story" in argv else load_story()
    pygame.display.init()
    pygame.display.set_mode((1280, 720))
    maps = []
    for name, line in sorted(first_lines(story).items()):
        path = Path(story.root) / "assets" / "backgrounds" / f"{name}.tmx"
        if path.is_file():
            steps, per_step = motion(path)
            maps.append({"name": name, "line": line, "steps_per_s": round(steps, 2),
                         "rects_per_step": round(per_step, 1)})
    print(json.dumps({"maps": maps}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
