"""Small pure-Python synthesis kit for the sound generators: plucked strings, filters, loops and WAV output."""
from __future__ import annotations

import array
import cmath
import math
import random
import sys
import wave
from itertools import accumulate, repeat
from operator import mul
from pathlib import Path
from typing import Sequence

RATE = 22050


def silence(seconds: float) -> list[float]:
    return [0.0] * int(round(seconds * RATE))


def midi_hz(note: float) -> float:
    return 440.0 * 2 ** ((note - 69) / 12)


# ---------------------------------------------------------------- sources

def pluck(freq: float, seconds: float, rng: random.Random, position: float = 0.2, softness: int = 2,
          t60: float = 2.5, brightness: float = 0.3) -> list[float]:
    """Karplus-Strong string: a noise burst circulating in a tuned delay loop that loses its highs.

    brightness (0..0.5) weights the loop's two-point average: 0.5 is the darkest. The loop gain is set
    so the fundamental dies away by 60 dB in t60 seconds, and an all-pass keeps high notes in tune.
    """
    period = RATE / freq
    s_w = brightness
    # The average reads one sample ahead, so the loop delay is length - s_w plus the all-pass delay.
    length = int(period + s_w)
    frac = period + s_w - length
    if frac < 0.2:
        length -= 1
        frac += 1.0
    coef = (1 - frac) / (1 + frac)
    w = 2 * math.pi * freq / RATE
    h = math.sqrt((1 - s_w) ** 2 + s_w ** 2 + 2 * s_w * (1 - s_w) * math.cos(w))
    rho = min(0.9995, 10 ** (-3 / (freq * t60)) / h)  # capped so even the DC term dies away
    burst = [rng.uniform(-1.0, 1.0) for _ in range(length)]
    for _ in range(softness):  # fingertip, not plectrum: smooth the burst
        burst = [(burst[i - 1] + burst[i] + burst[(i + 1) % length]) / 3 for i in range(length)]
    # Plucking away from the bridge cancels some harmonics (comb on the excitation).
    gap = max(1, int(position * length))
    burst = [burst[i] - 0.7 * burst[i - gap] for i in range(length)]
    mean = sum(burst) / length
    buf = [b - mean for b in burst]
    a0, a1 = rho * (1 - s_w), rho * s_w
    out = []
    idx = 0
    x1 = y1 = 0.0
    for _ in range(int(seconds * RATE)):
        s = buf[idx]
        nxt = buf[idx + 1] if idx + 1 < length else buf[0]
        avg = a0 * s + a1 * nxt
        y = coef * avg + x1 - coef * y1
        x1, y1 = avg, y
        buf[idx] = y
        out.append(s)
        idx = idx + 1 if idx + 1 < length else 0
    return out


def noise(n: int, rng: random.Random) -> list[float]:
    return [rng.uniform(-1.0, 1.0) for _ in range(n)]


def damped_sine(freq: float, decay: float, seconds: float, amp: float = 1.0, phase: float = 0.0,
                glide: float = 0.0) -> list[float]:
    """exp-decaying sinusoid; glide is the relative pitch rise per second (bubbles rise as they shrink)."""
    out = []
    ph = phase
    for i in range(int(seconds * RATE)):
        t = i / RATE
        f = freq * (1 + glide * t)
        ph += 2 * math.pi * f / RATE
        out.append(amp * math.exp(-t / decay) * math.sin(ph))
    return out


# ---------------------------------------------------------------- filters

def lowpass(x: Sequence[float], cutoff: float, state: float = 0.0) -> list[float]:
    a = 1 - math.exp(-2 * math.pi * cutoff / RATE)
    y = state
    out = []
    for v in x:
        y += a * (v - y)
        out.append(y)
    return out


def highpass(x: Sequence[float], cutoff: float) -> list[float]:
    low = lowpass(x, cutoff)
    return [a - b for a, b in zip(x, low)]


