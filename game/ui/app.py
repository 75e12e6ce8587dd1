"""The application: one window, one main loop that owns the events and the clock, and the screen stack."""
from __future__ import annotations

import logging
import os
import time
from datetime import datetime
from pathlib import Path
from typing import Callable, Optional

import pygame

from ..paths import data_dir
from ..story import Story
from .prefs import Records, Settings
from .screen import Push, Quit, Screen, apply, draw_stack
from .theme import CANVAS, DIM_OVERLAY
from .widgets import UI_SOUND
from .window import Window

log = logging.getLogger(__name__)

TITLE = "Under the Same Stars"
BUSY_FPS = 60          # while something moves: a transition, text being revealed
IDLE_SLEEP = 1 / 30    # while nothing moves: poll events this often, draw nothing


class App:
    """What every screen may reach: the story, the canvas, settings, records, images, sound."""

    def __init__(self, story: Story, settings: Settings | None = None, records: Records | None = None,
                 headless: bool = False, audio: bool = True):
        self.story = story
        self.settings = settings or Settings.load()
        self.records = records or Records.load()
        self.headless = headless
        pygame.display.init()
        pygame.font.init()
        self.window = self._open_window()
        self.canvas = self.window.canvas  # 1280x720, whatever the window's size (window.py)
        self.dim = pygame.Surface(CANVAS, pygame.SRCALPHA)
        self.dim.fill(DIM_OVERLAY)
        from .assets import AssetCache  # after the display exists: images are converted for it
        from .audio import Audio
        self.assets = AssetCache(story)
        # Opening the mixer can take 0.1 s: a silent stand-in keeps track of what should play until the
        # first frame is on screen, then the real mixer takes over (start_audio).
        self.audio = Audio(self.assets.find_sound, self.volumes(), enabled=False)
        self.wants_audio = audio and not headless
        self.stack: list[Screen] = []
        self.clock = pygame.time.Clock()
        self.frames = 0  # frames drawn: the tests and the benchmark read it
        self.toast: Optional[Callable[[str], None]] = None

    def volumes(self) -> dict[str, float]:
        s = self.settings
        return {"music": s.music_volume, "ambience": s.ambience_volume, "sound": s.sound_volume}

    def start_audio(self) -> None:
        """Open the mixer and start what the silent stand-in was asked to play."""
        from .audio import Audio
        playing = self.audio.now_playing
        self.audio = Audio(self.assets.find_sound, self.volumes())
        self.wants_audio = False
        self.audio.music(playing.get("music"), fade_ms=800)
        self.audio.ambience(playing.get("ambience"), fade_ms=800)

    def _open_window(self) -> Window:
        pygame.display.set_caption(TITLE)
        icon = Path(self.story.root) / "assets" / "ui" / "icon.png"
        if icon.is_file():
            try:
                pygame.display.set_icon(pygame.image.load(str(icon)))
            except pygame.error as exc:
                log.warning("cannot load the window icon %s: %s", icon, exc)
        return Window(self.settings.fullscreen, self.headless)

    def toggle_fullscreen(self) -> None:
        if self.headless:
            return
        self.window.toggle_fullscreen()
        self.settings.fullscreen = not self.settings.fullscreen
        self.settings.save()

    def screenshot(self) -> Path:
        """Save what the player sees now; returns the file."""
        folder = data_dir() / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"shot-{datetime.now():%Y%m%d-%H%M%S-%f}.png"
        pygame.image.save(self.canvas, str(path))
        return path

    # --- the loop ---
    def handle(self, event: pygame.event.Event) -> bool:
        """Pass one event to the top screen (or handle it for the window); True if it changed anything."""
        event = self.window.to_canvas(event)
        stack = self.stack
        if event.type == pygame.QUIT:
            return apply(stack, self.on_close())
        if event.type == pygame.KEYDOWN and (event.key == pygame.K_F11 or
                                             (event.key == pygame.K_RETURN and event.mod & pygame.KMOD_ALT)):
            self.toggle_fullscreen()
            return True
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED,
                          pygame.WINDOWRESTORED, pygame.WINDOWMAXIMIZED, pygame.VIDEOEXPOSE):
            return True
        if event.type == UI_SOUND:
            self.audio.sound(event.name)
            return False
        if not stack:
            return False
        changed = apply(stack, stack[-1].handle_event(event))
        return changed or event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP,
                                         pygame.MOUSEMOTION, pygame.MOUSEWHEEL, pygame.KEYUP)

    def step(self, dt: float, force: bool = False) -> bool:
        """Update the top screen and draw if anything changed; True if a frame was drawn."""
        if not self.stack:
            return False
        top = self.stack[-1]
        moved = top.update(dt)
        if not (moved or force):
            return False
        rects = None if force else top.dirty_rects()
        if rects is not None and not rects:
            return False
        if rects is None:
            draw_stack(self.stack, self.canvas, self.dim)
        else:
            for rect in rects:
                self.canvas.set_clip(rect)
                draw_stack(self.stack, self.canvas, self.dim)
            self.canvas.set_clip(None)
        self.window.present(rects)
        self.frames += 1
        return True

    def on_close(self):
        """The window's close button: during play, ask first (progress would be lost); otherwise quit."""
        from .screens.menus import Confirm
        from .screens.play import PlayScreen
        if any(isinstance(s, PlayScreen) for s in self.stack) and not isinstance(self.stack[-1], Confirm):
            return Push(Confirm(self, "Quit the game?", "Your progress since the start of this story is lost.",
                                lambda: Quit()))
        return Quit()

    def busy(self) -> bool:
        return bool(self.stack) and getattr(self.stack[-1], "busy", False)

    def run(self, first: Screen) -> int:
        """The main loop: the only place that reads pygame's events."""
        self.stack = [first]
        first.on_enter()
        dirty = True
        last = time.perf_counter()
        while self.stack:
            for event in pygame.event.get():
                dirty |= self.handle(event)
                if not self.stack:
                    break
            if not self.stack:
                break
            now = time.perf_counter()
            dt, last = min(now - last, 0.1), now
            if self.step(dt, force=dirty) and self.frames == 1:
                if os.environ.get("UTSS_EXIT_AFTER_FIRST_FRAME"):
                    break  # for the start-up benchmark: launch to the first frame on screen
                if self.wants_audio:
                    self.start_audio()
            dirty = False
            if self.busy():
                self.clock.tick(BUSY_FPS)
            else:
                time.sleep(IDLE_SLEEP)
        self.close()
        return 0

    def close(self) -> None:
        self.settings.save()
        self.audio.close()
        pygame.display.quit()
