"""The screen stack: a screen's handle_event returns Push, Pop, Replace or Quit, and apply() carries it out."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Optional, Union

import pygame

if TYPE_CHECKING:
    from .app import App


class Screen:
    """One screen. Overlays draw the screen beneath them, dimmed."""

    overlay = False

    def __init__(self, app: App):
        self.app = app

    def handle_event(self, event: pygame.event.Event) -> Optional[Transition]:
        return None

    def update(self, dt: float) -> bool:
        """Advance animations by dt seconds; True if the screen must be drawn again."""
        return False

    def draw(self, canvas: pygame.Surface) -> None:
        raise NotImplementedError

    def redraw(self, canvas: pygame.Surface, rects: list[pygame.Rect]) -> None:
        """Draw only these rects of the screen (what update() changed): draw() clipped to each, or to the box
        around many close together (StackPainter.merged). A screen that knows what lies under each rect may do
        less (the title: under a star, only its sky)."""
        for rect in StackPainter.merged(canvas, rects):
            canvas.set_clip(rect)
            self.draw(canvas)
        canvas.set_clip(None)

    def dirty_rects(self) -> list[pygame.Rect] | None:
        """After update(): the only canvas rects that changed, or None for the whole screen."""
        return None

    def still_for(self) -> float:
        """After update(): seconds during which update() would change nothing unless an event arrives, so the
        main loop need not call it (it then passes all the time gone by at once); 0: call it at every pass.
        A screen that keeps this class's update() never changes by itself: it is still until an event."""
        return math.inf if type(self).update is Screen.update else 0.0

    def on_enter(self) -> None:
        """Called when the screen comes to the top of the stack (pushed, or uncovered by a pop)."""

    def on_leave(self) -> None:
        """Called when the screen is removed from the stack."""

    def suspend(self) -> None:
        """The game is closing (window closed, logout): keep anything the player would miss."""

    def tell(self, words: str) -> bool:
        """Show a short note, if this screen has a place for one; True if it did."""
        return False


@dataclass(frozen=True)
class Push:
    """Put a screen over the top one."""
    screen: Screen


@dataclass(frozen=True)
class Pop:
    """Close the top screen (or this many)."""
    count: int = 1


@dataclass(frozen=True)
class Replace:
    """Replace the top screen; with clear=True, the whole stack."""
    screen: Screen
    clear: bool = False


@dataclass(frozen=True)
class Quit:
    """Close the game."""


Transition = Union[Push, Pop, Replace, Quit]


def apply(stack: list[Screen], transition: Optional[Transition]) -> bool:
    """Carry out a transition on the stack; True if anything changed."""
    if transition is None:
        return False
    if isinstance(transition, Push):
        stack.append(transition.screen)
        transition.screen.on_enter()
    elif isinstance(transition, Pop):
        for _ in range(min(transition.count, len(stack))):
            stack.pop().on_leave()
        if stack:
            stack[-1].on_enter()
    elif isinstance(transition, Replace):
        doomed = stack[:] if transition.clear else stack[-1:]
        del stack[len(stack) - len(doomed):]
        for screen in reversed(doomed):
            screen.on_leave()
        stack.append(transition.screen)
        transition.screen.on_enter()
    elif isinstance(transition, Quit):
        for screen in reversed(stack):
            screen.on_leave()
        stack.clear()
    return True


def apart(rects: list[pygame.Rect]) -> bool:
    """No two of the rects overlap: each pixel is in one at most, so layers may be drawn rect list by list."""
    # Each rect collides with itself only (one call in C a rect, no copy of the rest of the list for each).
    return all(len(rect.collidelistall(rects)) <= 1 for rect in rects)


def draw_stack(stack: list[Screen], canvas: pygame.Surface, dim: pygame.Surface) -> None:
    """Draw the top screen, and beneath each overlay the screen under it, dimmed."""
    bottom = len(stack) - 1
    while bottom > 0 and stack[bottom].overlay:
        bottom -= 1
    for index in range(bottom, len(stack)):
        if index > bottom:
            canvas.blit(dim, (0, 0))
        stack[index].draw(canvas)


MERGE_OVER = 3   # more dirty rects than this, within a quarter of the canvas, are drawn as the one that holds them


class StackPainter:
    """Draws the stack for the main loop. Beneath an overlay the screens stand still (only the top screen is
    updated), so they are composed once, dimmed, and kept: a dirty rect of the overlay is then one blit of
    that picture and the overlay's own drawing, not every screen of the stack again."""

    def __init__(self, dim: Callable[[], pygame.Surface]):
        """dim: the veil over the screens beneath an overlay, asked for when there first is one."""
        self.dim = dim
        self._beneath: Optional[pygame.Surface] = None
        self._under: tuple[int, ...] = ()
        self.drawn_beneath = 0   # times the screens beneath were drawn (the tests read it)

    def paint(self, stack: list[Screen], canvas: pygame.Surface, rects: Optional[list[pygame.Rect]] = None,
              fresh: bool = False) -> None:
        """Draw the whole stack (rects None) or only those rects; fresh: the screens beneath may have changed
        (an event was handled), so compose them again."""
        if not stack:
            return
        top = stack[-1]
        if not top.overlay or len(stack) == 1:   # an overlay alone has nothing beneath it to dim
            self._beneath, self._under = None, ()
            if rects is None:
                top.draw(canvas)
            else:
                top.redraw(canvas, rects)
            return
        under = tuple(id(screen) for screen in stack[:-1])
        if fresh or self._beneath is None or under != self._under or self._beneath.get_size() != canvas.get_size():
            canvas.set_clip(None)
            dim = self.dim()
            draw_stack(stack[:-1], canvas, dim)
            canvas.blit(dim, (0, 0))
            self._beneath, self._under = canvas.copy(), under
            self.drawn_beneath += 1
            top.draw(canvas)
            return
        beneath = self._beneath
        self._each(canvas, rects, lambda: top.draw(canvas), beneath)

    @staticmethod
    def merged(canvas: pygame.Surface, rects: list[pygame.Rect], over: int = MERGE_OVER) -> list[pygame.Rect]:
        """The rects, or the box that holds them when there are more than `over` and it is within a quarter of the
        canvas."""
        if len(rects) > over:
            # Many small rects close together (glints on water): one pass clipped to the box holding them all,
            # not one pass of the whole screen's drawing for each. Spread over the canvas (stars in a sky),
            # the box would repaint most of it, so they stay apart.
            box = rects[0].unionall(rects[1:])
            if box.width * box.height * 4 <= canvas.get_width() * canvas.get_height():
                return [box]
        return rects

    @classmethod
    def _each(cls, canvas: pygame.Surface, rects: Optional[list[pygame.Rect]], draw, beneath=None) -> None:
        if rects is None:
            if beneath is not None:
                canvas.blit(beneath, (0, 0))
            draw()
            return
        for rect in cls.merged(canvas, rects):
            canvas.set_clip(rect)
            if beneath is not None:
                canvas.blit(beneath, rect, rect)
            draw()
        canvas.set_clip(None)
