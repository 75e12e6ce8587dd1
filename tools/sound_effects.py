"""The later one-shot effects: cup on saucer, a page turned, a shop-door bell, a car idling, the interface click."""
from __future__ import annotations

import math
import random

from audio_common import (RATE, add_into, biquad, biquad_bandpass, envelope, fade, highpass, lowpass, noise,
                          partial, remove_dc, reverb, silence, times)


def ceramic(rng: random.Random, size: float = 1.0, seconds: float = 0.6, hardness: float = 1.0) -> list[float]:
    """One china contact: a cluster of inharmonic plate modes (size > 1 is bigger and lower) and a tick."""
    n = int(seconds * RATE)
    out = [0.0] * n
    for f, amp, decay in ((1850, 0.7, 0.1), (2630, 1.0, 0.075), (3410, 0.55, 0.055), (4480, 0.45, 0.04),
                          (5770, 0.3, 0.03), (7020, 0.2, 0.022), (8300, 0.12, 0.016)):
        fr = f / size * rng.uniform(0.97, 1.03)
        if fr > 0.45 * RATE:
            continue
        out = [o + v for o, v in zip(out, partial(fr, decay * size, n, amp, rng.uniform(0, 6.28)))]
    tick = highpass(noise(int(0.004 * RATE), rng), 2500.0)
    add_into(out, [v * (1 - i / len(tick)) for i, v in enumerate(tick)], 0, 0.8 * hardness)
    return times(out, envelope(n, 0.0008, 0.05))


def cup_saucer() -> list[float]:
    """A cup set down on its saucer: a dull touch, the bright clack, a quick rattle as it settles."""
    rng = random.Random(101)
    out = silence(1.2)
    # (time, saucer or cup, loudness): first contact, the main clack, two small settling rattles.
    for t, body, loud in ((0.02, "cup", 0.35), (0.034, "saucer", 1.0), (0.09, "cup", 0.3), (0.128, "saucer", 0.16)):
        size = 1.45 if body == "saucer" else 0.9
        hit = ceramic(rng, size=size, seconds=0.9 if body == "saucer" else 0.5, hardness=loud)
        add_into(out, hit, int(t * RATE), loud)
    # The thud of the table taking the weight, felt more than heard.
    thud = partial(170.0, 0.03, int(0.15 * RATE), 0.5)
    add_into(out, times(thud, envelope(len(thud), 0.002, 0.05)), int(0.034 * RATE), 1.0)
    return fade(reverb(remove_dc(out), wet=0.25, size=0.3, damp=6000.0), 0.003, 0.3)


def page_turn() -> list[float]:
    """A book page lifted, swept over and laid down: a rising, falling paper swish with crackle and a soft flap."""
    rng = random.Random(202)
    dur = 0.95
    n = int(dur * RATE)
    # The sweep: loudest mid-turn and brightest there, as the page moves fastest through the air.
    shape = [math.sin(math.pi * min(1.0, max(0.0, (i / RATE - 0.05) / 0.62))) ** 1.5 for i in range(n)]
    centre = [900 + 2600 * s for s in shape]
    swish = biquad_bandpass(noise(n, rng), centre, 0.9)
    out = [0.5 * v * s for v, s in zip(swish, shape)]
    # Crackle: the paper flexing, short bright ticks while it moves.
    t = 0.06
    while t < 0.7:
        crack = lowpass(highpass(noise(int(rng.uniform(0.002, 0.006) * RATE), rng), 1800.0), 6000.0)
        crack = times(crack, envelope(len(crack), 0.0007, 0.002))
        add_into(out, crack, int(t * RATE), 0.45 * rng.uniform(0.3, 1.0) * (0.4 + shape[int(t * RATE)]))
        t += rng.expovariate(45)
    # The flap: the page landing on the others, a soft low puff of air.
    flap_n = int(0.12 * RATE)
    flap = lowpass(lowpass(noise(flap_n, rng), 700.0), 900.0)
    flap = [v * math.exp(-i / RATE / 0.03) for i, v in enumerate(flap)]
    add_into(out, times(flap, envelope(flap_n, 0.004, 0.03)), int(0.7 * RATE), 1.6)
    out = highpass(out, 120.0)
    return fade(reverb(out, wet=0.15, size=0.25, damp=7000.0), 0.02, 0.12)


def small_bell(freq: float, seconds: float, rng: random.Random) -> list[float]:
    """A little brass shop bell: bright inharmonic partials that ring on, each split so it shimmers."""
    n = int(seconds * RATE)
    out = [0.0] * n
    for ratio, amp, decay in ((1.0, 1.0, 1.1), (2.32, 0.55, 0.6), (3.86, 0.35, 0.35), (5.5, 0.18, 0.2),
                              (0.56, 0.2, 0.8)):
        fr = freq * ratio
        if fr > 0.45 * RATE:
            continue
        for split in (-0.8, 0.8):
            out = [o + v for o, v in zip(out, partial(fr + split, decay, n, 0.5 * amp, rng.uniform(0, 6.28)))]
    tick = highpass(noise(int(0.002 * RATE), rng), 4000.0)
    add_into(out, tick, 0, 0.4)
    return times(out, envelope(n, 0.0005, 0.05))


