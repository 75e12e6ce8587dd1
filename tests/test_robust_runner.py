"""Property tests of the runner: random stories played at random end or raise a StoryError, and saves resume them."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.story import Changed, Runner, StoryError, load_story, read_save, write_save
from game.story.playthrough import MAX_RANDOM_CHOICES, play
from robust_helpers import MANIFEST, ROBUST_IO, assert_meters_in_range, no_hang, runner_stories, tally
from robust_helpers import story_folder  # noqa: F401  (a fixture)


@settings(ROBUST_IO, max_examples=60)
@given(files=runner_stories(), seeds=st.lists(st.integers(0, 2**32), min_size=1, max_size=4))
def test_random_playthroughs_end_or_raise_story_error_and_meters_stay_in_range(story_folder, files, seeds) -> None:
    manifest, scenes = files
    story = load_story(story_folder().write(manifest, scenes))  # the generated stories are all valid
    for seed in seeds:
        runner = Runner.new(story, "r")
        try:
            with no_hang():
                result = play(story, runner, seed=seed)
        except StoryError as exc:
            tally(f"play: StoryError: {exc.problems[0].message.split(' (')[0]}")
            assert exc.problems
            assert_meters_in_range(story, runner.state.meters)
            continue
        tally(f"play: ending after {min(len(result.choices), 5)}{'+' if len(result.choices) > 5 else ''} choices")
        assert result.stopped == "ending", result.choices[-5:]
        assert result.ending in story.endings and story.endings[result.ending].route == "r"
        assert len(result.choices) < MAX_RANDOM_CHOICES
        # Replay the reported changes from the start: each must begin where the last left off, in range.
        meters = {m.id: m.start for m in story.meters.values()}
        for event in result.events:
            if isinstance(event, Changed):
                for change in event.meters:
                    assert change.before == meters[change.meter] and change.before != change.after
                    meters[change.meter] = change.after
                    assert_meters_in_range(story, meters)
        assert meters == runner.state.meters
        assert_meters_in_range(story, runner.state.meters)
        again = play(story, Runner.new(story, "r"), seed=seed)  # a seed makes a playthrough repeatable
        assert (again.choices, again.ending) == (result.choices, result.ending)


def test_play_on_a_loop_of_lines_without_menus_raises_story_error(story_dir) -> None:
    """This once hung: the loop shows lines, so neither the runner's silent-op limit nor the cap on choices fired."""
    story = load_story(story_dir(MANIFEST, {"s.yaml": "steps:\n  - Tick.\n  - goto: t\n",
                                            "t.yaml": "steps:\n  - Tock.\n  - goto: s\n"}))
    with no_hang(), pytest.raises(StoryError):
        play(story, Runner.new(story, "r"), seed=1)


@settings(ROBUST_IO, max_examples=40)
@given(files=runner_stories(), seed=st.integers(0, 2**32), data=st.data())
def test_saving_at_any_menu_and_loading_plays_on_to_the_same_end(story_folder, tmp_path: Path, files, seed: int,
                                                                 data: st.DataObject) -> None:
    manifest, scenes = files
    story = load_story(story_folder().write(manifest, scenes))
    whole = Runner.new(story, "r")
    try:
        straight = play(story, whole, seed=seed)
    except StoryError:
        return  # a dead end: nothing to compare
    stop = data.draw(st.integers(0, len(straight.choices)), label="menus answered before saving")
    first = Runner.new(story, "r")
    play(story, first, straight.choices[:stop])
    write_save(tmp_path / "round.json", first.checkpoint)
    state, _meta = read_save(tmp_path / "round.json", story)
    rest = play(story, Runner(story, state), straight.choices[stop:])
    assert (rest.stopped, rest.ending) == ("ending", straight.ending)
    for part in ("meters", "flags", "visits", "choices", "ending"):
        assert getattr(whole.state, part) == getattr(rest.runner.state, part), part
