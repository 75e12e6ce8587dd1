"""The picture behind the title and the menus reached from it, with a veil so words read on it."""
from __future__ import annotations

import math

import pygame

from ..screen import apart
from ..stage import AmbientClock
from ..theme import CANVAS


def _veil(strength: int) -> pygame.Surface:
    """Darker towards the bottom, where the words are: one fill per run of rows of the same alpha (about 70 of
    them, 2 ms less before the title's first frame than a line per row)."""
    veil = pygame.Surface(CANVAS, pygame.SRCALPHA)
    alphas = [int(strength * (0.35 + 0.65 * y / CANVAS[1])) for y in range(CANVAS[1])]
    top = 0
    for y in range(1, CANVAS[1] + 1):
        if y == CANVAS[1] or alphas[y] != alphas[top]:
            veil.fill((8, 8, 20, alphas[top]), (0, top, CANVAS[0], y - top))
            top = y
    return veil


class Backdrop:
    def __init__(self, app, veil: int = 110):
        self.app = app
        self.name = app.story.title_background
        # Before the title's first frame: the map's first picture if it is on disk, the map itself read after.
        self.background = app.assets.first_picture(self.name)
        self.waiting = self.name is not None and not app.assets.has_background(self.name)
        self.veil = _veil(veil)
        self.rects: list[pygame.Rect] = []
        self.ambient = AmbientClock()

    def update(self, dt: float) -> bool:
        if self.waiting and self.app.frames:   # the first frame is on screen: now the map itself
            if self.app.assets.has_background(self.name):
                self.waiting = False
                self.background = self.app.assets.background(self.name)   # the same picture, now moving
            else:
                self.app.assets.load_ahead(self.name)
        # reduced motion: the stars and candles stay as they are
        self.rects = [] if self.app.settings.reduced_motion else self.ambient.update(self.background, dt)
        return bool(self.rects)

    def still_for(self) -> float:
        """Seconds of update() before the picture changes (see Screen.still_for)."""
        if self.waiting:
            return 0.0
        if self.app.settings.reduced_motion:
            return math.inf
        return self.ambient.still_for(self.background)

    def draw(self, canvas: pygame.Surface, rects: list[pygame.Rect] | None = None) -> None:
        """The picture and its veil: all of it, or only these rects (each once: the veil is translucent)."""
        if rects is None:
            self.background.draw(canvas)
            canvas.blit(self.veil, (0, 0))
        elif apart(rects):
            self.background.draw(canvas, rects)
            canvas.blits([(self.veil, rect, rect) for rect in rects], doreturn=False)
        else:
            for rect in rects:
                self.background.draw(canvas, [rect])
                canvas.blit(self.veil, rect, rect)
