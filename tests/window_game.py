"""Driving the game in a real window for the comfort tests: launches with a trace, and a Game that waits on it."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Iterator, Optional

import pygame
import pytest

from game.slots import slot_name
from test_window_e2e import QUIT, ROOT, Player, display  # noqa: F401 - display is a fixture
from xvfb_helpers import share_of, stop

Entry = dict  # one line of the trace: {"screen": ...}, {"line": id, "speaker": ..., "text": ...} or {"menu": ...}

# menus.py GameMenu: buttons from y 90 + 92, 52 high, 14 apart; Main menu is the fifth
MAIN_MENU = (640, 90 + 92 + 4 * (52 + 14) + 26)
PARKED = (4, 4)          # a corner of the canvas with no button under it: keys keep the focus they were given
MARGIN = 24              # pixels past the end of a history row's words that must hold no more words
PATIENCE = 1.0           # seconds to wait for a key's effect before pressing it again (it may only end a fade)


def is_line(entry: Entry) -> bool:
    return "line" in entry


def is_menu(entry: Entry) -> bool:
    return "menu" in entry


def screen_is(name: str) -> Callable[[Entry], bool]:
    return lambda entry: entry.get("screen") == name


def line_is(line: Entry) -> Callable[[Entry], bool]:
    return lambda entry: entry.get("line") == line["line"]


def menu_is(menu: Entry) -> Callable[[Entry], bool]:
    return lambda entry: entry.get("menu") == menu["menu"]


class Game:
    """One run of `python main.py`: the Player (window, keys, pictures) and the trace it writes.

    `mark` is how far the test has read the trace: each wait looks only at what came after it, and moves it past
    what it found.
    """

    def __init__(self, player: Player, trace: Path):
        self.player, self.trace = player, trace
        self.mark = 0

    def entries(self) -> list[Entry]:
        try:
            written = self.trace.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        complete = written[: written.rfind("\n") + 1]  # the game may be half way through a line
        return [json.loads(line) for line in complete.splitlines()]

    def find(self, wanted: Callable[[Entry], bool]) -> Optional[Entry]:
        """The first entry after the mark that is `wanted` (moving the mark past it), or None yet."""
        entries = self.entries()
        for index in range(self.mark, len(entries)):
            if wanted(entries[index]):
                self.mark = index + 1
                return entries[index]
        return None

    def fail(self, what: str) -> AssertionError:
        picture = self.player.notes / ("".join(c if c.isalnum() else "-" for c in what)[:60] + ".png")
        if self.player.window is not None and self.player.dead() is None:
            pygame.image.save(self.player.look(), str(picture))
        tail = "\n".join(json.dumps(e, ensure_ascii=False)[:120] for e in self.entries()[-12:]) or "(nothing)"
        why = self.player.dead() or "not traced in time"
        return AssertionError(f"waiting for {what}: {why}\nlast picture: {picture}\nthe trace ends with:\n{tail}")

    def wait(self, wanted: Callable[[Entry], bool], what: str, timeout: float = 30.0) -> Entry:
        deadline = time.monotonic() + timeout
        while True:
            found = self.find(wanted)
            if found is not None:
                return found
            if self.player.dead() or time.monotonic() > deadline:
                raise self.fail(what)
            time.sleep(0.02)

    def screen(self, name: str) -> Entry:
        return self.wait(screen_is(name), f"the {name} screen")

    def press_until(self, key: str, wanted: Callable[[Entry], bool], what: str, timeout: float = 60.0) -> Entry:
        """Press `key` until an entry that is `wanted` is traced; again whenever the last press showed nothing
        new within PATIENCE, or showed something else (a line, when reading on to a menu)."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.find(wanted)
            if found is not None:
                return found
            if self.player.dead() or time.monotonic() > deadline:
                raise self.fail(what)
            before = len(self.entries())
            self.player.key(key)
            waited = time.monotonic() + PATIENCE
            while len(self.entries()) == before and time.monotonic() < waited and not self.player.dead():
                time.sleep(0.02)

    def since(self, end: Callable[[Entry], bool], start: Callable[[Entry], bool] = screen_is("RouteSelect")
              ) -> list[Entry]:
        """The entries before the last `end` the test has waited for, back to the last `start` before it (neither
        included): by default, since the route was chosen."""
        entries = self.entries()[: self.mark]
        last = max(i for i in range(len(entries)) if end(entries[i]))
        first = max((i for i in range(last) if start(entries[i])), default=-1)
        return entries[first + 1:last]

    # --- what a player does ---
    def park(self) -> None:
        """The pointer to a corner where it hovers over nothing, so that keys move the focus alone."""
        self.player.display.xdotool("mousemove", "--window", self.player.window.id, str(PARKED[0]), str(PARKED[1]))

    def click(self, pos: tuple[int, int]) -> None:
        self.player.click(pos)
        self.park()

    def wheel(self, up: bool) -> None:
        self.player.display.xdotool("mousemove", "--window", self.player.window.id, "100", "300",
                                    "click", "4" if up else "5")
        self.park()

    def new_game(self) -> Entry:
        """From the title: New game (the first button, focused), then the first route; its first line."""
        self.player.key("Return")
        self.screen("RouteSelect")
        self.player.key("Return")
        return self.wait(is_line, "the first line of the route")

    def read_lines(self, count: int) -> list[Entry]:
        """Press Return until `count` more lines are shown (there must be no choice on the way)."""
        shown = []
        for _ in range(count):
            shown.append(self.press_until("Return", lambda e: is_line(e) or is_menu(e), "the next line"))
            assert is_line(shown[-1]), f"a choice came before {count} lines: {shown[-1]}"
        return shown

    def read_to_menu(self) -> Entry:
        return self.press_until("Return", is_menu, "a choice menu, pressing Return")

    def pick(self, number: int) -> Entry:
        """Option `number` of the menu on screen, by its digit key (a new menu ignores picks for a moment);
        the first line after it."""
        return self.press_until(str(number), is_line, f"a line after picking option {number}")

    def shown(self) -> list[Entry]:
        """The lines and menus shown since the route was chosen, once every key sent so far has been handled:
        the game menu opens after them (keys are handled in order), and closing it leaves the story as it was."""
        self.player.key("Escape")
        self.screen("GameMenu")
        shown = self.since(screen_is("GameMenu"))
        self.player.key("Escape")
        self.screen("PlayScreen")
        return [e for e in shown if is_line(e) or is_menu(e)]

    def quit(self) -> None:
        """The game menu's Quit, then Yes (Left from the focused No): the game keeps the place and exits."""
        self.player.key("Escape")
        self.screen("GameMenu")
        self.click(QUIT)
        self.screen("Confirm")
        self.player.key("Left")
        self.player.key("Return")
        try:
            code = self.player.game.wait(timeout=15)
        except subprocess.TimeoutExpired:
            raise self.fail("the game to exit after Yes in the quit confirmation") from None
        errors = self.player.stderr.read_text()
        assert code == 0, f"the game exited with {code}; its standard error:\n{errors}"
        assert "Traceback" not in errors, errors

    def shot(self, name: str, condition: Callable[[pygame.Surface], bool] = lambda p: True,
             what: str = "") -> pygame.Surface:
        """A picture of the window once it meets `condition`, kept as `name`.png and checked to be no blank."""
        picture = self.player.wait_for(lambda p: not blank(p) and condition(p), what or f"{name}, drawn")
        pygame.image.save(picture, str(self.player.notes / f"{name}.png"))
        return picture


