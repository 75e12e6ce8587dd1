"""The author's tools in a real window (Xvfb): a story pack opened with --at on a line, the developer overlay
(Shift+D) drawn over the stage and gone again, a reload (Shift+R) after an edit that keeps the line and plays the
new words on, and Shift+P writing a playthrough file that replays. What the game shows is read from its trace
(UTSS_TRACE); the screenshots are kept beside it."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pygame
import yaml

from authorpack import ASSETS, MANIFEST, scenes
from game.story import Runner, load_story
from game.story.playthrough import play
from game.story.position import line_index
from game.ui.screens.devpanel import RECT
from test_window_e2e import ROOT, TEXT_BOX, Player, display  # noqa: F401 - display is a fixture
from window_game import Game, is_line, is_menu
from xvfb_helpers import changed_pixels, stop

CHANGED = 2000   # pixels: a panel of words, far above any difference in the picture beneath


def launch(display, tmp_path: Path, *args: str) -> Game:
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    (config / "settings.json").write_text(json.dumps({"text_speed": 0}))
    notes = tmp_path / "run"
    notes.mkdir()
    env = dict(display.env, SDL_VIDEODRIVER="x11", SDL_AUDIODRIVER="dummy", UTSS_DATA_DIR=str(tmp_path / "data"),
               UTSS_CONFIG_DIR=str(config), UTSS_TRACE=str(notes / "trace.jsonl"))
    env.pop("UTSS_EXIT_AFTER_FIRST_FRAME", None)
    stderr = notes / "stderr.txt"
    with open(stderr, "w") as err, open(notes / "stdout.txt", "w") as out:
        process = subprocess.Popen([sys.executable, "main.py", *args], cwd=ROOT, env=env, stdout=out, stderr=err)
    game = Game(Player(display, process, stderr, notes), notes / "trace.jsonl")
    game.player.find_window()
    game.park()
    return game


def test_overlay_reload_and_recording_in_a_real_window(display, story_dir, tmp_path) -> None:
    pack = story_dir(MANIFEST, scenes(), ASSETS)
    pygame.image.save(pygame.Surface((1280, 720)), str(pack / "assets" / "backgrounds" / "bg.png"))
    story = load_story(pack)
    hello = next(i for i, (_, op) in line_index(story).items() if op.text == "Hello.")
    game = launch(display, tmp_path, "--story", str(pack), "--at", hello)
    try:
        assert game.wait(is_line, "the line given to --at")["line"] == hello
        game.player.settled(TEXT_BOX, "the line at rest")
        plain = game.player.look()

        game.player.key("shift+d")
        with_overlay = game.player.wait_for(lambda p: changed_pixels(p.subsurface(RECT), plain.subsurface(RECT))
                                            > CHANGED, "the developer overlay")
        pygame.image.save(with_overlay, str(game.player.notes / "overlay.png"))
        assert changed_pixels(with_overlay.subsurface(TEXT_BOX), plain.subsurface(TEXT_BOX)) == 0
        game.player.key("shift+d")
        game.player.wait_for(lambda p: changed_pixels(p.subsurface(RECT), plain.subsurface(RECT)) < CHANGED,
                             "the overlay gone again")

        path = pack / "scenes" / "b.yaml"
        path.write_text(path.read_text().replace("The night went on.", "The night went on, and on."))
        game.player.key("shift+r")
        assert game.wait(is_line, "the same line after the reload")["line"] == hello
        game.press_until("Return", is_menu, "the menu")
        assert game.pick(1)["text"] == "Thank you."
        shown = game.press_until("Return", lambda e: is_line(e) and e["text"].startswith("The night"),
                                 "the first line of scene b")
        assert shown["text"] == "The night went on, and on."

        game.player.key("shift+p")
        recorded = Path(game.wait(lambda e: "recorded" in e, "the playthrough file written")["recorded"])
        assert recorded.parent == pack / "tests" / "playthroughs"
        plan = yaml.safe_load(recorded.read_text())
        story = load_story(pack)
        result = play(story, Runner.new(story, plan["route"]), plan["choose"])
        assert plan["choose"] == [1] and result.stopped == plan["stopped"] == "menu"
        assert dict(result.runner.state.meters) == plan["meters"] == {"trust": 3, "danger": 0}
        assert "sophie: Thank you." in plan["lines"] and "sophie: One more thing." in plan["lines"]
        assert "The night went on, and on." in [line.text for line in result.lines()]   # the edited story
        errors = game.player.stderr.read_text()
        assert "Traceback" not in errors, errors
    finally:
        stop(game.player.game)
