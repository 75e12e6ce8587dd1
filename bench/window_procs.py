"""The window benchmark's child processes: an Xvfb display, launch timing, and an idle window's CPU and memory."""
from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TICK = os.sysconf("SC_CLK_TCK")
GAME_CLASS = "under-the-same-stars"   # the window class the game asks SDL for (game/ui/__init__.py)


class BenchError(Exception):
    """Something the benchmark could not measure; the message says what and why."""


# ---------------------------------------------------------------- a display of our own

class Display:
    """An Xvfb server on a free display number (Xvfb picks it: -displayfd), stopped on exit."""

    def __init__(self, size: str = "1280x720x24"):
        self.size = size
        self.name = ""
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> Display:
        read, write = os.pipe()
        try:
            self.proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", self.size,
                                          "-nolisten", "tcp"], pass_fds=(write,),
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except FileNotFoundError:
            raise BenchError("Xvfb is not installed (Debian: apt-get install xvfb)") from None
        finally:
            os.close(write)
        number = b""
        deadline = time.monotonic() + 10
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            chunk = os.read(read, 16)
            if not chunk:
                break
            number += chunk
        os.close(read)
        if not number.strip().isdigit():
            self.__exit__()
            raise BenchError("Xvfb did not start (it printed no display number)")
        self.name = f":{number.strip().decode()}"
        return self

    def __exit__(self, *exc) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    @staticmethod
    def version() -> str:
        done = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "xvfb"], capture_output=True, text=True)
        return f"Xvfb {done.stdout.strip()}" if done.returncode == 0 and done.stdout.strip() else "Xvfb"


# ---------------------------------------------------------------- environments

def child_env(display: str | None, folder: Path, bytecode: str, cache: Path | None = None,
              **extra: str) -> dict[str, str]:
    """The environment of a child: our display, dummy audio, player folders in `folder`, and bytecode either
    'kept' (as on a player's machine: written once to `cache`, by default folder/pycache, then read) or
    'compiled' (PYTHONDONTWRITEBYTECODE=1, as this machine is set up: the game's sources, which have no
    __pycache__ of their own, are compiled at every start)."""
    env = dict(os.environ)
    for name in ("SDL_VIDEODRIVER", "SDL_AUDIODRIVER", "UTSS_EXIT_AFTER_FIRST_FRAME", "UTSS_BENCH_MARKS",
                 "UTSS_CACHE_DIR",
                 "PYTHONPYCACHEPREFIX", "PYTHONDONTWRITEBYTECODE", "PYTHONPROFILEIMPORTTIME", "PYTHONSTARTUP",
                 "SDL_FRAMEBUFFER_ACCELERATION", "SDL_RENDER_DRIVER", "SDL_VIDEO_X11_WMCLASS",
                 "PYGAME_HIDE_SUPPORT_PROMPT"):
        env.pop(name, None)
    if display:
        env["DISPLAY"] = display
    else:
        env.pop("DISPLAY", None)
    env["SDL_AUDIODRIVER"] = "dummy"
    env["UTSS_DATA_DIR"] = str(folder / "data")
    env["UTSS_CONFIG_DIR"] = str(folder / "config")
    if bytecode == "kept":
        env["PYTHONPYCACHEPREFIX"] = str(cache or folder / "pycache")  # nothing written into the work tree
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra)
    return env


# ---------------------------------------------------------------- launches

@dataclass
class Launch:
    wall_s: float
    maxrss_mb: float
    cpu_s: float


