"""Audio: silent when disabled or without a device, and crossfading loops on reserved channels when the mixer works."""
from __future__ import annotations

import logging
from pathlib import Path

import pygame
import pytest

from game.ui import audio as audio_module
from game.ui.audio import AMBIENCE_CHANNELS, MUSIC_CHANNELS, RESERVED, Audio

ROOT = Path(__file__).resolve().parents[1]
FILES = {
    ("music", "vineyard_waltz"): ROOT / "assets" / "music" / "vineyard_waltz.wav",
    ("music", "crickets_as_music"): ROOT / "assets" / "ambience" / "evening_crickets.wav",  # a second track
    ("ambience", "evening_crickets"): ROOT / "assets" / "ambience" / "evening_crickets.wav",
    ("sounds", "knock"): ROOT / "assets" / "sounds" / "knock.wav",
}
LONG = 10_000  # ms: a fade that cannot finish while a test looks at it


def find(kind: str, name: str) -> Path | None:
    return FILES.get((kind, name))


def channels(indices: tuple[int, ...]) -> list[pygame.mixer.Channel]:
    return [pygame.mixer.Channel(i) for i in indices]


def busy(indices: tuple[int, ...]) -> list[bool]:
    return [channel.get_busy() for channel in channels(indices)]


def warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == audio_module.__name__ and r.levelno >= logging.WARNING]


@pytest.fixture(autouse=True)
def _fresh_mixer():
    pygame.mixer.quit()
    yield
    pygame.mixer.quit()


@pytest.fixture
def audio():
    """A working Audio on the dummy driver, or a skip if the driver gives no mixer here."""
    sound = Audio(find)
    if not sound.available:
        pytest.skip("the dummy audio driver gave no mixer on this machine")
    yield sound
    sound.close()


# --- silent paths ---

def test_disabled_is_a_silent_no_op_that_still_tracks_names():
    asked: list[tuple[str, str]] = []
    sound = Audio(lambda kind, name: asked.append((kind, name)) or find(kind, name), enabled=False)
    assert sound.available is False
    sound.music("vineyard_waltz")
    sound.ambience("evening_crickets")
    sound.sound("knock")
    sound.set_volumes(music=0.1, ambience=0.2, sound=0.3)
    sound.pause()
    sound.resume()
    assert sound.now_playing == {"music": "vineyard_waltz", "ambience": "evening_crickets"}
    sound.music(None)
    assert sound.now_playing == {"music": None, "ambience": "evening_crickets"}
    sound.stop()
    assert sound.now_playing == {"music": None, "ambience": None}
    sound.close()
    assert asked == []  # not even a file look-up
    assert pygame.mixer.get_init() is None  # the mixer was never touched


def test_volumes_default_and_clamp():
    assert Audio(find, enabled=False).volumes == {"music": 0.7, "ambience": 0.6, "sound": 0.8}
    sound = Audio(find, {"music": 2.0, "sound": -1.0}, enabled=False)
    assert sound.volumes == {"music": 1.0, "ambience": 0.6, "sound": 0.0}
    sound.set_volumes(ambience=0.25)
    assert sound.volumes == {"music": 1.0, "ambience": 0.25, "sound": 0.0}


def test_no_audio_device_plays_silently_and_says_so_once(monkeypatch, caplog):
    def no_device(*args, **kwargs):
        raise pygame.error("Couldn't open audio device")
    monkeypatch.setattr(pygame.mixer, "init", no_device)
    caplog.set_level(logging.INFO, logger=audio_module.__name__)
    sound = Audio(find)
    assert sound.available is False
    sound.music("vineyard_waltz")
    sound.ambience("evening_crickets")
    sound.sound("knock")
    sound.set_volumes(music=0.5)
    sound.pause()
    sound.resume()
    sound.stop(0)
    sound.music("vineyard_waltz")
    sound.close()
    assert sound.now_playing == {"music": "vineyard_waltz", "ambience": None}
    notes = [m for m in warnings(caplog) if "no audio device: playing silently" in m]
    assert len(notes) == 1


# --- with a mixer (dummy driver) ---

def test_music_plays_on_a_reserved_channel(audio):
    audio.music("vineyard_waltz")
    assert busy(MUSIC_CHANNELS).count(True) == 1
    assert busy(AMBIENCE_CHANNELS) == [False, False]
    assert audio.now_playing == {"music": "vineyard_waltz", "ambience": None}


def test_second_track_crossfades_on_the_other_channel(audio):
    audio.music("vineyard_waltz", fade_ms=LONG)
    first = busy(MUSIC_CHANNELS).index(True)
    old_sound = pygame.mixer.Channel(MUSIC_CHANNELS[first]).get_sound()
    audio.music("crickets_as_music", fade_ms=LONG)
    assert busy(MUSIC_CHANNELS) == [True, True]  # a real overlap: the old one is still fading out
    new_channel = pygame.mixer.Channel(MUSIC_CHANNELS[1 - first])
    assert new_channel.get_sound() is not None and new_channel.get_sound() is not old_sound
    assert audio.now_playing["music"] == "crickets_as_music"


def test_same_track_twice_does_not_restart(audio):
    audio.music("vineyard_waltz")
    playing = busy(MUSIC_CHANNELS)
    sound_before = [c.get_sound() for c in channels(MUSIC_CHANNELS)]
    audio.music("vineyard_waltz")
    assert busy(MUSIC_CHANNELS) == playing
    assert [c.get_sound() for c in channels(MUSIC_CHANNELS)] == sound_before


