"""warp(): a line id found by playing the story from the route's start, breadth-first over the choices; the state
is that of a real path (meters, flags, visits, choices), not of a jump."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from authorpack import ASSETS, MANIFEST, B, scenes
from game.story import Line, Runner, StoryError, load_story
from game.story.playthrough import play
from game.story.position import line_index
from game.story.warp import warp
from mapfixtures import write_png

ROOT = Path(__file__).resolve().parents[1]

B_GATED = B.replace("  - sophie: One more thing.\n",   # a line only a kind first scene shows
                    "  - if: kind\n    then:\n      - sophie: You were kind.\n  - sophie: One more thing.\n")


@pytest.fixture
def story(story_dir):
    return load_story(story_dir(MANIFEST, scenes(b=B_GATED), ASSETS))


def line_of(story, text: str) -> str:
    return next(i for i, (_, op) in line_index(story).items() if op.text == text)


def test_a_line_after_choices_starts_with_the_state_of_the_path_that_shows_it(story) -> None:
    target = line_of(story, "You were kind.")       # only after "Be kind" (flag kind)
    found = warp(story, target)
    assert found.choices == (1,)
    state = found.state
    assert state.meters == {"trust": 3, "danger": 0} and state.flags == {"kind": True}
    assert state.visits == {"a": 1, "b": 1} and state.choices == (("a#menu1", 0),)
    assert found.where.endswith("scenes/b.yaml:6:9")
    event = Runner(story, state).advance()             # the runner shows that line first
    assert isinstance(event, Line) and event.id == target


def test_the_path_found_is_the_one_play_takes_with_those_choices(story) -> None:
    target = line_of(story, "I see.")                   # after "Be cold": danger 1
    found = warp(story, target)
    result = play(story, Runner.new(story, "main"), list(found.choices))
    assert target in [line.id for line in result.lines()]
    assert found.state.meters["danger"] == 1


def test_the_first_line_needs_no_choice(story) -> None:
    target = line_of(story, "The lamp was lit.")
    found = warp(story, target)
    assert found.choices == () and found.state.visits == {"a": 1} and found.state.stage["background"] == "bg"
    assert Runner(story, found.state).advance().id == target


def test_an_unknown_id_says_so_with_a_did_you_mean(story) -> None:
    target = line_of(story, "You were kind.")
    with pytest.raises(StoryError) as caught:
        warp(story, target[:-1] + "x")
    said = str(caught.value)
    assert "\n" not in said and f"no line '{target[:-1]}x'" in said and f"did you mean '{target}'" in said


def test_an_unknown_route_and_a_line_never_shown_are_one_line_each(story_dir) -> None:
    never = B_GATED.replace("if: kind", "if: kind and danger > 0")  # kind and cold never go together
    story = load_story(story_dir(MANIFEST, scenes(b=never), ASSETS))
    target = line_of(story, "You were kind.")
    with pytest.raises(StoryError, match="unknown route 'mian'"):
        warp(story, target, route="mian")
    with pytest.raises(StoryError) as caught:
        warp(story, target)
    assert "is never shown on route 'main'" in str(caught.value) and "\n" not in str(caught.value)


def test_a_search_past_its_budget_says_it_stopped(story) -> None:
    with pytest.raises(StoryError, match="not reached on route 'main' within 1 states"):
        warp(story, line_of(story, "Good."), max_states=1)


def test_a_deep_line_of_the_games_story() -> None:
    story = load_story()
    ending_lines = [(i, op) for i, (scene, op) in line_index(story).items() if scene.startswith("paris.")]
    target, op = ending_lines[-1]
    found = warp(story, target)
    assert found.choices                               # it took choices to get there
    runner = Runner(story, found.state)
    assert runner.advance().id == target


# --- the command line: the window's --at and shot --at ---

def run_game(*args: str, trace: Path | None = None) -> subprocess.CompletedProcess:
    environ = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", UTSS_EXIT_AFTER_FIRST_FRAME="1")
    if trace is not None:
        environ["UTSS_TRACE"] = str(trace)
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=ROOT, env=environ, capture_output=True,
                          text=True, timeout=60)


@pytest.fixture
def pack(story_dir) -> Path:
    root = story_dir(MANIFEST, scenes(b=B_GATED), ASSETS)
    write_png(root / "assets" / "backgrounds" / "bg.png", 16, 9, lambda x, y: (40, 60, 90, 255))  # shot draws it
    return root


def test_the_window_opens_at_the_line_given(pack, tmp_path) -> None:
    story = load_story(pack)
    target = line_of(story, "You were kind.")
    trace = tmp_path / "trace.jsonl"
    done = run_game("--story", str(pack), "--at", target, trace=trace)
    assert done.returncode == 0, done.stderr
    shown = [json.loads(line) for line in trace.read_text().splitlines()]
    lines = [entry["line"] for entry in shown if "line" in entry]
    assert lines == [target], shown                    # the first line on screen is the one asked for


def test_a_wrong_line_id_is_one_line_with_a_did_you_mean_and_exit_code_2(pack) -> None:
    target = line_of(load_story(pack), "You were kind.")
    for args in (["--story", str(pack), "--at", target + "x"],
                 ["shot", "--story", str(pack), "--at", target + "x", "--out", "never.png"]):
        done = run_game(*args)
        assert done.returncode == 2, done.stderr
        assert done.stderr.count("\n") == 1 and f"did you mean '{target}'" in done.stderr, done.stderr
        assert "Traceback" not in done.stderr


def test_shot_at_a_line_draws_that_line_with_the_paths_stage(pack, tmp_path) -> None:
    story = load_story(pack)
    out = tmp_path / "at.png"
    done = run_game("shot", "--story", str(pack), "--at", line_of(story, "I see."), "--out", str(out), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["shows"] == "line"
    played = tmp_path / "played.png"   # the same moment reached by playing: The lamp, Hello, (Be cold) I see.
    done = run_game("shot", "--story", str(pack), "--route", "main", "--choose", "2", "--line", "3",
                    "--out", str(played))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == played.read_bytes()
