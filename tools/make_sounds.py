"""Synthesize the ambience loops and the one-shot effects: the evening ones here, the rest from sound_*.py.

python tools/make_sounds.py [NAME ...]: every file, or only those named (e.g. cafe_murmur door_bell).
"""
from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__

import math
import random

from art_common import ASSETS
from audio_common import (RATE, add_into, biquad_bandpass, damped_sine, fade, highpass, lowpass, noise,
                          remove_dc, reverb, silence, write_wav)
import sound_ambience
import sound_effects

LOOP_SECONDS = 10.0


# ---------------------------------------------------------------- ambience

def periodic(t: float, parts: list[tuple[float, int, float]]) -> float:
    """A slow wobble built only from whole cycles per loop, so it matches itself at the seam."""
    return sum(a * math.sin(2 * math.pi * k * t / LOOP_SECONDS + ph) for a, k, ph in parts)


def breeze(n: int, rng: random.Random) -> list[float]:
    raw = noise(n, rng)
    # Filter the noise as a ring: warm the filters up on the loop's own end so the start continues it.
    warm = 4000
    ring = raw[-warm:] + raw
    soft = lowpass(lowpass(ring, 380.0), 520.0)[warm:]
    hiss = highpass(lowpass(ring, 1800.0), 700.0)[warm:]
    out = []
    for i in range(n):
        t = i / RATE
        gust = 0.55 + periodic(t, [(0.25, 1, 0.3), (0.12, 3, 1.7), (0.06, 7, 4.0)])
        leaves = max(0.0, 0.3 + periodic(t, [(0.35, 2, 2.1), (0.15, 5, 0.4)]))
        out.append(gust * soft[i] * 3.2 + leaves * hiss[i] * 0.35)
    return out


def chirp(carrier: float, pulses: int, rng: random.Random) -> list[float]:
    """One field-cricket chirp: a few short tone pulses at about 30 per second."""
    pulse_len, gap = 0.014, 0.019
    out = silence(pulses * (pulse_len + gap) + 0.01)
    for p in range(pulses):
        start = int(p * (pulse_len + gap) * RATE)
        n = int(pulse_len * RATE)
        f = carrier * rng.uniform(0.99, 1.01)
        amp = 0.8 + 0.2 * math.sin(math.pi * (p + 0.5) / pulses)
        ph = rng.uniform(0, 6.28)
        for i in range(n):
            env = math.sin(math.pi * i / n) ** 2
            ph += 2 * math.pi * f * (1 - 0.02 * i / n) / RATE
            out[start + i] += amp * env * (math.sin(ph) + 0.2 * math.sin(2 * ph))
    return out


def crickets(n: int, rng: random.Random) -> list[float]:
    out = [0.0] * n
    # (carrier Hz, seconds between chirps, pulses per chirp, loudness): near ones louder, far ones duller.
    for carrier, every, pulses, gain in ((4300, 0.62, 3, 1.0), (4750, 0.83, 4, 0.7), (3950, 1.1, 3, 0.45),
                                         (5100, 0.71, 4, 0.3), (4500, 1.37, 5, 0.25)):
        t = rng.uniform(0, every)
        while t < LOOP_SECONDS:
            c = chirp(carrier, pulses, rng)
            add_into(out, c, int(t * RATE), gain * rng.uniform(0.8, 1.0), wrap=True)
            t += every * rng.uniform(0.9, 1.1)
            if rng.random() < 0.12:
                t += every * 2  # a pause now and then so the pattern does not tick like a clock
    # A distant tree cricket: a soft, steady trill whose level drifts.
    trill = []
    for i in range(n):
        t = i / RATE
        gate = 0.5 + 0.5 * math.sin(2 * math.pi * 50 * t)
        level = 0.12 * (0.6 + periodic(t, [(0.3, 2, 0.5), (0.1, 5, 2.0)]))
        trill.append(level * gate * gate * math.sin(2 * math.pi * 2900 * t))
    far = lowpass(out[-500:] + out, 3000.0)[500:]  # filtered as a ring, like the breeze
    return [0.6 * a + 0.4 * b + c for a, b, c in zip(out, far, trill)]


def evening() -> list[float]:
    rng = random.Random(5150)
    n = int(LOOP_SECONDS * RATE)
    # 2900 Hz trill and 50 Hz gate fit a whole number of cycles in 10 s, so they loop too.
    mix = [0.25 * a + 0.3 * b for a, b in zip(breeze(n, rng), crickets(n, rng))]
    return remove_dc(mix)


# ---------------------------------------------------------------- one-shots

