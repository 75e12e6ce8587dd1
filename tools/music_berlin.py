"""The Berlin memory: a sparse, cold motif in D minor over a slow low pulse, with a lot of air around it."""
from __future__ import annotations

import math

from audio_common import RATE, highpass, looped, remove_dc, reverb
from music_voices import Layer, glass_bell, loop_drone, low_pulse, sum_layers

BPM = 66
BEAT = 60 / BPM
BAR = 4 * BEAT
BARS = 8
PRE_ROLL = 0.05

# The pulse walks down under the figure: D, D, Bb, Bb, G, G, A, A (and the A leans back to D).
ROOTS = [38, 38, 34, 34, 31, 31, 33, 33]
# The cold figure: bar -> [(pitch, beat)]; every other bar is left empty but for the echoes.
FIGURE = {
    0: [(81, 0), (77, 1.5), (76, 2)],
    2: [(81, 0), (82, 1.5), (81, 2)],
    4: [(86, 0), (84, 1), (82, 1.5), (79, 2.5)],
    6: [(81, 0), (85, 2), (88, 3)],
}


def render() -> list[float]:
    seconds = BARS * BAR
    pulse = Layer(seconds, seed=801, jitter=0.003)
    bells = Layer(seconds, seed=802, jitter=0.01)
    for bar, root in enumerate(ROOTS):
        t0 = bar * BAR
        pulse.add(low_pulse(root, 2.2), t0, 1.0, spread=0.05)
        pulse.add(low_pulse(root, 2.0, seed=1), t0 + 2 * BEAT, 0.62, spread=0.1)
        if bar % 2:  # a ghost of a heartbeat before the next bar
            pulse.add(low_pulse(root, 1.2, seed=2), t0 + 3.5 * BEAT, 0.3, spread=0.1)
        for pitch, beat in FIGURE.get(bar, []):
            bells.add(glass_bell(pitch, 4.0), t0 + beat * BEAT, 0.32 if beat else 0.4, spread=0.1)
    # A thin, nearly still D and A far below the figure; it comes and goes twice in the loop.
    n = pulse.n
    held = [a + b for a, b in zip(loop_drone(50, seconds), loop_drone(57, seconds))]
    breathe = [0.55 + 0.45 * math.sin(2 * math.pi * 2 * i / n - 1.2) for i in range(n)]
    drone_buf = [d * b for d, b in zip(held, breathe)]
    mix = sum_layers((pulse.buf, 0.5), (bells.buf, 1.0), (drone_buf, 0.045))
    mix = remove_dc(looped(lambda x: highpass(x, 28.0), mix))
    wet = looped(lambda x: reverb(x, wet=0.9, size=1.5, damp=3800.0), mix, warmup=2)
    pre = int(PRE_ROLL * RATE)
    return wet[-pre:] + wet[:-pre]
