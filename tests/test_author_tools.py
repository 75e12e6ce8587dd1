"""The author's keys on the play screen, headless: Shift+D the developer overlay, Shift+R reload, Shift+P record."""
from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest
import yaml

from authorpack import ASSETS, MANIFEST, scenes
from game.paths import config_dir
from game.story import Runner, load_story
from game.story.playthrough import play
from game.story.recording import write_playthrough
from game.story.state import check_past
from game.story.inspection import inspect
from game.ui.screens.devpanel import RECT, rows
from game.ui.screens.play import PlayScreen
from game.ui.textbox import BOX
from ui_helpers import feed, key, make_app, settle

SHIFT = pygame.KMOD_LSHIFT


@pytest.fixture
def pack(story_dir) -> Path:
    return story_dir(MANIFEST, scenes(), ASSETS)


def start(story, **settings):
    app = make_app(story, text_speed=0, **settings)
    screen = PlayScreen(app, app.start_route("main"))
    app.stack = [screen]
    screen.on_enter()
    settle(app)
    return app, screen


def read_on(app, screen, presses: int = 1) -> None:
    for _ in range(presses):
        feed(app, key(pygame.K_RETURN))
        settle(app)


def pick(app, screen, number: int) -> None:
    settle(app, seconds=1.0)   # a new menu ignores keys for a moment
    feed(app, key(getattr(pygame, f"K_{number}")))
    settle(app)


def pixels(canvas: pygame.Surface, rect: pygame.Rect) -> bytes:
    return pygame.image.tobytes(canvas.subsurface(rect), "RGB")


# --- the developer overlay ---

def test_the_overlay_is_off_at_first_and_shift_d_toggles_it_without_touching_the_settings(pack) -> None:
    app, screen = start(load_story(pack))
    assert not screen.dev.on
    feed(app, key(pygame.K_d))                  # D alone is no author key
    assert not screen.dev.on
    off = app.canvas.copy()
    feed(app, key(pygame.K_d, SHIFT))
    assert screen.dev.on
    on = app.canvas.copy()
    # drawn over the stage, and the text box untouched
    assert pixels(on, RECT) != pixels(off, RECT)
    assert pixels(on, BOX) == pixels(off, BOX)
    app.settings.save()
    saved = json.loads((config_dir() / "settings.json").read_text())
    assert not any("dev" in name for name in saved), saved
    feed(app, key(pygame.K_d, SHIFT))
    assert not screen.dev.on
    again = PlayScreen(app, app.start_route("main"))   # a new play screen (a load, a new game) starts without it
    assert not again.dev.on


def test_the_overlay_lists_the_place_its_file_line_every_meter_the_flags_set_and_the_visits(pack) -> None:
    story = load_story(pack)
    app, screen = start(story)
    read_on(app, screen, 2)                     # "Hello.", then the menu
    assert screen.menu is not None
    pick(app, screen, 1)                        # Be kind: trust +2, flag kind
    assert screen.line.text == "Thank you."
    seen = inspect(story, screen.runner.checkpoint)
    assert (seen.scene, seen.kind, seen.at) == ("a", "line", screen.line.id)
    assert seen.where == "scenes/a.yaml:9:13", seen.where   # the line as the author wrote it, in the story folder
    font = pygame.font.Font(None, 20)
    listed = [words for words, _ in rows(seen, font, 2000)]
    assert f"line {screen.line.id}" in listed and seen.where in listed
    assert "Trust: 3 in 0..5" in listed
    assert "Danger: 0 in 0..3 (hidden)" in listed      # hidden meters too: the overlay is the author's
    assert "kind" in listed and "a ×1" in listed
    read_on(app, screen)                        # into scene b
    seen = inspect(story, screen.runner.checkpoint)
    assert seen.scene == "b" and dict(seen.visits) == {"a": 1, "b": 1}
    read_on(app, screen, 2)                     # "One more thing.", then the menu
    seen = inspect(story, screen.runner.checkpoint)
    assert (seen.kind, seen.at) == ("menu", "b#menu1") and "scenes/b.yaml:5:" in seen.where


# --- reloading the story folder ---

def edit(pack: Path, name: str, old: str, new: str) -> None:
    path = pack / "scenes" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def at_thank_you(pack: Path):
    app, screen = start(load_story(pack))
    read_on(app, screen, 2)
    pick(app, screen, 1)
    assert screen.line.text == "Thank you."
    return app, screen


