"""The endings the player has reached, route by route; the others stay a mystery."""
from __future__ import annotations

from typing import Optional

import pygame

from .. import theme
from ..screen import Pop, Screen, Transition
from ..widgets import Button, ButtonList, panel, star, text
from .backdrop import Backdrop
from .menus import is_back


class EndingsScreen(Screen):
    def __init__(self, app):
        super().__init__(app)
        self.backdrop = Backdrop(app, veil=190)
        self.box = pygame.Rect(190, 60, 900, 600)
        self.back = ButtonList([Button("Back", pygame.Rect(self.box.centerx - 90, self.box.bottom - 70, 180, 50),
                                       key="back")])
        self.back.focus = 0

    def handle_event(self, event: pygame.event.Event) -> Optional[Transition]:
        if is_back(event) or self.back.handle(event) is not None:
            return Pop()
        return None

    def draw(self, canvas: pygame.Surface) -> None:
        self.backdrop.draw(canvas)
        panel(canvas, self.box)
        story, reached = self.app.story, set(self.app.records.endings)
        total = len(story.endings)
        text(canvas, theme.display_font(40), "Endings", theme.GOLD, (self.box.centerx, self.box.y + 44), "center")
        text(canvas, theme.ui_font(theme.SMALL_SIZE), f"{len(reached & set(story.endings))} of {total} reached",
             theme.PAPER_DIM, (self.box.centerx, self.box.y + 84), "center")
        y = self.box.y + 120
        for route in story.routes.values():
            text(canvas, theme.display_font(26), route.title, theme.PAPER, (self.box.x + 40, y))
            y += 40
            for ending in story.endings_of(route.id):
                got = ending.id in reached
                if got:
                    star(canvas, (self.box.x + 70, y + 13), 7, theme.GOLD)
                text(canvas, theme.text_font(24, italic=not got), ending.title if got else "Not yet reached",
                     theme.PAPER if got else theme.PAPER_DIM, (self.box.x + 92, y))
                y += 36
            y += 12
        self.back.draw(canvas)
