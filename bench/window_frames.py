"""Frame cost of the play screen while a line is being revealed, next to a bare pygame-ce loop, in one process.

    python bench/window_frames.py --frames 600 --rounds 6 [--profile N]

Run by bench/window_bench.py in a fresh process (SDL's dummy video driver, no audio); prints one JSON object.
The game's App is built headless as the tests build it (tests/ui_helpers.py make_app), a PlayScreen is put
on its stack at a moment with both characters on stage, and the route's longest spoken line is revealed
at the player's text speed while app.step(1/60) is timed frame by frame. The bare loop blits the same
background, a text-box panel and three pre-rendered lines of the same font each frame and flips. The two
are timed in alternating rounds, so a busy moment on a shared machine falls on both.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
for _name in ("UTSS_DATA_DIR", "UTSS_CONFIG_DIR"):  # App.close() saves the settings: never the player's
    os.environ.setdefault(_name, tempfile.mkdtemp(prefix="window-bench-"))

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402

from game.story import Line, Menu, Runner, load_story  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.prefs import Records, Settings  # noqa: E402
from game.ui.screens.play import PlayScreen  # noqa: E402

DT = 1 / 60
BOX = pygame.Rect(60, 486, 1160, 196)   # where the game's text box stands (game/ui/textbox.py)
TEXT_POS = (104, 520)


def longest_spoken_line(story, route: str, limit: int = 5000) -> Line:
    """The route's longest line said by a character, playing every menu's first option."""
    runner, best, steps = Runner.new(story, route), None, 0
    while steps < limit:
        steps += 1
        event = runner.advance()
        if isinstance(event, Line) and event.speaker and (best is None or len(event.text) > len(best.text)):
            best = event
        elif isinstance(event, Menu):
            runner.choose(next(i for i, o in enumerate(event.options) if o.available))
        elif runner.status != "ready" and not isinstance(event, Line):
            break
    if best is None:
        raise SystemExit(f"route '{route}' has no spoken line to reveal")
    return best


def play_screen(app: App, route: str) -> PlayScreen:
    """A PlayScreen on the app's stack, at the route's first moment with two characters on stage."""
    screen = PlayScreen(app, Runner.new(app.story, route))
    app.stack = [screen]
    screen.on_enter()
    for _ in range(200):
        if len(screen.stage.actors) >= 2 or screen.menu is not None:
            break
        screen.stage.finish()
        screen.box.complete()
        if screen.advance() is not None:
            break
    screen.stage.finish()
    screen.toasts.items.clear()
    return screen


class BareLoop:
    """Nothing but pygame: the same picture (drawn once), a panel drawn once, three lines rendered once; blit them, flip."""

    def __init__(self, picture: pygame.Surface, lines: list[str], font_path: str, size: int):
        self.background = picture.convert()
        self.panel = pygame.Surface(BOX.size, pygame.SRCALPHA)
        pygame.draw.rect(self.panel, (24, 22, 30, 236), self.panel.get_rect(), border_radius=14)
        pygame.draw.rect(self.panel, (92, 80, 70, 255), self.panel.get_rect(), width=2, border_radius=14)
        font = pygame.font.Font(font_path, size)
        self.lines = [font.render(line, True, (244, 236, 222)) for line in lines]
        self.step_y = font.get_linesize()

    def frame(self) -> None:
        canvas = pygame.display.get_surface()
        canvas.blit(self.background, (0, 0))
        canvas.blit(self.panel, BOX.topleft)
        x, y = TEXT_POS
        for line in self.lines:
            canvas.blit(line, (x, y))
            y += self.step_y
        pygame.display.flip()


def measure(frames: int, rounds: int, route: str | None, profile: int, root: Path | None = None) -> dict:
    story = load_story(root) if root else load_story()
    route = route or next(iter(story.routes))
    line = longest_spoken_line(story, route)
    app = App(story, Settings(), Records(), headless=True, audio=False)
    screen = play_screen(app, route)
    screen.show_line(line, instant=False)
    screen.stage.finish()
    pages = screen.box.pages
    # Three lines of the same face, as wide as the game's: the line's own words, repeated if it is shorter.
    words = [text for page in pages for text in page] * 3
    import fontpkg
    # The bare loop blits the same picture, drawn once by the game's loader (a Tiled map or a plain image).
    still = pygame.Surface(app.canvas.get_size())
    app.assets.background(screen.stage.name).draw(still)
    bare = BareLoop(still, words[:3], str(fontpkg.path("lora")), 28)

    clock = time.perf_counter_ns
    game_ns: list[int] = []
    drew: list[bool] = []
    bare_ns: list[int] = []
    restarts = 0
    areas: list[int] = []
    canvas_area = app.canvas.get_width() * app.canvas.get_height()
    profiler = cProfile.Profile() if profile else None
    per_round = max(1, frames // rounds)
    for _ in range(rounds):
        for _ in range(per_round):
            start = clock()
            bare.frame()
            bare_ns.append(clock() - start)
        for _ in range(per_round):
            if not screen.box.busy:  # the line is all shown: reveal it again (not timed: a new line's wrap
                screen.show_line(line, instant=False)  # happens when the player clicks, not in step())
                restarts += 1
            if profiler:
                profiler.enable()
            start = clock()
            drawn = app.step(DT)
            game_ns.append(clock() - start)
            if profiler:
                profiler.disable()
            drew.append(drawn)
            if drawn:  # what the step drew: the whole canvas (None) or the screen's dirty rects
                rects = screen.dirty_rects()
                areas.append(canvas_area if rects is None else sum(r.clip(app.canvas.get_rect()).width *
                                                                     r.clip(app.canvas.get_rect()).height
                                                                     for r in rects))
    result = {"route": route, "line_id": line.id, "line_chars": len(line.text), "speaker": line.speaker,
              "pages": len(pages), "lines_on_page": len(pages[0]), "text_speed": screen.box.speed,
              "actors": len(screen.stage.actors), "background": screen.stage.name,
              "game_ns": game_ns, "drew": drew, "bare_ns": bare_ns, "restarts": restarts,
              "whole_frames": sum(a == canvas_area for a in areas),
              "drawn_share": (sum(areas) / len(areas) / canvas_area) if areas else 0.0,
              "canvas": list(app.canvas.get_size()), "driver": pygame.display.get_driver()}
    if profiler:
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).strip_dirs().sort_stats("tottime").print_stats(profile)
        result["profile"] = text.getvalue()
    app.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--route")
    parser.add_argument("--story", type=Path, metavar="DIR", help="a story folder (default: the game's own)")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="cProfile the game's frames: top N")
    args = parser.parse_args()
    print(json.dumps(measure(args.frames, args.rounds, args.route, args.profile, args.story)))


if __name__ == "__main__":
    main()
