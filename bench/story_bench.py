"""Benchmark of the story runtime: load-and-check time, memory, advance() cost and explore, written to
docs/performance.md.

    python bench/story_bench.py            # full run (1k, 10k, 100k lines; the game's story 1x and 10x for
                                           # explore), rewrites the report section
    python bench/story_bench.py --quick    # smoke run (1k, 10k lines), prints the section, writes nothing
    python bench/story_bench.py --profile  # also prints where the time goes (cProfile) for the largest size

It measures and reports; it never passes or fails on time. Targets are shown next to the figures.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime
import gc
import io
import json
import os
import platform
import pstats
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

import explore_bench  # noqa: E402
from game.story import Line, Menu, Runner, StoryError, load_story  # noqa: E402
from machine_info import cpu_name  # noqa: E402
from story_copies import copy_story  # noqa: E402
from game.story.model import SayOp  # noqa: E402
from game.story.runner import READY  # noqa: E402
from report_section import write_section  # noqa: E402

REPORT = ROOT / "docs" / "performance.md"
START, END = "<!-- story-bench:start -->", "<!-- story-bench:end -->"
SECTION = "## Story runtime"
TITLE = "# Performance"
INTRO = ("Measured figures for the game, each next to its target. Each section is written by its own "
         "benchmark script; edit the scripts, not the figures.")

TARGET_REAL_MS = 100.0
TARGET_100K_S = 3.0
TARGET_ADVANCE_US = 20.0
LINES_PER_SCENE = 100


# ----------------------------------------------------------------------------------------------------------
# A generated story: LINES_PER_SCENE lines per scene file, scenes chained by goto, one route with endings.

CHARACTERS = {"alice": ("Alice", "#c98a6b", ("neutral", "smiling", "sad", "guarded")),
              "bruno": ("Bruno", "#7aa0c9", ("neutral", "smiling", "thoughtful")),
              "clara": ("Clara", "#9bc97a", ("neutral", "curious"))}
BACKGROUNDS = [f"bg_{i}" for i in range(5)]
MUSIC = [f"theme_{i}" for i in range(3)]
SOUNDS = ["chime", "door"]
WORDS = ("the night wine vines road door stars letter station Vienna quiet old friend train list names "
         "glass terrace hill careful slowly never again because perhaps tomorrow remember forgot window "
         "harvest lamp engine coat card photograph river bridge winter summer voice silence promise").split()

MANIFEST = """\
# A generated story for bench/story_bench.py.
title: Generated Story
characters:
{characters}
meters:
  trust: {{label: Trust, min: 0, max: 10, start: 2}}
  affection: {{label: Affection, min: 0, max: 10, start: 1}}
  danger: {{label: Danger, min: 0, max: 10, start: 1}}
routes:
  gen:
    title: Generated
    blurb: A long chain of generated scenes.
    start: {start}
    picture: bg_0
endings:
  gen.everything:
    title: Everything
    route: gen
    when: trust >= 8 and affection >= 5
    priority: 20
    epilogue: They talked until dawn.
  gen.secret:
    title: The Secret
    route: gen
    when: secret and danger < 6
    priority: 10
    epilogue: Some things stay buried.
  gen.plain:
    title: Plain
    route: gen
    epilogue: Nothing much happened, and that was enough.
