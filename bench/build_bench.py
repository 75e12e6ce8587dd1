"""Benchmark of the built program (tools/build.py): its start-up to the title's first frame next to
`python main.py`'s, on an Xvfb display, and what the build costs; writes its section of docs/performance.md.

    python bench/build_bench.py                  # builds into a temporary folder (PyInstaller), ~1 minute
    python bench/build_bench.py --built dist     # measures a build already made (tools/build.py --out dist)
    python bench/build_bench.py --runs 5 --no-write

Each program runs to the title's first frame and ends there (UTSS_EXIT_AFTER_FIRST_FRAME=1), the two taking
turns after a warm-up, with the same empty player folders and the story kept between starts as a player's
machine keeps it; `python main.py` with its bytecode kept, as after a pip install. The benchmark measures; it
never fails on time.
"""
from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from machine_info import cpu_name  # noqa: E402
from report_section import write_section  # noqa: E402
from window_procs import BenchError, Display, child_env, launch_times  # noqa: E402

START, END = "<!-- build-bench:start -->", "<!-- build-bench:end -->"
HEADING = "## The built program"
AFTER = "<!-- comforts-bench:end -->"


def build_tool():
    spec = importlib.util.spec_from_file_location("utss_build_tool", ROOT / "tools" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(into: Path) -> dict:
    started = time.monotonic()
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "build.py"), "--out", str(into)], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise BenchError(f"tools/build.py failed: {(done.stdout + done.stderr).strip().splitlines()[-1:]}")
    return {"seconds": time.monotonic() - started}


def measure(built: Path, runs: int, work: Path) -> dict:
    tool = build_tool()
    executable = built / tool.NAME / tool.NAME
    if not executable.exists():
        raise BenchError(f"{executable}: no built program there (python tools/build.py --out {built})")
    out = {"folder_mb": tool.folder_size(built / tool.NAME) / 2**20}
    archive = built / tool.archive_name()
    if archive.exists():
        out["archive_mb"] = archive.stat().st_size / 2**20
    with Display() as display:
        jobs = {}
        for label, command in (("python main.py", [sys.executable, str(ROOT / "main.py")]),
                               ("built", [str(executable)])):
            folder = work / label.replace(" ", "_")
            env = child_env(display.name, folder, "kept", UTSS_EXIT_AFTER_FIRST_FRAME="1",
                            UTSS_CACHE_DIR=str(folder / "cache"))
            jobs[label] = (command, env)
        times = launch_times(jobs, runs, warmups=2)
    for label, launches in times.items():
        out[label] = {"wall_s": statistics.median(r.wall_s for r in launches),
                      "min_s": min(r.wall_s for r in launches), "max_s": max(r.wall_s for r in launches),
                      "cpu_s": statistics.median(r.cpu_s for r in launches),
                      "maxrss_mb": statistics.median(r.maxrss_mb for r in launches)}
    return out


def section(results: dict, runs: int, took: float, build: dict | None) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    py, frozen = results["python main.py"], results["built"]
    rows = ["| to the title's first frame | median | fastest | slowest | CPU | peak memory |", "|---|---:|---:|---:|---:|---:|"]
    for label, r in (("`python main.py`", py), ("the built program", frozen)):
        rows.append(f"| {label} | {r['wall_s'] * 1000:.0f} ms | {r['min_s'] * 1000:.0f} ms | {r['max_s'] * 1000:.0f} ms "
                    f"| {r['cpu_s'] * 1000:.0f} ms | {r['maxrss_mb']:.0f} MB |")
    ratio = frozen["wall_s"] / py["wall_s"]
    difference = (frozen["wall_s"] - py["wall_s"]) * 1000
    gap = "the same to the millisecond" if abs(difference) < 1 else \
        f"{'faster' if difference < 0 else 'slower'} by {abs(difference):.0f} ms"
    sizes = f"The folder is {results['folder_mb']:.1f} MB"
    if "archive_mb" in results:
        sizes += f", its archive {results['archive_mb']:.1f} MB"
    if build:
        sizes += f"; the build with its archive took {build['seconds']:.0f} s"
    return "\n".join([
        f"Written by `python bench/build_bench.py` on {stamp} (took {took:.0f} s; {runs} starts each, taking turns "
        f"after two warm-ups, on Xvfb; {cpu_name()}; Python {sys.version.split()[0]}). The benchmark measures; "
        "it never fails on time.", "",
        *rows, "",
        f"The built program reaches the title in {ratio:.2f} times the time `python main.py` takes ({gap}). "
        "Its modules are compiled files in `_internal/`, read by Python's own importer (tools/build.py builds "
        "with `--debug noarchive`: from PyInstaller's single archive, each module decompressed on import, the "
        "title came about 20 ms later than under Python), and it starts with no site packages to scan. "
        f"{sizes}."])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--built", type=Path, help="a folder tools/build.py --out built into (default: build now)")
    parser.add_argument("--runs", type=int, default=12)
    parser.add_argument("--no-write", action="store_true", help="print, do not write docs/performance.md")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        with tempfile.TemporaryDirectory(prefix="utss-build-bench-") as temp:
            built_info = None
            built = args.built
            if built is None:
                built = Path(temp) / "build"
                print("building ...", file=sys.stderr, flush=True)
                built_info = build(built)
            print(f"starting each program {args.runs} times ...", file=sys.stderr, flush=True)
            results = measure(built.resolve(), args.runs, Path(temp) / "work")
    except BenchError as exc:
        print(f"build_bench: {exc}", file=sys.stderr)
        return 1
    text = section(results, args.runs, time.monotonic() - started, built_info)
    print(text)
    if not args.no_write:
        write_section(ROOT / "docs" / "performance.md", text, START, END, HEADING, AFTER)
    return 0


if __name__ == "__main__":
    sys.exit(main())
