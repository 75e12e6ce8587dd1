"""Music, ambience loops and sound effects on pygame's mixer, crossfaded, and silent when there is no audio device."""
from __future__ import annotations

import logging
import pathlib
from typing import TYPE_CHECKING, Callable, Iterable, Mapping

import pygame

from .lru import SizedLRU
from .prefetch import Job, Prefetcher

if TYPE_CHECKING:   # the story's needs are asked for after the title's first frame
    from ..story.lookahead import Need

log = logging.getLogger(__name__)

MUSIC_CHANNELS = (0, 1)       # two each, so a crossfade is a real overlap
AMBIENCE_CHANNELS = (2, 3)
RESERVED = 4                  # channels 0..3 are never picked for effects
EFFECT_CHANNELS = 8           # at least this many more for one-shot effects
DEFAULT_VOLUMES = {"music": 0.7, "ambience": 0.6, "sound": 0.8}
LEVEL_OF_KIND = {"music": "music", "ambience": "ambience", "sounds": "sound"}  # folder -> volume key
# The game's sounds are made at 22,050 Hz (tools/audio_common.py), so the mixer runs at that rate: a sound is
# loaded as it is stored, with no resampling (which took 33 ms a track at 44.1 kHz) and at half the memory.
# A buffer of 512 frames is 23 ms, the latency a 1024-frame buffer has at 44.1 kHz.
MIXER_SETTINGS = (22050, -16, 2, 512)   # frequency, signed 16-bit, stereo, buffer
SOUND_BUDGET = 8 << 20    # bytes of samples kept: the track playing and the next (30 s at 22,050 Hz stereo,
                          # 2.6 MB each), the ambience playing and the next, a few effects
AHEAD = {"music": 2, "ambience": 2, "sound": 3}   # prepared ahead, nearest first

def _clamp(value: float) -> float:
    return min(1.0, max(0.0, float(value)))


def _fade_out(channel: pygame.mixer.Channel, fade_ms: int) -> None:
    """Fade a channel out (or stop it when fade_ms <= 0) without waiting."""
    if not channel.get_busy():
        return
    if fade_ms <= 0:
        channel.stop()
        return
    # SDL_mixer ignores a fade-out on a channel whose volume is 0, which is where a fade-in starts:
    # lift it to the smallest step so a track started a moment ago still fades out.
    channel.set_volume(max(channel.get_volume(), 1 / 128))
    channel.fadeout(fade_ms)


class _Loop:
    """A looping track on a pair of channels: the new one fades in while the old one fades out."""

    def __init__(self, channels: tuple[int, int]):
        self.channels = tuple(pygame.mixer.Channel(i) for i in channels)
        self.active = 0

    def switch(self, sound: pygame.mixer.Sound | None, fade_ms: int, paused: bool) -> None:
        self.stop(fade_ms)  # both channels: a tail left by an earlier switch goes too
        if sound is None:
            return
        self.active = 1 - self.active
        channel = self.channels[self.active]
        # The channel volume is only the fade envelope (the level lives on the Sound); a fade-in
        # rises to whatever the channel volume is when it starts, so reset it first.
        channel.stop()
        channel.set_volume(1.0)
        channel.play(sound, loops=-1, fade_ms=max(0, fade_ms))
        if paused:
            channel.pause()

    def stop(self, fade_ms: int) -> None:
        for channel in self.channels:
            _fade_out(channel, fade_ms)


