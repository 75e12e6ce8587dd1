"""The story's problems, over the play screen: what a reload (Shift+R) found instead of a new story, each as
lint prints it (file:line:col: error: message (hint)). Escape, Return or a click dismisses it; the old story
goes on beneath."""
from __future__ import annotations

from typing import Optional, Sequence

import pygame

from ... import PROGRAM
from ...story import Problem
from ...story.problems import story_relative
from .. import theme
from ..screen import Pop, Screen, Transition
from ..text import wrap
from ..widgets import Button, ButtonList, panel, text

BOX = pygame.Rect(80, 50, 1120, 620)
SIZE = 19
PAD = 32
GAP = 8    # between two problems


class StoryProblems(Screen):
    overlay = True

    def __init__(self, app, problems: Sequence[Problem], title: str = "The story was not reloaded"):
        super().__init__(app)
        self.problems = tuple(problems)
        self.title = title
        font = theme.ui_font(SIZE)
        width = BOX.width - 2 * PAD
        self.rows: list[tuple[str, bool]] = []   # (words, first row of a problem)
        for problem in self.problems:
            for i, line in enumerate(wrap(self.said(problem), font, width)):
                self.rows.append((line if i == 0 else "    " + line, i == 0))
        self.button = ButtonList([Button("Keep playing", pygame.Rect(BOX.centerx - 130, BOX.bottom - 78, 260, 52),
                                         key="back")])
        self.button.focus = 0

    def said(self, problem: Problem) -> str:
        """As lint prints it, the story folder's own part of the path left out (scenes/a.yaml:3:5: ...)."""
        return story_relative(self.app.story.root, str(problem))

    def handle_event(self, event: pygame.event.Event) -> Optional[Transition]:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER,
                                                          pygame.K_SPACE):
            return Pop()
        if event.type == pygame.MOUSEBUTTONUP and event.button == 3:
            return Pop()
        if self.button.handle(event) is not None:
            return Pop()
        return None

    def shown_rows(self) -> tuple[list[str], int]:
        """The rows of the problems that fit whole in the panel, and how many problems did not fit."""
        font = theme.ui_font(SIZE)
        room = (BOX.height - 120 - 100) // (font.get_linesize() + GAP)
        kept: list[str] = []
        shown = 0
        for index, (_, first) in enumerate(self.rows):
            if first:
                group = [words for words, _ in self.rows[index:index + 1]]
                rest = self.rows[index + 1:]
                group += [words for words, _ in rest[:next((i for i, (_, f) in enumerate(rest) if f), len(rest))]]
                if len(kept) + len(group) > room:
                    break
                kept += group
                shown += 1
        return kept, len(self.problems) - shown

    def draw(self, canvas: pygame.Surface) -> None:
        panel(canvas, BOX)
        count = len(self.problems)
        text(canvas, theme.display_font(30), self.title, theme.GOLD, (BOX.centerx, BOX.y + 44), "center")
        text(canvas, theme.ui_font(theme.SMALL_SIZE),
             f"{count} problem{'' if count == 1 else 's'}: the story as it was loaded before goes on",
             theme.PAPER_DIM, (BOX.centerx, BOX.y + 84), "center")
        font = theme.ui_font(SIZE)
        y = BOX.y + 120
        rows, left = self.shown_rows()
        for words in rows:
            if not words.startswith(" ") and y > BOX.y + 120:
                y += GAP
            text(canvas, font, words, theme.PAPER, (BOX.x + PAD, y))
            y += font.get_linesize()
        if left:
            text(canvas, font, f"… and {left} more: {PROGRAM} lint lists them all", theme.PAPER_DIM,
                 (BOX.x + PAD, y + 6))
        self.button.draw(canvas)
