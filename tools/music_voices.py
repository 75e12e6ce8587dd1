"""The instruments the later tracks share (reed, flute, piano, bass, bells, bowed strings) and a looping score."""
from __future__ import annotations

import math
import random
from functools import lru_cache

from audio_common import (RATE, add_into, envelope, lowpass, midi_hz, noise, osc, partial, pluck, times,
                          wavetable)


class Layer:
    """One part of a loop: notes that run past the end carry on at the start, so the part has no seam.

    Timing and loudness are nudged by a seeded generator, a player's small unevenness, identically each run.
    """

    def __init__(self, seconds: float, seed: int, jitter: float = 0.005):
        self.n = int(round(seconds * RATE))
        self.buf = [0.0] * self.n
        self.rng = random.Random(seed)
        self.jitter = jitter

    def add(self, tone: list[float], t: float, gain: float, spread: float = 0.08) -> None:
        start = int(round((t + self.rng.uniform(-self.jitter, self.jitter)) * RATE))
        add_into(self.buf, tone, start, gain * self.rng.uniform(1 - spread, 1.0), wrap=True)


def sum_layers(*parts: tuple[list[float], float]) -> list[float]:
    n = len(parts[0][0])
    out = [0.0] * n
    for buf, gain in parts:
        out = [a + gain * b for a, b in zip(out, buf)]
    return out


def soft_rolloff(freq: float, k: int, corner: float, slope: float = 1.0) -> float:
    """Gentle low-pass on harmonic k: 1 / (1 + (k f / corner)^2)^(slope/2), zero near Nyquist."""
    if k * freq > 0.45 * RATE:
        return 0.0
    return 1.0 / (1.0 + (k * freq / corner) ** 2) ** (slope / 2)


# ---------------------------------------------------------------- sustained voices

@lru_cache(maxsize=None)
def _reed_table(pitch: int, corner: float) -> list[float]:
    f = midi_hz(pitch)
    harm = []
    for k in range(1, 40):
        h = soft_rolloff(f, k, corner, 1.4) / k ** 0.6
        h *= 1 + 0.6 * math.exp(-((k * f - 1300) / 600) ** 2)  # the reed chamber's hollow honk
        harm.append(h)
    return wavetable(harm)


@lru_cache(maxsize=None)
def reed(pitch: int, seconds: float, corner: float = 1900.0, detune_cents: float = 9.0) -> tuple[float, ...]:
    """Accordion-like: two free reeds a few cents apart (the musette beat), a bright buzzy spectrum softened."""
    f = midi_hz(pitch)
    table = _reed_table(pitch, corner)
    n = int((seconds + 0.09) * RATE)
    a = osc(table, f, n, phase=0.0)
    b = osc(table, f * 2 ** (detune_cents / 1200), n, phase=0.37)
    env = envelope(n, 0.045, 0.09)
    return tuple(0.5 * (x + 0.8 * y) * e for x, y, e in zip(a, b, env))


@lru_cache(maxsize=None)
def flute(pitch: int, seconds: float, attack: float = 0.25, release: float = 0.5, seed: int = 0) -> tuple[float, ...]:
    """Flute-like pad: nearly pure tone, a slow vibrato that arrives late, and a little breath."""
    rng = random.Random(seed * 1000 + pitch)
    f = midi_hz(pitch)
    table = wavetable([1.0, 0.22 * soft_rolloff(f, 2, 3000), 0.07 * soft_rolloff(f, 3, 3000), 0.02])
    n = int((seconds + release) * RATE)
    ph = rng.uniform(0, 6.28)
    bend = [1 + 0.0035 * min(1.0, i / (0.6 * RATE)) * math.sin(2 * math.pi * 4.7 * i / RATE + ph) for i in range(n)]
    tone = osc(table, f, n, bend=bend)
    breath = lowpass(lowpass(noise(n, rng), 2.2 * f), 2.2 * f)
    env = envelope(n, attack, release)
    return tuple((t + 0.35 * b) * e for t, b, e in zip(tone, breath, env))


@lru_cache(maxsize=None)
def _saw_table(pitch: int, corner: float) -> list[float]:
    f = midi_hz(pitch)
    return wavetable([soft_rolloff(f, k, corner, 2.0) / k for k in range(1, 60)])


@lru_cache(maxsize=None)
def bowed(pitch: int, seconds: float, attack: float, release: float, corner: float = 900.0,
          vibrato: float = 0.0) -> tuple[float, ...]:
    """A small section of low strings: two bowed sawtooth voices a few cents apart, darkened."""
    f = midi_hz(pitch)
    table = _saw_table(pitch, corner)
    n = int((seconds + release) * RATE)
    bend = None
    if vibrato:
        bend = [1 + vibrato * math.sin(2 * math.pi * 5.1 * i / RATE) for i in range(n)]
    a = osc(table, f * 2 ** (-5 / 1200), n, bend=bend)
    b = osc(table, f * 2 ** (6 / 1200), n, phase=0.41, bend=bend)
    env = envelope(n, attack, release)
    return tuple(0.5 * (x + y) * e for x, y, e in zip(a, b, env))


# ---------------------------------------------------------------- struck and plucked voices

