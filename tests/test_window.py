"""The window shows the 1280x720 canvas at any size, letterboxed, sends only what changed, maps the mouse back."""
from __future__ import annotations

import pygame
import pytest

from game.ui.window import Window, letterbox

RED, GREEN, BLUE, BLACK = (200, 30, 30), (30, 200, 30), (30, 30, 200), (0, 0, 0)


def colour(surface: pygame.Surface, pos: tuple[int, int]) -> tuple[int, int, int]:
    return tuple(surface.get_at(pos))[:3]


@pytest.fixture
def window():
    pygame.display.init()
    yield Window(fullscreen=False, headless=False)
    pygame.display.quit()


def resize(size: tuple[int, int]) -> pygame.Surface:
    """What a player's resize does to the display surface (the dummy driver has no window to drag)."""
    return pygame.display.set_mode(size, pygame.RESIZABLE)


def test_letterbox_keeps_the_shape_and_centres_it() -> None:
    assert letterbox((1280, 720)) == pygame.Rect(0, 0, 1280, 720)
    assert letterbox((1920, 1080)) == pygame.Rect(0, 0, 1920, 1080)
    assert letterbox((1600, 1000)) == pygame.Rect(0, 50, 1600, 900)   # bars above and below
    assert letterbox((1500, 700)) == pygame.Rect(128, 0, 1244, 700)   # bars at the sides


def test_at_its_own_size_the_canvas_is_the_window_surface_and_only_changed_rects_are_sent(window, monkeypatch
                                                                                           ) -> None:
    screen = pygame.display.get_surface()
    assert window.canvas is screen                                     # no copy between two surfaces
    sent = []
    monkeypatch.setattr(pygame.display, "update", lambda rects: sent.append(rects))
    monkeypatch.setattr(pygame.display, "flip", lambda: sent.append(None))
    window.canvas.fill(RED)
    window.present()
    window.canvas.fill(BLUE, pygame.Rect(0, 0, 10, 10))
    window.present([pygame.Rect(0, 0, 10, 10)])
    assert sent == [None, [pygame.Rect(0, 0, 10, 10)]]
    assert colour(screen, (5, 5)) == BLUE and colour(screen, (640, 360)) == RED


def test_the_canvas_is_a_surface_of_its_own_only_while_the_window_has_another_size(window) -> None:
    assert window.canvas is pygame.display.get_surface()
    resize((1920, 1080))
    scaled = window.canvas
    assert scaled is not pygame.display.get_surface() and scaled.get_size() == (1280, 720)
    assert window.canvas is scaled                                     # kept while the size stays other
    screen = resize((1280, 720))
    assert window.canvas is screen


def test_in_a_larger_window_the_canvas_is_scaled_into_a_letterbox(window) -> None:
    screen = resize((1920, 1200))
    window.canvas.fill(RED)
    window.canvas.fill(GREEN, pygame.Rect(0, 0, 640, 720))            # the left half green
    window.present()
    assert window.view == pygame.Rect(0, 60, 1920, 1080)
    assert colour(screen, (960, 30)) == BLACK and colour(screen, (960, 1170)) == BLACK
    assert colour(screen, (400, 600)) == GREEN and colour(screen, (1500, 600)) == RED
    window.canvas.fill(BLUE, pygame.Rect(1000, 100, 40, 40))          # a change, shown at 1.5 times
    window.present([pygame.Rect(1000, 100, 40, 40)])
    assert colour(screen, (1530, 60 + 180)) == BLUE and colour(screen, (1400, 600)) == RED


def test_mouse_positions_are_mapped_back_onto_the_canvas(window) -> None:
    resize((1920, 1200))
    click = pygame.event.Event(pygame.MOUSEBUTTONDOWN, {"pos": (960, 600), "button": 1})
    assert window.to_canvas(click).pos == (640, 360) and window.to_canvas(click).button == 1
    motion = pygame.event.Event(pygame.MOUSEMOTION, {"pos": (0, 30), "rel": (3, 3), "buttons": (0, 0, 0)})
    mapped = window.to_canvas(motion)
    assert mapped.pos[1] < 0 and mapped.rel == (2, 2)                 # in the bar: off the canvas
    key = pygame.event.Event(pygame.KEYDOWN, {"key": pygame.K_RETURN, "mod": 0})
    assert window.to_canvas(key) is key


def test_headless_the_canvas_is_the_display_surface() -> None:
    pygame.display.init()
    try:
        window = Window(headless=True)
        assert window.canvas is pygame.display.get_surface() and window.view.size == (1280, 720)
    finally:
        pygame.display.quit()


def test_leaving_full_screen_returns_to_the_window_size_the_player_had(window) -> None:
    resize((1000, 600))
    window.toggle_fullscreen()
    assert window.fullscreen
    window.toggle_fullscreen()
    assert not window.fullscreen and pygame.display.get_surface().get_size() == (1000, 600)
    resize((1440, 900))                                                # a second resize, a second round trip
    window.toggle_fullscreen()
    window.toggle_fullscreen()
    assert pygame.display.get_surface().get_size() == (1440, 900)


def test_on_a_steam_decks_1280x800_the_whole_canvas_shows_between_two_bars(window) -> None:
    assert letterbox((1280, 800)) == pygame.Rect(0, 40, 1280, 720)    # at its own scale: nothing cut, nothing blurred
    screen = resize((1280, 800))
    window.canvas.fill(RED)
    window.canvas.fill(GREEN, pygame.Rect(0, 0, 1280, 1))             # the canvas's first and last rows
    window.canvas.fill(BLUE, pygame.Rect(0, 719, 1280, 1))
    window.present()
    assert colour(screen, (640, 20)) == BLACK and colour(screen, (640, 780)) == BLACK
    assert colour(screen, (0, 40)) == GREEN and colour(screen, (1279, 759)) == BLUE
    assert colour(screen, (640, 400)) == RED
    window.canvas.fill(BLUE, pygame.Rect(1270, 0, 10, 10))             # a corner's change, sent alone
    window.present([pygame.Rect(1270, 0, 10, 10)])
    assert colour(screen, (1275, 45)) == BLUE and colour(screen, (1265, 45)) == RED
    corner = pygame.event.Event(pygame.MOUSEBUTTONUP, {"pos": (1279, 759), "button": 1})
    assert window.to_canvas(corner).pos == (1279, 719)
    top = pygame.event.Event(pygame.MOUSEBUTTONUP, {"pos": (0, 40), "button": 1})
    assert window.to_canvas(top).pos == (0, 0)
    bar = pygame.event.Event(pygame.MOUSEBUTTONUP, {"pos": (640, 10), "button": 1})
    assert window.to_canvas(bar).pos[1] < 0
