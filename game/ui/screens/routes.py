"""Choosing a route: each route's picture, title, blurb and how far the player has got; one click starts it."""
from __future__ import annotations

from typing import Optional

import pygame

from ...story.lookahead import upcoming
from .. import theme
from ..screen import Pop, Replace, Screen, Transition
from ..text import wrap
from ..widgets import Button, ButtonList, panel, text
from .backdrop import Backdrop
from .menus import is_back

CARD_W, CARD_H, GAP = 360, 460, 30
THUMB_H = theme.ROUTE_THUMB[1]     # CARD_W - 24 wide, 16:9
TITLE_TOP = 12 + THUMB_H + 12     # a card's parts, from its top
BLURB_TOP = TITLE_TOP + 42


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
        self.back = ButtonList([Button(app.words("routes.back"), pygame.Rect(40, 640, 160, 48), key="back")])
        self.thumbs = {r.id: self._thumb(r.picture) for r in self.routes}
        self._ahead: Optional[int] = None

    def _thumb(self, picture: Optional[str]) -> pygame.Surface:
        return self.app.assets.thumbnail(picture, theme.ROUTE_THUMB)

    def look_ahead(self) -> None:
        """While the player picks, prepare the opening of the route the focus is on (its first background,
        music and sprites)."""
        focus = self.cards.focus
        if focus == self._ahead or focus is None or not 0 <= focus < len(self.routes):
            return
        self._ahead = focus
        self.app.prepare(upcoming(self.app.story, self.app.start_route(self.routes[focus].id).state, scenes=0))

    def handle_event(self, event: pygame.event.Event) -> Optional[Transition]:
        if is_back(event) or self.back.handle(event) is not None:
            return Pop()
        chosen = self.cards.handle(event)
        if chosen is None:
            return None
        return Replace(self.app.make("play", self.app.start_route(chosen.key)), clear=True)

    def progress(self, route: str) -> str:
        """What the player has done on a route, for the foot of its card."""
        reached = set(self.app.records.endings)
        count = sum(e.id in reached for e in self.app.story.endings_of(route))
        total = len(self.app.story.endings_of(route))
        w = self.app.words
        endings = w("routes.endings_one", count=count) if total == 1 else w("routes.endings", count=count,
                                                                           total=total)
        if route in self.app.records.routes_finished:
            return w("routes.finished", endings=endings)
        return endings if count else w("routes.not_played")

    @staticmethod
    def foot(card: pygame.Rect, words: str) -> pygame.Rect:
        """Where the progress line sits: centred at the bottom of the card."""
        rect = pygame.Rect((0, 0), theme.ui_font(theme.SMALL_SIZE).size(words))
        rect.midbottom = (card.centerx, card.bottom - 16)
        return rect

    def update(self, dt: float) -> bool:
        self.look_ahead()
        return False

    def draw(self, canvas: pygame.Surface) -> None:
        self.backdrop.draw(canvas)
        text(canvas, theme.display_font(44), self.app.words("routes.title"), (250, 236, 206), (640, 84), "center",
             shadow=True)
        body, small = theme.text_font(21), theme.ui_font(theme.SMALL_SIZE)
        for card, route in zip(self.cards.buttons, self.routes):
            focused = self.cards.buttons[self.cards.focus or 0] is card and self.cards.focus is not None
            panel(canvas, card.rect, border=theme.GOLD if focused else (92, 80, 70))
            if focused:
                pygame.draw.rect(canvas, theme.GOLD, card.rect.inflate(6, 6), width=2, border_radius=16)
            canvas.blit(self.thumbs[route.id], (card.rect.x + 12, card.rect.y + 12))
            text(canvas, theme.display_font(28), route.title, theme.GOLD if focused else theme.PAPER,
                 (card.rect.centerx, card.rect.y + TITLE_TOP), "midtop")
            progress = self.progress(route.id)
            foot = self.foot(card.rect, progress)
            unplayed = progress == self.app.words("routes.not_played")
            text(canvas, small, progress, theme.PAPER_DIM if unplayed else theme.GOLD,
                 foot.topleft)
            y = card.rect.y + BLURB_TOP
            for line in blurb(route.blurb, body, foot.top - 6 - y):  # never into the foot
                text(canvas, body, line, theme.PAPER_DIM if not focused else theme.PAPER, (card.rect.x + 20, y))
                y += body.get_linesize()
        self.back.draw(canvas)


def blurb(words: str, font: pygame.font.Font, room: int) -> list[str]:
    """A card's blurb: up to six lines, as many as fit `room` pixels high, cut short with "…" if need be."""
    lines = wrap(words, font, CARD_W - 40)
    shown = max(0, min(6, len(lines), room // font.get_linesize()))
    if 0 < shown < len(lines):
        last = lines[shown - 1]
        while last and font.size(last + "…")[0] > CARD_W - 40:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines[shown - 1] = last + "…"
    return lines[:shown]
