"""The picture behind the title and the menus reached from it, with a veil so words read on it."""
from __future__ import annotations

import pygame

from ..stage import AmbientClock
from ..theme import CANVAS


class Backdrop:
    def __init__(self, app, veil: int = 110):
        self.background = app.assets.background(app.story.title_background)
        self.veil = pygame.Surface(CANVAS, pygame.SRCALPHA)
        for y in range(CANVAS[1]):  # darker towards the bottom, where the words are
            alpha = int(veil * (0.35 + 0.65 * y / CANVAS[1]))
            pygame.draw.line(self.veil, (8, 8, 20, alpha), (0, y), (CANVAS[0], y))
        self.rects: list[pygame.Rect] = []
        self.ambient = AmbientClock()

    def update(self, dt: float) -> bool:
        self.rects = self.ambient.update(self.background, dt)
        return bool(self.rects)

    def draw(self, canvas: pygame.Surface) -> None:
        self.background.draw(canvas)
        canvas.blit(self.veil, (0, 0))
