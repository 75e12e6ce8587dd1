"""The later ambience loops: a café's murmur, the river at night against the quay, wind through the vines."""
from __future__ import annotations

import math
import random

from audio_common import (RATE, add_into, biquad, biquad_bandpass, damped_sine, envelope, highpass, loop_curve,
                          looped, lowpass, noise, remove_dc, reverb, times)
from sound_effects import ceramic

# Vowel formants (F1, F2), roughly: a, e, i, o, u, and the neutral "uh".
VOWELS = [(730, 1100), (530, 1850), (320, 2250), (520, 920), (350, 800), (600, 1300)]


def ring(process, x: list[float]) -> list[float]:
    """Filter a loop as if it had already been playing, so the start continues the end."""
    return looped(process, x)


# ---------------------------------------------------------------- café

def phrase(rng: random.Random, f0: float, seconds: float) -> list[float]:
    """A few seconds of one person talking, too far off to follow: voiced syllables and the odd consonant."""
    n = int(seconds * RATE)
    out = [0.0] * n
    t = 0.0
    while t < seconds - 0.15:
        syl = rng.uniform(0.11, 0.24)
        m = int(syl * RATE)
        pitch = f0 * (1.12 - 0.2 * t / seconds) * rng.uniform(0.93, 1.07)  # falls through the sentence
        buzz = [0.0] * m
        ph = rng.random()
        for i in range(m):
            ph += pitch * (1 + 0.03 * math.sin(2 * math.pi * 5 * i / RATE)) / RATE
            if ph >= 1.0:
                ph -= 1.0
                buzz[i] = 1.0
        buzz = lowpass(lowpass(buzz, 900.0), 1400.0)
        breath = noise(m, rng)
        src = [8.0 * b + 0.12 * h for b, h in zip(buzz, breath)]
        f1, f2 = rng.choice(VOWELS)
        voiced = [a + 0.6 * b for a, b in zip(biquad(src, "bandpass", f1, 4.0), biquad(src, "bandpass", f2, 6.0))]
        add_into(out, times(voiced, envelope(m, 0.03, 0.06)), int(t * RATE), rng.uniform(0.6, 1.0))
        if rng.random() < 0.3:  # an s or a t, soft
            k = int(rng.uniform(0.02, 0.06) * RATE)
            hiss = biquad(noise(k, rng), "bandpass", rng.uniform(3500, 5500), 2.0)
            add_into(out, times(hiss, envelope(k, 0.005, 0.015)), int(t * RATE) - k // 2, 0.25)
        t += syl + (rng.uniform(0.02, 0.06) if rng.random() < 0.85 else rng.uniform(0.15, 0.3))
    return out


def cafe_murmur(seconds: float = 10.0) -> list[float]:
    rng = random.Random(1201)
    n = int(round(seconds * RATE))
    voices = [0.0] * n
    # (speaking pitch, loudness, how muffled): a few tables near, more further off.
    for f0, gain, cutoff in ((115, 1.0, 2200), (205, 0.9, 2400), (130, 0.6, 1500), (190, 0.55, 1400),
                             (105, 0.45, 1100), (225, 0.4, 1000), (150, 0.35, 900)):
        talker = [0.0] * n
        t = rng.uniform(0, seconds)
        end = t + seconds
        while t < end - 0.8:
            length = min(rng.uniform(1.0, 2.8), end - t - 0.3)
            add_into(talker, phrase(rng, f0, length), int(t * RATE), rng.uniform(0.7, 1.0), wrap=True)
            t += length + rng.uniform(0.4, 1.8)  # listening to the other person
        talker = ring(lambda x, c=cutoff: lowpass(lowpass(x, c), c), talker)
        voices = [v + gain * w for v, w in zip(voices, talker)]
    # The room itself: a low hubbub and air handling, steady but not dead.
    swell = loop_curve(n, 5, rng, 0.7, 1.0)
    room = ring(lambda x: lowpass(lowpass(x, 320.0), 450.0), noise(n, rng))
    room = [r * s for r, s in zip(room, swell)]
    # The odd cup: set down on a saucer, a spoon against china.
    cups = [0.0] * n
    for t, size, gain in ((2.3, 1.3, 0.5), (2.37, 0.95, 0.15), (6.8, 0.85, 0.22), (6.95, 0.85, 0.16),
                          (7.08, 0.85, 0.12), (9.4, 1.1, 0.3)):
        add_into(cups, ceramic(rng, size=size, seconds=0.6, hardness=0.6), int(t / 10.0 * seconds * RATE), gain,
                 wrap=True)
    cups = ring(lambda x: lowpass(x, 5000.0), cups)
    mix = [v + 0.12 * r + 0.08 * c for v, r, c in zip(voices, room, cups)]
    mix = remove_dc(ring(lambda x: highpass(x, 80.0), mix))
    return ring(lambda x: reverb(x, wet=0.8, size=0.9, damp=3500.0), mix)


# ---------------------------------------------------------------- river

def slosh(rng: random.Random, size: float) -> list[float]:
    """One wave reaching the stone: a low swell of water, a soft slap, then it drains back with a gurgle."""
    dur = 1.6 + 0.6 * size
    n = int(dur * RATE)
    rise = 0.25 + 0.15 * size
    shape = []
    for i in range(n):
        t = i / RATE
        shape.append(math.sin(0.5 * math.pi * t / rise) ** 2 if t < rise else math.exp(-(t - rise) / (0.35 + 0.2 * size)))
    centre = [220 + 500 * s for s in shape]
    body = biquad_bandpass(noise(n, rng), centre, 1.3)
    out = [0.8 * b * s for b, s in zip(body, shape)]
    k = int(0.05 * RATE)
    slap = lowpass(highpass(noise(k, rng), 700.0), 3000.0)
    add_into(out, times(slap, envelope(k, 0.004, 0.04)), int(rise * RATE), 0.25 * size)
    t = rise + 0.05
    while t < dur - 0.25:  # the water drains off the stones in small drops and bubbles
        f = rng.uniform(350, 1100)
        drop = damped_sine(f, rng.uniform(0.008, 0.02), 0.1, 1.0, glide=rng.uniform(1.5, 5.0))
        drop = times(drop, envelope(len(drop), 0.001, 0.02))
        add_into(out, drop, int(t * RATE), 0.12 * rng.uniform(0.3, 1.0) * shape[int(t * RATE)])
        t += rng.expovariate(22)
    return out


def river_night(seconds: float = 12.0) -> list[float]:
    rng = random.Random(1301)
    n = int(round(seconds * RATE))
    water = [0.0] * n
    t = rng.uniform(0, 1.0)
    while t < seconds - 0.3:
        size = rng.uniform(0.5, 1.0)
        add_into(water, slosh(rng, size), int(t * RATE), size, wrap=True)
        t += rng.uniform(1.9, 3.1)
    # The river moving past: a soft, slowly shifting wash with a few bubbles.
    drift = loop_curve(n, 6, rng, 0.6, 1.0)
    flow = ring(lambda x: biquad(lowpass(x, 1200.0), "bandpass", 500.0, 0.7), noise(n, rng))
    flow = [f * d for f, d in zip(flow, drift)]
    bubbles = [0.0] * n
    t = 0.0
    while t < seconds:
        b = damped_sine(rng.uniform(500, 1500), rng.uniform(0.006, 0.015), 0.06, 1.0, glide=rng.uniform(2, 6))
        add_into(bubbles, times(b, envelope(len(b), 0.001, 0.01)), int(t * RATE), rng.uniform(0.2, 1.0), wrap=True)
        t += rng.expovariate(6)
    # The city across the water: a distant low hush, almost all below speech.
    hush = ring(lambda x: lowpass(lowpass(x, 180.0), 260.0), noise(n, rng))
    hush = [h * c for h, c in zip(hush, loop_curve(n, 3, rng, 0.75, 1.0))]
    mix = [w + 0.35 * f + 0.05 * b + 2.2 * h for w, f, b, h in zip(water, flow, bubbles, hush)]
    mix = remove_dc(ring(lambda x: highpass(x, 35.0), mix))
    return ring(lambda x: reverb(x, wet=0.45, size=0.7, damp=3000.0), mix)


# ---------------------------------------------------------------- wind

def wind_vines(seconds: float = 12.0) -> list[float]:
    rng = random.Random(1401)
    n = int(round(seconds * RATE))
    # Gusts: three rises and falls of different heights, wrapping round the loop; squared so lulls are lulls.
    knots = [rng.uniform(0.6, 1.0) if k % 2 else rng.uniform(0.0, 0.3) for k in range(6)]  # starts in a lull
    gust = [0.15 + 0.85 * v * v for v in loop_curve(n, knots)]
    # The wind itself: low roar whose colour brightens as it blows harder.
    centre = [260 + 420 * v for v in gust]
    body = ring(lambda x: biquad_bandpass(x, centre + centre, 0.9), noise(n, rng))
    low = ring(lambda x: lowpass(lowpass(x, 220.0), 300.0), noise(n, rng))
    # Leaves: many small collisions, more of them and louder in a gust.
    flutter = [0.0] * n
    t = 0.0
    while t < seconds:
        i = int(t * RATE)
        k = int(rng.uniform(0.006, 0.03) * RATE)
        grain = envelope(k, 0.4 * k / RATE, 0.6 * k / RATE)
        add_into(flutter, grain, i, rng.uniform(0.3, 1.0) * gust[i], wrap=True)
        t += rng.expovariate(30 + 220 * gust[i])
    leaves = ring(lambda x: lowpass(highpass(x, 2200.0), 7500.0), noise(n, rng))
    leaves = [l * (0.25 * gs + f) for l, gs, f in zip(leaves, gust, flutter)]
    leaves = ring(lambda x: lowpass(x, 8000.0), leaves)
    mix = [gs * (0.9 * b + 1.6 * lo) + 0.16 * l for gs, b, lo, l in zip(gust, body, low, leaves)]
    mix = remove_dc(ring(lambda x: highpass(x, 40.0), mix))
    return ring(lambda x: reverb(x, wet=0.3, size=0.8, damp=5000.0), mix)
