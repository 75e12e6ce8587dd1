"""An ending: its title and epilogue, recorded for the Endings screen, then back to the title."""
from __future__ import annotations

from typing import Optional

import pygame

from ...story import End
from ...story.lookahead import Need
from .. import theme
from ..screen import Replace, Screen, Transition
from ..backgrounds import Background
from ..text import fit_epilogue, wrap
from ..skin import skin
from ..widgets import Button, ButtonList, panel, text

# A double Return at the story's last line must not throw the ending away: input waits this long.
READ_FIRST = 1.5
TEXT_TOP, TEXT_WIDTH = 288, 860


class EndingScreen(Screen):
    def __init__(self, app, ending: End, route: str, backdrop: Optional[Background] = None):
        super().__init__(app)
        self.ending = ending
        self.new = app.records.reached(ending.ending, route)
        app.records.save()
        self.picture = pygame.Surface(theme.CANVAS)
        if backdrop is not None:  # the last place of the story, darkened behind the words
            backdrop.draw(self.picture)
        veil = pygame.Surface(theme.CANVAS, pygame.SRCALPHA)
        veil.fill((6, 6, 14, 196))
        self.picture.blit(veil, (0, 0))
        self.buttons = ButtonList([Button(app.words("ending.continue"), pygame.Rect(640 - 120, 634, 240, 52),
                                          key="continue")])
        self.buttons.focus = 0
        self.font, self.lines = fit_epilogue(ending.epilogue, TEXT_WIDTH, self.room)
        self.waited = 0.0
        self.pressed = False  # a click counts only if it began while the button was there
        if app.story.title_background:   # read while the epilogue is read: Continue shows the title at once
            app.assets.load_ahead(app.story.title_background)
        if app.story.title_music:        # and its music starts without a load on that frame
            app.prefetch.add(app.audio.jobs([Need("music", app.story.title_music)]))

    @property
    def room(self) -> int:
        """How tall the epilogue may be: from its top to a little above the Continue button."""
        return self.buttons.buttons[0].rect.top - 20 - TEXT_TOP

    @property
    def ready(self) -> bool:
        """True once the Continue button is shown and input counts."""
        return self.waited >= READ_FIRST

    @property
    def label(self) -> str:
        return self.app.words("ending.new" if self.new else "ending.again")

    def on_enter(self) -> None:
        """The ending is read aloud (self-voicing) and copied (clipboard voicing) as a line is."""
        words = " ".join(self.lines)
        self.app.said(None, f"{self.label}. {self.ending.title}." + (f" {words}" if words else ""))

    def update(self, dt: float) -> bool:
        was = self.ready
        self.waited += dt
        return self.ready and not was  # drawn again once, as the button appears

    def handle_event(self, event: pygame.event.Event) -> Optional[Transition]:
        if not self.ready:
            return None
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.pressed = True
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1 and not self.pressed:
            return None
        if self.buttons.handle(event) is not None:
            return Replace(self.app.make("title"), clear=True)
        return None

    def draw(self, canvas: pygame.Surface) -> None:
        canvas.blit(self.picture, (0, 0))
        text(canvas, theme.ui_font(theme.SMALL_SIZE), self.label.upper(), theme.GOLD,
             (640, 140), "center")
        text(canvas, theme.display_font(54), self.ending.title, (250, 236, 206), (640, 200), "center", shadow=True)
        skin().mark(canvas, "cursor_continue", (640, 252))
        y = TEXT_TOP
        for line in self.lines:
            text(canvas, self.font, line, theme.PAPER, (640, y), "midtop")
            y += self.font.get_linesize()
        if self.ready:
            self.buttons.draw(canvas)


class StoryStopped(Screen):
    """The story hit a dead end its author left (lint and explore catch these): say so plainly."""

    def __init__(self, app, message: str):
        super().__init__(app)
        self.message = message

    def handle_event(self, event: pygame.event.Event) -> Optional[Transition]:
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONUP):
            return Replace(self.app.make("title"), clear=True)
        return None

    def draw(self, canvas: pygame.Surface) -> None:
        canvas.fill((14, 12, 22))
        box = pygame.Rect(140, 200, 1000, 300)
        panel(canvas, box)
        text(canvas, theme.display_font(34), self.app.words("ending.stopped"), theme.GOLD, (640, 250), "center")
        y = 300
        for line in wrap(self.message, theme.ui_font(), 900)[:5]:
            text(canvas, theme.ui_font(), line, theme.PAPER, (190, y))
            y += 30
        text(canvas, theme.ui_font(theme.SMALL_SIZE), self.app.words("ending.stopped_help"), theme.PAPER_DIM,
             (640, 470), "center")
