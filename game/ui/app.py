"""The application: one window, one main loop that owns the events and the clock, and the screen stack."""
from __future__ import annotations

import gc
import json
import logging
import os
import signal
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional

import pygame

from ..paths import config_dir, data_dir, story_data_dir
from ..i18n.catalog import SOURCE_LANGUAGE, interface_texts, languages, story_texts, system_language
from ..slots import SaveSlots
from ..story import Story, default_root
from ..story.translated import translated
from . import screens
from ..playerfiles import sweep_temporary
from .memory import bound_heap
from .prefs import Records, SeenLines, Settings, player_notes
from .screen import Push, Quit, Screen, StackPainter, apply
from .theme import CANVAS, DIM_OVERLAY
from .clipboard import ClipboardVoicing
from .gamepad import Gamepads
from .voice import Espeak, Speech, Voicing
from .widgets import UI_FOCUS, UI_SOUND
from .window import Window
from .words import Words

if TYPE_CHECKING:
    from ..story.runner import Runner

log = logging.getLogger(__name__)

BUSY_FPS = 60          # while something moves: a transition, text being revealed
IDLE_SLEEP = 1 / 30    # while nothing moves: poll events this often, draw nothing
LOADED = pygame.event.custom_type()   # posted by the prefetch worker when a load is done


def _post_loaded() -> None:
    """On the worker: wake the main loop's next poll to adopt what was loaded."""
    try:
        pygame.event.post(pygame.event.Event(LOADED))
    except pygame.error:   # the window is closing: nothing left to adopt it
        pass


