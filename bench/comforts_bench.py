"""Benchmark of the player's comforts: saving with a picture, the Save/Load screen, rollback, its memory, and the
save screen at rest; written to docs/performance.md.

    python bench/comforts_bench.py            # full run (about 10 s), rewrites its section of the report
    python bench/comforts_bench.py --quick    # fewer repeats; prints the section, writes nothing

It measures and reports; it never passes or fails on time. Targets are shown next to the figures. Everything
runs in one process on SDL's dummy drivers, with the player's folders in a temporary directory.
"""
from __future__ import annotations

import argparse
import datetime
import gc
import os
import platform
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from machine_info import cpu_name  # noqa: E402
from report_section import write_section  # noqa: E402

REPORT = ROOT / "docs" / "performance.md"
START, END = "<!-- comforts-bench:start -->", "<!-- comforts-bench:end -->"
HEADING = "## Saves, rollback and history"
AFTER = "<!-- window-bench:end -->"     # the section goes after the window's

TARGET_SAVE_MS = 50.0
TARGET_OPEN_MS = 100.0
TARGET_BACK_MS = 5.0
TARGET_MEMORY_MB = 5.0

SAVES = 36               # slots 1-36: six full pages for the Load screen
LINES_BETWEEN_SAVES = 4
ROLLBACK_LINES = 250     # lines played before stepping back
MEMORY_STEPS = 500
IDLE_SECONDS, IDLE_DT = 3.0, 1 / 30
ROUTE_ORDER = ("paris", "vineyard", "provence", "epilogue")   # the longest first


def player_folders() -> tempfile.TemporaryDirectory:
    """Dummy drivers and a temporary home for saves and settings, set before the game is imported."""
    folder = tempfile.TemporaryDirectory(prefix="comforts-bench-")
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    os.environ["UTSS_DATA_DIR"] = str(Path(folder.name) / "data")
    os.environ["UTSS_CONFIG_DIR"] = str(Path(folder.name) / "config")
    return folder


def ms(seconds: float) -> float:
    return seconds * 1000.0


def verdict(ok: bool) -> str:
    return "meets" if ok else "**misses**"


def first_available(menu) -> int:
    return next(i for i, option in enumerate(menu.options) if option.available)


def routes(story) -> list[str]:
    ordered = [r for r in ROUTE_ORDER if r in story.routes]
    return ordered + [r for r in story.routes if r not in ordered]


# ----------------------------------------------------------------------------------------------------------
# Driving the play screen as a player does: advance (Return), and the first available option at a menu.

def make_app(story):
    """A headless App as tests/ui_helpers.py makes one, but with the story's records and seen lines kept in
    the (temporary) player folder, so each save also writes seen.json as it does in the game."""
    from game.ui.app import App
    from game.ui.prefs import Settings
    return App(story, Settings(), None, headless=True, audio=False)


def start_play(app, route: str, timeline=None):
    """A play screen on route at its first line; given a timeline, it records into that one."""
    from game.story import Runner
    play = app.make("play", Runner.new(app.story, route))
    if timeline is not None:
        play.timeline = timeline
    app.stack = [play]
    play.on_enter()
    return play


def walk(play, lines: int) -> tuple[int, object]:
    """Advance until `lines` more lines are shown; (lines shown, the transition that ended the route or None)."""
    shown = 0
    while shown < lines:
        steps = play.timeline.steps
        before = steps[-1] if steps else None
        if play.menu is not None:
            transition = play.choose(first_available(play.runner.current_menu()))
        else:
            transition = play.advance()
        if transition is not None:
            return shown, transition
        if steps and steps[-1] is not before and steps[-1].line is not None:
            shown += 1
    return shown, None


def settle(app, play, limit_s: float = 20.0, dt: float = 0.05) -> None:
    """Let time pass in steps (no real waiting) until the stage is still and the line has all appeared."""
    for _ in range(int(limit_s / dt)):
        if not play.busy:
            return
        app.step(dt)


