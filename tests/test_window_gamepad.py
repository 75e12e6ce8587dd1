"""The gamepad in a real X window: an SDL virtual game controller plugged in while the game runs, its buttons
pressed through SDL itself (tests/pad_window.py), pulled out and plugged in again."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from test_window_e2e import ROOT, Player, display  # noqa: F401 - display is a fixture
from window_game import Game, is_line
from xvfb_helpers import stop

A, B, START = pygame.CONTROLLER_BUTTON_A, pygame.CONTROLLER_BUTTON_B, pygame.CONTROLLER_BUTTON_START


class Pad:
    """The virtual pad in the game's process, told what to do through its standard input."""

    def __init__(self, game: subprocess.Popen):
        self.game = game

    def do(self, command: str) -> None:
        self.game.stdin.write(command + "\n")
        self.game.stdin.flush()
        answer = self.game.stdout.readline().strip()
        if answer.startswith("unavailable"):
            pytest.skip(f"SDL's virtual joystick cannot be made here: {answer}")
        assert answer == f"done {command.split()[0]}", f"the pad did not {command!r}: {answer!r}"

    def press(self, button: int) -> None:
        self.do(f"press {button}")


@pytest.fixture
def pad_game(display, tmp_path: Path):
    env = dict(display.env, SDL_VIDEODRIVER="x11", SDL_AUDIODRIVER="dummy", UTSS_TRACE=str(tmp_path / "trace"),
               UTSS_DATA_DIR=str(tmp_path / "data"), UTSS_CONFIG_DIR=str(tmp_path / "config"))
    env.pop("UTSS_EXIT_AFTER_FIRST_FRAME", None)
    stderr = tmp_path / "stderr.txt"
    with open(stderr, "w") as err:
        game = subprocess.Popen([sys.executable, str(Path(__file__).parent / "pad_window.py"), "--route", "vineyard"],
                                cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err,
                                text=True)
        try:
            yield Game(Player(display, game, stderr, tmp_path), tmp_path / "trace"), Pad(game)
        finally:
            stop(game)


def test_a_pad_plugged_in_while_playing_reads_on_opens_the_menu_and_survives_being_pulled_out(pad_game) -> None:
    game, pad = pad_game
    game.player.find_window()
    first = game.wait(is_line, "the first line")
    pad.do("plug")
    after = None
    for _ in range(3):                     # A: a press may only finish the line's words, the next goes on
        pad.press(A)
        try:
            after = game.wait(lambda e: is_line(e) and e["line"] != first["line"], "the next line", timeout=3.0)
            break
        except AssertionError:
            continue
    assert after is not None, "A never went on to the next line"
    pad.press(START)
    game.screen("GameMenu")
    pad.press(B)
    game.screen("PlayScreen")
    pad.do("unplug")
    pad.do("plug")                         # plugged in again, as a new device
    pad.press(START)
    game.screen("GameMenu")
    assert game.player.dead() is None
