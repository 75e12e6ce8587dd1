"""Images, sprites and backgrounds the story names: kept in caches bounded in bytes, prepared ahead of the frame
that shows them when the story says they are near (prefetch.py); a missing file is drawn around, not fatal."""
from __future__ import annotations

import logging
import math
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Optional

import pygame

from ..story import Story
from ..paths import cache_dir
from .backgrounds import Background, BackgroundError, MapBackground, PictureBackground, load_background
from .lru import SizedLRU
from .memory import give_back
from .prefetch import Job, Prefetcher
from .stills import read_still, still_file, write_still
from .theme import CANVAS

if TYPE_CHECKING:   # the story's needs are asked for after the title's first frame
    from ..story.lookahead import Need

log = logging.getLogger(__name__)
GAME_ASSETS = Path(__file__).resolve().parents[2] / "assets"
MB = 1 << 20
BACKGROUND_BUDGET = 24 * MB   # the map shown and the next (two of the largest, 12 MB each, fit)
SPRITE_BUDGET = 6 * MB        # five 460x640 sprites: three on stage, the next ones
AHEAD_BACKGROUNDS = 1         # backgrounds prepared ahead of the one shown: the next (a line or menu comes
                              # between two scene changes, and with it the next preparation)
AHEAD_SPRITES = 4             # sprites prepared ahead, if asked for within SPRITE_REACH ops (more would only
SPRITE_REACH = 40             # push each other out of their small cache, to be loaded again)
SHOWN_SPRITES = 3             # sprites on stage at once, kept while shown


def surface_bytes(surface: Optional[pygame.Surface]) -> int:
    return 0 if surface is None else surface.get_pitch() * surface.get_height()


class PlainBackground:
    """A dark, still background used when a picture cannot be loaded."""

    animated = False
    nbytes = 0
    light = None
    positions: Mapping[str, tuple[int, int]] = {}

    def __init__(self, colour: tuple[int, int, int] = (18, 20, 34), size: tuple[int, int] = CANVAS):
        self.size = size
        self.colour = colour

    def update(self, dt: float) -> list[pygame.Rect]:
        return []

    def due_in(self) -> float:
        return math.inf

    def draw(self, target: pygame.Surface, rects: list[pygame.Rect] | None = None) -> None:
        for rect in rects or [target.get_rect()]:
            target.fill(self.colour, rect)