def play_lines(app, lines: int):
    """One play screen that has shown `lines` lines, going on to the next route in the same timeline when a
    route ends (no route is that long); (the play screen, routes played)."""
    order = routes(app.story)
    play, played = start_play(app, order[0]), [order[0]]
    while True:
        shown = sum(1 for step in play.timeline.steps if step.line is not None)
        if shown >= lines:
            return play, played
        _, ended = walk(play, lines - shown)
        if ended is not None:
            played.append(order[len(played) % len(order)])
            play = start_play(app, played[-1], play.timeline)


# ----------------------------------------------------------------------------------------------------------
# The measures.

def measure_saves(app) -> dict:
    """SAVES saves into slots 1-36, LINES_BETWEEN_SAVES lines apart, each once the line has all appeared:
    snapshot() + write_slot(), timed; then the picture's parts on their own, for the breakdown."""
    import io

    import pygame
    from game.slots import PER_PAGE, slot_name
    from game.ui.session import THUMB, write_slot
    from game.ui.theme import CANVAS
    order = routes(app.story)
    play = start_play(app, order[0])
    parts = {k: [] for k in ("totals", "snaps", "writes", "draw", "scale", "png", "sizes", "thumb_sizes")}
    for n in range(SAVES):
        if n:
            _, ended = walk(play, LINES_BETWEEN_SAVES)
            if ended is not None:
                play = start_play(app, order[n % len(order)])
        settle(app, play)
        name = slot_name(n // PER_PAGE, n % PER_PAGE)
        start = time.perf_counter()
        snap = play.snapshot()
        middle = time.perf_counter()
        note = write_slot(app, name, snap)
        end = time.perf_counter()
        if note != "Saved":
            raise RuntimeError(f"{name}: {note}")
        parts["totals"].append(end - start)
        parts["snaps"].append(middle - start)
        parts["writes"].append(end - middle)
        parts["sizes"].append(app.slots.path(name).stat().st_size)
        parts["thumb_sizes"].append(len(snap.thumbnail or b""))
        # session.thumbnail()'s three steps, timed apart (a diagnostic; the save above is the figure)
        scene = pygame.Surface(CANVAS)
        t0 = time.perf_counter()
        play.stage.draw(scene)
        t1 = time.perf_counter()
        small = pygame.transform.smoothscale(scene, THUMB)
        t2 = time.perf_counter()
        pygame.image.save(small, io.BytesIO(), "thumb.png")
        t3 = time.perf_counter()
        parts["draw"].append(t1 - t0)
        parts["scale"].append(t2 - t1)
        parts["png"].append(t3 - t2)
    seen = app.slots.folder.parent / "seen.json"
    return {**parts, "route": order[0], "log": len(play.timeline.log()),
            "seen_kb": seen.stat().st_size / 1024 if seen.exists() else 0.0}


def measure_screen(app, runs: int) -> dict:
    """The Load screen over a play screen, with SAVES slots filled: made for its page and drawn once."""
    import io

    import pygame
    from game.ui.screen import Pop, Push, apply
    play = start_play(app, routes(app.story)[0])
    walk(play, 3)
    settle(app, play)
    canvas = app.canvas
    out: dict[str, list[float]] = {k: [] for k in ("make", "draw", "frame", "newest", "page", "picture",
                                                    "save_make", "save_draw")}
    first = None
    for run in range(runs + 1):
        start = time.perf_counter()
        screen = app.make("saves", "load")
        middle = time.perf_counter()
        screen.draw(canvas)
        end = time.perf_counter()
        if first is None:
            first = (middle - start, end - middle)
            continue                              # the first opening also makes fonts; reported on its own
        out["make"].append(middle - start)
        out["draw"].append(end - middle)
        start = time.perf_counter()
        screen = app.make("saves", "load")
        apply(app.stack, Push(screen))
        app.step(0.0, force=True)                 # as the loop draws a pushed screen: play beneath, dimmed
        out["frame"].append(time.perf_counter() - start)
        apply(app.stack, Pop())
        start = time.perf_counter()
        app.slots.newest()
        out["newest"].append(time.perf_counter() - start)
        start = time.perf_counter()
        infos = [app.slots.info(name) for name in screen.names]
        out["page"].append(time.perf_counter() - start)
        start = time.perf_counter()
        pygame.image.load(io.BytesIO(infos[0].thumbnail), "thumb.png")
        out["picture"].append(time.perf_counter() - start)
        start = time.perf_counter()
        saving = app.make("saves", "save", play)
        middle = time.perf_counter()
        saving.draw(canvas)
        out["save_draw"].append(time.perf_counter() - middle)
        out["save_make"].append(middle - start)
    shown_tab = screen.tab
    # Switching page: the Page Down key through handle_event, then a draw, across the six filled pages.
    down = pygame.event.Event(pygame.KEYDOWN, {"key": pygame.K_PAGEDOWN, "mod": 0, "unicode": "", "scancode": 0})
    screen.set_tab(2)
    screen.draw(canvas)
    switches, empty = [], []
    for _ in range(max(1, runs // 2)):
        for tab in range(3, 10):                  # pages 2-6 are full, 7-8 empty; then back to page 1
            start = time.perf_counter()
            screen.handle_event(down)
            screen.draw(canvas)
            (switches if tab <= 7 else empty).append(time.perf_counter() - start)
        screen.set_tab(2)
    return {**out, "first": first, "switch": switches, "switch_empty": empty, "tab": shown_tab,
            "filled": len(app.slots.filled())}


class Collections:
    """The generations the garbage collector went through since the last take(): to explain a slow sample."""

    def __init__(self):
        self.seen: list[int] = []

    def __enter__(self) -> Collections:
        gc.callbacks.append(self._note)
        return self

    def __exit__(self, *exc) -> None:
        gc.callbacks.remove(self._note)

    def _note(self, phase: str, info: dict) -> None:
        if phase == "start":
            self.seen.append(info["generation"])

    def take(self) -> list[int]:
        seen, self.seen = self.seen, []
        return seen


def measure_rollback(app, steps: int) -> dict:
    """Play ROLLBACK_LINES lines, then roll_back() one step at a time, timing each; then each with its frame."""
    play, played = play_lines(app, ROLLBACK_LINES)
    timeline = play.timeline
    recorded = len(timeline.steps)
    backs, where, wrong, crossings = [], [], 0, 0
    collections = Collections()
    for _ in range(steps):
        background = play.stage.background
        expected = timeline.steps[-2]
        with collections:
            start = time.perf_counter()
            play.roll_back()
            backs.append(time.perf_counter() - start)
        collected = collections.take()
        shown = play.line.id if play.line is not None else play.runner.current_menu().id
        wrong += shown != expected.id
        changed = play.stage.background is not background
        crossings += changed
        where.append(f"`{expected.state.scene}`{', a menu' if expected.menu is not None else ''}"
                     f"{', another background' if changed else ''}"
                     f"{', the garbage collector ran (generation ' + str(max(collected)) + ')' if collected else ''}")
    for _ in range(steps):                       # forward again, untimed, to time the same steps with a frame
        play.roll_forward()
    framed = []
    for _ in range(steps):
        start = time.perf_counter()
        play.roll_back()
        app.step(0.0, force=True)
        framed.append(time.perf_counter() - start)
    return {"backs": backs, "where": where, "framed": framed, "recorded": recorded, "routes": played, "wrong": wrong,
            "crossings": crossings}


def timeline_memory(story, steps: int) -> dict:
    """tracemalloc: what a Timeline of `steps` recorded lines and menus holds, the runners gone; routes in turn."""
    from game.story import Line, Menu, Runner
    from game.story.timeline import Timeline
    order = routes(story)
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    timeline = Timeline(limit=max(steps, 1000))
    route = 0
    while len(timeline.steps) < steps:
        runner = Runner.new(story, order[route % len(order)])
        route += 1
        while runner.status != "ended" and len(timeline.steps) < steps:
            event = runner.advance()
            if isinstance(event, (Line, Menu)):
                timeline.record(runner.checkpoint, event)   # as the play screen records
                if isinstance(event, Menu):
                    index = first_available(event)
                    runner.choose(index)
                    timeline.chose(index, event.options[index].text, runner.state.choices[-1][1])
        del runner
    gc.collect()
    held, peak = tracemalloc.get_traced_memory()
    log = timeline.log()                                 # what a save keeps of it
    tracemalloc.stop()
    return {"steps": len(timeline.steps), "bytes": held - base, "peak": peak - base, "routes": route,
            "log": len(log)}


def measure_idle(app) -> list[dict]:
    """The Save and the Load screens over a play screen, left alone: App.step(1/30) for IDLE_SECONDS."""
    from game.ui.screen import Push, apply
    out = []
    for mode in ("save", "load"):
        play = start_play(app, routes(app.story)[0])
        walk(play, 3)
        settle(app, play)
        screen = app.make("saves", mode, play) if mode == "save" else app.make("saves", mode)
        apply(app.stack, Push(screen))
        app.step(IDLE_DT, force=True)               # the loop's frame for the push
        frames, times = app.frames, []
        for _ in range(round(IDLE_SECONDS / IDLE_DT)):
            start = time.perf_counter()
            app.step(IDLE_DT)
            times.append(time.perf_counter() - start)
        out.append({"mode": mode, "steps": len(times), "frames": app.frames - frames, "times": times,
                    "moved": screen.update(IDLE_DT)})
    return out


# ----------------------------------------------------------------------------------------------------------
# The machine and the report.

def machine(story) -> dict:
    import pygame
    from game.story.model import SayOp
    lines = sum(1 for scene in story.scenes.values() for op in scene.ops if isinstance(op, SayOp))
    return {"cpu": cpu_name(), "cores": len(os.sched_getaffinity(0)), "os": platform.platform(terse=True),
            "python": f"{platform.python_implementation()} {platform.python_version()}",
            "pygame": pygame.version.ver, "sdl": ".".join(map(str, pygame.get_sdl_version(linked=True))),
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "loadavg": " ".join(f"{x:.2f}" for x in os.getloadavg()),
            "story": f"{len(story.scenes)} scenes, {lines} lines, {len(story.routes)} routes"}


def med(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def render(m: dict, saves: dict, screen: dict, back: dict, memory: dict, idle: list[dict], quick: bool,
           took: float, disk: str) -> str:
    mb = 1024 * 1024
    save_med, save_max = ms(med(saves["totals"])), ms(max(saves["totals"]))
    open_med = ms(med([a + b for a, b in zip(screen["make"], screen["draw"])]))
    open_max = ms(max(a + b for a, b in zip(screen["make"], screen["draw"])))
    switch_med, switch_max = ms(med(screen["switch"])), ms(max(screen["switch"]))
    back_med, back_max = ms(med(back["backs"])), ms(max(back["backs"]))
    memory_mb = memory["bytes"] / mb
    first_make, first_draw = screen["first"]
    out = [
        f"Written by `python bench/comforts_bench.py{' --quick' if quick else ''}` on {m['date']} "
        f"(took {took:.0f} s). The benchmark measures; it never fails on time.",
        "",
        f"- Machine: {m['cpu']}, {m['cores']} cores available, {m['os']}; load average {m['loadavg']} at the start",
        f"- {m['python']}, pygame-ce {m['pygame']}, SDL {m['sdl']}; SDL's dummy video and audio drivers, a "
        "1280x720 canvas, one process",
        f"- Story: the working tree's, {m['story']}. The player's folders are in a temporary folder on {disk}, "
        "so every save is written and synced to a real disk, as in the game.",
        "",
        "| Measure | Measured | Target | |",
        "|---|---:|---:|---|",
        f"| Save with a picture: `PlayScreen.snapshot()` + `write_slot()` into a numbered slot, median of "
        f"{len(saves['totals'])} | {save_med:.1f} ms | < {TARGET_SAVE_MS:.0f} ms | "
        f"{verdict(save_med < TARGET_SAVE_MS)} |",
        f"| the same, slowest | {save_max:.1f} ms | < {TARGET_SAVE_MS:.0f} ms | {verdict(save_max < TARGET_SAVE_MS)} |",
        f"| Load screen opening with {screen['filled']} filled slots: `app.make(\"saves\", \"load\")` and one draw, "
        f"median of {len(screen['make'])} | {open_med:.1f} ms | < {TARGET_OPEN_MS:.0f} ms | "
        f"{verdict(open_med < TARGET_OPEN_MS)} |",
        f"| the same, slowest | {open_max:.1f} ms | < {TARGET_OPEN_MS:.0f} ms | {verdict(open_max < TARGET_OPEN_MS)} |",
        f"| Next page of six filled slots (Page Down, then a draw), median of {len(screen['switch'])} "
        f"| {switch_med:.1f} ms | < {TARGET_OPEN_MS:.0f} ms | {verdict(switch_med < TARGET_OPEN_MS)} |",
        f"| the same, slowest | {switch_max:.1f} ms | < {TARGET_OPEN_MS:.0f} ms "
        f"| {verdict(switch_max < TARGET_OPEN_MS)} |",
        f"| One rollback step: `PlayScreen.roll_back()` after {ROLLBACK_LINES} lines, median of {len(back['backs'])} "
        f"| {back_med:.2f} ms | < {TARGET_BACK_MS:.0f} ms | {verdict(back_med < TARGET_BACK_MS)} |",
        f"| the same, slowest | {back_max:.2f} ms | < {TARGET_BACK_MS:.0f} ms | {verdict(back_max < TARGET_BACK_MS)} |",
        f"| Memory of {memory['steps']} steps of rollback and history (tracemalloc, the Timeline alone) "
        f"| {memory_mb:.2f} MB | < {TARGET_MEMORY_MB:.0f} MB | {verdict(memory_mb < TARGET_MEMORY_MB)} |",
    ]
    for run in idle:
        out.append(f"| {run['mode'].capitalize()} screen left alone: frames drawn in {IDLE_SECONDS:.0f} s of "
                   f"`App.step(1/30)` after the first | {run['frames']} | 0 | {verdict(run['frames'] == 0)} |")

    worst = slowest(saves["totals"], 1)[0]
    out += ["", "### Saving", "",
            f"A play screen walks the `{saves['route']}` route from its first line, {LINES_BETWEEN_SAVES} lines "
            "between saves, answering each menu with its first available option. Before each save it lets time "
            "pass until the stage is still and the line has all appeared, as when a player stops to save. It saves "
            f"into slots 1 to {len(saves['totals'])} in turn: `snapshot()` (the state, the last line's words, a "
            "picture of the stage and the history as ids), then `write_slot()` (the JSON slot with the picture in "
            "it, written to a temporary file, synced and renamed; then seen.json, which grows with every new line, "
            "written the same way).",
            "",
            "| Part | Median | Slowest |", "|---|---:|---:|",
            row("`snapshot()`", saves["snaps"]),
            row("the picture's parts, timed apart: drawing the stage on a 1280x720 surface", saves["draw"]),
            row("scaling it to 320x180 (`smoothscale`)", saves["scale"]),
            row("encoding it as PNG (`pygame.image.save`)", saves["png"]),
            row("`write_slot()` (slot file and seen.json, each synced)", saves["writes"]),
            row("the whole save", saves["totals"]),
            "",
            "Save times in order (ms): " + ", ".join(f"{ms(t):.1f}" for t in saves["totals"]) + ". The slowest, "
            f"slot {worst + 1}, took {ms(saves['snaps'][worst]):.1f} ms in `snapshot()` and "
            f"{ms(saves['writes'][worst]):.1f} ms in `write_slot()`. Other programs share this machine and its "
            "disk, and the write waits for the disk, so the slowest save varies from run to run.",
            "",
            f"A slot file is {med(saves['sizes']) / 1024:.0f} KB (median; {min(saves['sizes']) / 1024:.0f} to "
            f"{max(saves['sizes']) / 1024:.0f} KB), of which the PNG is {med(saves['thumb_sizes']) / 1024:.0f} KB "
            f"before base64. The last save kept a history of {saves['log']} entries; seen.json was "
            f"{saves['seen_kb']:.0f} KB."]

    per_slot = med(screen["newest"]) / max(1, screen["filled"])
    out += ["", "### The Save/Load screen", "",
            f"The {screen['filled']} slots written above fill pages 1 to 6. The Load screen is made over a play "
            f"screen. It opens on the page of the newest save (page {screen['tab'] - 1}), so it first finds that "
            "save, reading every filled slot. Then it reads the page's six slots and decodes their pictures, "
            f"scaling each from 320x180 to the 288x162 it shows. Each opening is timed {len(screen['make'])} times "
            f"after a first one, which also makes the fonts it uses: that took {ms(first_make):.1f} ms to make and "
            f"{ms(first_draw):.1f} ms to draw.",
            "",
            "| Part | Median | Slowest |", "|---|---:|---:|",
            row("Load screen: `app.make(\"saves\", \"load\")`", screen["make"]),
            row(f"finding the newest save: `SaveSlots.newest()`, all {screen['filled']} slots read", screen["newest"]),
            row("reading one page: `SaveSlots.info()` for its six slots", screen["page"]),
            row("decoding one slot's picture (`pygame.image.load` of the PNG)", screen["picture"]),
            row("Load screen: one draw", screen["draw"]),
            row("Load screen as the loop shows it: made, pushed, and the whole frame drawn (the play screen "
                "beneath, dimmed)", screen["frame"]),
            row("Save screen (from play): `app.make(\"saves\", \"save\", play)`", screen["save_make"]),
            row("Save screen: one draw", screen["save_draw"]),
            row("Page Down to a page of six filled slots, and a draw", screen["switch"]),
            row("Page Down to an empty page, and a draw", screen["switch_empty"]),
            "",
            f"`SaveSlots.info()` reads a slot whole, its picture too, so finding the newest save costs about "
            f"{ms(per_slot):.2f} ms a filled slot. The Save screen does not look for it: it opens on the page last "
            "used."]

    labels = " then ".join(f"`{r}`" for r in back["routes"])
    out += ["", "### Rollback", "",
            f"No route is {ROLLBACK_LINES} lines long, so one play screen plays {labels} into the same timeline "
            f"(a new play screen for each route, handed the timeline), answering each menu with its first "
            f"available option, until {ROLLBACK_LINES} lines have been shown ({back['recorded']} steps with the "
            f"menus). Then `roll_back()` is called {len(back['backs'])} times in a row. Each call makes a runner "
            "from the step's state, sets the stage and the music again and shows the line at once. "
            f"{back['crossings']} of the steps changed the background. "
            + ("Every step showed the line or menu it was recorded with."
               if not back["wrong"] else f"**{back['wrong']} steps showed another line than the one recorded.**"),
            "",
            "| | Median | 90th | Slowest |", "|---|---:|---:|---:|",
            f"| `roll_back()` | {ms(med(back['backs'])):.2f} ms | {ms(quantile(back['backs'], 0.9)):.2f} ms "
            f"| {back_max:.2f} ms |",
            f"| `roll_back()` and the whole frame drawn (`app.step(0, force=True)`) | {ms(med(back['framed'])):.2f} ms "
            f"| {ms(quantile(back['framed'], 0.9)):.2f} ms | {ms(max(back['framed'])):.2f} ms |",
            "",
            "The five slowest `roll_back()` calls, the step each returned to: "
            + "; ".join(f"{ms(back['backs'][i]):.2f} ms ({back['where'][i]})" for i in slowest(back["backs"], 5))
            + ".",
            "",
            f"Memory: a Timeline records the runner's checkpoint (a `State` copy) before each line and menu, as the "
            f"play screen does. {memory['steps']} steps, over {memory['routes']} routes played in turn: "
            f"{memory['bytes'] / 1024:.0f} KB held once the runners are gone ({memory['bytes'] / memory['steps']:.0f} "
            f"bytes a step; tracemalloc, so Python's own allocations only); the peak while playing was "
            f"{memory['peak'] / 1024:.0f} KB. The timeline keeps up to 1,000 steps. What a save keeps of it, "
            f"`Timeline.log()`, is {memory['log']} entries of ids."]

    out += ["", "### The save screen at rest", "",
            "A screen that returns False from `update(dt)` is not drawn again. Each screen is pushed over a play "
            "screen whose line has all appeared, drawn once (as the loop draws a pushed screen), then left "
            f"alone for {IDLE_SECONDS:.0f} s of `App.step(1/30)` calls, without waiting between them.",
            "",
            "| Screen | Steps | Frames drawn after the first | `update()` asks to draw | Time per step, median "
            "| Slowest |", "|---|---:|---:|---|---:|---:|"]
    for run in idle:
        out.append(f"| {run['mode'].capitalize()} | {run['steps']} | {run['frames']} | "
                   f"{'yes' if run['moved'] else 'no'} | {med(run['times']) * 1e6:.1f} µs "
                   f"| {max(run['times']) * 1e6:.1f} µs |")
    out += ["", "This is the screen's own share. The main loop also polls events and sleeps 1/30 s between steps; "
            "what that costs in a real window is the window benchmark's idle figure above."]
    return "\n".join(out) + "\n"


def slowest(values: list[float], count: int) -> list[int]:
    """Indexes of the `count` largest values, largest first."""
    return sorted(range(len(values)), key=values.__getitem__, reverse=True)[:count]


def row(label: str, values: list[float]) -> str:
    return f"| {label} | {ms(med(values)):.1f} ms | {ms(max(values)):.1f} ms |"


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(q * len(ordered) + 0.999999) - 1)]


def write_report(section: str, path: Path) -> None:
    write_section(path, section, START, END, HEADING, AFTER)


def filesystem(path: Path) -> str:
    """The type of the filesystem holding path, from /proc/mounts (the longest mount point that contains it)."""
    best, kind = "", "?"
    try:
        for row_ in Path("/proc/mounts").read_text().splitlines():
            parts = row_.split()
            if len(parts) >= 3 and str(path).startswith(parts[1]) and len(parts[1]) >= len(best):
                best, kind = parts[1], parts[2]
    except OSError:
        pass
    return kind


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats; prints the section, writes nothing")
    parser.add_argument("--output", type=Path, help=f"report file (default {REPORT.relative_to(ROOT)}; "
                                                     "with --quick, none)")
    args = parser.parse_args()
    output = args.output or (None if args.quick else REPORT)
    began = time.perf_counter()
    folders = player_folders()
    try:
        from game.story import load_story
        story = load_story()
        m = machine(story)
        print(f"{m['cpu']} | {m['python']} | pygame-ce {m['pygame']}", flush=True)
        app = make_app(story)
        disk = f"{filesystem(Path(folders.name).resolve())}"

        saves = measure_saves(app)
        print(f"save: median {ms(med(saves['totals'])):.1f} ms, slowest {ms(max(saves['totals'])):.1f} ms", flush=True)
        screen = measure_screen(app, 5 if args.quick else 15)
        print(f"load screen: make {ms(med(screen['make'])):.1f} ms + draw {ms(med(screen['draw'])):.1f} ms; "
              f"page {ms(med(screen['switch'])):.1f} ms", flush=True)
        back = measure_rollback(app, 50 if args.quick else 200)
        print(f"rollback: median {ms(med(back['backs'])):.2f} ms, slowest {ms(max(back['backs'])):.2f} ms", flush=True)
        memory = timeline_memory(story, MEMORY_STEPS)
        print(f"timeline of {memory['steps']} steps: {memory['bytes'] / 2**20:.2f} MB", flush=True)
        idle = measure_idle(app)
        print("idle: " + ", ".join(f"{r['mode']} {r['frames']} frames, {med(r['times']) * 1e6:.1f} µs a step"
                                   for r in idle), flush=True)
        app.audio.close()
    finally:
        folders.cleanup()
    section = render(m, saves, screen, back, memory, idle, args.quick, time.perf_counter() - began, disk)
    if output is None:
        print("\n" + section)
    else:
        write_report(section, output)
        print(f"wrote {output}")


if __name__ == "__main__":
    main()
