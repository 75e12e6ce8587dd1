"""Overlays over the play screen: the game menu, confirmations, and notices."""
from __future__ import annotations

from typing import Callable, Optional

import pygame

from .. import theme
from ..screen import Pop, Push, Quit, Replace, Screen, Transition
from ..text import words, wrap
from ..widgets import Button, ButtonList, column, panel, text

BACK_KEYS = (pygame.K_ESCAPE,)


def is_back(event: pygame.event.Event) -> bool:
    """Escape or a right click: close this overlay."""
    return (event.type == pygame.KEYDOWN and event.key in BACK_KEYS) or \
        (event.type == pygame.MOUSEBUTTONUP and event.button == 3)


class Confirm(Screen):
    """Yes or no, over whatever is beneath; `then` gives the transition for yes."""

    overlay = True

    def __init__(self, app, question: str, detail: str, then: Callable[[], Transition], yes: str = "",
                 no: str = ""):
        super().__init__(app)
        yes, no = yes or app.words("confirm.yes"), no or app.words("confirm.no")
        self.question, self.detail, self.then = question, detail, then
        self.box = pygame.Rect(0, 0, 640, 270)
        self.box.center = (640, 340)
        y = self.box.bottom - 86
        self.buttons = ButtonList([Button(yes, pygame.Rect(self.box.centerx - 250, y, 230, 54), key="yes"),
                                   Button(no, pygame.Rect(self.box.centerx + 20, y, 230, 54), key="no")],
                                  horizontal=True, intro=f"{question} {detail}")
        self.buttons.focus = 1  # the safe answer is the default

    def handle_event(self, event: pygame.event.Event) -> Optional[Transition]:
        if is_back(event):
            return Pop()
        chosen = self.buttons.handle(event)
        if chosen is None:
            return None
        return self.then() if chosen.key == "yes" else Pop()

    def draw(self, canvas: pygame.Surface) -> None:
        panel(canvas, self.box, alpha=theme.DIALOG_ALPHA)
        text(canvas, theme.display_font(30), self.question, theme.PAPER, (self.box.centerx, self.box.y + 58), "center")
        text(canvas, theme.ui_font(theme.UI_SIZE), self.detail, theme.PAPER_DIM,
             (self.box.centerx, self.box.y + 110), "center")
        self.buttons.draw(canvas)


class Notice(Screen):
    """A short message with one button; the body is wrapped to the box."""

    overlay = True

    def __init__(self, app, title: str, body: str, button: str = ""):
        super().__init__(app)
        button = button or app.words("notice.back")
        self.title = title
        self.lines = wrap(" ".join(words(body)), theme.ui_font(theme.UI_SIZE), 560)[:14]
        height = 190 + 30 * len(self.lines)
        self.box = pygame.Rect(0, 0, 640, height)
        self.box.center = (640, 340)
        self.buttons = ButtonList([Button(button, pygame.Rect(self.box.centerx - 115, self.box.bottom - 82, 230, 54),
                                          key="back")], intro=f"{title}. {' '.join(self.lines)}")
        self.buttons.focus = 0

    def handle_event(self, event: pygame.event.Event) -> Optional[Transition]:
        if is_back(event) or self.buttons.handle(event) is not None:
            return Pop()
        return None

    def draw(self, canvas: pygame.Surface) -> None:
        panel(canvas, self.box, alpha=theme.DIALOG_ALPHA)
        text(canvas, theme.display_font(30), self.title, theme.PAPER, (self.box.centerx, self.box.y + 56), "center")
        y = self.box.y + 96
        for line in self.lines:
            text(canvas, theme.ui_font(theme.UI_SIZE), line, theme.PAPER_DIM, (self.box.centerx, y), "midtop")
            y += 30
        self.buttons.draw(canvas)


class GameMenu(Screen):
    """Escape or right click during play: save, load, history, settings, main menu, quit."""

    overlay = True

    def __init__(self, app, play=None):
        super().__init__(app)
        self.play = play  # the play screen beneath: what Save keeps and History shows
        self.box = pygame.Rect(0, 0, 440, 520)
        self.box.center = (640, 350)
        self.buttons = self.menu()
        self.buttons.focus = 0

    def menu(self) -> ButtonList:
        """The buttons in the app's language (made again when the language changed in Settings)."""
        w, play = self.app.words, self.play
        self.language = self.app.language
        items = [("save", w("menu.save"), play is not None), ("load", w("menu.load"), True),
                 ("history", w("menu.history"), play is not None), ("settings", w("menu.settings"), True),
                 ("title", w("menu.main_menu"), True), ("quit", w("menu.quit"), True)]
        return ButtonList(column(items, self.box.centerx, self.box.y + 92, width=320, height=52, gap=14))

    def on_enter(self) -> None:
        if self.language != self.app.language:
            focus = self.buttons.focus
            self.buttons = self.menu()
            self.buttons.focus = focus

    def handle_event(self, event: pygame.event.Event) -> Optional[Transition]:
        if is_back(event):
            return Pop()
        chosen = self.buttons.handle(event)
        if chosen is None:
            return None
        app = self.app
        if chosen.key in ("save", "load"):
            return Push(app.make("saves", chosen.key, self.play))
        if chosen.key == "history":
            return Replace(app.make("history", self.play))
        if chosen.key == "settings":
            return Push(app.make("settings"))

        def leave(then: Callable[[], Transition]) -> Callable[[], Transition]:
            def go() -> Transition:
                app.suspend()  # the play screen autosaves, before the title looks for the newest save
                return then()
            return go
        if chosen.key == "title":
            return Push(Confirm(app, app.words("menu.return_question"), app.words("menu.leave_note"),
                                leave(lambda: Replace(app.make("title"), clear=True))))
        return Push(Confirm(app, app.words("menu.quit_question"), app.words("menu.leave_note"), leave(Quit)))

    def draw(self, canvas: pygame.Surface) -> None:
        panel(canvas, self.box, alpha=theme.DIALOG_ALPHA)
        text(canvas, theme.display_font(34), self.app.words("menu.title"), theme.GOLD,
             (self.box.centerx, self.box.y + 48), "center")
        self.buttons.draw(canvas)
