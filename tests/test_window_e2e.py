"""`python main.py` in a real X window (Xvfb), played with xdotool and checked on screenshots, as a player would.

Where to look on the canvas (1280x720, shown at 1:1) comes from reading the screens; each place names its source.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Optional

import pygame
import pytest

from game.ui.choice_layout import WIDE
from xvfb_helpers import (Window, XDisplay, changed_pixels, missing_tools, poll, runs_in_column, runs_in_row,
                          share_of, start_xvfb, stop, wait_for)

ROOT = Path(__file__).resolve().parents[1]
WM_CLASS = "under-the-same-stars"          # game/ui/__init__.py: SDL_VIDEO_X11_WMCLASS
CANVAS = (1280, 720)

GOLD = (224, 178, 92)                      # game/ui/theme.py
PANEL_EDGE = (92, 80, 70)                  # game/ui/widgets.py: panel()'s default rule
DISABLED_EDGE = (70, 64, 62)
BUTTON_EDGES = ((110, 96, 82), GOLD, DISABLED_EDGE)  # widgets.Button.draw: plain, focused, disabled

# title.py: the gold rule under the game's name, and the "New game" button
TITLE_RULE = pygame.Rect(480, 222, 320, 2)
NEW_GAME = (640, 336)
# routes.py: cards 360 wide from y 140, side by side and centred (one route: the card's centre is (640, 370));
# the focused one framed in gold by card.rect.inflate(6, 6), so along y 137
ROUTE_FRAME_Y, ROUTE_CARD_Y = 137, 370
# play.py: the "Meters (M)" toggle (hud.py, Rect(24, 18, 132, 36)) is there from the first frame of play
METERS_TOGGLE_TOP = pygame.Rect(40, 18, 100, 2)
# textbox.py: BOX = Rect(60, 486, 1160, 196); its panel's bottom rule
TEXT_BOX = pygame.Rect(60, 486, 1160, 196)
TEXT_BOX_BOTTOM = pygame.Rect(100, 680, 1080, 2)
# choice_layout.py: option buttons between y 16 and the text box, centred and WIDE when no face is in the way,
# else in the widest stretch between faces; their left rule is the first two columns of the button
OPTIONS_TOP, OPTIONS_BOTTOM = 16, 480
# menus.py GameMenu: a 440x520 panel centred at (640, 350); buttons from box.y + 92, 320x52, gap 14; Quit is 6th
GAME_MENU_TOP = pygame.Rect(440, 90, 400, 2)
QUIT = (640, 90 + 92 + 5 * (52 + 14) + 26)
# menus.py Confirm: a 640x270 panel centred at (640, 340); Yes is Rect(centerx - 250, bottom - 86, 230, 54)
CONFIRM_TOP = pygame.Rect(340, 205, 600, 2)
YES = (640 - 250 + 115, 475 - 86 + 27)

CHANGED = 200        # pixels: a line of text, a new screen; far above any twinkle seen through a panel


def is_colour(picture: pygame.Surface, rect: pygame.Rect, colour: tuple[int, int, int]) -> bool:
    return share_of(picture.subsurface(rect), colour) > 0.9


def focused_card(picture: pygame.Surface) -> Optional[int]:
    """The x of the centre of the route card framed in gold, if the route select is up."""
    runs = [(left, right) for left, right in runs_in_row(picture, ROUTE_FRAME_Y, (GOLD,), 0, CANVAS[0])
            if right - left >= 300]
    return (runs[0][0] + runs[0][1] + 1) // 2 if len(runs) == 1 else None


def options(picture: pygame.Surface) -> list[tuple[int, int]]:
    """The y spans of the choice buttons' left rules, if a choice menu is up."""
    return options_at(picture)[1]


def options_at(picture: pygame.Surface) -> tuple[int, list[tuple[int, int]]]:
    """(x, spans): the column of the choice buttons' left rules, wherever the menu was placed, and their y spans."""
    centred = CANVAS[0] // 2 - WIDE // 2 + 1
    for x in [centred] + [x for x in range(40, CANVAS[0] - 360) if x != centred]:
        runs = runs_in_column(picture, x, BUTTON_EDGES, OPTIONS_TOP, OPTIONS_BOTTOM)
        runs = [(top, bottom) for top, bottom in runs if bottom - top >= 20]
        if len(runs) >= 2:
            return x, runs
    return centred, []


