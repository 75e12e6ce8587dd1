"""`python main.py` in a real X window on a 1280x800 screen, the Steam Deck's: the whole canvas shows at its own
scale between two 40 px bars, and clicks land where they are aimed."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from test_window_e2e import GOLD, NEW_GAME, TITLE_RULE, Player, focused_card
from xvfb_helpers import Window, XDisplay, missing_tools, share_of, start_xvfb, stop

ROOT = Path(__file__).resolve().parents[1]
DECK = (1280, 800)
BAR = (DECK[1] - 720) // 2


@pytest.fixture
def deck(tmp_path: Path):
    missing = missing_tools()
    if missing:
        pytest.skip(f"the window test needs {', '.join(missing)}: not installed")
    server, number = start_xvfb(f"{DECK[0]}x{DECK[1]}x24")
    try:
        shown = XDisplay(number)
        shown.wait_until_answering()
        env = dict(shown.env, SDL_VIDEODRIVER="x11", SDL_AUDIODRIVER="dummy",
                   UTSS_DATA_DIR=str(tmp_path / "data"), UTSS_CONFIG_DIR=str(tmp_path / "config"))
        env.pop("UTSS_EXIT_AFTER_FIRST_FRAME", None)
        stderr = tmp_path / "stderr.txt"
        with open(stderr, "w") as err, open(tmp_path / "stdout.txt", "w") as out:
            game = subprocess.Popen([sys.executable, "main.py"], cwd=ROOT, env=env, stdout=out, stderr=err)
            try:
                yield Player(shown, game, stderr, tmp_path)
            finally:
                stop(game)
    finally:
        stop(server)


def test_a_1280x800_window_shows_the_whole_canvas_between_bars_and_maps_clicks(deck: Player) -> None:
    deck.find_window()
    deck.display.xdotool("windowmove", "--sync", deck.window.id, "0", "0")
    deck.display.xdotool("windowsize", "--sync", deck.window.id, str(DECK[0]), str(DECK[1]))
    deck.window = Window(deck.window.id, pygame.Rect((0, 0), DECK))
    rule = TITLE_RULE.move(0, BAR)           # at its own scale, moved down by the top bar: exactly gold

    def title_between_bars(picture: pygame.Surface) -> bool:
        return share_of(picture.subsurface(rule), GOLD) > 0.9 and \
            share_of(picture.subsurface((0, 0, DECK[0], BAR)), (0, 0, 0), tolerance=2) > 0.99 and \
            share_of(picture.subsurface((0, DECK[1] - BAR, DECK[0], BAR)), (0, 0, 0), tolerance=2) > 0.99
    shown = deck.wait_for(title_between_bars, "the title at 1:1 between two black bars, in a 1280x800 window")
    # the canvas's last rows (the title's hint line at y 700) are on screen, not cut off
    assert share_of(shown.subsurface((0, BAR + 690, DECK[0], 20)), (0, 0, 0), tolerance=2) < 0.99
    deck.click((NEW_GAME[0], NEW_GAME[1] + BAR))

    def route_select(picture: pygame.Surface) -> bool:
        canvas = picture.subsurface((0, BAR, 1280, 720))
        return focused_card(canvas) is not None
    deck.wait_for(route_select, "the route select, after a click on New game through the bar's offset")