def launch(cmd: list[str], env: dict[str, str], timeout: float = 60) -> Launch:
    """Wall time from starting the process to its exit, with its peak memory (ru_maxrss) and CPU time."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode != 0:
        tail = "; ".join(err.strip().splitlines()[-3:])
        raise BenchError(f"`{' '.join(Path(c).name if i == 0 else c for i, c in enumerate(cmd))}` exited with "
                         f"{proc.returncode}: {tail or 'no message'}")
    return Launch(wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


def launch_times(jobs: dict[str, tuple[list[str], dict[str, str]]], runs: int, warmups: int = 1
                 ) -> dict[str, list[Launch]]:
    """Each job `runs` times, the jobs taking turns (a busy moment falls on all of them), after warm-ups."""
    for _ in range(warmups):
        for cmd, env in jobs.values():
            launch(cmd, env)
    out: dict[str, list[Launch]] = {label: [] for label in jobs}
    for _ in range(runs):
        for label, (cmd, env) in jobs.items():
            out[label].append(launch(cmd, env))
    return out


def first_frame_stages(jobs: dict[str, tuple[list[str], dict[str, str]]], marks_file: Path, runs: int
                       ) -> dict[str, list[tuple[str, float]]]:
    """For each job, a program that writes its start-up marks (bench/window_startup.py, bench/window_bare.py
    start) to UTSS_BENCH_MARKS: the median time from launch to the end of each stage, and to the process's
    end. The jobs take turns, after one warm-up each."""
    per_job: dict[str, dict[str, list[float]]] = {label: {} for label in jobs}
    for turn in range(runs + 1):
        for label, (cmd, env) in jobs.items():
            env = dict(env, UTSS_EXIT_AFTER_FIRST_FRAME="1", UTSS_BENCH_MARKS=str(marks_file))
            marks_file.unlink(missing_ok=True)
            spawned = time.monotonic_ns()
            launch(cmd, env)
            ended = time.monotonic_ns()
            if not turn:
                continue
            marks = json.loads(marks_file.read_text(encoding="utf-8")) + [["process ended", ended]]
            for stage, stamp in sorted(marks, key=lambda m: m[1]):
                per_job[label].setdefault(stage, []).append((stamp - spawned) / 1e9)
    return {label: [(stage, statistics.median(times)) for stage, times in stages.items()]
            for label, stages in per_job.items()}


def import_rows(env: dict[str, str], args: list[str]) -> list[tuple[str, int, float, float]]:
    """Every import of a start to the first frame (python -X importtime): (module, depth, self ms, cumulative ms)."""
    cmd = [sys.executable, "-X", "importtime", "main.py", *args]
    env = dict(env, UTSS_EXIT_AFTER_FIRST_FRAME="1")
    launch(cmd, env)
    done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    rows = []
    for row in done.stderr.splitlines():
        parts = row.split("|")
        if not row.startswith("import time:") or len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        own = parts[0].split(":", 1)[1].strip()
        name = parts[2].rstrip()
        depth = (len(name) - len(name.lstrip()) - 1) // 2
        rows.append((name.strip(), depth, int(own) / 1000, int(parts[1]) / 1000))
    return rows


# ---------------------------------------------------------------- an idle window

@dataclass
class Idle:
    key: str
    label: str
    wall_s: float = 0.0
    cpu_s: float = 0.0
    threads: dict[str, float] = field(default_factory=dict)    # CPU seconds by thread name (the threads alive
                                                               # at the end of the measure)
    wakeups_per_s: float = 0.0
    hwm_mb: float = 0.0
    rss_mb: float = 0.0
    still: bool = False
    settled_s: float = 0.0
    machine_busy: float = 0.0      # share of all cores busy during the measure (other programs included)
    loadavg: str = ""
    quit_on_sigterm: bool = True
    error: str = ""
    bare: Idle | None = None       # the bare program measured beside it, over the same seconds

    @property
    def cpu_percent(self) -> float:
        return 100 * self.cpu_s / self.wall_s if self.wall_s else float("nan")


def _tasks(pid: int) -> dict[int, tuple[str, int, int]]:
    """Each thread: (name, CPU time in ns, context switches). The CPU time is the scheduler's own count
    (/proc/PID/task/TID/schedstat, in nanoseconds); where it cannot be read, utime + stime in ticks."""
    out = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            stat = (task / "stat").read_text()
            status = (task / "status").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        switches = sum(int(row.split()[1]) for row in status.splitlines()
                       if row.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")))
        try:
            ns = int((task / "schedstat").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            ns = (int(fields[11]) + int(fields[12])) * 1_000_000_000 // TICK
        out[int(task.name)] = (name, ns, switches)
    return out


def _status_mb(pid: int, key: str) -> float:
    for row in Path(f"/proc/{pid}/status").read_text().splitlines():
        if row.startswith(key + ":"):
            return int(row.split()[1]) / 1024
    return float("nan")


def _machine_ticks() -> tuple[int, int]:
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def _xdotool(display: str, *args: str, timeout: float = 5) -> str:
    done = subprocess.run(["xdotool", *args], env=dict(os.environ, DISPLAY=display), capture_output=True,
                          text=True, timeout=timeout)
    return done.stdout.strip()


def _window(display: str, proc: subprocess.Popen, log: Path, wait: float = 30) -> str:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = "; ".join(log.read_text(errors="replace").strip().splitlines()[-3:])
            raise BenchError(f"the program exited ({proc.returncode}) before its window showed: {tail}")
        found = _xdotool(display, "search", "--pid", str(proc.pid)).split()
        if found:
            return found[0]
        time.sleep(0.05)
    tail = "; ".join(log.read_text(errors="replace").strip().splitlines()[-3:])
    raise BenchError(f"no window after {wait:.0f} s, the program still running"
                     + (f" (it printed: {tail})" if tail else ""))


def _picture(display: str, path: Path) -> bytes:
    subprocess.run(["import", "-display", display, "-window", "root", "-depth", "8", f"rgb:{path}"],
                   check=True, capture_output=True, timeout=20)
    return path.read_bytes()


def wait_until_still(display: str, folder: Path, settle: float, tries: int = 8) -> tuple[bool, float]:
    """After `settle` seconds, wait until two pictures of the screen taken a second apart are the same."""
    time.sleep(settle)
    waited = settle
    before = _picture(display, folder / "still-a.rgb")
    for _ in range(tries):
        time.sleep(1.0)
        waited += 1.0
        now = _picture(display, folder / "still-b.rgb")
        if now == before:
            return True, waited
        before = now
    return False, waited


def idle(display: str, key: str, label: str, cmd: list[str], env: dict[str, str], folder: Path, seconds: float,
         presses: int | list[str] = 0, settle: float = 3.0, shot: Path | None = None,
         beside: tuple[str, list[str], dict[str, str]] | None = None) -> Idle:
    """Start a program in a window, press Return `presses` times (or the keys listed), let it settle until the
    screen is still, then measure its CPU time (all its threads) over `seconds` of wall time.

    beside: (label, command, environment) of a bare program started first, in a window of its own under the
    game's, and measured over the very same seconds (Idle.bare): what this machine's other tenants do to a
    sleeping loop's cost then, they do to both."""
    result = Idle(key, label)
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "log.txt"
    procs: list[subprocess.Popen] = []
    try:
        if beside is not None:
            result.bare = Idle(key + "-bare", beside[0])
            with (folder / "bare-log.txt").open("wb") as out:
                procs.append(subprocess.Popen(beside[1], env=beside[2], cwd=ROOT, stdout=out,
                                              stderr=subprocess.STDOUT))
            _window(display, procs[-1], folder / "bare-log.txt")
        with log.open("wb") as out:
            proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        procs.append(proc)
        window = _window(display, proc, log)
        keys = ["Return"] * presses if isinstance(presses, int) else presses
        if keys:
            _xdotool(display, "windowfocus", "--sync", window)
            for name in keys:
                _xdotool(display, "key", name)
                time.sleep(0.3)
        result.still, result.settled_s = wait_until_still(display, folder, settle)
        if shot is not None:
            subprocess.run(["import", "-display", display, "-window", "root", f"png:{shot}"],
                           capture_output=True, timeout=20)
        for each in procs:
            if each.poll() is not None:
                raise BenchError(f"{'the program' if each is proc else 'the bare program beside it'} exited "
                                 f"({each.returncode}) while settling")
        measured = [(proc, result)] + ([(procs[0], result.bare)] if result.bare else [])
        _measure(measured, seconds)
    except (BenchError, subprocess.SubprocessError, OSError) as exc:
        result.error = str(exc)
    finally:
        for each in reversed(procs):
            quit_on_sigterm = stop(each)
            if each is procs[-1]:
                result.quit_on_sigterm = quit_on_sigterm
    return result