def knock() -> list[float]:
    """Three knuckle raps on an old wooden door: a thud of panel modes and a short woody click."""
    rng = random.Random(11)
    out = silence(1.1)
    for k, t in enumerate((0.03, 0.27, 0.50)):
        hit = silence(0.6)
        loud = (0.85, 0.9, 1.0)[k]
        for f, d, a in ((92, 0.09, 1.0), (168, 0.07, 0.8), (251, 0.05, 0.6), (397, 0.035, 0.45),
                        (612, 0.022, 0.3), (980, 0.012, 0.2)):
            add_into(hit, damped_sine(f * rng.uniform(0.97, 1.03), d, 0.6, a, phase=0.0), 0)
        click = lowpass(noise(int(0.006 * RATE), rng), 2500.0)
        click = [v * (1 - i / len(click)) for i, v in enumerate(click)]
        add_into(hit, click, 0, 2.5)
        hit = [v * min(1.0, i / 30) for i, v in enumerate(hit)]  # 1.4 ms attack, no click at onset
        add_into(out, hit, int(t * RATE), loud)
    return fade(reverb(out, wet=0.3, size=0.35, damp=3000.0), 0.002, 0.12)


def glass() -> list[float]:
    """Two wine glasses touching: inharmonic bowl modes, each split in two so they shimmer."""
    rng = random.Random(22)
    out = silence(1.8)
    for f0, gain in ((1318.0, 1.0), (1487.0, 0.8)):
        for ratio, amp, decay in ((1.0, 1.0, 0.9), (2.72, 0.45, 0.45), (5.1, 0.22, 0.2), (8.3, 0.1, 0.09)):
            f = f0 * ratio
            if f > RATE / 2 - 500:
                continue
            for split in (-1.2, 1.2):
                add_into(out, damped_sine(f + split, decay, 1.79, amp * gain * 0.5, phase=rng.uniform(0, 6.28)),
                         int(0.01 * RATE))
    tick = highpass(noise(int(0.003 * RATE), rng), 3000.0)
    add_into(out, tick, int(0.01 * RATE), 0.6)
    out = [v * min(1.0, i / 40) for i, v in enumerate(out)]
    return fade(reverb(out, wet=0.2, size=0.3, damp=6000.0), 0.002, 0.35)


def pour() -> list[float]:
    """Wine poured into a glass: a splashy stream plus bubbles whose pitch climbs as the glass fills."""
    rng = random.Random(33)
    dur = 1.8
    n = int(dur * RATE)
    fill = [min(1.0, i / n * 1.15) for i in range(n)]
    splash = biquad_bandpass(noise(n, rng), [700 + 900 * f for f in fill], 1.4)
    # The air column above the wine shortens as it fills: a narrow resonance that climbs.
    ring = biquad_bandpass(noise(n, rng), [520 + 800 * f for f in fill], 7.0)
    stream = lowpass([a + 1.6 * b for a, b in zip(splash, ring)], 4000.0)
    env = []
    for i in range(n):
        t = i / RATE
        env.append(min(1.0, t / 0.12) * min(1.0, max(0.0, (dur - 0.15 - t) / 0.35))
                   * (0.8 + 0.2 * math.sin(2 * math.pi * 5.3 * t)))
    out = [0.55 * s * e for s, e in zip(stream, env)]
    t = 0.06
    while t < dur - 0.35:
        f = rng.uniform(450, 900) * (1 + 0.9 * t / dur)
        b = damped_sine(f, rng.uniform(0.012, 0.03), 0.2, rng.uniform(0.15, 0.4), glide=rng.uniform(2, 6))
        b = [v * min(1.0, i / 12) for i, v in enumerate(b)]
        add_into(out, b, int(t * RATE), env[int(t * RATE)])
        t += rng.expovariate(38)
    return fade(reverb(out, wet=0.18, size=0.3, damp=5000.0), 0.03, 0.25)


# name -> (folder, render function, peak dBFS)
SOUNDS = {
    "evening_crickets": ("ambience", evening, -14.0),
    "knock": ("sounds", knock, -3.0),
    "glass": ("sounds", glass, -4.0),
    "pour": ("sounds", pour, -6.0),
    "cafe_murmur": ("ambience", sound_ambience.cafe_murmur, -14.0),
    "river_night": ("ambience", sound_ambience.river_night, -16.0),
    "wind_vines": ("ambience", sound_ambience.wind_vines, -14.0),
    "cup_saucer": ("sounds", sound_effects.cup_saucer, -5.0),
    "page_turn": ("sounds", sound_effects.page_turn, -6.0),
    "door_bell": ("sounds", sound_effects.door_bell, -6.0),
    "car_engine": ("sounds", sound_effects.car_engine, -5.0),
    "ui_click": ("sounds", sound_effects.ui_click, -15.0),   # quiet: heard on every button
}


def main(names: list[str]) -> None:
    unknown = [n for n in names if n not in SOUNDS]
    if unknown:
        raise SystemExit(f"unknown sound {', '.join(unknown)}; choose from {', '.join(SOUNDS)}")
    for name in names or list(SOUNDS):
        folder, make, peak_db = SOUNDS[name]
        write_wav(ASSETS / folder / f"{name}.wav", make(), peak_db=peak_db)


if __name__ == "__main__":
    main(sys.argv[1:])
