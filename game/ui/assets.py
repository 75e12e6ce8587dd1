"""Images, sprites and backgrounds the story names, loaded once and kept; a missing file is drawn around, not fatal."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Mapping

import pygame

from ..story import Story
from .backgrounds import Background, BackgroundError, load_background
from .theme import CANVAS

log = logging.getLogger(__name__)
GAME_ASSETS = Path(__file__).resolve().parents[2] / "assets"


class PlainBackground:
    """A dark, still background used when a picture cannot be loaded."""

    animated = False
    positions: Mapping[str, tuple[int, int]] = {}

    def __init__(self, colour: tuple[int, int, int] = (18, 20, 34), size: tuple[int, int] = CANVAS):
        self.size = size
        self.colour = colour

    def update(self, dt: float) -> list[pygame.Rect]:
        return []

    def draw(self, target: pygame.Surface, rects: list[pygame.Rect] | None = None) -> None:
        for rect in rects or [target.get_rect()]:
            target.fill(self.colour, rect)


class AssetCache:
    def __init__(self, story: Story):
        self.story = story
        self._backgrounds: dict[str, Background] = {}
        self._sprites: dict[tuple[str, str], pygame.Surface | None] = {}
        self._images: dict[str, pygame.Surface | None] = {}

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

    def background(self, name: str | None) -> Background:
        if name is None:
            return PlainBackground()
        if name not in self._backgrounds:
            path = self.path(f"backgrounds/{name}")
            try:
                if path is None:
                    raise BackgroundError(f"background '{name}' is not in assets/backgrounds/")
                self._backgrounds[name] = load_background(path, CANVAS)
            except BackgroundError as exc:
                log.warning("%s", exc)
                self._backgrounds[name] = PlainBackground()
        return self._backgrounds[name]

    def sprite(self, character: str, expression: str | None) -> pygame.Surface | None:
        info = self.story.characters.get(character)
        if info is None or info.sprites is None or not info.expressions:
            return None
        if expression not in info.expressions:
            expression = "neutral" if "neutral" in info.expressions else info.expressions[0]
        key = (character, expression)
        if key not in self._sprites:
            self._sprites[key] = self.image(f"characters/{info.sprites}/{expression}")
        return self._sprites[key]

    def image(self, key: str) -> pygame.Surface | None:
        """A picture from assets by 'kind/name', converted for fast drawing; None if it will not load."""
        if key not in self._images:
            path = self.path(key) or (Path(self.story.root) / "assets" / f"{key}.png")
            try:
                self._images[key] = pygame.image.load(str(path)).convert_alpha()
            except (pygame.error, FileNotFoundError, OSError) as exc:
                log.warning("cannot load %s: %s", path, exc)
                self._images[key] = None
        return self._images[key]
