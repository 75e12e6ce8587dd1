"""Dialogs and the game menu hide what is beneath them: drawn over a screen full of bright words, a dialog's panel
is the same, pixel for pixel, as over an empty screen."""
from __future__ import annotations

import pygame
import pytest

from game.ui import theme
from game.ui.screen import Screen, draw_stack
from game.ui.screens.menus import Confirm, GameMenu, Notice
from picture_checks import largest_difference
from ui_helpers import make_app


@pytest.fixture
def app():
    app = make_app()
    yield app
    app.audio.close()


class Words(Screen):
    """A screen of bright words, edge to edge (or none)."""

    def __init__(self, app, bright: bool):
        super().__init__(app)
        self.bright = bright

    def draw(self, canvas: pygame.Surface) -> None:
        canvas.fill((40, 40, 60))
        if self.bright:
            font = theme.text_font(30)
            for y in range(0, theme.CANVAS[1], font.get_linesize()):
                canvas.blit(font.render("Under the same stars, every word in white " * 3, True, (255, 255, 255)),
                            (0, y))


def drawn(app, dialog: Screen, bright: bool) -> pygame.Surface:
    canvas = pygame.Surface(theme.CANVAS)
    draw_stack([Words(app, bright), dialog], canvas, app.dim)
    return canvas


@pytest.mark.parametrize("make", [
    lambda app: Confirm(app, "Quit the game?", "See you under the stars.", lambda: None),
    lambda app: Notice(app, "About your saved data", "A damaged file was set aside. " * 6),
    lambda app: GameMenu(app),
])
def test_nothing_beneath_a_dialog_shows_through_its_panel(app, make) -> None:
    dialog = make(app)
    inside = dialog.box.inflate(-40, -40)                      # within the rounded corners and the rule
    over_words, over_nothing = drawn(app, dialog, True), drawn(app, dialog, False)
    assert largest_difference(over_words.subsurface(inside), over_nothing.subsurface(inside)) <= 2
    # around the dialog the words are there, stepped back
    outside = pygame.Rect(0, 0, theme.CANVAS[0], dialog.box.top)
    assert largest_difference(over_words.subsurface(outside), over_nothing.subsurface(outside)) > 20