def _measure(measured: list[tuple[subprocess.Popen, Idle]], seconds: float) -> None:
    """Fill in each program's CPU time, wake-ups and memory over the same `seconds` of wall time."""
    loadavg = " ".join(f"{x:.2f}" for x in os.getloadavg())
    busy0, total0 = _machine_ticks()
    before, wall0 = [_tasks(proc.pid) for proc, _ in measured], time.monotonic()
    time.sleep(seconds)
    after, wall1 = [_tasks(proc.pid) for proc, _ in measured], time.monotonic()
    busy1, total1 = _machine_ticks()
    for (proc, result), tasks0, tasks1 in zip(measured, before, after):
        result.loadavg = loadavg
        result.wall_s = wall1 - wall0
        result.machine_busy = (busy1 - busy0) / max(1, total1 - total0)
        switches = 0
        for tid, (name, ns, count) in tasks1.items():
            _, old_ns, old_count = tasks0.get(tid, (name, 0, 0))
            result.threads[name] = result.threads.get(name, 0.0) + (ns - old_ns) / 1e9
            switches += count - old_count
        result.cpu_s = sum(result.threads.values())
        result.wakeups_per_s = switches / result.wall_s
        result.hwm_mb, result.rss_mb = _status_mb(proc.pid, "VmHWM"), _status_mb(proc.pid, "VmRSS")


def stop(proc: subprocess.Popen) -> bool:
    """Ask politely (SDL turns SIGTERM into a quit event), then insist; True if the program quit when asked.
    (During play the game answers a quit event with a question, so it is expected to stay.)"""
    if proc.poll() is not None:
        return True
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(2)
        return True
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return False