@lru_cache(maxsize=None)
def piano(pitch: int, seconds: float, velocity: float = 0.5) -> tuple[float, ...]:
    """Soft piano: stretched partials, each from two strings that decay at different rates, felt hammer."""
    f = midi_hz(pitch)
    rng = random.Random(pitch * 7 + int(velocity * 100))
    damper = 0.18
    n = int((seconds + damper) * RATE)
    out = [0.0] * n
    tau1 = max(0.8, min(6.0, 3.2 * (261.6 / f) ** 0.6))
    for k in range(1, 16):
        fk = k * f * math.sqrt(1 + 0.0004 * k * k)
        if fk > 0.42 * RATE:
            break
        amp = k ** -1.1 * math.exp(-k * f / (500 + 2600 * velocity))
        tau = tau1 / (1 + 0.45 * (k - 1))
        ph = rng.uniform(0, 6.28)
        fast = partial(fk, 0.25 * tau, n, 0.6 * amp, ph)
        slow = partial(fk * 1.0005, 1.6 * tau, n, 0.4 * amp, ph + 0.3)
        out = [o + a + b for o, a, b in zip(out, fast, slow)]
    thump = lowpass(noise(int(0.012 * RATE), rng), 600.0)
    add_into(out, [v * (1 - i / len(thump)) for i, v in enumerate(thump)], 0, 0.25 * velocity)
    return tuple(times(out, envelope(n, 0.002, damper)))


@lru_cache(maxsize=None)
def upright(pitch: int, seconds: float, take: int = 0) -> tuple[float, ...]:
    """Upright bass, fingered: a dark plucked string with a round thump, stopped when the next note comes."""
    f = midi_hz(pitch)
    rng = random.Random(pitch * 13 + take)
    n_sec = seconds + 0.08
    tone = pluck(f, n_sec, rng, position=0.28, softness=3, t60=1.6, brightness=0.42)
    tone = lowpass(lowpass(tone, 1100.0), 1400.0)
    body = partial(f, 0.12, len(tone), 0.35, 0.0)
    out = [a + b for a, b in zip(tone, body)]
    return tuple(times(out, envelope(len(out), 0.004, 0.07)))


@lru_cache(maxsize=None)
def guitar(pitch: int, seconds: float, take: int = 0) -> tuple[float, ...]:
    """Nylon-string pluck (the waltz's strings, a little warmer), with a gentle release."""
    rng = random.Random(pitch * 31 + take + 500)
    t60, bright = (3.2, 0.5) if pitch < 55 else (2.4, 0.36) if pitch < 70 else (1.9, 0.25)
    tone = pluck(midi_hz(pitch), seconds, rng, position=0.2 + 0.04 * take, softness=2, t60=t60, brightness=bright)
    return tuple(times(tone, envelope(len(tone), 0.001, 0.2)))


@lru_cache(maxsize=None)
def glass_bell(pitch: int, seconds: float) -> tuple[float, ...]:
    """A cold, glassy bell: glockenspiel-like partials, each split a hair so it shimmers."""
    f = midi_hz(pitch)
    n = int(seconds * RATE)
    out = [0.0] * n
    for ratio, amp, decay in ((1.0, 1.0, 2.6), (2.0, 0.1, 1.2), (2.76, 0.3, 0.8), (5.40, 0.1, 0.25), (8.93, 0.03, 0.1)):
        fr = f * ratio
        if fr > 0.45 * RATE:
            continue
        for split, ph in ((-0.7, 0.0), (0.7, 1.1)):
            out = [o + v for o, v in zip(out, partial(fr + split, decay, n, 0.5 * amp, ph))]
    return tuple(times(out, envelope(n, 0.003, 0.3)))


@lru_cache(maxsize=None)
def low_pulse(pitch: int, seconds: float, seed: int = 0) -> tuple[float, ...]:
    """A felt-muffled low drum, timpani-like partials, more felt than heard on small speakers."""
    f = midi_hz(pitch)
    n = int(seconds * RATE)
    out = [0.0] * n
    for ratio, amp, decay in ((1.0, 1.0, 0.55), (1.5, 0.45, 0.35), (1.99, 0.35, 0.28), (2.44, 0.18, 0.18),
                              (2.9, 0.08, 0.12)):
        out = [o + v for o, v in zip(out, partial(f * ratio, decay, n, amp, ratio))]
    rng = random.Random(seed + pitch)
    felt = lowpass(lowpass(noise(int(0.03 * RATE), rng), 250.0), 250.0)
    add_into(out, [v * (1 - i / len(felt)) for i, v in enumerate(felt)], 0, 1.5)
    return tuple(times(out, envelope(n, 0.008, 0.3)))


def loop_drone(pitch: int, seconds: float, corner: float = 500.0, cents: float = 5.0) -> list[float]:
    """A held bowed note that fills a whole loop: each voice's pitch is nudged (by well under a cent) to a
    whole number of cycles per loop, so the end meets the start in phase."""
    n = int(round(seconds * RATE))
    loop_seconds = n / RATE
    table = _saw_table(pitch, corner)
    out = [0.0] * n
    for c, ph in ((-cents, 0.0), (cents, 0.41)):
        f = midi_hz(pitch) * 2 ** (c / 1200)
        f = round(f * loop_seconds) / loop_seconds
        out = [o + 0.5 * v for o, v in zip(out, osc(table, f, n, phase=ph))]
    return out