def test_shift_r_reads_the_edited_folder_and_keeps_the_same_line_and_state(pack) -> None:
    app, screen = at_thank_you(pack)
    line, old_story = screen.line.id, app.story
    edit(pack, "a.yaml", "  - The lamp was lit.\n", "  - The lamp was lit.\n  - A line written since.\n")
    edit(pack, "b.yaml", "The night went on.", "The night went on, and on.")
    feed(app, key(pygame.K_r, SHIFT))
    settle(app)
    assert app.stack == [screen] and app.story is not old_story
    assert screen.line.id == line and screen.line.text == "Thank you."
    state = screen.runner.state
    assert state.meters == {"trust": 3, "danger": 0} and state.flags == {"kind": True}
    assert state.choices == (("a#menu1", 0),) and state.visits == {"a": 1}
    assert any("still at" in toast.words for toast in screen.toasts.items)
    read_on(app, screen)
    assert screen.line.text == "The night went on, and on."   # the new story plays on


def test_a_reload_whose_line_was_reworded_goes_back_to_the_nearest_earlier_line_seen(pack) -> None:
    app, screen = at_thank_you(pack)
    edit(pack, "a.yaml", "sophie: Thank you.", "sophie: Thank you, truly.")
    feed(app, key(pygame.K_r, SHIFT))
    settle(app)
    assert screen.line.text == "Hello."
    assert screen.runner.state.meters["trust"] == 1 and not screen.runner.state.choices  # as things stood there
    assert any("is gone, back at" in toast.words for toast in screen.toasts.items)


def test_shift_r_on_a_story_with_problems_lists_them_and_the_old_story_plays_on(pack, tmp_path) -> None:
    app, screen = at_thank_you(pack)
    old_story = app.story
    edit(pack, "a.yaml", "  - goto: b\n", "  - goto: bb\n")
    edit(pack, "b.yaml", "  - sophie: One more thing.\n", "  - sophi: One more thing.\n")
    feed(app, key(pygame.K_r, SHIFT))
    shown = app.stack[-1]
    assert type(shown).__name__ == "StoryProblems" and app.story is old_story
    said = [str(p) for p in shown.problems]
    assert len(said) >= 2, said          # and what follows from them (scene b no longer reached)
    assert any("a.yaml:16:" in s and "'bb'" in s and "did you mean 'b'" in s for s in said), said
    assert any("b.yaml:4:" in s and "sophi" in s for s in said), said
    rows_, left = shown.shown_rows()
    assert left == 0 and any("a.yaml:16:" in r for r in rows_)
    pygame.image.save(app.canvas, str(tmp_path / "problems.png"))
    feed(app, key(pygame.K_ESCAPE))            # dismissed: the play screen, the story as it was
    assert app.stack == [screen] and screen.line.text == "Thank you."
    read_on(app, screen)
    assert screen.line.text == "The night went on."


def test_a_reload_without_the_players_scene_is_refused_with_a_reason(pack) -> None:
    app, screen = at_thank_you(pack)
    (pack / "scenes" / "a.yaml").rename(pack / "scenes" / "start.yaml")
    edit(pack, "../scenes/story.yaml", "start: a}", "start: start}")
    feed(app, key(pygame.K_r, SHIFT))
    shown = app.stack[-1]
    assert type(shown).__name__ == "StoryProblems"
    assert "cannot keep your place" in str(shown.problems[0]) and "'a'" in str(shown.problems[0])
    feed(app, key(pygame.K_RETURN))
    assert app.stack == [screen] and screen.line.text == "Thank you."


# --- recording the playthrough ---

def replay(story, path: Path):
    """A playthrough file played as tests/test_playthroughs.py plays the game's own."""
    plan = yaml.safe_load(path.read_text(encoding="utf-8"))
    result = play(story, Runner.new(story, plan["route"], check_past(story, plan.get("ended", []))), plan["choose"])
    return plan, result


