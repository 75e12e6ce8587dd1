"""The explore part of the story benchmark: `explore` timed and its memory measured, each story in a fresh process.

    python bench/explore_bench.py --child ROOT          # explore() measured, as JSON (story_bench.py runs these)
    python bench/explore_bench.py --run explore ...     # one `python -m game` command timed, as JSON

It measures and reports; it never passes or fails on time.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.story import load_story  # noqa: E402
from game.story.explore import explore  # noqa: E402
from game.story.model import SayOp  # noqa: E402

TARGET_GAME_S = 1.0     # explore --json of the game's own story, the whole command
TARGET_GAME_MB = 100.0
TARGET_100K_S = 10.0
# The Runner-based explorer this one replaced (commit cc0377f), measured on the same kind of machine:
# explore --json of the game's story 24.6 s and 244 MB (ru_maxrss), 122,770 states; generated chains
# 0.23 s / 6.2 s / 130 s at 1k / 10k / 100k lines, 891 MB at 100k; the story copied 10x hit the state cap.
BEFORE = {"game": "24.6 s, 244 MB", "1k": "0.23 s", "10k": "6.2 s", "100k": "130 s, 891 MB",
          "copied 10x": "stopped at the state cap"}


def child(root: str) -> None:
    """In a fresh process: the story loaded, then explore() timed, and how far the process's peak memory grew."""
    story = load_story(root)
    lines = sum(1 for scene in story.scenes.values() for op in scene.ops if isinstance(op, SayOp))
    gc.collect()
    loaded = peak_mb()
    start, cpu = time.perf_counter(), time.process_time()
    report = explore(story)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = peak_mb()
    found = sum(1 for entry in report.endings.values() if entry["reachable"])
    print(json.dumps({"seconds": seconds, "cpu": cpu, "loaded_mb": loaded, "peak_mb": peak,
                      "lines": lines, "scenes": len(story.scenes), "routes": len(story.routes),
                      "states": report.states, "endings": len(report.endings), "found": found,
                      "status": report.status}))


def measure(root: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", str(root)], capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def peak_mb() -> float:
    """This process's peak resident memory. VmHWM starts afresh at exec; ru_maxrss can keep the peak of the
    process that forked this one (a benchmark that has just loaded a 100k-line story)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_command(*command: str) -> None:
    """In a small process of its own (so that its peak memory is the command's): run `python -m game COMMAND`
    and print its wall time and peak memory as JSON."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "game", *command], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    print(json.dumps({"seconds": time.perf_counter() - start, "peak_mb": usage.ru_maxrss / 1024}))


COMMAND_RUNS = 5  # each command's runs: a shared machine's wall times vary by a tenth from one run to the next


def command_seconds(root: Path, *command: str, runs: int = COMMAND_RUNS) -> tuple[float, float]:
    """Median wall time of `python -m game COMMAND --story ROOT`, and the largest peak memory of a run (MB)."""
    times, peaks = [], []
    for _ in range(runs):
        done = subprocess.run([sys.executable, __file__, "--run", *command, "--story", str(root)],
                              capture_output=True, text=True, check=True)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        times.append(result["seconds"])
        peaks.append(result["peak_mb"])
    return statistics.median(times), max(peaks)


def render(stories: list[tuple[str, dict]], game_cli: tuple[float, float],
           lint_cli: tuple[float, float]) -> list[str]:
    """The explore subsection of the story benchmark's report."""
    seconds, mb = game_cli
    out = ["### Explore", "",
           "`explore` walks every path of every route, keeping in a state only what some later condition reads "
           "(a meter only compared with numbers, only within the bounds where that can still tell its values apart), "
           "and each walk from a menu's option once per set of values it reads; a state met before is told from the "
           "state at the menu, without being made again (see `game/story/explore.py`). Each "
           "story below was explored in a fresh process; the memory is the process's peak resident memory (VmHWM), "
           "with the peak once the story was loaded in brackets. The last column is the Runner-based explorer this "
           "one replaced, measured before it was (not by this run). Times are wall-clock; on a shared machine the "
           "CPU time of the process (in brackets) is the steadier figure.", "",
           "| Measure | Measured | Target | | Before |",
           "|---|---:|---:|---|---:|",
           f"| `python -m game explore --json`, the game's story, whole command (median of {COMMAND_RUNS}) "
           f"| {seconds:.2f} s, "
           f"{mb:.0f} MB | < {TARGET_GAME_S:.0f} s, < {TARGET_GAME_MB:.0f} MB "
           f"| {'meets' if seconds < TARGET_GAME_S and mb < TARGET_GAME_MB else '**misses**'} | {BEFORE['game']} |",
           f"| `python -m game lint`, the same story: the floor (median of {COMMAND_RUNS}) | {lint_cli[0]:.2f} s, "
           f"{lint_cli[1]:.0f} MB | | | |"]
    for label, r in stories:
        target, verdict = "", ""
        if label == "100k":
            target = f"< {TARGET_100K_S:.0f} s, linear memory"
            verdict = "meets" if r["seconds"] < TARGET_100K_S else "**misses**"
        elif label.startswith("copied"):
            target = "every ending found"
            verdict = "meets" if r["found"] == r["endings"] and r["status"] != "incomplete" else "**misses**"
        out.append(f"| explore(), {_name(label)} | {r['seconds']:.2f} s ({r['cpu']:.2f} s CPU), {r['peak_mb']:.0f} MB "
                   f"({r['loaded_mb']:.0f} MB loaded) | {target} | {verdict} | {BEFORE.get(label, '')} |")
    out += ["", "| Story | Lines | Scenes | Routes | States at menus | Endings found | Status | explore() "
            "| µs per state | ms per 1k lines | Peak memory | MB per 1k lines beyond the loaded story |",
            "|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|"]
    for label, r in stories:
        k = r["lines"] / 1000
        out.append(f"| {_name(label)} | {r['lines']:,} | {r['scenes']:,} | {r['routes']} | {r['states']:,} "
                   f"| {r['found']} of {r['endings']} | {r['status']} | {r['seconds']:.2f} s "
                   f"| {r['seconds'] / max(1, r['states']) * 1e6:.1f} | {r['seconds'] * 1000 / k:.1f} "
                   f"| {r['peak_mb']:.0f} MB | {(r['peak_mb'] - r['loaded_mb']) / k:.2f} |")
    return out


def _name(label: str) -> str:
    return {"game": "the game's story", "copied 10x": "the game's story copied 10 times (40 routes)"}.get(
        label, f"generated chain, {label} lines")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--run"]:
        run_command(*sys.argv[2:])
    else:
        parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
        parser.add_argument("--child", metavar="ROOT", required=True)
        child(parser.parse_args().child)
