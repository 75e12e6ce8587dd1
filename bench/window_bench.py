"""Benchmark of the game's window: start-up, frame cost, idle CPU and peak memory, next to bare pygame-ce.

    python bench/window_bench.py            # full run (about 4 minutes), rewrites its section of docs/performance.md
    python bench/window_bench.py --quick    # smoke run (about 1 minute), prints the section, writes nothing
    python bench/window_bench.py --profile  # also prints where a play-screen frame's time goes (cProfile)

It measures and reports; it never passes or fails on time. Each figure stands next to its target and next to
a bare pygame-ce program measured in the same run (bench/window_bare.py). Needs Xvfb, xdotool and ImageMagick's
`import`; the game runs on a display of its own, with SDL's dummy audio driver and the player's folders in a
temporary directory.
"""
from __future__ import annotations

import argparse
import ast
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from window_procs import BenchError, Display, Idle, child_env, first_frame_stages, idle, import_rows, \
    launch, launch_times  # noqa: E402
from machine_info import cpu_name  # noqa: E402
from window_report import render, write_report  # noqa: E402

REPORT = ROOT / "docs" / "performance.md"
PY = sys.executable
BARE = str(ROOT / "bench" / "window_bare.py")
# The game sets these before SDL starts (game/ui/__init__.py): a software framebuffer, no Mesa. The bare
# program gets the same, so the comparison is of the game's own work; pygame's default is measured too.
GAME_HINTS = {"SDL_FRAMEBUFFER_ACCELERATION": "0", "SDL_RENDER_DRIVER": "software"}
SILENT = {"music_volume": 0.0, "ambience_volume": 0.0, "sound_volume": 0.0}
# One playthrough file of tests/playthroughs/ per route, the epilogue included: each played whole in a window.
ROUTE_PLANS = ("vineyard_found", "provence_found", "paris_together", "epilogue_same_stars")


class Plan:
    def __init__(self, quick: bool, story: Path | None = None):
        self.quick = quick
        self.story = str(story) if story else None
        self.story_args = ["--story", str(story)] if story else []
        self.game = [PY, "main.py", *self.story_args]
        self.launches = 3 if quick else 11
        self.stage_runs = 2 if quick else 9
        self.frames, self.rounds = (120, 2) if quick else (600, 6)
        self.idle_s = 5.0 if quick else 25.0
        self.route_plans = ROUTE_PLANS[:1] if quick else ROUTE_PLANS
        self.read_s = 0.15


