"""The title screen: the game's name over the title art, and the main menu."""
from __future__ import annotations

from typing import Optional

import pygame

from .. import theme
from ..screen import Push, Quit, Screen, Transition, apart
from ..skin import skin
from ..widgets import ButtonList, column, lettering
from .backdrop import Backdrop
from ..session import load_slot
from .menus import Confirm


FLOURISH = ((470, 222), (810, 222))               # a gold line, when the skin's flourish picture is missing
FLOURISH_LINE = pygame.Rect(468, 219, 345, 7)     # what it covers, with a margin


class TitleScreen(Screen):
    def __init__(self, app):
        super().__init__(app)
        self.backdrop = Backdrop(app)
        self.newest = app.slots.newest()  # Continue loads the newest save of any kind
        finished = set(app.records.routes_finished)
        self.unlocked = [r.id for r in app.story.routes.values() if r.after and set(r.after) <= finished]
        self.buttons = self.menu()
        self.prepared = False

    def menu(self) -> ButtonList:
        """The main menu in the app's language (made again when the language changed in Settings)."""
        app, saves = self.app, self.newest is not None
        self.language = app.language
        w = app.words
        items = [("new", w("title.new"), True)]
        items += [(f"route:{r}", app.story.routes[r].title, True) for r in self.unlocked]
        items += [("continue", w("title.continue"), saves), ("load", w("title.load"), True),
                  ("settings", w("title.settings"), True), ("endings", w("title.endings"), True),
                  ("quit", w("title.quit"), True)]
        height, gap = (48, 11) if len(items) <= 6 else (44, 8)
        buttons = ButtonList(column(items, 640, 312 - 24 * (len(items) - 6), width=340, height=height, gap=gap))
        buttons.focus = 0
        self.letters = self.lettering()
        self.plain_flourish = skin().piece("title_flourish") is None   # the picture is missing: a line
        # What lies over the backdrop: a dirty rect that misses all of it is the backdrop's alone (redraw). A
        # word's rect is mostly the sky between and around its letters: their ink says where they really are.
        self.ink = [(pygame.mask.from_surface(picture, 0), rect) for picture, rect in self.letters]
        self.button_rects = [button.rect for button in buttons.buttons]
        self.covered = [rect for _, rect in self.letters] + self.button_rects + [FLOURISH_LINE]
        return buttons

    def _under(self, rect: pygame.Rect) -> bool:
        """Something of the title's own is drawn in this rect over the backdrop: a button, the line, or ink."""
        if rect.collidelist(self.covered) < 0:
            return False
        if rect.collidelist(self.button_rects) >= 0 or rect.colliderect(FLOURISH_LINE):
            return True
        spot = pygame.mask.Mask(rect.size, fill=True)
        return any(ink.overlap(spot, (rect.x - at.x, rect.y - at.y)) for ink, at in self.ink if at.colliderect(rect))

    def lettering(self) -> list[tuple[pygame.Surface, pygame.Rect]]:
        """The title, its flourish, the tagline and the keys, as pictures in place: made with the menu, so that a
        redraw (under a twinkling star) is one call, not a lookup of each string in the text cache."""
        app = self.app
        pieces = lettering(theme.display_font(86), app.story.title, (250, 236, 206), (640, 150), "center", True)
        flourish = skin().piece("title_flourish")
        if flourish is not None:
            pieces.append((flourish, flourish.get_rect(center=(640, 223))))
        if app.story.tagline:   # the story's own (its manifest's tagline:), never the engine's
            pieces += lettering(theme.text_font(24, italic=True), app.story.tagline, (228, 216, 196),
                                (640, 256), "center", True)
        pieces += lettering(theme.ui_font(theme.SMALL_SIZE, bold=True), app.words("title.keys"), theme.PAPER_DIM,
                            (640, 700), "center", True)
        return pieces

    def on_enter(self) -> None:
        if self.language != self.app.language:
            focus = self.buttons.focus
            self.buttons = self.menu()
            self.buttons.focus = focus
        self.app.audio.music(self.app.story.title_music)
        self.app.audio.ambience(None)
        self.prepared = False

    def look_ahead(self) -> None:
        """Once the title is on screen, and while it idles, the route cards' pictures are made (New game
        shows them at once)."""
        self.prepared = True
        pictures = [r.picture for r in self.app.story.routes.values() if not r.after]
        self.app.prefetch.add(self.app.assets.thumbnail_jobs(pictures, theme.ROUTE_THUMB))

    def handle_event(self, event: pygame.event.Event) -> Optional[Transition]:
        chosen = self.buttons.handle(event)
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return Push(Confirm(self.app, self.app.words("title.quit_question"), self.app.words("title.goodbye"),
                                lambda: Quit()))
        if chosen is None:
            return None
        app = self.app
        if chosen.key.startswith("route:"):
            from ..screen import Replace
            runner = app.start_route(chosen.key.split(":", 1)[1])
            return Replace(app.make("play", runner), clear=True)
        return {
            "new": lambda: Push(app.make("routes")),
            "continue": lambda: load_slot(app, self.newest),
            "load": lambda: Push(app.make("saves", "load")),
            "settings": lambda: Push(app.make("settings")),
            "endings": lambda: Push(app.make("endings")),
            "quit": lambda: Quit(),
        }[chosen.key]()

    @property
    def busy(self) -> bool:
        return False

    def update(self, dt: float) -> bool:
        moved = self.backdrop.update(dt)   # first: the title's own map is read before the route cards
        if not self.prepared and self.app.frames:
            self.look_ahead()
        return moved

    def dirty_rects(self) -> list[pygame.Rect] | None:
        return self.backdrop.rects or None

    def still_for(self) -> float:
        return self.backdrop.still_for() if self.prepared else 0.0

    def draw(self, canvas: pygame.Surface) -> None:
        self.backdrop.draw(canvas)
        self._draw_over(canvas)
        self.buttons.draw(canvas)

    def _draw_over(self, canvas: pygame.Surface) -> None:
        canvas.blits(self.letters, doreturn=False)
        if self.plain_flourish:
            pygame.draw.line(canvas, theme.GOLD, *FLOURISH, 2)

    def redraw(self, canvas: pygame.Surface, rects: list[pygame.Rect]) -> None:
        """Twinkling stars: the backdrop under all of them at once; then, only where a star is behind words or
        a button, those, clipped to it."""
        if not apart(rects):
            super().redraw(canvas, rects)
            return
        self.backdrop.draw(canvas, rects)
        for rect in rects:
            if not self._under(rect):
                continue
            canvas.set_clip(rect)
            self._draw_over(canvas)
            if rect.collidelist(self.button_rects) >= 0:
                self.buttons.draw(canvas)
        canvas.set_clip(None)