"""


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 18))]
    return (" ".join(words) + rng.choice(".?!")).capitalize()


def _say(rng: random.Random, indent: str) -> str:
    text, roll = _sentence(rng), rng.random()
    who = rng.choice(list(CHARACTERS))
    if roll < 0.3:
        return f"{indent}- {text}"
    if roll < 0.35:
        return f"{indent}- narrate: {text}"
    if roll < 0.55:
        return f"{indent}- {who} {rng.choice(CHARACTERS[who][2])}: {text}"
    if roll < 0.6:
        return f'{indent}- {who}: "{text}"'
    return f"{indent}- {who}: {text}"


def scene_ids(count: int) -> list[str]:
    return [f"gen.p{i // 100:03d}.s{i:05d}" for i in range(count)]


def scene_text(rng: random.Random, index: int, ids: list[str]) -> str:
    """One scene: 100 lines (89 top-level, 11 in branches and options), stage steps, a menu and a goto."""
    says = lambda n, indent="  ": [_say(rng, indent) for _ in range(n)]  # noqa: E731
    out = [f"# scene {index}", f"background: {BACKGROUNDS[index % len(BACKGROUNDS)]}"]
    if index % 10 == 0:
        out.append(f"music: {MUSIC[index % len(MUSIC)]}")
    out.append("steps:")
    out += ["  - show: alice smiling at left", "  - show: bruno at right"]
    out += says(30)
    out += ["  - effects: {trust: +1, danger: -1}", f"  - sound: {SOUNDS[index % 2]}"]
    out += ["  - if: trust >= 4 and not secret", "    then:", *says(3, "      "),
            "  - elif: secret", "    then:", *says(2, "      "),
            "  - else:", *says(2, "      ")]
    out += says(30)
    out += ["  - hide: bruno", "  - show: clara curious at center", f"  - background: {BACKGROUNDS[(index + 1) % 5]}"]
    previous = ids[index - 1] if index else ids[0]
    out += ["  - choice:",
            f"      - text: {_sentence(rng)}", "        effects: {trust: +1, affection: +1}",
            "        then:", *says(2, "          "),
            f"      - text: {_sentence(rng)}", "        requires: trust >= 5",
            "        hint: Not yet.", "        effects: {danger: +2, secret: true}",
            "        then:", *says(2, "          "),
            f"      - text: {_sentence(rng)}", f"        if: visited({previous})",
            "        effects: {affection: '=3'}"]
    out += says(29)
    out += ["  - hide: clara"]
    out.append(f"  - goto: {ids[index + 1]}" if index + 1 < len(ids) else "  - ending: best")
    return "\n".join(out) + "\n"


def touch(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()


def make_story(root: Path, lines: int, seed: int = 7) -> int:
    """Write a story of `lines` authored lines under root; returns the number of scene files."""
    rng = random.Random(seed)
    count = max(1, lines // LINES_PER_SCENE)
    ids = scene_ids(count)
    chars = "\n".join(f"  {cid}: {{name: {name}, color: \"{color}\", sprites: {cid}}}"
                      for cid, (name, color, _) in CHARACTERS.items())
    (root / "scenes").mkdir(parents=True)
    (root / "scenes" / "story.yaml").write_text(MANIFEST.format(characters=chars, start=ids[0]), encoding="utf-8")
    for index, scene_id in enumerate(ids):
        path = root / "scenes" / Path(*scene_id.split(".")).with_suffix(".yaml")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(scene_text(rng, index, ids), encoding="utf-8")
    for name in BACKGROUNDS:
        touch(root / "assets" / "backgrounds" / f"{name}.png")
    for name in MUSIC:
        touch(root / "assets" / "music" / f"{name}.ogg")
    for name in SOUNDS:
        touch(root / "assets" / "sounds" / f"{name}.ogg")
    for cid, (_, _, expressions) in CHARACTERS.items():
        for expression in expressions:
            touch(root / "assets" / "characters" / cid / f"{expression}.png")
    return count


def count_lines(story) -> int:
    """Lines as authored (every branch and option counted), not as one playthrough shows them."""
    return sum(1 for scene in story.scenes.values() for op in scene.ops if isinstance(op, SayOp))


# ----------------------------------------------------------------------------------------------------------
# The game's own story, with placeholder assets when the art has not landed yet.

ADD_FILE = re.compile(r"add (?:PNGs such as )?(assets/[^\s)]+\.[A-Za-z0-9]+)")
UNKNOWN_EXPRESSION = re.compile(r"unknown expression '([^']+)' for '([^']+)'")


def placeholder_copy(problems, into: Path) -> list[str]:
    """Copy scenes/ and assets/ into a folder, adding empty files for the assets the problems ask for."""
    shutil.copytree(ROOT / "scenes", into / "scenes")
    if (ROOT / "assets").is_dir():
        shutil.copytree(ROOT / "assets", into / "assets")
    added: list[str] = []
    for _ in range(5):  # a new sprite folder can reveal unknown expressions, so repeat until clean
        manifest = yaml.safe_load((into / "scenes" / "story.yaml").read_text(encoding="utf-8")) or {}
        sprites = {cid: (data or {}).get("sprites", cid) for cid, data in (manifest.get("characters") or {}).items()}
        wanted = set()
        for problem in problems:
            text = f"{problem.message} ({problem.hint})"
            found = ADD_FILE.search(text)
            if found:
                wanted.add(found.group(1))
            found = UNKNOWN_EXPRESSION.search(problem.message)
            if found:
                wanted.add(f"assets/characters/{sprites.get(found.group(2), found.group(2))}/{found.group(1)}.png")
        wanted -= set(added)
        if not wanted:
            break
        for rel in sorted(wanted):
            touch(into / rel)
            added.append(rel)
        try:
            load_story(into)
            return added
        except StoryError as exc:
            problems = exc.problems
    load_story(into)  # still failing: let the error show
    return added


def timed_loads(root: Path, runs: int, without_gc: bool = False) -> list[float]:
    """Wall time of load_story, after a warm-up (imports, regex compilation, file cache).

    without_gc is a diagnostic: the same load with the cyclic garbage collector paused, to show its share.
    """
    load_story(root)
    out = []
    for _ in range(runs):
        gc.collect()
        if without_gc:
            gc.disable()
        try:
            start = time.perf_counter()
            load_story(root)
            out.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return out


# ----------------------------------------------------------------------------------------------------------
# Memory, each size in a fresh process.

def child_memory(root: str) -> None:
    """Run in a fresh process: first-load time and ru_maxrss growth, then tracemalloc peak of another load."""
    gc.collect()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    story = load_story(root)
    cold = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    lines = count_lines(story)
    del story
    gc.collect()
    tracemalloc.start()
    story = load_story(root)
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    collections = []
    for _ in range(5):  # what a full collection costs the game while this story is loaded
        start = time.perf_counter()
        gc.collect()
        collections.append(time.perf_counter() - start)
    full_gc = statistics.median(collections)
    print(json.dumps({"cold_s": cold, "rss_kb": after - before, "peak_b": peak, "retained_b": retained,
                      "lines": lines, "scenes": len(story.scenes), "full_gc_s": full_gc,
                      "gc_objects": len(gc.get_objects())}))


def measure_memory(root: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child-memory", str(root)], capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


# ----------------------------------------------------------------------------------------------------------
# Playing: advance() through the whole story, answering every menu with choose(0).

@dataclass
class Play:
    advances: int = 0
    lines: int = 0
    menus: int = 0
    seconds: float = 0.0
    ending: str = ""
    decile_us: list[float] = field(default_factory=list)  # mean µs per advance() in each tenth of the play
    copy_us: tuple[float, float] = (0.0, 0.0)  # State.copy() (the per-line checkpoint) at the start and the end
    visits: int = 0
    choices: int = 0


def play(story, route: str) -> Play:
    result = Play()
    runner = Runner.new(story, route)
    first_copy = copy_cost(runner.state)
    marks: list[tuple[float, int]] = []
    clock = time.perf_counter
    start = clock()
    advance, choose = runner.advance, runner.choose
    while True:
        event = advance()
        result.advances += 1
        kind = type(event)
        if kind is Line:
            result.lines += 1
            if not result.lines % 1000:
                marks.append((clock(), result.advances))
        elif kind is Menu:
            result.menus += 1
            choose(0)
        elif runner.status != READY:
            result.ending = getattr(event, "ending", "")
            break
    end = clock()
    result.seconds = end - start
    result.copy_us = (first_copy, copy_cost(runner.state))
    result.visits, result.choices = len(runner.state.visits), len(runner.state.choices)
    marks.append((end, result.advances))
    points = [(start, 0)] + marks
    spans = len(points) - 1
    for i in range(min(10, spans)):
        (t0, a0), (t1, a1) = points[i * spans // 10], points[(i + 1) * spans // 10]
        if a1 > a0:
            result.decile_us.append((t1 - t0) / (a1 - a0) * 1e6)
    return result


def plays(story, route: str, times: int) -> tuple[Play, list[float]]:
    """Several full playthroughs (the machine may be shared); the median one, and µs per advance() of each."""
    done = sorted((play(story, route) for _ in range(times)), key=lambda p: p.seconds / p.advances)
    return done[len(done) // 2], [p.seconds / p.advances * 1e6 for p in done]


def copy_cost(state, number: int = 20_000) -> float:
    """Mean µs of State.copy(), which advance() takes as the checkpoint before every line."""
    start = time.perf_counter()
    for _ in range(number):
        state.copy()
    return (time.perf_counter() - start) / number * 1e6


# ----------------------------------------------------------------------------------------------------------
# The machine and the report.

def machine() -> dict:
    cpu = cpu_name()
    from game.story import yamlsource
    loader = getattr(yamlsource, "_Loader", None)
    return {"cpu": cpu, "cores": str(len(os.sched_getaffinity(0))),
            "python": f"{platform.python_implementation()} {platform.python_version()}",
            "pyyaml": yaml.__version__, "libyaml": bool(getattr(yaml, "__with_libyaml__", False)),
            "loader": getattr(loader, "__name__", "?"), "os": platform.platform(terse=True),
            "date": datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
            "loadavg": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def verdict(ok: bool) -> str:
    return "meets" if ok else "**misses**"


def render(m: dict, real: dict, sizes: list[dict], run: Play, per_play: list[float], run_size: int,
           quick: bool, explored: list[str]) -> str:
    mb = 1024 * 1024
    out = [
        f"Written by `python bench/story_bench.py{' --quick' if quick else ''}` on {m['date']}. "
        "The benchmark measures; it never fails on time.",
        "",
        f"- Machine: {m['cpu']}, {m['cores']} cores available, {m['os']}; load average {m['loadavg']} "
        "at the start (a shared machine makes the figures noisier)",
        f"- {m['python']}, PyYAML {m['pyyaml']}, libyaml C loader "
        f"{'used (' + m['loader'] + ')' if m['loader'].startswith('C') else 'NOT used (' + m['loader'] + ')'}",
        "",
        "| Measure | Measured | Target | |",
        "|---|---:|---:|---|",
        f"| Load + check of the game's own story (median of {real['runs']}) | {real['median_ms']:.1f} ms "
        f"| < {TARGET_REAL_MS:.0f} ms | {verdict(real['median_ms'] < TARGET_REAL_MS)} |",
    ]
    for s in sizes:
        target = f"< {TARGET_100K_S:.0f} s" if s["lines"] >= 100_000 else "linear"
        ok = s["median_s"] < TARGET_100K_S if s["lines"] >= 100_000 else None
        out.append(f"| Load + check, generated {s['label']} lines (median of {s['runs']}) | {s['median_s']:.2f} s "
                   f"| {target} | {verdict(ok) if ok is not None else ''} |")
    out.append(f"| advance(), mean per call, playing {run_size // 1000}k story "
               f"| {run.seconds / run.advances * 1e6:.2f} µs | < {TARGET_ADVANCE_US:.0f} µs "
               f"| {verdict(run.seconds / run.advances * 1e6 < TARGET_ADVANCE_US)} |")
    out.append(f"| advance() time per line shown | {run.seconds / run.lines * 1e6:.2f} µs "
               f"| < {TARGET_ADVANCE_US:.0f} µs | {verdict(run.seconds / run.lines * 1e6 < TARGET_ADVANCE_US)} |")
    out += ["", "### Game story", ""]
    out.append(f"{real['scenes']} scenes, {real['lines']} lines; runs (ms): "
               + ", ".join(f"{t * 1000:.1f}" for t in real["times"]) + ".")
    if real["placeholders"]:
        out += ["", "The real story does not lint clean yet (art still to land), so it was measured on a copy of "
                "`scenes/` and `assets/` in a temporary folder with empty placeholder files for: "
                + ", ".join(f"`{p}`" for p in sorted(real["placeholders"])) + "."]
    out += ["", "### Generated stories", "",
            f"{LINES_PER_SCENE} lines per scene file, scenes chained by goto; each scene has a header background, "
            "show/hide/background/sound steps, an effects step, an if/elif/else, a three-option menu "
            "(requires, if: visited(...), effects) and music every tenth scene. Three characters with sprites, "
            "three meters, one route with three endings; empty asset files. Memory is measured in a fresh process "
            "per size.", "",
            "Load time:", "",
            "| Lines | Scene files | Load median | Runs (s) | ms per 1k lines | First load in a fresh process "
            "| Diagnostic: median with the garbage collector paused | ms per 1k lines, collector paused |",
            "|---:|---:|---:|---|---:|---:|---:|---:|"]
    for s in sizes:
        k = s["lines"] / 1000
        out.append(f"| {s['lines']:,} | {s['scenes']:,} | {s['median_s']:.3f} s | "
                   + ", ".join(f"{t:.3f}" for t in s["times"])
                   + f" | {s['median_s'] * 1000 / k:.1f} | {s['cold_s']:.3f} s | {s['no_gc_s']:.3f} s "
                   f"| {s['no_gc_s'] * 1000 / k:.1f} |")
    out += ["", "Memory of one load (fresh process per size):", "",
            "| Lines | tracemalloc peak | MB per 1k lines | retained after load | MB per 1k lines "
            "| ru_maxrss increase | MB per 1k lines | objects the collector tracks | one full gc.collect() |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for s in sizes:
        k = s["lines"] / 1000
        out.append(f"| {s['lines']:,} | {s['peak_b'] / mb:.1f} MB | {s['peak_b'] / mb / k:.2f} "
                   f"| {s['retained_b'] / mb:.1f} MB | {s['retained_b'] / mb / k:.2f} "
                   f"| {s['rss_kb'] / 1024:.1f} MB | {s['rss_kb'] / 1024 / k:.2f} "
                   f"| {s['gc_objects']:,} | {s['full_gc_s'] * 1000:.1f} ms |")
    out += ["", "### Playing", "",
            f"A Runner played the {run_size:,}-line story {len(per_play)} times from its start to ending "
            f"`{run.ending}`, answering each of {run.menus:,} menus with `choose(0)`: {run.advances:,} advance() "
            f"calls and {run.lines:,} lines shown per playthrough (choose() calls and the loop are included in the "
            "time). µs per advance() call in each playthrough, fastest first: "
            + ", ".join(f"{u:.2f}" for u in per_play) + ". The table shows the median playthrough, which took "
            f"{run.seconds:.2f} s; its mean µs per advance() call in each tenth, first to last:", "",
            " → ".join(f"{u:.1f}" for u in run.decile_us), "",
            f"`State.copy()`, taken as the checkpoint before every line, costs {run.copy_us[0]:.2f} µs at the start "
            f"and {run.copy_us[1]:.2f} µs at the end, when the state holds {run.visits:,} scene visits and "
            f"{run.choices:,} choices.", ""]
    out += explored + [""]
    return "\n".join(out)


def write_report(section: str, path: Path) -> None:
    write_section(path, section, START, END, SECTION, new_file=f"{TITLE}\n\n{INTRO}\n")


def profile(label: str, call) -> None:
    profiler = cProfile.Profile()
    profiler.runcall(call)
    stream = io.StringIO()
    pstats.Stats(profiler, stream=stream).sort_stats("tottime").print_stats(18)
    print(f"\n=== cProfile: {label} (sorted by own time) ===\n{stream.getvalue()}")


# ----------------------------------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes; prints the section, writes nothing")
    parser.add_argument("--profile", action="store_true", help="print cProfile tables for the largest size")
    parser.add_argument("--output", type=Path, help=f"report file (default {REPORT.relative_to(ROOT)}; "
                                                     "with --quick, none)")
    parser.add_argument("--child-memory", metavar="ROOT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_memory:
        child_memory(args.child_memory)
        return
    output = args.output or (None if args.quick else REPORT)
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    runs = {1_000: 7, 10_000: 5, 100_000: 3} if not args.quick else {1_000: 3, 10_000: 2}
    m = machine()
    print(f"{m['cpu']} | {m['python']} | PyYAML {m['pyyaml']} ({m['loader']})", flush=True)

    with tempfile.TemporaryDirectory(prefix="story-bench-") as tmp:
        tmp_path = Path(tmp)
        real_root, placeholders = ROOT, []
        try:
            load_story(ROOT)
        except StoryError as exc:
            real_root = tmp_path / "real"
            placeholders = placeholder_copy(exc.problems, real_root)
        real_runs = 5 if args.quick else 21
        times = timed_loads(real_root, real_runs)
        real_story = load_story(real_root)
        real = {"runs": real_runs, "times": times, "median_ms": statistics.median(times) * 1000,
                "placeholders": placeholders, "scenes": len(real_story.scenes), "lines": count_lines(real_story)}
        print(f"game story: {real['median_ms']:.1f} ms median"
              + (f" (placeholders for {len(placeholders)} assets)" if placeholders else ""), flush=True)

        results, stories = [], {}
        for size in sizes:
            root = tmp_path / f"gen{size}"
            scenes = make_story(root, size)
            memory = measure_memory(root)
            times = timed_loads(root, runs[size])
            no_gc = timed_loads(root, max(2, runs[size] // 2), without_gc=True)
            results.append({"label": f"{size // 1000}k", "lines": memory["lines"], "scenes": scenes,
                            "runs": runs[size], "times": times, "median_s": statistics.median(times),
                            "no_gc_s": statistics.median(no_gc), **memory})
            stories[size] = root
            print(f"{size:>7,} lines: load {statistics.median(times):.3f} s, peak {memory['peak_b'] / 2**20:.1f} MB, "
                  f"rss +{memory['rss_kb'] / 1024:.1f} MB", flush=True)

        run_size = sizes[-1]
        story = load_story(stories[run_size])
        played, per_play = plays(story, "gen", 3 if args.quick else 5)
        print(f"play {run_size:,}: {played.seconds / played.advances * 1e6:.2f} µs per advance(), "
              f"{played.seconds / played.lines * 1e6:.2f} µs per line; by tenth: "
              + " ".join(f"{u:.1f}" for u in played.decile_us), flush=True)

        explored = []
        copies = tmp_path / "copied10"
        copy_story(real_root, copies, 10)
        for label, root in [("game", real_root), *((f"{n // 1000}k", stories[n]) for n in sizes),
                            *([] if args.quick else [("copied 10x", copies)])]:
            explored.append((label, explore_bench.measure(root)))
            r = explored[-1][1]
            print(f"explore {label}: {r['seconds']:.2f} s, {r['states']:,} states, peak {r['peak_mb']:.0f} MB, "
                  f"{r['found']} of {r['endings']} endings, {r['status']}", flush=True)
        game_cli = explore_bench.command_seconds(real_root, "explore", "--json")
        lint_cli = explore_bench.command_seconds(real_root, "lint")
        print(f"explore --json of the game's story: {game_cli[0]:.2f} s, {game_cli[1]:.0f} MB "
              f"(lint: {lint_cli[0]:.2f} s)", flush=True)

        if args.profile:
            profile(f"load_story, {run_size:,} lines", lambda: load_story(stories[run_size]))
            profile(f"playing {run_size:,} lines", lambda: play(story, "gen"))

    section = render(m, real, results, played, per_play, run_size, args.quick,
                     explore_bench.render(explored, game_cli, lint_cli))
    if output is None:
        print("\n" + section)
    else:
        write_report(section, output)
        print(f"wrote {output}")


if __name__ == "__main__":
    main()