def biquad_bandpass(x: Sequence[float], center: float | Sequence[float], q: float) -> list[float]:
    """RBJ band-pass (constant peak gain); center may be a per-sample sequence for sweeps."""
    out = []
    x1 = x2 = y1 = y2 = 0.0
    fixed = isinstance(center, (int, float))
    coeffs = None
    for i, v in enumerate(x):
        if coeffs is None or not fixed:
            f = center if fixed else center[i]  # type: ignore[index]
            w = 2 * math.pi * f / RATE
            alpha = math.sin(w) / (2 * q)
            a0 = 1 + alpha
            coeffs = (alpha / a0, 0.0, -alpha / a0, -2 * math.cos(w) / a0, (1 - alpha) / a0)
        b0, b1, b2, a1, a2 = coeffs
        y = b0 * v + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
        x2, x1, y2, y1 = x1, v, y1, y
        out.append(y)
    return out


# ---------------------------------------------------------------- loops and mixing

def add_into(buf: list[float], src: Sequence[float], start: int, gain: float = 1.0, wrap: bool = False) -> None:
    """Mix src into buf at start; with wrap, whatever runs past the end continues from the beginning."""
    n = len(buf)
    i = start % n if wrap else start
    pos = 0
    while pos < len(src):
        if i >= n:
            if not wrap:
                return
            i = 0
        take = min(len(src) - pos, n - i)
        if i < 0:
            skip = min(-i, take)
            pos += skip
            i += skip
            continue
        buf[i:i + take] = [a + gain * b for a, b in zip(buf[i:i + take], src[pos:pos + take])]
        pos += take
        i += take


def feedback_comb(x: list[float], delay: int, gain: float) -> list[float]:
    """y[n] = x[n] + g*y[n-D], computed a block of D samples at a time."""
    y = list(x)
    for s in range(delay, len(y), delay):
        e = min(s + delay, len(y))
        y[s:e] = [a + gain * b for a, b in zip(y[s:e], y[s - delay:e - delay])]
    return y


def allpass(x: list[float], delay: int, gain: float) -> list[float]:
    """Schroeder all-pass: y[n] = -g*x[n] + x[n-D] + g*y[n-D]."""
    y = [-gain * v for v in x]
    for s in range(0, len(x), delay):
        e = min(s + delay, len(x))
        if s >= delay:
            y[s:e] = [a + xd + gain * yd for a, xd, yd in zip(y[s:e], x[s - delay:e - delay], y[s - delay:e - delay])]
    return y


def reverb(x: list[float], wet: float = 0.25, size: float = 1.0, damp: float = 3500.0) -> list[float]:
    """A small Schroeder room: parallel combs into two all-passes, then darkened."""
    combs = [(1116, 0.80), (1188, 0.79), (1277, 0.78), (1356, 0.77)]
    acc = [0.0] * len(x)
    for d, g in combs:
        c = feedback_comb(x, int(d * size * RATE / 44100 * 2), g)
        acc = [a + b for a, b in zip(acc, c)]
    acc = allpass(acc, int(556 * RATE / 44100 * 2), 0.5)
    acc = allpass(acc, int(341 * RATE / 44100 * 2), 0.5)
    acc = lowpass(acc, damp)
    return [d + wet * 0.25 * w for d, w in zip(x, acc)]


def looped(process, x: list[float], warmup: int = 1) -> list[float]:
    """Run an effect as if the loop had already been playing: process copies back to back, keep the last."""
    n = len(x)
    y = process(x * (warmup + 1))
    return y[-n:]


def fade(x: list[float], fade_in: float = 0.005, fade_out: float = 0.05) -> list[float]:
    n_in, n_out = int(fade_in * RATE), int(fade_out * RATE)
    y = list(x)
    for i in range(min(n_in, len(y))):
        y[i] *= math.sin(0.5 * math.pi * i / n_in) ** 2
    for i in range(min(n_out, len(y))):
        y[-1 - i] *= math.sin(0.5 * math.pi * i / n_out) ** 2
    return y


def remove_dc(x: list[float]) -> list[float]:
    m = sum(x) / len(x)
    return [v - m for v in x]


# ---------------------------------------------------------------- output

def write_wav(path: Path, x: Sequence[float], peak_db: float) -> None:
    """Normalise so the loudest sample sits at peak_db dBFS and write 16-bit mono PCM."""
    peak = max(abs(v) for v in x) or 1.0
    scale = 10 ** (peak_db / 20) * 32767 / peak
    pcm = array.array("h", (int(round(v * scale)) for v in x))
    if sys.byteorder == "big":
        pcm.byteswap()  # WAV samples are little-endian
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(pcm.tobytes())
    print(f"wrote {path} ({len(x) / RATE:.2f} s)")


