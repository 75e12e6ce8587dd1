"""A redraw draws what lies under what changed: beneath an overlay, the still screens are composed once."""
from __future__ import annotations

import pygame

from game.ui.screen import Push, Screen, apply, draw_stack
from ui_helpers import key, make_app


class Counted(Screen):
    """A full screen that counts its draws."""

    def __init__(self, app, colour):
        super().__init__(app)
        self.colour, self.draws = colour, 0

    def draw(self, canvas: pygame.Surface) -> None:
        self.draws += 1
        canvas.fill(self.colour)
        pygame.draw.circle(canvas, (240, 200, 90), (300, 300), 120)


class Blinking(Counted):
    """An overlay with a small part that changes at every update (a cursor)."""

    overlay = True
    SPOT = pygame.Rect(620, 340, 40, 40)

    def __init__(self, app):
        super().__init__(app, (0, 0, 0))
        self.on = False

    def update(self, dt: float) -> bool:
        self.on = not self.on
        return True

    def dirty_rects(self) -> list[pygame.Rect] | None:
        return [self.SPOT]

    def draw(self, canvas: pygame.Surface) -> None:
        self.draws += 1
        pygame.draw.rect(canvas, (30, 30, 60), (400, 200, 480, 320))
        canvas.fill((250, 250, 250) if self.on else (90, 20, 20), self.SPOT)


def test_a_dirty_rect_of_an_overlay_draws_the_overlay_alone_and_the_same_picture() -> None:
    app = make_app()
    under, middle = Counted(app, (20, 60, 90)), None
    app.stack = [under]
    middle = Blinking(app)
    apply(app.stack, Push(middle))
    top = Blinking(app)
    apply(app.stack, Push(top))
    app.step(0, force=True)                   # pushed: the whole stack is drawn once
    assert under.draws == 1 and middle.draws == 1 and app.painter.drawn_beneath == 1
    for _ in range(10):
        assert app.step(1 / 30)               # the cursor blinks: a 40x40 rect each time
    assert under.draws == 1 and middle.draws == 1 and top.draws == 11
    expected = pygame.Surface(app.canvas.get_size())
    draw_stack(app.stack, expected, app.dim)
    assert pygame.image.tobytes(app.canvas, "RGB") == pygame.image.tobytes(expected, "RGB")


def test_an_event_or_a_new_stack_composes_the_screens_beneath_again() -> None:
    app = make_app()
    under = Counted(app, (20, 60, 90))
    app.stack = [under, Blinking(app)]
    app.step(0, force=True)
    app.step(1 / 30)
    assert under.draws == 1
    app.handle(key(pygame.K_a))               # an event the overlay handled may have changed what is beneath
    app.step(1 / 30, force=True)
    assert under.draws == 2 and app.painter.drawn_beneath == 2
    app.stack[-1] = Blinking(app)             # another overlay over the same screens: composed again
    app.step(1 / 30, force=True)
    assert under.draws == 3


def test_without_an_overlay_nothing_is_kept_for_it() -> None:
    app = make_app()
    app.stack = [Counted(app, (20, 60, 90))]
    app.step(0, force=True)
    assert app.painter._beneath is None


def test_an_overlay_alone_is_drawn_as_it_was() -> None:
    app = make_app()
    alone = Blinking(app)
    app.stack = [alone]
    app.step(0, force=True)
    app.step(1 / 30)
    expected = pygame.Surface(app.canvas.get_size())
    draw_stack(app.stack, expected, app.dim)
    assert pygame.image.tobytes(app.canvas, "RGB") == pygame.image.tobytes(expected, "RGB")


class Twinkling(Counted):
    """A full screen with many small parts changing at once (stars on a sky)."""

    SPOTS = [pygame.Rect(40 + 90 * i, 30 + 17 * i, 6, 6) for i in range(12)]

    def __init__(self, app):
        super().__init__(app, (10, 12, 40))
        self.phase = 0

    def update(self, dt: float) -> bool:
        self.phase += 1
        return True

    def dirty_rects(self) -> list[pygame.Rect] | None:
        return list(self.SPOTS)

    def draw(self, canvas: pygame.Surface) -> None:
        super().draw(canvas)
        for i, spot in enumerate(self.SPOTS):
            canvas.fill((255, 255, 200) if (i + self.phase) % 2 else (60, 60, 90), spot)


def test_many_small_dirty_rects_are_one_pass_of_the_screens_drawing() -> None:
    app = make_app()
    sky = Twinkling(app)
    app.stack = [sky]
    app.step(0, force=True)
    for _ in range(5):
        app.step(1 / 30)
    assert sky.draws == 6                      # once a step, not once per star
    expected = pygame.Surface(app.canvas.get_size())
    draw_stack(app.stack, expected, app.dim)
    assert pygame.image.tobytes(app.canvas, "RGB") == pygame.image.tobytes(expected, "RGB")


class Starry(Twinkling):
    """Small changes spread over the whole canvas: their box would be most of it."""

    SPOTS = [pygame.Rect(20 + 250 * (i % 5), 20 + 600 * (i // 5), 6, 6) for i in range(10)]


def test_small_rects_spread_over_the_canvas_stay_apart_and_draw_the_same_picture() -> None:
    app = make_app()
    sky = Starry(app)
    app.stack = [sky]
    app.step(0, force=True)
    app.step(1 / 30)
    assert sky.draws == 1 + len(Starry.SPOTS)
    expected = pygame.Surface(app.canvas.get_size())
    draw_stack(app.stack, expected, app.dim)
    assert pygame.image.tobytes(app.canvas, "RGB") == pygame.image.tobytes(expected, "RGB")
