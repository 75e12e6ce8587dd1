"""Compose and render the music loops: the vineyard waltz here, the other tracks from their music_*.py modules.

python tools/make_music.py [NAME ...]: every track, or only those named (e.g. paris_jazz).
"""
from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__

import random

from art_common import ASSETS
from audio_common import RATE, add_into, highpass, looped, midi_hz, pluck, reverb, remove_dc, write_wav
import music_berlin
import music_danger
import music_paris
import music_provence

BPM = 96
BEAT = 60 / BPM
BAR = 3 * BEAT
PRE_ROLL = 0.04

# Chord per bar: (bass note, three chord tones for beats 2 and 3).
CHORDS = {
    "D": (50, (57, 62, 66)), "Bm": (47, (59, 62, 66)), "Em": (52, (59, 64, 67)), "A7": (45, (57, 61, 67)),
    "F#m": (42, (57, 61, 66)), "G": (43, (59, 62, 67)),
}
PROGRESSION = ["D", "Bm", "Em", "A7", "D", "F#m", "G", "A7", "Bm", "G", "D", "Bm", "Em", "A7", "D", "A7"]
# Melody per bar as (pitch, beats); each bar fills three beats. The last bar leads back to the first.
MELODY = [
    [(69, 1), (74, 1), (78, 1)], [(78, 2), (76, 1)], [(79, 1), (78, 1), (76, 1)], [(76, 2), (73, 1)],
    [(74, 1), (78, 1), (81, 1)], [(81, 2), (78, 1)], [(76, 1), (74, 1), (71, 1)], [(73, 2), (69, 1)],
    [(71, 1), (74, 1), (78, 1)], [(79, 2), (76, 1)], [(78, 1), (76, 1), (74, 1)], [(74, 2), (71, 1)],
    [(76, 1), (79, 1), (76, 1)], [(73, 1), (76, 1), (79, 1)], [(78, 3)], [(76, 2), (73, 1)],
]


class Strings:
    """Renders plucks, reusing a couple of takes per pitch so repeated notes are not identical copies."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.cache: dict[tuple[int, int], list[float]] = {}

    def note(self, pitch: int, take: int, ring: float) -> list[float]:
        key = (pitch, take)
        if key not in self.cache:
            rng = random.Random(pitch * 31 + take)
            t60, bright = (3.5, 0.5) if pitch < 55 else (2.6, 0.35) if pitch < 70 else (2.0, 0.22)
            tone = pluck(midi_hz(pitch), ring, rng, position=0.18 + 0.05 * take, softness=2 if pitch < 70 else 1,
                         t60=t60, brightness=bright)
            tone = highpass(tone, 40.0)
            # Let go of the string: a short release so no note is cut off sharply.
            rel = int(0.25 * RATE)
            for i in range(rel):
                tone[-1 - i] *= i / rel
            self.cache[key] = tone
        return self.cache[key]


def render() -> list[float]:
    total = int(round(len(PROGRESSION) * BAR * RATE))
    mix = [0.0] * total
    strings = Strings(4242)
    rng = random.Random(77)

    def at(seconds: float) -> int:
        return int(round((seconds + rng.uniform(-0.006, 0.006)) * RATE))

    for bar, name in enumerate(PROGRESSION):
        t0 = bar * BAR
        bass, chord = CHORDS[name]
        add_into(mix, strings.note(bass, bar % 2, 2.6), at(t0), 0.85 * rng.uniform(0.92, 1.0), wrap=True)
        for beat in (1, 2):
            for k, p in enumerate(chord):  # a soft thumb-brush: lowest string first
                gain = (0.30 if beat == 1 else 0.24) * rng.uniform(0.85, 1.0)
                add_into(mix, strings.note(p, (bar + beat) % 2, 1.4), at(t0 + beat * BEAT + k * 0.018), gain, wrap=True)
        pos = 0.0
        for pitch, beats in MELODY[bar]:
            ring = min(2.4, beats * BEAT + 0.9)
            add_into(mix, strings.note(pitch, bar % 2, ring), at(t0 + pos * BEAT), 0.62 * rng.uniform(0.9, 1.0),
                     wrap=True)
            pos += beats
    mix = remove_dc(mix)
    # Reverb as if the loop were already playing, so the tail of the last bar rings into the first.
    wet = looped(lambda x: reverb(x, wet=0.35, size=1.2, damp=4000.0), mix)
    # Start the file a breath before the first downbeat: the seam then falls in the quiet tail of the last
    # bar instead of on a pluck's attack. The loop is circular, so nothing is lost.
    pre = int(PRE_ROLL * RATE)
    return wet[-pre:] + wet[:-pre]


# name -> (render function, peak dBFS). Sustained tracks peak lower than the plucked waltz so that they
# sound about as loud; the danger cue sits lowest, under dialogue.
TRACKS = {
    "vineyard_waltz": (render, -6.0),
    "provence_theme": (music_provence.render, -7.5),
    "paris_jazz": (music_paris.render, -6.0),
    "berlin_motif": (music_berlin.render, -7.0),
    "danger_motif": (music_danger.render, -15.0),
}


def main(names: list[str]) -> None:
    unknown = [n for n in names if n not in TRACKS]
    if unknown:
        raise SystemExit(f"unknown track {', '.join(unknown)}; choose from {', '.join(TRACKS)}")
    for name in names or list(TRACKS):
        make, peak_db = TRACKS[name]
        write_wav(ASSETS / "music" / f"{name}.wav", make(), peak_db=peak_db)


if __name__ == "__main__":
    main(sys.argv[1:])