def press_return_until_a_menu(player: Player, timeout: float = 60.0) -> pygame.Surface:
    """Read on with Return until a choice menu is up; the picture that shows it."""
    deadline = time.monotonic() + timeout
    while True:
        before = player.look()
        if options(before):
            return before
        if time.monotonic() >= deadline:
            pygame.image.save(before, str(player.notes / "no-menu.png"))
            raise AssertionError(f"no choice menu after {timeout:.0f} s of pressing Return "
                                 f"(last picture: {player.notes / 'no-menu.png'})")
        player.key("Return")
        # A press that only ends a character's fade-in may change nothing in the text box: do not insist.
        poll(player.look, lambda p: bool(options(p)) or
             changed_pixels(p.subsurface(TEXT_BOX), before.subsurface(TEXT_BOX)) > CHANGED, timeout=3)
        assert player.dead() is None, player.dead()


class Player:
    """The game's process and window, and what a player does to them: look, click, press keys."""

    def __init__(self, display: XDisplay, game: subprocess.Popen, stderr: Path, notes: Path):
        self.display, self.game, self.stderr, self.notes = display, game, stderr, notes
        self.window: Optional[Window] = None

    def find_window(self) -> None:
        self.window = self.display.find_window(WM_CLASS, self.dead)
        assert self.window.rect.size == CANVAS, f"the window is {self.window.rect.size}, not {CANVAS} at 1:1"
        self.display.xdotool("windowfocus", "--sync", self.window.id)  # for the keys: there is no window manager

    def look(self) -> pygame.Surface:
        return self.display.screenshot().subsurface(self.window.rect).copy()

    def click(self, pos: tuple[int, int]) -> None:
        self.display.xdotool("mousemove", "--window", self.window.id, "--sync", str(pos[0]), str(pos[1]),
                             "click", "1")

    def key(self, name: str) -> None:
        self.display.xdotool("key", name)

    def dead(self) -> Optional[str]:
        if self.game.poll() is None:
            return None
        said = "\n".join(self.stderr.read_text().splitlines()[-40:]) or "(nothing)"
        return f"the game exited ({self.game.returncode}); its standard error:\n{said}"

    def wait_for(self, condition: Callable[[pygame.Surface], bool], what: str,
                 timeout: float = 10.0) -> pygame.Surface:
        name = "".join(c if c.isalnum() else "-" for c in what)[:60]
        return wait_for(self.look, condition, what, timeout, self.dead, self.notes / f"{name}.png")

    def settled(self, region: pygame.Rect, what: str, timeout: float = 10.0) -> pygame.Surface:
        """The region once three pictures in a row show it the same (text revealed, transitions over)."""
        seen: list[pygame.Surface] = []

        def still(picture: pygame.Surface) -> bool:
            seen.append(picture.subsurface(region).copy())
            return len(seen) >= 3 and all(changed_pixels(seen[-1], p) == 0 for p in seen[-3:-1])
        self.wait_for(still, what, timeout)
        return seen[-1]


@pytest.fixture
def display():
    missing = missing_tools()
    if missing:
        pytest.skip(f"the window test needs {', '.join(missing)}: not installed")
    server, number = start_xvfb(f"{CANVAS[0]}x{CANVAS[1]}x24")
    try:
        shown = XDisplay(number)
        shown.wait_until_answering()
        yield shown
    finally:
        stop(server)


@pytest.fixture
def player(display: XDisplay, tmp_path: Path):
    env = dict(display.env, SDL_VIDEODRIVER="x11", SDL_AUDIODRIVER="dummy",
               UTSS_DATA_DIR=str(tmp_path / "data"), UTSS_CONFIG_DIR=str(tmp_path / "config"))
    env.pop("UTSS_EXIT_AFTER_FIRST_FRAME", None)
    stderr = tmp_path / "stderr.txt"
    with open(stderr, "w") as err, open(tmp_path / "stdout.txt", "w") as out:
        game = subprocess.Popen([sys.executable, "main.py"], cwd=ROOT, env=env, stdout=out, stderr=err)
        try:
            yield Player(display, game, stderr, tmp_path)
        finally:
            stop(game)