def door_bell() -> list[float]:
    """The bell on a shop door: swung by the opening door, its clapper strikes several times, fading."""
    rng = random.Random(303)
    out = silence(1.9)
    t = 0.01
    strength = 1.0
    # The clapper swings about nine times a second and hits a little less hard each time.
    while strength > 0.12:
        for freq, gain in ((2480.0, 1.0), (3120.0, 0.55)):  # two bells on one spring
            delay = 0.0 if gain == 1.0 else rng.uniform(0.02, 0.05)
            add_into(out, small_bell(freq, 1.5, rng), int((t + delay) * RATE), strength * gain * rng.uniform(0.8, 1.0))
        t += rng.uniform(0.09, 0.13)
        strength *= rng.uniform(0.58, 0.72)
    return fade(reverb(out, wet=0.3, size=0.45, damp=6500.0), 0.002, 0.4)


def car_engine() -> list[float]:
    """A small petrol car: ticking over at idle, a blip of the throttle, then pulling away into the distance."""
    rng = random.Random(404)
    dur = 2.9
    n = int(dur * RATE)

    def rpm(t: float) -> float:
        if t < 1.1:
            return 820 + 25 * math.sin(2 * math.pi * 1.7 * t)  # idle, hunting a little
        if t < 1.5:
            return 820 + 1100 * math.sin(0.5 * math.pi * (t - 1.1) / 0.4) ** 2  # clutch in, revs rise
        return 1920 + 500 * math.tanh((t - 1.5) / 0.6)  # driving off in first gear

    def distance(t: float) -> float:
        return 1.0 if t < 1.6 else 1.0 + 1.1 * (t - 1.6) ** 1.6  # rolls away from the listener

    out = [0.0] * n
    # Each cylinder firing is a muffled exhaust pop; four cylinders fire twice per turn of the crank.
    phase = 0.0
    cylinder = 0
    imbalance = [1.0, 0.82, 0.93, 0.76]
    pop_len = int(0.05 * RATE)
    pops = []
    for k in range(6):
        p = lowpass(noise(pop_len, rng), 900.0)
        body = partial(rng.uniform(90, 110), 0.012, pop_len, 0.6)
        pop = [(a + b) * math.exp(-i / RATE / 0.011) for i, (a, b) in enumerate(zip(p, body))]
        pops.append(times(pop, envelope(pop_len, 0.0015, 0.01)))  # no hard edge on any pop
    for i in range(n):
        t = i / RATE
        phase += rpm(t) / 60 * 2 / RATE
        if phase >= 1.0:
            phase -= 1.0
            load = 1.0 if t < 1.1 else 1.35
            gain = imbalance[cylinder % 4] * load * rng.uniform(0.85, 1.0) / distance(t)
            add_into(out, pops[rng.randrange(len(pops))], i, gain)
            cylinder += 1
    # The exhaust pipe and silencer: a low resonance. Then mechanical whirr and the tyres on the road.
    out = [a + 0.5 * b for a, b in zip(lowpass(out, 700.0), biquad(out, "bandpass", 140.0, 2.0))]
    whirr = biquad_bandpass(noise(n, rng), [900 + 0.6 * rpm(i / RATE) for i in range(n)], 3.0)
    tyres = lowpass(highpass(noise(n, rng), 200.0), 1200.0)
    mix = []
    for i in range(n):
        t = i / RATE
        d = distance(t)
        roll = 0.0 if t < 1.5 else min(1.0, (t - 1.5) / 0.5)
        mix.append(out[i] + (0.03 * whirr[i] * rpm(t) / 1000 + 0.05 * roll * tyres[i]) / d)
    # Distance dulls the sound as well as quietening it.
    far = lowpass(mix, 1500.0)
    blend = [min(1.0, (distance(i / RATE) - 1.0) / 1.5) for i in range(n)]
    mix = [a * (1 - b) + c * b for a, b, c in zip(mix, blend, far)]
    mix = highpass(remove_dc(mix), 30.0)
    return fade(reverb(mix, wet=0.15, size=0.5, damp=4000.0), 0.25, 0.5)


def ui_click() -> list[float]:
    """The interface's click: a soft tap on a wooden key, short and warm, with a faint bright edge."""
    rng = random.Random(303)
    n = int(0.09 * RATE)
    out = [0.0] * n
    for f, amp, decay in ((1150.0, 0.9, 0.012), (2310.0, 0.45, 0.007), (430.0, 0.5, 0.02)):
        out = [o + v for o, v in zip(out, partial(f, decay, n, amp, rng.uniform(0, 6.28)))]
    tap = lowpass(highpass(noise(int(0.003 * RATE), rng), 1500.0), 7000.0)
    add_into(out, [v * (1 - i / len(tap)) for i, v in enumerate(tap)], 0, 0.6)
    out = times(out, envelope(n, 0.0005, 0.03))
    return fade(reverb(remove_dc(out), wet=0.08, size=0.15, damp=6000.0), 0.001, 0.02)