class App:
    """What every screen may reach: the story, the canvas, settings, records, images, sound."""

    def __init__(self, story: Story, settings: Settings | None = None, records: Records | None = None,
                 headless: bool = False, audio: bool = True, speech: Speech | None = None):
        self.story = story           # as the player's language shows it (set_language)
        self.source_story = story    # as its author wrote it: what saves, records and reloads go by
        self.settings = settings or Settings.load()
        # Each story keeps its own saves, records and seen lines: a story pack never sees another's.
        own = Path(story.root).resolve() == default_root().resolve()
        self.folder = story_data_dir(story.title, story.root, default_root())
        self.records = records or Records.load(self.folder / "records.json",
                                               legacy=data_dir() / "records.json" if own else None)
        self.seen = SeenLines.load(self.folder / "seen.json") if records is None else SeenLines()
        self.slots = SaveSlots(self.folder / "saves", story)
        if not headless:  # what writes killed half-way left behind (the files themselves are whole)
            sweep_temporary(config_dir(), self.folder, self.folder / "saves")
        self.headless = headless
        self.autosaves = not headless  # a window autosaves; a headless app (shot, tests) only when asked
        pygame.display.init()
        pygame.font.init()
        self.window = self._open_window()
        self._dim: Optional[pygame.Surface] = None
        self.painter = StackPainter(lambda: self.dim)
        from .assets import AssetCache  # after the display exists: images are converted for it
        from .audio import Audio
        from .prefetch import Prefetcher
        # In a window, what the story needs next is loaded on a worker while the player reads; headless, only
        # when asked (prefetch.run_pending()), so tests say when the player had time.
        self.prefetch = Prefetcher(threaded=not headless, on_done=_post_loaded)
        self.assets = AssetCache(story, self.prefetch)
        # Opening the mixer can take 0.1 s: a silent stand-in keeps track of what should play until the
        # first frame is on screen, then the real mixer takes over (start_audio).
        self.audio = Audio(self.find_sound, self.volumes(), enabled=False, prefetch=self.prefetch)
        self.wants_audio = audio and not headless
        self.stack: list[Screen] = []
        self.clock = pygame.time.Clock()
        self.frames = 0  # frames drawn: the tests and the benchmark read it
        self.toast: Optional[Callable[[str], None]] = None
        self.terminated = False  # SIGTERM arrived: keep the player's place and leave at once
        # UTSS_TRACE=FILE: one JSON line per line, menu and screen shown, for real-window tests and bug reports
        self.trace_path = os.environ.get("UTSS_TRACE") or None
        self._top: Optional[Screen] = None
        self.voice = Voicing(self.settings, speech if speech is not None else Espeak.find())   # V
        self.clipboard = ClipboardVoicing(self.settings)                                        # Shift+C
        # A pad's buttons and stick arrive as the keys they stand for; a window reads pads from its first frame on.
        self.pads = Gamepads(start=headless)
        self.language = SOURCE_LANGUAGE
        self.words = Words()
        self._texts: dict = {}
        # the language the player chose in Settings; until they choose one, the system's where the story has it
        self.set_language(self.settings.language or system_language(self.languages()))

    @property
    def dim(self) -> pygame.Surface:
        """The veil over the screens beneath an overlay; made the first time one opens (a canvas of alpha, 2 ms:
        the title's first frame has none)."""
        if self._dim is None:
            self._dim = pygame.Surface(CANVAS, pygame.SRCALPHA)
            self._dim.fill(DIM_OVERLAY)
        return self._dim

    @property
    def canvas(self) -> pygame.Surface:
        """Where the screens draw: 1280x720, whatever the window's size (window.py)."""
        return self.window.canvas

    def trace(self, **what) -> None:
        if self.trace_path is None:
            return
        try:
            with open(self.trace_path, "a", encoding="utf-8") as out:
                out.write(json.dumps(what, ensure_ascii=False) + "\n")
        except OSError as exc:
            log.warning("cannot write the trace %s: %s", self.trace_path, exc.strerror)
            self.trace_path = None

    def make(self, name: str, *args, **kwargs) -> Screen:
        """A screen by name (screens/__init__.py lists them): screens never import one another."""
        return screens.make(self, name, *args, **kwargs)

    def start_route(self, route: str) -> Runner:
        """A new playthrough of a route; its ended() conditions read each route's latest ending in the records."""
        from ..story.runner import Runner   # here: the title's first frame needs no runner
        story = self.story
        return Runner.new(story, route, self.records.ended({e.id: e.route for e in story.endings.values()}))

    def find_sound(self, kind: str, name: str) -> Optional[Path]:
        """A sound's file in the story as it stands (a reload replaces the asset cache, not the mixer)."""
        return self.assets.find_sound(kind, name)

    def swap_story(self, story: Story) -> None:
        """Play on with `story`, the same folder read again (Shift+R): its pictures and sounds are looked up
        afresh; saves, records and seen lines stay where they are."""
        from .assets import AssetCache
        self.source_story = story
        self.story = translated(story, self._texts)
        self.assets = AssetCache(story, self.prefetch)
        self.slots.story = story

    def languages(self) -> list[str]:
        """The source language, then those the story's translations/ folder has."""
        return languages(self.source_story.root)

    def set_language(self, lang: str) -> None:
        """Show the story and the interface in `lang` (a language the story lacks: its source language). A play
        screen shows its moment again in the new words when it is next on top (PlayScreen.on_enter)."""
        lang = lang if lang in self.languages() else SOURCE_LANGUAGE
        root = self.source_story.root
        self.language = lang
        self._texts = story_texts(root, lang)
        self.story = translated(self.source_story, self._texts)
        self.words = Words(interface_texts(lang, root, default_root()))
        pygame.display.set_caption(self.story.title)   # the window's title bar and task bar, in the same words
        self.voice.set_language(self.words, lang)
        self.clipboard.words = self.words

    def volumes(self) -> dict[str, float]:
        s = self.settings
        return {"music": s.music_volume, "ambience": s.ambience_volume, "sound": s.sound_volume}

    def prepare(self, needs) -> None:
        """Load ahead what the story says comes next (game.story.lookahead.upcoming), nearest first."""
        needs = list(needs)
        jobs = self.assets.jobs(needs) + self.audio.jobs(needs)
        self.assets.let_go_behind()
        self.prefetch.want(jobs)

    def audible(self) -> bool:
        """Some volume is above 0: with all three at 0 the mixer is not opened (its thread mixes silence)."""
        return any(level > 0 for level in self.volumes().values())

    def volumes_changed(self) -> None:
        """The player changed a volume (Settings): what plays follows, and a mixer left shut opens if needed."""
        self.audio.set_volumes(**self.volumes())
        if self.wants_audio and self.frames and self.audible():
            self.start_audio()

    def start_audio(self) -> None:
        """Open the mixer and start what the silent stand-in was asked to play."""
        from .audio import Audio
        playing = self.audio.now_playing
        self.audio = Audio(self.find_sound, self.volumes(), prefetch=self.prefetch)
        self.wants_audio = False
        self.audio.music(playing.get("music"), fade_ms=800)
        self.audio.ambience(playing.get("ambience"), fade_ms=800)

    def _open_window(self) -> Window:
        pygame.display.set_caption(self.source_story.title)   # then in the player's language (set_language)
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
        if event.type == LOADED:   # the worker finished a load: the step this brings adopts it
            return False
        self.prefetch.frame(True)   # no new load starts until step() has this frame on screen
        pad = self.pads.translate(event)
        if pad is not None:
            return any([self.handle(key) for key in pad])
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
        if event.type == UI_FOCUS:
            self.voice.focused(event.words)
            return False
        if event.type == pygame.KEYDOWN and self.voicing_key(event):
            return True
        if not stack:
            return False
        changed = apply(stack, stack[-1].handle_event(event))
        return changed or event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP,
                                         pygame.MOUSEMOTION, pygame.MOUSEWHEEL, pygame.KEYUP)

    def voicing_key(self, event: pygame.event.Event) -> bool:
        """V turns self-voicing on or off, Shift+C clipboard voicing, on every screen; True if it was one."""
        mods = event.mod & (pygame.KMOD_SHIFT | pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META)
        if event.key == pygame.K_v and not mods:
            note = self.voice.toggle()
            self.note(note, must=note is not None and not self.voice.speech.available)
            return True
        if event.key == pygame.K_c and mods == mods & pygame.KMOD_SHIFT and mods:
            note = self.clipboard.toggle()
            self.note(note, must=self.clipboard.broken)
            return True
        return False

    def said(self, speaker: Optional[str], words: str) -> None:
        """A line is shown: voice it, copy it, as the player asked."""
        self.voice.line(speaker, words)
        self.note(self.clipboard.line(speaker, words), must=True)

    def note(self, words: Optional[str], must: bool = False) -> None:
        """Tell the player something short: in the top screen's own notes, or (must) in a notice over it."""
        if not words or not self.stack:
            return
        if not self.stack[-1].tell(words) and must:
            apply(self.stack, Push(self.make("notice", "Voicing", words, button="OK")))

    def step(self, dt: float, force: bool = False) -> bool:
        """Update the top screen and draw if anything changed; True if a frame was drawn."""
        try:
            return self._step(dt, force)
        finally:
            self.prefetch.frame(False)   # on screen: the worker may start what the frame's events wished for

    def _step(self, dt: float, force: bool) -> bool:
        if not self.stack:
            return False
        if self.pads.holding:   # a stick held on a direction repeats it
            for key in self.pads.tick(dt):
                force = self.handle(key) or force
            if not self.stack:
                return False
        self.prefetch.deliver()
        top = self.stack[-1]
        if top is not self._top:
            self._top = top
            self.trace(screen=type(top).__name__)
        moved = top.update(dt)
        self.prefetch.hold(self.busy())
        if not (moved or force):
            return False
        rects = None if force else top.dirty_rects()
        if rects is not None and not rects:
            return False
        self.painter.paint(self.stack, self.canvas, rects, fresh=force)
        self.window.present(rects)
        self.frames += 1
        return True

    def on_close(self):
        """The window's close button: keep the player's place (an autosave) and quit, without a dialog."""
        self.suspend()
        return Quit()

    def suspend(self) -> None:
        """The game is about to close: each screen keeps what must be kept (the play screen autosaves)."""
        for screen in list(self.stack):
            try:
                screen.suspend()
            except Exception:  # noqa: BLE001 - closing must never fail; the autosave is a courtesy
                log.exception("could not keep the place while closing")
        self.seen.save()
        self.slots.settle()   # the autosave just asked for is on disk before the game goes

    def tell_player(self) -> None:
        """Say, in the window, anything that happened to the player's files (a damaged one set aside, ...)."""
        notes = player_notes(self.settings, self.records, self.seen, say=self.words)
        if notes and self.stack:
            apply(self.stack, Push(self.make("notice", self.words("saves.about_data"), " ".join(notes),
                                                   button=self.words("notice.ok"))))

    def _on_sigterm(self, signum, frame) -> None:
        self.terminated = True

    def busy(self) -> bool:
        return bool(self.stack) and getattr(self.stack[-1], "busy", False)

    def run(self, first: Screen) -> int:
        """The main loop: the only place that reads pygame's events."""
        self.stack = [first]
        first.on_enter()
        self.tell_player()
        dirty, busy, holding = True, False, False
        last = wake = time.perf_counter()
        try:
            previous = signal.signal(signal.SIGTERM, self._on_sigterm)
        except ValueError:  # not the main thread (a test may run the loop elsewhere)
            previous = None
        while self.stack:
            if self.terminated:  # logout or shutdown: autosave and leave within the next loop
                self.suspend()
                apply(self.stack, Quit())
                break
            events = pygame.event.get()
            for event in events:
                dirty |= self.handle(event)
                if not self.stack:
                    break
            if not self.stack:
                break
            if events:   # a stick held on a direction repeats it at each step, so steps go on while it is
                holding = self.pads.holding
            now = time.perf_counter()
            # Stepped when an event came (a finished load on the worker posts one: LOADED), when the screen is due
            # to change, or while a stick is held; otherwise the loop only polls and sleeps, as a bare one does.
            if events or dirty or now >= wake or holding:
                # A still screen is not stepped until it is due to change (Screen.still_for): then it is handed
                # all the time gone by at once, at most as much as it said (a stall is cut short, as before).
                dt, last = min(now - last, max(0.1, wake - last)), now
                if self.step(dt, force=dirty) and self.frames == 1:
                    if not gc.isenabled():   # paused for the start (game/entry.py): what the start made is
                        gc.freeze()          # kept to the end, so later collections leave it out
                        gc.enable()
                    if os.environ.get("UTSS_EXIT_AFTER_FIRST_FRAME"):
                        break  # for the start-up benchmark: launch to the first frame on screen
                    self.pads.start()
                    bound_heap()  # from here on, a freed picture goes back to the system at once (memory.py)
                    if self.wants_audio and self.audible():
                        self.start_audio()
                wake = now + (self.stack[-1].still_for() if self.stack else 0.0)
                busy = self.busy()   # a screen not stepped is still, so not busy
            dirty = False
            if busy:
                self.clock.tick(BUSY_FPS)
            else:
                time.sleep(IDLE_SLEEP)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        self.close()
        return 0

    def close(self) -> None:
        self.slots.settle()
        self.prefetch.close()
        self.seen.save()
        self.settings.save()
        self.voice.close()
        self.audio.close()
        pygame.display.quit()
