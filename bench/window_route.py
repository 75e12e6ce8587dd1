"""Plays one whole route in the game's window as a quick reader would, timing every frame; prints one JSON line.

    python bench/window_route.py tests/playthroughs/vineyard_found.yaml [--read 0.15] [--wait 2.0]

A child of bench/window_bench.py (one fresh process per route, so its peak memory is the route's own). The App
is built as `python main.py` builds it (a real window on $DISPLAY, the mixer open on SDL's audio driver) and
driven through its own loop functions: events in through `app.handle`, frames through `app.step`, the same
sleeps as `App.run` between them. The reader presses Return as soon as a line has all appeared (finishing
the reveal), reads it for --read seconds and for as long as the game is still preparing what comes next
(at most --wait seconds), then presses Return again; at a menu it presses the plan's number. After the
ending it waits for the Continue button and presses Return, back to the title.

A frame is one pass of the loop without its sleep: the events handled and the step (update, draw, present).
Reported: every frame's time, the frames that changed the background (first visits and returns), the worst,
how many decodes happened on a frame (the prefetch counters), and the peak memory (VmHWM) at the end.
It measures and reports; it never passes or fails on time.
"""
import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import game.ui  # noqa: E402,F401  (first: SDL's hints before pygame starts)
import pygame  # noqa: E402
import yaml  # noqa: E402

from game.story import Runner, load_story  # noqa: E402
from game.ui.app import App, BUSY_FPS, IDLE_SLEEP  # noqa: E402
from game.ui.memory import bound_heap  # noqa: E402
from game.ui.screens.play import MENU_GUARD  # noqa: E402
import game.ui.screens.title  # noqa: E402,F401  (main.py shows the title first: its module is loaded by then)

BUDGET_MS = 1000 / 30     # two frames at 60 Hz


def status_mb(key: str) -> float:
    for row in Path("/proc/self/status").read_text().splitlines():
        if row.startswith(key + ":"):
            return int(row.split()[1]) / 1024
    return float("nan")


def loaded_on_demand(app: App) -> int:
    """Backgrounds, sprites and sounds a frame loaded itself, so far."""
    return sum(v for k, v in app.assets.decoded.items() if k[1] == "on demand") + \
        getattr(app.audio, "decoded", {}).get("on demand", 0)


