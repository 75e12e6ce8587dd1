"""The game's sounds keep their promises: loops join without a click, levels are balanced, every file plays."""
from __future__ import annotations

import sys
import wave
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from sound_check import measure, read_wav  # noqa: E402  (the same measure the sound designer reads)

ASSETS = ROOT / "assets"
LOOPS = sorted((ASSETS / "music").glob("*.wav")) + sorted((ASSETS / "ambience").glob("*.wav"))
EFFECTS = sorted((ASSETS / "sounds").glob("*.wav"))


@pytest.fixture(scope="module")
def measured() -> dict[Path, dict[str, float]]:
    out = {}
    for path in LOOPS + EFFECTS:
        samples, rate = read_wav(path)
        out[path] = measure(samples, rate, loop=path in LOOPS)
    return out


def test_there_is_a_theme_per_route_and_ambience_for_each_place() -> None:
    assert {p.stem for p in LOOPS} >= {"vineyard_waltz", "provence_theme", "paris_jazz", "berlin_motif",
                                       "danger_motif", "evening_crickets", "cafe_murmur", "river_night",
                                       "wind_vines"}
    assert {p.stem for p in EFFECTS} >= {"knock", "glass", "cup_saucer", "page_turn", "ui_click"}


def test_every_file_is_a_plain_wav_that_pygame_plays() -> None:
    import pygame
    formats = set()
    for path in LOOPS + EFFECTS:
        with wave.open(str(path), "rb") as w:
            formats.add((w.getnchannels(), w.getsampwidth(), w.getframerate()))
            assert w.getnframes() > 0, path
    assert formats == {(1, 2, 22050)}    # one format: 16-bit mono at 22.05 kHz, as tools/audio_common writes
    try:
        pygame.mixer.init()
    except pygame.error as exc:
        pytest.skip(f"no audio device, not even the dummy one: {exc}")
    try:
        for path in LOOPS + EFFECTS:
            assert pygame.mixer.Sound(str(path)).get_length() > 0, path
    finally:
        pygame.mixer.quit()


@pytest.mark.parametrize("path", LOOPS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_loops_join_like_any_other_moment(measured, path: Path) -> None:
    m = measured[path]
    # At the seam (last sample, then the first) the step and the bend are ordinary ones, not a click.
    assert m["join_step"] <= m["step_p99"], f"{path.name}: a step at the join"
    assert m["join_curv"] <= m["curv_p99"], f"{path.name}: a kink at the join"


def test_levels_are_balanced(measured) -> None:
    music = {p.stem: measured[p]["rms_db"] for p in LOOPS if p.parent.name == "music"}
    ambience = {p.stem: measured[p]["rms_db"] for p in LOOPS if p.parent.name == "ambience"}
    assert max(music.values()) - min(music.values()) <= 8.0, music          # no theme jumps out
    assert max(ambience.values()) <= min(music.values()) + 1.0, (ambience, music)  # a bed under the music
    for path in LOOPS + EFFECTS:
        assert measured[path]["peak_db"] <= -3.0, f"{path.name} peaks at {measured[path]['peak_db']:.1f} dBFS"
    click = measured[ASSETS / "sounds" / "ui_click.wav"]
    assert click["peak_db"] <= min(measured[p]["peak_db"] for p in EFFECTS if p.stem != "ui_click")
