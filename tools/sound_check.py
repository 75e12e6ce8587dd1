"""Measure generated WAVs (length, peak, RMS, the step across a loop's join) and draw review spectrograms.

python tools/sound_check.py [--png DIR] [--loop] [FILE ...]: with no files, every WAV in assets/music,
assets/ambience and assets/sounds; pictures go to /tmp/sound_check unless --png names a folder.
"""
from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__

import array
import bisect
import cmath
import math
import wave
from pathlib import Path

from art_common import ASSETS, init

import pygame

LOOP_FOLDERS = ("music", "ambience")
FFT_SIZE = 512
WIDTH = 1200


def read_wav(path: Path) -> tuple[list[float], int]:
    with wave.open(str(path), "rb") as w:
        if w.getsampwidth() != 2 or w.getnchannels() != 1:
            raise SystemExit(f"{path}: expected 16-bit mono, got {w.getsampwidth() * 8}-bit x{w.getnchannels()}")
        rate = w.getframerate()
        pcm = array.array("h", w.readframes(w.getnframes()))
    if sys.byteorder == "big":
        pcm.byteswap()
    return [v / 32768 for v in pcm], rate


def db(v: float) -> float:
    return 20 * math.log10(v) if v > 0 else -math.inf


def percentile(sorted_values: list[float], q: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def measure(x: list[float], rate: int, loop: bool) -> dict[str, float]:
    n = len(x)
    steps = sorted(abs(x[i] - x[i - 1]) for i in range(1, n))
    out = {"seconds": n / rate, "peak_db": db(max(abs(v) for v in x)),
           "rms_db": db(math.sqrt(sum(v * v for v in x) / n)),
           "step_median": percentile(steps, 0.5), "step_p99": percentile(steps, 0.99), "step_max": steps[-1]}
    if loop:
        # The seam as the player hears it: ..., x[n-2], x[n-1], x[0], x[1], ...
        out["join_step"] = abs(x[0] - x[-1])
        # Where the join ranks among all the file's steps: a seamless loop's join is an ordinary step.
        out["join_rank"] = bisect.bisect_left(steps, out["join_step"]) / len(steps)
        near = [abs(x[i] - x[i - 1]) for i in range(n - 200, n)] + [abs(x[i] - x[i - 1]) for i in range(1, 201)]
        out["near_step_mean"] = sum(near) / len(near)
        out["near_step_max"] = max(near)
        # A kink shows in the second difference even when the step itself is small.
        curv = sorted(abs(x[i + 1] - 2 * x[i] + x[i - 1]) for i in range(1, n - 1))
        out["join_curv"] = abs(x[1] - 2 * x[0] + x[-1])
        out["curv_p99"] = percentile(curv, 0.99)
        w = rate // 10  # loudness of the last and first 100 ms should match
        out["tail_rms_db"] = db(math.sqrt(sum(v * v for v in x[-w:]) / w))
        out["head_rms_db"] = db(math.sqrt(sum(v * v for v in x[:w]) / w))
    return out


def fft(a: list[complex]) -> list[complex]:
    """Iterative radix-2 FFT (len(a) a power of two)."""
    n = len(a)
    a = list(a)
    j = 0
    for i in range(1, n):
        bit = n >> 1
        while j & bit:
            j ^= bit
            bit >>= 1
        j |= bit
        if i < j:
            a[i], a[j] = a[j], a[i]
    size = 2
    while size <= n:
        step = cmath.exp(-2j * math.pi / size)
        half = size // 2
        for start in range(0, n, size):
            w = 1 + 0j
            for k in range(start, start + half):
                t = w * a[k + half]
                a[k + half] = a[k] - t
                a[k] = a[k] + t
                w *= step
        size *= 2
    return a


def spectrogram(x: list[float], columns: int) -> list[list[float]]:
    """dB magnitude per column (FFT_SIZE//2 bins each), frames spread evenly over x."""
    window = [0.5 - 0.5 * math.cos(2 * math.pi * i / (FFT_SIZE - 1)) for i in range(FFT_SIZE)]
    padded = [0.0] * (FFT_SIZE // 2) + list(x) + [0.0] * FFT_SIZE
    hop = max(1, len(x) / columns)
    cols = []
    for c in range(columns):
        s = int(c * hop)
        frame = [padded[s + i] * window[i] for i in range(FFT_SIZE)]
        spec = fft(frame)
        cols.append([db(abs(v) / (FFT_SIZE / 4) + 1e-9) for v in spec[:FFT_SIZE // 2]])
    return cols


def heat(v: float) -> tuple[int, int, int]:
    """-100 dB black through blue and orange to pale yellow at 0 dB."""
    t = max(0.0, min(1.0, (v + 100) / 100))
    stops = [(0, 0, 0), (30, 20, 90), (170, 40, 90), (240, 140, 30), (255, 250, 200)]
    f = t * (len(stops) - 1)
    i = min(len(stops) - 2, int(f))
    u = f - i
    return tuple(int(stops[i][k] + (stops[i + 1][k] - stops[i][k]) * u) for k in range(3))  # type: ignore


def draw_wave(surf: pygame.Surface, rect: pygame.Rect, x: list[float], mark: int | None = None,
              scale: float | None = None) -> None:
    pygame.draw.rect(surf, (18, 18, 24), rect)
    mid = rect.centery
    peak = scale or max(1e-9, max(abs(v) for v in x))
    n = len(x)
    if n <= rect.width * 2:  # zoomed in: draw the samples as a line
        pts = [(rect.x + i * (rect.width - 1) / max(1, n - 1), mid - x[i] / peak * (rect.height / 2 - 2)) for i in range(n)]
        pygame.draw.lines(surf, (150, 220, 150), False, pts)
    else:
        for px in range(rect.width):
            a, b = int(px * n / rect.width), max(int(px * n / rect.width) + 1, int((px + 1) * n / rect.width))
            lo, hi = min(x[a:b]), max(x[a:b])
            pygame.draw.line(surf, (150, 220, 150), (rect.x + px, mid - hi / peak * (rect.height / 2 - 2)),
                             (rect.x + px, mid - lo / peak * (rect.height / 2 - 2)))
    pygame.draw.line(surf, (70, 70, 80), (rect.x, mid), (rect.right - 1, mid))
    if mark is not None:
        mx = rect.x + mark * (rect.width - 1) / max(1, n - 1)
        pygame.draw.line(surf, (230, 60, 60), (mx, rect.y), (mx, rect.bottom - 1))


def draw_spec(surf: pygame.Surface, rect: pygame.Rect, x: list[float], mark: float | None = None) -> None:
    cols = spectrogram(x, rect.width)
    bins = FFT_SIZE // 2
    for cx, col in enumerate(cols):
        for py in range(rect.height):
            v = col[min(bins - 1, int((rect.height - 1 - py) * bins / rect.height))]
            surf.set_at((rect.x + cx, rect.y + py), heat(v))
    if mark is not None:
        mx = int(rect.x + mark * rect.width)
        pygame.draw.line(surf, (230, 60, 60), (mx, rect.y), (mx, rect.y + 6))
        pygame.draw.line(surf, (230, 60, 60), (mx, rect.bottom - 7), (mx, rect.bottom - 1))


def picture(path: Path, x: list[float], rate: int, loop: bool, out_dir: Path) -> Path:
    """Waveform and spectrogram of the whole file; for a loop, also the seam (end then start) up close."""
    height = 100 + 260 + (130 + 260 if loop else 0) + 10
    surf = pygame.Surface((WIDTH, height))
    surf.fill((8, 8, 10))
    draw_wave(surf, pygame.Rect(0, 0, WIDTH, 100), x)
    draw_spec(surf, pygame.Rect(0, 100, WIDTH, 256), x)
    if loop:
        close = int(0.03 * rate)  # 30 ms either side of the join, sample by sample
        seam = x[-close:] + x[:close]
        draw_wave(surf, pygame.Rect(0, 366, WIDTH, 130), seam, mark=close)
        wide = min(len(x) // 2, int(2.0 * rate))  # 2 s either side, where a click is a vertical stripe
        draw_spec(surf, pygame.Rect(0, 500, WIDTH, 256), x[-wide:] + x[:wide], mark=0.5)
    out = out_dir / (path.stem + ".png")
    pygame.image.save(surf, str(out))
    return out


def main(argv: list[str]) -> None:
    out_dir = Path("/tmp/sound_check")
    files: list[Path] = []
    force_loop = False
    args = iter(argv)
    for a in args:
        if a == "--png":
            out_dir = Path(next(args))
        elif a == "--loop":
            force_loop = True  # files outside music/ and ambience/, checked as loops
        else:
            files.append(Path(a))
    if not files:
        files = sorted(p for folder in ("music", "ambience", "sounds") for p in (ASSETS / folder).glob("*.wav"))
    out_dir.mkdir(parents=True, exist_ok=True)
    init()
    for path in files:
        x, rate = read_wav(path)
        loop = force_loop or path.parent.name in LOOP_FOLDERS
        m = measure(x, rate, loop)
        line = (f"{path.parent.name}/{path.name}: {m['seconds']:.2f} s, peak {m['peak_db']:.1f} dBFS, "
                f"RMS {m['rms_db']:.1f} dBFS, step median {m['step_median']:.5f} p99 {m['step_p99']:.5f} "
                f"max {m['step_max']:.5f}")
        if loop:
            line += (f"\n    join step {m['join_step']:.5f} (x{m['join_step'] / max(1e-12, m['step_median']):.2f} median;"
                     f" larger than {100 * m['join_rank']:.0f}% of steps; mean step within 200 samples {m['near_step_mean']:.5f}, max {m['near_step_max']:.5f});"
                     f" join curvature {m['join_curv']:.5f} vs p99 {m['curv_p99']:.5f};"
                     f" last/first 100 ms RMS {m['tail_rms_db']:.1f}/{m['head_rms_db']:.1f} dBFS")
        print(line)
        print(f"    picture {picture(path, x, rate, loop, out_dir)}")


if __name__ == "__main__":
    main(sys.argv[1:])