def press(key: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, {"key": key, "mod": 0, "unicode": "", "scancode": 0})


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("plan", type=Path)
    parser.add_argument("--read", type=float, default=0.15, help="seconds a line is read at least")
    parser.add_argument("--wait", type=float, default=2.0, help="seconds a line is read at most while the game "
                        "is still preparing what comes next")
    parser.add_argument("--story", help="another story folder")
    parser.add_argument("--note-over", type=float, default=BUDGET_MS, metavar="MS",
                        help=f"describe each frame slower than this (default {BUDGET_MS:.1f} ms, the budget)")
    args = parser.parse_args()
    plan = yaml.safe_load(args.plan.read_text(encoding="utf-8"))
    story = load_story(args.story) if args.story else load_story()
    app = App(story)
    play = app.make("play", Runner.new(story, plan["route"]))
    app.stack = [play]
    play.on_enter()
    waits = [0.0]   # seconds this frame waited for a load the worker had started (prefetch.finish)
    finish = app.prefetch.finish

    def timed_finish(key, timeout=5.0):
        began = time.perf_counter()
        try:
            return finish(key, timeout)
        finally:
            waits[0] += time.perf_counter() - began
    app.prefetch.finish = timed_finish
    choices = list(plan.get("choose", []))
    frames: list[float] = []
    changes: list[dict] = []
    slow: list[dict] = []
    shown_bg, lines, menus, waited_out = play.stage.name, 0, 0, 0
    pending: list[pygame.event.Event] = []
    ready_since = None
    dirty, last, ended = True, time.perf_counter(), False
    first = True
    playing = app.audio.now_playing.get("music")
    music_changes: list[dict] = []
    while app.stack:
        began, began_cpu = time.perf_counter(), time.thread_time()
        waits[0] = 0.0
        demand = loaded_on_demand(app)
        loading = app.prefetch.loading   # what the worker was reading as the frame began, if anything
        fed = [pygame.event.event_name(e.type) for e in pending]
        for event in pygame.event.get() + pending:
            dirty |= app.handle(event)
        pending = []
        handled = time.perf_counter()
        dt, last = min(began - last, 0.1), began
        drew = app.step(dt, force=dirty)
        took = (time.perf_counter() - began) * 1000
        if took > args.note_over:
            slow.append({"ms": round(took, 1), "cpu_ms": round((time.thread_time() - began_cpu) * 1000, 1),
                         "events_ms": round((handled - began) * 1000, 1), "pressed": fed,
                         "waited_ms": round(waits[0] * 1000, 1), "loaded_on_the_frame": loaded_on_demand(app) - demand,
                         "worker": str(loading) if loading else None,
                         "screen": type(app.stack[-1]).__name__ if app.stack else None, "frame": len(frames)})
        dirty = False
        if first and drew:
            first = False
            bound_heap()
            app.start_audio()
        frames.append(took)
        music = app.audio.now_playing.get("music")
        if music != playing:
            music_changes.append({"music": music, "ms": took, "frame": len(frames) - 1})
            playing = music
        top = app.stack[-1] if app.stack else None
        stage = getattr(top, "stage", None)
        if stage is not None and stage.name != shown_bg:
            changes.append({"background": stage.name, "ms": took, "frame": len(frames) - 1,
                            "rss_mb": status_mb("VmRSS")})
            shown_bg = stage.name
        # the reader
        now = time.perf_counter()
        kind = type(top).__name__
        if kind == "PlayScreen":
            if top.stage.busy or top.pending is not None:
                ready_since = None
            elif not top.box.done:
                pending.append(press(pygame.K_RETURN))   # a quick reader: the whole line at once
                ready_since = None
            elif ready_since is None:
                ready_since = now
            elif now - ready_since >= args.read and (top.menu is None or top.menu_age >= MENU_GUARD + 0.05):
                if app.prefetch.idle or now - ready_since >= args.wait:
                    waited_out += not app.prefetch.idle
                    if top.menu is not None:
                        number = choices.pop(0) if choices else 1 + next(i for i, b in enumerate(top.menu.buttons)
                                                                          if b.enabled)
                        pending.append(press(getattr(pygame, f"K_{number}")))
                        menus += 1
                    else:
                        pending.append(press(pygame.K_RETURN))
                        lines += 1
                    ready_since = None
        elif kind == "EndingScreen":
            ended = True
            if top.ready:
                pending.append(press(pygame.K_RETURN))
        elif kind == "TitleScreen" and ended:
            break
        elif kind == "StoryStopped":
            print(json.dumps({"error": f"the story stopped: {top.message}"}))
            return 1
        if app.busy() or pending:
            app.clock.tick(BUSY_FPS)
        else:
            time.sleep(IDLE_SLEEP)
    hwm, rss = status_mb("VmHWM"), status_mb("VmRSS")
    assets, audio = app.assets, app.audio
    result = {
        "plan": args.plan.name, "route": plan["route"], "lines": lines, "menus": menus,
        "frames": len(frames), "worst_ms": max(frames), "median_ms": statistics.median(frames),
        "over_budget": sum(ms > BUDGET_MS for ms in frames),
        "slowest": sorted(frames, reverse=True)[:5],
        "changes": changes, "slow": slow, "music_changes": music_changes,
        "decoded": {f"{k[0]} {k[1]}": v for k, v in assets.decoded.items()},
        "sounds_decoded": dict(audio.decoded) if hasattr(audio, "decoded") else {},
        "on_demand": assets.on_demand, "waited_out": waited_out,
        "hwm_mb": hwm, "rss_mb": rss, "kept": assets.kept_bytes,
        "took_s": time.perf_counter() - STARTED,
    }
    app.close()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
