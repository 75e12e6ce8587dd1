"""The text box: a name plate in the speaker's colour, the line revealed letter by letter, pages for long lines."""
from __future__ import annotations

from typing import Optional

import pygame

from . import theme
from .text import Reveal, TextCache, paginate, wrap
from .skin import skin
from .widgets import panel

BOX = pygame.Rect(60, 486, 1160, 196)
TEXT_LEFT, TEXT_TOP, TEXT_WIDTH = BOX.x + 44, BOX.y + 34, BOX.width - 110
LINES_PER_PAGE = 4


class TextBox:
    """Shows one line at a time. advance() completes the reveal, then turns the page; False when all is shown."""

    def __init__(self, speed: float):
        self.speed = speed
        self.cache = TextCache(2 << 20)  # a page's rows and the name: what is drawn again and again
        self.name: Optional[str] = None
        self.colour = theme.PAPER
        self.narration = True
        self.pages: list[list[str]] = [[]]
        self.page = 0
        self.reveal = Reveal([], 0)

    @property
    def font(self) -> pygame.font.Font:
        return theme.text_font(theme.DIALOGUE_SIZE, italic=self.narration)

    def show(self, text: str, name: Optional[str] = None, colour: tuple[int, int, int] = theme.PAPER,
             instant: bool = False) -> None:
        self.name, self.colour, self.narration = name, colour, name is None
        self.pages = paginate(wrap(text, self.font, TEXT_WIDTH), LINES_PER_PAGE)
        self.page = 0
        self.reveal = Reveal(self.pages[0], 0 if instant else self.speed)

    def clear(self) -> None:
        self.show("")
        self.reveal.complete()

    @property
    def done(self) -> bool:
        """The whole line is on screen: the last page, fully revealed."""
        return self.reveal.done and self.page == len(self.pages) - 1

    def advance(self) -> bool:
        """One click's worth: complete the page, or turn to the next; False if nothing was left to show."""
        if not self.reveal.done:
            self.reveal.complete()
            return True
        if self.page < len(self.pages) - 1:
            self.page += 1
            self.reveal = Reveal(self.pages[self.page], self.speed)
            return True
        return False

    def complete(self) -> None:
        """Show the whole line at once (the last page, fully)."""
        self.page = len(self.pages) - 1
        self.reveal = Reveal(self.pages[self.page], 0)

    def update(self, dt: float) -> bool:
        return self.reveal.update(dt)

    @property
    def busy(self) -> bool:
        return not self.reveal.done

    def draw(self, canvas: pygame.Surface) -> None:
        panel(canvas, BOX)
        if self.name:
            self._name_plate(canvas)
        font = self.font
        ink = theme.PAPER if not self.narration else (232, 224, 210)
        y = TEXT_TOP
        visible = self.reveal.visible()
        for row, line in enumerate(visible):
            if row == len(visible) - 1 and not self.reveal.done:
                # a row still appearing is drawn once at each length: rendered, not kept
                canvas.blit(font.render(line, True, ink), (TEXT_LEFT, y))
            else:
                canvas.blit(self.cache.render(font, line, ink), (TEXT_LEFT, y))
            y += font.get_linesize()
        if self.reveal.done and visible:
            last = self.cache.render(font, visible[-1], ink)
            x = TEXT_LEFT + last.get_width() + 18
            cy = TEXT_TOP + (len(visible) - 1) * font.get_linesize() + font.get_ascent() // 2 + 6
            if self.page < len(self.pages) - 1:   # more of this line on the next page
                skin().mark(canvas, "cursor_more", (x, cy))
            else:
                skin().mark(canvas, "cursor_continue", (x, cy))

    def _name_plate(self, canvas: pygame.Surface) -> None:
        font = theme.display_font(theme.NAME_SIZE)
        label = self.cache.render(font, self.name, self.colour)
        rect = pygame.Rect(BOX.x + 28, BOX.y - 24, label.get_width() + 48, 46)
        panel(canvas, rect, alpha=245, border=self.colour)
        canvas.blit(label, label.get_rect(center=(rect.centerx, rect.centery + 1)))
