"""The Provence theme: a lilting 6/8 tune in G on an accordion-like reed, over guitar and a soft flute pad."""
from __future__ import annotations

from audio_common import RATE, highpass, looped, remove_dc, reverb
from music_voices import Layer, flute, guitar, reed, sum_layers

BPM = 64  # dotted quarters: two to a bar of 6/8
EIGHTH = 60 / BPM / 3
BAR = 6 * EIGHTH
PRE_ROLL = 0.05

# Chord per bar: (bass root, bass fifth, three upper tones for the rolling eighths).
CHORDS = {
    "G": (43, 50, (59, 62, 67)), "C": (48, 43, (60, 64, 67)), "D7": (50, 45, (57, 60, 66)),
    "Em": (40, 47, (59, 64, 67)), "Am": (45, 52, (60, 64, 69)),
}
PROGRESSION = ["G", "G", "C", "G", "Em", "Am", "D7", "D7", "C", "G", "Am", "Em", "C", "G", "Am", "D7"]
# Melody per bar as (pitch, eighths), six eighths a bar; the long-short pairs are the lilt.
# The last bar climbs to C, which leads back to the D that opens the loop.
MELODY = [
    [(74, 2), (71, 1), (67, 2), (71, 1)], [(74, 2), (76, 1), (74, 3)],
    [(76, 2), (79, 1), (76, 2), (72, 1)], [(74, 3), (71, 2), (72, 1)],
    [(71, 2), (76, 1), (79, 2), (76, 1)], [(72, 2), (76, 1), (81, 2), (79, 1)],
    [(78, 2), (76, 1), (74, 2), (72, 1)], [(74, 3), (69, 2), (72, 1)],
    [(76, 2), (74, 1), (72, 2), (76, 1)], [(74, 2), (71, 1), (67, 3)],
    [(69, 2), (72, 1), (76, 2), (81, 1)], [(79, 3), (76, 2), (71, 1)],
    [(72, 2), (76, 1), (79, 2), (76, 1)], [(74, 2), (71, 1), (74, 2), (79, 1)],
    [(76, 2), (72, 1), (69, 2), (72, 1)], [(69, 2), (66, 1), (69, 1), (72, 2)],
]
# Which upper tone each eighth of the guitar's figure plays: root, tones, fifth, tones.
FIGURE = [None, 1, 2, "fifth", 1, 0]


def render() -> list[float]:
    seconds = len(PROGRESSION) * BAR
    strings = Layer(seconds, seed=601, jitter=0.006)
    melody = Layer(seconds, seed=602, jitter=0.004)
    pad = Layer(seconds, seed=603, jitter=0.0)
    for bar, name in enumerate(PROGRESSION):
        t0 = bar * BAR
        root, fifth, tones = CHORDS[name]
        for e, which in enumerate(FIGURE):
            if which is None:
                strings.add(guitar(root, 2.4, bar % 2), t0, 0.75)
            elif which == "fifth":
                strings.add(guitar(fifth, 1.8, bar % 2), t0 + e * EIGHTH, 0.5)
            else:
                strings.add(guitar(tones[which], 1.3, (bar + e) % 2), t0 + e * EIGHTH, 0.36 if e % 3 else 0.42)
        # The pad holds the chord's two upper tones, a little stronger in the second half of the loop.
        level = 0.045 if bar < 8 else 0.065
        for p in tones[1:]:
            pad.add(flute(p, BAR - 0.05, attack=0.35, release=0.6, seed=bar % 3), t0, level, spread=0.0)
        pos = 0
        for pitch, eighths in MELODY[bar]:
            phrase = (bar % 4 + pos / 6) / 4
            swell = 0.85 + 0.15 * (1 - (2 * phrase - 1) ** 2)  # the bellows open through each phrase
            accent = 1.0 if pos in (0, 3) else 0.85
            melody.add(reed(pitch, eighths * EIGHTH + 0.03), t0 + pos * EIGHTH, 0.25 * swell * accent, spread=0.05)
            pos += eighths
    mix = sum_layers((strings.buf, 1.0), (melody.buf, 1.0), (pad.buf, 1.0))
    mix = remove_dc(looped(lambda x: highpass(x, 35.0), mix))
    wet = looped(lambda x: reverb(x, wet=0.4, size=1.15, damp=4200.0), mix)
    pre = int(PRE_ROLL * RATE)  # start a breath before the first downbeat; the loop is circular
    return wet[-pre:] + wet[:-pre]
