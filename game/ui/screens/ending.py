"""An ending: its title and epilogue, recorded for the Endings screen, then back to the title."""
from __future__ import annotations

from typing import Optional

import pygame

from ...story import End
from .. import theme
from ..screen import Replace, Screen, Transition
from ..backgrounds import Background
from ..text import wrap
from ..skin import skin
from ..widgets import panel, text


class EndingScreen(Screen):
    def __init__(self, app, ending: End, route: str, backdrop: Optional[Background] = None):
        super().__init__(app)
        self.ending = ending
        self.new = app.records.reached(ending.ending, route)
        if not app.headless:
            app.records.save()
        self.picture = pygame.Surface(theme.CANVAS)
        if backdrop is not None:  # the last place of the story, darkened behind the words
            backdrop.draw(self.picture)
        veil = pygame.Surface(theme.CANVAS, pygame.SRCALPHA)
        veil.fill((6, 6, 14, 196))
        self.picture.blit(veil, (0, 0))
        font = theme.text_font(26, italic=True)
        self.lines = [line for paragraph in ending.epilogue.split("\n\n")
                      for line in wrap(" ".join(paragraph.split()), font, 860) + [""]]

    def handle_event(self, event: pygame.event.Event) -> Optional[Transition]:
        if (event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_SPACE, pygame.K_ESCAPE,
                                                           pygame.K_KP_ENTER)) or \
                (event.type == pygame.MOUSEBUTTONUP and event.button in (1, 3)):
            from .title import TitleScreen
            return Replace(TitleScreen(self.app), clear=True)
        return None

    def draw(self, canvas: pygame.Surface) -> None:
        canvas.blit(self.picture, (0, 0))
        text(canvas, theme.ui_font(theme.SMALL_SIZE), "A NEW ENDING" if self.new else "AN ENDING", theme.GOLD,
             (640, 150), "center")
        text(canvas, theme.display_font(54), self.ending.title, (250, 236, 206), (640, 210), "center", shadow=True)
        skin().mark(canvas, "cursor_continue", (640, 262))
        font = theme.text_font(26, italic=True)
        y = 300
        for line in self.lines:
            text(canvas, font, line, theme.PAPER, (640, y), "midtop")
            y += font.get_linesize()
        text(canvas, theme.ui_font(theme.SMALL_SIZE), "Click or press Return to go back to the title",
             theme.PAPER_DIM, (640, 680), "center")


class StoryStopped(Screen):
    """The story hit a dead end its author left (lint and explore catch these): say so plainly."""

    def __init__(self, app, message: str):
        super().__init__(app)
        self.message = message

    def handle_event(self, event: pygame.event.Event) -> Optional[Transition]:
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONUP):
            from .title import TitleScreen
            return Replace(TitleScreen(self.app), clear=True)
        return None

    def draw(self, canvas: pygame.Surface) -> None:
        canvas.fill((14, 12, 22))
        box = pygame.Rect(140, 200, 1000, 300)
        panel(canvas, box)
        text(canvas, theme.display_font(34), "The story stopped here", theme.GOLD, (640, 250), "center")
        y = 300
        for line in wrap(self.message, theme.ui_font(), 900)[:5]:
            text(canvas, theme.ui_font(), line, theme.PAPER, (190, y))
            y += 30
        text(canvas, theme.ui_font(theme.SMALL_SIZE), "Press any key to go back to the title", theme.PAPER_DIM,
             (640, 470), "center")
