"""Paris café jazz in F: walking bass, brushes on a snare, soft piano comping in sevenths and ninths, swung."""
from __future__ import annotations

import math
import random

from audio_common import RATE, biquad, envelope, highpass, looped, lowpass, noise, remove_dc, reverb, times
from music_voices import Layer, piano, sum_layers, upright

BPM = 120
BEAT = 60 / BPM
BAR = 4 * BEAT
SWING = 0.64  # the swung eighth lands this far into the beat (a straight one would be 0.5, a triplet 0.667)
PRE_ROLL = 0.04

# Per bar: rootless piano voicing (3rds, 7ths, 9ths, 13ths), walking bass (four quarters), comping figure.
# The bass's fourth note always leans a half step into the next bar's root, the last bar's into the first.
BARS = [
    ("Fmaj9", (52, 55, 57, 60), (41, 45, 48, 49), "B"), ("D13", (54, 59, 60, 64), (50, 48, 45, 44), "A"),
    ("Gm9", (58, 62, 65, 69), (43, 45, 46, 47), "A"), ("C13", (58, 62, 64, 69), (48, 46, 43, 46), "push"),
    ("Am9", (55, 59, 60, 64), (45, 43, 40, 39), "B"), ("D9", (54, 57, 60, 64), (38, 42, 45, 44), "A"),
    ("Gm9", (53, 57, 58, 62), (43, 41, 38, 37), "C"), ("C13", (52, 57, 58, 62), (36, 40, 43, 42), "push"),
    ("Fmaj9", (52, 55, 57, 60), (41, 45, 43, 42), "B"), ("F13", (51, 55, 57, 62), (41, 45, 48, 47), "A"),
    ("Bbmaj9", (57, 60, 62, 65), (46, 45, 41, 40), "C"), ("Eb9", (55, 58, 61, 65), (39, 41, 43, 46), "push"),
    ("Am9", (55, 59, 60, 64), (45, 43, 40, 39), "B"), ("D7b9", (54, 57, 60, 63), (38, 42, 45, 44), "A"),
    ("Gm9", (53, 57, 58, 62), (43, 46, 50, 49), "C"), ("C13", (52, 57, 58, 62), (48, 45, 43, 42), "push"),
]
# Comping figures as (beat, length in beats, velocity); "s" marks a swung offbeat. "push" plays the next
# bar's chord early, on the swung and-of-four, so the bar after a push starts without a hit on one.
FIGURES = {
    "A": [(0, 1.4, 0.5), (1 + SWING, 1.2, 0.38)],
    "B": [(1, 0.7, 0.36), (2 + SWING, 1.3, 0.42)],
    "C": [(0, 3.4, 0.45)],
    "push": [(1 + SWING, 0.8, 0.36), (3 + SWING, 2.2, 0.48)],
}
# A sparse right-hand tune: bar -> [(pitch, beat, beats)]; the last bar's pickup leads into the first.
TUNE = {
    0: [(76, 0, 1.5), (74, 1 + SWING, 0.4), (72, 2, 2.0)],
    1: [(78, 0, 1.0), (76, 1 + SWING, 0.4), (72, 2, 2.0)],
    4: [(76, 0, 1.0), (79, 1 + SWING, 0.4), (76, 2 + SWING, 0.4), (72, 3, 1.0)],
    5: [(74, 0, 1.0), (72, 1, 1.0), (69, 2, 2.0)],
    8: [(81, 0, 1.5), (79, 1 + SWING, 0.4), (76, 2, 2.0)],
    9: [(75, 0, 1.0), (74, 1 + SWING, 0.4), (72, 2, 1.0), (69, 3, 1.0)],
    12: [(72, 0, 1.0), (76, 1, 0.6), (79, 1 + SWING, 1.4), (76, 3, 1.0)],
    13: [(75, 0, 1.5), (72, 1 + SWING, 0.4), (69, 2, 1.0), (66, 3, 1.0)],
    15: [(72, 2 + SWING, 0.4), (74, 3 + SWING, 0.5)],
}


def brush_tap(rng: random.Random, strength: float) -> list[float]:
    """A brush striking the snare: a soft slap of wire noise and a short swish after it."""
    n = int(0.35 * RATE)
    raw = noise(n, rng)
    slap = biquad(raw, "bandpass", 3200.0, 0.7)
    out = []
    for i, v in enumerate(slap):
        t = i / RATE
        out.append(v * (math.exp(-t / 0.025) + 0.25 * math.exp(-t / 0.12)) * strength)
    return times(out, envelope(n, 0.0015, 0.05))


def brushes(seconds: float, rng: random.Random) -> list[float]:
    """Left hand sweeping circles (a steady swish that swells each half bar), right hand tapping time."""
    layer = Layer(seconds, seed=rng.randrange(1 << 30), jitter=0.004)
    n = layer.n
    sweep = looped(lambda x: highpass(lowpass(x, 6500.0), 1800.0), noise(n, rng))  # filtered as a ring
    for i in range(n):
        circle = (i / RATE / (2 * BEAT)) % 1.0  # one circle every two beats, loudest mid-stroke
        sweep[i] *= 0.25 + 0.55 * math.sin(math.pi * circle) ** 2
    taps = []
    for bar in range(int(round(seconds / BAR))):
        for beat in range(4):
            t = bar * BAR + beat * BEAT
            taps.append((t, 0.9 if beat % 2 else 0.6))  # the backbeat leans on 2 and 4
            if beat % 2:
                taps.append((t + SWING * BEAT, 0.4))  # the skip note: ding, ding-a ding
    for t, s in taps:
        layer.add(brush_tap(rng, s), t, 1.0, spread=0.2)
    return [0.35 * a + b for a, b in zip(sweep, layer.buf)]


def render() -> list[float]:
    seconds = len(BARS) * BAR
    bass = Layer(seconds, seed=701, jitter=0.006)
    comp = Layer(seconds, seed=702, jitter=0.008)
    tune = Layer(seconds, seed=703, jitter=0.006)
    rng = random.Random(704)
    for b, (_, voicing, walk, figure) in enumerate(BARS):
        t0 = b * BAR
        for q, pitch in enumerate(walk):
            accent = 1.0 if q % 2 == 0 else 0.88
            bass.add(upright(pitch, BEAT * 1.02, q % 2), t0 + q * BEAT, 0.9 * accent)
        for beat, length, vel in FIGURES[figure]:
            chord = BARS[(b + 1) % len(BARS)][1] if figure == "push" and beat > 3 else voicing
            for k, p in enumerate(chord):  # spread a hair, lowest first, as a hand does
                comp.add(piano(p, round(length * BEAT, 2), round(vel, 2)), t0 + beat * BEAT + 0.006 * k, 0.14)
        for pitch, beat, length in TUNE.get(b, []):
            tune.add(piano(pitch, round(length * BEAT, 2), 0.55), t0 + beat * BEAT, 0.34)
    drums = brushes(seconds, rng)
    mix = sum_layers((bass.buf, 1.0), (comp.buf, 1.0), (tune.buf, 1.0), (drums, 0.25))
    mix = remove_dc(looped(lambda x: highpass(x, 30.0), mix))
    wet = looped(lambda x: reverb(x, wet=0.3, size=0.85, damp=5000.0), mix)
    pre = int(PRE_ROLL * RATE)
    return wet[-pre:] + wet[:-pre]
