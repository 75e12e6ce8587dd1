"""The danger cue: a low, uneasy string ostinato in D minor, kept dark and quiet so dialogue sits over it."""
from __future__ import annotations

import math

from audio_common import RATE, highpass, looped, lowpass, remove_dc, reverb
from music_voices import Layer, bowed, loop_drone, low_pulse, sum_layers

BPM = 96
BEAT = 60 / BPM
EIGHTH = BEAT / 2
BARS = 12
PRE_ROLL = 0.03

# The ostinato's root per bar: D for four, a step up to E-flat and back, then B-flat and A pulling home.
ROOTS = [38, 38, 38, 38, 39, 39, 38, 38, 34, 34, 33, 33]
# Eighths grouped 3+3+2 against the 4/4 pulse, which is what makes it lean forward uneasily.
PATTERN = [0, 0, 1, 0, 0, 1, 3, 1]
ACCENTS = {0: 1.0, 3: 0.9, 6: 0.95}
# Held notes under the ostinato: (first bar, bars held, pitches).
HELD = [(0, 4, (26, 38)), (4, 2, (27, 39)), (6, 2, (26, 38)), (8, 2, (22, 34)), (10, 2, (21, 33))]


def render() -> list[float]:
    seconds = BARS * 4 * BEAT
    strings = Layer(seconds, seed=901, jitter=0.004)
    held = Layer(seconds, seed=902, jitter=0.0)
    drum = Layer(seconds, seed=903, jitter=0.0)
    for bar, root in enumerate(ROOTS):
        t0 = bar * 4 * BEAT
        for e, step in enumerate(PATTERN):
            gain = ACCENTS.get(e, 0.55)
            strings.add(bowed(root + step, EIGHTH * 0.8, attack=0.018, release=0.09, corner=650.0), t0 + e * EIGHTH,
                        0.5 * gain, spread=0.1)
        if bar % 4 == 0:
            drum.add(low_pulse(root - 12 if root > 36 else root, 2.5, seed=bar), t0, 1.0, spread=0.0)
    for first, length, pitches in HELD:
        for p in pitches:  # long bows that overlap a little, so the floor never drops out
            held.add(bowed(p + 12, length * 4 * BEAT + 0.3, attack=0.7, release=0.9, corner=350.0, vibrato=0.002),
                     first * 4 * BEAT - 0.15, 0.12 if p < 30 else 0.08, spread=0.0)
    n = strings.n
    # A faint high A, the one cold thing in the room: it rises towards the B-flat and A bars and ebbs away.
    air = loop_drone(81, seconds, corner=1500.0, cents=7.0)
    air = [v * (0.5 - 0.5 * math.cos(2 * math.pi * (i / n - 0.3))) ** 2 for i, v in enumerate(air)]
    mix = sum_layers((strings.buf, 1.0), (held.buf, 1.0), (drum.buf, 0.3), (air, 0.06))
    mix = remove_dc(looped(lambda x: lowpass(highpass(x, 30.0), 1800.0), mix))
    wet = looped(lambda x: reverb(x, wet=0.45, size=1.2, damp=3000.0), mix)
    pre = int(PRE_ROLL * RATE)
    return wet[-pre:] + wet[:-pre]
