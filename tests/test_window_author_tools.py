"""The author's tools in a real window (Xvfb): a story pack opened with --at on a line, the developer overlay
(Shift+D) drawn over the stage and gone again, a reload (Shift+R) after an edit that keeps the line and plays the
new words on, and Shift+P writing a playthrough file that replays. What the game shows is read from its trace
(UTSS_TRACE); the screenshots are kept beside it."""
from __future__ import annotations

from pathlib import Path

import pygame
import yaml

from authorpack import ASSETS, MANIFEST, scenes
from game.story import Runner, load_story
from game.story.playthrough import play
from game.story.position import line_index
from game.ui.screens.devpanel import RECT
from test_window_e2e import TEXT_BOX, display  # noqa: F401 - display is a fixture
from window_game import is_line, is_menu, launch  # noqa: F401 - launch is a fixture
from xvfb_helpers import changed_pixels

CHANGED = 2000   # pixels: a panel of words, far above any difference in the picture beneath


def test_overlay_reload_and_recording_in_a_real_window(launch, story_dir) -> None:
    pack = story_dir(MANIFEST, scenes(), ASSETS)
    pygame.image.save(pygame.Surface((1280, 720)), str(pack / "assets" / "backgrounds" / "bg.png"))
    story = load_story(pack)
    hello = next(i for i, (_, op) in line_index(story).items() if op.text == "Hello.")
    game = launch("--story", str(pack), "--at", hello, first="PlayScreen")
    game.mark = 0                                      # the line is traced as the play screen starts, before it
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