# ---------------------------------------------------------------- tones and shapes for the later tracks

def partial(freq: float, tau: float, n: int, amp: float = 1.0, phase: float = 0.0) -> list[float]:
    """amp * exp(-t/tau) * sin(2 pi f t + phase) for n samples, by repeated complex rotation (fast in CPython).

    tau may be math.inf for a steady tone.
    """
    if n <= 0:
        return []
    rot = cmath.exp(complex(-1.0 / (tau * RATE), 2 * math.pi * freq / RATE))
    z0 = amp * cmath.exp(1j * phase)
    return [z.imag for z in accumulate(repeat(rot, n - 1), mul, initial=z0)]


def wavetable(harmonics: Sequence[float], size: int = 2048) -> list[float]:
    """One cycle of sum(h_k sin(k x)), with the first sample repeated at the end for interpolation."""
    table = [0.0] * size
    for k, h in enumerate(harmonics, start=1):
        if h:
            w = 2 * math.pi * k / size
            table = [t + h * math.sin(w * i) for i, t in enumerate(table)]
    return table + [table[0]]


def osc(table: list[float], freq: float, n: int, bend: Sequence[float] | None = None, phase: float = 0.0) -> list[float]:
    """Read a wavetable at freq (times bend[i], a pitch ratio per sample, for vibrato and glides)."""
    size = len(table) - 1
    inc = freq * size / RATE
    p = (phase % 1.0) * size
    out = [0.0] * n
    for i in range(n):
        k = int(p)
        a = table[k]
        out[i] = a + (table[k + 1] - a) * (p - k)
        p += inc * bend[i] if bend is not None else inc
        while p >= size:
            p -= size
    return out


def envelope(n: int, attack: float, release: float) -> list[float]:
    """1 in the middle, sin^2 ramps of the given seconds at each end (never longer than half the note)."""
    a = max(1, min(n // 2, int(attack * RATE)))
    r = max(1, min(n // 2, int(release * RATE)))
    env = [1.0] * n
    for i in range(a):
        env[i] = math.sin(0.5 * math.pi * i / a) ** 2
    for i in range(r):
        env[n - 1 - i] = min(env[n - 1 - i], math.sin(0.5 * math.pi * i / r) ** 2)
    return env


def times(a: Sequence[float], b: Sequence[float]) -> list[float]:
    return [x * y for x, y in zip(a, b)]


def biquad(x: Sequence[float], kind: str, freq: float, q: float = 0.707) -> list[float]:
    """Fixed RBJ biquad: kind is "lowpass", "highpass" or "bandpass" (constant peak gain)."""
    w = 2 * math.pi * freq / RATE
    alpha, cw = math.sin(w) / (2 * q), math.cos(w)
    if kind == "lowpass":
        b = ((1 - cw) / 2, 1 - cw, (1 - cw) / 2)
    elif kind == "highpass":
        b = ((1 + cw) / 2, -(1 + cw), (1 + cw) / 2)
    else:
        b = (alpha, 0.0, -alpha)
    a0 = 1 + alpha
    b0, b1, b2 = (v / a0 for v in b)
    a1, a2 = -2 * cw / a0, (1 - alpha) / a0
    out = [0.0] * len(x)
    x1 = x2 = y1 = y2 = 0.0
    for i, v in enumerate(x):
        y = b0 * v + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
        x2, x1, y2, y1 = x1, v, y1, y
        out[i] = y
    return out


def loop_curve(n: int, knots: int | Sequence[float], rng: random.Random | None = None, lo: float = 0.0,
               hi: float = 1.0) -> list[float]:
    """A smooth curve through evenly spaced knot values that wraps round: its end meets its start.

    knots is either the values themselves or how many to draw from rng between lo and hi.
    """
    if isinstance(knots, int):
        assert rng is not None
        vals = [rng.uniform(lo, hi) for _ in range(knots)]
    else:
        vals = list(knots)
    count = len(vals)
    out = [0.0] * n
    span = n / count
    for i in range(n):
        f = i / span
        k = int(f)
        u = f - k
        u = u * u * (3 - 2 * u)  # smoothstep: no corners at the knots
        out[i] = vals[k % count] + (vals[(k + 1) % count] - vals[k % count]) * u
    return out