def test_music_none_fades_out(audio):
    audio.music("vineyard_waltz")
    audio.music(None, fade_ms=LONG)
    assert audio.now_playing["music"] is None
    assert busy(MUSIC_CHANNELS).count(True) == 1  # fading, not cut
    audio.music("vineyard_waltz")
    audio.music(None, fade_ms=0)
    assert busy(MUSIC_CHANNELS) == [False, False]


def test_ambience_has_its_own_channels(audio):
    audio.music("vineyard_waltz")
    audio.ambience("evening_crickets")
    assert busy(MUSIC_CHANNELS).count(True) == 1
    assert busy(AMBIENCE_CHANNELS).count(True) == 1
    audio.ambience(None, fade_ms=0)
    assert busy(AMBIENCE_CHANNELS) == [False, False]
    assert busy(MUSIC_CHANNELS).count(True) == 1
    assert audio.now_playing == {"music": "vineyard_waltz", "ambience": None}


def test_effects_use_only_unreserved_channels(audio):
    audio.sound("knock")
    audio.sound("knock")  # overlapping one-shots are fine
    assert busy(tuple(range(RESERVED))) == [False] * RESERVED
    assert busy(tuple(range(RESERVED, pygame.mixer.get_num_channels()))).count(True) == 2


def test_set_volumes_applies_to_what_is_playing(audio):
    audio.music("vineyard_waltz")
    audio.ambience("evening_crickets")
    music = next(c for c in channels(MUSIC_CHANNELS) if c.get_busy())
    ambience = next(c for c in channels(AMBIENCE_CHANNELS) if c.get_busy())
    assert music.get_sound().get_volume() == pytest.approx(0.7, abs=1 / 128)
    assert ambience.get_sound().get_volume() == pytest.approx(0.6, abs=1 / 128)
    audio.set_volumes(music=0.25, ambience=0.5, sound=0.125)
    assert music.get_sound().get_volume() == pytest.approx(0.25, abs=1 / 128)
    assert ambience.get_sound().get_volume() == pytest.approx(0.5, abs=1 / 128)
    audio.sound("knock")
    effect = next(c for c in channels(tuple(range(RESERVED, pygame.mixer.get_num_channels()))) if c.get_busy())
    assert effect.get_sound().get_volume() == pytest.approx(0.125, abs=1 / 128)
    audio.set_volumes(music=0.0)
    assert music.get_sound().get_volume() == 0.0
    assert audio.volumes == {"music": 0.0, "ambience": 0.5, "sound": 0.125}


def test_missing_files_are_skipped_and_logged_once(audio, caplog):
    caplog.set_level(logging.WARNING, logger=audio_module.__name__)
    audio.music("vineyard_waltz", fade_ms=LONG)
    audio.music("no_such_track", fade_ms=0)
    assert audio.now_playing["music"] == "no_such_track"  # what the scene asked for, as saves should record
    assert busy(MUSIC_CHANNELS) == [False, False]  # the old track did not carry on under a new scene
    audio.sound("no_such_sound")
    audio.sound("no_such_sound")
    audio.ambience("no_such_loop")
    messages = warnings(caplog)
    assert sum("no_such_track" in m for m in messages) == 1
    assert sum("no_such_sound" in m for m in messages) == 1
    assert sum("no_such_loop" in m for m in messages) == 1


def test_unloadable_file_is_skipped_and_logged(tmp_path, caplog):
    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"RIFF not really a wave file")
    sound = Audio(lambda kind, name: broken)
    if not sound.available:
        pytest.skip("the dummy audio driver gave no mixer on this machine")
    caplog.set_level(logging.WARNING, logger=audio_module.__name__)
    sound.music("broken")
    sound.sound("broken")
    sound.sound("broken")
    assert busy(tuple(range(pygame.mixer.get_num_channels()))).count(True) == 0
    assert sum("cannot load" in m for m in warnings(caplog)) == 2  # once for music, once for the effect
    sound.close()


def test_stop_fades_everything_and_forgets_names(audio):
    audio.music("vineyard_waltz")
    audio.ambience("evening_crickets")
    audio.sound("knock")
    audio.stop(fade_ms=LONG)
    assert audio.now_playing == {"music": None, "ambience": None}
    assert pygame.mixer.get_busy()  # still fading: stop() never waits
    audio.music("vineyard_waltz")
    audio.stop(fade_ms=0)
    assert not pygame.mixer.get_busy()


def test_pause_and_resume(audio):
    audio.music("vineyard_waltz")
    audio.pause()
    audio.ambience("evening_crickets")  # started while paused: it waits with the rest
    audio.sound("knock")  # effects are dropped while paused
    assert busy(tuple(range(RESERVED, pygame.mixer.get_num_channels()))).count(True) == 0
    audio.resume()
    assert busy(MUSIC_CHANNELS).count(True) == 1
    assert busy(AMBIENCE_CHANNELS).count(True) == 1


def test_a_mixer_opened_elsewhere_is_used_and_left_open():
    try:
        pygame.mixer.init()
    except pygame.error:
        pytest.skip("the dummy audio driver gave no mixer on this machine")
    sound = Audio(find)
    assert sound.available
    sound.music("vineyard_waltz")
    assert busy(MUSIC_CHANNELS).count(True) == 1
    sound.close()
    assert sound.available is False
    assert pygame.mixer.get_init() is not None
    sound.music("crickets_as_music")  # after close: a silent no-op
    assert sound.now_playing["music"] == "crickets_as_music"


def test_close_releases_a_mixer_it_opened(audio):
    audio.music("vineyard_waltz")
    audio.close()
    audio.close()  # twice is harmless
    assert pygame.mixer.get_init() is None
