"""The endings the player has reached, route by route; the others stay a mystery."""
from __future__ import annotations

from typing import Optional

import pygame

from .. import theme
from ..screen import Pop, Screen, Transition
from ..skin import skin
from ..widgets import Button, ButtonList, panel, text
from .backdrop import Backdrop
from .menus import is_back

HEADING, ROW, GAP = 38, 32, 10  # a route's title, one ending, the space after a route


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

    def sections(self) -> list[list[tuple[int, object]]]:
        """Route sections packed into columns, top to bottom then left to right, so none runs under Back."""
        room = self.back.buttons[0].rect.top - 16 - (self.box.y + 120)
        columns: list[list[tuple[int, object]]] = [[]]
        used = 0
        for route in self.app.story.routes.values():
            height = HEADING + ROW * len(self.app.story.endings_of(route.id)) + GAP
            if columns[-1] and used + height > room:
                columns.append([])
                used = 0
            columns[-1].append((used, route))
            used += height
        return columns

    def draw(self, canvas: pygame.Surface) -> None:
        self.backdrop.draw(canvas)
        panel(canvas, self.box)
        story, reached = self.app.story, set(self.app.records.endings)
        total = len(story.endings)
        text(canvas, theme.display_font(40), "Endings", theme.GOLD, (self.box.centerx, self.box.y + 44), "center")
        text(canvas, theme.ui_font(theme.SMALL_SIZE), f"{len(reached & set(story.endings))} of {total} reached",
             theme.PAPER_DIM, (self.box.centerx, self.box.y + 84), "center")
        columns = self.sections()
        width = (self.box.width - 80) // len(columns)
        heading, row = theme.display_font(26), theme.text_font(24)
        for number, column in enumerate(columns):
            x = self.box.x + 40 + number * width
            for top, route in column:
                y = self.box.y + 120 + top
                text(canvas, heading, fitted(route.title, heading, width - 16), theme.PAPER, (x, y))
                y += HEADING
                for ending in story.endings_of(route.id):
                    got = ending.id in reached
                    font = row if got else theme.text_font(24, italic=True)
                    if got:
                        skin().mark(canvas, "cursor_focus", (x + 22, y + 13))
                    text(canvas, font, fitted(ending.title if got else "Not yet reached", font, width - 60),
                         theme.PAPER if got else theme.PAPER_DIM, (x + 40, y))
                    y += ROW
        self.back.draw(canvas)


def fitted(words: str, font: pygame.font.Font, width: int) -> str:
    """The words, shortened with an ellipsis if they would run past `width`."""
    if font.size(words)[0] <= width:
        return words
    while words and font.size(words + "…")[0] > width:
        words = words[:-1]
    return words.rstrip() + "…"
