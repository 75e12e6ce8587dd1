"""The window benchmark's section of docs/performance.md: its figures as Markdown, and writing them in place."""
from __future__ import annotations

import math
import statistics
from pathlib import Path
from report_section import write_section

START, END = "<!-- window-bench:start -->", "<!-- window-bench:end -->"
HEADING = "## The window"
AFTER = "<!-- story-bench:end -->"     # the section goes after the story runtime's

TARGET_START_S = 0.35
TARGET_START_RATIO = 2.0   # the title's first frame, next to the bare program's (issue 11)
TARGET_FRAME_MS = 1.5
TARGET_FRAME_RATIO = 2.0
TARGET_SILENT_PCT = 1.0
TARGET_MUSIC_PCT = 1.5
TARGET_HWM_MB = 120.0
TARGET_ROUTE_FRAME_MS = 1000 / 30    # two frames at 60 Hz
TARGET_IDLE_RATIO = 2.0


def verdict(ok: bool | None) -> str:
    if ok is None:
        return ""
    return "meets" if ok else "**misses**"


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def median(values) -> float:
    return statistics.median(values) if values else float("nan")


def cell(text: str) -> str:
    """Text that stays inside one Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def ratio(a: float, b: float) -> str:
    return f"{a / b:.1f}×" if b and not math.isnan(a) and not math.isnan(b) else "—"


def render(r: dict, quick: bool) -> str:
    m, errors = r["machine"], r["errors"]
    shim = r.get("shim", {})
    out = [f"Written by `python bench/window_bench.py{' --quick' if quick else ''}` on {m['date']} "
           f"(took {m.get('took_s', 0) / 60:.1f} min). The benchmark measures; it never fails on time.", ""]
    out.append(f"- Machine: {m['cpu']}, {m['cores']} cores available (of {m['all_cores']}), {m['os']}; load average "
               f"{m['loadavg']} at the start and {m.get('loadavg_end', '?')} at the end. Other programs share this "
               "machine: the idle runs below say how busy all its cores were while each was measured.")
    out.append(f"- {m['python']}, pygame-ce {m['pygame']}, SDL {m['sdl']} (pygame built against {m['sdl_built']}), "
               f"SDL_mixer {m['mixer']}; the real window is on {m.get('xvfb', 'Xvfb')} (Debian's package), "
               "1280x720x24; audio on SDL's dummy driver.")
    out.append(f"- Story: {m.get('story', '?')}")
    if shim and not shim.get("is_interpreter", True):
        out.append(f"- Every program is started with the interpreter itself (`{m['executable']}`); the `python` "
                   f"on this machine's PATH (`{shim['on_path']}`) is a script (pyenv's shim) that "
                   f"adds {ms(shim['extra_s'])} to every launch, which a player's `python` does not.")
    out += ["", "| Measure | Game | Target | Bare pygame-ce | Game ÷ bare | |", "|---|---:|---:|---:|---:|---|"]
    out += summary_rows(r)
    for name, message in errors.items():
        out += ["", f"**Not measured ({name}):** {cell(message)}"]
    if "startup" in r:
        out += startup_section(r["startup"], r["plan"])
    if "frames" in r:
        out += frames_section(r["frames"], r.get("startup", {}).get("present"))
    if r.get("routes"):
        out += routes_section(r["routes"], r.get("music_loads", {}), r["plan"])
    if "idle" in r:
        out += idle_section(r["idle"], r.get("sounds", {}), r["plan"], r.get("maps", []))
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- the summary table

def _idle(r: dict, key: str):
    for run in r.get("idle", []):
        if run.key == key and not run.error:
            return run
    return None


FIRST = "first frame on screen"


def _stage(stages, label: str) -> float:
    return next((at for name, at in stages or [] if name == label), float("nan"))


def summary_rows(r: dict) -> list[str]:
    rows = []
    s = r.get("startup")
    if s:
        for bytecode, label in (("kept", "bytecode kept, as on a player's machine"),
                                ("compiled", "PYTHONDONTWRITEBYTECODE=1, as this machine runs it")):
            v = s["variants"][bytecode]
            game = median([x["wall_s"] for x in v["game"]])
            bare = median([x["wall_s"] for x in v["bare"]])
            target = f"≤ {TARGET_START_S} s" if bytecode == "kept" else f"({TARGET_START_S} s)"
            ok = game <= TARGET_START_S if bytecode == "kept" else None
            rows.append(f"| Start-up, launch to exit after the title's first frame, {label} "
                        f"(median of {len(v['game'])}) | {game:.3f} s | {target} | {bare:.3f} s | {ratio(game, bare)} "
                        f"| {verdict(ok)} |")
        game, bare = _stage(s.get("stages"), FIRST), _stage(s.get("bare_stages"), FIRST)
        if not math.isnan(game):
            ok = game <= TARGET_START_S and game <= TARGET_START_RATIO * bare
            rows.append(f"| Start-up, launch to the first frame on screen, bytecode kept (stage marks, "
                        f"median of {r['plan']['stage_runs']}) | {game:.3f} s | ≤ {TARGET_START_S} s and "
                        f"≤ {TARGET_START_RATIO:.0f}× bare | {bare:.3f} s | {ratio(game, bare)} | {verdict(ok)} |")
    f = r.get("frames")
    if f:
        game = [t / 1e6 for t in f["game_ns"]]
        bare = [t / 1e6 for t in f["bare_ns"]]
        drawn = [t for t, d in zip(game, f["drew"]) if d]
        g50, b50 = median(game), median(bare)
        ok = g50 <= TARGET_FRAME_MS and g50 <= TARGET_FRAME_RATIO * b50
        rows.append(f"| Play-screen frame while a line is revealed: `app.step(1/60)`, median of {len(game)} "
                    f"| {g50:.2f} ms | ≤ {TARGET_FRAME_MS} ms and ≤ {TARGET_FRAME_RATIO:.0f}× bare | {b50:.2f} ms "
                    f"| {ratio(g50, b50)} | {verdict(ok)} |")
        rows.append(f"| the same, 95th percentile | {quantile(game, .95):.2f} ms | | {quantile(bare, .95):.2f} ms "
                    f"| {ratio(quantile(game, .95), quantile(bare, .95))} | |")
        if drawn:
            d50 = median(drawn)
            rows.append(f"| the same, only the {len(drawn)} steps that drew a frame: median, 95th percentile "
                        f"| {d50:.2f} ms, {quantile(drawn, .95):.2f} ms | ≤ {TARGET_FRAME_MS} ms and "
                        f"≤ {TARGET_FRAME_RATIO:.0f}× bare | {b50:.2f} ms | {ratio(d50, b50)} "
                        f"| {verdict(d50 <= TARGET_FRAME_MS and d50 <= TARGET_FRAME_RATIO * b50)} |")
    silent = _idle(r, "silent")
    rows += route_rows(r, f, silent.bare if silent else None)
    for key, label, target in (
            ("silent", "CPU while a finished line is read, silent", TARGET_SILENT_PCT),
            ("music", "CPU while a finished line is read, music and ambience playing", TARGET_MUSIC_PCT),
            ("title", "CPU at the title screen, idle (its music playing)", None),
            ("menu", "CPU on a choice menu, waiting (music and ambience playing)", TARGET_MUSIC_PCT),
            ("saves", "CPU on the Save screen over a story, idle (music and ambience playing)", TARGET_MUSIC_PCT),
            ("history", "CPU on the History over a story, idle (music and ambience playing)", TARGET_MUSIC_PCT),
            ("voicing", "CPU while a finished line is read, self-voicing on (espeak-ng has spoken it; music "
             "and ambience playing)", TARGET_MUSIC_PCT),
            ("map_steps", None, TARGET_SILENT_PCT), ("map_rects", None, TARGET_SILENT_PCT)):
        run = _idle(r, key)
        if run is None:
            continue
        label = label or "CPU while a finished line is read on " + run.label.split(" on ", 1)[-1]
        base = run.bare.cpu_percent if run.bare else float("nan")
        sound = " with the same sound" if run.bare and len(run.bare.threads) > 1 else ""
        base_text = f"{base:.2f} % (beside it{sound})" if run.bare else "—"
        goal = (f"≤ {target} % and " if target else "") + f"≤ {TARGET_IDLE_RATIO:.0f}× bare"
        ok = run.cpu_percent <= TARGET_IDLE_RATIO * base and (target is None or run.cpu_percent <= target)
        rows.append(f"| {label}, % of one core over {run.wall_s:.0f} s | {run.cpu_percent:.2f} % "
                    f"| {goal} | {base_text} | {ratio(run.cpu_percent, base)} "
                    f"| {verdict(None if math.isnan(base) else ok)} |")
    game_runs = [run for run in r.get("idle", []) if not run.error]
    if game_runs and not r.get("routes"):
        top = max(game_runs, key=lambda run: run.hwm_mb)
        base = silent.bare.hwm_mb if silent and silent.bare else float("nan")
        rows.append(f"| Peak memory (VmHWM), the largest of the game's runs ({top.key}) | {top.hwm_mb:.1f} MB "
                    f"| ≤ {TARGET_HWM_MB:.0f} MB | {base:.1f} MB | {ratio(top.hwm_mb, base)} "
                    f"| {verdict(top.hwm_mb <= TARGET_HWM_MB)} |")
    return rows


def route_rows(r: dict, f: dict | None, bare) -> list[str]:
    played = [x for x in r.get("routes", []) if "error" not in x]
    if not played:
        return []
    rows = []
    bare_frame = median([t / 1e6 for t in f["bare_ns"]]) if f else float("nan")
    changes = [c["ms"] for x in played for c in x["changes"]]
    worst = max(played, key=lambda x: x["worst_ms"])
    n = len(played)
    if changes:
        top = max(changes)
        rows.append(f"| Frame that changes the background (a scene's first visit, or a return), the worst of "
                    f"{len(changes)} over {n} whole route{'s' if n > 1 else ''}; median {median(changes):.1f} ms "
                    f"| {top:.1f} ms | ≤ {TARGET_ROUTE_FRAME_MS:.0f} ms | {bare_frame:.2f} ms (a bare frame) "
                    f"| {ratio(top, bare_frame)} | {verdict(top <= TARGET_ROUTE_FRAME_MS)} |")
    frames = sum(x["frames"] for x in played)
    over = sum(x["over_budget"] for x in played)
    rows.append(f"| Any frame of a whole route, the worst of {frames:,} ({over} over "
                f"{TARGET_ROUTE_FRAME_MS:.0f} ms; {worst['plan'].removesuffix('.yaml')}) | {worst['worst_ms']:.1f} ms "
                f"| ≤ {TARGET_ROUTE_FRAME_MS:.0f} ms | {bare_frame:.2f} ms | {ratio(worst['worst_ms'], bare_frame)} "
                f"| {verdict(worst['worst_ms'] <= TARGET_ROUTE_FRAME_MS)} |")
    music = [c["ms"] for x in played for c in x.get("music_changes", [])]
    loads = r.get("music_loads", {})
    if music:
        top = max(music)
        rows.append(f"| Frame that changes the music (prepared ahead), the worst of {len(music)} | {top:.1f} ms "
                    f"| ≤ {TARGET_ROUTE_FRAME_MS:.0f} ms | {bare_frame:.2f} ms | {ratio(top, bare_frame)} "
                    f"| {verdict(top <= TARGET_ROUTE_FRAME_MS)} |")
    rates = sorted(loads, key=int)
    if len(rates) == 2:
        game, before = max(loads[rates[0]].values()), max(loads[rates[1]].values())
        rows.append(f"| A track not prepared ahead (a loaded save): loading it at the mixer's {int(rates[0]):,} Hz, "
                    f"the slowest of {len(loads[rates[0]])} | {game:.1f} ms | ≤ {TARGET_ROUTE_FRAME_MS:.0f} ms "
                    f"| {before:.1f} ms (bare, at {int(rates[1]):,} Hz: resampled) | {ratio(game, before)} "
                    f"| {verdict(game <= TARGET_ROUTE_FRAME_MS)} |")
    peak = max(played, key=lambda x: x["hwm_mb"])
    base = bare.hwm_mb if bare else float("nan")
    rows.append(f"| Peak memory (VmHWM) over a whole route played in the window, the largest of {n} "
                f"({peak['plan'].removesuffix('.yaml')}) | {peak['hwm_mb']:.1f} MB | ≤ {TARGET_HWM_MB:.0f} MB "
                f"| {base:.1f} MB | {ratio(peak['hwm_mb'], base)} | {verdict(peak['hwm_mb'] <= TARGET_HWM_MB)} |")
    return rows


def routes_section(played: list[dict], loads: dict, plan: dict) -> list[str]:
    out = ["", "### Whole routes in the window", "",
           "Each route's playthrough file (`tests/playthroughs/`) is played whole, epilogue screen included, by "
           "`bench/window_route.py`: one fresh process per route, the App built as `python main.py` builds it, in "
           "a real window on the Xvfb display with the mixer open on SDL's dummy driver, driven through the App's "
           "own loop functions with the loop's own sleeps. The reader presses Return as soon as a line has all "
           f"appeared, reads for {plan.get('read_s', 0.15)} s, and longer while the game is still preparing what "
           "comes next (at most 2 s: *waited out* counts the lines where that was not enough), then moves on; at "
           "a menu it presses the file's number. A frame is one pass of the loop without its sleep (the events "
           "handled, the update, the drawing and presenting). *Ahead* counts what the worker thread loaded while "
           "the player read; *on the frame* what a frame had to load itself (only the first background of a route "
           "started from the command line, here). Peak memory is VmHWM at the end of the route.", "",
           "| Route (playthrough) | Lines, menus | Frames | Median | Worst | Over 33 ms | Background changes: "
           "worst, median | Backgrounds ahead / on the frame | Sprites ahead / on the frame | Sounds ahead / on "
           "the frame | Waited out | Peak memory |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for x in played:
        if "error" in x:
            out.append(f"| {x['plan']} | not measured: {cell(x['error'])} | | | | | | | | | | |")
            continue
        d, sd = x["decoded"], x.get("sounds_decoded", {})
        changes = [c["ms"] for c in x["changes"]]
        change_text = f"{max(changes):.1f} ms, {median(changes):.1f} ms" if changes else "—"
        out.append(f"| {x['route']} ({x['plan'].removesuffix('.yaml')}) | {x['lines']}, {x['menus']} "
                   f"| {x['frames']:,} | {x['median_ms']:.2f} ms | {x['worst_ms']:.1f} ms | {x['over_budget']} "
                   f"| {change_text} | {d.get('background ahead', 0)} / {d.get('background on demand', 0)} "
                   f"| {d.get('sprite ahead', 0)} / {d.get('sprite on demand', 0)} "
                   f"| {sd.get('ahead', 0)} / {sd.get('on demand', 0)} | {x['waited_out']} | {x['hwm_mb']:.1f} MB |")
    slow = [(x["route"], s) for x in played if "error" not in x for s in x.get("slow", [])]
    if slow:
        out += ["", "The frames over 33 ms: " + "; ".join(
            f"{route}, frame {s['frame']}: {s['ms']:.1f} ms, {s.get('cpu_ms', float('nan')):.1f} ms of it on the CPU "
            f"({s['events_ms']:.1f} ms handling "
            f"{', '.join(s['pressed']) or 'no input'} on the {s['screen']}; {s.get('waited_ms', 0):.1f} ms waiting "
            f"for the worker, {s.get('loaded_on_the_frame', 0)} loads on the frame, the worker "
            f"{'reading ' + s['worker'] if s.get('worker') else 'idle'} as it began)"
            for route, s in slow[:12]) + "."]
    if loads:
        out += ["", "Loading each music file in the bare program, median of 5: " + "; ".join(
            f"at {int(rate):,} Hz " + ", ".join(f"`{name}` {v:.1f} ms" for name, v in sorted(times.items()))
            for rate, times in sorted(loads.items(), key=lambda kv: int(kv[0]))) + ". The game's sounds are "
            "made at 22,050 Hz (tools/audio_common.py); a mixer at 44,100 Hz resampled each one as it loaded."]
    return out


# ---------------------------------------------------------------- start-up

def startup_section(s: dict, plan: dict) -> list[str]:
    out = ["", "### Start-up", "",
           "Wall time from launching the program to its exit, on the Xvfb display: `python main.py` with "
           "`UTSS_EXIT_AFTER_FIRST_FRAME=1`, which ends the main loop right after the title's first frame is on "
           "screen, so each figure also holds the exit (closing the window, the interpreter's teardown; see the "
           "stages below). The bare program (`bench/window_bare.py start`) imports pygame, opens a 1280x720 window "
           "with the game's SDL hints (software framebuffer), fills it, flips and exits. The programs take turns, "
           f"{plan['launches']} runs each after one warm-up. *Bytecode kept*: PYTHONDONTWRITEBYTECODE removed and "
           "bytecode written to a cache of the benchmark's own (PYTHONPYCACHEPREFIX), then read, as on a player's "
           "machine. *PYTHONDONTWRITEBYTECODE=1*: as this machine is set up, the game's sources are compiled at "
           "every start" + (" (**note**: `game/` held a `__pycache__` during this run, which Python reads even so)"
                            if s.get("game_pycache") else "") + ". The warm-up is a first start: it also keeps the "
           "title map's first picture in the cache folder (game/ui/stills.py), which the counted runs read, as "
           "every start after a player's first does.", "",
           "| Program | Bytecode | Median | Runs (s), in order | Peak memory (ru_maxrss) |",
           "|---|---|---:|---|---:|"]
    names = {"game": "the game, to the title's first frame", "bare": "bare pygame-ce window (game's SDL hints)",
             "bare_gl": "bare pygame-ce window, pygame's defaults (OpenGL framebuffer: loads Mesa)",
             "empty": "empty interpreter (`python -c pass`)"}
    for bytecode in ("kept", "compiled"):
        for label, runs in s["variants"][bytecode].items():
            walls = [x["wall_s"] for x in runs]
            out.append(f"| {names.get(label, label)} | {bytecode} | {median(walls):.3f} s | "
                       + ", ".join(f"{w:.3f}" for w in walls)
                       + f" | {median([x['maxrss_mb'] for x in runs]):.1f} MB |")
    stages = s.get("stages") or []
    if stages:
        out += ["", f"Where the game's start-up goes (bytecode kept; `bench/window_startup.py` runs the game as "
                f"`main.py` does and notes when each stage ends, on the clock the benchmark launched it by; median "
                f"of {plan['stage_runs']} runs, taking turns with the bare program; the stages' order is the "
                "wrapper's, their sum the game's):", "",
                "| Stage ends | Since launch | Stage took |", "|---|---:|---:|"]
        before = 0.0
        for label, at in stages:
            out.append(f"| {label} | {ms(at)} | {(at - before) * 1000:.0f} ms |")
            before = at
        bare = s.get("bare_stages") or []
        if bare:
            out += ["", "The bare program, marked the same way: "
                    + ", ".join(f"{label} {ms(at)}" for label, at in bare) + "."]
    rows = s.get("imports") or []
    if rows:
        total = sum(own for _, _, own, _ in rows)
        top = [row for row in rows if row[1] == 0]
        top.sort(key=lambda row: -row[3])
        heavy = sorted(rows, key=lambda row: -row[2])[:10]
        out += ["", f"Imports on the way to the first frame (`python -X importtime`, bytecode kept): {len(rows)} "
                f"modules, {total:.0f} ms in all. Top-level imports, with what they import: "
                + ", ".join(f"`{name}` {cum:.1f} ms" for name, _, _, cum in top[:8])
                + ". The modules that take longest themselves: "
                + ", ".join(f"`{name}` {own:.1f} ms" for name, _, own, _ in heavy) + "."]
    return out


# ---------------------------------------------------------------- frames

def what_drawn(f: dict, drawn: int) -> str:
    whole = f.get("whole_frames")
    if whole is None:
        return "what they drew was not recorded"
    if whole == drawn:
        return "each of them drew the whole canvas and flipped it"
    return (f"{whole} of them drew the whole canvas, the others only the screen's dirty rects; on average a "
            f"drawn step covered {100 * f['drawn_share']:.0f} % of the canvas")


def frames_section(f: dict, present: dict | None) -> list[str]:
    game = [t / 1e6 for t in f["game_ns"]]
    bare = [t / 1e6 for t in f["bare_ns"]]
    drawn = [t for t, d in zip(game, f["drew"]) if d]
    out = ["", "### A frame while a line is revealed", "",
           f"In one process with SDL's dummy video driver and a {f['canvas'][0]}x{f['canvas'][1]} canvas "
           "(`bench/window_frames.py`): the App built headless as the tests build it, a PlayScreen on its stack "
           f"with {f['actors']} characters on the `{f['background']}` background, revealing the route's longest "
           f"spoken line (`{f['line_id']}`, {f['speaker']}, {f['line_chars']} characters on {f['lines_on_page']} "
           f"lines) at {f['text_speed']} characters a second; each `app.step(1/60)` is timed "
           f"(the line is shown again, untimed, when it has all appeared: {f['restarts']} times). At that speed "
           f"a new letter shows on only some steps: {len(drawn)} of {len(game)} steps drew a frame, the rest only "
           f"updated; {what_drawn(f, len(drawn))}. The bare loop blits the same background, a text-box "
           "panel and three lines of the same face, all made once, then flips. The two take turns in rounds.", "",
           "| | Frames | Median | Mean | 90th | 95th | 99th | Max |", "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for label, values in (("game, every step", game), ("game, steps that drew", drawn), ("bare loop", bare)):
        if values:
            out.append(f"| {label} | {len(values)} | {median(values):.3f} ms | {statistics.fmean(values):.3f} ms | "
                       f"{quantile(values, .9):.3f} ms | {quantile(values, .95):.3f} ms | "
                       f"{quantile(values, .99):.3f} ms | {max(values):.3f} ms |")
    if present:
        plain, scaled = present["plain"], present["scaled"]
        out += ["", "The dummy driver's `flip()` costs next to nothing. In a real window (the Xvfb display, "
                "`bench/window_bare.py present`, median of 200) putting a frame on screen costs: "
                f"`flip()` {plain['flip_ms']:.3f} ms and `update()` of one 32x32 rect {plain['rect_ms']:.3f} ms in a "
                "plain window, as the game opens it (game/ui/window.py scales the canvas itself when the window is "
                "another size, so at its own size only the rects that changed are sent); "
                f"{scaled['flip_ms']:.3f} ms and {scaled['rect_ms']:.3f} ms in a `SCALED | RESIZABLE` window, which "
                "the game does not use: SDL's software renderer copies the whole canvas to the window whatever part "
                "changed (the X server's own work is not counted)."]
    return out


# ---------------------------------------------------------------- idle

def idle_section(runs: list, sounds: dict, plan: dict, maps: list[dict]) -> list[str]:
    music = ", ".join(f"{kind} `{name}`" for kind, name in sounds.get("names", {}).items()) or "none"
    out = ["", "### Idle: CPU and memory of a real window", "",
           "Each program runs in a window on the Xvfb display with SDL's dummy audio driver (a working mixer). "
           "The play runs start `python main.py --route " + sounds.get("route", "?") + "`, press Return twice "
           "with xdotool, wait 3 s, then wait until two pictures of the screen taken a second apart are the same "
           "(the line has all appeared, nothing moves). Then the CPU time of each of the process's threads is "
           f"read over {plan['idle_s']:.0f} s of wall time, in nanoseconds as the scheduler counts it "
           "(/proc/PID/task/TID/schedstat; utime + stime in /proc/PID/stat come in ticks of 10 ms, ±0.04 % of a "
           "core over 25 s, too coarse to compare the game with the bare loop). *Silent* is the same run with "
           "`{\"music_volume\": 0.0, \"ambience_volume\": 0.0, \"sound_volume\": 0.0}` written to settings.json in "
           "UTSS_CONFIG_DIR: the scene still asks for its music, and the mixer still runs, at volume 0. *No audio "
           "device* points SDL at an audio driver that does not exist, so the mixer never opens (the game plays "
           f"silently): the mixer's own share. The scene's sound is {music}; the bare loop with sound loops the "
           "same files on two channels of a mixer opened as the game opens it. A screen that never goes still "
           "(an animated background) is measured after that wait all the same; the table says so. Peak memory is "
           "VmHWM from /proc/PID/status at the end of the measure. Each of the game's runs has its bare loop "
           "beside it (*↳* below it): the bare program, with the same sound where the game plays any, is started "
           "first in a window of its own, under the game's, and its threads are read over the very same seconds. "
           "On this shared machine a sleeping loop's cost moves from one minute to the next (measured apart from "
           "the game, the bare loop alone gave anywhere from 0.19 % to 0.57 % in earlier runs of this benchmark); "
           "whatever moves it then moves both, and each row of the summary sets the game against the bare loop "
           "measured beside it.", "",
           "| Run | CPU | CPU time / wall | By thread (CPU s) | Wake-ups / s | VmHWM | VmRSS | Screen still | "
           "All cores busy | Load average |",
           "|---|---:|---:|---|---:|---:|---:|---|---:|---|"]
    for run in runs:
        if run.error:
            out.append(f"| {run.label} | not measured: {cell(run.error)} | | | | | | | | |")
            continue
        out.append(_idle_row(run, run.label, f"{'yes' if run.still else '**no**'} after {run.settled_s:.0f} s"))
        if run.bare:
            out.append(_idle_row(run.bare, f"↳ {run.bare.label}, beside it", "—"))
    if maps:
        out += ["", "The maps that move while a line is read (`bench/window_maps.py`: each loaded headless and stepped "
                "as the loop steps it, at polls 1/30 s apart, for 60 s): steps a second that repaint something, and "
                "rects a step. The runs on a named map above are at the first line read on the map with the most "
                "steps and on the one repainting the most rects a second (`python main.py --at LINE`, silent, no key "
                "pressed).", "",
                "| Map | Steps / s | Rects / step | First line |", "|---|---:|---:|---|"]
        out += [f"| `{m['name']}` | {m['steps_per_s']:.2f} | {m['rects_per_step']:.1f} | `{m['line']}` |"
                for m in maps]
    stayed = [run.label for run in runs if not run.error and not run.quit_on_sigterm]
    if stayed:
        out += ["", "SIGTERM (which SDL turns into a quit event) did not end these within 2 s, so they were killed: "
                + "; ".join(stayed) + ". The game should leave at once on SIGTERM, autosaving during play: this is a bug."]
    return out


def _idle_row(run, label: str, still: str) -> str:
    threads = ", ".join(f"{name} {cpu:.3f}" for name, cpu in sorted(run.threads.items(), key=lambda kv: -kv[1]))
    return (f"| {label} | {run.cpu_percent:.2f} % | {run.cpu_s:.3f} s / {run.wall_s:.1f} s | {threads} "
            f"| {run.wakeups_per_s:.0f} | {run.hwm_mb:.1f} MB | {run.rss_mb:.1f} MB | {still} "
            f"| {100 * run.machine_busy:.0f} % | {run.loadavg} |")


# ---------------------------------------------------------------- writing

def write_report(section: str, path: Path) -> None:
    write_section(path, section, START, END, HEADING, AFTER)