def test_shift_p_writes_a_playthrough_file_that_replays_to_the_same_ending(pack) -> None:
    story = load_story(pack)
    app, screen = start(story)
    read_on(app, screen, 2)
    pick(app, screen, 2)                        # Be cold (the hidden option is not counted): danger 1
    read_on(app, screen, 3)                     # I see., The night went on., One more thing., the menu
    pick(app, screen, 2)                        # Go: trust -1
    assert screen.line.text == "The end came."
    before = dict(screen.runner.state.meters)
    feed(app, key(pygame.K_p, SHIFT))
    written = list((pack / "tests" / "playthroughs").glob("*.yaml"))
    assert len(written) == 1 and written[0].name == "recorded_plain.yaml"
    assert any("tests/playthroughs/recorded_plain.yaml" in t.words for t in screen.toasts.items)
    plan, result = replay(story, written[0])
    assert plan["choose"] == [2, 2] and plan["ending"] == "plain"
    assert result.stopped == "ending" and result.ending == "plain"
    assert plan["meters"] == dict(result.runner.state.meters) == before == {"trust": 0, "danger": 1}
    shown = [f"{l.speaker}: {l.text}" if l.speaker else l.text for l in result.lines()]
    assert plan["lines"] and all(line in shown for line in plan["lines"])
    assert "sophie: I see." in plan["lines"] and "The end came." in plan["lines"]
    read_on(app, screen)                        # the ending itself: the file holds the same one
    assert type(app.stack[-1]).__name__ == "EndingScreen" and screen.runner.state.ending == plan["ending"]
    again_app, again = start(story)             # a second recording of another path never overwrites the first
    read_on(again_app, again, 2)
    pick(again_app, again, 1)
    feed(again_app, key(pygame.K_p, SHIFT))
    names = sorted(p.name for p in (pack / "tests" / "playthroughs").glob("*.yaml"))
    assert names == ["recorded_main_at_menu_2.yaml", "recorded_plain.yaml"]
    plan, result = replay(story, pack / "tests" / "playthroughs" / "recorded_main_at_menu_2.yaml")
    assert plan["stopped"] == "menu" == result.stopped and plan["flags"] == {"kind": True}
    assert result.runner.state.meters == plan["meters"] == {"trust": 3, "danger": 0}


def test_a_story_folder_that_cannot_be_written_gets_the_file_in_the_players_folder(pack) -> None:
    story = load_story(pack)
    app, screen = start(story)
    (pack / "tests").write_text("a file where the folder would go")
    feed(app, key(pygame.K_p, SHIFT))
    written = list((app.folder / "playthroughs").glob("*.yaml"))
    assert len(written) == 1
    assert any(str(written[0]) in t.words for t in screen.toasts.items)
    plan, result = replay(story, written[0])
    assert plan["choose"] == [] and result.stopped == plan["stopped"] == "menu"


GAME_PLANS = sorted((Path(__file__).parent / "playthroughs").glob("*.yaml"))


@pytest.fixture(scope="module")
def game_story():
    return load_story()


@pytest.mark.parametrize("path", GAME_PLANS, ids=[p.stem for p in GAME_PLANS])
def test_recording_any_playthrough_of_the_game_gives_back_its_choices_ending_and_meters(path, tmp_path,
                                                                                      game_story) -> None:
    story = game_story
    plan, result = replay(story, path)
    written = write_playthrough(story, result.runner.state, [tmp_path])
    again, replayed = replay(story, written)
    assert again["choose"] == plan["choose"] and again.get("ended", []) == sorted(plan.get("ended", []))
    assert again["ending"] == plan["ending"] == replayed.ending
    assert again["meters"] == dict(replayed.runner.state.meters) == dict(result.runner.state.meters)
    assert {k for k, v in result.runner.state.flags.items() if v} == set(again["flags"])
    assert 3 <= len(again["lines"]) <= 10


def test_a_reload_at_a_menu_keeps_the_menu_and_the_line_that_asked(pack) -> None:
    app, screen = start(load_story(pack))
    read_on(app, screen, 2)
    assert screen.menu is not None
    edit(pack, "a.yaml", "      - text: Be cold.\n", "      - text: Be cold, then.\n")   # reworded: the same menu
    feed(app, key(pygame.K_r, SHIFT))
    settle(app)
    assert screen.menu is not None and [b.label for b in screen.menu.buttons] == ["Be kind.", "Be cold, then."]
    assert screen.box.pages == [["Hello."]] and screen.box.name == "Sophie"   # the line that asked stays
    pick(app, screen, 2)
    assert screen.line.text == "I see." and screen.runner.state.meters["danger"] == 1


def test_many_problems_are_cut_to_the_panel_and_say_how_many_more(pack) -> None:
    app, screen = at_thank_you(pack)
    (pack / "scenes" / "a.yaml").write_text("steps:\n" + "".join(f"  - nobody{i}: Hi.\n" for i in range(60))
                                            + "  - goto: b\n")
    feed(app, key(pygame.K_r, SHIFT))
    shown = app.stack[-1]
    rows_, left = shown.shown_rows()
    whole = [r for r in rows_ if not r.startswith(" ")]          # each problem whole: its first row and the rest
    assert len(shown.problems) >= 60 and len(whole) >= 5 and left == len(shown.problems) - len(whole)
    assert not rows_[-1].endswith("put the")
    assert rows_[0].startswith("scenes/a.yaml:2:5: error: unknown character or step 'nobody0'")
