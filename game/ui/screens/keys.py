"""The Keys screen, reached from Settings: every key the game answers to (controls.py), in two columns."""
from __future__ import annotations

from typing import Optional

import pygame

from .. import theme
from ..controls import control_keys
from ..screen import Pop, Screen, Transition
from ..text import wrap
from ..widgets import Button, ButtonList, panel, text
from .backdrop import Backdrop
from .menus import is_back

KEYS_WIDTH = 250     # the keys' column in each half; what they do has the rest
COLUMN_WIDTH = 540
HEAD_GAP = 8         # above a section's heading
MIN_SIZE = 15        # the smallest the list is set in, for the longest words


class KeysScreen(Screen):
    def __init__(self, app):
        super().__init__(app)
        self.backdrop = Backdrop(app, veil=190)
        self.box = pygame.Rect(40, 24, 1200, 672)
        self.back = ButtonList([Button(app.words("settings.back"), pygame.Rect(self.box.centerx - 90, self.box.bottom - 66, 180, 50),
                                       key="back")])
        self.back.focus = 0
        self.rows = self.lay_out()

    @property
    def room(self) -> pygame.Rect:
        """Where the list may go: under the title, over Back."""
        return pygame.Rect(self.box.x + 40, self.box.y + 66, self.box.width - 80, self.box.height - 66 - 76)

    def lay_out(self) -> list[tuple[pygame.font.Font, str, tuple[int, int, int], tuple[int, int]]]:
        """Every piece of words with its font, colour and top-left: each section goes in the left column if it
        still fits there, else in the right; a section is never split between them. Where a language's words are
        longer than the room (or the text is larger), the list is set a size smaller until it fits."""
        for size in range(theme.SMALL_SIZE, MIN_SIZE - 1, -1):
            placed, bottom = self._placed(size)
            if bottom <= self.room.bottom:
                break
        return placed

    def _placed(self, size: int) -> tuple[list, int]:
        head = theme.ui_font(size + theme.UI_SIZE - theme.SMALL_SIZE, bold=True)
        keys, what = theme.ui_font(size, bold=True), theme.ui_font(size)
        line = keys.get_linesize() + 4   # the face sits tight on its line size
        room = self.room
        tops = [room.y, room.y]   # where each column has got to
        out = []
        say = self.app.words
        for section_key, entries in control_keys():
            section = say(section_key)
            rows = [(wrap(say(names), keys, KEYS_WIDTH), wrap(say(does), what, COLUMN_WIDTH - KEYS_WIDTH - 20))
                    for names, does in entries]
            height = HEAD_GAP + head.get_linesize() + sum(max(len(k), len(w)) * line for k, w in rows)
            column = 0 if tops[0] + height <= room.bottom else 1
            x, y = room.x + column * (room.width - COLUMN_WIDTH), tops[column]
            y += HEAD_GAP
            out.append((head, section, theme.GOLD, (x, y)))
            y += head.get_linesize()
            for names, does in rows:
                out += [(keys, words, theme.PAPER, (x, y + i * line)) for i, words in enumerate(names)]
                out += [(what, words, theme.PAPER_DIM, (x + KEYS_WIDTH + 20, y + i * line))
                        for i, words in enumerate(does)]
                y += max(len(names), len(does)) * line
            tops[column] = y
        return out, max(tops)

    def handle_event(self, event: pygame.event.Event) -> Optional[Transition]:
        if is_back(event) or self.back.handle(event) is not None:
            return Pop()
        return None

    def draw(self, canvas: pygame.Surface) -> None:
        self.backdrop.draw(canvas)
        panel(canvas, self.box)
        text(canvas, theme.display_font(36), self.app.words("settings.keys"), theme.GOLD, (self.box.centerx, self.box.y + 40), "center")
        for font, line, colour, pos in self.rows:
            text(canvas, font, line, colour, pos)
        self.back.draw(canvas)