class AssetCache:
    """Backgrounds and sprites by name. `decoded` counts each load by where it happened: 'ahead' (prepared
    while the player read) or 'on demand' (on the frame that needed it); the tests and the benchmark read it."""

    def __init__(self, story: Story, prefetch: Prefetcher | None = None,
                 background_budget: int = BACKGROUND_BUDGET, sprite_budget: int = SPRITE_BUDGET):
        self.story = story
        self.prefetch = prefetch or Prefetcher(threaded=False)
        self._backgrounds: SizedLRU[str, Background] = SizedLRU(background_budget, _background_bytes)
        self._sprites: SizedLRU[tuple[str, str], pygame.Surface] = SizedLRU(sprite_budget, surface_bytes)
        self._images: dict[str, pygame.Surface | None] = {}
        self._thumbs: dict[tuple[Optional[str], tuple[int, int]], pygame.Surface] = {}
        self.failed: dict[str, str] = {}   # backgrounds that failed to draw -> why: warned about once
        self._soon: set = set()            # what the story asks for next: prepared ahead, not pushed out
        self._showing: list = []           # the background and sprites asked for last: on screen now
        self.decoded: Counter[tuple[str, str]] = Counter()
        self.on_demand: list[str] = []    # the backgrounds loaded on the frame that showed them, in order

    def path(self, key: str) -> Path | None:
        found = self.story.assets.get(key)
        return Path(found) if found else None

    def find_sound(self, kind: str, name: str) -> Path | None:
        """The story's own file; else, for the interface's sounds (a story folder need not ship them), the game's."""
        found = self.path(f"{kind}/{name}")
        if found is None and name.startswith("ui_"):
            for ext in (".ogg", ".wav"):
                own = GAME_ASSETS / kind / f"{name}{ext}"
                if own.is_file():
                    return own
        return found

    # --- backgrounds ---
    def background(self, name: str | None) -> Background:
        if name is None or name in self.failed:
            return PlainBackground()
        self._show(("background", name))
        found = self._ready_background(name)
        if found is not None:
            return found
        path = self.path(f"backgrounds/{name}")
        try:
            if path is None:
                raise BackgroundError(f"background '{name}' is not in assets/backgrounds/")
            loaded = load_background(path, CANVAS)
        except BackgroundError as exc:
            log.warning("%s", exc)
            self.failed[name] = str(exc)
            return PlainBackground()
        self.decoded["background", "on demand"] += 1
        self.on_demand.append(name)
        self._keep_background(name, loaded)
        return loaded

    def _show(self, key: tuple) -> None:
        """Note what the screen shows now (the last background, the last few sprites): kept while it shows."""
        if key in self._showing:
            self._showing.remove(key)
        self._showing.append(key)
        backgrounds = [k for k in self._showing if k[0] == "background"]
        sprites = [k for k in self._showing if k[0] == "sprite"]
        self._showing = backgrounds[-1:] + sprites[-SHOWN_SPRITES:]

    def _keep(self, kind: str) -> set:
        return {k[1] for k in self._soon | set(self._showing) if k[0] == kind}

    def first_picture(self, name: str | None) -> Background:
        """What to show at once for a background the title needs before its first frame: the map if it is
        kept; else its first picture from the disk cache (stills.py), the caller asking for the map itself
        with load_ahead() once its first frame is on screen (has_background says when it is there); else the
        map loaded now, its first picture kept for next time."""
        if name is None or name in self.failed or self.has_background(name):
            return self.background(name)
        path = self.path(f"backgrounds/{name}")
        if path is None or path.suffix.lower() != ".tmx":
            return self.background(name)
        where = still_file(cache_dir(), path, CANVAS)
        still = read_still(where, CANVAS)
        if still is None:
            background = self.background(name)   # just loaded, so still at time 0: its first picture
            if isinstance(background, MapBackground):
                write_still(where, background.picture)
            return background
        return PictureBackground(still, CANVAS)

    def load_ahead(self, name: str) -> None:
        """Read this background on the worker, after what is already wished for (first_picture's map)."""
        path = self.path(f"backgrounds/{name}")
        if path is not None and name not in self._backgrounds and name not in self.failed:
            self.prefetch.add([Job(("background", name), _loader(load_background, path, CANVAS, False),
                                   self._adopter_background(name))])

    def has_background(self, name: str) -> bool:
        """Whether the background is ready to show without loading (prepared ahead, or shown lately)."""
        self.prefetch.deliver()
        return name in self._backgrounds

    def _ready_background(self, name: str) -> Background | None:
        self.prefetch.deliver()
        found = self._backgrounds.get(name)
        if found is None and self.prefetch.finish(("background", name)):
            found = self._backgrounds.get(name)   # it was being prepared: waited for the rest of it
        return found

    def _keep_background(self, name: str, background: Background) -> None:
        if self._backgrounds.put(name, background):
            give_back()

    def thumbnail(self, name: str | None, size: tuple[int, int]) -> pygame.Surface:
        """The background drawn small (route cards); made once, without keeping the background itself."""
        key = (name, size)
        if key not in self._thumbs:
            self.prefetch.deliver()
            if key not in self._thumbs:
                kept = name is not None and name in self._backgrounds
                self._thumbs[key] = _thumbnail(self.background(name), size)
                if not kept and name is not None:
                    self._backgrounds.discard(name)
        return self._thumbs[key]

    # --- sprites and pictures ---
    def sprite(self, character: str, expression: str | None) -> pygame.Surface | None:
        key = self._sprite_key(character, expression)
        if key is None:
            return None
        self._show(("sprite", key))
        self.prefetch.deliver()
        found = self._sprites.get(key)
        if found is None and self.prefetch.finish(("sprite", key)):
            found = self._sprites.get(key)
        if found is None:
            found = self.image(self._sprite_file(key), keep=False)
            if found is not None:
                self.decoded["sprite", "on demand"] += 1
                self._sprites.put(key, found)
        return found

    def _sprite_key(self, character: str, expression: str | None) -> tuple[str, str] | None:
        info = self.story.characters.get(character)
        if info is None or info.sprites is None or not info.expressions:
            return None
        if expression not in info.expressions:
            expression = "neutral" if "neutral" in info.expressions else info.expressions[0]
        return character, expression

    def _sprite_file(self, key: tuple[str, str]) -> str:
        return f"characters/{self.story.characters[key[0]].sprites}/{key[1]}"

    def image(self, key: str, keep: bool = True) -> pygame.Surface | None:
        """A picture from assets by 'kind/name', converted for fast drawing; None if it will not load."""
        if key in self._images:
            return self._images[key]
        path = self._image_path(key)
        try:
            picture = pygame.image.load(str(path)).convert_alpha()
        except (pygame.error, FileNotFoundError, OSError) as exc:
            log.warning("cannot load %s: %s", path, exc)
            self._images[key] = None
            return None
        if keep:
            self._images[key] = picture
        return picture

    def _image_path(self, key: str) -> Path:
        return self.path(key) or (Path(self.story.root) / "assets" / f"{key}.png")

    # --- ahead of time ---
    def jobs(self, needs: Iterable[Need]) -> list[Job]:
        """Loads for the nearest backgrounds and sprites not yet kept (the sounds are the audio's)."""
        out: list[Job] = []
        backgrounds = sprites = 0
        self._soon = set()
        for need in needs:
            if need.kind == "background" and backgrounds < AHEAD_BACKGROUNDS:
                backgrounds += 1
                self._soon.add(("background", need.name))
                if need.name not in self._backgrounds and need.name not in self.failed:
                    path = self.path(f"backgrounds/{need.name}")
                    if path is not None:
                        out.append(Job(("background", need.name), _loader(load_background, path, CANVAS, False),
                                       self._adopter_background(need.name)))
            elif need.kind == "sprite" and sprites < AHEAD_SPRITES and need.distance <= SPRITE_REACH:
                key = self._sprite_key(need.name, need.expression)
                if key is not None and ("sprite", key) not in self._soon:
                    sprites += 1
                    self._soon.add(("sprite", key))
                if key is not None and key not in self._sprites:
                    out.append(Job(("sprite", key), _loader(_read_picture, self._image_path(self._sprite_file(key))),
                                   self._adopter_sprite(key)))
        return out

    def let_go_behind(self) -> None:
        """Forget the backgrounds that are neither on screen nor next (after jobs()): the room a load needs
        is free before the worker starts it, so a scene change never holds three maps and a load at once.
        Going back to one (rollback) loads it again."""
        if self._backgrounds.keep_only(self._keep("background")):
            give_back()

    def thumbnail_jobs(self, names: Iterable[Optional[str]], size: tuple[int, int]) -> list[Job]:
        out = []
        for name in names:
            path = self.path(f"backgrounds/{name}") if name else None
            if path is not None and (name, size) not in self._thumbs:
                out.append(Job(("thumbnail", name, size), _loader(_thumbnail_of, path, size),
                               self._adopter_thumbnail((name, size))))
        return out

    def _adopter_background(self, name: str) -> Callable[[Background | None], None]:
        def adopt(background: Background | None) -> None:
            if background is not None and name not in self._backgrounds:
                gone = self._backgrounds.offer(name, background, self._keep("background"))
                if gone is not None:
                    self.decoded["background", "ahead"] += 1
                    if gone:
                        give_back()
        return adopt

    def _adopter_sprite(self, key: tuple[str, str]) -> Callable[[pygame.Surface | None], None]:
        def adopt(picture: pygame.Surface | None) -> None:
            if picture is not None and key not in self._sprites:
                # converted here, on the main thread, to the display's format
                if self._sprites.offer(key, picture.convert_alpha(), self._keep("sprite")) is not None:
                    self.decoded["sprite", "ahead"] += 1
        return adopt

    def _adopter_thumbnail(self, key: tuple[Optional[str], tuple[int, int]]) -> Callable:
        def adopt(picture: pygame.Surface | None) -> None:
            if picture is not None:
                self._thumbs.setdefault(key, picture)
        return adopt

    @property
    def kept_bytes(self) -> dict[str, int]:
        return {"backgrounds": self._backgrounds.total, "sprites": self._sprites.total}


def _loader(function: Callable, *args) -> Callable[[], object]:
    return lambda: function(*args)


def _read_picture(path: Path) -> pygame.Surface:
    return pygame.image.load(str(path))


def _thumbnail(background: Background, size: tuple[int, int]) -> pygame.Surface:
    scene = pygame.Surface(CANVAS)
    background.draw(scene)
    return pygame.transform.smoothscale(scene, size)


def _thumbnail_of(path: Path, size: tuple[int, int]) -> pygame.Surface:
    return _thumbnail(load_background(path, CANVAS, False), size)


def _background_bytes(background: Background) -> int:
    return int(getattr(background, "nbytes", 0))