def blank(picture: pygame.Surface) -> bool:
    """Mostly black, or one colour all over."""
    corner = tuple(picture.get_at((0, 0)))[:3]
    return share_of(picture, (0, 0, 0), tolerance=12) > 0.5 or share_of(picture, corner, tolerance=2) > 0.98


@pytest.fixture
def launch(display, tmp_path: Path) -> Iterator[Callable[..., Game]]:
    """Start the game (at its title, or as `args` given to main.py say, first showing the screen `first`) with a
    trace; every launch in a test shares the player folders, so a second launch finds the first one's saves."""
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text(json.dumps({"text_speed": 0}))  # each line at once: a Return per line
    games: list[Game] = []

    def start(*args: str, first: str = "TitleScreen") -> Game:
        notes = tmp_path / f"run{len(games) + 1}"
        notes.mkdir()
        env = dict(display.env, SDL_VIDEODRIVER="x11", SDL_AUDIODRIVER="dummy", UTSS_DATA_DIR=str(tmp_path / "data"),
                   UTSS_CONFIG_DIR=str(config), UTSS_TRACE=str(notes / "trace.jsonl"))
        env.pop("UTSS_EXIT_AFTER_FIRST_FRAME", None)
        stderr = notes / "stderr.txt"
        with open(stderr, "w") as err, open(notes / "stdout.txt", "w") as out:
            process = subprocess.Popen([sys.executable, "main.py", *args], cwd=ROOT, env=env, stdout=out,
                                       stderr=err)
        game = Game(Player(display, process, stderr, notes), notes / "trace.jsonl")
        games.append(game)
        game.player.find_window()
        game.park()
        game.screen(first)
        return game

    try:
        yield start
    finally:
        for game in games:
            stop(game.player.game)


def first_slot_saved(data: Path) -> bool:
    """Whether the first numbered slot's file is written (paths.story_data_dir: the story's own folder)."""
    return any(data.glob(f"stories/*/saves/{slot_name(0, 0)}.json"))


def after_last(entries: list[Entry], wanted: Callable[[Entry], bool]) -> list[Entry]:
    """The entries after the last one that is `wanted`."""
    return entries[max(i for i, e in enumerate(entries) if wanted(e)) + 1:]