def machine() -> dict:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # children get their own environment
    import pygame
    cpu = cpu_name()

    def version(v) -> str:
        return ".".join(map(str, v))
    try:
        mixer = version(pygame.mixer.get_sdl_mixer_version(linked=True))
    except (AttributeError, pygame.error):
        mixer = "?"
    return {"cpu": cpu, "cores": len(os.sched_getaffinity(0)), "all_cores": os.cpu_count(),
            "os": platform.platform(terse=True),
            "python": f"{platform.python_implementation()} {platform.python_version()}", "executable": PY,
            "pygame": pygame.version.ver, "sdl": version(pygame.get_sdl_version(linked=True)),
            "sdl_built": version(pygame.get_sdl_version(linked=False)), "mixer": mixer,
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "loadavg": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def shim_cost(folder: Path, runs: int) -> dict:
    """A `python` on PATH that is a script, not the interpreter (pyenv's shim): what it adds to every launch."""
    out = {"on_path": None, "is_interpreter": True, "extra_s": 0.0}
    for entry in os.environ.get("PATH", "").split(os.pathsep):
        candidate = Path(entry or ".") / "python"
        try:
            if candidate.is_file() and candidate.read_bytes()[:2] == b"#!":
                out["on_path"] = str(candidate)
                break
        except OSError:
            continue
    if out["on_path"] is None:
        return out
    env = child_env(None, folder, "kept")
    direct = [launch([PY, "-c", "pass"], env).wall_s for _ in range(runs)]
    shim = [launch([out["on_path"], "-c", "pass"], env).wall_s for _ in range(runs)]
    out.update(is_interpreter=False, extra_s=statistics.median(shim) - statistics.median(direct))
    return out


def startup(display: str, folder: Path, cache: Path, plan: Plan) -> dict:
    """Launch to exit of `python main.py` with UTSS_EXIT_AFTER_FIRST_FRAME=1, next to the bare programs."""
    out: dict = {"variants": {}}
    for bytecode in ("kept", "compiled"):
        env = child_env(display, folder / bytecode, bytecode, cache)
        jobs = {"game": (plan.game, dict(env, UTSS_EXIT_AFTER_FIRST_FRAME="1")),
                "bare": ([PY, BARE, "start"], dict(env, **GAME_HINTS)),
                "bare_gl": ([PY, BARE, "start"], env),
                "empty": ([PY, "-c", "pass"], env)}
        runs = launch_times(jobs, plan.launches)
        out["variants"][bytecode] = {label: [vars(r) for r in rs] for label, rs in runs.items()}
    out["game_pycache"] = any((ROOT / "game").rglob("__pycache__"))
    env = child_env(display, folder / "kept", "kept", cache)
    stages = first_frame_stages({"game": ([PY, str(ROOT / "bench" / "window_startup.py"), *plan.story_args], env),
                                 "bare": ([PY, BARE, "start"], dict(env, **GAME_HINTS))},
                                folder / "marks.json", plan.stage_runs)
    out["stages"], out["bare_stages"] = stages["game"], stages["bare"]
    out["imports"] = import_rows(env, plan.story_args)
    done = subprocess.run([PY, BARE, "present"], env=dict(env, **GAME_HINTS), cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    if done.returncode == 0:
        out["present"] = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    return out


def first_sounds(plan: Plan) -> dict:
    """The music and ambience the first route's opening scene plays, as files (for the bare loop with sound)."""
    from game.story import Line, Runner, Stage, load_story
    story = load_story(plan.story) if plan.story else load_story()
    runner = Runner.new(story, next(iter(story.routes)))
    names: dict[str, str] = {}
    for _ in range(200):
        event = runner.advance()
        if isinstance(event, Stage) and event.kind in ("music", "ambience") and event.name:
            names[event.kind] = event.name
        if isinstance(event, Line):
            break
    files = {kind: story.assets.get(f"{kind}/{name}") for kind, name in names.items()}
    return {"route": next(iter(story.routes)), "names": names,
            "files": [str(path) for path in files.values() if path]}


def idle_runs(display: str, folder: Path, cache: Path, plan: Plan, shots: Path | None
              ) -> tuple[list[Idle], dict, list[dict]]:
    """The idle runs, the sounds the play runs hear, and every map's motion (bench/window_maps.py)."""
    sounds = first_sounds(plan)
    route = sounds["route"]
    warm = child_env(display, folder / "warm-up", "kept", cache)  # bytecode cached before any run
    launch(plan.game, dict(warm, UTSS_EXIT_AFTER_FIRST_FRAME="1"))
    launch([PY, BARE, "start"], dict(warm, **GAME_HINTS))

    def env(name: str, settings: dict | None = None, **extra: str) -> dict:
        where = folder / name
        if settings is not None:
            (where / "config").mkdir(parents=True, exist_ok=True)
            (where / "config" / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
        return child_env(display, where, "kept", cache, **extra)

    def shot(name: str) -> Path | None:
        return shots / f"{name}.png" if shots else None

    play = plan.game + ["--route", route]
    bare = ("bare window: poll events, sleep 1/30 s", [PY, BARE, "idle"])
    bare_music = ("bare window, the mixer looping the same music and ambience",
                  [PY, BARE, "idle", *sounds["files"]])
    runs = [   # each beside its bare program, measured over the same seconds
        ("title", "title screen (its music playing, default volumes)", plan.game, env("title"), 0, bare_music),
        ("silent", "play: a finished line, silent (volumes 0 in settings.json)", play, env("silent", SILENT), 2,
         bare),
        ("music", "play: a finished line, music and ambience (default volumes)", play, env("music"), 2,
         bare_music),
        ("no_audio", "play: a finished line, no audio device (diagnostic)", play,
         env("no_audio", SDL_AUDIODRIVER="no-such-driver"), 2, bare),
        ("menu", "play: a choice menu, waiting (music and ambience; text shown at once)", play,
         env("menu", {"text_speed": 0}), ["shift"] * 3 + ["Return"] * lines_to_menu(plan, route), bare_music),
        ("saves", "the Save screen over a story (music and ambience)", play, env("saves"),
         ["Return", "Return", "Escape", "Return"], bare_music),
        ("history", "the History over a story (music and ambience)", play, env("history"),
         ["Return", "Return", "Return", "Return", "l"], bare_music),
        ("voicing", "play: a finished line, self-voicing on (music and ambience)", play,
         env("voicing", {"self_voicing": True}), 2, bare_music),
    ]
    # The maps that move most while a line is read (bench/window_maps.py): the one with the most steps a second
    # and the one repainting the most rects a second, each at its first line, silent.
    maps = busiest_maps(plan)
    picked: set[str] = set()
    for key, what, pick in (("map_steps", "the most steps a second", lambda m: m["steps_per_s"]),
                            ("map_rects", "the most tiles repainted a second",
                             lambda m: m["steps_per_s"] * m["rects_per_step"])):
        moving = [m for m in maps if m["steps_per_s"] > 0]
        if not moving:
            continue
        top = max(moving, key=pick)
        if top["name"] in picked:
            continue
        picked.add(top["name"])
        runs.append((key, f"play: a line read on `{top['name']}`, the map with {what} ({top['steps_per_s']:.1f} "
                          f"steps, {top['rects_per_step']:.0f} rects a step), silent",
                     plan.game + ["--at", top["line"]], env(key, SILENT), 0, bare))
    results = []
    for key, label, cmd, child, presses, (bare_label, bare_cmd) in runs:
        print(f"  idle: {label} ...", file=sys.stderr, flush=True)
        results.append(idle(display, key, label, cmd, child, folder / key / "run", plan.idle_s, presses,
                            shot=shot(key), beside=(bare_label, bare_cmd, env(key + "-bare", **GAME_HINTS))))
    return results, sounds, maps


def busiest_maps(plan: Plan) -> list[dict]:
    """Each map a scene opens on: steps a second, rects a step, its first line (bench/window_maps.py)."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    done = subprocess.run([PY, str(ROOT / "bench" / "window_maps.py"), *plan.story_args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        print(f"  maps not measured: {done.stderr.strip()[-300:]}", file=sys.stderr)
        return []
    return json.loads(done.stdout)["maps"]


def lines_to_menu(plan: Plan, route: str) -> int:
    """Returns that bring a route's first menu on screen when each line shows at once."""
    from game.story import Line, Menu, Runner, load_story
    story = load_story(plan.story) if plan.story else load_story()
    runner, lines = Runner.new(story, route), 0
    while not isinstance(event := runner.advance(), Menu):
        lines += isinstance(event, Line)
    return lines


def routes(display: str, folder: Path, cache: Path, plan: Plan) -> list[dict]:
    """Each route's playthrough file played whole in a window, one fresh process each (bench/window_route.py)."""
    out = []
    for name in plan.route_plans:
        print(f"  route: {name} ...", file=sys.stderr, flush=True)
        env = child_env(display, folder / name, "kept", cache, UTSS_CACHE_DIR=str(folder / "cache"))
        cmd = [PY, str(ROOT / "bench" / "window_route.py"), str(ROOT / "tests" / "playthroughs" / f"{name}.yaml"),
               "--read", str(plan.read_s), *plan.story_args]
        done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            out.append({"plan": name, "error": "; ".join((done.stderr or done.stdout).strip().splitlines()[-3:])})
            continue
        out.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return out


def music_loads(plan: Plan) -> dict:
    """Loading each music file as a music change does when it was not prepared: at the game's mixer rate
    (22,050 Hz) and at 44,100 Hz (as the mixer was opened before), in the bare program."""
    from game.story import load_story
    from game.ui.audio import MIXER_SETTINGS
    story = load_story(plan.story) if plan.story else load_story()
    files = sorted({path for key, path in story.assets.items() if key.startswith("music/")})
    out = {}
    for rate in (MIXER_SETTINGS[0], 44100):
        done = subprocess.run([PY, BARE, "load", str(rate), *files], env=child_env(None, Path("/tmp"), "kept"),
                              cwd=ROOT, capture_output=True, text=True, timeout=120)
        if done.returncode == 0:
            out[rate] = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    return out


def frames(plan: Plan, profile: int) -> dict:
    cmd = [PY, str(ROOT / "bench" / "window_frames.py"), "--frames", str(plan.frames), "--rounds", str(plan.rounds),
           *plan.story_args]
    if profile:
        cmd += ["--profile", str(profile)]
    with tempfile.TemporaryDirectory(prefix="window-bench-") as folder:
        env = child_env(None, Path(folder), "kept")
        done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise BenchError("bench/window_frames.py failed: " + "; ".join(done.stderr.strip().splitlines()[-3:]))
    return json.loads(done.stdout.strip().splitlines()[-1])


def committed_story(into: Path) -> tuple[Path, str]:
    """scenes/ as committed at HEAD, next to the working tree's assets/: for when the scenes are mid-edit."""
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout.strip()
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "HEAD", "scenes"], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    (into / "assets").symlink_to(ROOT / "assets", target_is_directory=True)
    return into, commit


def lint(plan: Plan) -> tuple[bool, str]:
    """Whether the story the game will play loads clean, and lint's summary or first problem."""
    done = subprocess.run([PY, "-m", "game", "lint", *plan.story_args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    words = (done.stdout + done.stderr).strip().splitlines()
    return done.returncode == 0, (words[0] if done.returncode else words[-1]) if words else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="shorter runs; prints the section, writes nothing")
    parser.add_argument("--output", type=Path, help=f"report file (default {REPORT.relative_to(ROOT)}; "
                        "with --quick, nothing is written unless this is given)")
    parser.add_argument("--profile", nargs="?", const=25, type=int, default=0, metavar="N",
                        help="print the top N functions of the play screen's frames (cProfile)")
    parser.add_argument("--shots", type=Path, metavar="DIR", help="keep a picture of each idle window here")
    parser.add_argument("--story", metavar="DIR|committed", help="play another story folder; 'committed': "
                        "scenes/ as committed at HEAD with the working tree's assets/ (when scenes are mid-edit)")
    args = parser.parse_args()
    output = args.output or (None if args.quick else REPORT)
    m = machine()
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="window-bench-") as tmp:
        folder = Path(tmp)
        story, m["story"] = (Path(args.story).resolve() if args.story else None), "the working tree's"
        if args.story == "committed":
            story, commit = committed_story(folder / "story")
            m["story"] = f"`scenes/` as committed at {commit}, with the working tree's `assets/`"
        elif story is not None:
            m["story"] = f"`{args.story}`"
        plan = Plan(args.quick, story)
        clean, summary = lint(plan)
        if not clean:
            sys.exit(f"the story does not load clean, so the game cannot start: {summary}\n"
                     "(nothing measured or written; `--story committed` plays the scenes as committed)")
        m["story"] += f": {summary}"
        results: dict = {"plan": vars(plan), "machine": m, "errors": {}}
        print("frame cost (dummy video driver) ...", file=sys.stderr, flush=True)
        try:
            results["frames"] = frames(plan, args.profile)
        except (BenchError, subprocess.SubprocessError) as exc:
            results["errors"]["frames"] = str(exc)
        results["shim"] = shim_cost(folder / "shim", 5)
        results["music_loads"] = music_loads(plan)
        try:
            with Display() as display:
                m["xvfb"] = display.version()
                print(f"start-up on Xvfb {display.name} ...", file=sys.stderr, flush=True)
                try:
                    results["startup"] = startup(display.name, folder / "startup", folder / "pycache", plan)
                except (BenchError, subprocess.SubprocessError, OSError) as exc:
                    results["errors"]["startup"] = str(exc)
                if args.shots:
                    args.shots.mkdir(parents=True, exist_ok=True)
                print("routes played whole in the window ...", file=sys.stderr, flush=True)
                try:
                    results["routes"] = routes(display.name, folder / "routes", folder / "pycache", plan)
                except (BenchError, subprocess.SubprocessError, OSError) as exc:
                    results["errors"]["routes"] = str(exc)
                try:
                    results["idle"], results["sounds"], results["maps"] = idle_runs(
                        display.name, folder / "idle", folder / "pycache", plan, args.shots)
                except (BenchError, subprocess.SubprocessError, OSError) as exc:
                    results["errors"]["idle"] = str(exc)
        except BenchError as exc:
            results["errors"]["display"] = str(exc)
    m["loadavg_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    m["took_s"] = time.perf_counter() - began
    section = render(results, quick=args.quick)
    print(section)
    if args.profile and "profile" in results.get("frames", {}):
        print("\nWhere a play-screen frame's time goes (cProfile over the timed app.step calls):\n")
        print(results["frames"]["profile"])
    if output is not None:
        write_report(section, output)
        print(f"\nwrote {output}", file=sys.stderr)


if __name__ == "__main__":
    main()
