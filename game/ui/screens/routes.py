"""Choosing a route: each route's picture, title and blurb; one click starts it."""
from __future__ import annotations

from typing import Optional

import pygame

from ...story import Runner
from .. import theme
from ..screen import Pop, Replace, Screen, Transition
from ..text import wrap
from ..widgets import Button, ButtonList, panel, text
from .backdrop import Backdrop
from .menus import is_back

CARD_W, CARD_H, GAP = 360, 460, 30


class RouteSelect(Screen):
    def __init__(self, app):
        super().__init__(app)
        self.backdrop = Backdrop(app, veil=170)
        self.routes = [r for r in app.story.routes.values() if not r.after]  # later ones unlock on the title
        count = len(self.routes)
        left = 640 - (count * CARD_W + (count - 1) * GAP) // 2
        cards = [Button(r.title, pygame.Rect(left + i * (CARD_W + GAP), 140, CARD_W, CARD_H), key=r.id)
                 for i, r in enumerate(self.routes)]
        self.cards = ButtonList(cards, horizontal=True)
        self.cards.focus = 0
        self.back = ButtonList([Button("Back", pygame.Rect(40, 640, 160, 48), key="back")])
        self.thumbs = {r.id: self._thumb(r.picture) for r in self.routes}

    def _thumb(self, picture: Optional[str]) -> pygame.Surface:
        scene = pygame.Surface(theme.CANVAS)
        self.app.assets.background(picture).draw(scene)
        return pygame.transform.smoothscale(scene, (CARD_W - 24, (CARD_W - 24) * 9 // 16))

    def handle_event(self, event: pygame.event.Event) -> Optional[Transition]:
        if is_back(event) or self.back.handle(event) is not None:
            return Pop()
        chosen = self.cards.handle(event)
        if chosen is None:
            return None
        from .play import PlayScreen
        return Replace(PlayScreen(self.app, Runner.new(self.app.story, chosen.key)), clear=True)

    def draw(self, canvas: pygame.Surface) -> None:
        self.backdrop.draw(canvas)
        text(canvas, theme.display_font(44), "Choose a story", (250, 236, 206), (640, 84), "center", shadow=True)
        body = theme.text_font(21)
        for card, route in zip(self.cards.buttons, self.routes):
            focused = self.cards.buttons[self.cards.focus or 0] is card and self.cards.focus is not None
            panel(canvas, card.rect, border=theme.GOLD if focused else (92, 80, 70))
            if focused:
                pygame.draw.rect(canvas, theme.GOLD, card.rect.inflate(6, 6), width=2, border_radius=16)
            canvas.blit(self.thumbs[route.id], (card.rect.x + 12, card.rect.y + 12))
            y = card.rect.y + 12 + self.thumbs[route.id].get_height() + 16
            text(canvas, theme.display_font(28), route.title, theme.GOLD if focused else theme.PAPER,
                 (card.rect.centerx, y), "midtop")
            y += 46
            for line in wrap(route.blurb, body, CARD_W - 40)[:6]:
                text(canvas, body, line, theme.PAPER_DIM if not focused else theme.PAPER, (card.rect.x + 20, y))
                y += body.get_linesize()
        self.back.draw(canvas)
