"""The endings the player has reached, route by route, each opening its epilogue; the others stay a mystery."""
from __future__ import annotations

from typing import Iterator, Optional

import pygame

from ...story.model import Ending
from .. import theme
from ..screen import Pop, Push, Screen, Transition
from ..skin import skin
from ..text import fit_epilogue, fitted
from ..widgets import Button, ButtonList, panel, text
from .backdrop import Backdrop
from .menus import is_back

HEADING, ROW, GAP = 38, 32, 10  # a route's title, one ending, the space after a route


class EndingsScreen(Screen):
    def __init__(self, app):
        super().__init__(app)
        self.backdrop = Backdrop(app, veil=190)
        self.box = pygame.Rect(190, 60, 900, 600)
        back = pygame.Rect(self.box.centerx - 90, self.box.bottom - 70, 180, 50)
        self.back = ButtonList([Button(app.words("endings.back"), back, key="back")])
        # Up and Down run through the reached endings, then Back; the layout measures from Back alone.
        self.reached = self.entries()
        self.buttons = ButtonList(self.reached + self.back.buttons)
        self.buttons.focus = 0

    def handle_event(self, event: pygame.event.Event) -> Optional[Transition]:
        if is_back(event):
            return Pop()
        chosen = self.buttons.handle(event)
        if chosen is None:
            return None
        if chosen.key == "back":
            return Pop()
        return Push(self.app.make("ending_text", chosen.key))

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

    def rows(self) -> Iterator[tuple[Ending, pygame.Rect]]:
        """Every ending, reached or not, in the order shown, with the rect of its row."""
        columns = self.sections()
        width = (self.box.width - 80) // len(columns)
        for number, column in enumerate(columns):
            x = self.box.x + 40 + number * width
            for top, route in column:
                y = self.box.y + 120 + top + HEADING
                for ending in self.app.story.endings_of(route.id):
                    yield ending, pygame.Rect(x + 4, y - 1, width - 16, ROW)
                    y += ROW

    def entries(self) -> list[Button]:
        """A button for each ending reached (its key the ending's id); the others cannot be opened."""
        reached = set(self.app.records.endings)
        return [Button(ending.title, rect, key=ending.id) for ending, rect in self.rows() if ending.id in reached]

    def draw(self, canvas: pygame.Surface) -> None:
        self.backdrop.draw(canvas)
        panel(canvas, self.box)
        story, reached = self.app.story, set(self.app.records.endings)
        total = len(story.endings)
        words = self.app.words
        text(canvas, theme.display_font(40), words("endings.title"), theme.GOLD, (self.box.centerx, self.box.y + 44),
             "center")
        text(canvas, theme.ui_font(theme.SMALL_SIZE), words("endings.reached", count=len(reached & set(story.endings)),
                                                            total=total),
             theme.PAPER_DIM, (self.box.centerx, self.box.y + 84), "center")
        columns = self.sections()
        width = (self.box.width - 80) // len(columns)
        heading = theme.display_font(26)
        for number, column in enumerate(columns):
            for top, route in column:
                text(canvas, heading, fitted(route.title, heading, width - 16), theme.PAPER,
                     (self.box.x + 40 + number * width, self.box.y + 120 + top))
        focused = self.buttons.buttons[self.buttons.focus] if self.buttons.focus is not None else None
        unreached = theme.text_font(24, italic=True)
        for ending, rect in self.rows():
            if ending.id not in reached:
                text(canvas, unreached, words("endings.not_reached"), theme.PAPER_DIM, (rect.x + 36, rect.y + 1))
        for button in self.reached:
            self.draw_entry(canvas, button, button is focused)
        self.back.buttons[0].draw(canvas, focused is self.back.buttons[0])

    @staticmethod
    def draw_entry(canvas: pygame.Surface, button: Button, focused: bool) -> None:
        """A reached ending: its title by a star; focused, on a lit button with the title in gold."""
        font = theme.text_font(24)
        if focused:
            canvas.blit(skin().button(button.rect.size, "hover"), button.rect.topleft)
        skin().mark(canvas, "cursor_focus", (button.rect.x + 18, button.rect.centery))
        text(canvas, font, fitted(button.label, font, button.rect.width - 44), theme.GOLD if focused else theme.PAPER,
             (button.rect.x + 36, button.rect.y + 1))


class EndingText(Screen):
    """One reached ending, over the gallery: its route, its title and its whole epilogue."""

    overlay = True

    def __init__(self, app, ending_id: str):
        super().__init__(app)
        self.ending = app.story.endings[ending_id]
        route = app.story.routes.get(self.ending.route)
        self.route = route.title if route is not None else self.ending.route
        self.box = pygame.Rect(160, 40, 960, 640)
        back = pygame.Rect(self.box.centerx - 90, self.box.bottom - 74, 180, 50)
        self.buttons = ButtonList([Button(app.words("endings.back"), back, key="back")])
        self.buttons.focus = 0
        self.top = self.box.y + 150
        self.width = self.box.width - 120
        self.font, self.lines = fit_epilogue(self.ending.epilogue, self.width, self.room)

    @property
    def room(self) -> int:
        """How tall the epilogue may be: from its top to a little above Back."""
        return self.buttons.buttons[0].rect.top - 20 - self.top

    def handle_event(self, event: pygame.event.Event) -> Optional[Transition]:
        if is_back(event) or self.buttons.handle(event) is not None:
            return Pop()
        return None

    def draw(self, canvas: pygame.Surface) -> None:
        panel(canvas, self.box, alpha=252)  # nearly opaque: the gallery's own words would show through
        centre = self.box.centerx
        small, title = theme.ui_font(theme.SMALL_SIZE), theme.display_font(40)
        text(canvas, small, fitted(self.route.upper(), small, self.width), theme.GOLD, (centre, self.box.y + 44),
             "center")
        text(canvas, title, fitted(self.ending.title, title, self.width), (250, 236, 206), (centre, self.box.y + 88),
             "center", shadow=True)
        skin().mark(canvas, "cursor_continue", (centre, self.box.y + 126))
        y = self.top
        for line in self.lines:
            text(canvas, self.font, line, theme.PAPER, (centre, y), "midtop")
            y += self.font.get_linesize()
        self.buttons.draw(canvas)
