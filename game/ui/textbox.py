"""The text box: a name plate in the speaker's colour, the line revealed letter by letter, pages for long lines.

The box keeps its place at every text size: larger words make more pages, never a taller box."""
from __future__ import annotations

from typing import Optional

import pygame

from . import theme
from .reading import Reading
from .text import Reveal, TextCache, paginate, words, wrap
from .skin import plain_rounded, skin
from .widgets import panel

BOX = pygame.Rect(60, 486, 1160, 196)
TEXT_LEFT, TEXT_TOP, TEXT_WIDTH = BOX.x + 44, BOX.y + 34, BOX.width - 110
LINES_PER_PAGE = 4     # at the usual size; larger words fit fewer (TextBox.lines_per_page)
TEXT_BOTTOM = BOX.bottom - 14


PLATE_BOTTOM = BOX.y + 22  # a name plate reaches this far into the box at any size: it grows upward


def plate_rect(reading: Reading, width: int) -> pygame.Rect:
    """Where a name plate `width` wide sits: across the box's top edge, as tall as its name needs."""
    height = max(46, reading.name_font().get_linesize() + 10)
    return pygame.Rect(BOX.x + 28, PLATE_BOTTOM - height, width, height)


class TextBox:
    """Shows one line at a time. advance() completes the reveal, then turns the page; False when all is shown."""

    def __init__(self, speed: float, reading: Reading = Reading()):
        self.speed = speed
        self.reading = reading
        self.cache = TextCache(2 << 20)  # a page's rows and the name: what is drawn again and again
        self.name: Optional[str] = None
        self.colour = theme.PAPER
        self.narration = True
        self.pages: list[list[str]] = [[]]
        self.page = 0
        self.reveal = Reveal([], 0)
        self.text = ""
        self.area = BOX   # where draw() paints: the box, and the name plate over its top edge

    @property
    def font(self) -> pygame.font.Font:
        return self.reading.text_font(theme.DIALOGUE_SIZE, italic=self.narration)

    @property
    def lines_per_page(self) -> int:
        return max(1, (TEXT_BOTTOM - TEXT_TOP) // self.font.get_linesize())

    @property
    def pace(self) -> float:
        """Letters a second; with reduced motion, none: each page appears whole."""
        return 0 if self.reading.reduced_motion else self.speed

    def show(self, text: str, name: Optional[str] = None, colour: tuple[int, int, int] = theme.PAPER,
             instant: bool = False) -> None:
        self.name, self.colour, self.narration, self.text = name, colour, name is None, text
        if name:
            plate = plate_rect(self.reading, self.reading.name_font().size(name)[0] + 48)
            self.area = BOX.union(plate)
        else:
            self.area = BOX
        self.pages = paginate(wrap(text, self.font, TEXT_WIDTH), self.lines_per_page)
        self.page = 0
        self.reveal = Reveal(self.pages[0], 0 if instant else self.pace)

    def restyle(self, reading: Reading) -> None:
        """Show the same line in a new reading (the player changed a setting): paged again, on the page that
        holds the words the player was reading, shown whole."""
        if reading == self.reading:
            return
        was_done = self.reveal.done
        before = sum(len(words(" ".join(page))) for page in self.pages[:self.page])   # words on earlier pages
        self.reading = reading
        self.show(self.text, self.name, self.colour, instant=True)
        while self.page < len(self.pages) - 1 and len(words(" ".join(self.pages[self.page]))) <= before:
            before -= len(words(" ".join(self.pages[self.page])))
            self.page += 1
        self.reveal = Reveal(self.pages[self.page], 0)
        if not was_done:
            self.reveal.complete()

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
            self.reveal = Reveal(self.pages[self.page], self.pace)
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
        reading = self.reading
        if reading.high_contrast:
            canvas.blit(plain_rounded(BOX.size, theme.INK, 255, 14, theme.PAPER), BOX.topleft)
        else:
            panel(canvas, BOX, alpha=reading.box_opacity)
        if self.name:
            self._name_plate(canvas)
        font = self.font
        ink = reading.ink(self.narration)
        top = y = TEXT_TOP
        visible = self.reveal.visible()
        for row, line in enumerate(visible):
            if row == len(visible) - 1 and not self.reveal.done:
                # a row still appearing is drawn once at each length: rendered, not kept
                if reading.shadowed:
                    canvas.blit(font.render(line, True, theme.SHADOW), (TEXT_LEFT + 2, y + 2))
                canvas.blit(font.render(line, True, ink), (TEXT_LEFT, y))
            else:
                if reading.shadowed:
                    canvas.blit(self.cache.render(font, line, theme.SHADOW), (TEXT_LEFT + 2, y + 2))
                canvas.blit(self.cache.render(font, line, ink), (TEXT_LEFT, y))
            y += font.get_linesize()
        if self.reveal.done and visible:
            last = self.cache.render(font, visible[-1], ink)
            x = TEXT_LEFT + last.get_width() + 18
            cy = top + (len(visible) - 1) * font.get_linesize() + font.get_ascent() // 2 + 6
            if self.page < len(self.pages) - 1:   # more of this line on the next page
                skin().mark(canvas, "cursor_more", (x, cy))
            else:
                skin().mark(canvas, "cursor_continue", (x, cy))

    def _name_plate(self, canvas: pygame.Surface) -> None:
        font = self.reading.name_font()
        label = self.cache.render(font, self.name, self.reading.name_ink(self.colour))
        rect = plate_rect(self.reading, label.get_width() + 48)
        panel(canvas, rect, alpha=255 if self.reading.high_contrast else 245, border=self.colour)
        canvas.blit(label, label.get_rect(center=(rect.centerx, rect.centery + 1)))
