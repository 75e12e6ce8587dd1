"""What the window's start does before the title's first frame, and what it leaves for after (docs/performance.md,
Start-up): the pieces it skips must still be there the moment they are needed."""
from __future__ import annotations

import gc
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pygame

from game import cli, entry
from game.story import load_story
from game.story.kept import load_kept
from game.story.loader import default_root
from game.ui.backgrounds import PictureBackground
from game.ui.gamepad import Gamepads
from game.ui.stills import read_still, write_still
from game.ui.theme import CANVAS
from ui_helpers import make_app

ROOT = Path(__file__).resolve().parents[1]

# Run as `python main.py` is, to the title's first frame: which modules did the start import that the
# interpreter had not imported before it?
FIRST_FRAME = """\
import json, sys
before = set(sys.modules)
sys.path.insert(0, {root!r})
from game.entry import main
code = main([])
print(json.dumps({{"code": code, "new": sorted(set(sys.modules) - before)}}))
"""

# Not needed before the first frame; each is imported when the player first needs it.
LATER = ["argparse", "subprocess", "_hashlib", "game.authoring", "game.story.runner",
         "game.story.events", "game.story.conditions", "game.story.state", "game.story.lookahead",
         "game.story.units", "game.ui.screens.play", "pygame._sdl2.controller", "pytmx", "polib"]


def first_frame_imports() -> list[str]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", UTSS_EXIT_AFTER_FIRST_FRAME="1")
    done = subprocess.run([sys.executable, "-c", FIRST_FRAME.format(root=str(ROOT))], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    return result["new"]


def test_the_title_shows_before_the_parts_a_game_needs_later_are_imported() -> None:
    first = first_frame_imports()      # the first start keeps the story and the title's picture
    again = first_frame_imports()      # as every later start is
    assert "game.ui.screens.title" in again and "game.story.model" in again
    assert [name for name in LATER if name in again] == []
    assert "game.story.loader" in first and "game.story.loader" not in again   # the story kept, not read


def test_the_window_without_arguments_gets_what_the_parser_would_give() -> None:
    parsed = vars(cli.build_parser().parse_args([]))
    assert vars(cli.window_args()) == parsed


def test_the_collector_runs_again_once_a_command_is_known(monkeypatch, capsys) -> None:
    seen = []
    monkeypatch.setattr(cli, "cmd_routes", lambda args: seen.append(gc.isenabled()) or 0)
    assert entry.main(["routes"]) == 0
    assert seen == [True] and gc.isenabled()


def test_the_collector_runs_again_when_the_program_fails(monkeypatch, capsys) -> None:
    def broken(args):
        raise RuntimeError("a bug")
    monkeypatch.setattr(cli, "launch", broken)
    gc.disable()   # as if the failure came before the first frame
    try:
        assert entry.main([]) == cli.EXIT_UNEXPECTED
    finally:
        enabled = gc.isenabled()
        gc.enable()
    assert enabled


# ---------------------------------------------------------------- the kept story

def test_a_kept_storys_places_share_one_string_per_file_and_its_conditions_compile_when_asked(tmp_path) -> None:
    fresh = load_kept(default_root(), tmp_path, load_story)
    kept = load_kept(default_root(), tmp_path, lambda root: None)   # from the file: the loader is not called
    places = [op.where for scene in kept.scenes.values() for op in scene.ops]
    same_file = {}
    for where in places:
        assert same_file.setdefault(where.path, where.path) is where.path
    assert [op.where for scene in fresh.scenes.values() for op in scene.ops] == places
    tests = [op.condition for scene in kept.scenes.values() for op in scene.ops if hasattr(op, "condition")]
    assert tests and all(t.test._test is None for t in tests)           # nothing compiled yet
    state = {"meters": {m: meter.start for m, meter in kept.meters.items()}, "flags": {}, "visits": {}}
    for condition in tests:
        original = next(op.condition for scene in fresh.scenes.values() for op in scene.ops
                        if hasattr(op, "condition") and op.condition.text == condition.text)
        assert condition.test(state["meters"], state["flags"], state["visits"], frozenset()) == \
            original.test(state["meters"], state["flags"], state["visits"], frozenset())


def test_a_kept_place_that_is_not_a_place_has_the_story_read_again(tmp_path) -> None:
    load_kept(default_root(), tmp_path, load_story)
    [kept] = tmp_path.glob("story-*.json")
    text = kept.read_text(encoding="utf-8")
    place = re.search(r'\["scenes/[^"]*",\d+,\d+\]', text)
    kept.write_text(text[:place.start()] + "[]" + text[place.end():], encoding="utf-8")   # still JSON
    reads = []
    story = load_kept(default_root(), tmp_path, lambda root: reads.append(root) or load_story(root))
    assert reads and story.title


# ---------------------------------------------------------------- the title's first picture

def picture() -> pygame.Surface:
    surface = pygame.Surface(CANVAS, 0, 32)
    for x in range(0, CANVAS[0], 40):
        surface.fill((x % 256, (x * 3) % 256, 90), (x, 0, 40, CANVAS[1]))
    return surface


def pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGB")


def test_a_kept_picture_reads_back_as_it_was_written_and_is_shown_without_a_copy(tmp_path) -> None:
    path = tmp_path / "still-map-000000000000000000000000.rgbx"
    write_still(path, picture())
    read = read_still(path, CANVAS)
    assert read is not None and not read.get_locked() and pixels(read) == pixels(picture())
    assert path.stat().st_size == CANVAS[0] * CANVAS[1] * 4
    shown = PictureBackground(read, CANVAS, convert=False)
    canvas = pygame.Surface(CANVAS, 0, 32)
    shown.draw(canvas)
    assert pixels(canvas) == pixels(picture()) and shown._canvas is read


def test_a_kept_picture_cut_short_or_too_long_is_not_shown(tmp_path) -> None:
    path = tmp_path / "still-map-000000000000000000000000.rgbx"
    write_still(path, picture())
    whole = path.read_bytes()
    for damaged in (whole[:-1], whole + b"\0", b""):
        path.write_bytes(damaged)
        assert read_still(path, CANVAS) is None
    assert read_still(tmp_path / "none.rgbx", CANVAS) is None


def test_a_picture_with_transparency_is_still_flattened_on_black() -> None:
    seen = pygame.Surface(CANVAS, pygame.SRCALPHA)
    seen.fill((200, 100, 50, 0))
    shown = PictureBackground(seen, CANVAS, convert=False)
    canvas = pygame.Surface(CANVAS, 0, 32)
    canvas.fill((255, 255, 255))
    shown.draw(canvas)
    assert canvas.get_at((10, 10))[:3] == (0, 0, 0) and shown._canvas is not seen


# ---------------------------------------------------------------- what the window makes after its first frame

def test_pads_are_read_from_start_on() -> None:
    class Controllers:
        @staticmethod
        def is_controller(index):
            return True
    pads = Gamepads(controller=Controllers, start=False)
    assert pads.controller is None
    pads.start(Controllers)
    assert pads.controller is Controllers


def test_the_veil_under_an_overlay_is_made_when_the_first_overlay_opens() -> None:
    app = make_app()
    app.stack = [app.make("title")]
    app.painter.paint(app.stack, app.canvas)
    assert app._dim is None                       # the title alone: nothing to dim
    app.stack.append(app.make("notice", "A notice", "Over the title."))
    app.painter.paint(app.stack, app.canvas, fresh=True)
    assert app._dim is not None and app._dim.get_at((0, 0)).a > 0