def test_a_player_starts_a_story_reads_chooses_and_quits(player: Player) -> None:
    player.find_window()
    title = player.wait_for(lambda p: is_colour(p, TITLE_RULE, GOLD), "the title screen with its gold rule")
    dark = share_of(title, (0, 0, 0), tolerance=12)
    assert dark < 0.5, f"the title is {dark:.0%} black"

    player.click(NEW_GAME)
    routes = player.wait_for(lambda p: focused_card(p) is not None and changed_pixels(p, title) > CHANGED,
                             "the route select after a click on New game")

    player.click((focused_card(routes), ROUTE_CARD_Y))  # the first route's card: (640, 370) while there is one
    player.wait_for(lambda p: is_colour(p, METERS_TOGGLE_TOP, PANEL_EDGE) and focused_card(p) is None,
                    "the play screen after a click on the route card")

    # Return on a still text box must change it: the next line, or the rest of a page.
    player.key("Return")  # ends the opening fade at once if it is still running
    player.wait_for(lambda p: is_colour(p, TEXT_BOX_BOTTOM, PANEL_EDGE), "the text box")
    box = player.settled(TEXT_BOX, "the first line, fully shown")
    for press in range(1, 4):
        player.key("Return")
        player.wait_for(lambda p: changed_pixels(p.subsurface(TEXT_BOX), box) > CHANGED,
                        f"the text box to change after Return number {press}")
        player.key("Return")  # shows the rest of the new line, so that the next press starts from a still box
        box = player.settled(TEXT_BOX, f"the text box to settle after Return number {press}")

    menu = press_return_until_a_menu(player)
    rule_x, spans = options_at(menu)
    top, bottom = next(span for span in spans if menu.get_at((rule_x, span[0]))[:3] != DISABLED_EDGE)
    player.click((rule_x + 100, (top + bottom) // 2))
    player.wait_for(lambda p: not options(p) and changed_pixels(p, menu) > CHANGED,
                    "the menu to close and the story to go on after a click on the first option")

    player.key("Escape")
    player.wait_for(lambda p: is_colour(p, GAME_MENU_TOP, PANEL_EDGE), "the game menu after Escape")
    player.click(QUIT)
    player.wait_for(lambda p: is_colour(p, CONFIRM_TOP, PANEL_EDGE), "the quit confirmation after a click on Quit")
    player.click(YES)
    try:
        code = player.game.wait(timeout=5)
    except subprocess.TimeoutExpired:
        raise AssertionError("the game was still running 5 s after Yes in the quit confirmation") from None
    errors = player.stderr.read_text()
    assert code == 0, f"the game exited with {code}; its standard error:\n{errors}"
    assert "Traceback" not in errors, errors


def test_the_canvas_scales_to_fill_a_resized_window_with_letterboxing(player: Player) -> None:
    player.find_window()
    player.wait_for(lambda p: is_colour(p, TITLE_RULE, GOLD), "the title screen with its gold rule")
    # Three quarters of the canvas, then wider than 16:9. There is no window manager here to hold the window to
    # its minimum size, so the smaller size shows scaling down as well as up.
    player.display.xdotool("windowsize", "--sync", player.window.id, "960", "540")
    # the 2 px rule at y 222..223 lands on row 167, softened a little by linear filtering
    quarter = pygame.Rect(TITLE_RULE.x * 3 // 4, (TITLE_RULE.y + 1) * 3 // 4, TITLE_RULE.width * 3 // 4, 1)

    def goldish(picture: pygame.Surface, rect: pygame.Rect) -> bool:
        return share_of(picture.subsurface(rect), GOLD, tolerance=24) > 0.9
    player.wait_for(lambda p: goldish(p, quarter),
                    "the gold rule at three quarters of its place, in a 960x540 window")
    player.display.xdotool("windowsize", "--sync", player.window.id, "1280", "540")
    # 540/720 again, centred: bars of (1280 - 960) / 2 = 160 px at each side, and nothing of the picture there
    pillar = player.wait_for(lambda p: goldish(p, quarter.move(160, 0)),
                             "the rule centred between black bars, in a 1280x540 window")
    assert share_of(pillar.subsurface((0, 0, 150, 540)), (0, 0, 0), tolerance=2) > 0.99
    # Back at the canvas's own size the canvas is the window's surface again (window.py): the whole title is
    # drawn there afresh, the rule at its place and no bar left over from the scaled frames.
    player.display.xdotool("windowsize", "--sync", player.window.id, "1280", "720")
    whole = player.wait_for(lambda p: p.get_size() == (1280, 720) and is_colour(p, TITLE_RULE, GOLD),
                            "the gold rule at its own place, in a 1280x720 window again")
    assert share_of(whole.subsurface((0, 0, 150, 540)), (0, 0, 0), tolerance=2) < 0.5