class Audio:
    """The game's sound: one music track, one ambience loop, and effects, each at its own volume."""

    def __init__(self, find: Callable[[str, str], pathlib.Path | None],
                 volumes: Mapping[str, float] | None = None, enabled: bool = True,
                 prefetch: Prefetcher | None = None):
        self._find = find
        self._volumes = dict(DEFAULT_VOLUMES)
        for key, value in (volumes or {}).items():
            if key in self._volumes:
                self._volumes[key] = _clamp(value)
        self._now: dict[str, str | None] = {"music": None, "ambience": None}
        self._sounds: SizedLRU[tuple[str, str], pygame.mixer.Sound] = SizedLRU(SOUND_BUDGET, _sound_bytes)
        self._missing: set[tuple[str, str]] = set()   # missing or unreadable: warned about once
        self.decoded = {"ahead": 0, "on demand": 0}
        self._paused = False
        self._prefetch = prefetch
        self._soon: set[tuple[str, str]] = set()   # what the story asks for next: not pushed out by the rest
        self._owns_mixer = False
        self.available = enabled and self._open_mixer()
        if self.available:
            self._music = _Loop(MUSIC_CHANNELS)
            self._ambience = _Loop(AMBIENCE_CHANNELS)

    def _open_mixer(self) -> bool:
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.pre_init(*MIXER_SETTINGS)
                pygame.mixer.init(*MIXER_SETTINGS)
                self._owns_mixer = True
            if pygame.mixer.get_num_channels() < RESERVED + EFFECT_CHANNELS:
                pygame.mixer.set_num_channels(RESERVED + EFFECT_CHANNELS)
            pygame.mixer.set_reserved(RESERVED)
        except (pygame.error, NotImplementedError) as exc:
            log.warning("no audio device: playing silently (%s)", exc)
            return False
        return True

    # --- what other code calls ---
    @property
    def now_playing(self) -> dict[str, str | None]:
        """What is playing, or would be when silent: {"music": name|None, "ambience": name|None}."""
        return dict(self._now)

    @property
    def volumes(self) -> dict[str, float]:
        return dict(self._volumes)

    def music(self, name: str | None, fade_ms: int = 1500) -> None:
        """Crossfade to a looping track; None fades out; the track already playing is left alone."""
        self._switch("music", name, fade_ms)

    def ambience(self, name: str | None, fade_ms: int = 1500) -> None:
        """Crossfade to an ambience loop, on channels of its own; None fades out."""
        self._switch("ambience", name, fade_ms)

    def sound(self, name: str) -> None:
        """Play a one-shot effect on a free effect channel; skipped when all are busy."""
        if not self.available or self._paused:
            return
        sound = self._load("sounds", name)
        if sound is None:
            return
        channel = sound.play()  # picks only unreserved channels
        if channel is not None:
            channel.set_volume(1.0)

    def set_volumes(self, music: float | None = None, ambience: float | None = None,
                    sound: float | None = None) -> None:
        """Change levels (0..1); what is playing changes at once."""
        for key, value in (("music", music), ("ambience", ambience), ("sound", sound)):
            if value is not None:
                self._volumes[key] = _clamp(value)
        for key in self._sounds:
            loaded = self._sounds.peek(key)
            if loaded is not None:
                loaded.set_volume(self._volumes[LEVEL_OF_KIND[key[0]]])

    def stop(self, fade_ms: int = 500) -> None:
        """Fade everything out: music, ambience and effects."""
        self._now = {"music": None, "ambience": None}
        if not self.available:
            return
        self._music.stop(fade_ms)
        self._ambience.stop(fade_ms)
        for index in range(RESERVED, pygame.mixer.get_num_channels()):
            _fade_out(pygame.mixer.Channel(index), fade_ms)

    def pause(self) -> None:
        """Hold every channel where it is (e.g. the window was minimised)."""
        if self.available and not self._paused:
            pygame.mixer.pause()
        self._paused = True

    def resume(self) -> None:
        if self.available and self._paused:
            pygame.mixer.unpause()
        self._paused = False

    def close(self) -> None:
        """Stop at once and let go of the mixer (closing it only if this object opened it)."""
        if not self.available:
            return
        self.available = False
        try:
            pygame.mixer.stop()
            pygame.mixer.set_reserved(0)
            if self._owns_mixer:
                pygame.mixer.quit()
        except pygame.error as exc:
            log.info("closing the mixer: %s", exc)
        self._sounds.clear()

    # --- inside ---
    def _switch(self, kind: str, name: str | None, fade_ms: int) -> None:
        if name == self._now[kind]:
            return
        self._now[kind] = name  # the intent, even if the file is missing: saves record what the scene asked for
        if not self.available:
            return
        sound = self._load(kind, name) if name is not None else None
        loop = self._music if kind == "music" else self._ambience
        loop.switch(sound, fade_ms, self._paused)

    def jobs(self, needs: Iterable[Need]) -> list[Job]:
        """Loads for the nearest music, ambience and effects not yet kept (for the prefetcher's worker)."""
        if not self.available:
            return []
        out, counts = [], dict.fromkeys(AHEAD, 0)
        self._soon = set()
        for need in needs:
            if need.kind not in AHEAD or counts[need.kind] >= AHEAD[need.kind]:
                continue
            counts[need.kind] += 1
            kind = "sounds" if need.kind == "sound" else need.kind
            key = (kind, need.name)
            self._soon.add(key)
            path = self._find(kind, need.name)
            if key in self._sounds or key in self._missing or path is None:
                continue
            out.append(Job(("sound",) + key, (lambda p=str(path): pygame.mixer.Sound(p)), self._adopter(key)))
        return out

    def _adopter(self, key: tuple[str, str]) -> Callable[[pygame.mixer.Sound | None], None]:
        def adopt(sound: pygame.mixer.Sound | None) -> None:
            if sound is not None and self.available and key not in self._sounds:
                sound.set_volume(self._volumes[LEVEL_OF_KIND[key[0]]])
                playing = {(kind, name) for kind, name in self._now.items() if name}
                if self._sounds.offer(key, sound, self._soon | playing) is not None:
                    self.decoded["ahead"] += 1
        return adopt

    def _load(self, kind: str, name: str) -> pygame.mixer.Sound | None:
        """A Sound from the cache (prepared ahead, or loaded now); None (logged once) if missing or unreadable."""
        key = (kind, name)
        if key in self._missing:
            return None
        sound = self._sounds.get(key)
        if sound is None and self._prefetch is not None and self._prefetch.finish(("sound",) + key):
            sound = self._sounds.get(key)   # it was being prepared: waited for the rest of it
        if sound is not None:
            return sound
        path = self._find(kind, name)
        if path is None:
            log.warning("%s '%s' not found in assets/%s/: skipped", LEVEL_OF_KIND[kind], name, kind)
            self._missing.add(key)
            return None
        try:
            sound = pygame.mixer.Sound(str(path))
            sound.set_volume(self._volumes[LEVEL_OF_KIND[kind]])
        except (pygame.error, OSError) as exc:
            log.warning("cannot load %s '%s' from %s: %s: skipped", LEVEL_OF_KIND[kind], name, path, exc)
            self._missing.add(key)
            return None
        self.decoded["on demand"] += 1
        self._sounds.put(key, sound)
        return sound


def _sound_bytes(sound: pygame.mixer.Sound) -> int:
    """Bytes of samples, from the length and the mixer's format (get_raw() would copy them all)."""
    frequency, size, channels = pygame.mixer.get_init() or MIXER_SETTINGS[:3]
    return int(sound.get_length() * frequency * channels * (abs(size) // 8))
