"""The runner's contract: advance() and choose() in the right states, menus, effects, endings, checkpoints."""
from __future__ import annotations

import pytest

from game.story import Changed, End, Line, Menu, Runner, SceneStart, Stage, StoryError, load_story
from game.story.playthrough import play
from storyfixtures import ASSETS, MANIFEST

SCENE_A = """\
background: bg
music: theme
steps:
  - show: sophie happy at left
  - sophie: Hello.
  - effects: {trust: +10}
  - choice:
      - text: Hidden unless danger.
        if: danger > 0
        goto: b
      - text: Greyed unless trust is full.
        requires: trust >= 6
        hint: Not yet.
        goto: b
      - text: Raise danger.
        effects: {danger: +1, warned: true}
        then:
          - marco: Careful.
      - text: Leave.
        goto: b
  - sophie neutral: After the menu.
  - goto: b
"""
SCENE_B = """\
background: night with dissolve
steps:
  - if: warned
    then:
      - Warned.
  - elif: trust >= 5
    then:
      - Trusted.
  - else:
      - Neither.
  - ending: best
"""


@pytest.fixture
def story(story_dir):
    return load_story(story_dir(MANIFEST, {"a.yaml": SCENE_A, "b.yaml": SCENE_B}, ASSETS))


def until_menu(runner: Runner) -> list:
    events = []
    while True:
        events.append(runner.advance())
        if isinstance(events[-1], (Menu, End)):
            return events


def test_events_in_order_and_clamped_meters(story) -> None:
    runner = Runner.new(story, "main")
    events = until_menu(runner)
    assert isinstance(events[0], SceneStart) and events[0].scene == "a"
    assert events[1] == Stage("scene", "bg", transition="fade")
    assert events[2] == Stage("music", "theme")
    assert events[3] == Stage("show", "sophie", "happy", "left")
    assert isinstance(events[4], Line) and events[4].speaker == "sophie" and events[4].text == "Hello."
    assert isinstance(events[5], Changed)
    assert (events[5].meters[0].before, events[5].meters[0].after) == (1, 5)  # clamped to max 5
    menu = events[6]
    assert [o.text for o in menu.options] == ["Greyed unless trust is full.", "Raise danger.", "Leave."]
    assert [o.available for o in menu.options] == [False, True, True]
    assert menu.options[0].hint == "Not yet."


def test_wrong_calls_are_errors(story) -> None:
    runner = Runner.new(story, "main")
    with pytest.raises(StoryError, match="no menu waiting"):
        runner.choose(0)
    until_menu(runner)
    with pytest.raises(StoryError, match="menu waits"):
        runner.advance()
    with pytest.raises(StoryError, match="not available"):
        runner.choose(0)
    with pytest.raises(StoryError, match="out of range"):
        runner.choose(3)
    runner.choose(2)
    events = until_menu(runner)
    assert isinstance(events[-1], End)
    with pytest.raises(StoryError, match="after the story ended"):
        runner.advance()


def test_option_steps_then_continue_after_menu(story) -> None:
    result = play(story, Runner.new(story, "main"), [2])
    texts = [line.text for line in result.lines()]
    assert texts == ["Hello.", "Careful.", "After the menu.", "Warned."]
    assert result.runner.state.flags == {"warned": True}
    assert result.runner.state.meters == {"trust": 5, "danger": 1}
    assert result.ending == "good"
    assert result.runner.state.choices == (("a#menu1", 2),)  # as authored: the hidden option counts


def test_elif_and_best_ending_by_priority(story) -> None:
    result = play(story, Runner.new(story, "main"), [3])
    assert [line.text for line in result.lines()][-1] == "Trusted."
    assert result.ending == "good"


def test_fallback_ending_when_no_condition_holds(story_dir) -> None:
    a = "steps:\n  - effects: {trust: -5}\n  - ending: best\n"
    story = load_story(story_dir(MANIFEST, {"a.yaml": a}, ASSETS))
    assert play(story, Runner.new(story, "main")).ending == "plain"


def test_effects_set_with_equals(story_dir) -> None:
    a = "steps:\n  - effects: {trust: '=4', danger: '+2'}\n  - ending: plain\n"
    story = load_story(story_dir(MANIFEST, {"a.yaml": a}, ASSETS))
    assert play(story, Runner.new(story, "main")).runner.state.meters == {"trust": 4, "danger": 2}


def test_seen_lines_and_checkpoint(story) -> None:
    runner = Runner.new(story, "main")
    line = next(e for e in iter(runner.advance, None) if isinstance(e, Line))
    assert not line.seen_before and line.id in runner.state.seen
    assert runner.checkpoint.pc == runner.state.pc - 1  # the checkpoint shows this line again
    again = Runner(story, runner.checkpoint.copy())
    replay = next(e for e in iter(again.advance, None) if isinstance(e, Line))
    assert replay.id == line.id and replay.seen_before


def test_dead_end_menu_is_reported_with_its_place(story_dir) -> None:
    a = "steps:\n  - choice:\n      - text: Never.\n        requires: trust > 4\n        goto: a\n"
    story = load_story(story_dir(MANIFEST, {"a.yaml": a}, ASSETS))
    runner = Runner.new(story, "main")
    assert isinstance(runner.advance(), SceneStart)
    with pytest.raises(StoryError) as info:
        runner.advance()
    assert "a.yaml:2:5: error: no option of this menu can be chosen here" in str(info.value)


def test_unknown_route(story) -> None:
    with pytest.raises(StoryError, match="unknown route 'nope'"):
        Runner.new(story, "nope")


def test_story_loops_without_showing_anything(story_dir) -> None:
    story = load_story(story_dir(MANIFEST, {"a.yaml": "steps:\n  - goto: b\n", "b.yaml": "steps:\n  - goto: a\n"},
                                 ASSETS))
    runner = Runner.new(story, "main")
    with pytest.raises(StoryError, match="loops without showing anything"):
        while True:
            runner.advance()
