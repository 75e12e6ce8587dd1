"""The game's window: the fixed 1280x720 canvas shown at any window size, letterboxed, sending only what changed.

pygame's SCALED mode would do the scaling, but through SDL's renderer, which copies and presents the whole
frame for every update, however little changed: about 1.8 ms of CPU each time, so a twinkling star or a
candle at a few steps a second would cost more than the whole idle budget. Here the window's size decides what
the canvas is. At the canvas's own size the canvas is the window's surface itself: screens draw into it and
SDL sends the screen only the rects that changed (no copy between two surfaces: a twinkle's step touches one
surface fewer). At any other size (a resized window, full screen) the canvas is a surface of our own, scaled
into the largest 16:9 rect that fits, with black bars around, and mouse positions are mapped back onto the
canvas, so screens only ever see canvas coordinates. A change of size makes the app draw the whole canvas
again (App.handle), so neither canvas needs to keep what the other showed.
"""
from __future__ import annotations

import math
import warnings
from typing import Optional

import pygame

from .theme import CANVAS

MOUSE_EVENTS = (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP)
MINIMUM = (640, 360)


def letterbox(window: tuple[int, int], canvas: tuple[int, int] = CANVAS) -> pygame.Rect:
    """The largest rect of the canvas's shape that fits in the window, centred."""
    scale = min(window[0] / canvas[0], window[1] / canvas[1])
    w, h = max(1, round(canvas[0] * scale)), max(1, round(canvas[1] * scale))
    return pygame.Rect((window[0] - w) // 2, (window[1] - h) // 2, w, h)


class Window:
    """The window and the canvas drawn into it. Headless, the canvas is the (dummy) display surface itself."""

    def __init__(self, fullscreen: bool = False, headless: bool = False):
        self.headless = headless
        self.fullscreen = False
        self.windowed = CANVAS   # the window's size to return to from full screen: the player's last
        self._own: Optional[pygame.Surface] = None   # the canvas while the window is not at the canvas's size
        if headless:
            pygame.display.set_mode(CANVAS)
            return
        self._open(fullscreen)

    @property
    def canvas(self) -> pygame.Surface:
        """Where screens draw: the 1280x720 window surface itself, or at any other window size our own surface
        (in the window's pixel format) that present() scales."""
        screen = pygame.display.get_surface()
        if screen.get_size() == CANVAS:
            return screen
        if self._own is None:
            self._own = pygame.Surface(CANVAS, 0, screen)
        return self._own

    def _open(self, fullscreen: bool) -> None:
        with warnings.catch_warnings():  # pygame's notes on framebuffers and its Window API are not the player's
            warnings.simplefilter("ignore")
            if fullscreen:
                screen = pygame.display.get_surface()
                if screen is not None and not self.fullscreen:
                    self.windowed = screen.get_size()
                pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            else:
                pygame.display.set_mode(self.windowed, pygame.RESIZABLE)
            try:  # pygame-ce's Window API; without it the window simply has no minimum size
                pygame.Window.from_display_module().minimum_size = MINIMUM
            except (AttributeError, pygame.error):
                pass
        self.fullscreen = fullscreen

    def toggle_fullscreen(self) -> None:
        if not self.headless:
            self._open(not self.fullscreen)

    @property
    def view(self) -> pygame.Rect:
        """Where the canvas is shown in the window."""
        screen = pygame.display.get_surface()
        if self.headless or screen is None or screen.get_size() == CANVAS:
            return pygame.Rect((0, 0), CANVAS)
        return letterbox(screen.get_size())

    def present(self, rects: Optional[list[pygame.Rect]] = None) -> None:
        """Show the canvas: the whole of it (None), or only these rects of it."""
        screen = pygame.display.get_surface()
        if screen.get_size() == CANVAS:   # headless, or the window at the canvas's size: the canvas is its surface
            pygame.display.flip() if rects is None else pygame.display.update(rects)
            return
        canvas = self.canvas
        view = self.view
        if view.size == CANVAS:   # a taller or wider screen at the canvas's own scale (Steam Deck's 1280x800)
            if rects is None:
                screen.fill((0, 0, 0))
                screen.blit(canvas, view)
                pygame.display.flip()
            else:
                shown = [rect.clip(canvas.get_rect()).move(view.topleft) for rect in rects]
                for rect, place in zip(rects, shown):
                    screen.blit(canvas, place, rect.clip(canvas.get_rect()))
                pygame.display.update(shown)
            return
        if rects is None:
            screen.fill((0, 0, 0))
            pygame.transform.smoothscale(canvas, view.size, screen.subsurface(view))
            pygame.display.flip()
            return
        shown = []
        for rect in rects:
            place = self._on_screen(rect.clip(canvas.get_rect()), view)
            if place.width and place.height:
                source = canvas.subsurface(rect.clip(canvas.get_rect()))
                screen.blit(pygame.transform.smoothscale(source, place.size), place)
                shown.append(place)
        pygame.display.update(shown)

    @staticmethod
    def _on_screen(rect: pygame.Rect, view: pygame.Rect) -> pygame.Rect:
        sx, sy = view.width / CANVAS[0], view.height / CANVAS[1]
        left, top = view.x + math.floor(rect.x * sx), view.y + math.floor(rect.y * sy)
        right, bottom = view.x + math.ceil(rect.right * sx), view.y + math.ceil(rect.bottom * sy)
        return pygame.Rect(left, top, right - left, bottom - top)

    def to_canvas(self, event: pygame.event.Event) -> pygame.event.Event:
        """The event with its mouse position on the canvas (outside it, in the bars, it lands off the canvas)."""
        if event.type not in MOUSE_EVENTS:
            return event
        view = self.view
        if view.size == CANVAS and view.topleft == (0, 0):
            return event
        sx, sy = CANVAS[0] / view.width, CANVAS[1] / view.height
        x, y = event.pos
        moved = dict(event.dict, pos=(math.floor((x - view.x) * sx), math.floor((y - view.y) * sy)))
        if "rel" in moved:
            moved["rel"] = (round(event.rel[0] * sx), round(event.rel[1] * sy))
        return pygame.event.Event(event.type, moved)
