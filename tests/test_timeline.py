"""Rollback and history as data: every step restores its state exactly; roll forward retraces; a new choice forks."""
from __future__ import annotations

import pytest

from game.story import Line, Menu, Runner, load_story
from game.story.timeline import Timeline, earlier_entries


@pytest.fixture(scope="module")
def story():
    return load_story()


def play(story, route: str, choose, steps: int, timeline: Timeline) -> Runner:
    """Advance through `steps` lines and menus, recording each in the timeline as the play screen does."""
    runner = Runner.new(story, route)
    shown = 0
    while shown < steps and runner.status != "ended":
        event = runner.advance()
        if isinstance(event, (Line, Menu)):
            timeline.record(runner.checkpoint, event)
            shown += 1
            if isinstance(event, Menu):
                index = choose(event)
                runner.choose(index)
                timeline.chose(index, event.options[index].text, runner.state.choices[-1][1])
    return runner


def first_available(menu: Menu) -> int:
    return next(i for i, o in enumerate(menu.options) if o.available)


def snapshot(state) -> dict:
    data = state.to_json()
    data.pop("seen")
    return data


def test_every_step_back_restores_the_state_it_was_shown_in_exactly(story) -> None:
    timeline = Timeline()
    for route in ("vineyard", "provence"):   # one route is under 200 steps: two in a row make the long walk back
        play(story, route, first_available, 400, timeline)
    assert len(timeline.steps) >= 200
    recorded = [snapshot(step.state) for step in timeline.steps]
    for back in range(1, 200):
        step = timeline.back()
        assert step is not None
        assert snapshot(step.state) == recorded[-1 - back]
        again = Runner(story, step.state.copy()).advance()   # the same line or menu is shown again
        assert again.id == step.id
    assert len(timeline.future) == 199


def test_roll_forward_retraces_the_same_path_and_a_new_choice_forgets_it(story) -> None:
    timeline = Timeline()
    play(story, "vineyard", first_available, 120, timeline)
    menus = [i for i, s in enumerate(timeline.steps) if s.menu is not None]
    target = menus[1]
    ids = [s.id for s in timeline.steps]
    timeline.back_to(target)
    assert timeline.current.id == ids[target] and timeline.can_forward()
    for expected in ids[target + 1:target + 6]:
        assert timeline.forward().id == expected
    timeline.back_to(target)
    menu = timeline.current.menu
    other = next(i for i, o in enumerate(menu.options) if o.available and i != timeline.current.choice)
    timeline.chose(other, menu.options[other].text, other)
    assert not timeline.can_forward()


def test_walking_on_normally_along_the_same_path_keeps_the_future(story) -> None:
    timeline = Timeline()
    runner = play(story, "vineyard", first_available, 10, timeline)
    step = timeline.back(3)
    runner = Runner(story, step.state.copy())
    runner.advance()
    event = runner.advance()
    while not isinstance(event, (Line, Menu)):
        event = runner.advance()
    timeline.record(runner.checkpoint, event)
    assert len(timeline.future) == 2


def test_the_history_kept_in_a_save_reads_back_as_text_and_drops_lines_that_are_gone(story) -> None:
    timeline = Timeline()
    play(story, "paris", first_available, 60, timeline)
    log = timeline.log()
    assert any(item[0] == "menu" for item in log)
    entries = earlier_entries(story, log)
    before = timeline.steps[:-1]   # the step on screen is shown, and recorded, again when the save is loaded
    lines = [s for s in before if s.line is not None]
    assert [e.text for e in entries if not e.choice] == [s.line.text for s in lines]
    chosen = [e.text for e in entries if e.choice]
    assert chosen == [s.choice_text for s in before if s.choice is not None]
    carried = Timeline()
    carried.carry(story, log)
    assert carried.log() == log and carried.earlier == entries
    damaged = log + [["line", "paris.cafe/00000000"], ["menu", "nowhere#menu1", 0], "junk", ["menu", log[0][1], True]]
    assert len(earlier_entries(story, damaged)) == len(entries)


def test_the_timeline_keeps_a_bounded_number_of_steps(story) -> None:
    timeline = Timeline(limit=50)
    play(story, "provence", first_available, 120, timeline)
    assert len(timeline.steps) == 50
