"""History: the lines read so far, with speakers and the choices taken; click one to return to it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import pygame

from .. import theme
from ..reading import Reading
from ..screen import Pop, Screen, Transition
from ..text import wrap
from ..widgets import Button, ButtonList, panel, text
from .menus import is_back

SHOWN = 500                      # entries the screen lists (the timeline keeps more)
AREA = pygame.Rect(110, 96, 1060, 540)
NAME_W = 190                     # the speaker column, at 100% text size
TEXT_SIZE, NAME_SIZE = 22, 20    # points at 100%; the player's text size scales them
LINE = 30                        # a line of words at 100%
STACKED = 1.5                    # from this text size on, a name stands above its words, which take the width
SCROLL_STEP = 3                  # entries per wheel notch


@dataclass
class Row:
    speaker: str
    colour: tuple[int, int, int]
    lines: list[str]
    italic: bool
    choice: bool
    step: Optional[int]          # the timeline step it returns to; None for history from before a load
    line: int = LINE             # the height of a line of its words
    name_line: int = 0           # the height of its name above the words (large text sizes), or 0

    @property
    def height(self) -> int:
        return 12 + self.name_line + self.line * len(self.lines)

    def spoken(self) -> str:
        """What self-voicing says when the row takes the focus."""
        words = " ".join(self.lines)
        return f"{self.speaker}: {words}" if self.speaker else words


class HistoryScreen(Screen):
    overlay = True

    def __init__(self, app, play):
        super().__init__(app)
        self.play = play
        self.box = pygame.Rect(60, 20, 1160, 680)
        self.reading = Reading.of(app.settings)   # the words grow with the player's text size, as in the box
        self.rows = self.make_rows()
        self.focus: Optional[int] = len(self.rows) - 1 if self.rows else None
        self.top = 0
        self.scroll_to_end()
        back = pygame.Rect(self.box.centerx - 90, self.box.bottom - 58, 180, 44)
        self.back = ButtonList([Button(app.words("history.back"), back, key="back")])

    def on_enter(self) -> None:
        """Self-voicing says where it is, and the line in focus (the last one read)."""
        if self.focus is not None:
            self.app.voice.focused(f"{self.app.words('history.title')}. {self.rows[self.focus].spoken()}")

    @property
    def stacked(self) -> bool:
        return self.reading.scale >= STACKED

    @property
    def line_height(self) -> int:
        return round(LINE * self.reading.scale)

    @property
    def name_width(self) -> int:
        return 0 if self.stacked else round(NAME_W * self.reading.scale)

    def fonts(self) -> tuple[pygame.font.Font, pygame.font.Font, pygame.font.Font]:
        """The words, the narration's italic and the names, at the player's text size."""
        reading = self.reading
        return (reading.text_font(TEXT_SIZE), reading.text_font(TEXT_SIZE, italic=True),
                theme.display_font(reading.size(NAME_SIZE)))

    def make_rows(self) -> list[Row]:
        timeline = self.play.timeline
        font, italic, _ = self.fonts()
        rows: list[Row] = []
        for entry in timeline.earlier:
            rows.append(self.row(entry.speaker, entry.text, entry.choice, None, font, italic))
        for index, step in enumerate(timeline.steps[:-1] if timeline.steps else []):
            if step.line is not None:
                rows.append(self.row(step.line.speaker, step.line.text, False, index, font, italic))
            if step.choice is not None:
                rows.append(self.row(None, step.choice_text, True, index, font, italic))
        current = timeline.current
        if current is not None and current.line is not None:
            rows.append(self.row(current.line.speaker, current.line.text, False, None, font, italic))
        return rows[-SHOWN:]

    def row(self, speaker, words, choice, step, font, italic) -> Row:
        character = self.app.story.characters.get(speaker) if speaker else None
        name = character.name if character else (self.app.words("history.your_choice") if choice else "")
        colour = theme.hex_colour(character.color) if character else (theme.GOLD if choice else theme.PAPER_DIM)
        width = AREA.width - self.name_width - 30
        lines = wrap(("» " if choice else "") + words, font if not (speaker is None and not choice) else italic, width)
        name_line = self.fonts()[2].get_linesize() if self.stacked and name else 0
        return Row(name, colour, lines, speaker is None and not choice, choice, step, self.line_height, name_line)

    # --- scrolling ---
    def visible(self) -> list[tuple[int, int]]:
        """(row index, y) of the rows that fit in the area from self.top."""
        out, y = [], AREA.y
        for i in range(self.top, len(self.rows)):
            height = self.rows[i].height
            if y + height > AREA.bottom:
                break
            out.append((i, y))
            y += height
        return out

    def scroll_to_end(self) -> None:
        height, top = 0, len(self.rows)
        while top > 0 and height + self.rows[top - 1].height <= AREA.height:
            top -= 1
            height += self.rows[top].height
        self.top = top

    def scroll(self, rows: int) -> None:
        last_top = self.top
        self.top = max(0, min(len(self.rows) - 1, self.top + rows)) if self.rows else 0
        if rows > 0 and self.visible() and self.visible()[-1][0] == len(self.rows) - 1 and last_top <= self.top:
            self.scroll_to_end()

    def keep_focus_visible(self) -> None:
        if self.focus is None:
            return
        if self.focus < self.top:
            self.top = self.focus
        while self.visible() and self.focus > self.visible()[-1][0]:
            self.top += 1

    # --- input ---
    def handle_event(self, event: pygame.event.Event) -> Optional[Transition]:
        if is_back(event):
            return Pop()
        if event.type != pygame.KEYDOWN and self.back.handle(event) is not None:  # the keys move through the rows
            return Pop()
        if event.type == pygame.KEYDOWN and event.key == pygame.K_l:
            return Pop()
        if event.type == pygame.MOUSEWHEEL:
            self.scroll(-event.y * SCROLL_STEP)
        elif event.type == pygame.MOUSEMOTION:
            hit = self.row_at(event.pos)
            if hit is not None:
                self.focus = hit
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            hit = self.row_at(event.pos)
            if hit is not None:
                return self.go(hit)
        elif event.type == pygame.KEYDOWN:
            moves = {pygame.K_UP: -1, pygame.K_DOWN: 1, pygame.K_PAGEUP: -8, pygame.K_PAGEDOWN: 8,
                     pygame.K_HOME: -len(self.rows), pygame.K_END: len(self.rows)}
            if event.key in moves and self.rows:
                was = self.focus
                self.focus = max(0, min(len(self.rows) - 1, (self.focus or 0) + moves[event.key]))
                self.keep_focus_visible()
                if self.focus != was:
                    self.app.voice.focused(self.rows[self.focus].spoken())
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and self.focus is not None:
                return self.go(self.focus)
        return None

    def row_at(self, pos: tuple[int, int]) -> Optional[int]:
        for index, y in self.visible():
            if pygame.Rect(AREA.x, y, AREA.width, self.rows[index].height).collidepoint(pos):
                return index
        return None

    def go(self, index: int) -> Optional[Transition]:
        """Return the game to that line (a rollback), and close the history."""
        step = self.rows[index].step
        if step is None:
            return None
        self.play.roll_back_to(step)
        return Pop()

    # --- drawing ---
    def draw(self, canvas: pygame.Surface) -> None:
        panel(canvas, self.box)
        text(canvas, theme.display_font(36), self.app.words("history.title"), theme.GOLD, (self.box.centerx, 54),
             "center")
        small = theme.ui_font(theme.SMALL_SIZE)
        if not self.rows:
            text(canvas, self.reading.text_font(24, italic=True), self.app.words("history.empty"), theme.PAPER_DIM,
                 AREA.center, "center")
        font, italic, names = self.fonts()
        bright = self.reading.ink(False)   # white in high contrast
        for index, y in self.visible():
            row = self.rows[index]
            rect = pygame.Rect(AREA.x - 10, y, AREA.width + 20, row.height)
            if index == self.focus and row.step is not None:
                pygame.draw.rect(canvas, (60, 50, 44), rect, border_radius=8)
                pygame.draw.rect(canvas, theme.GOLD, rect, width=1, border_radius=8)
            if row.speaker:
                text(canvas, names, row.speaker, self.reading.name_ink(row.colour), (AREA.x, y + 8))
            ink = theme.GOLD if row.choice else (bright if row.step is not None or not row.italic else
                                                 theme.PAPER_DIM)
            ly = y + 6 + row.name_line
            for line in row.lines:
                text(canvas, italic if row.italic else font, line, ink, (AREA.x + self.name_width, ly))
                ly += row.line
        self.draw_scrollbar(canvas)
        self.back.draw(canvas)
        text(canvas, small, self.app.words("history.help"), theme.PAPER_DIM,
             (self.box.right - 30, self.box.bottom - 36), "midright")

    def draw_scrollbar(self, canvas: pygame.Surface) -> None:
        shown = self.visible()
        if not shown or len(shown) >= len(self.rows):
            return
        track = pygame.Rect(AREA.right + 20, AREA.y, 6, AREA.height)
        pygame.draw.rect(canvas, (60, 54, 60), track, border_radius=3)
        total = len(self.rows)
        thumb = track.copy()
        thumb.height = max(24, track.height * len(shown) // total)
        thumb.y = track.y + (track.height - thumb.height) * self.top // max(1, total - len(shown))
        pygame.draw.rect(canvas, theme.GOLD, thumb, border_radius=3)
