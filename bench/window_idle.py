"""Where an idle window's time goes: the game's own loop on one screen, for a fixed time, in a real window.

    python bench/window_idle.py title               # the title, 25 s after 4 s to settle; prints what it did
    python bench/window_idle.py menu --seconds 20   # the first route's first choice menu (its text shown at once)
    python bench/window_idle.py line --profile 30   # a finished line; also cProfile's top 30 functions

Run it on a display (Xvfb's, say; SDL_AUDIODRIVER=dummy for a working mixer without a device). The player's
folders go to a temporary directory unless UTSS_DATA_DIR and UTSS_CONFIG_DIR are set (a settings.json there
sets reduced motion, volumes...). It runs App.run itself, as `python main.py` does, and counts what the loop
did in the measured time: its passes, the steps it took (a still screen is not stepped), the frames drawn, the
rects presented and their area, and the CPU time of each part (the main thread's own clock) and of each thread
(/proc's schedstat, in nanoseconds). A diagnostic beside bench/window_bench.py, whose idle figures are the ones
docs/performance.md shows.
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

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def thread_ns() -> dict[str, int]:
    """CPU nanoseconds of this process's threads, summed by thread name."""
    out: dict[str, int] = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            name = (task / "comm").read_text().strip()
            out[name] = out.get(name, 0) + int((task / "schedstat").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            continue
    return out


def first_screen(app, what: str, route: str | None):
    from game.ui.screens.play import PlayScreen
    from game.ui.screens.title import TitleScreen
    if what == "title":
        return TitleScreen(app)
    route = route or next(iter(app.story.routes))
    screen = PlayScreen(app, app.start_route(route))
    app.stack = [screen]
    screen.on_enter()
    if what == "menu":
        app.settings.text_speed = 0
        screen.box.speed = 0
        while screen.menu is None:
            screen.stage.finish()
            screen.box.complete()
            if screen.advance() is not None:
                raise SystemExit(f"the route {route} ended before a menu")
    screen.stage.finish()
    screen.box.complete()
    return screen


class Tally:
    """The loop's parts, timed on the main thread's clock once the measure has begun."""

    def __init__(self) -> None:
        self.on = False
        self.seconds: dict[str, float] = {"events": 0.0, "step": 0.0, "paint": 0.0, "present": 0.0}
        self.counts: dict[str, int] = {"passes": 0, "steps": 0, "frames": 0, "whole": 0, "rects": 0, "area": 0}

    def timed(self, part: str, call):
        def wrapper(*args, **kwargs):
            if not self.on:
                return call(*args, **kwargs)
            began = time.thread_time()
            try:
                return call(*args, **kwargs)
            finally:
                self.seconds[part] += time.thread_time() - began
        return wrapper


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("screen", choices=("title", "menu", "line"))
    parser.add_argument("--seconds", type=float, default=25.0)
    parser.add_argument("--settle", type=float, default=4.0)
    parser.add_argument("--route")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="cProfile's top N functions")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="window-idle-") as folder:
        os.environ.setdefault("UTSS_DATA_DIR", str(Path(folder) / "data"))
        os.environ.setdefault("UTSS_CONFIG_DIR", str(Path(folder) / "config"))
        result = run(args)
    profile = result.pop("profile", None)
    print(json.dumps(result, indent=1))
    if profile:
        print("\n".join(profile))
    return 0


def run(args) -> dict:
    import game.ui  # noqa: F401  (its SDL settings, before pygame starts)
    import pygame

    from game.story import load_story
    from game.ui.app import App
    app = App(load_story())
    first = first_screen(app, args.screen, args.route)
    tally = Tally()
    profiler = cProfile.Profile() if args.profile else None
    marks: dict[str, tuple] = {}
    began = time.monotonic()
    poll = tally.timed("events", pygame.event.get)

    def events(*a, **k):
        """Every pass of the loop polls the events, stepped or not: the measure's clock runs here."""
        now = time.monotonic()
        if not tally.on and "end" not in marks and now - began >= args.settle:
            marks["start"] = (now, time.thread_time(), thread_ns())
            tally.on = True
            if profiler:
                profiler.enable()
        elif tally.on and now - marks["start"][0] >= args.seconds:
            if profiler:
                profiler.disable()
            tally.on = False
            marks["end"] = (now, time.thread_time(), thread_ns())
            app.terminated = True
        if tally.on:
            tally.counts["passes"] += 1
        return poll(*a, **k)

    step, present = tally.timed("step", app.step), tally.timed("present", app.window.present)

    def counted_step(dt, force=False):
        tally.counts["steps"] += tally.on
        return step(dt, force)

    def counted_present(rects=None):
        if tally.on:
            tally.counts["frames"] += 1
            tally.counts["whole"] += rects is None
            tally.counts["rects"] += len(rects) if rects else 0
            tally.counts["area"] += 1280 * 720 if rects is None else sum(r.width * r.height for r in rects)
        present(rects)

    pygame.event.get = events
    app.step, app.window.present = counted_step, counted_present
    app.painter.paint = tally.timed("paint", app.painter.paint)
    app.suspend = lambda: None   # no autosave on the way out: this is a measure, not a playthrough
    app.run(first)
    (t0, m0, n0), (t1, m1, n1) = marks["start"], marks["end"]
    wall = t1 - t0
    counts = tally.counts
    out = {"screen": args.screen, "wall_s": round(wall, 2),
           "cpu_percent": round(100 * sum(n1.get(k, 0) - n0.get(k, 0) for k in n1) / 1e9 / wall, 3),
           "threads_ms_per_s": {k: round((n1.get(k, 0) - n0.get(k, 0)) / 1e6 / wall, 3) for k in n1},
           "main_thread_ms_per_s": round(1000 * (m1 - m0) / wall, 3),
           "passes_per_s": round(counts["passes"] / wall, 1), "steps_per_s": round(counts["steps"] / wall, 1),
           "frames_per_s": round(counts["frames"] / wall, 2), "whole_frames": counts["whole"],
           "rects_per_frame": round(counts["rects"] / max(1, counts["frames"] - counts["whole"]), 2),
           "px_per_s": round(counts["area"] / wall)}
    out.update({f"{part}_ms_per_s": round(1000 * s / wall, 3) for part, s in tally.seconds.items()})
    frames = max(1, counts["frames"])
    out.update({f"{part}_us_per_frame": round(1e6 * tally.seconds[part] / frames, 1) for part in ("paint", "present")})
    if profiler:
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(args.profile)
        out["profile"] = text.getvalue().splitlines()
    return out


if __name__ == "__main__":
    sys.exit(main())
